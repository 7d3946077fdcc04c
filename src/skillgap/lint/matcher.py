"""Lint rules that ask the real matcher: ``cross-match``, ``contained-form`` and
``fuzzy-collision``.

Every form of every skill is run through a :class:`~skillgap.matching.SkillIndex` of the
rubric, so these rules report what the matcher really does with the rubric's own words,
not a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from rapidfuzz import process
from rapidfuzz.distance import OSA

from ..io.yaml_source import PathKey
from ..matching.evidence import Evidence
from ..matching.forms import MIN_SLIP_LENGTH, fuzzy_allowance
from ..matching.index import SkillIndex
from ..profiles.model import DeclaredSkill
from ..rubric.findings import Finding
from ..rubric.model import Area, Requirement, Rubric, Skill
from ..text import STOPWORDS, word_norms
from .context import FormRef, LintContext, stems_of


def _single_skill_index(skill: Skill) -> SkillIndex:
    """A matcher that knows only ``skill`` (to ask "would this text match it?")."""
    requirement = Requirement.model_construct(id="lint", name="lint", skills=(skill,))
    area = Area.model_construct(id="lint", name="lint", weight=1.0, requirements=(requirement,))
    return SkillIndex(Rubric.model_construct(id="lint", title="lint", version="0", areas=(area,)))


def _how(evidence: Evidence, form_norms: tuple[str, ...], other: Skill) -> str:
    """How the matcher got from the text to the other skill's form, in words."""
    written = word_norms(evidence.text)
    if evidence.method == "fuzzy":
        return f"as a near spelling, similarity {evidence.similarity:.2f}"
    if "".join(written) == "".join(form_norms):
        return "spaces and hyphens are ignored"
    if other.inflect:
        return "word forms are folded and a few words in between are allowed"
    return "as written"


def check_matcher(ctx: LintContext) -> Iterator[Finding]:
    index = ctx.index()
    primary = [ref for ref in ctx.skills if ref.primary]
    skill_by_name = {ref.skill.name: ref.skill for ref in primary}
    form_loc = {(ctx.name(f), f.text): f.loc for f in ctx.forms if ctx.skills[f.skill].primary}
    name_loc = {ref.skill.name: (*ref.loc, "name") for ref in primary}

    def where(skill: str, form: str) -> PathKey:
        """Where the rubric writes ``form`` of ``skill``: a form it inherits from the
        knowledge base is not written, so the skill's name stands for it."""
        return form_loc.get((skill, form), name_loc[skill])

    other_forms: dict[str, list[FormRef]] = {}
    for ref_number, ref in enumerate(ctx.skills):
        if ref.primary:
            other_forms[ref.skill.name] = ctx.forms_of[ref_number]
    same_form = _shared_forms(ctx)
    words = frozenset(f.compact for f in ctx.forms if len(f.norms) == 1)
    reported: set[tuple[PathKey, str]] = set()
    contained: dict[tuple[str, str], list[FormRef]] = {}
    for form in ctx.forms:
        ref = ctx.skills[form.skill]
        if not ref.primary or not form.norms:
            continue
        for evidence in index.match_text(form.text):
            other = evidence.skill
            if other == ref.skill.name or (form.loc, other) in same_form | reported:
                continue
            if evidence.method == "achievement":
                # Achievements are what people did; a name that reads as one is
                # evidence of both on purpose ("partner with engineering").
                continue
            written = word_norms(evidence.text)
            target = word_norms(evidence.form)
            if evidence.method != "fuzzy" and _equivalent(
                written, other_forms[other], inflect=skill_by_name[other].inflect
            ):
                contained.setdefault((other, evidence.form), []).append(form)
                continue
            reported.add((form.loc, other))
            how = _how(evidence, target, skill_by_name[other])
            if (other, evidence.form) not in form_loc:
                how = f"a form it inherits from the knowledge base; {how}"
            if written == form.norms:
                message = (
                    f"'{form.text}' ({ref.skill.name}) is also read as {other} "
                    f"(its form '{evidence.form}'; {how}): one mention counts for both "
                    "skills; keep the phrase in one of them, or reword it"
                )
            else:
                message = (
                    f"'{evidence.text}' inside '{form.text}' ({ref.skill.name}) is read "
                    f"as {other} (its form '{evidence.form}'; {how}): a mention of "
                    f"'{form.text}' also counts for {other}; if it should not, add "
                    f"'{form.text}' to the exclude list of {other}"
                )
            yield Finding("cross-match", form.loc, message, related=(where(other, evidence.form),))
        yield from _split_spellings(ctx, index, form, words, reported)
    for (other, other_form), forms in contained.items():
        examples = [ctx.described(f) for f in forms]
        shown = ", ".join(examples[:3]) + (
            f" and {len(examples) - 3} more" if len(examples) > 3 else ""
        )
        yield Finding(
            "contained-form",
            where(other, other_form),
            f"'{other_form}' ({other}) appears word for word in {len(forms)} form"
            f"{'s' if len(forms) != 1 else ''} of other skills: {shown}; a mention "
            f"of any of them also counts for {other}; where it should not, add the "
            f"phrase to the exclude list of {other}",
            related=tuple(f.loc for f in forms),
        )


def _equivalent(written: tuple[str, ...], forms: Sequence[FormRef], *, inflect: bool) -> bool:
    """Are these words one of the forms, as the matcher sees it (case, spacing and
    hyphens ignored; word forms folded for inflect skills), with no words in between?"""
    for form in forms:
        if written == form.norms:
            return True
        if (
            form.compact_ok
            and all(len(w) >= 2 for w in written)
            and "".join(written) == form.compact
        ):
            return True
        kept = tuple(w for w in written if w not in STOPWORDS)
        if (
            inflect
            and len(kept) == len([n for n in form.norms if n not in STOPWORDS])
            and stems_of(written) == stems_of(form.norms)
        ):
            return True
    return False


def _shared_forms(ctx: LintContext) -> set[tuple[PathKey, str]]:
    """(form location, other skill) pairs that duplicate-form already reports."""
    owners: dict[str, set[str]] = {}
    for form in ctx.forms:
        if not ctx.skills[form.skill].primary or not form.norms:
            continue
        owners.setdefault(form.key, set()).add(ctx.name(form))
        if form.compact_ok:
            owners.setdefault("\0" + form.compact, set()).add(ctx.name(form))
    pairs: set[tuple[PathKey, str]] = set()
    for form in ctx.forms:
        names = owners.get(form.key, set()) | (
            owners.get("\0" + form.compact, set()) if form.compact_ok else set()
        )
        pairs.update((form.loc, name) for name in names)
    return pairs


#: Where a one-word name changes case ("Java|Script", "LLM|Ops"): the places people
#: also put a space.
_HUMP_RE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def _split_spellings(
    ctx: LintContext,
    index: SkillIndex,
    form: FormRef,
    words: frozenset[str],
    reported: set[tuple[PathKey, str]],
) -> Iterator[Finding]:
    """A one-word form written in two words ("Java Script") is still that skill to the
    matcher; report when one of the two words also counts for another skill."""
    text = form.text
    if len(form.norms) != 1 or len(text) < 6 or not (text.isascii() and text.isalnum()):
        return
    name = ctx.name(form)
    for match in _HUMP_RE.finditer(text):
        cut = match.start()
        left, right = text[:cut], text[cut:]
        if len(left) < 3 or len(right) < 3:
            continue
        if left.lower() not in words and right.lower() not in words:
            continue
        spaced = f"{left} {right}"
        found = index.match_text(spaced)
        if not any(e.skill == name for e in found):
            continue
        for evidence in found:
            if evidence.skill == name or (form.loc, evidence.skill) in reported:
                continue
            reported.add((form.loc, evidence.skill))
            yield Finding(
                "cross-match",
                form.loc,
                f"'{text}' ({name}) written as '{spaced}' still counts as {name}, "
                f"but '{evidence.text}' in it also counts for {evidence.skill}; if it "
                f"should not, add '{spaced}' to the exclude list of {evidence.skill}",
            )


class _ReachIndex:
    """Forms that a text may be within fuzzy reach of, found without comparing the text
    with every form in Python (20,000 skills took 14 s that way, growing with the square).

    Forms are filed by first letter and length; a text is compared, in one call to
    rapidfuzz per length (``process.extract`` with a cut-off of two edits, in C), with
    the forms that start with its letter and are at most two letters longer or shorter:
    no two strings further apart in length are within two edits.
    """

    def __init__(self, forms: Iterable[FormRef]) -> None:
        self._buckets: dict[tuple[str, int], tuple[list[FormRef], list[str]]] = {}
        for form in forms:
            bucket = self._buckets.setdefault((form.compact[:1], len(form.compact)), ([], []))
            bucket[0].append(form)
            bucket[1].append(form.compact)

    def near(self, text: str) -> list[tuple[FormRef, int]]:
        """Forms within two edits of ``text`` that start with its letter, with the
        number of edits (0 for the same string)."""
        found: list[tuple[FormRef, int]] = []
        for length in range(len(text) - _MOST_EDITS, len(text) + _MOST_EDITS + 1):
            bucket = self._buckets.get((text[:1], length))
            if bucket is None:
                continue
            forms, compacts = bucket
            for _, distance, position in process.extract(
                text, compacts, scorer=OSA.distance, score_cutoff=_MOST_EDITS, limit=None
            ):
                found.append((forms[position], int(distance)))
        return found


#: The most edits the matcher allows for any form (see ``fuzzy_allowance``).
_MOST_EDITS = 2


#: Fuzzy collisions reported per rubric before the check stops (with a closing note):
#: thousands of near-identical names would otherwise take minutes and gigabytes to list.
MAX_FUZZY_COLLISIONS = 200


def check_fuzzy_collisions(ctx: LintContext) -> Iterator[Finding]:
    """Forms of one skill within fuzzy reach of another skill's forms.

    Asks a matcher that knows only the other skill whether it would match the form's
    text: with the form's own skill out of the way, that is the reach a misspelling has.
    Only pairs that could be in reach are asked (same first letter, and no more edits
    apart than the matcher ever allows for a form that long). After
    :data:`MAX_FUZZY_COLLISIONS` the check stops and says so.
    """
    found_count = 0
    form_loc = {(ctx.name(f), f.text): f.loc for f in ctx.forms if ctx.skills[f.skill].primary}
    reachable = _ReachIndex(
        f for f in ctx.forms if ctx.skills[f.skill].primary and len(f.compact) >= MIN_SLIP_LENGTH
    )
    indexes: dict[str, SkillIndex] = {}
    seen: set[tuple[PathKey, PathKey]] = set()
    for form in ctx.forms:
        ref = ctx.skills[form.skill]
        if not ref.primary or not form.norms:
            continue
        windows = {
            "".join(form.norms[i:j])
            for i in range(len(form.norms))
            for j in range(i + 1, min(len(form.norms), i + 3) + 1)
        }
        candidates: dict[str, Skill] = {}
        for window in windows:
            for target, distance in reachable.near(window):
                other = ctx.skills[target.skill].skill
                if other.name == ref.skill.name or other.name in candidates:
                    continue
                if 0 < distance <= fuzzy_allowance(len(target.compact)):
                    candidates[other.name] = other
        for other_name, other in sorted(candidates.items()):
            matcher = indexes.get(other_name)
            if matcher is None:
                matcher = indexes[other_name] = _single_skill_index(other)
            found = matcher.match_text(form.text) + matcher.match_declared(
                DeclaredSkill(form.text, "rubric", None)
            )
            for evidence in found:
                if evidence.similarity >= 1.0:
                    continue
                target_loc = form_loc[(other_name, evidence.form)]
                if (target_loc, form.loc) in seen:
                    continue
                seen.add((target_loc, form.loc))
                found_count += 1
                if found_count > MAX_FUZZY_COLLISIONS:
                    yield Finding(
                        "fuzzy-collision",
                        form.loc,
                        f"more than {MAX_FUZZY_COLLISIONS} skills are within fuzzy reach of "
                        "one another; the check stopped here. Set 'exact: true' on skills "
                        "with near-identical names (or give them aliases that differ more)",
                    )
                    return
                yield Finding(
                    "fuzzy-collision",
                    target_loc,
                    f"'{evidence.form}' ({other_name}) is matched fuzzily, and "
                    f"{ctx.described(form)} is within reach of it (similarity "
                    f"{evidence.similarity:.2f}): a slightly misspelt mention of "
                    f"either may count for the other; set 'exact: true' on "
                    f"{other_name} if they are different things",
                    related=(form.loc,),
                )

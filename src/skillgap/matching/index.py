"""The skill index: every form of a rubric's skills, matched against a profile.

:class:`SkillIndex` is built once per rubric. For running text it finds every word
sequence that is a form of a skill, by exact key, compact key ("TensorFlow" = "tensor
flow"), versioned name ("python3"), stemmed phrase (``inflect`` skills) and then near
spelling; each hit then passes the guards (:mod:`.guards`) and the negation test
(:mod:`.negation`) or becomes a :class:`~.evidence.Rejection` with the reason, and
overlapping hits are resolved. Declared skills (a skills list) are matched item by item.
Principles, with examples, are in ``docs/matching.md``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..profiles.model import DeclaredSkill, Profile, TextSegment
from ..rubric.model import Rubric, Skill
from ..text import Tokens, prepare_text, tokenize
from .evidence import (
    METHOD_RANK,
    Evidence,
    Method,
    ProfileMatches,
    Rejection,
    dedupe_evidence,
    snippet,
    span_text,
    with_implied,
)
from .forms import MIN_FUZZY_LENGTH, PHRASE_GAP, Form, FormTable, Memo, collection_paused
from .fuzzy import FuzzyLookup
from .guards import (
    Guard,
    PhraseStarts,
    case_matches,
    covered_by_phrase,
    has_context,
    mentions_any,
    single_letter_reason,
)
from .negation import cue_counts, may_be_negated, negated
from .phrases import PhraseFinder, PhraseHit

_FUZZY_MAX_WORDS = 3
#: Set-aside mentions kept per skill and text (a few say why: 1.8 MB of "R R R" needs no
#: 900,000); from _MANY_MENTIONS ambiguous mentions, context is indexed (PhraseStarts).
MAX_IGNORED, _MANY_MENTIONS = 20, 64


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    form: Form
    method: Method
    similarity: float


_NEWLINE_RE = re.compile("\n")
_VERSIONED_RE = re.compile(r"^([a-z][a-z+#]{2,}?)v?\d+(?:\.\d+)*$")


class SkillIndex:
    """Every form of every skill in a rubric, ready to match text against.

    >>> from skillgap.rubric import load_rubric
    >>> index = SkillIndex(load_rubric())
    >>> [e.skill for e in index.match_text("Built models with sklearn and k8s")]
    ['scikit-learn', 'Kubernetes']
    """

    def __init__(self, rubric: Rubric) -> None:
        with collection_paused():
            skills: dict[str, Skill] = {}
            for _area, requirement in rubric.iter_requirements():
                for skill in requirement.skills:
                    skills.setdefault(skill.name, skill)
            #: Every skill of the rubric by name (the first definition of a name counts).
            self.skills = skills
            self._guards = {name: Guard.for_skill(skill) for name, skill in skills.items()}
            #: What evidence for a skill also evidences (skills of this rubric only).
            self._implies = {
                name: implied
                for name, skill in skills.items()
                if (implied := tuple(t for t in skill.implies if t in skills and t != name))
            }
            self._table = FormTable.build(skills.values())
            # Memos of what is the same for every text, worked out once per word or key.
            self._fuzzy = FuzzyLookup(self._table.fuzzy_by_first)
            self._phrases = PhraseFinder(self._table)
            self._starts = Memo(self._starts_form)
            self._fuzzy_keys = Memo(self._fuzzy_key)
            self._declared = Memo(self._declared_matches)
            # The words of the last few skills lists (a profile's lists are few and short).
            self._list_words: dict[str, frozenset[str]] = {}

    def match_text(
        self, text: str, *, source: str = "text", first_line: int | None = 1
    ) -> list[Evidence]:
        """Evidence found in a piece of running text (rejected mentions dropped)."""
        evidence, _ = self.match_segment(TextSegment(source, text, first_line))
        return evidence

    def match_segment(
        self, segment: TextSegment, *, contexts: bool = True
    ) -> tuple[list[Evidence], list[Rejection]]:
        """Evidence and rejected mentions in one segment of running text.

        With ``contexts=False`` the line quoted around each match is left empty (what
        was matched, where, and how are the same); callers that only score use it.
        """
        tokens = tokenize(prepare_text(segment.text), first_line=segment.line or 1)
        return self._match_tokens(
            tokens, source=segment.source, has_lines=segment.line is not None, contexts=contexts
        )

    def match_declared(self, declared: DeclaredSkill) -> list[Evidence]:
        """Evidence from one declared skill ("Python", "Machine Learning & Deep Learning").

        A declared item that is exactly a form of a skill counts. In a skills list "R" or
        "Go" can only be the language; an ambiguous word ("Spark", "Redshift": also a
        design tool, a renderer) counts when the list it stands in holds one of the
        skill's context words, or when that list is not known. Anything longer is matched
        like text.
        """
        context = " ".join(declared.name.split())
        neighbours = declared.neighbours
        return [
            Evidence(
                skill=skill,
                text=text if text is not None else context,
                context=context,
                source=declared.source,
                line=declared.line,
                method="declared",
                similarity=similarity,
                form=form,
                level=declared.level,
                years=declared.years,
            )
            for skill, text, similarity, form, ambiguous in self._declared[declared.name]
            if not ambiguous or neighbours is None or self._list_vouches(skill, neighbours)
        ]

    def _list_vouches(self, skill: str, neighbours: str) -> bool:
        """Does a list hold one of ``skill``'s context words (or need none)?"""
        guard = self._guards[skill]
        if not guard.context:
            return True
        words = self._list_words.get(neighbours)
        if words is None:
            if len(self._list_words) >= 64:
                self._list_words.clear()
            words = self._list_words[neighbours] = self._phrases_of(neighbours)
        return not guard.context.isdisjoint(words)

    def _phrases_of(self, text: str) -> frozenset[str]:
        """Every run of up to three words of a list, as context words are written."""
        norms = tokenize(prepare_text(text)).norms
        return frozenset(
            " ".join(norms[i:j])
            for i in range(len(norms))
            for j in range(i + 1, min(len(norms), i + 3) + 1)
        )

    def _declared_matches(self, name: str) -> tuple[tuple[str, str | None, float, str, bool], ...]:
        """(skill, words matched or None for the whole item, similarity, form, whether
        the form is ambiguous) for one declared item: the same for every profile that
        lists it, so worked out once."""
        tokens = tokenize(prepare_text(name))
        if not tokens.norms:
            return ()
        key = " ".join(tokens.norms)
        compact = "".join(tokens.norms)
        forms = self._table.exact.get(key) or self._table.compact.get(compact) or []
        hits: list[tuple[Form, float]] = [(f, 1.0) for f in forms]
        if not hits and len(tokens.norms) <= 4:
            found = self._fuzzy.best(compact)
            if found is not None:
                hits = [found]
        if hits:
            seen: set[str] = set()
            result = []
            for form, similarity in hits:
                if form.skill not in seen:
                    seen.add(form.skill)
                    result.append((form.skill, None, similarity, form.text, _list_ambiguous(form)))
            return tuple(result)
        evidence, _ = self._match_tokens(tokens, source="declared", has_lines=False, contexts=False)
        return tuple((e.skill, e.text, e.similarity, e.form, False) for e in evidence)

    @property
    def table(self) -> FormTable:
        """Every form of the rubric's skills, filed for lookup."""
        return self._table

    def match_profile(
        self,
        profile: Profile,
        *,
        contexts: bool = True,
        tokens: Sequence[Tokens] | None = None,
        phrases: Sequence[list[PhraseHit]] | None = None,
    ) -> ProfileMatches:
        """Every piece of evidence in a profile: declared skills first, then running text.

        ``contexts=False``: see :meth:`match_segment`. ``tokens`` (each segment's, as
        :meth:`match_segment` makes them) and ``phrases`` (the stemmed phrases of this
        index in each, as :class:`~.phrases.PhraseFinder` finds them) may come from a
        reading shared by several indexes (:class:`~.shared.IndexGroup`): same result.
        """
        evidence: dict[str, list[Evidence]] = {}
        rejected: dict[str, list[Rejection]] = {}
        for declared in profile.declared_skills:
            for item in self.match_declared(declared):
                evidence.setdefault(item.skill, []).append(item)
        for n, segment in enumerate(profile.segments):
            if tokens is None:
                found, refused = self.match_segment(segment, contexts=contexts)
            else:
                found, refused = self._match_tokens(
                    tokens[n],
                    source=segment.source,
                    has_lines=segment.line is not None,
                    contexts=contexts,
                    phrases=None if phrases is None else phrases[n],
                )
            for item in found:
                evidence.setdefault(item.skill, []).append(item)
            for rejection in refused:
                rejected.setdefault(rejection.skill, []).append(rejection)
        if self._implies:
            evidence = with_implied(evidence, self._implies)
        return ProfileMatches(
            evidence={k: tuple(dedupe_evidence(v)) for k, v in evidence.items()},
            rejected={k: tuple(v) for k, v in rejected.items()},
        )

    def _match_tokens(
        self,
        tokens: Tokens,
        *,
        source: str,
        has_lines: bool,
        contexts: bool = True,
        phrases: list[PhraseHit] | None = None,
    ) -> tuple[list[Evidence], list[Rejection]]:
        hits = self._find_hits(tokens, phrases)
        if not hits:
            return [], []
        newlines = [m.start() for m in _NEWLINE_RE.finditer(tokens.text)]
        cues = cue_counts(tokens.norms)
        present = frozenset(tokens.norms)
        evidence: list[Evidence] = []
        rejections: list[Rejection] = []
        accepted: list[_Hit] = []
        starts = self._context_starts(tokens, hits)
        refused: Counter[str] = Counter()
        for hit in hits:
            reason = self._rejection_reason(tokens, hit, cues, present, starts)
            if reason is None:
                accepted.append(hit)
            elif reason and refused[hit.form.skill] < MAX_IGNORED:  # a few say why
                refused[hit.form.skill] += 1
                rejections.append(
                    Rejection(
                        skill=hit.form.skill,
                        text=span_text(tokens, hit.start, hit.end),
                        context=snippet(tokens, hit.start, hit.end, newlines) if contexts else "",
                        source=source,
                        line=tokens.lines[hit.start] if has_lines else None,
                        reason=reason,
                    )
                )
        for hit in _resolve_overlaps(accepted):
            evidence.append(
                Evidence(
                    skill=hit.form.skill,
                    text=span_text(tokens, hit.start, hit.end),
                    context=snippet(tokens, hit.start, hit.end, newlines) if contexts else "",
                    source=source,
                    line=tokens.lines[hit.start] if has_lines else None,
                    method=hit.method,
                    similarity=round(hit.similarity, 4),
                    form=hit.form.text,
                )
            )
        return evidence, rejections

    def _find_hits(self, tokens: Tokens, phrases: list[PhraseHit] | None = None) -> list[_Hit]:
        norms = tokens.norms
        breaks = tokens.breaks
        count = len(norms)
        table = self._table
        exact = table.exact
        compact_forms = table.compact
        exact_prefixes = table.exact_prefixes
        compact_prefixes = table.compact_prefixes
        max_words = table.max_words
        hits: list[_Hit] = []
        # Hot loop: most words start no form at all (that is worked out once per word and
        # remembered), and the n-gram extension only runs while the words so far are a
        # prefix of some form.
        starts = self._starts
        for i in [i for i, word in enumerate(norms) if starts[word]]:
            key = norms[i]
            compact = key
            compact_ok = len(key) >= 2
            j = i
            stop = min(count, i + max_words + 2)
            while True:
                found = exact.get(key)
                if found is None and compact_ok:
                    found = compact_forms.get(compact)
                if found is None and j == i and key[-1:].isdigit():
                    versioned = _VERSIONED_RE.match(key)  # python3, tensorflow2, java8
                    if versioned is not None:
                        found = exact.get(versioned.group(1))
                if found is not None:
                    for form in found:
                        hits.append(_Hit(i, j + 1, form, form.method, 1.0))
                if key not in exact_prefixes and not (compact_ok and compact in compact_prefixes):
                    break
                j += 1
                if j >= stop or breaks[j]:
                    break
                word = norms[j]
                key = f"{key} {word}"
                compact += word
                compact_ok = compact_ok and len(word) >= 2
        if table.stemmed:  # practice phrases and achievements (.phrases)
            stem_hits = self._phrases.find(tokens) if phrases is None else phrases
            hits.extend(
                [_Hit(start, end, form, form.method, 1.0) for start, end, form in stem_hits]
            )
        if table.fuzzy_by_first:
            hits.extend(self._find_fuzzy_hits(tokens, hits))
        return hits

    def _find_fuzzy_hits(self, tokens: Tokens, exact_hits: Sequence[_Hit]) -> list[_Hit]:
        covered: set[int] = set()
        for hit in exact_hits:
            covered.update(range(hit.start, hit.end))
        norms = tokens.norms
        breaks = tokens.breaks
        count = len(norms)
        lookup = self._fuzzy_keys
        hits: list[_Hit] = []
        # Hot loop: one to three words joined, each looked up once per index.
        for i, word in enumerate(norms):
            if i in covered:
                continue
            key = word
            end = i + 1
            while True:
                found = lookup[key]
                if found is not None:
                    hits.append(_Hit(i, end, found[0], "fuzzy", found[1]))
                if end >= count or end >= i + _FUZZY_MAX_WORDS or breaks[end] or end in covered:
                    break
                key += norms[end]
                end += 1
        return hits

    def _starts_form(self, word: str) -> bool:
        """Can a form (or a versioned name such as python3) start with this word?"""
        table = self._table
        if word in table.exact or word in table.exact_prefixes:
            return True
        if len(word) >= 2 and (word in table.compact or word in table.compact_prefixes):
            return True
        if word[-1:].isdigit():
            versioned = _VERSIONED_RE.match(word)
            return versioned is not None and versioned.group(1) in table.exact
        return False

    def _fuzzy_key(self, key: str) -> tuple[Form, float] | None:
        """The fuzzy match of words joined in running text, if they may match fuzzily at
        all: long enough, plain ASCII, and not already a name or alias."""
        if (
            len(key) < MIN_FUZZY_LENGTH - 1
            or not key.isascii()
            or key in self._table.exact
            or key in self._table.compact
        ):
            return None
        return self._fuzzy.best(key)

    def _context_starts(self, tokens: Tokens, hits: Sequence[_Hit]) -> dict[str, PhraseStarts]:
        """For each skill with many ambiguous mentions in ``tokens``, where its context
        phrases begin (:class:`~.guards.PhraseStarts`); few mentions are checked directly."""
        counts = Counter(hit.form.skill for hit in hits if hit.form.ambiguous)
        guards = self._guards
        return {
            skill: PhraseStarts(tokens, guards[skill].context, guards[skill].max_context_words)
            for skill, count in counts.items()
            if count >= _MANY_MENTIONS and guards[skill].context
        }

    def _rejection_reason(
        self,
        tokens: Tokens,
        hit: _Hit,
        cues: Sequence[int] | None = None,
        present: frozenset[str] | None = None,
        starts: dict[str, PhraseStarts] | None = None,
    ) -> str | None:
        """None if the hit counts; otherwise why not ("" for silent rejections).

        ``cues`` (from :func:`~.negation.cue_counts`) lets the negation test be skipped when no
        word that could negate the mention is near it, which is nearly always;
        ``present`` (the text's words) lets exclusion phrases not in the text be skipped.
        """
        form = hit.form
        guard = self._guards[form.skill]
        count = len(tokens)
        if form.short or form.ambiguous:
            if tokens.seps[hit.start] == "-" or (hit.end < count and tokens.seps[hit.end] == "-"):
                return "joined to another word"
            if form.short and _plus_suffixed(tokens.text, tokens.ends[hit.end - 1]):
                return "part of another token (as R+ or a grade such as A+)"
        if len(form.compact) == 1:
            reason = single_letter_reason(tokens, hit.start)
            if reason:
                return reason
        for phrase in () if form.passive else guard.exclude:
            # A passive achievement ("18 people hired into the org") is checked as a
            # passive already; "hired into", excluded for "Hired into the ML team", is it.
            if (present is None or present.issuperset(phrase)) and covered_by_phrase(
                tokens, hit.start, hit.end, phrase
            ):
                return f"part of the excluded phrase '{' '.join(phrase)}'"
        if form.ambiguous:
            if guard.case_sensitive and not case_matches(tokens, hit.start, hit.end, form):
                return ""
            index = starts.get(form.skill) if starts else None
            if guard.context and not has_context(tokens, hit.start, hit.end, guard, index):
                return "ambiguous without context"
        if form.about and not mentions_any(tokens, hit.start, hit.end, form.about):
            return "not about the role's subject"
        if cues is not None and not may_be_negated(cues, hit.start, hit.end):
            return None
        if negated(tokens, hit.start, hit.end):
            return "negated"
        return None


def _list_ambiguous(form: Form) -> bool:
    """Is a skills-list entry that is exactly ``form`` still ambiguous? Only a word: a
    list entry of one or two letters ("R", "Go", "ML") is the skill's abbreviation."""
    return form.ambiguous and not form.short


def _plus_suffixed(text: str, end: int) -> bool:
    """Is the word ending at ``end`` written with a plus of its own ("R+", "A+"), not
    joined by one to the next word ("R+Python")?"""
    return text.startswith("+", end) and not text[end + 1 : end + 2].isalnum()


def _resolve_overlaps(hits: Iterable[_Hit]) -> list[_Hit]:
    """Keep the best hit per skill and position; drop fuzzy hits on words already matched."""
    ordered = sorted(
        hits,
        key=lambda h: (
            h.start,
            -(h.end - h.start),
            METHOD_RANK[h.method],
            -h.similarity,
            h.form.skill,
        ),
    )
    kept: list[_Hit] = []
    exact_positions: set[int] = set()
    for hit in ordered:
        if hit.method != "fuzzy":
            exact_positions.update(range(hit.start, hit.end))
    # Hits come in order of their start, so a hit overlaps an earlier kept hit of the
    # same skill exactly when it starts before the furthest end kept for that skill.
    kept_until: dict[str, int] = {}
    for hit in ordered:
        if hit.method == "fuzzy" and exact_positions.intersection(range(hit.start, hit.end)):
            continue
        if hit.start < kept_until.get(hit.form.skill, -1):
            continue
        kept.append(hit)
        kept_until[hit.form.skill] = max(kept_until.get(hit.form.skill, -1), hit.end)
    return kept


__all__ = ["PHRASE_GAP", "SkillIndex"]

"""Lint rules about skills and their written forms.

``duplicate-skill`` and ``conflicting-skill`` (one skill name defined twice),
``duplicate-form`` (two skills sharing a form), ``redundant-form`` (a form the matcher
already treats as another form of the same skill) and ``unmatchable-form`` (no letters
or digits at all).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..rubric.findings import Finding
from ..rubric.model import Skill
from ..text import word_norms
from .context import FormRef, LintContext, SkillRef, stems_of

if TYPE_CHECKING:
    pass


def check_skill_names(ctx: LintContext) -> Iterator[Finding]:
    first: dict[str, SkillRef] = {}
    for ref in ctx.skills:
        earlier = first.setdefault(ref.skill.name, ref)
        if earlier is ref:
            continue
        where = f"requirement '{earlier.requirement.id}'{ctx.at(earlier.loc)}"
        if earlier.skill == ref.skill:
            yield Finding(
                "duplicate-skill",
                (*ref.loc, "name"),
                f"skill '{ref.skill.name}' is also in {where}: one mention counts "
                "for both requirements; keep it in one unless both should "
                "credit it",
                related=(earlier.loc, ref.loc),
            )
        else:
            differ = sorted(
                k for k in Skill.model_fields if getattr(earlier.skill, k) != getattr(ref.skill, k)
            )
            yield Finding(
                "conflicting-skill",
                (*ref.loc, "name"),
                f"skill '{ref.skill.name}' is already defined in {where} with "
                f"different {', '.join(differ)}; the matcher uses the first "
                "definition only, so this one's settings are ignored — make them "
                "identical or rename one",
                related=(earlier.loc, ref.loc),
            )


def check_forms(ctx: LintContext) -> Iterator[Finding]:
    by_key: dict[str, FormRef] = {}
    by_compact: dict[str, FormRef] = {}
    for form in ctx.forms:
        ref = ctx.skills[form.skill]
        if not ref.primary or not form.norms:
            continue
        other = by_key.get(form.key)
        how = ""
        if other is None and form.compact_ok:
            other = by_compact.get(form.compact)
            how = " once spaces and hyphens are ignored"
        if other is not None and ctx.name(other) != ref.skill.name:
            yield Finding(
                "duplicate-form",
                form.loc,
                f"'{form.text}' ({ref.skill.name}) is the same as '{other.text}', a form of "
                f"{ctx.name(other)}{ctx.at(other.loc)}{how}: one mention would count for both "
                "skills; keep it in one of them",
                related=(other.loc,),
            )
        by_key.setdefault(form.key, form)
        if form.compact_ok:
            by_compact.setdefault(form.compact, form)
    for number, forms in enumerate(ctx.forms_of):
        skill = ctx.skills[number].skill
        yield from _redundant_forms(ctx, skill, forms)
        for form in forms:
            if not form.norms:
                yield Finding(
                    "unmatchable-form",
                    form.loc,
                    f"'{form.text}' has no letters or digits, so it can never match; "
                    "delete it or write the words",
                )
        for i, entry in enumerate(skill.context):
            if not word_norms(entry):
                yield Finding(
                    "unmatchable-form",
                    (*ctx.skills[number].loc, "context", i),
                    f"context entry '{entry}' has no letters or digits, so it can "
                    "never be found; delete it",
                )


def _redundant_forms(ctx: LintContext, skill: Skill, forms: list[FormRef]) -> Iterator[Finding]:
    seen_text: dict[str, FormRef] = {}
    seen_key: dict[str, FormRef] = {}
    seen_compact: dict[str, FormRef] = {}
    seen_stems: dict[str, FormRef] = {}
    for form in forms:
        if not form.norms:
            continue
        same = seen_text.get(form.text)
        if same is not None:
            why = "is listed twice"
        elif (same := seen_key.get(form.key)) is not None:
            why = "once case, accents and punctuation are ignored"
        elif form.compact_ok and (same := seen_compact.get(form.compact)) is not None:
            why = "once spaces and hyphens are ignored"
        elif skill.inflect and (same := seen_stems.get(stems_of(form.norms))) is not None:
            why = "because the skill has 'inflect', which folds word forms"
        if same is not None:
            what = (
                why
                if why == "is listed twice"
                else f"is the same as '{same.text}'{ctx.at(same.loc)} {why}"
            )
            yield Finding(
                "redundant-form",
                form.loc,
                f"'{form.text}' {what}: the matcher already treats them alike; delete it",
                related=(same.loc,),
            )
            continue
        seen_text[form.text] = form
        seen_key[form.key] = form
        if form.compact_ok:
            seen_compact[form.compact] = form
        if skill.inflect:
            seen_stems[stems_of(form.norms)] = form
    listed: dict[str, int] = {}
    for i, entry in enumerate(skill.ambiguous):
        key = " ".join(word_norms(entry))
        if key in listed and (*ctx.skills[forms[0].skill].loc, "ambiguous", i) not in {
            f.loc for f in forms
        }:
            yield Finding(
                "redundant-form",
                (*ctx.skills[forms[0].skill].loc, "ambiguous", i),
                f"'{entry}' is listed twice in 'ambiguous'; delete one",
            )
        listed.setdefault(key, i)

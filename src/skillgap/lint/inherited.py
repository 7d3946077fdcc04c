"""Lint rules that hold a rubric against the knowledge base: ``unknown-skill`` (a name
the base does not know, close to one it does) and ``knowledge-collision`` (a form the
rubric gives a skill that the base knows as a different skill).

Both read the same base the analysis inherits from (:mod:`skillgap.knowledge.inherit`):
a name the base knows gets its aliases and guards; a name it does not know is matched
only as written, which is fine for the rubric's own umbrella skills ("Technical
leadership") and a loss for a misspelt tool ("Kubernets").
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from ..knowledge import KnownSkill, form_key, load_knowledge
from ..knowledge.inherit import entry_for
from ..rubric.findings import Finding
from .context import LintContext


@functools.cache
def _known_forms() -> dict[str, str]:
    """Every name and alias of the base (comparison key) -> its canonical name."""
    forms: dict[str, str] = {}
    for known in load_knowledge().skills:
        for form in (known.skill.name, *known.skill.aliases):
            forms.setdefault(form_key(form), known.skill.name)
    return forms


def _near_names(name: str) -> list[str]:
    """Canonical names of the base with a name or alias within a typo of ``name``
    (compared without spaces, hyphens or case: one edit up to 9 letters, two from 10;
    the first letter as written, which typos rarely change), closest first."""
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    wanted = form_key(name)
    if len(wanted) < 4:
        return []
    forms = _known_forms()
    found = process.extract(
        wanted,
        forms.keys(),
        scorer=Levenshtein.distance,
        score_cutoff=1 if len(wanted) < 10 else 2,
        limit=5,
    )
    near = [forms[key] for key, _, _ in found if key[0] == wanted[0]]
    return list(dict.fromkeys(near))[:3]


def _related(one: KnownSkill, other: KnownSkill) -> bool:
    """One implies the other (a narrower tool given as a form of the broader skill)."""
    a, b = form_key(one.skill.name), form_key(other.skill.name)
    return any(form_key(t) == b for t in one.skill.implies) or any(
        form_key(t) == a for t in other.skill.implies
    )


def check_knowledge(ctx: LintContext) -> Iterator[Finding]:
    knowledge = load_knowledge()
    for ref in ctx.skills:
        if not ref.primary or not ref.skill.knowledge:
            continue
        skill = ref.skill
        entry = entry_for(skill, knowledge)
        if entry is None:
            near = _near_names(skill.name)
            if near:
                shown = " or ".join(f"'{n}'" for n in near)
                yield Finding(
                    "unknown-skill",
                    (*ref.loc, "name"),
                    f"the knowledge base does not know '{skill.name}', so it inherits no "
                    f"aliases or guards; did you mean {shown}? (see 'skillgap skills show "
                    f"{near[0]}'; 'knowledge: false' says the name is meant as written)",
                )
            continue
        for kind, forms in (("aliases", skill.aliases), ("ambiguous", skill.ambiguous)):
            for i, form in enumerate(forms):
                other = knowledge.find(form)
                if other is None or other.skill.name == entry.skill.name:
                    continue
                if _related(entry, other):
                    continue
                yield Finding(
                    "knowledge-collision",
                    (*ref.loc, kind, i),
                    f"'{form}' is a different skill in the knowledge base ({other.skill.name}, "
                    f"{other.category}) than {skill.name}, so a mention of {other.skill.name} "
                    f"counts as {skill.name}; give it its own skill, or silence this line "
                    "if the grouping is meant",
                )


__all__ = ["check_knowledge"]

"""Lint rules about evidence beyond a skill's names: achievements (a skill's
``achievements``: an action with its object) and implications (``implies``).

``unmatchable-achievement`` (an action, object or ``about`` word the matcher cannot use:
no letters or digits, or nothing but articles), ``repeated-achievement-word`` (the same
word form twice in one list: one of them does nothing) and ``generic-achievement`` (only
everyday objects such as "team" or "project" and no ``about`` words, so it fires on work
that has nothing to do with the role); ``unknown-implied-skill`` (``implies`` naming a
skill the rubric does not have, or the skill itself: the matcher ignores it).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..io.yaml_source import PathKey
from ..rubric.findings import Finding
from ..text import word_norms
from .context import LintContext, quote_list, stems_of

#: Objects so general that an achievement made only of them needs ``about`` words to be
#: evidence for the role: "led the team" may be a team of nurses; "delivered the project"
#: may be a kitchen refit.
GENERIC_OBJECTS = frozenset(
    {
        "business",
        "change",
        "client",
        "clients",
        "company",
        "customer",
        "customers",
        "goal",
        "goals",
        "group",
        "initiative",
        "initiatives",
        "people",
        "plan",
        "process",
        "processes",
        "product",
        "products",
        "program",
        "project",
        "projects",
        "staff",
        "task",
        "tasks",
        "team",
        "teams",
        "work",
    }
)


def check_achievements(context: LintContext) -> Iterator[Finding]:
    """The achievements of every skill definition the matcher uses."""
    for ref in context.skills:
        if not ref.primary:
            continue
        for a, achievement in enumerate(ref.skill.achievements):
            base: PathKey = (*ref.loc, "achievements", a)
            for key in ("actions", "objects", "about"):
                seen: dict[str, str] = {}
                for i, text in enumerate(getattr(achievement, key)):
                    loc: PathKey = (*base, key, i)
                    stems = stems_of(word_norms(text))
                    if not stems:
                        yield Finding(
                            "unmatchable-achievement",
                            loc,
                            f"'{text}' in {key} of {ref.skill.name}'s achievement has no word "
                            "the matcher can use (no letters or digits, or only an article); "
                            "remove it",
                        )
                        continue
                    if stems in seen:
                        yield Finding(
                            "repeated-achievement-word",
                            loc,
                            f"'{text}' is the same word form as '{seen[stems]}' in {key} of "
                            f"{ref.skill.name}'s achievement (word forms are matched "
                            "already); remove one",
                        )
                    seen.setdefault(stems, text)
            objects = [" ".join(word_norms(o)) for o in achievement.objects]
            if not achievement.about and objects and set(objects) <= GENERIC_OBJECTS:
                yield Finding(
                    "generic-achievement",
                    (*base, "objects"),
                    f"{ref.skill.name}'s achievement has only general objects "
                    f"({quote_list(achievement.objects)}), so it would count work that has "
                    "nothing to do with the role; add 'about' words (e.g. 'ML', 'data', "
                    "'models') or more specific objects",
                    key=True,
                )


def check_implications(context: LintContext) -> Iterator[Finding]:
    """Every name in an ``implies`` list is another skill of the rubric."""
    names = {ref.skill.name for ref in context.skills}
    for ref in context.skills:
        for i, target in enumerate(ref.skill.implies):
            if target == ref.skill.name:
                problem = "implies itself"
            elif target not in names:
                close = [n for n in sorted(names) if n.casefold() == target.casefold()]
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                problem = f"implies '{target}', which is not a skill of this rubric{hint}"
            else:
                continue
            yield Finding(
                "unknown-implied-skill",
                (*ref.loc, "implies", i),
                f"{ref.skill.name} {problem}; the matcher ignores it: name another skill "
                "exactly as the rubric does, or remove it",
            )


__all__ = ["GENERIC_OBJECTS", "check_achievements", "check_implications"]

"""Rubric skills inheriting what the knowledge base knows about them.

A rubric that names ``Kubernetes``, ``Go`` or ``Spark`` and nothing more gets the base's
aliases ("k8s", "Golang"), its guards (``Go`` and ``Spark`` only count next to their
context words, never in "go-to-market" or "spark joy") and what implies it ("PySpark"
is Spark, "Amazon SageMaker" is AWS). What the rubric states adds to that or overrides
it; ``knowledge: false`` on a skill turns it off for that skill. :func:`inherit` is the
one place this happens: the analysis and ``skillgap validate`` both use it, so what is
matched is what is checked.

The rules, each a fact a reviewer can check in ``skillgap skills show NAME``:

* a skill inherits from the base's entry whose name, alias or ambiguous form is the
  skill's ``name`` (any case, spacing or hyphenation);
* lists (``aliases``, ``ambiguous``, ``context``, ``exclude``, ``claims``, ``implies``,
  ``achievements``) are the rubric's followed by the base's; a switch or number
  (``case_sensitive``, ``inflect``, ``context_window``) is the rubric's when it writes
  one, else the base's. ``exact`` is not inherited: the base marks half its skills exact
  because its 2,192 skills crowd each other's spellings, which a rubric's few do not
  (the rubric's own fuzzy collisions are ``skillgap validate``'s to find);
* a form the rubric gives to another of its skills is never inherited (the rubric's
  own grouping wins), nor is an ``implies`` naming a skill the rubric does not have;
* the names and aliases of base entries that imply the skill, when the rubric does not
  name them itself, become aliases (their exclusions come with them), so "PySpark" is
  evidence for a rubric's Spark; ambiguous ones are left out, as they would need guards
  of their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from ..rubric.model import Requirement, Rubric, Skill
from . import KNOWLEDGE_VERSION, Knowledge, KnownSkill, form_key, load_knowledge

#: The origin reports give a form inherited from the base.
ORIGIN = f"knowledge base {KNOWLEDGE_VERSION}"

_LISTS = ("context", "claims", "achievements")
_SCALARS = ("case_sensitive", "inflect", "context_window")
T = TypeVar("T")


@dataclass(frozen=True)
class Inherited:
    """A rubric with its skills' inherited forms, and where each came from."""

    #: The rubric as the matcher uses it (same areas, requirements and skill names).
    rubric: Rubric
    #: (skill name, form) -> origin, for every form the rubric itself does not write.
    origins: dict[tuple[str, str], str] = field(default_factory=dict)
    #: (skill name, form) -> the base entry whose form it is, for the forms of entries
    #: that imply the skill ("PySpark" for Spark): evidence through them is implied.
    implied: dict[tuple[str, str], str] = field(default_factory=dict)
    #: Base entry implying skills of the rubric -> each of those skills, with the origin
    #: its evidence through the entry's forms carries (one form, many implied skills:
    #: PySpark is Spark and Python).
    targets: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    #: Skill name -> the base entry it inherits from.
    entries: dict[str, KnownSkill] = field(default_factory=dict)
    #: Inherited form (comparison key) -> the skill that inherited it, first come.
    claimed: dict[str, str] = field(default_factory=dict, repr=False)


def entry_for(skill: Skill, knowledge: Knowledge) -> KnownSkill | None:
    """The base's entry ``skill`` inherits from, or None (unknown, or ``knowledge: false``)."""
    if not skill.knowledge:
        return None
    return knowledge.find(skill.name)


def inherit(rubric: Rubric, knowledge: Knowledge | None = None) -> Inherited:
    """``rubric`` with every skill the base knows completed from it (see the module).

    >>> from skillgap.rubric.parse import parse_rubric_text
    >>> text = '''id: r
    ... title: R
    ... version: "1"
    ... areas:
    ...   - {id: a, name: A, weight: 1, requirements: [{id: q, name: Q, skills: [Kubernetes]}]}
    ... '''
    >>> rubric = parse_rubric_text(text, path="r.yaml").rubric
    >>> skill = inherit(rubric).rubric.areas[0].requirements[0].skills[0]
    >>> "k8s" in skill.aliases
    True
    """
    if not any(s.knowledge for _, r in rubric.iter_requirements() for s in r.skills):
        return Inherited(rubric)
    knowledge = knowledge or load_knowledge()
    skills: dict[str, Skill] = {}  # the first definition of a name is the one matched
    for _, requirement in rubric.iter_requirements():
        for skill in requirement.skills:
            skills.setdefault(skill.name, skill)
    entries = {n: e for n, s in skills.items() if (e := entry_for(s, knowledge)) is not None}
    if not entries:
        return Inherited(rubric)
    # Every form the rubric writes, with the skill that writes it.
    written: dict[str, str] = {}
    for name, skill in skills.items():
        for form in skill.forms():
            written.setdefault(form_key(form), name)
    # The base's names of the rubric's skills, so that inherited `implies` can be renamed.
    rubric_name = {form_key(e.skill.name): n for n, e in entries.items()}
    for name in skills:
        rubric_name.setdefault(form_key(name), name)
    implied_by = _implied_by(knowledge, rubric_name)
    inherited = Inherited(rubric, entries=entries)
    merged: dict[str, Skill] = {}
    for name, entry in entries.items():
        implying = implied_by.get(form_key(entry.skill.name), ())
        merged[name] = _merge(skills[name], entry.skill, implying, written, rubric_name, inherited)
    return Inherited(
        _replace_skills(rubric, merged),
        inherited.origins,
        inherited.implied,
        inherited.targets,
        entries,
    )


def _implied_by(knowledge: Knowledge, rubric_name: dict[str, str]) -> dict[str, list[Skill]]:
    """Base entries the rubric does not name, by the key of each skill they imply."""
    found: dict[str, list[Skill]] = {}
    seen: set[tuple[str, str]] = set()
    for known in knowledge.skills:
        skill = known.skill
        if form_key(skill.name) in rubric_name or not skill.implies:
            continue
        for target in skill.implies:
            pair = (form_key(target), skill.name)
            if pair not in seen:
                seen.add(pair)
                found.setdefault(pair[0], []).append(skill)
    return found


def _merge(
    own: Skill,
    base: Skill,
    implying: Iterable[Skill],
    written: dict[str, str],
    rubric_name: dict[str, str],
    inherited: Inherited,
) -> Skill:
    name = own.name
    own_keys = {form_key(f) for f in own.forms()}

    def free(form: str) -> bool:
        """Not written by another skill of the rubric, nor inherited by one before it
        (two skills named for one entry, "GCP" and "Google Cloud", share nothing)."""
        key = form_key(form)
        return written.get(key, name) == name and inherited.claimed.get(key, name) == name

    guarded = {form_key(f) for f in base.ambiguous}
    # A form the rubric lists as a plain alias is its statement that the form counts
    # unguarded; its name is only the skill's name, so the base's guards apply to it.
    stated = {form_key(f) for f in own.aliases}
    ambiguous = [f for f in base.ambiguous if free(f) and form_key(f) not in stated]
    aliases: list[str] = []
    exclude = list(base.exclude)
    # The rubric's own forms, and what it excludes, are never inherited again.
    taken = own_keys | {form_key(e) for e in own.exclude}

    def add(form: str, origin: str, implied_by: str | None = None) -> None:
        key = form_key(form)
        if key and key not in taken and key not in guarded and free(form):
            taken.add(key)
            inherited.claimed[key] = name
            aliases.append(form)
            inherited.origins[(name, form)] = origin
            if implied_by is not None:
                inherited.implied[(name, form)] = implied_by

    for form in (base.name, *base.aliases):
        add(form, ORIGIN)
    for other in implying:
        because = f"{ORIGIN} ({other.name} implies {base.name})"
        # Every skill it implies gets its evidence, whichever skill holds its forms.
        inherited.targets.setdefault(other.name, []).append((name, because))
        risky = {form_key(a) for a in other.ambiguous}
        unguarded = [f for f in (other.name, *other.aliases) if form_key(f) not in risky]
        for form in unguarded:  # an ambiguous form would need guards of its own
            add(form, because, other.name)
        exclude.extend(other.exclude)
    for form in ambiguous:
        if form_key(form) not in own_keys:
            inherited.claimed[form_key(form)] = name
            inherited.origins[(name, form)] = ORIGIN
    # An exclusion that is now one of the skill's own forms would refuse its own match.
    exclude = [e for e in exclude if form_key(e) not in taken]
    implies = [
        rubric_name[k]
        for t in base.implies
        if (k := form_key(t)) in rubric_name and rubric_name[k] != name
    ]
    changes: dict[str, object] = {
        "aliases": _union(own.aliases, aliases),
        "ambiguous": _union(own.ambiguous, ambiguous),
        "exclude": _union(own.exclude, exclude),
        "implies": _union(own.implies, implies),
    }
    for attr in _LISTS:
        changes[attr] = _union(getattr(own, attr), getattr(base, attr))
    for attr in _SCALARS:
        if attr not in own.model_fields_set:
            changes[attr] = getattr(base, attr)
    return own.model_copy(update=changes)


def _union(first: Iterable[T], then: Iterable[T]) -> tuple[T, ...]:
    """``first`` then the items of ``then`` not already in it (words compared as the
    matcher compares them)."""
    seen: dict[object, T] = {}
    for item in (*first, *then):
        seen.setdefault(form_key(item) if isinstance(item, str) else item, item)
    return tuple(seen.values())


def _replace_skills(rubric: Rubric, merged: dict[str, Skill]) -> Rubric:
    def requirement(r: Requirement) -> Requirement:
        if not any(s.name in merged for s in r.skills):
            return r
        return r.model_copy(update={"skills": tuple(merged.get(s.name, s) for s in r.skills)})

    areas = tuple(
        a.model_copy(update={"requirements": tuple(requirement(r) for r in a.requirements)})
        for a in rubric.areas
    )
    copy = rubric.model_copy(update={"areas": areas})
    copy._origin = rubric._origin  # the same rubric, completed: the same origin
    return copy


__all__ = ["ORIGIN", "Inherited", "entry_for", "inherit"]

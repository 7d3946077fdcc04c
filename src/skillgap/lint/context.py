"""What every lint check sees: the rubric with each skill and written form located.

:class:`LintContext` walks the rubric once: every skill definition (:class:`SkillRef`,
the first definition of a name being the one the matcher uses) and every written form of
it, name, alias or ambiguous form (:class:`FormRef`, with its words as the matcher
normalises them and its path in the document). The checks that need the matcher share
one :class:`~skillgap.matching.SkillIndex` built on first use.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..io.yaml_source import Mark, PathKey
from ..knowledge.inherit import Inherited, inherit
from ..matching.index import SkillIndex
from ..rubric.findings import Finding, Locate
from ..rubric.model import Requirement, Rubric, Skill
from ..text import STOPWORDS, stem, word_norms


def no_position(loc: PathKey, *, prefer_key: bool = False) -> Mark | None:
    """A locator that knows no positions (messages then leave the line out)."""
    return None


@dataclass(frozen=True)
class FormRef:
    """One written form of one skill, with where it is and how the matcher sees it."""

    skill: int
    text: str
    loc: PathKey
    kind: str  # name | alias | ambiguous | claim
    norms: tuple[str, ...]

    @property
    def key(self) -> str:
        return " ".join(self.norms)

    @property
    def compact(self) -> str:
        return "".join(self.norms)

    @property
    def compact_ok(self) -> bool:
        """The matcher also looks this form up with spaces and hyphens removed."""
        return bool(self.norms) and all(len(n) >= 2 for n in self.norms)


@dataclass(frozen=True)
class SkillRef:
    """One definition of a skill in one requirement, with where both are."""

    skill: Skill
    loc: PathKey
    requirement: Requirement
    #: True for the first definition of a name: the one the matcher uses.
    primary: bool


class LintContext:
    """The rubric, with every skill and form located, shared by the checks."""

    def __init__(self, rubric: Rubric, locate: Locate) -> None:
        self.rubric = rubric
        self.locate = locate
        self.skills: list[SkillRef] = []
        self.forms: list[FormRef] = []
        self.forms_of: list[list[FormRef]] = []
        self._index: SkillIndex | None = None
        seen: set[str] = set()
        for a, area in enumerate(rubric.areas):
            for r, requirement in enumerate(area.requirements):
                rloc: PathKey = ("areas", a, "requirements", r)
                for s, skill in enumerate(requirement.skills):
                    sloc: PathKey = (*rloc, "skills", s)
                    self.skills.append(SkillRef(skill, sloc, requirement, skill.name not in seen))
                    seen.add(skill.name)
        for number, ref in enumerate(self.skills):
            forms: list[FormRef] = []
            keys: set[str] = set()
            entries: list[tuple[str, PathKey, str]] = [(ref.skill.name, (*ref.loc, "name"), "name")]
            entries += [
                (alias, (*ref.loc, "aliases", i), "alias")
                for i, alias in enumerate(ref.skill.aliases)
            ]
            entries += [
                (text, (*ref.loc, "ambiguous", i), "ambiguous")
                for i, text in enumerate(ref.skill.ambiguous)
            ]
            entries += [
                (text, (*ref.loc, "claims", i), "claim") for i, text in enumerate(ref.skill.claims)
            ]
            for text, loc, kind in entries:
                form = FormRef(number, text, loc, kind, word_norms(text))
                if kind == "ambiguous" and form.key in keys:
                    continue  # marks a name or alias as ambiguous; not a form of its own
                keys.add(form.key)
                forms.append(form)
            self.forms_of.append(forms)
            self.forms.extend(forms)

    def index(self) -> SkillIndex:
        """The rubric's matcher, built once and shared by the checks that need it: the
        matcher of the analysis, so with the skills completed from the knowledge base."""
        if self._index is None:
            self._index = SkillIndex(self.inherited.rubric)
        return self._index

    @functools.cached_property
    def inherited(self) -> Inherited:
        """The rubric's skills completed from the knowledge base, as the analysis sees
        them (:func:`skillgap.knowledge.inherit.inherit`)."""
        return inherit(self.rubric)

    def effective(self, ref: SkillRef) -> Skill:
        """The skill of ``ref`` as the matcher sees it (completed from the knowledge base)."""
        _, a, _, r, _, s = ref.loc  # ("areas", a, "requirements", r, "skills", s)
        return self.inherited.rubric.areas[int(a)].requirements[int(r)].skills[int(s)]

    def name(self, form: FormRef) -> str:
        return self.skills[form.skill].skill.name

    def at(self, loc: PathKey) -> str:
        """' (line 12)' for a message, or '' when the position is not known."""
        mark = self.locate(loc)
        return f" (line {mark.line})" if mark else ""

    def described(self, form: FormRef) -> str:
        """ "'lead ML team' (Team leadership, line 402)" for a message."""
        mark = self.locate(form.loc)
        where = f", line {mark.line}" if mark else ""
        return f"'{form.text}' ({self.name(form)}{where})"


Check = Callable[[LintContext], Iterable[Finding]]


def quote_list(items: Sequence[str], *, limit: int = 3) -> str:
    """A list for a message: ``'a', 'b', 'c' and 2 more``."""
    shown = ", ".join(f"'{item}'" for item in items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def stems_of(norms: Sequence[str]) -> str:
    """The words of a phrase as the matcher folds them for ``inflect`` skills."""
    return " ".join(stem(n) for n in norms if n not in STOPWORDS)


__all__ = ["Check", "FormRef", "LintContext", "SkillRef", "no_position", "quote_list", "stems_of"]

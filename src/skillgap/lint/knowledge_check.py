"""Checks of the knowledge base as a whole, with the real matcher (used by the tests and
by ``scripts/check_knowledge.py``).

Each data file is a rubric and is validated on its own (``skillgap validate``); what
only shows across files is checked here, on one rubric made of every file's areas:

- the lint rules over the whole base (a form in two skills of two files, fuzzy reach
  from one file's skill into another's);
- every name and alias finds its own skill and no other (an ambiguous form is tried
  beside its first context word);
- no two skills share a canonical name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import yaml

from ..errors import Level, Problem
from ..knowledge import knowledge_files, knowledge_text

#: Where problems of the combined base are said to be.
COMBINED = "knowledge (all files)"


@dataclass(frozen=True)
class BaseProblem:
    """One problem of the base: which file and skill, and what."""

    file: str
    skill: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.skill}: {self.message}"


def combined_text(names: Iterable[str] | None = None) -> tuple[str, dict[str, str]]:
    """One rubric holding the areas of every data file (or of ``names``), and which file
    each skill name comes from."""
    areas: list[object] = []
    origin: dict[str, str] = {}
    for name in names if names is not None else knowledge_files():
        data = yaml.safe_load(knowledge_text(name))
        for area in data.get("areas") or ():
            area = dict(area)
            area["id"] = f"{name[:-5]}-{area['id']}"
            areas.append(area)
            for requirement in area.get("requirements") or ():
                for skill in requirement.get("skills") or ():
                    skill_name = skill if isinstance(skill, str) else skill.get("name")
                    origin[str(skill_name)] = name
    document = {
        "id": "knowledge",
        "title": "The skillgap knowledge base",
        "version": "1.0",
        "areas": areas,
    }
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=4096), origin


def check_base(names: Iterable[str] | None = None) -> list[BaseProblem]:
    """Every cross-file problem of the base (empty when it is sound)."""
    from ..matching.index import SkillIndex
    from ..rubric.parse import parse_rubric_text
    from .validate import validate_text

    text, origin = combined_text(names)
    problems: list[BaseProblem] = []
    lint: list[Problem] = validate_text(text, path=COMBINED)
    lines = text.split("\n")
    for problem in lint:
        if problem.level is Level.INFO:
            continue
        where = lines[problem.line - 1].strip() if problem.line else ""
        problems.append(BaseProblem(_file_of(where, origin), where[:60], str(problem.message)))
    parsed = parse_rubric_text(text, path=COMBINED)
    if parsed.rubric is None:
        return problems
    index = SkillIndex(parsed.rubric)
    seen: dict[str, str] = {}
    for _, requirement in parsed.rubric.iter_requirements():
        for skill in requirement.skills:
            file = origin.get(skill.name, "?")
            key = skill.name.casefold()
            if key in seen:
                problems.append(BaseProblem(file, skill.name, f"also in {seen[key]}"))
            seen[key] = file
            context = skill.context[0] if skill.context else ""
            from_context = {e.skill for e in index.match_text(context)} if context else set()
            guarded = {f.casefold() for f in skill.ambiguous}
            plain = [f for f in (skill.name, *skill.aliases) if f.casefold() not in guarded]
            trials: list[tuple[str, set[str]]] = [(form, set()) for form in plain]
            trials += [(f"{form} {context}", from_context) for form in skill.ambiguous]
            for trial, expected_extra in trials:
                found = {e.skill for e in index.match_text(trial)} - expected_extra
                if skill.name not in found:
                    problems.append(BaseProblem(file, skill.name, f"'{trial}' does not find it"))
                others = sorted(found - {skill.name})
                if others:
                    problems.append(
                        BaseProblem(file, skill.name, f"'{trial}' also finds {', '.join(others)}")
                    )
    return problems


def _file_of(line: str, origin: dict[str, str]) -> str:
    for name, file in origin.items():
        if name and name in line:
            return file
    return COMBINED


__all__ = ["BaseProblem", "check_base", "combined_text"]

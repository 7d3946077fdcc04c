"""Rubrics for tests: small ones written inline, the bundled ones, and ways to break or
extend them."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from skillgap.errors import Problem
from skillgap.lint.registry import RULES
from skillgap.lint.validate import ValidateOptions
from skillgap.rubric.model import Requirement, Rubric
from skillgap.rubric.parse import load_rubric
from tests.conftest import FIXTURES

#: tests/fixtures/mini-rubric.yaml, as text to break in one place.
GOOD_RUBRIC = (FIXTURES / "mini-rubric.yaml").read_text("utf-8")
#: The parent rubric the ``extends`` tests build on.
EXTENDS = FIXTURES / "extends"
BUNDLED = Path(str(resources.files("skillgap").joinpath("rubrics")))
PRINCIPAL = BUNDLED / "principal-ml-engineer.yaml"
#: The smallest valid rubric: one area, one requirement, one skill (Python).
MINI = """\
id: mini
title: Mini
version: "1.0"
areas:
  - id: technical
    name: Technical
    weight: 1
    requirements:
      - id: languages
        name: Languages
        skills:
          - name: Python
"""


def positions(problems: list[Problem] | tuple[Problem, ...]) -> list[tuple[int | None, str]]:
    """Each problem's line and rule."""
    return [(p.line, p.rule) for p in problems]


def three_mistakes(text: str) -> tuple[str, dict[str, int]]:
    """The bundled rubric with one area weight misspelt, the next requirement weight made
    negative and the title line duplicated; returns the text and the 1-based lines."""
    lines = text.splitlines(keepends=True)
    misspelt = next(i for i, line in enumerate(lines) if line.startswith("    weight: "))
    negative = next(
        i for i, line in enumerate(lines) if i > misspelt and line.startswith("        weight: ")
    )
    title = next(i for i, line in enumerate(lines) if line.startswith("title: "))
    lines[misspelt] = lines[misspelt].replace("weight:", "wieght:")
    lines[negative] = re.sub(r"weight: .*", "weight: -2", lines[negative])
    lines.insert(title + 1, lines[title])
    return "".join(lines), {
        "duplicate-key": title + 2,
        "unknown-key": misspelt + 2,
        "out-of-range": negative + 2,
    }


#: Rules left out of :data:`EVERY_RULE`: ``knowledge-collision`` fires on nearly every real
#: rubric, whose umbrella skills group tools on purpose ("SQL" with "PostgreSQL"), which
#: is why it is off by default; its own examples and fixture switch it on.
NOISY_RULES = frozenset({"knowledge-collision"})

#: Validation with every rule on, including the ones that are off by default (but for
#: :data:`NOISY_RULES`).
EVERY_RULE = ValidateOptions(
    rules=frozenset(r.id for r in RULES.values() if r.configurable) - NOISY_RULES
)


def every_rule_and(rule: str) -> ValidateOptions:
    """:data:`EVERY_RULE` with ``rule`` on as well (when ``rule`` is a rule id)."""
    return ValidateOptions(rules=EVERY_RULE.rules | ({rule} & set(RULES)))


def write_ladder(folder: Path, body: str) -> Path:
    """A ladder file, ``ladder.yaml`` in ``folder``."""
    path = folder / "ladder.yaml"
    path.write_text(body, "utf-8")
    return path


def write_child(folder: Path, text: str, name: str = "child.yaml") -> Path:
    """A child rubric in ``folder`` that extends a copy of the shared base."""
    (folder / "base.yaml").write_text((EXTENDS / "base.yaml").read_text("utf-8"), "utf-8")
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def load_child(tmp_path: Path, body: str) -> Rubric:
    """A child of the shared base with ``body`` after its header, loaded."""
    header = 'id: child\nversion: "2.0.0"\nextends: base.yaml\n'
    return load_rubric(write_child(tmp_path, header + body))


def requirement(rubric: Rubric, requirement_id: str) -> Requirement:
    """The requirement of ``rubric`` with that id."""
    return next(r for _, r in rubric.iter_requirements() if r.id == requirement_id)

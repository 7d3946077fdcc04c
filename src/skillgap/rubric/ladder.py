"""Career ladders: an ordered family of rubrics, from the lowest level to the highest.

A ladder is a small YAML file naming rubrics from the lowest level to the highest
(bundled ladders live in ``skillgap/ladders/<id>.yaml``), with the score a level needs
to count as fully met. :func:`load_ladder` reads one and loads every rubric it names;
placing a candidate on it is :func:`skillgap.analysis.place`. The format is documented
in docs/ladder.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import Field, ValidationError

from ..errors import InputError, Problem, UnknownRubricError
from ..io.read import decode_text, read_bytes
from ..io.validation import InputModel, pydantic_problems
from ..io.yaml_source import YamlDocument, parse_yaml
from ..limits import DEFAULT_LIMITS, Limits
from .bundled import bundled_ladder_bytes, bundled_ladder_ids
from .model import Rubric
from .parse import load_rubric


class LadderError(InputError):
    """A ladder file is malformed or names rubrics that cannot be used."""

    def __str__(self) -> str:
        if self.problems:
            first = self.problems[0]
            more = len(self.problems) - 1
            tail = f" (and {more} more problem{'s' if more != 1 else ''})" if more else ""
            return f"{first.position}: {first.message}{tail}"
        return super().__str__()


class LadderLevelDef(InputModel):
    """One rung of a ladder."""

    rubric: str = Field(
        description="Bundled rubric id, or a path (relative to the ladder "
        "file) to a rubric .yaml file."
    )
    name: str | None = Field(
        default=None, description="Name shown in reports; default: the rubric's title."
    )
    summary: str = Field(default="", description="What the level is about, in a line.")


class Ladder(InputModel):
    """A career ladder: rubrics ordered from the lowest level to the highest."""

    id: str = Field(description="Short id, e.g. 'ml-engineer' (a slug).")
    title: str = Field(description="What the ladder is, e.g. 'Machine Learning Engineer'.")
    description: str = Field(default="", description="What the ladder covers.")
    source: str = Field(default="", description="Where the progression comes from.")
    min_score: float = Field(
        default=65.0,
        gt=0,
        le=100,
        description="Overall score a level needs (with no blocking gap) to count as fully met.",
    )
    levels: tuple[LadderLevelDef, ...] = Field(
        min_length=2, description="The levels, lowest first."
    )


@dataclass(frozen=True)
class LoadedLadder:
    """A ladder and its rubrics, loaded and checked."""

    ladder: Ladder
    rubrics: tuple[Rubric, ...]
    path: str

    def rule(self) -> str:
        """The placement rule in words (reports carry it)."""
        return (
            f"a level is fully met when none of its must-haves is unmet and its overall "
            f"score is at least {self.ladder.min_score:g}; the candidate is placed at the "
            "highest level fully met, and every level below it counts as met (a ladder is "
            "cumulative)"
        )


def parse_ladder_text(
    text: str,
    *,
    path: str,
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[Ladder | None, YamlDocument | None, list[Problem]]:
    """Parse ladder YAML into a model, collecting every problem with its position."""
    document, problems = parse_yaml(text, path=path, limits=limits)
    if document is None:
        return (
            None,
            None,
            [
                Problem(
                    p.file,
                    p.line,
                    p.column,
                    p.message.replace(
                        "a rubric needs at least id, title, version and areas",
                        "a ladder needs at least id, title and levels",
                    ),
                    p.level,
                    p.rule,
                )
                for p in problems
            ],
        )
    if not isinstance(document.data, dict):
        return (
            None,
            document,
            [
                *problems,
                Problem(
                    path,
                    1,
                    1,
                    "a ladder must be a mapping with id, title and levels",
                    rule="schema",
                ),
            ],
        )
    try:
        ladder = Ladder.model_validate(document.data)
    except ValidationError as exc:
        return (
            None,
            document,
            [
                *problems,
                *pydantic_problems(exc, path=path, source_map=document.source_map, root=Ladder),
            ],
        )
    seen: dict[str, int] = {}
    for i, level in enumerate(ladder.levels):
        if level.rubric in seen:
            mark = document.source_map.locate(("levels", i, "rubric"))
            problems.append(
                Problem(
                    path,
                    mark.line if mark else None,
                    mark.column if mark else None,
                    f"rubric '{level.rubric}' is already level {seen[level.rubric] + 1}",
                    rule="duplicate-id",
                )
            )
        seen.setdefault(level.rubric, i)
    return ladder, document, problems


def load_ladder(ref: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> LoadedLadder:
    """Load a ladder by bundled id or file path, with every rubric it names.

    >>> [r.id for r in load_ladder("ml-engineer").rubrics][-1]
    'principal-ml-engineer'

    Raises :class:`LadderError` for a malformed ladder (and :class:`RubricError` for a
    malformed rubric it names).
    """
    if isinstance(ref, str) and ref in bundled_ladder_ids() and not Path(ref).exists():
        data = bundled_ladder_bytes(ref)
        display = f"{ref}.yaml (bundled ladder)"
        base: Path | None = None
    else:
        path = Path(ref)
        if not path.exists():
            known = ", ".join(bundled_ladder_ids()) or "none"
            raise LadderError(
                f"no ladder file or bundled ladder called '{ref}'; bundled "
                f"ladders: {known} (see 'skillgap rubrics')"
            )
        data = read_bytes(path, limits=limits)
        display = str(path)
        base = path.parent
    text = decode_text(data, path=display, detect=False)
    ladder, document, problems = parse_ladder_text(text, path=display, limits=limits)
    errors = tuple(p for p in problems if p.level.value == "error")
    if ladder is None or document is None or errors:
        raise LadderError("invalid ladder", path=display, problems=errors or tuple(problems))
    rubrics = []
    for i, level in enumerate(ladder.levels):
        is_path = level.rubric.endswith((".yaml", ".yml"))
        target: str | Path = base / level.rubric if base is not None and is_path else level.rubric
        try:
            rubrics.append(load_rubric(target, limits=limits))
        except UnknownRubricError as exc:
            mark = document.source_map.locate(("levels", i, "rubric"))
            raise LadderError(
                f"level {i + 1}: {exc.message}",
                path=display,
                line=mark.line if mark else None,
                column=mark.column if mark else None,
            ) from exc
    return LoadedLadder(ladder=ladder, rubrics=tuple(rubrics), path=display)


__all__ = [
    "Ladder",
    "LadderError",
    "LadderLevelDef",
    "LoadedLadder",
    "bundled_ladder_ids",
    "load_ladder",
    "parse_ladder_text",
]

"""Career ladders: an ordered family of rubrics, and where a candidate stands on it.

A ladder is a small YAML file naming rubrics from the lowest level to the highest
(bundled ladders live in ``src/skillgap/ladders/<id>.yaml``). :func:`place` measures a
profile against every level and places the candidate at the **highest level fully
met**, where a level is fully met when

* no must-have of that level is unmet (no blocking gap), and
* the overall score against that level is at least the ladder's ``min_score``.

Levels are judged independently (the ladder's rubrics usually share one source of truth
through ``extends``, so meeting a higher level implies meeting the lower ones in
practice, but the rule does not assume it). The **next level** is the one right above
the placement (the lowest level when none is met), and the **gap to it** is that level's
blocking gaps followed by its biggest gains. The format is documented in docs/ladder.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import InputError, Problem, UnknownRubricError
from .io.read import decode_text, read_bytes
from .io.validation import pydantic_problems
from .io.yaml_source import YamlDocument, parse_yaml
from .limits import DEFAULT_LIMITS, Limits
from .profile import Profile
from .report import Gap, GapReport, LadderLevel, LadderPlacement
from .rubric import Rubric, load_rubric

#: How many non-blocking gaps of the next level are listed after its blocking ones.
GAPS_TO_NEXT = 5


class LadderError(InputError):
    """A ladder file is malformed or names rubrics that cannot be used."""

    def __str__(self) -> str:
        if self.problems:
            first = self.problems[0]
            more = len(self.problems) - 1
            tail = f" (and {more} more problem{'s' if more != 1 else ''})" if more else ""
            return f"{first.position}: {first.message}{tail}"
        return super().__str__()


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class LadderLevelDef(_Model):
    """One rung of a ladder."""

    rubric: str = Field(
        description="Bundled rubric id, or a path (relative to the ladder "
        "file) to a rubric .yaml file."
    )
    name: str | None = Field(
        default=None, description="Name shown in reports; default: the rubric's title."
    )
    summary: str = Field(default="", description="What the level is about, in a line.")


class Ladder(_Model):
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
            "highest level fully met"
        )


def bundled_ladder_ids() -> list[str]:
    """Ids of the ladders shipped with skillgap, sorted."""
    folder = resources.files("skillgap").joinpath("ladders")
    return sorted(entry.name[:-5] for entry in folder.iterdir() if entry.name.endswith(".yaml"))


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
        data = resources.files("skillgap").joinpath("ladders").joinpath(f"{ref}.yaml").read_bytes()
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


def _gap_to(report: GapReport) -> tuple[Gap, ...]:
    blocking = [g for g in report.gaps if g.blocking]
    others = [g for g in report.gaps if not g.blocking and g.gain > 0][:GAPS_TO_NEXT]
    return (*blocking, *others)


def place(
    profile: Profile, ladder: LoadedLadder, *, as_of: dt.date | None = None
) -> LadderPlacement:
    """Measure ``profile`` against every level of ``ladder`` and place the candidate.

    >>> from skillgap import load_profile
    >>> placement = place(load_profile("examples/junior-ml-engineer-profile.yaml"),
    ...                   load_ladder("ml-engineer"), as_of=dt.date(2026, 1, 1))
    >>> placement.placed
    'ml-engineer-entry'
    """
    from .scoring import analyze

    min_score = ladder.ladder.min_score
    levels: list[LadderLevel] = []
    reports: list[GapReport] = []
    for definition, rubric in zip(ladder.ladder.levels, ladder.rubrics, strict=True):
        report = analyze(profile, rubric, as_of=as_of)
        reports.append(report)
        score = report.overall.score
        levels.append(
            LadderLevel(
                rubric=report.rubric,
                name=definition.name or rubric.title,
                summary=definition.summary,
                score=score,
                blocking=report.overall.blocking,
                fully_met=not report.overall.blocked and score >= min_score,
                short_by=round(max(0.0, min_score - score), 1),
            )
        )
    met = [i for i, level in enumerate(levels) if level.fully_met]
    placed = met[-1] if met else None
    following = 0 if placed is None else placed + 1
    has_next = following < len(levels)
    return LadderPlacement(
        id=ladder.ladder.id,
        title=ladder.ladder.title,
        min_score=min_score,
        rule=ladder.rule(),
        levels=tuple(levels),
        placed=levels[placed].rubric.id if placed is not None else None,
        placed_name=levels[placed].name if placed is not None else None,
        next=levels[following].rubric.id if has_next else None,
        next_name=levels[following].name if has_next else None,
        gap_to_next=_gap_to(reports[following]) if has_next else (),
    )


def with_ladder(report: GapReport, placement: LadderPlacement) -> GapReport:
    """The report with its ``ladder`` section filled in."""
    return report.model_copy(update={"ladder": placement})


__all__ = [
    "GAPS_TO_NEXT",
    "Ladder",
    "LadderError",
    "LadderLevelDef",
    "LoadedLadder",
    "bundled_ladder_ids",
    "load_ladder",
    "parse_ladder_text",
    "place",
    "with_ladder",
]

"""What the two validity scripts share: scoring one file the way the CLI does.

``skillgap analyze FILE --ladder ml-engineer`` loads the ladder with
:func:`skillgap.rubric.ladder.load_ladder`, the rubric with :func:`skillgap.load_rubric`
(with no ``--rubric``, the ladder's top level: the bundled ``principal-ml-engineer``),
the file with :func:`skillgap.load_profile`, and scores it with :func:`skillgap.analyze`
with ``ladder=``. :class:`Scorer` makes exactly those calls and keeps only figures:
the overall score, each area's score, the years of experience found and the ladder
placement. No text of a resume is kept, so nothing of it can be printed.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from skillgap import GapReport, Profile, SkillgapError, analyze, load_profile  # noqa: E402
from skillgap.rubric.ladder import LoadedLadder, load_ladder  # noqa: E402

#: The ladder both scripts place people on, and the judged levels, lowest first: "none"
#: is below the ladder's first rung and "principal" is its top (the full rubric, fully met).
LADDER_ID = "ml-engineer"
LEVELS = ("none", "entry", "mid", "senior", "principal")
#: "present" in work histories runs to this date, so every run gives the same figures
#: (the paraphrase set's intended years are counted as of this date too).
DEFAULT_AS_OF = dt.date(2026, 6, 1)


def parse_date(text: str) -> dt.date:
    """``--as-of``'s value."""
    return dt.date.fromisoformat(text)


@dataclass(frozen=True)
class Scored:
    """The figures of one file's report (no text from the file)."""

    overall: float
    #: Area id -> score in points (0-100), in the rubric's order.
    areas: dict[str, float]
    #: Area id -> its name.
    area_names: dict[str, str]
    #: Years of experience the report's years requirement found (None: none found).
    years: float | None
    #: Ladder level the candidate is placed at, one of LEVELS.
    placed: str
    #: Score against each ladder level, lowest first.
    level_scores: tuple[float, ...]
    blocked: bool


class Scorer:
    """Loads the bundled rubric and the ``ml-engineer`` ladder once; scores files."""

    def __init__(self, *, as_of: dt.date = DEFAULT_AS_OF) -> None:
        self.as_of = as_of
        self.ladder: LoadedLadder = load_ladder(LADDER_ID)
        # What `skillgap analyze --ladder ml-engineer` scores against with no --rubric.
        self.rubric = self.ladder.rubrics[-1]
        if len(self.ladder.rubrics) != len(LEVELS) - 1:
            raise SystemExit(
                f"ladder {LADDER_ID!r} has {len(self.ladder.rubrics)} levels; these scripts "
                f"compare it with the judged levels {', '.join(LEVELS[1:])} and need exactly "
                f"{len(LEVELS) - 1}"
            )
        self.level_of: dict[str, str] = {
            rubric.id: name for rubric, name in zip(self.ladder.rubrics, LEVELS[1:], strict=True)
        }

    def load(self, path: Path) -> Profile | str:
        """The profile in ``path``, or why skillgap cannot read it (one line)."""
        if not path.is_file():
            return "no such file"
        try:
            return load_profile(path)
        except SkillgapError as exc:
            return f"not read: {exc.message}"
        except Exception as exc:  # a crash in a loader: say so and carry on
            return f"skillgap crashed reading it ({type(exc).__name__})"

    def score(self, profile: Profile) -> Scored:
        """Score ``profile`` against the rubric and place it on the ladder."""
        report = analyze(profile, self.rubric, as_of=self.as_of, ladder=self.ladder)
        return self.figures(report)

    def figures(self, report: GapReport) -> Scored:
        """The figures kept from one report."""
        placement = report.ladder
        assert placement is not None
        years = next(
            (
                requirement.years.found
                for area in report.areas
                for requirement in area.requirements
                if requirement.years is not None
            ),
            None,
        )
        return Scored(
            overall=report.overall.score,
            areas={area.id: round(area.score * 100, 1) for area in report.areas},
            area_names={area.id: area.name for area in report.areas},
            years=None if years is None else round(years, 1),
            placed="none" if placement.placed is None else self.level_of[placement.placed],
            level_scores=tuple(level.score for level in placement.levels),
            blocked=report.overall.blocked,
        )

    def describe(self) -> dict[str, str]:
        """What was measured against (for the JSON output)."""
        return {
            "rubric": f"{self.rubric.id} {self.rubric.version}",
            "ladder": f"{LADDER_ID}: "
            + " < ".join(f"{self.level_of[r.id]}={r.id}" for r in self.ladder.rubrics),
            "as_of": self.as_of.isoformat(),
        }


def level_rank(level: str) -> int:
    """Position of a level in LEVELS (none = 0 ... principal = 4)."""
    return LEVELS.index(level)


def write_json(path: Path, data: Mapping[str, Any]) -> None:
    """Deterministic JSON: sorted keys, two-space indent, a final newline."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def fmt(value: float | None, width: int = 5) -> str:
    """A figure to one decimal, right-aligned, or '-' when there is none."""
    return f"{'-' if value is None else f'{value:.1f}':>{width}}"

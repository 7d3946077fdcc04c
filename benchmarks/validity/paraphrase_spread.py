#!/usr/bin/env python3
"""Paraphrase spread: does a person's score survive rewording their resume?

Every person of the paraphrase set (benchmarks/validity/paraphrase/) is written up three
times with the same facts in different words and layouts. Each version is scored with
the library calls of ``skillgap analyze FILE --ladder ml-engineer`` (the bundled
``principal-ml-engineer`` rubric, placed on the ``ml-engineer`` ladder), with "present"
in work histories meaning --as-of (default 2026-06-01, the date the set's intended years
are counted to). A robust scorer gives the three versions (nearly) the same figures.

Printed per person: the overall score of each version, their spread (max - min), the
area whose score spreads most, the years of experience each version got, each version's
ladder placement and whether it changes, and the intended level. Targets: every person's
overall spread <= 3 points, and no placement change.

Usage::

    python benchmarks/validity/paraphrase_spread.py
    python benchmarks/validity/paraphrase_spread.py --json spread.json --check

Exit code 0, unless --check is given and a target is missed (then 1).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent.parent
for _entry in (str(ROOT), str(ROOT / "src")):
    if _entry not in sys.path:
        sys.path.insert(0, _entry)

from benchmarks.validity.common import (  # noqa: E402
    DEFAULT_AS_OF,
    LEVELS,
    Scored,
    Scorer,
    fmt,
    parse_date,
    write_json,
)

DEFAULT_SET = Path(__file__).resolve().parent / "paraphrase"
#: Target: the largest overall spread allowed for one person, in points.
MAX_SPREAD = 3.0
#: Years found within this much of the intended years count as right (information only).
YEARS_TOLERANCE = 0.5


@dataclass(frozen=True)
class Person:
    """One entry of people.yaml."""

    id: str
    level: str
    years: float | None


@dataclass(frozen=True)
class Version:
    """One version of a person: its figures, or why it could not be read."""

    name: str
    scored: Scored | None
    error: str | None = None


@dataclass(frozen=True)
class Result:
    """A person's versions and how much they disagree."""

    person: Person
    versions: tuple[Version, ...]

    @property
    def scored(self) -> list[Scored]:
        return [v.scored for v in self.versions if v.scored is not None]

    @property
    def complete(self) -> bool:
        """Every version was read, and there are at least two to compare."""
        return len(self.versions) >= 2 and all(v.scored is not None for v in self.versions)

    @property
    def spread(self) -> float | None:
        scores = [s.overall for s in self.scored]
        return round(max(scores) - min(scores), 1) if scores else None

    @property
    def area_spread(self) -> tuple[str | None, float | None]:
        """The area whose score spreads most across versions (first in rubric order on ties)."""
        scored = self.scored
        if not scored:
            return None, None
        best: tuple[str | None, float | None] = (None, None)
        for area in scored[0].areas:
            points = [s.areas[area] for s in scored]
            spread = round(max(points) - min(points), 1)
            if best[1] is None or spread > best[1]:
                best = (area, spread)
        return best

    @property
    def placement_changes(self) -> bool:
        return len({s.placed for s in self.scored}) > 1

    @property
    def meets_spread(self) -> bool:
        spread = self.spread
        return self.complete and spread is not None and spread <= MAX_SPREAD + 1e-9

    @property
    def meets_placement(self) -> bool:
        return self.complete and not self.placement_changes


def read_people(folder: Path) -> list[Person]:
    """people.yaml of a paraphrase set, checked."""
    path = folder / "people.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    entries = data.get("people") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise SystemExit(f"{path}: expected a mapping with a 'people' list")
    people = []
    for n, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise SystemExit(f"{path}: people[{n}] needs an 'id'")
        level = entry.get("level")
        if level not in LEVELS:
            raise SystemExit(f"{path}: people[{n}].level must be one of {', '.join(LEVELS)}")
        years = entry.get("years")
        people.append(
            Person(
                id=entry["id"],
                level=level,
                years=float(years) if isinstance(years, int | float) else None,
            )
        )
    return people


def versions_of(folder: Path) -> list[Path]:
    """A person's versions: every file in their folder, by name."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def measure(scorer: Scorer, folder: Path, person: Person) -> Result:
    """Score every version of ``person``."""
    versions = []
    for path in versions_of(folder / person.id):
        loaded = scorer.load(path)
        if isinstance(loaded, str):
            versions.append(Version(path.name, None, loaded))
        else:
            versions.append(Version(path.name, scorer.score(loaded)))
    return Result(person, tuple(versions))


def summarise(results: list[Result]) -> dict[str, Any]:
    """The summary figures and the targets."""
    spreads = [(r.spread, r.person.id) for r in results if r.spread is not None]
    areas = [(r.area_spread[1], r.person.id, r.area_spread[0]) for r in results]
    area_spreads = [(s, p, a) for s, p, a in areas if s is not None]
    scored = [(v.scored, r.person) for r in results for v in r.versions if v.scored is not None]
    with_years = [(s, p) for s, p in scored if p.years is not None]
    max_spread = max(spreads, key=lambda item: item[0], default=None)
    max_area = max(area_spreads, key=lambda item: item[0], default=None)
    people = len(results)
    spread_ok = sum(r.meets_spread for r in results)
    placement_ok = sum(r.meets_placement for r in results)
    return {
        "people": people,
        "versions": sum(len(r.versions) for r in results),
        "versions_not_read": sum(v.scored is None for r in results for v in r.versions),
        "people_spread_within_target": spread_ok,
        "people_without_placement_change": placement_ok,
        "max_overall_spread": None if max_spread is None else max_spread[0],
        "max_overall_spread_person": None if max_spread is None else max_spread[1],
        "max_area_spread": None if max_area is None else max_area[0],
        "max_area_spread_person": None if max_area is None else max_area[1],
        "max_area_spread_area": None if max_area is None else max_area[2],
        "versions_placed_at_intended_level": sum(s.placed == p.level for s, p in scored),
        "versions_with_years_within_tolerance": sum(
            s.years is not None
            and p.years is not None
            and abs(s.years - p.years) <= YEARS_TOLERANCE + 1e-9
            for s, p in with_years
        ),
        "versions_with_intended_years": len(with_years),
        "targets": {
            "overall_spread_max": MAX_SPREAD,
            "overall_spread_met": people > 0 and spread_ok == people,
            "no_placement_change_met": people > 0 and placement_ok == people,
        },
    }


def as_json(scorer: Scorer, results: list[Result], summary: dict[str, Any]) -> dict[str, Any]:
    """Every figure, for --json."""
    people = []
    for result in results:
        area, area_spread = result.area_spread
        versions: dict[str, Any] = {}
        for version in result.versions:
            if version.scored is None:
                versions[version.name] = {"error": version.error}
                continue
            s = version.scored
            versions[version.name] = {
                "overall": s.overall,
                "areas": s.areas,
                "years": s.years,
                "placed": s.placed,
                "blocked": s.blocked,
                "level_scores": list(s.level_scores),
            }
        people.append(
            {
                "id": result.person.id,
                "intended_level": result.person.level,
                "intended_years": result.person.years,
                "versions": versions,
                "overall_spread": result.spread,
                "max_area_spread": area_spread,
                "max_area_spread_area": area,
                "placement_changes": result.placement_changes,
                "meets_spread_target": result.meets_spread,
                "meets_placement_target": result.meets_placement,
            }
        )
    return {"measured_against": scorer.describe(), "people": people, "summary": summary}


def print_table(results: list[Result]) -> None:
    """One line per person."""
    labels = sorted({Path(v.name).stem for r in results for v in r.versions})
    slash = "/".join(labels) if labels else "-"
    width = max([len(r.person.id) for r in results] + [6])
    print(
        f"{'person':<{width}}  {'overall ' + slash:<17}  spread  "
        f"{'max area spread':<36}  {'years ' + slash:<17}  {'placed ' + slash:<26}  "
        "change  intended"
    )
    for result in results:
        overall = " ".join(
            fmt(v.scored.overall if v.scored else None).strip().rjust(4) for v in result.versions
        )
        years = "/".join(fmt(v.scored.years if v.scored else None).strip() for v in result.versions)
        placed = "/".join(v.scored.placed if v.scored else "?" for v in result.versions)
        area, area_spread = result.area_spread
        area_text = f"{fmt(area_spread)} {area or ''}"
        change = "YES" if result.placement_changes else "no"
        intended = result.person.level
        if result.person.years is not None:
            intended += f" ({result.person.years:g} y)"
        print(
            f"{result.person.id:<{width}}  {overall:<17}  {fmt(result.spread, 6)}  "
            f"{area_text:<36}  {years:<17}  {placed:<26}  {change:<6}  {intended}"
        )
        for version in result.versions:
            if version.error is not None:
                print(f"{'':<{width}}  {version.name}: {version.error}")


def print_summary(summary: dict[str, Any], scorer: Scorer) -> None:
    """The summary against the targets."""
    people = summary["people"]
    targets = summary["targets"]
    described = scorer.describe()

    def verdict(met: bool) -> str:
        return "met" if met else "MISSED"

    print(
        f"\nSummary: {people} people, {summary['versions']} versions "
        f"({summary['versions_not_read']} not read); rubric {described['rubric']}, "
        f"ladder {described['ladder'].split(':')[0]}, as of {described['as_of']}"
    )
    print(
        f"  overall spread <= {MAX_SPREAD:g} points: {summary['people_spread_within_target']} "
        f"of {people}   (target: all)  {verdict(targets['overall_spread_met'])}"
    )
    print(
        f"  no placement change:        {summary['people_without_placement_change']} "
        f"of {people}   (target: all)  {verdict(targets['no_placement_change_met'])}"
    )
    if summary["max_overall_spread"] is not None:
        print(
            f"  max overall spread:         {summary['max_overall_spread']:.1f} points "
            f"({summary['max_overall_spread_person']})"
        )
    if summary["max_area_spread"] is not None:
        print(
            f"  max area spread:            {summary['max_area_spread']:.1f} points "
            f"({summary['max_area_spread_person']}, {summary['max_area_spread_area']})"
        )
    print(
        f"  information, not targets: {summary['versions_placed_at_intended_level']} of "
        f"{summary['versions'] - summary['versions_not_read']} versions placed at the "
        f"intended level; {summary['versions_with_years_within_tolerance']} of "
        f"{summary['versions_with_intended_years']} got years within "
        f"{YEARS_TOLERANCE:g} of the intended"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Score each person's three paraphrased resumes and report the spread."
    )
    parser.add_argument(
        "--set",
        type=Path,
        default=DEFAULT_SET,
        metavar="DIR",
        help="paraphrase set: people.yaml and one folder per person (default: %(default)s)",
    )
    parser.add_argument("--json", type=Path, metavar="PATH", help="write every figure as JSON")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument(
        "--as-of",
        type=parse_date,
        default=DEFAULT_AS_OF,
        metavar="YYYY-MM-DD",
        help="date 'present' means in work histories (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    people = read_people(args.set)
    scorer = Scorer(as_of=args.as_of)
    results = [measure(scorer, args.set, person) for person in people]
    summary = summarise(results)
    print_table(results)
    print_summary(summary, scorer)
    if args.json is not None:
        write_json(args.json, as_json(scorer, results, summary))
        print(f"\nwrote {args.json}")
    targets = summary["targets"]
    missed = not (targets["overall_spread_met"] and targets["no_placement_change_met"])
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())

#!/usr/bin/env python3
"""Agreement with a careful reader: skillgap's scores and placements against judgments.

benchmarks/validity/judgments.yaml holds a reader's judgments of real resumes from the
shared corpus (fit 0-10 for the Principal ML Engineer role, the highest ML engineer
level the record supports, and whether the person is an ML practitioner). Each judged
file is scored with the library calls of ``skillgap analyze FILE --ladder ml-engineer``
and compared with the judgment:

- Spearman's rho between judged fit and skillgap's overall score, beside the rho of a
  naive baseline: the number of distinct rubric skills whose name or an alias occurs in
  the profile's text (case-insensitive, whole words; the text comes from the same
  profile loader, so every format is read alike);
- ladder agreement: placements within one level of the judged level (none < entry < mid
  < senior < principal, where principal means the ladder's top, the full rubric, fully
  met), exact agreement, and the share of ML practitioners placed at no level.

Targets: rho >= 0.85 and at least 0.10 above the naive baseline's; within one level for
>= 90%; fewer than 10% of ML practitioners at no level.

The corpus is real people's data: it is read in place, never copied, and nothing of a
resume but its file name is printed or written. Without the corpus the script says so
and exits 0.

Usage::

    python benchmarks/validity/agreement.py
    python benchmarks/validity/agreement.py --corpus /path/to/corpus --json agreement.json
    python benchmarks/validity/agreement.py --check      # exit 1 if a target is missed
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Sequence
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
    level_rank,
    parse_date,
    write_json,
)
from skillgap import Profile, Rubric  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_JUDGMENTS = Path(__file__).resolve().parent / "judgments.yaml"

#: Targets.
MIN_RHO = 0.85
#: "Clearly above the naive baseline": skillgap's rho minus the baseline's, at least.
MIN_RHO_MARGIN = 0.10
MIN_WITHIN_ONE = 0.90
#: Share of ML practitioners placed at no level must stay below this.
MAX_ML_AT_NONE = 0.10


@dataclass(frozen=True)
class Judgment:
    """One entry of judgments.yaml (its free-text reason is not kept)."""

    file: str
    fit: float
    level: str
    ml_practitioner: bool


@dataclass(frozen=True)
class Row:
    """A judged file with skillgap's figures, or why it could not be scored."""

    judgment: Judgment
    scored: Scored | None
    naive: int | None
    error: str | None = None


def read_judgments(path: Path) -> list[Judgment]:
    """judgments.yaml, checked."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    entries = data.get("judgments") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise SystemExit(f"{path}: expected a mapping with a 'judgments' list")
    judgments = []
    seen: set[str] = set()
    for n, entry in enumerate(entries):
        where = f"{path}: judgments[{n}]"
        if not isinstance(entry, dict):
            raise SystemExit(f"{where}: expected a mapping")
        file, fit, level = entry.get("file"), entry.get("fit"), entry.get("level")
        practitioner = entry.get("ml_practitioner")
        if not isinstance(file, str) or file in seen:
            raise SystemExit(f"{where}: 'file' must be a path, judged once")
        if not isinstance(fit, int | float) or isinstance(fit, bool):
            raise SystemExit(f"{where}: 'fit' must be a number")
        if level not in LEVELS:
            raise SystemExit(f"{where}: 'level' must be one of {', '.join(LEVELS)}")
        if not isinstance(practitioner, bool):
            raise SystemExit(f"{where}: 'ml_practitioner' must be true or false")
        seen.add(file)
        judgments.append(Judgment(file, float(fit), level, practitioner))
    return judgments


def naive_patterns(rubric: Rubric) -> dict[str, re.Pattern[str]]:
    """One pattern per distinct rubric skill: its name or any alias, as a whole word/phrase."""
    forms: dict[str, set[str]] = {}
    for area in rubric.areas:
        for requirement in area.requirements:
            for skill in requirement.skills:
                forms.setdefault(skill.name.casefold(), set()).update((skill.name, *skill.aliases))
    patterns = {}
    for key, written in sorted(forms.items()):
        alternatives = "|".join(
            r"\s+".join(re.escape(word) for word in form.split())
            for form in sorted(written, key=lambda form: (-len(form), form))
            if form.strip()
        )
        patterns[key] = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
    return patterns


def profile_text(profile: Profile) -> str:
    """All the text a loaded profile holds except identity: running text, declared
    skills, job titles and employers, education entries and stated totals."""
    parts = [segment.text for segment in profile.segments]
    parts += [skill.name for skill in profile.declared_skills]
    parts += [f"{job.title} {job.organization}" for job in profile.jobs]
    parts += [entry.text for entry in profile.education]
    parts += [stated.text for stated in profile.stated_years]
    return "\n".join(parts)


def naive_count(patterns: dict[str, re.Pattern[str]], profile: Profile) -> int:
    """How many distinct rubric skills the profile's text names."""
    text = profile_text(profile)
    return sum(1 for pattern in patterns.values() if pattern.search(text))


def spearman(x: Sequence[float], y: Sequence[float]) -> float | None:
    """Spearman's rho (ties get average ranks), or None when it is undefined."""
    if len(x) < 3 or len(set(x)) < 2 or len(set(y)) < 2:
        return None
    if sys.version_info >= (3, 12):
        import statistics

        return round(statistics.correlation(x, y, method="ranked"), 3)
    try:
        from scipy.stats import spearmanr
    except ImportError:
        raise SystemExit(
            "agreement.py computes Spearman's rho with statistics.correlation (Python 3.12+) "
            "or, on older Pythons, with scipy, which is not installed: "
            "pip install scipy (or pip install -e '.[test]')"
        ) from None
    return round(float(spearmanr(x, y).statistic), 3)


def measure(
    scorer: Scorer, patterns: dict[str, re.Pattern[str]], corpus: Path, judgment: Judgment
) -> Row:
    """Score one judged file (read in place)."""
    loaded = scorer.load(corpus / judgment.file)
    if isinstance(loaded, str):
        return Row(judgment, None, None, loaded)
    return Row(judgment, scorer.score(loaded), naive_count(patterns, loaded))


def fraction(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def summarise(rows: list[Row]) -> dict[str, Any]:
    """The summary figures and the targets."""
    scored = [(row, row.scored) for row in rows if row.scored is not None]
    fits = [row.judgment.fit for row, _ in scored]
    rho = spearman(fits, [s.overall for _, s in scored])
    rho_naive = spearman(fits, [float(row.naive or 0) for row, _ in scored])
    distance = [abs(level_rank(s.placed) - level_rank(row.judgment.level)) for row, s in scored]
    within_one = fraction(sum(d <= 1 for d in distance), len(scored))
    exact = fraction(sum(d == 0 for d in distance), len(scored))
    practitioners = [s for row, s in scored if row.judgment.ml_practitioner]
    at_none = sum(s.placed == "none" for s in practitioners)
    ml_at_none = fraction(at_none, len(practitioners))
    confusion = Counter((row.judgment.level, s.placed) for row, s in scored)
    margin = None if rho is None or rho_naive is None else round(rho - rho_naive, 3)
    return {
        "judged": len(rows),
        "scored": len(scored),
        "not_read": [row.judgment.file for row in rows if row.scored is None],
        "spearman_rho": rho,
        "spearman_rho_naive": rho_naive,
        "rho_margin_over_naive": margin,
        "within_one_level": within_one,
        "within_one_level_count": sum(d <= 1 for d in distance),
        "exact_level": exact,
        "exact_level_count": sum(d == 0 for d in distance),
        "ml_practitioners_scored": len(practitioners),
        "ml_practitioners_at_no_level": at_none,
        "ml_practitioners_at_no_level_share": ml_at_none,
        "levels_judged_vs_placed": {
            judged: {placed: confusion[judged, placed] for placed in LEVELS} for judged in LEVELS
        },
        "targets": {
            "rho_min": MIN_RHO,
            "rho_met": rho is not None and rho >= MIN_RHO,
            "rho_margin_min": MIN_RHO_MARGIN,
            "rho_margin_met": margin is not None and margin >= MIN_RHO_MARGIN,
            "within_one_level_min": MIN_WITHIN_ONE,
            "within_one_level_met": within_one is not None and within_one >= MIN_WITHIN_ONE,
            "ml_at_no_level_max": MAX_ML_AT_NONE,
            "ml_at_no_level_met": ml_at_none is not None and ml_at_none < MAX_ML_AT_NONE,
        },
    }


def as_json(scorer: Scorer, rows: list[Row], summary: dict[str, Any]) -> dict[str, Any]:
    """Every figure, for --json: file names and numbers only, no resume text."""
    files = []
    for row in rows:
        entry: dict[str, Any] = {
            "file": row.judgment.file,
            "judged_fit": row.judgment.fit,
            "judged_level": row.judgment.level,
            "ml_practitioner": row.judgment.ml_practitioner,
        }
        if row.scored is None:
            entry["error"] = row.error
        else:
            entry.update(
                score=row.scored.overall,
                naive_skills=row.naive,
                placed=row.scored.placed,
                blocked=row.scored.blocked,
                level_scores=list(row.scored.level_scores),
            )
        files.append(entry)
    return {"measured_against": scorer.describe(), "files": files, "summary": summary}


def print_table(rows: list[Row]) -> None:
    width = max([len(row.judgment.file) for row in rows] + [4])
    print(f"{'file':<{width}}  fit  score  naive  judged     placed")
    for row in rows:
        judged = row.judgment
        start = f"{judged.file:<{width}}  {judged.fit:>3g}"
        if row.scored is None:
            print(f"{start}  {'-':>5}  {'-':>5}  {judged.level:<9}  ({row.error})")
            continue
        print(
            f"{start}  {fmt(row.scored.overall)}  {row.naive:>5}  {judged.level:<9}  "
            f"{row.scored.placed}"
        )


def print_summary(summary: dict[str, Any], scorer: Scorer) -> None:
    targets = summary["targets"]
    described = scorer.describe()

    def verdict(met: bool) -> str:
        return "met" if met else "MISSED"

    def number(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.3f}"

    def percent(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.0%}"

    print(
        f"\nSummary: {summary['scored']} of {summary['judged']} judged files scored; "
        f"rubric {described['rubric']}, ladder {described['ladder'].split(':')[0]}, "
        f"as of {described['as_of']}"
    )
    for file in summary["not_read"]:
        print(f"  not scored, left out of every figure: {file}")
    rows = [
        (
            "Spearman rho, judged fit vs skillgap score",
            number(summary["spearman_rho"]),
            f">= {MIN_RHO}  {verdict(targets['rho_met'])}",
        ),
        (
            "Spearman rho, judged fit vs naive skill count",
            number(summary["spearman_rho_naive"]),
            "",
        ),
        (
            "skillgap's rho minus the naive rho",
            number(summary["rho_margin_over_naive"]),
            f">= {MIN_RHO_MARGIN}  {verdict(targets['rho_margin_met'])}",
        ),
        (
            "placed within one level of the judged level",
            (
                f"{summary['within_one_level_count']} of {summary['scored']} "
                f"({percent(summary['within_one_level'])})"
            ),
            f">= {MIN_WITHIN_ONE:.0%}  {verdict(targets['within_one_level_met'])}",
        ),
        (
            "placed at exactly the judged level",
            (
                f"{summary['exact_level_count']} of {summary['scored']} "
                f"({percent(summary['exact_level'])})"
            ),
            "",
        ),
        (
            "ML practitioners placed at no level",
            (
                f"{summary['ml_practitioners_at_no_level']} of "
                f"{summary['ml_practitioners_scored']} "
                f"({percent(summary['ml_practitioners_at_no_level_share'])})"
            ),
            f"< {MAX_ML_AT_NONE:.0%}  {verdict(targets['ml_at_no_level_met'])}",
        ),
    ]
    print(f"  {'':<46}  {'value':<13}  target")
    for label, value, target in rows:
        print(f"  {label:<46}  {value:<13}  {target}".rstrip())
    print("  judged level (rows) vs placed level (columns):")
    print("    " + " " * 10 + "".join(f"{level:>10}" for level in LEVELS))
    for judged, placed in summary["levels_judged_vs_placed"].items():
        print(f"    {judged:<10}" + "".join(f"{placed[level]:>10}" for level in LEVELS))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Compare skillgap's scores and ladder placements with a reader's judgments."
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        metavar="PATH",
        help="the shared corpus the judged files are relative to (default: %(default)s)",
    )
    parser.add_argument(
        "--judgments",
        type=Path,
        default=DEFAULT_JUDGMENTS,
        metavar="PATH",
        help="the judgments file (default: %(default)s)",
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
    if not args.corpus.is_dir():
        print(f"corpus not found at {args.corpus} (give --corpus PATH); nothing to measure")
        return 0
    judgments = read_judgments(args.judgments)
    scorer = Scorer(as_of=args.as_of)
    patterns = naive_patterns(scorer.rubric)
    rows = [measure(scorer, patterns, args.corpus, judgment) for judgment in judgments]
    summary = summarise(rows)
    print_table(rows)
    print_summary(summary, scorer)
    if args.json is not None:
        write_json(args.json, as_json(scorer, rows, summary))
        print(f"\nwrote {args.json}")
    missed = not all(met for key, met in summary["targets"].items() if key.endswith("_met"))
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())

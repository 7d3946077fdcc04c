#!/usr/bin/env python3
"""Benchmark the commands a user waits on once: ``skillgap --help``, ``validate`` of the
bundled rubric and ``analyze`` of one bundled example, against the import time of the
libraries they stand on (typer, rich, PyYAML, rapidfuzz, pydantic), each a fresh
process, in turn (A B C D A B C D ...: the machine is shared, so the figures of one
round are compared with each other), median of the rounds.

It ends with issue 14's start-up targets and whether they are met: ``--help`` at most
1x and ``validate`` at most 2x the import time of those libraries.

Usage::

    python benchmarks/bench_startup.py            # 7 rounds
    python benchmarks/bench_startup.py --rounds 3
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUBRIC = ROOT / "src" / "skillgap" / "rubrics" / "principal-ml-engineer.yaml"
EXAMPLE = ROOT / "examples" / "senior-ml-engineer.md"

COMMANDS: dict[str, list[str]] = {
    "import typer+rich+yaml+rapidfuzz+pydantic": [
        "-c",
        "import typer, rich.console, yaml, rapidfuzz.fuzz, pydantic",
    ],
    "skillgap --help": ["-m", "skillgap", "--help"],
    "skillgap validate (bundled rubric)": ["-m", "skillgap", "validate", str(RUBRIC)],
    "skillgap analyze (one example)": ["-m", "skillgap", "analyze", str(EXAMPLE)],
}
#: Target ratio to the import time, per command (None: measured, no target).
TARGETS = {"skillgap --help": 1.0, "skillgap validate (bundled rubric)": 2.0}


def seconds(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, check=False, timeout=120)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    runs: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for command in COMMANDS.values():  # one warm-up each (disk cache, .pyc files)
        seconds(command)
    for _ in range(args.rounds):
        for name, command in COMMANDS.items():
            runs[name].append(seconds(command))
    base = statistics.median(runs[next(iter(COMMANDS))])
    for name, times in runs.items():
        median = statistics.median(times)
        print(f"{name:45} {median * 1000:7.0f} ms  {median / base:5.2f}x the imports")
    print()
    for name, target in TARGETS.items():
        ratio = statistics.median(runs[name]) / base
        met = "met" if ratio <= target else "NOT met"
        print(f"target: {name} <= {target:g}x the imports: {ratio:.2f}x, {met}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

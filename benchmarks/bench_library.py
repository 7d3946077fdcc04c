#!/usr/bin/env python3
"""Benchmark the library as the README shows it: ``analyze(load_profile(f), load_rubric())``
in a loop, against preparing the rubric once, on seeded synthetic resumes.

Three ways of scoring the same N resumes, in one run (the machine is shared and noisy,
so compare the ratios, not the absolute times):

1. **README loop**: ``analyze(load_profile(f), load_rubric())`` - the rubric is loaded
   again for every file; ``analyze`` prepares it once per content and origin
   (``analysis.prepared_for``).
2. **Prepared once**: ``prepared = PreparedRubric.of(load_rubric())`` outside the loop,
   ``analyze(load_profile(f), prepared)`` inside (what batch does).
3. **Index rebuilt each time**: ``analyze(..., index=SkillIndex(rubric))`` - what the
   README loop cost before the cache.

Usage::

    python benchmarks/bench_library.py          # N = 200
    python benchmarks/bench_library.py --n 50
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for entry in (str(ROOT), str(ROOT / "src")):
    if entry not in sys.path:
        sys.path.insert(0, entry)

from benchmarks.synthetic import rubric_vocabulary, synthetic_resume  # noqa: E402
from skillgap import analyze, load_profile, load_rubric  # noqa: E402
from skillgap.analysis import PreparedRubric  # noqa: E402
from skillgap.matching.index import SkillIndex  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=200, help="resumes to score (default 200)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        rng = random.Random(7)
        vocabulary = rubric_vocabulary()
        for i in range(args.n):
            path = Path(tmp) / f"r{i}.txt"
            path.write_text(synthetic_resume(rng, vocabulary), "utf-8")
            files.append(path)
        analyze(load_profile(files[0]), load_rubric())  # imports and first preparation
        start = time.perf_counter()
        for f in files:
            analyze(load_profile(f), load_rubric())
        readme = (time.perf_counter() - start) / len(files)
        prepared = PreparedRubric.of(load_rubric())
        start = time.perf_counter()
        for f in files:
            analyze(load_profile(f), prepared)
        once = (time.perf_counter() - start) / len(files)
        count = max(10, len(files) // 10)
        rubric = load_rubric()
        start = time.perf_counter()
        for f in files[:count]:
            analyze(load_profile(f), rubric, index=SkillIndex(rubric))
        rebuilt = (time.perf_counter() - start) / count
    print(f"{args.n} synthetic resumes, per resume:")
    print(f"  README loop (cached preparation)   {readme * 1000:7.1f} ms")
    print(f"  rubric prepared once               {once * 1000:7.1f} ms")
    print(f"  index rebuilt for every resume     {rebuilt * 1000:7.1f} ms  ({count} resumes)")
    print(
        f"  README loop / prepared once: {readme / once:.2f}x; "
        f"rebuilt / README loop: {rebuilt / readme:.2f}x"
    )


if __name__ == "__main__":
    main()

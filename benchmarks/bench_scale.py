#!/usr/bin/env python3
"""Benchmark many roles in one pass, and Dask against the local pool (issue 16).

On N seeded synthetic resumes (benchmarks/synthetic.py) and the four bundled rubrics,
each a real ``python -m skillgap batch ... -o out.csv`` subprocess (start-up included):

1. In ``--pairs`` rounds run back to back: **one rubric** (the default), the **local
   pool, 4 rubrics in one pass** (``-r A -r B -r C -r D --jobs 2``) and **Dask, 4
   rubrics in one pass** (the same with ``--cluster local``: a LocalCluster of two
   worker processes, its start-up included; its CSV must be byte-identical). The
   machine is shared and noisy: each ratio is taken within a round, and the median
   reported.
2. **One rubric four times** (four separate runs, as before one pass existed).
3. **Peak memory** of the whole process tree for the 4-rubric runs at N/10 and N.

It prints each figure and each target with met / NOT met: Dask / local ≤ 1.25×; the
4-rubric pass / one rubric ≤ 2.5×; peak memory at N over N/10 ≤ 1.25× (flat).

Usage (docs/performance.md has the figures of the full run)::

    python benchmarks/bench_scale.py            # N = 10,000: several minutes
    python benchmarks/bench_scale.py --n 40     # a smoke run
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from benchmarks.bench_batch import run_batch as timed_batch  # noqa: E402
from benchmarks.bench_batch import write_corpus  # noqa: E402

#: The bundled rubrics.
RUBRICS = ("ml-engineer-entry", "ml-engineer-mid", "ml-engineer-senior", "principal-ml-engineer")
#: The one rubric the 4-rubric pass is compared with: the default, and the largest.
ONE = "principal-ml-engineer"

DASK_TARGET = 1.25
MULTI_TARGET = 2.5
MEMORY_TARGET = 1.25


def run_batch(
    folder: Path, output: Path, rubrics: tuple[str, ...], *, jobs: int, cluster: bool = False
) -> tuple[float, int]:
    """Wall time and peak tree memory of one ``skillgap batch`` run."""
    extra = tuple(option for rubric in rubrics for option in ("-r", rubric))
    return timed_batch(folder, output, jobs, extra + (("--cluster", "local") if cluster else ()))


def verdict(value: float, target: float) -> str:
    return "met" if value <= target else "NOT met"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="resumes (default 10,000)")
    parser.add_argument("--jobs", type=int, default=2, help="workers (default 2)")
    parser.add_argument("--pairs", type=int, default=3, help="one/four-rubric pairs (default 3)")
    args = parser.parse_args()
    n, jobs, pairs, small = args.n, args.jobs, args.pairs, max(1, args.n // 10)
    print(f"machine: {platform.machine()}, {platform.python_version()}, {platform.platform()}")
    print(f"N = {n:,} synthetic resumes x {len(RUBRICS)} bundled rubrics, --jobs {jobs}")
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        write_corpus(base / "large", n)
        write_corpus(base / "small", small)
        # The ratio of one pass over four rubrics to one rubric, in pairs run back to
        # back (the machine is shared and noisy: compare within a pair).
        ones: list[float] = []
        locals_: list[float] = []
        dasks: list[float] = []
        for pair in range(pairs):
            ones.append(run_batch(base / "large", base / "one.csv", (ONE,), jobs=jobs)[0])
            elapsed, local_peak = run_batch(base / "large", base / "local.csv", RUBRICS, jobs=jobs)
            locals_.append(elapsed)
            on_dask, dask_peak = run_batch(
                base / "large", base / "dask.csv", RUBRICS, jobs=jobs, cluster=True
            )
            dasks.append(on_dask)
            print(
                f"round {pair + 1}: one rubric {ones[-1]:.1f} s, 4 rubrics {elapsed:.1f} s, "
                f"4 rubrics on Dask {on_dask:.1f} s"
            )
        same = (base / "local.csv").read_bytes() == (base / "dask.csv").read_bytes()
        others = [
            run_batch(base / "large", base / f"one-{r}.csv", (r,), jobs=jobs)[0]
            for r in RUBRICS
            if r != ONE
        ]
        _, local_small = run_batch(base / "small", base / "ls.csv", RUBRICS, jobs=jobs)
        _, dask_small = run_batch(base / "small", base / "ds.csv", RUBRICS, jobs=jobs, cluster=True)
    one, local, dask = statistics.median(ones), statistics.median(locals_), statistics.median(dasks)
    singles = [one, *others]
    rows = n * len(RUBRICS)
    mib = 1024 * 1024
    print(f"local pool, 4 rubrics in one pass: {local:8.1f} s  {rows / local:7.0f} rows/s")
    print(f"Dask local cluster, 4 rubrics:     {dask:8.1f} s  {rows / dask:7.0f} rows/s")
    print(f"one rubric ({ONE}): {one:8.1f} s  {n / one:7.0f} rows/s")
    four = sum(singles)
    print(f"one rubric four times (4 runs):    {four:8.1f} s  {rows / four:7.0f} rows/s")
    print(f"Dask CSV byte-identical to local: {'yes' if same else 'NO'}")
    print(
        f"peak memory, local 4 rubrics: N = {small:,}: {local_small / mib:.0f} MiB, "
        f"N = {n:,}: {local_peak / mib:.0f} MiB"
    )
    print(
        f"peak memory, Dask 4 rubrics:  N = {small:,}: {dask_small / mib:.0f} MiB, "
        f"N = {n:,}: {dask_peak / mib:.0f} MiB"
    )
    ratio = statistics.median(d / b for b, d in zip(locals_, dasks, strict=True))
    multi = statistics.median(b / a for a, b in zip(ones, locals_, strict=True))
    print(f"4-rubric pass / 4 separate runs: {local / sum(singles):.2f}x")
    print(
        f"target: Dask / local pool (median of {pairs} rounds) {ratio:.2f}x <= {DASK_TARGET}x — "
        f"{verdict(ratio, DASK_TARGET)}"
    )
    print(
        f"target: 4 rubrics / one rubric (median of {pairs} pairs) {multi:.2f}x <= "
        f"{MULTI_TARGET}x — "
        f"{verdict(multi, MULTI_TARGET)}"
    )
    growth = max(local_peak / local_small, dask_peak / dask_small)
    print(
        f"target: peak memory N / (N/10) {growth:.2f}x <= {MEMORY_TARGET}x (flat) — "
        f"{verdict(growth, MEMORY_TARGET)}"
    )


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Benchmark the pure-Python package against the compiled modules (mypyc), side by side.

On N seeded synthetic plain-text resumes (benchmarks/synthetic.py), the real command
``skillgap batch DIR -o out.csv`` (a subprocess, start-up included) at ``--jobs 1`` and
``--jobs 2``, pure and compiled in turn, pair by pair (the machine is shared and noisy:
compare within a pair). The two builds must write byte-identical CSV; the script stops
if they do not. Then ``skillgap validate`` of the bundled rubric, both builds.

The compiled build is a wheel made with ``SKILLGAP_COMPILE=1 pip wheel .`` and installed
in a fresh virtual environment (about a minute and a half), or the interpreter of an
environment where it is installed already (``--compiled PYTHON``). The pure build is
this checkout's ``src/`` on ``PYTHONPATH``.

Usage (the figures in docs/performance.md come from the first)::

    python benchmarks/bench_compiled.py                 # N = 10,000, 2 pairs
    python benchmarks/bench_compiled.py --n 2000 --compiled /path/to/venv/bin/python
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from benchmarks.bench_batch import machine, write_corpus  # noqa: E402

RUBRIC = ROOT / "src" / "skillgap" / "rubrics" / "principal-ml-engineer.yaml"


def build_compiled(work: Path) -> str:
    """A fresh virtual environment with a compiled wheel of this checkout installed."""
    venv = work / "compiled-venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    wheels = work / "wheel"
    env = {**os.environ, "SKILLGAP_COMPILE": "1"}
    print("building a compiled wheel (mypyc; about a minute) ...", flush=True)
    subprocess.run(
        [python, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(wheels)],
        check=True,
        env=env,
    )
    (wheel,) = wheels.glob("skillgap-*.whl")
    subprocess.run([python, "-m", "pip", "install", "-q", str(wheel)], check=True)
    return python


def environment(pure: bool) -> dict[str, str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": os.environ.get("HOME", "/tmp")}
    if pure:
        env["PYTHONPATH"] = str(ROOT / "src")
    return env


def build_of(python: str, pure: bool) -> str:
    done = subprocess.run(
        [python, "-m", "skillgap", "--version"],
        env=environment(pure),
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def run_batch(python: str, pure: bool, folder: Path, output: Path, jobs: int) -> float:
    command = [python, "-m", "skillgap", "batch", str(folder), "--output", str(output)]
    command += ["--jobs", str(jobs), "--as-of", "2025-06-01", "--top", "0"]
    start = time.perf_counter()
    done = subprocess.run(command, env=environment(pure), capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"batch failed ({done.returncode}): {done.stderr.decode()}")
    return elapsed


def time_validate(python: str, pure: bool, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run(
            [python, "-m", "skillgap", "validate", str(RUBRIC)],
            env=environment(pure),
            capture_output=True,
            check=True,
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Pure Python against compiled modules.")
    parser.add_argument("--n", type=int, default=10_000, help="resumes (default 10,000)")
    parser.add_argument("--pairs", type=int, default=2, help="pure/compiled pairs per setting")
    parser.add_argument(
        "--compiled",
        metavar="PYTHON",
        help="interpreter of an environment with a compiled skillgap installed "
        "(default: build one in a temporary folder)",
    )
    args = parser.parse_args(argv)
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory(prefix="skillgap-bench-") as tmp:
        work = Path(tmp)
        compiled = args.compiled or build_compiled(work)
        builds = {"pure": (sys.executable, True), "compiled": (compiled, False)}
        for name, (python, pure) in builds.items():
            print(f"{name}: {build_of(python, pure)}")
        folder = work / "resumes"
        write_corpus(folder, args.n)
        rates: dict[tuple[str, int], list[float]] = {}
        for jobs in (1, 2):
            for pair in range(args.pairs):
                outputs = {}
                for name, (python, pure) in builds.items():
                    output = work / f"out-{name}-{jobs}-{pair}.csv"
                    elapsed = run_batch(python, pure, folder, output, jobs)
                    rates.setdefault((name, jobs), []).append(args.n / elapsed)
                    outputs[name] = output.read_bytes()
                if outputs["pure"] != outputs["compiled"]:
                    raise SystemExit("the compiled build wrote a different CSV from the pure one")
        print(f"\nbatch of N={args.n:,} plain-text resumes -> .csv (files/s, best of pairs):")
        print(f"{'':>10} {'--jobs 1':>10} {'--jobs 2':>10}")
        for name in builds:
            row = [max(rates[(name, jobs)]) for jobs in (1, 2)]
            print(f"{name:>10} {row[0]:>10,.0f} {row[1]:>10,.0f}")
        for jobs in (1, 2):
            ratios = [
                c / p for p, c in zip(rates[("pure", jobs)], rates[("compiled", jobs)], strict=True)
            ]
            print(f"compiled / pure at --jobs {jobs}: {statistics.median(ratios):.2f}x faster")
        print("outputs: byte-identical CSV from both builds in every pair")
        validate = {name: time_validate(python, pure, 3) for name, (python, pure) in builds.items()}
        print(
            f"\nskillgap validate (bundled rubric, median of 3): pure {validate['pure']:.2f} s, "
            f"compiled {validate['compiled']:.2f} s"
        )
        compiled_rate = max(rates[("compiled", 2)])
        pure_rate = max(rates[("pure", 2)])
        for target, met in (
            (">= 1,000 resumes/s with --jobs 2, compiled", compiled_rate >= 1000),
            (">= 700 resumes/s with --jobs 2, pure", pure_rate >= 700),
        ):
            print(f"target: {target}: {'met' if met else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

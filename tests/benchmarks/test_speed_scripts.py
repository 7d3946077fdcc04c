"""The speed benchmarks of issue 14 run end to end, tiny, and print each target with
whether it is met (the figures themselves are for docs/performance.md, never asserted)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT


def run(script: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
        cwd=ROOT,
    )
    return done.stdout


def test_the_pdf_benchmark_compares_both_readers_and_states_its_target() -> None:
    out = run("bench_pdf.py", "--n", "2", "--rounds", "1")
    assert "pypdfium2" in out and "pypdf" in out
    assert "PDFium reads" in out
    targets = [line for line in out.splitlines() if line.startswith("target:")]
    assert len(targets) == 2 and all(t.endswith(("met", "NOT met")) for t in targets)
    assert "to the full report" in targets[0] and "to a batch's numbers" in targets[1]


def test_the_startup_benchmark_times_each_command_and_states_its_targets() -> None:
    out = run("bench_startup.py", "--rounds", "1")
    for name in ("--help", "validate", "analyze", "import typer"):
        assert name in out
    targets = [line for line in out.splitlines() if line.startswith("target:")]
    assert len(targets) == 2 and all(t.endswith(("met", "NOT met")) for t in targets)


def test_the_compiled_benchmark_compares_both_builds_and_states_its_targets() -> None:
    # This interpreter stands in for the compiled build (building one takes a minute);
    # the script still runs both sides, checks they write the same CSV and states targets.
    out = run("bench_compiled.py", "--n", "20", "--pairs", "1", "--compiled", sys.executable)
    assert "compiled / pure at --jobs 2" in out and "byte-identical" in out
    targets = [line for line in out.splitlines() if line.startswith("target:")]
    assert len(targets) == 2 and all(t.endswith(("met", "NOT met")) for t in targets)


@pytest.mark.slow
def test_the_scale_benchmark_runs_every_way_and_states_its_targets() -> None:
    out = run("bench_scale.py", "--n", "10")
    assert "Dask local cluster" in out and "one rubric four times" in out
    assert "Dask CSV byte-identical to local: yes" in out
    targets = [line for line in out.splitlines() if line.startswith("target:")]
    assert len(targets) == 3 and all(t.endswith(("met", "NOT met")) for t in targets)

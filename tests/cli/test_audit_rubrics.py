"""``skillgap audit --rubric ID`` on the output of a batch of several rubrics: the audit of
one rubric's rows is the audit of a batch of that rubric alone, in every format."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from benchmarks.synthetic import rubric_vocabulary, synthetic_resume
from typer.testing import CliRunner

from skillgap.cli import app
from tests.helpers.batch import STRONG, WEAK

MID, SENIOR = "ml-engineer-mid", "ml-engineer-senior"
FORMATS = ["jsonl", "csv", "json", "parquet"]


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twenty resumes (one unreadable), scored against both rubrics in one pass and
    against each alone, in every format; a groups file for them."""
    pytest.importorskip("pyarrow")
    base = tmp_path_factory.mktemp("audit-rubrics")
    folder = base / "resumes"
    folder.mkdir()
    (folder / "grace.txt").write_text(STRONG, encoding="utf-8")
    (folder / "tim.txt").write_text(WEAK, encoding="utf-8")
    (folder / "broken.pdf").write_bytes(bytes(range(256)) * 8)
    rng = random.Random(16)
    vocabulary = rubric_vocabulary()
    for index in range(17):
        text = synthetic_resume(rng, vocabulary, target=900 + 60 * index)
        (folder / f"synthetic-{index:02}.txt").write_text(text, encoding="utf-8")
    common = ["--as-of", "2025-06-01", "--jobs", "1"]
    for fmt in FORMATS:
        for name, rubrics in (("both", [MID, SENIOR]), (MID, [MID]), (SENIOR, [SENIOR])):
            flags = [arg for r in rubrics for arg in ("-r", r)]
            out = base / f"{name}.{fmt}"
            code, _, err = invoke("batch", str(folder), *flags, "-o", str(out), *common)
            assert code == 1, err  # broken.pdf is an error row
    lines = ["file,sex"] + [
        f"{path},{'Female' if index % 3 else 'Male'}"
        for index, path in enumerate(sorted(folder.iterdir()))
    ]
    (base / "groups.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return base


def audit(results: Path, groups: Path, *extra: str) -> dict[str, Any]:
    code, out, err = invoke("audit", str(results), "-g", str(groups), "-f", "json", *extra)
    assert code == 0, err
    report: dict[str, Any] = json.loads(out)
    return report


def comparable(report: dict[str, Any]) -> dict[str, Any]:
    """The audit without its trail (which names the results file and the batch's options:
    the rubrics differ between the runs); the rubric audited is kept."""
    report = json.loads(json.dumps(report))
    trail = report.pop("trail")
    report["rubric"] = trail["batch"]["rubric"]
    return report


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("rubric", [MID, SENIOR])
@pytest.mark.parametrize("selected", ["median", "top:5"])
def test_one_rubric_of_many_is_audited_as_if_alone(
    runs: Path, fmt: str, rubric: str, selected: str
) -> None:
    groups = runs / "groups.csv"
    chosen = audit(runs / f"both.{fmt}", groups, "--rubric", rubric, "--selected", selected)
    alone = audit(runs / f"{rubric}.{fmt}", groups, "--selected", selected)
    assert chosen["trail"]["batch"]["rubric"]["id"] == rubric
    assert chosen["sample"]["scored"] == 19 and chosen["sample"]["errors"] == 1
    assert comparable(chosen) == comparable(alone)


@pytest.mark.parametrize("fmt", FORMATS)
def test_results_of_several_rubrics_need_a_choice(runs: Path, fmt: str) -> None:
    code, out, err = invoke("audit", str(runs / f"both.{fmt}"), "-g", str(runs / "groups.csv"))
    assert code == 3 and out == ""
    assert err.count("\n") == 1
    assert "mix rubrics" in err and MID in err and SENIOR in err and "--rubric ID" in err


def test_a_rubric_not_in_the_results_is_a_usage_error(runs: Path) -> None:
    code, _, err = invoke(
        "audit", str(runs / "both.jsonl"), "-g", str(runs / "groups.csv"), "--rubric", "nope"
    )
    assert code == 2
    assert err.count("\n") == 1
    assert "--rubric 'nope'" in err and f"{MID}, {SENIOR}" in err

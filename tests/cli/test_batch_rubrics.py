"""``skillgap batch --rubric A --rubric B``: many roles in one pass, the same rows as
separate runs, each resume read once."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from typer.testing import CliRunner

from skillgap.cli import app
from tests.conftest import ROOT
from tests.helpers.batch import STRONG, WEAK

MID, SENIOR = "ml-engineer-mid", "ml-engineer-senior"


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["batch", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "grace.txt").write_text(STRONG)
    (folder / "tim.md").write_text(WEAK)
    (folder / "ada.txt").write_text(STRONG.replace("Grace Hopper", "Ada Lovelace"))
    (folder / "random.pdf").write_bytes(bytes(range(256)) * 8)
    return folder


def _csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(), newline="")))


def test_two_rubrics_give_the_rows_of_two_separate_runs(inbox: Path, tmp_path: Path) -> None:
    both = tmp_path / "both.csv"
    code, _, err = invoke(
        str(inbox), "-r", MID, "-r", SENIOR, "-o", str(both), "--as-of", "2025-06-01"
    )
    assert code == 1, err  # random.pdf fails
    rows = _csv(both)
    assert len(rows) == 4 * 2
    for rubric in (MID, SENIOR):
        alone = tmp_path / f"{rubric}.csv"
        code, _, err = invoke(str(inbox), "-r", rubric, "-o", str(alone), "--as-of", "2025-06-01")
        assert code == 1, err
        mine = [
            {k: v for k, v in r.items() if k != "rubric"} for r in rows if r["rubric"] == rubric
        ]
        assert mine == _csv(alone)


def test_two_rubrics_to_jsonl_give_the_same_reports_as_separate_runs(
    inbox: Path, tmp_path: Path
) -> None:
    both = tmp_path / "both.jsonl"
    invoke(str(inbox), "-r", MID, "-r", SENIOR, "-o", str(both), "--as-of", "2025-06-01")
    separate: list[str] = []
    for rubric in (MID, SENIOR):
        alone = tmp_path / f"{rubric}.jsonl"
        invoke(str(inbox), "-r", rubric, "-o", str(alone), "--as-of", "2025-06-01")
        separate += alone.read_text().splitlines()
    lines = both.read_text().splitlines()
    scored = [line for line in lines if '"status":"error"' not in line]
    assert sorted(scored) == sorted(x for x in separate if '"status":"error"' not in x)
    errors = [json.loads(line) for line in lines if '"status":"error"' in line]
    assert sorted(e["rubric"] for e in errors) == [MID, SENIOR]


def test_the_ranking_on_stderr_shows_each_rubrics_top(inbox: Path, tmp_path: Path) -> None:
    code, _, err = invoke(
        str(inbox), "-r", MID, "-r", SENIOR, "-o", str(tmp_path / "o.csv"), "--top", "1"
    )
    assert code == 1
    assert f"Top 1 of 3 for {MID}" in err and f"Top 1 of 3 for {SENIOR}" in err
    assert "skillgap: 4 inputs × 2 rubrics: 6 scored, 2 failed" in err
    assert err.count("failed: ") == 1  # random.pdf's reason, said once


@pytest.fixture
def counting() -> Iterator[type[Any]]:
    fsspec = pytest.importorskip("fsspec")
    from fsspec.implementations.memory import MemoryFileSystem

    class Counting(MemoryFileSystem):  # type: ignore[misc]
        """fsspec's in-memory filesystem under another name, counting the files opened."""

        protocol = ("countmem",)
        opened: ClassVar[Counter[str]] = Counter()

        @classmethod
        def _strip_protocol(cls, path: str) -> str:
            if isinstance(path, str) and path.startswith("countmem://"):
                path = "memory://" + path[len("countmem://") :]
            return str(MemoryFileSystem._strip_protocol(path))

        def _open(self, path: str, mode: str = "rb", **kwargs: Any) -> Any:
            if "r" in mode:
                Counting.opened[path] += 1
            return super()._open(path, mode, **kwargs)

    fsspec.register_implementation("countmem", Counting, clobber=True)
    fs = Counting()
    fs.pipe({"/cv/grace.txt": STRONG.encode(), "/cv/tim.txt": WEAK.encode()})
    yield Counting
    fs.rm("/cv", recursive=True)


def test_each_resume_is_read_once_however_many_rubrics(counting: type[Any], tmp_path: Path) -> None:
    output = tmp_path / "out.csv"
    code, _, err = invoke(
        "countmem://cv/",
        "-r",
        MID,
        "-r",
        SENIOR,
        "-r",
        "principal-ml-engineer",
        "-o",
        str(output),
        "--jobs",
        "1",
    )
    assert code == 0, err
    assert len(_csv(output)) == 2 * 3
    assert counting.opened == Counter({"/cv/grace.txt": 1, "/cv/tim.txt": 1})


def test_two_rubrics_with_one_id_are_a_usage_error_naming_both_files(
    inbox: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "mid-copy.yaml"
    copy.write_bytes((ROOT / "src/skillgap/rubrics/ml-engineer-mid.yaml").read_bytes())
    output = tmp_path / "out.csv"
    code, _, err = invoke(str(inbox), "-r", MID, "-r", str(copy), "-o", str(output))
    assert code == 2
    expected = (
        f"skillgap: two rubrics have the id '{MID}': bundled '{MID}' and {copy}; "
        "give each role its own id"
    )
    assert err.strip().splitlines() == [expected]
    assert not output.exists()


def test_a_rubric_that_fails_to_load_stops_the_batch_before_any_work(
    inbox: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [\n")
    output = tmp_path / "out.csv"
    code, _, err = invoke(str(inbox), "-r", MID, "-r", str(bad), "-o", str(output))
    assert code == 3
    assert len(err.strip().splitlines()) == 1 and str(bad) in err
    assert not output.exists()


def test_resume_with_two_rubrics_finishes_each_pair_once(inbox: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    invoke(str(inbox), "-r", MID, "-o", str(output), "--jobs", "1")
    lines = output.read_text().splitlines()  # ada, grace, random.pdf (error), tim
    output.write_text("\n".join(lines[:2]) + "\n" + lines[2][:40])  # killed mid-line
    code, _, err = invoke(str(inbox), "-r", MID, "-r", SENIOR, "-o", str(output), "--resume")
    assert code == 1, err
    assert "2 already done from the earlier run" in err
    pairs: Counter[tuple[str, str]] = Counter()
    for line in output.read_text().splitlines():
        data = json.loads(line)
        rubric = data["rubric"] if data.get("status") == "error" else data["rubric"]["id"]
        source = data.get("input") or data["candidate"]["source"]
        pairs[(Path(source).name, rubric)] += 1
    names = ("ada.txt", "grace.txt", "random.pdf", "tim.md")
    assert pairs == Counter({(name, r): 1 for name in names for r in (MID, SENIOR)})

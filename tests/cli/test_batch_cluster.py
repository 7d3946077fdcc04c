"""``skillgap batch --cluster``: scoring on a Dask cluster (a ``LocalCluster`` of two
worker processes here) gives the rows, order and audit trail of the local pool, and
every input exactly once when a worker dies."""

from __future__ import annotations

import json
import random
import signal
import sys
from collections import Counter
from pathlib import Path

import pytest
from benchmarks.synthetic import rubric_vocabulary, synthetic_resume
from typer.testing import CliRunner

from skillgap.batch.cluster import ClusterError
from skillgap.batch.inputs import collect_inputs
from skillgap.batch.rows import BatchRow
from skillgap.batch.run import execute
from skillgap.cli import app
from skillgap.render import batch_formats
from skillgap.rubric.parse import load_rubric
from tests.helpers.batch import OPTIONS

pytest.importorskip("distributed")


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["batch", *args])
    return result.exit_code, result.stdout, result.stderr


def write_inbox(folder: Path, count: int) -> Path:
    """``count`` synthetic resumes, an empty file and random bytes named ``.pdf``."""
    folder.mkdir(parents=True)
    rng = random.Random(16)
    vocabulary = rubric_vocabulary()
    for number in range(count):
        (folder / f"cv-{number:03d}.txt").write_text(synthetic_resume(rng, vocabulary))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "random.pdf").write_bytes(bytes(range(256)) * 8)
    return folder


@pytest.mark.slow
def test_a_local_cluster_writes_what_the_local_pool_writes(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    inbox = write_inbox(tmp_path / "inbox", 24)
    for name in ("out.csv", "out.parquet"):
        local, dask = tmp_path / "local" / name, tmp_path / "dask" / name
        local.parent.mkdir(exist_ok=True)
        dask.parent.mkdir(exist_ok=True)
        common = (str(inbox), "--as-of", "2025-06-01", "--jobs", "2", "-r", "ml-engineer-mid")
        code, _, err = invoke(*common, "-r", "ml-engineer-senior", "-o", str(local))
        assert code == 1, err  # the two bad files
        code, _, cluster_err = invoke(
            *common, "-r", "ml-engineer-senior", "-o", str(dask), "--cluster", "local"
        )
        assert code == 1, cluster_err
        # The same ranking, counts and failures on stderr (failures in completion order).
        shown = sorted(cluster_err.replace(str(dask), str(local)).splitlines())
        assert shown == sorted(err.splitlines())
        if name == "out.csv":
            assert dask.read_bytes() == local.read_bytes()
            sidecar = dask.with_name(name + ".meta.json")
            assert sidecar.read_bytes() == local.with_name(name + ".meta.json").read_bytes()
            assert dask.read_text().count("\n") == 2 * 26 + 1
        else:
            table = pq.read_table(dask)
            assert table.equals(pq.read_table(local))
            meta = json.loads(table.schema.metadata[b"skillgap"])
            assert [r["id"] for r in meta["rubrics"]] == ["ml-engineer-mid", "ml-engineer-senior"]
            assert meta["counts"]["failed"] == 4 and len(meta["inputs"]) == 26
            assert table.schema.metadata == pq.read_table(local).schema.metadata


@pytest.mark.slow
def test_a_worker_killed_during_the_batch_loses_no_input(tmp_path: Path) -> None:
    psutil = pytest.importorskip("psutil")
    inbox = write_inbox(tmp_path / "inbox", 150)
    rubric = load_rubric()
    items = collect_inputs([str(inbox)])
    killed: list[int] = []

    def kill_a_worker(row: BatchRow) -> None:
        if killed:
            return
        workers = [
            p
            for p in psutil.Process().children(recursive=True)
            if "spawn_main" in " ".join(p.cmdline())
        ]
        assert workers, "no worker processes found"
        workers[0].send_signal(signal.SIGKILL)
        killed.append(workers[0].pid)

    output = tmp_path / "dask.csv"
    result = execute(
        items,
        rubric,
        OPTIONS,
        output=output,
        layout=batch_formats,
        jobs=2,
        cluster="local",
        on_row=kill_a_worker,
    )
    assert killed
    assert Counter(i["file"] for i in result.tally.audit_inputs()) == Counter(
        i.display for i in items
    )
    local = tmp_path / "local.csv"
    execute(items, rubric, OPTIONS, output=local, layout=batch_formats, jobs=2)
    assert output.read_bytes() == local.read_bytes()


@pytest.mark.slow
def test_resume_on_a_cluster_finishes_what_a_killed_run_left(tmp_path: Path) -> None:
    inbox = write_inbox(tmp_path / "inbox", 12)
    output = tmp_path / "out.jsonl"
    invoke(str(inbox), "-o", str(output), "--jobs", "1", "--as-of", "2025-06-01")
    lines = output.read_text().splitlines()
    output.write_text("\n".join(lines[:5]) + "\n" + lines[5][:30])  # killed mid-line
    code, _, err = invoke(str(inbox), "-o", str(output), "--resume", "--cluster", "local")
    assert code == 1, err
    assert "5 already done from the earlier run" in err
    seen = Counter(
        data.get("input") or data["candidate"]["source"]
        for data in map(json.loads, output.read_text().splitlines())
    )
    assert sorted(seen) == sorted(i.display for i in collect_inputs([str(inbox)]))
    assert set(seen.values()) == {1}


def test_without_dask_the_batch_stops_before_any_work_naming_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = write_inbox(tmp_path / "inbox", 1)
    monkeypatch.setitem(sys.modules, "distributed", None)
    output = tmp_path / "out.csv"
    code, out, err = invoke(str(inbox), "-o", str(output), "--cluster", "local")
    assert (code, out) == (3, "")
    assert err == "skillgap: --cluster needs Dask distributed: pip install 'skillgap[dask]'\n"
    assert not output.exists()
    with pytest.raises(ClusterError):
        execute([], load_rubric(), OPTIONS, output=None, layout=batch_formats, cluster="local")


def test_a_scheduler_that_does_not_answer_is_one_line_and_exit_3(tmp_path: Path) -> None:
    import dask

    inbox = write_inbox(tmp_path / "inbox", 1)
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        code, _, err = invoke(
            str(inbox), "-o", str(tmp_path / "o.csv"), "--cluster", "tcp://127.0.0.1:9"
        )
    assert code == 3
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("skillgap: cannot reach the Dask scheduler at tcp://127.0.0.1:9: ")


@pytest.mark.slow
def test_an_input_that_kills_its_worker_is_one_error_row_and_the_rest_are_scored(
    tmp_path: Path,
) -> None:
    """A PDF that keeps PDFium busy for hours: each worker reading it is ended by its
    watchdog; after the scheduler's retries its chunk is split, and only it fails."""
    from tests.helpers.pdf import form_bomb_pdf

    inbox = write_inbox(tmp_path / "inbox", 6)
    (inbox / "bomb.pdf").write_bytes(form_bomb_pdf(34))
    output = tmp_path / "out.csv"
    code, _, err = invoke(
        str(inbox), "-o", str(output), "--cluster", "local", "--timeout", "1", "--top", "0"
    )
    assert code == 1, err
    rows = output.read_text().splitlines()[1:]
    assert len(rows) == 6 + 3
    bomb = [row for row in rows if "bomb.pdf" in row]
    assert len(bomb) == 1 and "died each time it was tried" in bomb[0]
    assert err.splitlines()[0] == "skillgap: 6 scored, 3 failed in " + str(output)

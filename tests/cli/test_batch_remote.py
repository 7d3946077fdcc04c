"""``skillgap batch`` over URLs and to Parquet on the command line: ``memory://`` in
process, ``file://`` with worker processes, one line and exit 3 for a missing package,
no secrets in any output, and no fsspec or pyarrow loaded for local paths."""

from __future__ import annotations

import importlib.util
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import fsspec
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from skillgap.cli import app
from tests.conftest import ROOT
from tests.helpers.batch import STRONG, WEAK
from tests.helpers.remote import SECRET, clear_memory, register_test_filesystems, write_memory


def invoke(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["batch", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(autouse=True)
def memory() -> Iterator[None]:
    register_test_filesystems()
    clear_memory()
    yield
    clear_memory()


@pytest.fixture
def resumes() -> fsspec.AbstractFileSystem:
    return write_memory({"/resumes/grace.txt": STRONG, "/resumes/tim.txt": WEAK})


def test_memory_inputs_and_output(resumes: fsspec.AbstractFileSystem) -> None:
    code, out, err = invoke(
        "memory://resumes/*.txt", "-o", "memory://out/results.csv", "--jobs", "2"
    )
    assert code == 0, err
    assert out == "" and "skillgap: 2 scored, 0 failed in memory://out/results.csv" in err
    lines = resumes.cat_file("/out/results.csv").decode().splitlines()
    assert [line.split(",")[1] for line in lines[1:]] == [
        "memory:///resumes/grace.txt",
        "memory:///resumes/tim.txt",
    ]
    meta = json.loads(resumes.cat_file("/out/results.csv.meta.json"))
    assert [i["file"] for i in meta["inputs"]] == [
        "memory:///resumes/grace.txt",
        "memory:///resumes/tim.txt",
    ]


def test_parquet_to_a_url(resumes: fsspec.AbstractFileSystem) -> None:
    code, _, err = invoke("memory://resumes/", "-o", "memory://out/results.parquet")
    assert code == 0, err
    table = pq.read_table(io.BytesIO(resumes.cat_file("/out/results.parquet")))
    assert table.column("candidate").to_pylist() == ["Grace Hopper", "Tim Walker"]
    assert json.loads(table.schema.metadata[b"skillgap"])["counts"]["scored"] == 2


def test_file_urls_with_two_worker_processes(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "grace.txt").write_text(STRONG)
    (inbox / "tim.txt").write_text(WEAK)
    (inbox / "empty.txt").write_text("")
    out = tmp_path / "out.jsonl"
    code, _, err = invoke(f"file://{inbox}", "-o", f"file://{out}", "--jobs", "2")
    assert code == 1, err
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(r["candidate"]["name"] for r in rows if "candidate" in r) == [
        "Grace Hopper",
        "Tim Walker",
    ]
    (error,) = [r for r in rows if r.get("status") == "error"]
    assert error["error"] == f"file://{inbox}/empty.txt: file is empty: nothing to score"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "inbox",
        "out.jsonl",
        "out.jsonl.meta.json",
    ]


def test_resume_with_a_url_output(resumes: fsspec.AbstractFileSystem) -> None:
    url = "memory://out/results.jsonl"
    code, _, err = invoke("memory://resumes/grace.txt", "-o", url)
    assert code == 0, err
    resumes.pipe_file("/resumes/ada.txt", STRONG.replace("Grace Hopper", "Ada Lovelace").encode())
    code, _, err = invoke("memory://resumes/", "-o", url, "--resume")
    assert code == 0, err
    assert "1 already done from the earlier run" in err
    rows = [json.loads(line) for line in resumes.cat_file("/out/results.jsonl").splitlines()]
    assert sorted(r["candidate"]["name"] for r in rows) == [
        "Ada Lovelace",
        "Grace Hopper",
        "Tim Walker",
    ]


def test_a_missing_url_named_on_the_command_line_stops_at_once(
    resumes: fsspec.AbstractFileSystem,
) -> None:
    code, _, err = invoke("memory://resumes/grase.txt", "-o", "memory://out/r.csv")
    assert code == 3
    assert err == (
        "skillgap: memory://resumes/grase.txt: no such file or folder; "
        "did you mean 'memory:///resumes/grace.txt'?\n"
    )
    assert not resumes.exists("/out/r.csv")


@pytest.mark.skipif(importlib.util.find_spec("s3fs") is not None, reason="s3fs is installed")
def test_s3_without_s3fs_is_one_line_and_exit_3(tmp_path: Path) -> None:
    code, out, err = invoke("s3://bucket/resumes/", "-o", str(tmp_path / "o.csv"))
    assert (code, out) == (3, "")
    assert (
        err == "skillgap: s3://bucket/resumes/: cannot open s3:// URLs: Install s3fs to access S3\n"
    )
    code, _, err = invoke(str(ROOT / "examples"), "-o", "s3://KEY:SECRET@bucket/o.csv")
    assert code == 3 and err.count("\n") == 1 and "Install s3fs" in err
    assert "SECRET" not in err


def test_a_registered_protocol_without_its_package_is_one_line_and_exit_3() -> None:
    fsspec.register_implementation(
        "madeupfs",
        "skillgap_test_no_such_package.MadeUpFileSystem",
        clobber=True,
        errtxt="Install madeupfs-client to access MadeUp storage",
    )
    code, _, err = invoke("-", stdin="madeupfs://bucket/cv.pdf\n")
    assert code == 3
    assert err == (
        "skillgap: madeupfs://bucket/cv.pdf: cannot open madeupfs:// URLs: "
        "Install madeupfs-client to access MadeUp storage\n"
    )


def test_no_secret_reaches_an_output_or_stderr() -> None:
    fs = write_memory({"/box/grace.txt": STRONG, "/box/forbidden.txt": STRONG})
    signed = f"signedmem://KEY:{SECRET}@box"
    code, out, err = invoke(
        f"{signed}/grace.txt?sv=1&sig={SECRET}",
        "-",
        "-o",
        f"signedmem://KEY:{SECRET}@out/r.csv?sig={SECRET}",
        stdin=f"{signed}/forbidden.txt?sig={SECRET}\n{signed}/missing.txt?token={SECRET}\n",
    )
    assert code == 1, err
    written = b"".join(fs.cat_file(p) for p in fs.find("/out")).decode()
    assert "signedmem:///box/grace.txt" in written and "cannot read" in written
    assert "in signedmem://out/r.csv\n" in err
    assert SECRET not in written + out + err


def test_a_key_must_be_a_local_file(resumes: fsspec.AbstractFileSystem) -> None:
    code, _, err = invoke("memory://resumes/", "--blind", "--key", "memory://key.csv")
    assert code == 2 and "--key must be a local file" in err


def test_lean_is_a_usage_error_with_parquet(resumes: fsspec.AbstractFileSystem) -> None:
    code, _, err = invoke("memory://resumes/", "--lean", "-o", "memory://out/r.parquet")
    assert code == 2 and "--lean" in err


def test_local_batches_load_neither_fsspec_nor_pyarrow(tmp_path: Path) -> None:
    """Start-up stays fast: the optional packages are imported only for URLs and Parquet."""
    (tmp_path / "grace.txt").write_text(STRONG)
    for args in (
        ["batch", "--help"],
        ["batch", str(tmp_path / "grace.txt"), "-o", str(tmp_path / "o.csv"), "--jobs", "1"],
    ):
        run = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "skillgap", *args],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            check=False,
        )
        assert run.returncode == 0, run.stderr
        imported = {line.split("|")[-1].strip().split(".")[0] for line in run.stderr.splitlines()}
        assert not imported & {"fsspec", "pyarrow"}

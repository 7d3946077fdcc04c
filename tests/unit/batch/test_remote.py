"""Batches over URLs (skillgap.batch.remote): inputs listed and read through fsspec like
local ones, outputs put at a URL whole, and credentials never shown or recorded."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import fsspec
import pytest

from skillgap.batch.inputs import collect_inputs, missing_argument, read_input
from skillgap.batch.remote import read_url, staged_output
from skillgap.batch.run import execute
from skillgap.errors import InputError, LimitExceededError, OutputError
from skillgap.limits import Limits
from skillgap.render import batch_formats
from skillgap.rubric.model import Rubric
from tests.helpers.batch import OPTIONS, STRONG, WEAK
from tests.helpers.remote import (
    SECRET,
    UnsizedMemoryFileSystem,
    clear_memory,
    register_test_filesystems,
    write_memory,
)


@pytest.fixture(autouse=True)
def memory() -> Iterator[None]:
    register_test_filesystems()
    clear_memory()
    yield
    clear_memory()


@pytest.fixture
def inbox() -> fsspec.AbstractFileSystem:
    return write_memory(
        {
            "/inbox/grace.txt": STRONG,
            "/inbox/tim.md": WEAK,
            "/inbox/nested/ada.txt": STRONG.replace("Grace Hopper", "Ada Lovelace"),
            "/inbox/.hidden/secret.txt": STRONG,
            "/inbox/.dot.txt": STRONG,
            "/inbox/empty.txt": "",
        }
    )


def test_folders_are_walked_recursively_skipping_hidden_names(
    inbox: fsspec.AbstractFileSystem,
) -> None:
    items = collect_inputs(["memory://inbox"])
    assert [i.display for i in items] == [
        "memory:///inbox/empty.txt",
        "memory:///inbox/grace.txt",
        "memory:///inbox/nested/ada.txt",
        "memory:///inbox/tim.md",
    ]
    assert all(i.opener == "memory://inbox" and i.problem is None for i in items)


def test_globs_expand_sorted_and_deduplicated_with_local_paths(
    inbox: fsspec.AbstractFileSystem, tmp_path: Path
) -> None:
    (tmp_path / "local.txt").write_text(WEAK)
    items = collect_inputs(
        ["memory://inbox/*.txt", "memory://inbox/grace.txt", "memory://inbox/**/ada.txt", "-"],
        stdin=[f"{tmp_path / 'local.txt'}\n"],
    )
    assert [i.display for i in items] == sorted(
        [
            "memory:///inbox/empty.txt",
            "memory:///inbox/grace.txt",
            "memory:///inbox/nested/ada.txt",
            str(tmp_path / "local.txt"),
        ]
    )


def test_missing_urls_and_empty_globs_are_error_inputs_when_read_from_stdin(
    inbox: fsspec.AbstractFileSystem,
) -> None:
    items = collect_inputs(["-", "memory://inbox/*.pdf"], stdin=["memory://inbox/nope.txt\n"])
    assert {(i.display, i.problem) for i in items} == {
        ("memory://inbox/nope.txt", "no such file or folder"),
        ("memory://inbox/*.pdf", "no files match this pattern"),
    }


def test_a_missing_url_on_the_command_line_is_named_with_the_closest_name(
    inbox: fsspec.AbstractFileSystem,
) -> None:
    assert missing_argument("memory://inbox/grace.txt") is None
    assert missing_argument("memory://inbox/*.pdf") is None  # a glob: an error row later
    assert missing_argument("memory://inbox/grase.txt") == (
        "memory://inbox/grase.txt: no such file or folder; "
        "did you mean 'memory:///inbox/grace.txt'?"
    )


def test_our_own_output_at_a_url_is_never_an_input(inbox: fsspec.AbstractFileSystem) -> None:
    inbox.pipe_file("/inbox/out.csv", b"rank\r\n")
    inbox.pipe_file("/inbox/out.csv.meta.json", b"{}")
    inbox.pipe_file("/inbox/.out.csv.1234.tmp", b"")
    names = [
        i.display for i in collect_inputs(["memory://inbox/"], exclude=["memory://inbox/out.csv"])
    ]
    assert not [n for n in names if "out.csv" in n]


def test_a_protocol_whose_package_is_missing_says_what_to_install() -> None:
    fsspec.register_implementation(
        "madeupfs",
        "skillgap_test_no_such_package.MadeUpFileSystem",
        clobber=True,
        errtxt="Install madeupfs-client to access MadeUp storage",
    )
    with pytest.raises(InputError) as caught:
        collect_inputs(["-"], stdin=["madeupfs://bucket/cv.pdf\n"])
    assert str(caught.value) == (
        "madeupfs://bucket/cv.pdf: cannot open madeupfs:// URLs: "
        "Install madeupfs-client to access MadeUp storage"
    )


def test_without_fsspec_a_url_names_the_extra_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "fsspec", None)
    monkeypatch.setitem(sys.modules, "fsspec.core", None)
    with pytest.raises(InputError) as caught:
        missing_argument("s3://KEY:SECRET@bucket/inbox/")
    assert str(caught.value) == (
        "s3://bucket/inbox/: reading or writing URLs needs fsspec: pip install 'skillgap[cloud]'"
    )


def test_a_file_over_the_size_limit_is_refused_before_it_is_opened(
    inbox: fsspec.AbstractFileSystem, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox.pipe_file("/inbox/big.txt", b"x" * (1024 * 1024 + 10))

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("opened a file over the limit")

    monkeypatch.setattr(type(inbox), "_open", never)
    with pytest.raises(LimitExceededError, match=r"over the 1\.0 MB limit"):
        read_url(
            "/inbox/big.txt",
            opener="memory://inbox/big.txt",
            shown="memory:///inbox/big.txt",
            limits=Limits.from_options(max_file_mb=1),
        )


def test_a_file_of_unknown_size_is_read_no_further_than_the_limit_and_one_byte() -> None:
    write_memory({"/big.txt": b"x" * (3 * 1024 * 1024)})
    UnsizedMemoryFileSystem.bytes_read.clear()
    (item,) = collect_inputs(["unsized://big.txt"])
    with pytest.raises(LimitExceededError):
        read_input(item, limits=Limits.from_options(max_file_mb=1))
    assert sum(UnsizedMemoryFileSystem.bytes_read) == 1024 * 1024 + 1
    write_memory({"/small.txt": b"Python"})
    (small,) = collect_inputs(["unsized://small.txt"])
    assert read_input(small) == b"Python"


def test_credentials_in_urls_appear_in_no_row_audit_or_message(
    rubric: Rubric, tmp_path: Path
) -> None:
    write_memory({"/box/grace.txt": STRONG, "/box/forbidden.txt": STRONG, "/box/empty.txt": ""})
    signed = f"signedmem://KEY:{SECRET}@box"
    items = collect_inputs(
        [f"{signed}/grace.txt?sv=1&sig={SECRET}", "-"],
        stdin=[
            f"{signed}/forbidden.txt?sig={SECRET}\n",
            f"{signed}/empty.txt?token={SECRET}\n",
            f"{signed}/missing.txt?sig={SECRET}\n",
        ],
    )
    outputs = [tmp_path / "out.jsonl", tmp_path / "out.csv", tmp_path / "out.md"]
    written = ""
    for output in outputs:
        result = execute(items, rubric, OPTIONS, output=output, layout=batch_formats)
        written += "".join(p.read_text() for p in tmp_path.iterdir() if p.is_file())
        written += json.dumps(result.tally.errors) + json.dumps(result.tally.ranking())
    assert result.tally.scored == 1 and result.tally.failed == 3
    assert SECRET not in written
    assert "signedmem:///box/grace.txt" in written
    assert "signedmem://box/missing.txt?sv" not in written
    assert "cannot read: RuntimeError: AccessDenied for *** with sig=***" in written


def test_an_output_at_a_url_is_put_there_whole_with_its_sidecar(
    rubric: Rubric, inbox: fsspec.AbstractFileSystem
) -> None:
    items = collect_inputs(["memory://inbox/grace.txt", "memory://inbox/tim.md"])
    execute(items, rubric, OPTIONS, output="memory://out/ranking.csv", layout=batch_formats)
    assert inbox.cat_file("/out/ranking.csv").count(b"\r\n") == 3
    meta = json.loads(inbox.cat_file("/out/ranking.csv.meta.json"))
    assert meta["output"]["file"] == "ranking.csv"
    assert sorted(inbox.ls("/out", detail=False)) == [
        "/out/ranking.csv",
        "/out/ranking.csv.meta.json",
    ]


def test_an_output_url_that_cannot_be_written_stops_before_any_work(tmp_path: Path) -> None:
    with (
        pytest.raises(OutputError, match="does not exist"),
        staged_output(f"file://{tmp_path}/nope/out.csv"),
    ):
        raise AssertionError("no work should start")
    (tmp_path / "folder.csv").mkdir()
    with (
        pytest.raises(OutputError, match="it is a folder"),
        staged_output(f"file://{tmp_path}/folder.csv"),
    ):
        raise AssertionError("no work should start")


def test_an_interrupted_jsonl_output_keeps_what_was_finished(tmp_path: Path) -> None:
    url = f"file://{tmp_path}/out.jsonl"
    with pytest.raises(KeyboardInterrupt), staged_output(url, streaming=True) as local:
        local.write_text('{"done": 1}\n')
        raise KeyboardInterrupt
    assert (tmp_path / "out.jsonl").read_text() == '{"done": 1}\n'
    with pytest.raises(KeyboardInterrupt), staged_output(f"file://{tmp_path}/o.csv") as local:
        local.write_text("half")
        raise KeyboardInterrupt
    assert not (tmp_path / "o.csv").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]  # no temporary files


def test_a_local_output_seen_through_file_urls_is_never_an_input(tmp_path: Path) -> None:
    (tmp_path / "grace.txt").write_text(STRONG)
    (tmp_path / "out.csv").write_text("rank\r\n")
    (tmp_path / "out.csv.meta.json").write_text("{}")
    items = collect_inputs([f"file://{tmp_path}"], exclude=[tmp_path / "out.csv"])
    assert [i.display for i in items] == [f"file://{tmp_path}/grace.txt"]

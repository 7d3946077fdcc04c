"""Output injection: nothing in a resume can drive a terminal, a spreadsheet, a Markdown
page or a browser. Every output format of `analyze` and `batch` is checked on the raw
bytes it writes, for one resume that tries everything at once."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillgap.cli import app

OSC8 = "\x1b]8;;http://evil.example/\x1b\\click me\x1b]8;;\x1b\\"
HOSTILE = (
    '=HYPERLINK("http://evil.example","x") Eve\n'
    f"eve@example.com | {OSC8}\n\n"
    "SUMMARY\n"
    "Python <script>alert(1)</script> \x1b[2J\x1b[31mred\x1b[0m [bold red]markup[/bold red] "
    "\u202eesrever\u202c | a | table | `code` <img src=x onerror=alert(1)>\roverwritten\n"
    "EXPERIENCE\nLed a team of 5 building PyTorch models on Kubernetes.\x07\n"
    "SKILLS\n=cmd|' /C calc'!A0, @SUM(A1), +1+1, -2+3, Python\n"
)
FORBIDDEN = ("\x1b", "\x9b", "\x9d", "\u202e", "\u202c", "\r", "\x07")


@pytest.fixture(scope="module")
def resume(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("inject") / "eve.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def assert_inert(text: str) -> None:
    for sequence in FORBIDDEN:
        assert sequence not in text, f"{sequence!r} reached the output"


@pytest.mark.parametrize("color", ["1", ""])
def test_terminal(resume: Path, color: str) -> None:
    env = {"FORCE_COLOR": "1"} if color else {"NO_COLOR": "1"}
    code, out, err = run("analyze", str(resume), "--details", env=env)
    assert code == 0, err
    # Our own colours are the only escape sequences: SGR codes, nothing else.
    without_our_colours = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert_inert(without_our_colours)
    assert "\x1b]" not in out and "\x1b[2J" not in out
    assert "[bold red]markup[/bold red]" in without_our_colours


def test_json(resume: Path) -> None:
    code, out, _ = run("analyze", str(resume), "-f", "json")
    assert code == 0
    assert_inert(json.loads(out) and out)
    assert "\\u001b" not in out and "\\u202e" not in out


def test_markdown(resume: Path) -> None:
    code, out, _ = run("analyze", str(resume), "-f", "markdown")
    assert code == 0
    assert_inert(out)
    assert "<script>" not in out and "<img" not in out
    assert "`code`" not in out  # backticks escaped
    for line in out.splitlines():
        if line.startswith("|"):  # a table row: its cell count must be the header's
            assert len(re.findall(r"(?<!\\)\|", line)) in (4, 5, 6), line


def test_html(resume: Path) -> None:
    code, out, _ = run("analyze", str(resume), "-f", "html")
    assert code == 0
    assert_inert(out)
    assert "<script>alert" not in out and "<img src=x" not in out
    assert "&lt;script&gt;" in out


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".json", ".md"])
def test_batch_outputs(resume: Path, tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"out{suffix}"
    code, _, err = run("batch", str(resume), "--output", str(target))
    assert code == 0, err
    raw = target.read_bytes().decode("utf-8")
    assert_inert(err)
    if suffix == ".csv":
        # CSV rows end in CRLF by the standard; no cell may hold a control character
        # or start a formula.
        for row in csv.reader(io.StringIO(raw, newline="")):
            for cell in row:
                assert_inert(cell)
                assert not cell.startswith(("=", "+", "-", "@", "\t")), cell
    else:
        assert_inert(raw)
    if suffix == ".md":
        assert "<script>" not in raw

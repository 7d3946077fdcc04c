#!/usr/bin/env python3
"""Write every output skillgap makes for the examples and the shared corpus into a folder.

A change that should not change behaviour (a reorganisation, a speed-up) is checked by
running this before and after it and comparing the two folders byte for byte::

    python scripts/report_snapshot.py /tmp/before      # on the old code
    python scripts/report_snapshot.py /tmp/after       # on the new code
    diff -r /tmp/before /tmp/after && echo identical

Everything goes through the command line (``python -m skillgap``), so the snapshot does
not depend on where things live inside the package. For every profile in ``examples/``
and every resume in the corpus it records ``analyze`` as JSON, Markdown (with the plan),
HTML and terminal text, blind JSON, and JSON and Markdown placed on the bundled ladder;
then ``batch`` over the corpus in every output format, ``validate`` over the bundled
rubrics and the test fixtures in every problem format, the three JSON Schemas and a
``diff`` of two reports. Each command's stdout, stderr and exit code are kept. The date
is fixed (``--as-of``) so that the snapshot does not change with the calendar.

The corpus is real people's data: the snapshot folder must stay outside the repository.
Without the corpus only the examples are used.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-06-01"
PROFILE_SUFFIXES = (".txt", ".md", ".json", ".yaml", ".yml", ".pdf", ".docx")


def find_corpus(explicit: Path | None) -> Path | None:
    """``--corpus``, else ``../shared/corpus`` beside the repository, if it is there."""
    corpus = explicit or ROOT.parent / "shared" / "corpus"
    return corpus if (corpus / "resumes").is_dir() else None


def profiles(corpus: Path | None) -> list[Path]:
    """Every example profile and corpus resume, sorted."""
    found = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in PROFILE_SUFFIXES)
    if corpus is not None:
        for folder in (corpus / "resumes", corpus / "fresh"):
            if folder.is_dir():
                found += sorted(
                    p
                    for p in folder.rglob("*")
                    if p.is_file() and p.suffix.lower() in PROFILE_SUFFIXES
                )
    return found


def label(path: Path, corpus: Path | None) -> str:
    """A flat, unique file name for one input."""
    for base, name in ((ROOT, "repo"), (corpus, "corpus")):
        if base is not None and base in path.parents:
            return name + "__" + str(path.relative_to(base)).replace(os.sep, "__")
    return str(path).replace(os.sep, "__")


def run(args: list[str], out: Path, name: str) -> None:
    """Run ``python -m skillgap ARGS`` and keep stdout, stderr and the exit code."""
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    env.pop("GITHUB_ACTIONS", None)
    done = subprocess.run(
        [sys.executable, "-m", "skillgap", *args],
        capture_output=True,
        cwd=ROOT,
        env=env,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    (out / f"{name}.out").write_bytes(done.stdout)
    (out / f"{name}.err").write_bytes(done.stderr)
    (out / f"{name}.code").write_text(f"{done.returncode}\n")


def commands(corpus: Path | None, out: Path) -> list[tuple[list[str], str]]:
    """Every command of the snapshot, with the name its outputs are kept under."""
    jobs: list[tuple[list[str], str]] = []
    date = ["--as-of", AS_OF]
    for path in profiles(corpus):
        name = label(path, corpus)
        target = str(path.relative_to(ROOT)) if ROOT in path.parents else str(path)
        jobs += [
            (["analyze", target, "-f", "json", *date], f"analyze/{name}.json"),
            (["analyze", target, "-f", "markdown", "--plan", *date], f"analyze/{name}.md"),
            (["analyze", target, "-f", "html", *date], f"analyze/{name}.html"),
            (["analyze", target, "-f", "terminal", *date], f"analyze/{name}.term"),
            (["analyze", target, "-f", "json", "--blind", *date], f"blind/{name}.json"),
            (
                ["analyze", target, "-f", "json", "--ladder", "ml-engineer", *date],
                f"ladder/{name}.json",
            ),
            (
                ["analyze", target, "-f", "markdown", "--ladder", "ml-engineer", *date],
                f"ladder/{name}.md",
            ),
        ]
    inputs = ["examples"]
    if corpus is not None:
        inputs += [str(corpus / "resumes"), str(corpus / "fresh")]
    batch_dir = out / "batch-files"
    for suffix, extra in (
        (".csv", []),
        (".md", []),
        (".json", []),
        (".jsonl", ["--jobs", "1"]),
        (".blind.csv", ["--blind"]),
    ):
        target = batch_dir / f"batch{suffix}"
        jobs.append((["batch", *inputs, "-o", str(target), *date, *extra], f"batch/batch{suffix}"))
    rubric_paths = [str(ROOT / "src" / "skillgap" / "rubrics"), str(ROOT / "tests" / "fixtures")]
    for fmt in ("text", "json", "github"):
        jobs.append((["validate", *rubric_paths, "-f", fmt], f"validate/{fmt}"))
        jobs.append(
            (
                ["validate", *rubric_paths, "-f", fmt, "--strict", "--enable", "contained-form"],
                f"validate/{fmt}-strict",
            )
        )
    for schema in ("rubric", "profile", "report"):
        jobs.append((["schema", schema], f"schema/{schema}"))
    jobs.append((["rubrics"], "rubrics/list"))
    return jobs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "folder",
        type=Path,
        help="where to write the snapshot (outside the repository: it holds corpus text)",
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--corpus",
        type=Path,
        help="the shared corpus folder (default: ../shared/corpus beside the repository)",
    )
    args = parser.parse_args()
    out: Path = args.folder.resolve()
    if out == ROOT or ROOT in out.parents:
        parser.error("write the snapshot outside the repository (it holds corpus text)")
    corpus = find_corpus(args.corpus)
    for sub in (
        "analyze",
        "blind",
        "ladder",
        "batch",
        "batch-files",
        "validate",
        "schema",
        "rubrics",
        "diff",
    ):
        (out / sub).mkdir(parents=True, exist_ok=True)
    todo = commands(corpus, out)
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        list(pool.map(lambda job: run(job[0], out, job[1]), todo))
    # diff needs two reports written first
    reports = sorted((out / "analyze").glob("repo__examples__*.json.out"))
    if len(reports) >= 2:
        run(
            ["diff", str(reports[0]), str(reports[1]), "--force", "-f", "json"],
            out,
            "diff/examples.json",
        )
        run(
            ["diff", str(reports[0]), str(reports[1]), "--force", "-f", "markdown"],
            out,
            "diff/examples.md",
        )
    # outputs name the snapshot folder and the checkout; make them independent of both
    for path in sorted(out.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            fixed = data.replace(str(out).encode(), b"<SNAPSHOT>")
            fixed = fixed.replace(str(ROOT).encode(), b"<ROOT>")
            if corpus is not None:
                fixed = fixed.replace(str(corpus).encode(), b"<CORPUS>")
            if fixed != data:
                path.write_bytes(fixed)
    digest = hashlib.sha256()
    for path in sorted(out.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(out)).encode() + b"\0" + path.read_bytes())
    count = sum(1 for p in out.rglob("*") if p.is_file())
    print(f"{count} files in {out}; sha256 of the whole snapshot {digest.hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

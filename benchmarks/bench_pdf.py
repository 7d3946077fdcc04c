#!/usr/bin/env python3
"""Benchmark PDF resumes: pages a second with PDFium (pypdfium2) and with pypdf, for the
extraction alone and end to end (extraction, clean-up, parsing and scoring against the
bundled rubric), in one process (so per core), side by side in one run.

Two sets of PDFs:

* **generated**: seeded synthetic resumes (``benchmarks/synthetic.py``) written as
  multi-page PDFs by ``tests/helpers/pdf.py`` (no corpus data);
* **corpus**: the real PDFs of ``../shared/corpus`` when it is there (skipped when not).

It ends with issue 14's PDF target (>= 200 pages/s per core end to end) and whether it
is met, and how many corpus PDFs the two readers read to different text.

Usage::

    python benchmarks/bench_pdf.py            # 60 generated resumes, 3 pages each
    python benchmarks/bench_pdf.py --n 20
    /path/to/compiled-venv/bin/python benchmarks/bench_pdf.py --installed
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# --installed: measure the skillgap this interpreter has installed (e.g. a wheel with
# compiled modules) rather than this checkout's src/.
for entry in (str(ROOT),) if "--installed" in sys.argv else (str(ROOT), str(ROOT / "src")):
    if entry not in sys.path:
        sys.path.insert(0, entry)

from benchmarks.synthetic import rubric_vocabulary, synthetic_resume  # noqa: E402
from skillgap.analysis import PreparedRubric, analyze, analyze_numbers  # noqa: E402
from skillgap.limits import DEFAULT_LIMITS  # noqa: E402
from skillgap.profiles.extracted import document_profile, finish_extracted  # noqa: E402
from skillgap.profiles.pdf_resume import read_pdf  # noqa: E402
from skillgap.rubric import load_rubric  # noqa: E402

#: Issue 14's target: pages a second per core, end to end (extraction + scoring).
TARGET_PAGES_PER_SECOND = 200
READERS = ("pypdfium2", "pypdf")
CORPUS = ROOT.parent / "shared" / "corpus"


def generated_pdfs(count: int, seed: int = 14) -> list[bytes]:
    from tests.helpers.pdf import pdf_from_lines

    rng = random.Random(seed)
    vocabulary = rubric_vocabulary()
    pdfs = []
    for _ in range(count):
        lines = synthetic_resume(rng, vocabulary).splitlines()
        per_page = max(10, len(lines) // 3 + 1)  # about three pages each
        pdfs.append(pdf_from_lines(lines, per_page=per_page))
    return pdfs


def corpus_pdfs() -> list[bytes]:
    if not CORPUS.is_dir():
        return []
    return [p.read_bytes() for p in sorted(CORPUS.rglob("*.pdf"))]


def page_count(data: bytes) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def timed(
    pdfs: list[bytes],
    reader: str,
    prepared: PreparedRubric | None,
    rounds: int,
    *,
    lean: bool = False,
) -> float:
    """Best time of ``rounds`` over all ``pdfs``: extraction only, or end to end — to the
    full report (``skillgap analyze``) or, ``lean``, to the numbers a batch writes to CSV,
    JSONL and rankings (``analyze_numbers``, the path ``skillgap batch`` takes)."""
    as_of = dt.date(2026, 12, 1)
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for data in pdfs:
            read = read_pdf(data, display="b.pdf", limits=DEFAULT_LIMITS, readers=(reader,))
            if prepared is not None:
                text, notes = finish_extracted(read.text, DEFAULT_LIMITS)
                profile = document_profile(text, notes, display="b.pdf", fmt="pdf", data=data)
                if lean:
                    analyze_numbers(profile, prepared, as_of=as_of)
                else:
                    analyze(profile, prepared, as_of=as_of, details=False)
        best = min(best, time.perf_counter() - start)
    return best


def differing(pdfs: list[bytes]) -> int:
    """Corpus PDFs whose words the two readers read differently."""
    count = 0
    for data in pdfs:
        texts = [
            read_pdf(data, display="b.pdf", limits=DEFAULT_LIMITS, readers=(r,)).text.split()
            for r in READERS
        ]
        count += texts[0] != texts[1]
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=60, help="generated resumes (3 pages each)")
    parser.add_argument("--rounds", type=int, default=3, help="best of this many rounds")
    parser.add_argument(
        "--installed",
        action="store_true",
        help="measure the installed skillgap (e.g. compiled), not this checkout's src/",
    )
    args = parser.parse_args()
    from skillgap._build import build_description

    print(f"skillgap build: {build_description()}")
    prepared = PreparedRubric.of(load_rubric())
    sets = {"generated": generated_pdfs(args.n), "corpus": corpus_pdfs()}
    results: dict[tuple[str, str, str], float] = {}
    print("pages a second, one process; end to end: to the full report, and to a batch's")
    print("numbers (CSV, JSONL, rankings: the path `skillgap batch` takes)")
    header = f"{'extract':>8} {'to report':>10} {'to numbers':>11}"
    print(f"{'set':10} {'pages':>6}  {'reader':10} {header}")
    for name, pdfs in sets.items():
        if not pdfs:
            print(f"{name:10} (not found: {CORPUS})")
            continue
        pages = sum(page_count(d) for d in pdfs)
        for reader in READERS:
            extract = pages / timed(pdfs, reader, None, args.rounds)
            whole = pages / timed(pdfs, reader, prepared, args.rounds)
            lean = pages / timed(pdfs, reader, prepared, args.rounds, lean=True)
            results[(name, reader, "extract")] = extract
            results[(name, reader, "whole")] = whole
            results[(name, reader, "lean")] = lean
            print(
                f"{name:10} {pages:>6}  {reader:10} {extract:>8,.0f} {whole:>10,.0f} {lean:>11,.0f}"
            )
    print()
    for name in sets:
        if (name, "pypdf", "extract") in results:
            ratio = results[(name, "pypdfium2", "extract")] / results[(name, "pypdf", "extract")]
            whole = results[(name, "pypdfium2", "whole")] / results[(name, "pypdf", "whole")]
            print(
                f"{name}: PDFium reads {ratio:.1f}x the pages a second of pypdf "
                f"({whole:.1f}x end to end)"
            )
    if sets["corpus"]:
        print(
            f"corpus PDFs read to different words by the two readers: "
            f"{differing(sets['corpus'])} of {len(sets['corpus'])}"
        )
    for kind, label in (("whole", "to the full report"), ("lean", "to a batch's numbers")):
        worst = min(v for (_, r, k), v in results.items() if r == "pypdfium2" and k == kind)
        met = "met" if worst >= TARGET_PAGES_PER_SECOND else "NOT met"
        print(
            f"target: >= {TARGET_PAGES_PER_SECOND} pages/s per core end to end with PDFium, "
            f"{label} (slowest set {worst:,.0f}): {met}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

#!/usr/bin/env python3
"""Render the HTML report of an example profile and screenshot it with headless Chromium.

Used to make docs/images/report.png (referenced from docs/html-report.md):

    python scripts/render_html_screenshot.py
    python scripts/render_html_screenshot.py --profile examples/junior-ml-engineer-profile.yaml \\
        --output /tmp/junior.png --window-size 1280,2600

The report is rendered with the library (the same code as ``skillgap analyze --format
html``), written next to the PNG as ``<output>.html`` when ``--keep-html`` is given, and
loaded from a ``file://`` URL. Chromium runs with networking-related background features
off and a throwaway profile directory; the report itself loads nothing (its
Content-Security-Policy forbids it). Exit codes: 0 written; 1 Chromium missing or failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium(explicit: str | None) -> str | None:
    """The Chromium executable to use: --chromium, else the first one on PATH."""
    if explicit:
        return explicit if Path(explicit).exists() or shutil.which(explicit) else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def render_report(profile: Path, *, rubric: str | None, ladder: str | None, as_of: dt.date) -> str:
    """The HTML report for ``profile`` (with the ladder placement when asked)."""
    sys.path.insert(0, str(ROOT / "src"))
    from skillgap.analysis import analyze
    from skillgap.profiles import load_profile
    from skillgap.render import render
    from skillgap.rubric.ladder import load_ladder
    from skillgap.rubric.parse import load_rubric

    try:
        shown = str(profile.resolve().relative_to(ROOT))
    except ValueError:
        shown = str(profile)
    loaded = load_profile(profile, display=shown)
    loaded_ladder = load_ladder(ladder) if ladder else None
    chosen = load_rubric(rubric) if rubric or loaded_ladder is None else loaded_ladder.rubrics[-1]
    report = analyze(loaded, chosen, as_of=as_of, ladder=loaded_ladder)
    return render(report, "html")


def screenshot(chromium: str, html_file: Path, png: Path, window: str) -> None:
    """Run headless Chromium on ``html_file`` and write ``png``."""
    with tempfile.TemporaryDirectory(prefix="skillgap-chromium-") as profile_dir:
        command = [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-default-apps",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            f"--user-data-dir={profile_dir}",
            f"--window-size={window}",
            f"--screenshot={png}",
            html_file.resolve().as_uri(),
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    if result.returncode != 0 or not png.exists():
        raise RuntimeError(
            f"chromium exited with {result.returncode}: {result.stderr.strip()[-500:]}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--profile", type=Path, default=ROOT / "examples" / "senior-ml-engineer-profile.yaml"
    )
    parser.add_argument(
        "--rubric", default=None, help="rubric id or path (default: the ladder's top level)"
    )
    parser.add_argument("--ladder", default="ml-engineer", help="ladder id ('' for none)")
    parser.add_argument("--as-of", default="2026-01-15", help="date for 'present' jobs")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "images" / "report.png")
    parser.add_argument("--window-size", default="1280,2000")
    parser.add_argument("--chromium", default=None, help="Chromium executable")
    parser.add_argument("--keep-html", action="store_true", help="also keep <output>.html")
    args = parser.parse_args(argv)

    chromium = find_chromium(args.chromium)
    if chromium is None:
        print(
            "render_html_screenshot: no Chromium found (install it, e.g. 'apt-get install "
            "chromium', or pass --chromium PATH)",
            file=sys.stderr,
        )
        return 1
    page = render_report(
        args.profile,
        rubric=args.rubric,
        ladder=args.ladder or None,
        as_of=dt.date.fromisoformat(args.as_of),
    )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="skillgap-html-") as folder:
        html_file = Path(folder) / "report.html"
        html_file.write_text(page, encoding="utf-8")
        if args.keep_html:
            shutil.copyfile(html_file, args.output.with_suffix(".html"))
        try:
            screenshot(chromium, html_file, args.output, args.window_size)
        except (RuntimeError, subprocess.TimeoutExpired, OSError) as exc:
            print(f"render_html_screenshot: {exc}", file=sys.stderr)
            return 1
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

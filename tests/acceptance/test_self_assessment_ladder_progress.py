"""The acceptance points of issue 5 (self-assessment, ladder, progress, HTML), each run
through the command line exactly as a user would."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from skillgap.assess import questions_for
from skillgap.cli import app
from skillgap.rubric.parse import load_rubric
from tests.conftest import EXAMPLES, ROOT

AS_OF = "2026-01-15"


def invoke(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_rubrics_lists_four_ml_engineer_ladder_levels_built_with_extends() -> None:
    code, out, err = invoke("rubrics")
    assert code == 0, err
    extended = [
        line.split()[0]
        for line in out.splitlines()
        if line.endswith("(extends principal-ml-engineer)")
    ]
    assert extended == ["ml-engineer-entry", "ml-engineer-mid", "ml-engineer-senior"]
    assert re.search(
        r"^principal-ml-engineer\s+1\.0\.0\s+Principal Machine Learning Engineer$",
        out,
        flags=re.MULTILINE,
    )
    assert (
        "ml-engineer  Machine Learning Engineer: ml-engineer-entry -> ml-engineer-mid -> "
        "ml-engineer-senior -> principal-ml-engineer"
    ) in out


def test_junior_and_senior_get_different_placements_and_diff_shows_area_changes(
    tmp_path: Path,
) -> None:
    reports = {}
    for who in ("junior", "senior"):
        path = tmp_path / f"{who}.json"
        code, _, err = invoke(
            "analyze",
            str(EXAMPLES / f"{who}-ml-engineer-profile.yaml"),
            "--ladder",
            "ml-engineer",
            "--as-of",
            AS_OF,
            "--format",
            "json",
            "--output",
            str(path),
        )
        assert code == 0, err
        reports[who] = json.loads(path.read_text("utf-8"))
    assert reports["junior"]["ladder"]["placed"] == "ml-engineer-entry"
    assert reports["senior"]["ladder"]["placed"] == "ml-engineer-senior"
    code, out, err = invoke("diff", str(tmp_path / "junior.json"), str(tmp_path / "senior.json"))
    assert code == 0, err
    assert "Areas" in out
    for area in reports["senior"]["areas"]:
        assert re.search(
            rf"^{re.escape(area['name'])}\s+[\d.]+\s+[\d.]+\s+[+±-]", out, flags=re.MULTILINE
        ), area["name"]


def test_html_has_inline_svg_charts_loads_nothing_and_parses(tmp_path: Path) -> None:
    from html.parser import HTMLParser

    code, out, err = invoke(
        "analyze",
        str(EXAMPLES / "senior-ml-engineer-profile.yaml"),
        "--format",
        "html",
        "--as-of",
        AS_OF,
    )
    assert code == 0, err
    tags: list[tuple[str, dict[str, str | None]]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            tags.append((tag, dict(attrs)))

    Collect().feed(out)
    names = [t for t, _ in tags]
    assert names.count("svg") == 3 and "polygon" in names and "rect" in names
    assert not {"script", "link", "img", "iframe"} & set(names)
    assert all("src" not in attrs for _, attrs in tags)
    assert all(re.match(r"https?://", attrs["href"] or "") for t, attrs in tags if "href" in attrs)


def test_a_screenshot_of_the_html_report_is_in_the_docs() -> None:
    image = ROOT / "docs" / "images" / "report.png"
    assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "images/report.png" in (ROOT / "docs" / "html-report.md").read_text("utf-8")


def test_assess_with_scripted_input_writes_a_profile_analyze_accepts(tmp_path: Path) -> None:
    rubric = load_rubric("ml-engineer-senior")
    answers = {"level": "3", "years": "6", "degree": "3", "field": "Computer Science"}
    script = "".join(answers[q.kind] + "\n" for q in questions_for(rubric))
    saved = tmp_path / "me.yaml"
    code, _, err = invoke(
        "assess", "--rubric", "ml-engineer-senior", "--save", str(saved), stdin=script
    )
    assert code == 0, err
    code, out, err = invoke(
        "analyze",
        str(saved),
        "--rubric",
        "ml-engineer-senior",
        "--ladder",
        "ml-engineer",
        "--format",
        "json",
    )
    assert code == 0, err
    report = json.loads(out)
    assert report["overall"]["blocked"] is False
    assert report["ladder"]["placed"] == "ml-engineer-senior"

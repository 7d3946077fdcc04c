"""The HTML report (skillgap.render.html): structure (checked with an HTML parser), inline
SVG charts, nothing loaded from the network, and every piece of profile text escaped."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgap.analysis import analyze, place, with_ladder
from skillgap.profiles import load_profile
from skillgap.render import RenderOptions, render
from skillgap.report.model import GapReport
from skillgap.rubric.ladder import load_ladder
from skillgap.rubric.model import Rubric
from skillgap.rubric.parse import load_rubric
from tests.conftest import EXAMPLES
from tests.helpers.html import find, parse

AS_OF = dt.date(2026, 1, 15)
LOADING_TAGS = {
    "script",
    "link",
    "img",
    "iframe",
    "object",
    "embed",
    "audio",
    "video",
    "source",
    "base",
    "form",
    "frame",
    "frameset",
    "track",
    "picture",
    "portal",
}
LOADING_ATTRS = {
    "src",
    "srcset",
    "action",
    "formaction",
    "poster",
    "data",
    "background",
    "xlink:href",
    "ping",
    "manifest",
    "codebase",
    "archive",
    "lowsrc",
}


@pytest.fixture(scope="module")
def senior_report(rubric: Rubric) -> GapReport:
    profile = load_profile(EXAMPLES / "senior-ml-engineer-profile.yaml")
    report = analyze(profile, rubric, as_of=AS_OF)
    return with_ladder(report, place(profile, load_ladder("ml-engineer"), as_of=AS_OF))


@pytest.fixture(scope="module")
def page(senior_report: GapReport) -> str:
    return render(senior_report, "html")


# --------------------------------------------------------------------------- structure


def test_page_is_a_complete_well_nested_document(page: str) -> None:
    parser = parse(page)
    assert parser.doctype.lower() == "doctype html"
    html_tag = find(parser, "html")[0]
    assert html_tag.attrs["lang"] == "en" and html_tag.parents == ()
    assert find(parser, "meta", charset="utf-8")
    title = find(parser, "title")[0]
    assert "".join(title.text) == (
        "Principal Machine Learning Engineer — gap report — Marcus Adeyemi"
    )


def test_page_has_every_section(page: str) -> None:
    parser = parse(page)
    assert find(parser, "header", class_="report")
    assert find(parser, "section", class_="summary")
    assert find(parser, "section", class_="charts")
    for section_id in ("ladder", "blocking", "plan", "areas"):
        assert find(parser, "section", id=section_id), section_id
    assert find(parser, "footer")
    headings = ["".join(e.text) for e in find(parser, "h2")]
    assert headings[:3] == [
        "Score per area",
        "Area profile",
        "Career ladder: Machine Learning Engineer",
    ]
    assert {"Blocking gaps", "Learning plan", "Evidence by area"} <= set(headings)


def test_evidence_tables_have_a_row_per_requirement(page: str, senior_report: GapReport) -> None:
    parser = parse(page)
    rows = [e for e in find(parser, "tr") if "tbody" in e.parents]
    assert len(rows) == sum(len(a.requirements) for a in senior_report.areas)
    assert len(find(parser, "table")) == len(senior_report.areas)


def test_learning_plan_lists_the_top_gaps_in_gain_order(
    page: str, senior_report: GapReport
) -> None:
    parser = parse(page)
    plan_items = [e for e in find(parser, "li") if "ol" in e.parents and e.parents[-1] == "ol"]
    expected = [g for g in senior_report.gaps if g.gain > 0][: RenderOptions().plan_size]
    assert len(plan_items) == len(expected)
    names = [e for e in find(parser, "span", class_="req-name") if "ol" in e.parents]
    assert ["".join(e.text) for e in names] == [g.name for g in expected]


def test_ladder_marks_where_the_candidate_is(page: str) -> None:
    parser = parse(page)
    here = find(parser, "div", class_="here")
    assert len(here) == 1
    assert "".join(find(parser, "span", class_="you")[0].text) == "you are here"


# --------------------------------------------------------------------------- charts


def svgs(page: str) -> list[ET.Element]:
    """Every inline SVG, parsed as XML (so each is well-formed on its own)."""
    blocks = re.findall(r"<svg\b.*?</svg>", page, flags=re.DOTALL)
    return [ET.fromstring(block) for block in blocks]


def test_charts_are_inline_svg(page: str, senior_report: GapReport) -> None:
    ring, bars, radar = svgs(page)
    area_count = len(senior_report.areas)
    title = ring.find("title")
    assert title is not None and f"{senior_report.overall.score:.1f}" in (title.text or "")
    bar_rects = [r for r in bars.iter("rect") if r.get("fill") not in ("#f0f3f7",)]
    tracks = [r for r in bars.iter("rect") if r.get("fill") == "#f0f3f7"]
    assert len(tracks) == area_count
    assert len(bar_rects) == sum(1 for a in senior_report.areas if a.score > 0)
    polygons = list(radar.iter("polygon"))
    assert len(polygons) == 5  # four rings and the candidate's shape
    assert all(len(p.get("points", "").split()) == area_count for p in polygons)


# --------------------------------------------------------------------------- nothing loads


def test_nothing_is_loaded_from_anywhere(page: str) -> None:
    parser = parse(page)
    assert not [e.tag for e in parser.elements if e.tag in LOADING_TAGS]
    for element in parser.elements:
        assert not LOADING_ATTRS & set(element.attrs), (element.tag, element.attrs)
        if "href" in element.attrs:
            assert element.tag == "a" and element.attrs.get("class") == "resource"
            assert re.match(r"^https?://[^\s\"'<>]+$", element.attrs["href"] or "")
            assert "noopener" in (element.attrs.get("rel") or "")
        for name, value in element.attrs.items():
            assert not name.startswith("on"), name
            assert "url(" not in (value or "") and "javascript:" not in (value or "")
    style = "".join("".join(e.text) for e in find(parser, "style"))
    assert "url(" not in style and "@import" not in style and "@font-face" not in style
    csp = [
        e.attrs["content"]
        for e in find(parser, "meta")
        if e.attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    assert csp and "default-src 'none'" in (csp[0] or "")


def test_resource_links_are_the_rubrics_learning_resources(
    page: str, senior_report: GapReport
) -> None:
    parser = parse(page)
    links = {e.attrs["href"] for e in find(parser, "a", class_="resource")}
    planned = [g for g in senior_report.gaps if g.gain > 0][: RenderOptions().plan_size]
    assert links == {r.url for g in planned for r in g.resources if r.url}


def test_a_non_http_resource_url_is_shown_as_text_not_linked(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(
        'id: r\ntitle: R\nversion: "1"\nareas:\n  - id: a\n    name: A\n    weight: 1\n'
        "    requirements:\n      - id: x\n        name: X\n        skills: [{name: Rust}]\n"
        "        resources:\n          - title: Click me\n            url: 'javascript:alert(1)'\n"
        "          - title: Sneaky\n            url: 'https://e.org/\" onmouseover=\"x'\n",
        "utf-8",
    )
    profile = tmp_path / "p.yaml"
    profile.write_text("headline: Python developer\n", "utf-8")
    page = render(analyze(load_profile(profile), load_rubric(path), as_of=AS_OF), "html")
    parser = parse(page)
    assert not find(parser, "a")
    assert "Click me" in "".join(parser.text) and "Sneaky" in "".join(parser.text)


# --------------------------------------------------------------------------- escaping

HOSTILE_RESUME = """\
Eve <script>alert('name')</script> Mallory
Senior ML engineer

Summary
Built models in Python and PyTorch <img src=x onerror=alert(1)> for fraud detection.
Led a team of 5 engineers. <a href="http://evil.example/">click</a> \x1b[31mred\x1b[0m

Skills
Python, PyTorch, <svg onload=alert(2)>, Spark
"""


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory: pytest.TempPathFactory, rubric: Rubric) -> str:
    path = tmp_path_factory.mktemp("hostile") / "resume.txt"
    path.write_text(HOSTILE_RESUME, "utf-8")
    return render(analyze(load_profile(path), rubric, as_of=AS_OF), "html")


def test_markup_in_a_resume_is_escaped_text(hostile_page: str) -> None:
    parser = parse(hostile_page)
    assert not find(parser, "script") and not find(parser, "img")
    assert not [e for e in find(parser, "a") if "evil" in (e.attrs.get("href") or "")]
    assert all(not name.startswith("on") for e in parser.elements for name in e.attrs)
    text = "".join(parser.text)
    assert "<img src=x onerror=alert(1)>" in text  # shown, as text
    assert "&lt;img src=x onerror=alert(1)&gt;" in hostile_page


def test_control_characters_never_reach_the_page(hostile_page: str) -> None:
    assert "\x1b" not in hostile_page
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", hostile_page)


def test_the_candidates_name_with_markup_is_escaped_in_the_title(
    rubric: Rubric, tmp_path: Path
) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("name: '</title><script>alert(1)</script>'\nheadline: ML engineer\n", "utf-8")
    page = render(analyze(load_profile(path), rubric, as_of=AS_OF), "html")
    parser = parse(page)
    assert not find(parser, "script")
    assert "".join(find(parser, "title")[0].text).endswith("</title><script>alert(1)</script>")


# --------------------------------------------------------------------------- other


def test_html_is_deterministic(senior_report: GapReport) -> None:
    assert render(senior_report, "html") == render(senior_report, "html")


def test_blind_report_leaves_the_name_out(rubric: Rubric) -> None:
    profile = load_profile(EXAMPLES / "senior-ml-engineer-profile.yaml")
    page = render(analyze(profile, rubric, blind=True, as_of=AS_OF), "html")
    assert "Marcus" not in page and "(blind)" in page


def test_page_fits_a_phone_width(page: str) -> None:
    """At 390 px the ladder's cards stack instead of overflowing sideways: no inline grid
    (it would beat the media queries), columns that may shrink below their content, and
    one column under 480 px; long evidence breaks instead of widening a table."""
    body = page[page.index("<body>") :]
    assert "grid-template-columns" not in body
    assert re.search(r'<div class="ladder" style="--levels:\d+">', page)
    css = page[page.index("<style>") : page.index("</style>")]
    assert "repeat(var(--levels, 4), minmax(0, 1fr))" in css
    phone = css[css.index("@media (max-width: 480px)") :]
    phone = phone[: phone.index("\n}\n")]
    assert ".ladder { grid-template-columns: minmax(0, 1fr); }" in phone
    assert ".card.areas { overflow-x: auto; }" in phone
    assert "overflow-wrap: anywhere" in css[css.index("\ntd {") :]


def test_page_prints_cleanly(page: str) -> None:
    print_css = page[page.index("@media print") :]
    assert "break-inside: avoid" in print_css and "box-shadow: none" in print_css
    assert 'a[href]::after { content: " (" attr(href) ")"' in print_css


# --------------------------------------------------------------------------- properties


@settings(max_examples=40, deadline=None)
@given(name=st.text(max_size=60), warning=st.text(max_size=60))
def test_any_profile_text_leaves_the_page_structure_alone(
    senior_report: GapReport, name: str, warning: str
) -> None:
    report = senior_report.model_copy(
        update={
            "candidate": senior_report.candidate.model_copy(update={"name": name or None}),
            "warnings": (warning,),
        }
    )
    parser = parse(render(report, "html"))
    baseline = parse(render(senior_report.model_copy(update={"warnings": ("w",)}), "html"))
    assert [e.tag for e in parser.elements] == [e.tag for e in baseline.elements]

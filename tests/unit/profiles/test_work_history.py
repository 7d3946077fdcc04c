"""Work history and stated totals (skillgap.profiles.work_history): which dated lines are
jobs, in every layout and format, and every way a total is stated."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from skillgap.profiles import load_profile
from skillgap.profiles.work_history import find_jobs, stated_total
from tests.helpers.docx_files import docx_bytes
from tests.helpers.files import write
from tests.helpers.pdf import pdf_from_lines


@pytest.mark.parametrize(
    ("line", "next_line", "years"),
    [
        ("13 years of industry experience", "", 13.0),
        ("Engineer with 13 years of industry", "experience in payments.", 13.0),
        ("over ten years of experience", "", 10.0),
        ("More than twelve years' experience in analytics", "", 12.0),
        ("twenty-one years of professional experience", "", 21.0),
        ("10+ years of experience", "", 10.0),
        ("10 + years experience", "", 10.0),
        ("eleven years in industry", "", 11.0),
        ("11 years of industry work on search", "", 11.0),
        ("0.7years of experience in ML", "", 0.7),
        ("Total Experience: 3 Year(s) 6 Month(s)", "", 3.5),
        ("Used Python for 2 years", "", None),
        ("Often ten engineers; years later, no experience", "", None),
        ("In 2015 years of experience were", "", None),
        ("Engineer with 13 years of", "", None),
        ("Engineer with 13 years of", "mentoring juniors.", None),
    ],
)
def test_stated_totals(line: str, next_line: str, years: float | None) -> None:
    found = stated_total(line, next_line, source="summary", number=1)
    assert (found.years if found else None) == years


def test_a_total_on_the_next_line_is_that_lines_own() -> None:
    assert (
        stated_total("Data engineer.", "8 years of experience", source="summary", number=1) is None
    )


def _jobs(lines: list[str], section: str = "summary", *, lenient: bool = False) -> list[str]:
    numbered = list(enumerate(lines, start=1))
    jobs = find_jobs(numbered, section=section, contexts=[section] * len(lines), lenient=lenient)
    return [f"{j.start:%Y-%m}..{j.end:%Y-%m}" if j.end else f"{j.start:%Y-%m}.." for j in jobs]


def test_outside_experience_a_dated_line_needs_a_title_or_employer_nearby() -> None:
    assert _jobs(["Senior Analyst", "Jan 2019 – Mar 2020"]) == ["2019-01..2020-04"]
    assert _jobs(["Jan 2019 – Mar 2020", "Example Labs"]) == ["2019-01..2020-04"]
    assert _jobs(["Jan 2019 – Mar 2020", "Kaggle bronze medal"]) == []
    assert _jobs(["Hackathon 2019 – 2020, second place"]) == []
    # ... and no degree, school, studies or certificate.
    assert _jobs(["Jan 2019 – Mar 2020", "MSc Statistics, Example University"]) == []
    assert _jobs(["Example University -- TA, Statistics (part-time) 2019 - 2020"]) == []
    assert _jobs(["Research Assistant, Example University, 2019 - 2020"]) == ["2019-01..2020-01"]
    assert _jobs(["Certified Data Engineer, 2021 – 2024"]) == []
    assert _jobs(["Studied while working as an engineer, 2010 – 2014"]) == []


def test_in_an_experience_section_every_range_counts_but_a_degrees() -> None:
    assert _jobs(["Example Co", "2019 - 2021"], "experience") == ["2019-01..2021-01"]
    assert _jobs(["MSc Applied Mathematics, 2005-2006"], "experience") == []


def test_sections_that_hold_other_dates_hold_no_jobs() -> None:
    for section in ("education", "publications", "certifications", "projects", "awards"):
        assert _jobs(["Data Engineer, Example Co, 2019 - 2021"], section) == []


def test_without_headings_any_dated_line_but_schooling_is_a_job() -> None:
    lines = ["Example Co   2019 - 2021", "BSc Physics, 2014 - 2018", "Certificate, 2020 - 2022"]
    assert _jobs(lines, "header", lenient=True) == ["2019-01..2021-01"]


def test_two_stacked_years_are_not_a_range_but_stacked_months_are() -> None:
    assert _jobs(["2015", "2017", "Data Scientist, Example Co"], "experience") == []
    assert _jobs(["May 2017", "May 2018", "Data Scientist, Example Co"], "experience") == [
        "2017-05..2018-06"
    ]


def test_a_pdf_with_wrapped_ranges_and_no_experience_heading(tmp_path: Path) -> None:
    lines = [
        "Sam Example",
        "Data scientist in Example City.",
        "June 2020 –",
        "Present",
        "Machine Learning Engineer, Example Labs",
        "Built ranking models.",
        "July 2015 –",
        "May 2020",
        "Data Analyst, Sample Insurance",
        "Education",
        "2011 – 2015 BSc Mathematics, Example University",
    ]
    profile = load_profile(write(tmp_path, "sam.pdf", pdf_from_lines(lines)))
    assert [(j.start, j.end) for j in profile.jobs] == [
        (dt.date(2020, 6, 1), None),
        (dt.date(2015, 7, 1), dt.date(2020, 6, 1)),
    ]
    assert [e.degree_level for e in profile.education] == ["bachelor"]


def test_a_docx_in_prose(tmp_path: Path) -> None:
    paragraphs = [
        "Sam Example",
        "About me",
        "I hold an MSc in machine learning and have supervised two MSc theses.",
        (
            "Since Feb. 2017 I have been a senior engineer at Example Freight; before that I "
            "worked as an analyst at Sample Bank from Sept 2014 to January 2017."
        ),
    ]
    profile = load_profile(write(tmp_path, "sam.docx", docx_bytes(paragraphs)))
    assert [(j.start, j.end) for j in profile.jobs] == [
        (dt.date(2017, 2, 1), None),
        (dt.date(2014, 9, 1), dt.date(2017, 2, 1)),
    ]
    assert [e.degree_level for e in profile.education] == ["master"]


def test_a_range_opened_in_words_needs_a_job_on_its_line() -> None:
    lines = ["Data Engineer, Example Co, 2016 - 2020", "- Owned the billing pipeline since 2017."]
    assert _jobs(lines, "experience") == ["2016-01..2020-01"]
    assert _jobs(["Example Co, data engineer, since 2017."], "experience") == ["2017-01.."]


@pytest.mark.parametrize(
    "lines",
    [
        ["Parental leave, 2019 - 2020"],
        ["Maternity Leave | Mar 2021 – Dec 2021"],
        ["Career break (caring for a parent)", "2016 - 2017"],
        ["Sabbatical, 2018 - 2019"],
    ],
)
def test_time_away_from_work_is_no_job(lines: list[str]) -> None:
    # Leave is not experience: counting it would add years that were not worked (and a
    # counterfactual test of a rubric shows such a gap moving the years found).
    assert _jobs(lines, "experience") == []


def test_a_leave_that_names_a_job_is_one() -> None:
    assert _jobs(["Sabbatical: visiting researcher, Example Labs, 2018 - 2019"], "experience")

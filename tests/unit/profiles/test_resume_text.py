"""Resumes as text and Markdown (skillgap.profiles.resume_text): sections, declared
skills, jobs, education and stated years read from the text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from skillgap.profiles import load_profile
from tests.helpers.bundled import INDEX
from tests.helpers.files import write


def test_text_resume_sections_skills_jobs_education_and_years(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "r.txt",
        """Jordan Rivera
jordan@example.com | +1 (555) 010-2233 | github.com/jrivera

SUMMARY
ML engineer with 8+ years of experience.

EXPERIENCE
Senior ML Engineer, Acme          Jan 2020 – Present
- Led a team of 5.
ML Engineer, Widget Co            Mar 2016 - Dec 2019

EDUCATION
M.S. in Computer Science, State University, 2016

SKILLS
Languages: Python (expert), R, SQL

INTERESTS
Go (the board game)
""",
    )
    profile = load_profile(path)
    assert profile.format == "text"
    assert profile.identity.name == "Jordan Rivera"
    assert profile.identity.email == "jordan@example.com"
    assert [s.source for s in profile.segments] == ["header", "summary", "experience", "education"]
    assert [(d.name, d.level, d.line) for d in profile.declared_skills] == [
        ("Python", "expert", 16),
        ("R", None, 16),
        ("SQL", None, 16),
    ]
    assert [(j.start, j.end) for j in profile.jobs] == [
        (dt.date(2020, 1, 1), None),
        (dt.date(2016, 3, 1), dt.date(2020, 1, 1)),
    ]
    assert [(e.degree_level, e.line) for e in profile.education] == [("master", 13)]
    assert [(s.years, s.line) for s in profile.stated_years] == [(8.0, 5)]
    assert all("board game" not in s.text for s in profile.segments)


def test_markdown_job_title_comes_from_the_heading_above_a_dates_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "r.md",
        "# Ann Example\n\n## Experience\n\n### Senior ML Engineer — Acme\n*Mar 2022 – Present*\n",
    )
    profile = load_profile(path)
    assert [(j.title, j.start) for j in profile.jobs] == [
        ("Senior ML Engineer — Acme", dt.date(2022, 3, 1))
    ]
    assert all("#" not in s.text and "*" not in s.text for s in profile.segments)


def test_a_skills_section_and_a_skills_line_are_each_one_list(tmp_path: Path) -> None:
    """Each list is what its ambiguous entries are judged by: the design-tools line makes
    "Spark" Spark AR; the data section vouches for its own "Spark"."""
    path = write(
        tmp_path,
        "r.md",
        """# Sam Lee

## Projects
Tools: Photoshop, Spark, Figma

## Skills
- Kafka
- Spark
""",
    )
    profile = load_profile(path)
    sparks = [d for d in profile.declared_skills if d.name == "Spark"]
    assert [(d.neighbours, d.line) for d in sparks] == [
        ("Photoshop, Spark, Figma", 4),
        ("Kafka, Spark", 8),
    ]
    assert [e.line for e in INDEX.match_profile(profile).evidence["Spark"]] == [8]


def _years(profile: object) -> float | None:
    from skillgap.profiles.model import Profile
    from skillgap.scoring.history import experience_years

    assert isinstance(profile, Profile)
    return experience_years(profile, as_of=dt.date(2026, 6, 1)).years


def test_dated_job_lines_count_without_an_experience_heading(tmp_path: Path) -> None:
    """Jobs are dated lines that look like jobs; degrees, certificates, papers and
    projects keep their dates to themselves."""
    path = write(
        tmp_path,
        "r.txt",
        """Robin Example

ABOUT
Data engineer who studied at Example State University (2009 – 2013).
Example Analytics Ltd -- Senior Data Engineer -- 2019-03 to present
Sample Bank, Data Analyst, Jan 2015 – Dec 2018

EDUCATION
MSc Statistics, Example State University, 2013 – 2014

CERTIFICATIONS
Certified Cloud Architect, 2020 – 2023

PUBLICATIONS
A paper on examples, Journal of Examples, 2016

PROJECTS
Open-source scheduler, 2017 – 2018
""",
    )
    profile = load_profile(path)
    assert [(j.start, j.end) for j in profile.jobs] == [
        (dt.date(2019, 3, 1), None),
        (dt.date(2015, 1, 1), dt.date(2019, 1, 1)),
    ]
    assert [e.degree_level for e in profile.education] == ["master"]


def test_unlisted_heading_in_capitals_ends_an_education_section(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "r.txt",
        """Robin Example

EDUCATION
Example College, BSc Information Systems, 2014 to 2018.

WHERE I'VE BEEN
Example Travel, Senior Data Engineer, 2023-03 -> today
Example Media, Junior Data Engineer, 2018-06 -> 2020-07
""",
    )
    profile = load_profile(path)
    assert [j.start for j in profile.jobs] == [dt.date(2023, 3, 1), dt.date(2018, 6, 1)]
    assert [e.degree_level for e in profile.education] == ["bachelor"]


def test_prose_history_and_degrees(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "r.txt",
        """Robin Example

PROFILE
I hold a PhD in Statistics from Example University, and the PhD students I mentored
went on to industry. I also built our master data management.

CAREER SO FAR
Since March 2021 I have been a lead data scientist at Example Retail.
From June 2016 until February 2021 I was an analyst at Sample Bank. I have not
written production code since 2020.
""",
    )
    profile = load_profile(path)
    assert [(j.start, j.end) for j in profile.jobs] == [
        (dt.date(2021, 3, 1), None),
        (dt.date(2016, 6, 1), dt.date(2021, 3, 1)),
    ]
    assert [(e.degree_level, e.source, e.line) for e in profile.education] == [
        ("phd", "summary", 4)
    ]
    assert profile.education[0].text.startswith("I hold a PhD in Statistics")


def test_a_range_wrapped_over_lines_is_one_job(tmp_path: Path) -> None:
    """As PDF extraction leaves them: the end of a range on the next line (or two)."""
    path = write(
        tmp_path,
        "r.txt",
        """Robin Example

EXPERIENCE
Jan 2018 –
Mar 2021
Data Scientist, Example Co
Apr 2021
– Present
Lead Data Scientist, Sample Inc
2015-06
-
2017-12
Analyst, Example Bank
""",
    )
    profile = load_profile(path)
    assert [(j.title, j.start, j.end) for j in profile.jobs] == [
        ("Data Scientist, Example Co", dt.date(2018, 1, 1), dt.date(2021, 4, 1)),
        ("Lead Data Scientist, Sample Inc", dt.date(2021, 4, 1), None),
        ("Analyst, Example Bank", dt.date(2015, 6, 1), dt.date(2018, 1, 1)),
    ]


def test_stated_totals_in_words_over_two_lines_and_with_a_plus(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "r.txt",
        """Robin Example

SUMMARY
Engineer with 13 years of industry
experience.
Over ten years of experience in data; 10+ years in analytics.
Eleven years in industry.
""",
    )
    profile = load_profile(path)
    assert [(s.years, s.line) for s in profile.stated_years] == [(13.0, 4), (10.0, 6), (11.0, 7)]


def test_three_wordings_of_one_history_give_the_same_years(tmp_path: Path) -> None:
    """The same invented person three ways: Markdown with headings, prose, terse."""
    markdown = """# Kai Example

## Experience

### Lead ML Engineer — Example Freight
`Mar 2023 – Present`

### ML Engineer — Sample Labs
(Apr 2020 – Feb 2023)

### Software Engineer — Example Payments
Jul. 2017 – Mar. 2020

## Education
MSc Computer Science, Example University, 2015 – 2017
"""
    prose = """KAI EXAMPLE

WHO I AM
I have been building software for years and I hold a Master of Science in Computer
Science from Example University, which I studied for from 2015 to 2017.

EMPLOYMENT HISTORY
Since March 2023 I have been the lead machine learning engineer at Example Freight.
From April 2020 until February 2023 I worked as a machine learning engineer at Sample
Labs. Between July 2017 and March 2020 I was a software engineer at Example Payments.
"""
    terse = """KAI EXAMPLE

STUDIES
Example University -- MSc Computer Science -- 2015 - 2017

ROLES HELD
Example Freight -- Lead ML Engineer -- 03/23 to date
Sample Labs -- ML Engineer -- 2020.04 -> 2023.02
Example Payments -- Software Engineer -- 07/17 to 03/20
"""
    found = []
    for name, text in (("a.md", markdown), ("b.txt", prose), ("c.txt", terse)):
        profile = load_profile(write(tmp_path, name, text))
        found.append((_years(profile), [e.degree_level for e in profile.education]))
    # Jul 2017 to the end of May 2026, overlaps merged.
    assert found == [(8.9, ["master"])] * 3


def test_overlapping_jobs_found_in_text_are_counted_once(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "r.txt",
        """Robin Example

EXPERIENCE
Consultant, Example Co      since 2019
Lecturer, Example College   2018 – 2021
""",
    )
    # Jan 2018 to the end of May 2026, not 7.4 + 3 years.
    assert _years(load_profile(path)) == 8.4


def test_page_furniture_beside_the_name_is_not_part_of_it(tmp_path: Path) -> None:
    for first, name in (
        ("Jane Doe Featured Resume", "Jane Doe"),
        ("JANE DOE | Premium CV", "JANE DOE"),
        ("Resume of Ravi Kumar", "Ravi Kumar"),
    ):
        path = tmp_path / "r.txt"
        path.write_text(f"{first}\n\nSummary\nML engineer using PyTorch.\n", "utf-8")
        assert load_profile(path).identity.name == name


def test_markdown_reads_what_the_rendered_page_shows(tmp_path: Path) -> None:
    """Front matter, HTML comments, template tags, HTML tags and setext underlines are not
    text a reader sees; line numbers still point at the file as written."""
    text = (
        "---\nlayout: archive\ntitle: CV\n---\n"  # 1-4
        "{% include base_path %}\n"  # 5
        "Skills\n======\n"  # 6-7
        "* Languages: **Python**, Java\n"  # 8
        "Experience\n----------\n"  # 9-10
        "* 2016-2019: Data Scientist at <b>Acme</b>\n"  # 11
        "  * Built a churn model in Kubernetes\n"  # 12
        "<!-- Talks\n======\n* Gave a talk on Kubeflow\n-->\n"  # 13-16
        "{% for post in site.talks %}{{ post.title }}{% endfor %}\n"  # 17
    )
    path = tmp_path / "cv.md"
    path.write_text(text, "utf-8")
    profile = load_profile(path)
    assert [s.name for s in profile.declared_skills] == ["Python", "Java"]
    body = "\n".join(s.text for s in profile.segments)
    for hidden in ("layout", "include", "=====", "-----", "Kubeflow", "<b>", "post.title"):
        assert hidden not in body
    assert "Data Scientist at Acme" in body
    assert [(j.title, j.line) for j in profile.jobs] == [("Data Scientist at Acme", 11)]


def test_page_furniture_glued_to_the_name_is_not_part_of_it(tmp_path: Path) -> None:
    """Resume sites print "Premium CV" or "Featured Resume" beside the name; a layout that
    drops the space glues it on ("SinghPremium CV", "Nandagopal HFeatured Resume")."""
    for first_line, name in [
        ("Amarpreet SinghPremium CV Featured Resume", "Amarpreet Singh"),
        ("Nandagopal HFeatured Resume", "Nandagopal H"),
        ("John Sample", "John Sample"),
    ]:
        path = write(tmp_path, "cv.txt", f"{first_line}\n\nSKILLS\nPython\n")
        assert load_profile(path).identity.name == name

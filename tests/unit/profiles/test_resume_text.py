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

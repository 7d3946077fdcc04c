"""Loading rubrics and profiles: every format, and every way an input can be wrong.

Each bad input must give one readable line naming the file (and line:column where there
is one) and the fix — never a traceback, never a candidate silently scored zero.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from skillgap.errors import InputError, RubricError, UnknownRubricError
from skillgap.profiles import load_profile
from skillgap.rubric.parse import load_rubric

from .conftest import DATA

GOOD_RUBRIC = (DATA / "mini-rubric.yaml").read_text("utf-8")


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- rubrics


def rubric_error(path: Path) -> str:
    with pytest.raises(RubricError) as caught:
        load_rubric(path)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_rubric_yaml_syntax_error_points_at_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", "id: x\ntitle: [unclosed\nversion: '1'\n")
    assert rubric_error(path).startswith(
        f"{path}:3:8: YAML syntax error: did not find expected ',' or ']'"
    )


def test_unknown_rubric_key_gets_did_you_mean(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", GOOD_RUBRIC.replace("    weight: 3\n", "    wieght: 3\n"))
    message = rubric_error(path)
    assert message.startswith(f"{path}:9:5: unknown key 'wieght' in areas[0]")
    assert "did you mean 'weight'?" in message


def test_duplicate_rubric_key_names_both_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "r.yaml",
        GOOD_RUBRIC.replace("title: Mini Rubric\n", "title: Mini Rubric\ntitle: Again\n"),
    )
    message = rubric_error(path)
    assert message.startswith(f"{path}:4:1: duplicate key 'title' (first defined at line 3")


def test_wrong_type_in_rubric_says_what_was_expected(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", GOOD_RUBRIC.replace("    weight: 3\n", "    weight: high\n"))
    message = rubric_error(path)
    assert message.startswith(f"{path}:9:13: 'areas[0].weight' must be a number, got 'high'")


def test_unquoted_version_number_says_to_quote_it(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", GOOD_RUBRIC.replace('version: "1.0"', "version: 1.0"))
    assert "quote it" in rubric_error(path)


def test_missing_key_and_more_problems_are_counted(tmp_path: Path) -> None:
    text = GOOD_RUBRIC.replace("title: Mini Rubric\n", "").replace(
        "    weight: 3\n", "    weight: -1\n"
    )
    message = rubric_error(write(tmp_path, "r.yaml", text))
    assert "missing required key 'title'" in message
    assert "(and 1 more problem; run 'skillgap validate' to see all)" in message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "file is empty"),
        (b"# only a comment\n", "no YAML content"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"- a\n- b\n", "must be a mapping"),
    ],
)
def test_unusable_rubric_files(tmp_path: Path, content: bytes, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        load_rubric(write(tmp_path, "r.yaml", content))
    assert expected in str(caught.value)


def test_rubric_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        lines.append(f"{chr(ord('a') + i)}: &{chr(ord('a') + i)} [{', '.join(['*' + prev] * 10)}]")
    message = rubric_error(write(tmp_path, "bomb.yaml", "\n".join(lines) + "\n"))
    assert "alias bomb" in message


def test_unknown_rubric_id_lists_the_bundled_ones() -> None:
    with pytest.raises(UnknownRubricError) as caught:
        load_rubric("principal-ml-enginer")
    assert "principal-ml-engineer" in str(caught.value)


def test_bundled_rubric_loads_by_id_with_its_sha256() -> None:
    rubric = load_rubric()
    assert rubric.id == "principal-ml-engineer"
    assert rubric.origin is not None and len(rubric.origin.sha256) == 64


# --------------------------------------------------------------------------- profiles


def profile_error(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        load_profile(path)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(str(path))
    return message


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.txt", b"", "file is empty"),
        ("blank.md", b"  \n\n\t\n", "file is empty"),
        ("binary.txt", bytes(range(256)) * 4, "binary file"),
        ("truncated.json", b'{"basics": {"name": "A", "summary": "Python', "ends early"),
        ("comments.json", b'{"basics": {"name": "A"} // note\n}', "does not allow comments"),
        ("trailing.json", b'{"basics": {"name": "A",}}', "trailing comma"),
        ("list.json", b"[1, 2, 3]", "is a list, not a profile"),
        (
            "schema.json",
            json.dumps(
                {"$schema": "http://json-schema.org/draft-07/schema#", "properties": {"basics": {}}}
            ).encode(),
            "is a JSON Schema",
        ),
    ],
)
def test_unusable_profiles(tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    assert expected in profile_error(write(tmp_path, name, content))


def test_truncated_json_error_has_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "t.json", '{\n  "basics": {\n    "name": "A"\n')
    assert profile_error(path).startswith(f"{path}:4:1: invalid JSON")


def test_profile_unknown_key_gets_position_and_did_you_mean(tmp_path: Path) -> None:
    path = write(tmp_path, "me.yaml", "name: A\nexperience:\n  - titel: Engineer\n")
    message = profile_error(path)
    assert message.startswith(f"{path}:3:5: unknown key 'titel' in experience[0]")
    assert "did you mean 'title'?" in message


def test_profile_wrong_type_names_the_field(tmp_path: Path) -> None:
    path = write(tmp_path, "me.yaml", "name: A\nyears_experience: lots\nskills: [Python]\n")
    assert "'years_experience' must be a number" in profile_error(path)


def test_json_resume_wrong_type_names_the_path(tmp_path: Path) -> None:
    data = {"basics": {"name": "A"}, "work": [{"position": "Dev", "highlights": "Python"}]}
    path = write(tmp_path, "r.json", json.dumps(data, indent=2))
    assert "'work[0].highlights' must be a list" in profile_error(path)


def test_rubric_given_as_profile_says_so(tmp_path: Path) -> None:
    assert "is a rubric, not a profile" in profile_error(write(tmp_path, "r.yaml", GOOD_RUBRIC))


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert "no such file" in profile_error(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        load_profile(tmp_path)


def test_text_in_legacy_encodings_is_decoded(tmp_path: Path) -> None:
    text = "Zoë Müller\n\nSUMMARY\nDéveloppeuse Python, café-driven.\n"
    for encoding in ("cp1252", "utf-16", "utf-8-sig"):
        profile = load_profile(write(tmp_path, f"r-{encoding}.txt", text.encode(encoding)))
        assert profile.identity.name == "Zoë Müller"
        assert "Développeuse" in profile.segments[-1].text


def test_forced_format_overrides_detection(tmp_path: Path) -> None:
    path = write(tmp_path, "resume.data", "# Sam\n\n## Skills\n- Python\n")
    assert load_profile(path, format="markdown").format == "markdown"
    with pytest.raises(Exception, match="unknown profile format 'pdf2'"):
        load_profile(path, format="pdf2")


# --------------------------------------------------------------------------- what is read


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


def test_json_resume_both_location_forms_and_missing_sections(tmp_path: Path) -> None:
    new = {
        "basics": {"name": "A", "location": {"city": "Oslo", "countryCode": "NO"}},
        "skills": [{"name": "ML", "level": "Advanced", "keywords": ["PyTorch"]}],
    }
    old = {"basics": {"name": "B", "location": "Oslo, Norway", "summary": "Python dev"}}
    first = load_profile(write(tmp_path, "new.json", json.dumps(new)))
    second = load_profile(write(tmp_path, "old.json", json.dumps(old)))
    assert first.identity.location == "Oslo, NO"
    assert [(d.name, d.level) for d in first.declared_skills] == [
        ("ML", "Advanced"),
        ("PyTorch", "Advanced"),
    ]
    assert second.identity.location == "Oslo, Norway"
    assert second.format == "json-resume"


def test_json_resume_keeps_line_numbers_of_fields(tmp_path: Path) -> None:
    data = {
        "basics": {"name": "A"},
        "work": [
            {"position": "Dev", "startDate": "2019-01", "highlights": ["Shipped PyTorch models"]}
        ],
    }
    profile = load_profile(write(tmp_path, "r.json", json.dumps(data, indent=2)))
    segment = next(s for s in profile.segments if s.source == "work[0].highlights[0]")
    assert segment.line == 10
    assert profile.jobs[0].start == dt.date(2019, 1, 1)


# --------------------------------------------------------------------------- resume text details


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("M.A. in Applied Economics, University of Colorado, 2018", "master"),
        ("B.A. in Economics", "bachelor"),
        ("B.E. in Computer Science", "bachelor"),
        ("BS Computer Science, 2012", "bachelor"),
        ("MS in Statistics", "master"),
        ("Ph.D., Computer Science", "phd"),
        ("Dipl.-Inf. (Informatik)", "master"),
        ("Microsoft Office (MS Office)", None),
        ("Portland, ME 04101", None),
    ],
)
def test_degree_spellings(line: str, level: str | None) -> None:
    from skillgap.profiles.degrees import degree_level

    assert degree_level(line) == level


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Data Science Intern    May – Aug 2019", [("2019-05-01", "2019-09-01")]),
        ("Analyst, Jan '18 – Mar '20", [("2018-01-01", "2020-04-01")]),
        ("Engineer   Jan 2018 -- Present", [("2018-01-01", None)]),
        (
            "Jan 2018 − Jun 2019, Aug 2019 – Present",
            [("2018-01-01", "2019-07-01"), ("2019-08-01", None)],
        ),
        ("Used Python for 2 years", []),
    ],
)
def test_date_range_spellings(line: str, expected: list[tuple[str, str | None]]) -> None:
    from skillgap.profiles.dates import find_date_ranges

    found = [(s.isoformat(), e.isoformat() if e else None) for s, e, _ in find_date_ranges(line)]
    assert found == expected


def test_skills_lines_split_at_top_level_and_skip_spoken_languages(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "r.txt",
        "SKILLS\nR (tidyverse, dplyr), Python (expert), SQL\nGerman (native), English (fluent)\n",
    )
    declared = [(d.name, d.level) for d in load_profile(path).declared_skills]
    assert declared == [
        ("R", None),
        ("tidyverse", None),
        ("dplyr", None),
        ("Python", "expert"),
        ("SQL", None),
    ]


def test_unlisted_headings_are_recognised_by_their_telling_word(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "r.txt",
        "RELEVANT WORK EXPERIENCE\nAnalyst   Jan 2019 – Jan 2021\n"
        "\nAwards & Recognition\nBest paper\n",
    )
    profile = load_profile(path)
    assert [s.source for s in profile.segments] == ["experience", "awards"]
    assert len(profile.jobs) == 1


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


def test_profile_dates_that_cannot_be_read_are_errors(tmp_path: Path) -> None:
    path = write(tmp_path, "me.yaml", "experience:\n  - title: X\n    start: last spring\n")
    message = profile_error(path)
    assert message.startswith(f"{path}:3: 'experience[0].start' is 'last spring', not a date")


def test_numeric_levels_are_accepted_and_unknown_ones_warned(tmp_path: Path) -> None:
    from skillgap.analysis import analyze

    numeric = load_profile(write(tmp_path, "a.yaml", "skills:\n  - {name: Python, level: 3}\n"))
    assert numeric.declared_skills[0].level == "3"
    odd = load_profile(write(tmp_path, "b.yaml", "skills:\n  - {name: Python, level: wizard}\n"))
    report = analyze(odd, load_rubric())
    assert any(
        "level 'wizard' of 'Python' is not on the rubric's scale" in w for w in report.warnings
    )


def test_identity_is_not_evidence(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "r.txt",
        "Rust Keras\nrk@pytorch.example | github.com/go-python\n\nSUMMARY\nAccountant.\n",
    )
    profile = load_profile(path)
    assert profile.identity.name == "Rust Keras"
    text = " ".join(s.text for s in profile.segments)
    assert "Keras" not in text and "pytorch" not in text and "go-python" not in text

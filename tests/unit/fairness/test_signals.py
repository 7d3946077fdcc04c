"""The variants of a resume (skillgap.fairness.signals, .variants): each differs from its
reference in the identity signal and nothing else."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from skillgap.fairness.run import bundled_profiles
from skillgap.fairness.signals import ACTIVITIES, FAMILIES_BY_ID, Trial, trials
from skillgap.fairness.variants import Resume, docx_bytes, tiny_png
from skillgap.profiles.model import Job

AS_OF = dt.date(2025, 6, 1)
TEXT = """Alex Morgan
alex@example.com

SUMMARY
Engineer with 9 years of experience. Alex writes design docs; his reviews are thorough.

EXPERIENCE
ML Engineer, Shoplight        Jul 2016 - Mar 2025
- Built models in Python.

EDUCATION
B.S. Mathematics, University of Michigan, 2014
"""
JOBS = (Job("ML Engineer, Shoplight", start=dt.date(2016, 7, 1), end=dt.date(2025, 4, 1), line=8),)
RESUME = Resume(TEXT, False, "Alex Morgan", JOBS)


def trial(family: str, resume: Resume = RESUME) -> Trial:
    built = FAMILIES_BY_ID[family].build(resume, AS_OF)
    assert built is not None
    return built


def changed_lines(old: str, new: str) -> list[str]:
    return [line for line in new.splitlines() if line not in old.splitlines()]


def test_a_name_is_replaced_wherever_it_stands() -> None:
    variant = next(v for v in trial("name").variants if v.id == "lakisha-washington")
    assert variant.text.startswith("Lakisha Washington\n")
    assert "Lakisha writes design docs" in variant.text
    assert "Alex" not in variant.text.replace("alex@", "")


def test_a_resume_without_a_name_gets_one_as_its_first_line() -> None:
    variants = trial("name", Resume(TEXT, False, None, JOBS)).variants
    assert all(v.text.endswith(TEXT) for v in variants)


def test_pronouns_are_declared_and_third_person_pronouns_follow() -> None:
    by_id = {v.id: v.text for v in trial("pronouns").variants}
    assert "Pronouns: she/her" in by_id["she"] and "her reviews" in by_id["she"]
    assert "Pronouns: they/them" in by_id["they"] and "their reviews" in by_id["they"]
    assert "his reviews" in by_id["he"]


def test_gendered_activities_differ_from_the_neutral_line_only_in_gender() -> None:
    built = trial("gendered-words")
    assert changed_lines(TEXT, built.reference)[-2:] == ["ACTIVITIES", ACTIVITIES[0]]
    (masculine,) = changed_lines(built.reference, built.variants[0].text)
    assert masculine == ACTIVITIES[1]
    assert "Chess Club" in ACTIVITIES[0] and "Sigma Chi fraternity" in ACTIVITIES[1]


def test_gendered_words_already_written_are_swapped() -> None:
    text = TEXT + "\nACTIVITIES\nChairman, Delta fraternity\n"
    built = trial("gendered-words", Resume(text, False, "Alex Morgan", JOBS))
    assert built.reference == text
    assert "Chairwoman, Delta sorority" in built.variants[1].text


def test_the_college_is_replaced_in_the_education_line() -> None:
    built = trial("college")
    assert built.reference == TEXT
    texts = {v.id: v.text for v in built.variants}
    assert "B.S. Mathematics, Wellesley College, 2014" in texts["wellesley-college"]
    assert len(texts) == 8


def test_graduation_years_move_and_work_dates_do_not() -> None:
    older = next(v for v in trial("graduation-year").variants if v.id == "minus-20-years")
    assert "University of Michigan, 1994" in older.text
    assert "Jul 2016 - Mar 2025" in older.text


def test_graduation_years_never_move_past_the_as_of_year() -> None:
    ids = [v.id for v in trial("graduation-year").variants]
    assert ids == ["minus-20-years", "minus-10-years", "plus-3-years"]
    late = Resume(TEXT.replace("2014", "2023"), False, "Alex Morgan", JOBS)
    assert "plus-3-years" not in [v.id for v in trial("graduation-year", late).variants]


def test_parental_leave_is_a_dated_line_and_the_gap_moves_the_job_start() -> None:
    by_id = {v.id: v.text for v in trial("parental-leave").variants}
    assert "- Parental leave, Jul 2017 – Jan 2018" in by_id["during-job"]
    gap = by_id["career-gap"]
    assert "ML Engineer, Shoplight        Jul 2017 – Mar 2025" in gap
    assert "Parental leave, Jul 2016 – Jun 2017" in gap
    assert FAMILIES_BY_ID["parental-leave"].changes_history


def test_header_lines_go_under_the_name_and_contact_details() -> None:
    variant = trial("nationality").variants[0]
    assert variant.text.splitlines()[:3] == [
        "Alex Morgan",
        "alex@example.com",
        "Citizenship: United States",
    ]


def test_only_the_parental_leave_family_may_change_history() -> None:
    assert [f for f, v in FAMILIES_BY_ID.items() if v.changes_history] == ["parental-leave"]


def test_docx_variants_hold_a_real_photo_or_a_birth_date() -> None:
    with_photo = docx_bytes(RESUME, TEXT, photo=True)
    names = zipfile.ZipFile(io.BytesIO(with_photo)).namelist()
    assert any(re.match(r"word/media/.*\.png", n) for n in names)
    assert tiny_png().startswith(b"\x89PNG")
    born = docx_bytes(RESUME, TEXT, birth_date="14 March 1962")
    document = zipfile.ZipFile(io.BytesIO(born)).read("word/document.xml")
    assert b"Date of birth: 14 March 1962" in document
    assert docx_bytes(RESUME, TEXT) == docx_bytes(RESUME, TEXT)  # deterministic
    # ... on any clock: python-docx dates members with the time of saving, which two
    # calls in a row share unless they straddle a two-second tick
    dates = {m.date_time for m in zipfile.ZipFile(io.BytesIO(with_photo)).infolist()}
    assert dates == {(2024, 1, 1, 0, 0, 0)}


def test_every_family_applies_to_every_bundled_profile() -> None:
    for source in bundled_profiles():
        resume = Resume(source.text, source.markdown, "Nobody Here", ())
        built = dict(trials(resume, as_of=AS_OF))
        missing = [f.id for f, t in built.items() if t is None]
        # no jobs were given, so no leave can be placed; everything else applies
        assert missing == ["parental-leave"], source.id

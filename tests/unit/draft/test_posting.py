"""Taking postings apart (skillgap.draft.posting) and reading their files
(skillgap.draft.source): headings of every shape, the kind of each section, items."""

from __future__ import annotations

import pytest

from skillgap.draft.posting import SectionKind, classify_heading, parse_posting
from skillgap.draft.source import html_text


def headings(text: str) -> list[tuple[str, str]]:
    return [(s.heading, s.kind.value) for s in parse_posting(text).sections]


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("Requirements:", "Requirements"),
        ("Responsibilities –", "Responsibilities"),
        ("Skills required -", "Skills required"),
        ("## What you'll bring", "What you'll bring"),
        ("NICE TO HAVE", "NICE TO HAVE"),
        ("Qualifications", "Qualifications"),
        ("**Bonus points**", "Bonus points"),
    ],
)
def test_a_heading_is_recognised_by_its_shape_or_its_words(line: str, heading: str) -> None:
    text = f"Data Engineer\n{line}\n- Python\n"
    assert [h for h, _ in headings(text)] == [heading]


def test_an_item_that_contains_a_heading_word_stays_an_item() -> None:
    text = (
        "Data Engineer\nRequired Skills:\nGood knowledge of PostgreSQL\n"
        "Great communication skills\n"
    )
    sections = parse_posting(text).sections
    assert [s.heading for s in sections] == ["Required Skills"]
    assert [i.text for i in sections[0].items] == [
        "Good knowledge of PostgreSQL",
        "Great communication skills",
    ]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Minimum qualifications", SectionKind.REQUIRED),
        ("Preferred qualifications", SectionKind.PREFERRED),
        ("Nice to have", SectionKind.PREFERRED),
        ("What you'll do", SectionKind.RESPONSIBILITIES),
        ("About us", SectionKind.SKIP),
        ("Benefits", SectionKind.SKIP),
        ("About you", SectionKind.QUALIFICATIONS),
        ("Overview", SectionKind.DESCRIPTION),
        ("Team Rituals", None),
    ],
)
def test_a_heading_says_what_kind_of_section_it_opens(
    heading: str, kind: SectionKind | None
) -> None:
    assert classify_heading(heading) is kind


def test_a_title_case_bullet_with_a_list_under_it_is_a_sub_heading_of_its_parent() -> None:
    text = (
        "Role\nRequirements\n- Technical Proficiency\n- Python programming and SQL\n"
        "- Leadership Skills\n- Mentoring engineers\n"
    )
    sections = parse_posting(text).sections
    assert [(s.heading, s.parent, s.kind) for s in sections[1:]] == [
        ("Technical Proficiency", "Requirements", SectionKind.REQUIRED),
        ("Leadership Skills", "Requirements", SectionKind.REQUIRED),
    ]


def test_a_capitalised_item_is_not_taken_for_a_sub_heading() -> None:
    text = "Role\n## Nice to have\n- Experience with MLflow or Kubeflow\n- Published papers\n"
    sections = parse_posting(text).sections
    assert [s.heading for s in sections] == ["Nice to have"]
    assert len(sections[0].items) == 2


def test_the_first_line_is_the_title_unless_it_is_a_heading() -> None:
    assert parse_posting("Senior Data Engineer\nRequirements:\n- SQL").title == (
        "Senior Data Engineer"
    )
    assert parse_posting("Requirements:\n- SQL").title is None


def test_a_line_broken_mid_sentence_is_one_item() -> None:
    text = (
        "Role\nResponsibilities:\nClean structured and unstructured data, including text,"
        "\naudio and video\nShip models\n"
    )
    items = parse_posting(text).sections[0].items
    assert [i.text for i in items] == [
        "Clean structured and unstructured data, including text, audio and video",
        "Ship models",
    ]


def test_prose_between_a_heading_and_its_bullets_is_not_an_item() -> None:
    text = (
        "Role\nRequirements\nTo excel in this role, candidates bring a blend of the "
        "following skills and experience:\n- Python\n"
    )
    assert [i.text for i in parse_posting(text).sections[0].items] == ["Python"]


def test_lines_about_the_terms_of_the_job_are_set_aside() -> None:
    posting = parse_posting("Role\nJob Type: Full-time\nSalary: 50k\nRequirements:\n- Python")
    assert [t.text for t in posting.terms] == ["Job Type: Full-time", "Salary: 50k"]


def test_bullets_before_any_heading_form_a_section_of_their_own() -> None:
    posting = parse_posting(
        "Developer\nWe build websites for small shops in three countries and need help.\n"
        "· PHP and Laravel\n· Angular\n"
    )
    assert posting.description.startswith("We build websites")
    assert [(s.line, len(s.items)) for s in posting.sections] == [(0, 2)]


def test_html_becomes_lines_with_headings_and_bullets_kept() -> None:
    html = (
        "<html><head><title>x</title><style>p{}</style></head><body><h2>Requirements</h2>"
        "<p>Intro<br>text</p><ul><li>Python &amp; SQL</li></ul><script>Java</script></body>"
    )
    assert html_text(html) == "## Requirements\nIntro\ntext\n- Python & SQL"

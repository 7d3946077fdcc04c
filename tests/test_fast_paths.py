"""The fast paths batch throughput relies on give exactly what the plain versions give.

Each optimised routine is checked against a straightforward reference written here (the
obvious implementation it replaced) on generated inputs, and the shortcuts that skip work
(reports without quoted evidence, matching without contexts) are checked to change no
score. ``docs/performance.md`` lists the optimisations these guard.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillgap import identity
from skillgap.analysis import analyze
from skillgap.errors import LimitExceededError
from skillgap.identity import is_phone_number
from skillgap.io.read import read_bytes
from skillgap.limits import Limits
from skillgap.matching import forms
from skillgap.matching.index import SkillIndex
from skillgap.profiles import degrees, load_profile, resume_text, skills_line
from skillgap.report.build import build
from skillgap.report.model import (
    EvidenceItem,
    Gap,
    GapReport,
    RequirementResult,
    ResourceLink,
    SkillResult,
    ToolInfo,
)
from skillgap.rubric.parse import load_rubric
from skillgap.text import Tokens, normalize_word, tokenize

ROOT = Path(__file__).resolve().parent.parent
RUBRIC = load_rubric()
INDEX = SkillIndex(RUBRIC)
AS_OF = dt.date(2025, 6, 1)
EXAMPLES = int(os.environ.get("SKILLGAP_HYPOTHESIS_EXAMPLES", "40"))
MANY = settings(
    max_examples=EXAMPLES * 5,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)

# Characters that exercise every branch of the tokenizer and the resume parser: words,
# the symbols kept inside words, separators of every kind, line breaks, non-ASCII letters.
_ALPHABET = st.sampled_from(list("abcXYZ019 \n\t-–,./&+;:!?()[]{}'’#@_|•é\u00adΩ"))
TEXTS = st.text(_ALPHABET, max_size=60)


# ----------------------------------------------------------------- reference oracles

_WORD_RE = re.compile(
    r"(?:(?<![^\W_])\.(?=[^\W_]))?[^\W_]+(?:[.&'\u2019][^\W_]+)*(?:\+\+|#(?![^\W_]))?"
)
_SOFT_RE = re.compile(r"[\s\-/&+]*")


def reference_tokenize(text: str, first_line: int = 1) -> Tokens:
    """The tokenizer as first written: one regex match at a time."""
    words, norms, starts, ends, lines, seps, breaks = [], [], [], [], [], [], []
    line, previous_end = first_line, 0
    for match in _WORD_RE.finditer(text):
        start, end = match.span()
        gap = text[previous_end:start]
        newlines = gap.count("\n")
        line += newlines
        stripped = "".join(gap.split())
        if newlines >= 2:
            sep, is_break = "\n\n", True
        elif not stripped:
            sep, is_break = "", False
        else:
            sep = stripped
            is_break = _SOFT_RE.fullmatch(gap) is None or len(stripped) > 2
        words.append(match.group())
        norms.append(normalize_word(match.group()))
        starts.append(start)
        ends.append(end)
        lines.append(line)
        seps.append(sep)
        breaks.append(is_break)
        previous_end = end
    return Tokens(
        text,
        tuple(words),
        tuple(norms),
        tuple(starts),
        tuple(ends),
        tuple(lines),
        tuple(seps),
        tuple(breaks),
    )


def reference_blank_identity(lines: list[str]) -> list[str]:
    """Identity blanking as first written: each pattern over the whole text."""
    name = resume_text._guess_name(lines)
    if name is not None:
        lines = [*lines[: name[1]], "", *lines[name[1] + 1 :]]
    text = "\n".join(lines)
    text = identity.EMAIL_RE.sub(" ", text)
    text = identity.LINK_RE.sub(" ", text)
    text = identity.PHONE_RE.sub(lambda m: " " if is_phone_number(m.group()) else m.group(), text)
    return text.split("\n")


# ----------------------------------------------------------------------- tokenizer


@MANY
@given(text=TEXTS, first_line=st.integers(1, 5))
def test_tokenize_matches_the_one_match_at_a_time_reference(text: str, first_line: int) -> None:
    assert tokenize(text, first_line=first_line) == reference_tokenize(text, first_line)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        ".NET and C#.NET, C++.NET",
        "node.js/Go-to-market\n\n\nR&D",
        "a" * 40 + " " * 40,
        "x\n" * 30,
        ". .NET ..NET _.NET",
        "Ω-é\u00adb",
    ],
)
def test_tokenize_matches_the_reference_on_edge_cases(text: str) -> None:
    assert tokenize(text) == reference_tokenize(text)


def test_tokenize_matches_the_reference_on_every_example_resume() -> None:
    for path in sorted((ROOT / "examples").iterdir()):
        text = path.read_text(encoding="utf-8")
        assert tokenize(text) == reference_tokenize(text), path.name


# ------------------------------------------------------------------- resume parsing


@MANY
@given(
    text=st.lists(
        st.sampled_from(["Skills: ", "Tools | ", "Languages：", "- ", "x"]) | TEXTS, max_size=5
    ).map("".join)
)
def test_label_line_pre_check_never_hides_a_label(text: str) -> None:
    line = text.replace("\n", " ")
    if skills_line._LABEL_LINE_RE.match(skills_line._BULLET_RE.sub("", line)):
        assert skills_line.may_be_label(line)


@MANY
@given(text=TEXTS)
def test_skills_line_split_matches_the_bracket_aware_loop(text: str) -> None:
    assert skills_line._split_top_level(text) == skills_line._split_outside_brackets(text)


_IDENTITY_PIECES = st.sampled_from(
    [
        "Ada Lovelace",
        "ada@example.com",
        "a.b+c@mail.co.uk",
        "+1 (555) 010-9999",
        "555 0101 9999",
        "https://example.com/x",
        "www.ada.dev",
        "github.com/ada",
        "LinkedIn.com/in/ada",
        "HTTPS://EXAMPLE.ORG",
        "Python",
        "2019 - 2021",
        "| ",
        ", ",
        " ",
        "Skills",
        "Mar 2020",
        "12345678901",
        "call +44 20 7946 0958 now",
    ]
)
# At least one line: the parser's lines come from str.split, which never gives none.
_RESUME_LINES = st.lists(
    st.lists(_IDENTITY_PIECES | TEXTS, max_size=6).map("".join), min_size=1, max_size=8
)


def reference_degree_level(text: str) -> str | None:
    """Degree detection as first written: the four patterns, strongest first."""
    for level, pattern in degrees._DEGREE_PATTERNS:
        if pattern.search(text):
            return level
    return None


_DEGREE_PIECES = st.sampled_from(
    [
        "PhD",
        "Ph.D.",
        "D.Phil",
        "Doctor of Science",
        "MSc",
        "M.S.",
        "MS in",
        "MA of",
        "MBA",
        "Master's",
        "Dipl.-Inf.",
        "postgraduate",
        "B.Sc.",
        "BS in",
        "BA ",
        "B.E.",
        "A.A.S.",
        "Associate degree",
        "bachelor",
        "computer science",
        "(",
        ",",
        " ",
        ".",
        "MS Office",
        "BE careful",
        "2019",
        "x",
    ]
)


@MANY
@given(text=st.lists(_DEGREE_PIECES | TEXTS, max_size=8).map("".join))
def test_degree_detection_matches_the_four_pattern_reference(text: str) -> None:
    assert degrees.degree_level(text) == reference_degree_level(text)


@given(text=st.lists(_DEGREE_PIECES, max_size=6).map(" ".join))
@MANY
def test_degree_detection_on_degree_words(text: str) -> None:
    assert degrees.degree_level(text) == reference_degree_level(text)


@MANY
@given(lines=_RESUME_LINES)
def test_identity_blanking_matches_the_whole_text_reference(lines: list[str]) -> None:
    lines = [line.replace("\n", " ") for line in lines]
    assert resume_text._without_identity(lines) == reference_blank_identity(lines)


def test_identity_found_is_unchanged_on_the_examples() -> None:
    profile = load_profile(ROOT / "examples" / "senior-ml-engineer.md")
    assert profile.identity.name
    assert all("@" not in segment.text for segment in profile.segments)


# ------------------------------------------------------------ skipping unneeded work


@pytest.mark.parametrize("example", sorted(p.name for p in (ROOT / "examples").iterdir()))
def test_reports_without_details_have_the_same_scores(example: str) -> None:
    profile = load_profile(ROOT / "examples" / example)
    full = analyze(profile, RUBRIC, index=INDEX, as_of=AS_OF)
    lean = analyze(profile, RUBRIC, index=INDEX, as_of=AS_OF, details=False)
    assert lean.overall == full.overall
    assert [a.score for a in lean.areas] == [a.score for a in full.areas]
    assert lean.gaps == full.gaps
    for lean_area, full_area in zip(lean.areas, full.areas, strict=True):
        for lean_req, full_req in zip(lean_area.requirements, full_area.requirements, strict=True):
            assert lean_req.model_dump(exclude={"skills"}) == full_req.model_dump(
                exclude={"skills"}
            )
            for lean_skill, full_skill in zip(lean_req.skills, full_req.skills, strict=True):
                assert (lean_skill.matched, lean_skill.credit, lean_skill.basis) == (
                    full_skill.matched,
                    full_skill.credit,
                    full_skill.basis,
                )
                assert lean_skill.evidence == () and lean_skill.ignored == ()
    assert any(s.evidence for a in full.areas for r in a.requirements for s in r.skills)


def test_matching_without_contexts_finds_the_same_evidence() -> None:
    profile = load_profile(ROOT / "examples" / "senior-ml-engineer.md")
    with_context = INDEX.match_profile(profile)
    without = INDEX.match_profile(profile, contexts=False)
    assert with_context.evidence.keys() == without.evidence.keys()
    for skill, items in with_context.evidence.items():
        stripped = tuple(
            e.__class__(
                **{
                    **{f: getattr(e, f) for f in e.__slots__},
                    "context": e.context if e.method == "declared" else "",
                }
            )
            for e in items
        )
        assert without.evidence[skill] == stripped
    assert all(e.context for items in with_context.evidence.values() for e in items)


def test_a_declared_item_gives_the_same_evidence_each_time() -> None:
    from skillgap.profiles.model import DeclaredSkill

    first = DeclaredSkill(name="Deep learning (PyTorch, JAX)", source="skills", line=3)
    second = DeclaredSkill(
        name="Deep learning (PyTorch, JAX)", source="skills", line=9, level="expert"
    )
    one, two = INDEX.match_declared(first), INDEX.match_declared(second)
    assert [e.skill for e in one] == [e.skill for e in two] and one
    assert {e.line for e in two} == {9} and {e.level for e in two} == {"expert"}


def test_word_memos_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forms, "MEMO_LIMIT", 50)
    index = SkillIndex(RUBRIC)
    index.match_text(" ".join(f"word{n}" for n in range(500)) + " using Kubernetes")
    assert len(index._starts) == len(index._fuzzy_keys) == 50
    assert [e.skill for e in index.match_text("Kubernetes and kubernets")] == [
        "Kubernetes",
        "Kubernetes",
    ]


# ------------------------------------------------------------------ report models


def test_trusted_builds_what_model_construct_builds() -> None:
    values = {
        "text": "Python",
        "context": "Python, SQL",
        "source": "skills",
        "line": 3,
        "method": "declared",
        "similarity": 1.0,
        "form": "Python",
    }
    fast, slow = build(EvidenceItem, **values), EvidenceItem.model_construct(**values)
    assert fast == slow
    assert fast.model_dump_json() == slow.model_dump_json()
    assert fast.model_fields_set == slow.model_fields_set == set(values)
    assert fast.level is None and fast.years is None  # defaults filled in
    shuffled = dict(reversed(list(values.items())))
    assert build(EvidenceItem, **shuffled).model_dump_json() == slow.model_dump_json()


def test_trusted_refuses_missing_and_unknown_fields() -> None:
    with pytest.raises(TypeError, match="missing required field 'version'"):
        build(ToolInfo, name="skillgap")
    with pytest.raises(TypeError, match="unknown fields"):
        build(ResourceLink, title="A course", url="https://example.com", price=3)
    assert build(ResourceLink, title="A course").url is None


def test_reports_built_fast_validate_against_the_models() -> None:
    profile = load_profile(ROOT / "examples" / "senior-ml-engineer.md")
    report = analyze(profile, RUBRIC, index=INDEX, as_of=AS_OF)
    checked = GapReport.model_validate_json(report.model_dump_json())
    assert checked == report
    assert isinstance(report.areas[0].requirements[0], RequirementResult)
    assert all(isinstance(g, Gap) for g in report.gaps)
    assert all(
        isinstance(s, SkillResult) for a in report.areas for r in a.requirements for s in r.skills
    )


# ------------------------------------------------------------------------- reading


def test_reading_a_file_that_reports_no_size(tmp_path: Path) -> None:
    """A pipe has no size: it is still read whole, and still bounded by the limit."""
    fifo = tmp_path / "resume.pipe"
    os.mkfifo(fifo)
    payload = b"Python and Kubernetes\n" * 5000

    def feed() -> None:
        try:
            with fifo.open("wb") as handle:
                handle.write(payload)
        except BrokenPipeError:
            pass  # the reader stopped at the limit, as it should

    writer = threading.Thread(target=feed)
    writer.start()
    try:
        assert read_bytes(fifo) == payload
    finally:
        writer.join()
    writer = threading.Thread(target=feed)
    writer.start()
    try:
        with pytest.raises(LimitExceededError, match="over the"):
            read_bytes(fifo, limits=Limits(max_file_bytes=1000))
    finally:
        writer.join()

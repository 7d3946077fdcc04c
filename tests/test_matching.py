"""The matcher's behaviour beyond the labelled suite: evidence, guards and explanations."""

from __future__ import annotations

from skillgap.matching.forms import fuzzy_allowance
from skillgap.matching.index import SkillIndex
from skillgap.profiles.model import DeclaredSkill, TextSegment
from skillgap.text import clean_text, normalize_word, stem, tokenize


def test_evidence_records_text_context_source_line_method_and_similarity(index: SkillIndex) -> None:
    evidence, _ = index.match_segment(
        TextSegment("experience", "Intro\n- Built sklearn models with Pyhton", 10)
    )
    by_skill = {e.skill: e for e in evidence}
    sklearn = by_skill["scikit-learn"]
    assert (sklearn.text, sklearn.source, sklearn.line, sklearn.method, sklearn.similarity) == (
        "sklearn",
        "experience",
        11,
        "alias",
        1.0,
    )
    assert sklearn.context == "Built sklearn models with Pyhton"
    python = by_skill["Python"]
    assert python.method == "fuzzy" and python.text == "Pyhton"
    assert 0.8 <= python.similarity < 1.0


def test_rejected_mentions_say_why(index: SkillIndex) -> None:
    _, rejected = index.match_segment(
        TextSegment("summary", "No experience with Spark; drove go-to-market at Acme R&D", 1)
    )
    reasons = {(r.skill, r.reason) for r in rejected}
    assert ("Spark", "negated") in reasons or ("Spark", "ambiguous without context") in reasons
    assert any(skill == "Go" for skill, _ in reasons)


def test_a_declared_short_name_counts_without_context(index: SkillIndex) -> None:
    """A skills-list entry 'R' is R; in running text R needs context."""
    declared = index.match_declared(DeclaredSkill("R", "skills", 3))
    assert [(e.skill, e.method) for e in declared] == [("R", "declared")]
    assert index.match_text("Grade R") == []


def test_declared_phrases_are_matched_like_text(index: SkillIndex) -> None:
    found = index.match_declared(DeclaredSkill("Machine Learning & Deep Learning", "skills[0]"))
    assert {e.skill for e in found} >= {"Machine learning", "Deep learning"}
    assert all(e.method == "declared" for e in found)


def test_fuzzy_allowance_rises_with_length() -> None:
    assert [fuzzy_allowance(n) for n in (1, 3, 5, 6, 11, 12, 20)] == [0, 0, 0, 1, 1, 2, 2]


def test_a_changed_last_letter_is_a_different_word(index: SkillIndex) -> None:
    assert index.match_text("Filed the court docket") == []


def test_clean_text_removes_escape_sequences_and_bidi_overrides() -> None:
    dirty = "A\x1b[2J\x1b]8;;http://x\x07B\x1b]8;;\x07C\u202eD\x00E\r\nF"
    assert clean_text(dirty) == "ABCDE\nF"


def test_tokenizer_keeps_meaningful_symbols_and_records_separators() -> None:
    tokens = tokenize("C#/.NET, C++ and Node.js; R&D\n\nGo-to-market")
    assert tokens.norms == ("c#", ".net", "c++", "and", "node.js", "r&d", "go", "to", "market")
    assert tokens.seps == ("", "/", ",", "", "", ";", "\n\n", "-", "-")
    assert tokens.lines == (1, 1, 1, 1, 1, 1, 3, 3, 3)


def test_normalisation_folds_case_accents_width_and_apostrophes() -> None:
    assert normalize_word("PYTHON") == "python"
    assert normalize_word("Master’s") == "masters"
    assert normalize_word("Résumé") == "resume"


def test_stemming_folds_inflections_consistently() -> None:
    assert {stem(w) for w in ("lead", "leads", "leading", "led")} == {"lead"}
    assert {stem(w) for w in ("mentor", "mentored", "mentoring", "mentors")} == {"mentor"}
    assert {stem(w) for w in ("plan", "planned", "planning")} == {"plan"}
    assert stem("process") == "process"

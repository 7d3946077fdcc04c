"""Stemmed phrases (skillgap.matching.phrases): achievements — an action with its object
in one clause — matched in any word form, tied to the role's subject when the rubric asks,
and refused when negated or wished for."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from skillgap.matching.index import SkillIndex
from skillgap.profiles.model import TextSegment
from skillgap.rubric.parse import load_rubric
from tests.helpers.bundled import INDEX as BUNDLED_INDEX

RUBRIC = """\
id: achievements
title: Achievements
version: "1.0"
areas:
  - id: soft
    name: Soft
    weight: 1
    requirements:
      - id: presenting
        name: Presenting
        skills:
          - name: Executive presentation
            achievements:
              - actions: [present, presentation, brief]
                objects: [CFO, board, executives, VP, leadership team]
      - id: leading
        name: Leading
        skills:
          - name: Team leadership
            achievements:
              - actions: [lead, manage]
                objects: [team]
                about: [ML, machine learning, data, engineers]
"""


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> SkillIndex:
    path: Path = tmp_path_factory.mktemp("rubric") / "r.yaml"
    path.write_text(RUBRIC, "utf-8")
    return SkillIndex(load_rubric(path))


def found(index: SkillIndex, text: str) -> list[tuple[str, str, str]]:
    evidence, _ = index.match_segment(TextSegment("experience", text, 1))
    return [(e.skill, e.method, e.text) for e in evidence]


def ignored(index: SkillIndex, text: str) -> list[tuple[str, str]]:
    _, rejected = index.match_segment(TextSegment("experience", text, 1))
    return [(r.skill, r.reason) for r in rejected]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        (
            "Presented the forecasting roadmap quarterly to the operations director and the CFO",
            "Presented the forecasting roadmap quarterly to the operations director and the CFO",
        ),
        ("Gave a presentation to the board on model risk", "presentation to the board"),
        ("Briefing the VP of Product every sprint", "Briefing the VP"),
        ("presents results to the leadership team", "presents results to the leadership team"),
    ],
)
def test_an_action_with_its_object_in_one_clause_is_evidence(
    index: SkillIndex, text: str, quoted: str
) -> None:
    assert found(index, text) == [("Executive presentation", "achievement", quoted)]


@pytest.mark.parametrize(
    "text",
    [
        "Presented a poster. The CFO liked it.",  # two sentences
        "- Presented the demo\n- Board game club",  # two bullets
        (
            "Presented the churn model and its uplift estimates for every region and segment "
            "of the business to the board"
        ),  # more than eight words between
        "The board presented an award",  # the object before the action
    ],
)
def test_not_across_a_clause_and_not_too_far_apart(index: SkillIndex, text: str) -> None:
    assert found(index, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Never presented to the board",
        "I want to present to executives one day",
        "Hoping to lead a data team",
        "Would like to manage an ML team",
    ],
)
def test_negated_or_wished_achievements_are_not_evidence(index: SkillIndex, text: str) -> None:
    assert found(index, text) == []


def test_about_words_tie_an_achievement_to_the_role(index: SkillIndex) -> None:
    assert found(index, "Led a team of 5 ML engineers") == [
        ("Team leadership", "achievement", "Led a team")
    ]
    assert found(index, "Managed the data team through a migration") == [
        ("Team leadership", "achievement", "Managed the data team")
    ]
    assert found(index, "Led a team of nurses on night shifts") == []
    assert ignored(index, "Led a team of nurses on night shifts") == [
        ("Team leadership", "not about the role's subject")
    ]
    # the subject must be in the same sentence or item, not the next one
    assert found(index, "- Led the team\n- Wrote ML pipelines in Python") == []


def _reference_find(finder: object, tokens: object) -> list[tuple[int, int, object]]:
    """PhraseFinder.find as it was before its entries were grouped by second word: every
    entry of an opener tried in turn (the plain reference the fast path must equal)."""
    from skillgap.matching.phrases import (
        _GAIN,
        _LEAD,
        achievement_may_start,
        ends_clause,
        gain_marker,
        passive_action,
    )
    from skillgap.text import STOPWORDS

    f: Any = finder
    t: Any = tokens
    norms, breaks, seps = t.norms, t.breaks, t.seps
    kept = [i for i, n in enumerate(norms) if n not in STOPWORDS]
    stems = [_GAIN if gain_marker(t, i) else f._stem[norms[i]] for i in kept]
    count, reach = len(stems), f._reach

    def window(position: int, clause: bool) -> dict[str, int]:
        found: dict[str, int] = {}
        for candidate in range(position + 1, min(count, position + reach)):
            previous, current = kept[candidate - 1], kept[candidate]
            if clause:
                if any(ends_clause(seps[k]) for k in range(previous + 1, current + 1)):
                    break
            elif breaks[current] or (
                current > previous + 1 and any(breaks[k] for k in range(previous + 1, current))
            ):
                break
            found.setdefault(stems[candidate], candidate)
        return found

    hits = []
    for a, first in enumerate(stems):
        entries = f._phrases.get(first)
        if not entries:
            continue
        causal = first == _LEAD and kept[a] + 1 < len(norms) and norms[kept[a] + 1] == "to"
        for phrase, form in entries:
            if causal or (form.achievement and not achievement_may_start(t, kept[a])):
                continue
            position = a
            for k, word in enumerate(phrase[1:], start=1):
                after = window(position, form.achievement).get(word, -1)
                position = after if 0 < after - position <= form.gap(k) + 1 else -1
                if position < 0:
                    break
            if position >= 0 and (not form.passive or passive_action(t, kept[position])):
                hits.append((kept[a], kept[position] + 1, form))
    return hits


_ACHIEVEMENT_WORDS = [
    "led",
    "lead",
    "leading",
    "a",
    "team",
    "of",
    "5",
    "ML",
    "engineers",
    "presented",
    "the",
    "roadmap",
    "to",
    "the",
    "CFO",
    "and",
    "board",
    "mentored",
    "junior",
    "data",
    "scientists",
    "hired",
    "built",
    "deployed",
    "models",
    "to",
    "production",
    "reduced",
    "latency",
    "by",
    "30%",
    "up",
    "4%",
    "drove",
    "the",
    "AI",
    "strategy",
    ";",
    ",",
    ".",
    "-",
    "led",
    "to",
    "my",
    "move",
    "into",
]


@pytest.mark.parametrize("seed", range(30))
def test_phrase_finder_equals_trying_every_entry(seed: int) -> None:
    import random

    from skillgap.text import tokenize

    rng = random.Random(seed)
    words = [rng.choice(_ACHIEVEMENT_WORDS) for _ in range(rng.randint(5, 120))]
    tokens = tokenize(" ".join(words))
    finder = BUNDLED_INDEX._phrases
    assert finder.find(tokens) == _reference_find(finder, tokens)


def _resume_texts() -> list[str]:
    """Whole resumes: the examples and seeded synthetic ones (every bundled rubric's
    vocabulary in ordinary prose), plus gains written as signs and "up"."""
    import random

    from benchmarks.synthetic import rubric_vocabulary, synthetic_resume

    root = Path(__file__).resolve().parents[3]
    texts = [
        p.read_text("utf-8")
        for p in sorted((root / "examples").iterdir())
        if p.suffix in {".txt", ".md", ".json", ".yaml"}
    ]
    vocabulary = rubric_vocabulary()
    rng = random.Random(7)
    texts += [synthetic_resume(rng, vocabulary) for _ in range(40)]
    texts.append(
        "Raised conversion up 4% and CTR +6.2%; revenue up 9 percent, +44 7700 900123.\n"
        "Led to my move into ML. 2019 - Present: led a team of 5 ML engineers, data-driven"
    )
    return texts


@pytest.mark.parametrize("rubric_id", ["principal-ml-engineer", "ml-engineer-entry"])
def test_phrase_finder_equals_trying_every_entry_on_whole_resumes(rubric_id: str) -> None:
    """The trie walk finds what trying each phrase in turn finds, in the same order, on
    whole resumes read against a rubric's thousands of achievement phrases."""
    from skillgap.analysis import prepared_for
    from skillgap.text import prepare_text, tokenize

    finder = prepared_for(load_rubric(rubric_id)).index._phrases
    for text in _resume_texts():
        tokens = tokenize(prepare_text(text))
        assert finder.find(tokens) == _reference_find(finder, tokens)

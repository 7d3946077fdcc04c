"""Reading a profile once for several rubrics finds exactly what each finds alone.

:class:`~skillgap.matching.shared.IndexGroup` tokenises each segment once and looks for
the stemmed phrases of every index in one pass; each index then matches with its share.
Its evidence and rejected mentions, in order, must equal the index matching the profile
alone: on every example, on texts made of the rubrics' own phrases (hypothesis), and on
the real resumes of ``../shared/corpus`` when it is there.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillgap.analysis import analyze, analyze_numbers, prepared_for
from skillgap.batch.many import score_many
from skillgap.errors import SkillgapError
from skillgap.matching.index import SkillIndex
from skillgap.matching.shared import IndexGroup
from skillgap.profiles import load_profile
from skillgap.profiles.model import Profile, TextSegment
from skillgap.rubric.parse import load_rubric
from skillgap.text import word_norms
from tests.conftest import CORPUS, EXAMPLES, FIXTURES

BUNDLED = ("principal-ml-engineer", "ml-engineer-entry", "ml-engineer-mid", "ml-engineer-senior")
PREPARED = [prepared_for(load_rubric(name)) for name in BUNDLED]
#: The bundled rubrics' indexes, a small rubric with no achievements (a narrower reach
#: for phrases), and one index twice (one phrase behind several forms of a group).
INDEXES: list[SkillIndex] = [
    *(p.index for p in PREPARED),
    prepared_for(load_rubric(FIXTURES / "mini-rubric.yaml")).index,
    PREPARED[1].index,
]
GROUP = IndexGroup(INDEXES)
AS_OF = dt.date(2026, 1, 1)


def _assert_same(profile: Profile) -> None:
    reads = GROUP.read(profile)
    assert len(reads) == len(INDEXES)
    for index, read in zip(INDEXES, reads, strict=True):
        for contexts in (True, False):
            shared = index.match_profile(
                profile, contexts=contexts, tokens=read.tokens, phrases=read.phrases
            )
            assert shared == index.match_profile(profile, contexts=contexts)


def _profiles_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name != "PROVENANCE.md")


@pytest.mark.parametrize("path", _profiles_in(EXAMPLES), ids=lambda p: p.name)
def test_every_example_is_matched_the_same_through_a_group(path: Path) -> None:
    _assert_same(load_profile(path))


def test_a_group_finds_phrases_and_achievements_at_all() -> None:
    """Not vacuous: the examples hold stemmed phrases, and the group finds them."""
    profile = load_profile(EXAMPLES / "senior-ml-engineer.md")
    reads = GROUP.read(profile)
    assert all(sum(map(len, read.phrases)) > 0 for read in reads[:4])
    methods = {
        e.method
        for read, index in zip(reads, INDEXES, strict=True)
        for found in index.match_profile(
            profile, tokens=read.tokens, phrases=read.phrases
        ).evidence.values()
        for e in found
    }
    assert {"achievement", "exact", "alias"} <= methods


#: Every word of the bundled rubrics' forms and achievements, with inflections and the
#: words that decide how phrases and achievements read (gaps, clauses, passives, gains).
_WORDS = sorted(
    {
        word
        for prepared in PREPARED
        for skill in prepared.index.skills.values()
        for text in (
            *skill.forms(),
            *(a for ach in skill.achievements for a in (*ach.actions, *ach.objects, *ach.about)),
        )
        for norm in word_norms(text)
        for word in (norm, norm + "s", norm + "ed", norm + "ing")
        if norm
    }
    | {"the", "a", "to", "by", "with", "led", "up", "+12%", "3x", "not", "no", "team", "we"}
)
_SEPARATORS = st.sampled_from([" ", " ", " ", " ", ", ", ". ", "; ", "\n", "\n\n", " - ", ": "])
_TEXTS = st.lists(
    st.lists(st.tuples(st.sampled_from(_WORDS), _SEPARATORS), max_size=40).map(
        lambda items: "".join(word + sep for word, sep in items)
    ),
    min_size=1,
    max_size=3,
)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
@given(_TEXTS)
def test_generated_texts_are_matched_the_same_through_a_group(texts: list[str]) -> None:
    segments = tuple(TextSegment("text", text, n * 10 + 1) for n, text in enumerate(texts))
    _assert_same(Profile(source="generated", format="text", sha256="0" * 64, segments=segments))


_CORPUS = (
    [p for p in _profiles_in(CORPUS) if p.suffix.lower() in (".txt", ".md", ".json", ".docx")]
    if CORPUS.is_dir()
    else []
)


@pytest.mark.skipif(not _CORPUS, reason="../shared/corpus is not here")
def test_the_corpus_resumes_are_matched_the_same_through_a_group() -> None:
    checked = 0
    for path in _CORPUS:
        try:
            profile = load_profile(path)
        except SkillgapError:  # a vocabulary file, say: not a profile
            continue
        _assert_same(profile)
        checked += 1
    assert checked >= 20


def test_reports_and_numbers_through_a_group_are_those_of_each_rubric_alone() -> None:
    group = IndexGroup([p.index for p in PREPARED])
    for path in _profiles_in(EXAMPLES):
        profile = load_profile(path)
        for prepared, read in zip(PREPARED, group.read(profile), strict=True):
            assert analyze(profile, prepared, as_of=AS_OF, text=read) == analyze(
                profile, prepared, as_of=AS_OF
            )
            assert analyze_numbers(profile, prepared, as_of=AS_OF, text=read) == analyze_numbers(
                profile, prepared, as_of=AS_OF
            )


def test_score_many_over_four_rubrics_equals_each_rubric_alone() -> None:
    inputs = [str(p) for p in _profiles_in(EXAMPLES)]
    for reports in (True, False):
        together = list(score_many(inputs, list(BUNDLED), as_of=AS_OF, reports=reports))
        alone = {
            name: list(score_many(inputs, [name], as_of=AS_OF, reports=reports)) for name in BUNDLED
        }
        assert len(together) == len(inputs) * len(BUNDLED)
        for n, row in enumerate(together):
            assert row == alone[BUNDLED[n % len(BUNDLED)]][n // len(BUNDLED)]

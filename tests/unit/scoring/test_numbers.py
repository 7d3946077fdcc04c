"""The lean scoring path (skillgap.analysis.analyze_numbers) gives the full report's
numbers: overall score, verdict, area scores, every requirement's score and status, the
unmet must-haves and the gaps ranked with their gains. The full path is the reference,
on every example and corpus resume, against every bundled rubric, and on generated
resumes."""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from pathlib import Path

import pytest
from benchmarks.synthetic import rubric_vocabulary, synthetic_resume
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillgap.analysis import PreparedRubric, analyze, analyze_numbers
from skillgap.profiles import load_profile
from skillgap.profiles.model import Profile
from skillgap.rubric.bundled import bundled_rubric_ids
from skillgap.rubric.parse import load_rubric
from tests.conftest import CORPUS, EXAMPLES, FIXTURES
from tests.helpers.strategies import TEXTS

AS_OF = dt.date(2026, 12, 1)
RUBRICS = [PreparedRubric.of(load_rubric(i)) for i in bundled_rubric_ids()]
RUBRICS.append(PreparedRubric.of(load_rubric(FIXTURES / "mini-rubric.yaml")))
_SUFFIXES = {".txt", ".md", ".json", ".yaml", ".pdf", ".docx"}


def same_numbers(profile: Profile, prepared: PreparedRubric) -> None:
    report = analyze(profile, prepared, as_of=AS_OF)
    numbers = analyze_numbers(profile, prepared, as_of=AS_OF)
    rubric = prepared.rubric
    assert numbers.overall == report.overall.score
    assert numbers.verdict == report.overall.verdict
    assert numbers.area_scores == tuple(a.score for a in report.areas)
    assert numbers.factors == tuple(a.subject_factor for a in report.areas)
    assert [[(r.id, r.score, r.status) for r in area] for area in numbers.requirements] == [
        [(r.id, r.score, r.status) for r in area.requirements] for area in report.areas
    ]
    assert numbers.blocking(rubric) == report.overall.blocking
    assert [
        (numbers.requirement_of(rubric, g).id, g.gain, g.unlocks, g.blocking) for g in numbers.gaps
    ] == [(g.requirement, g.gain, g.unlocks, g.blocking) for g in report.gaps]


def _inputs(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in _SUFFIXES)


@pytest.mark.parametrize("path", _inputs(EXAMPLES), ids=lambda p: p.name)
def test_every_example_has_the_full_reports_numbers(path: Path) -> None:
    profile = load_profile(path)
    for prepared in RUBRICS:
        same_numbers(profile, prepared)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repo")
def test_every_corpus_resume_has_the_full_reports_numbers() -> None:
    checked = 0
    for path in _inputs(CORPUS / "resumes") + _inputs(CORPUS / "fresh"):
        try:
            profile = load_profile(path)
        except Exception:
            continue  # not a resume (a schema file, a posting): refused either way
        for prepared in RUBRICS:
            same_numbers(profile, prepared)
        checked += 1
    assert checked >= 50


VOCABULARY = rubric_vocabulary()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), noise=st.lists(TEXTS, max_size=5))
def test_generated_resumes_have_the_full_reports_numbers(seed: int, noise: list[str]) -> None:
    text = synthetic_resume(random.Random(seed), VOCABULARY) + "\n" + "\n".join(noise)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "resume.txt"
        path.write_text(text, encoding="utf-8")
        profile = load_profile(path)
    for prepared in RUBRICS:
        same_numbers(profile, prepared)

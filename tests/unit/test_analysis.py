"""Analysis (skillgap.analysis): placing a candidate on a career ladder, and the invariants
of ``analyze`` that must hold for any profile.

Placement is at the highest level fully met (no unmet must-have, score at least the
ladder's ``min_score``); the gap to the next level is its blocking gaps, then its biggest
gains. Property tests (hypothesis), with real files on disk and bounded examples so the
suite stays quick:

- no exception and scores within bounds for any text;
- determinism: the same input twice gives byte-identical JSON;
- identity invariance: name, e-mail, phone, location and links never change a score;
- monotonicity: adding a genuine mention of a rubric skill never lowers any score;
- order invariance: shuffling a declared skills list changes no score.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillgap.analysis import GAPS_TO_NEXT, analyze, place
from skillgap.errors import InputError
from skillgap.profiles import load_profile
from skillgap.render import RenderOptions, render
from skillgap.report.model import GapReport
from skillgap.rubric.ladder import LoadedLadder, load_ladder
from skillgap.rubric.parse import load_rubric
from tests.conftest import EXAMPLES, ROOT
from tests.helpers.bundled import INDEX, RUBRIC
from tests.helpers.rubrics import MINI, write_ladder
from tests.helpers.strategies import HYPOTHESIS_EXAMPLES

AS_OF = dt.date(2026, 1, 15)
JUNIOR = EXAMPLES / "junior-ml-engineer-profile.yaml"
SENIOR = EXAMPLES / "senior-ml-engineer-profile.yaml"


# --------------------------------------------------------------------------- placement


def test_junior_is_placed_at_entry_level(ml_ladder: LoadedLadder) -> None:
    placement = place(load_profile(JUNIOR), ml_ladder, as_of=AS_OF)
    assert (placement.placed, placement.next) == ("ml-engineer-entry", "ml-engineer-mid")
    assert [level.fully_met for level in placement.levels] == [True, False, False, False]


def test_senior_is_placed_at_senior_level(ml_ladder: LoadedLadder) -> None:
    placement = place(load_profile(SENIOR), ml_ladder, as_of=AS_OF)
    assert (placement.placed, placement.next) == ("ml-engineer-senior", "principal-ml-engineer")
    principal = placement.levels[-1]
    assert principal.blocking == ("years-experience",) and not principal.fully_met


def test_fully_met_means_no_blocking_gap_and_score_at_least_min_score(
    ml_ladder: LoadedLadder,
) -> None:
    placement = place(load_profile(SENIOR), ml_ladder, as_of=AS_OF)
    for level in placement.levels:
        expected = not level.blocking and level.score >= placement.min_score
        assert level.fully_met is expected, level.name
        assert level.short_by == round(max(0.0, placement.min_score - level.score), 1)
    assert "highest level fully met" in placement.rule


def test_gap_to_next_is_the_next_levels_blocking_gaps_then_biggest_gains(
    ml_ladder: LoadedLadder,
) -> None:
    profile = load_profile(SENIOR)
    placement = place(profile, ml_ladder, as_of=AS_OF)
    principal = analyze(profile, load_rubric("principal-ml-engineer"), as_of=AS_OF)
    blocking = [g for g in principal.gaps if g.blocking]
    others = [g for g in principal.gaps if not g.blocking and g.gain > 0][:GAPS_TO_NEXT]
    assert list(placement.gap_to_next) == [*blocking, *others]
    assert placement.gap_to_next[0].requirement == "years-experience"


def test_nobody_placed_when_no_level_is_fully_met(ml_ladder: LoadedLadder, tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    path.write_text("headline: Barista\nsummary: Makes excellent coffee.\n", "utf-8")
    placement = place(load_profile(path), ml_ladder, as_of=AS_OF)
    assert placement.placed is None and placement.placed_name is None
    assert placement.next == "ml-engineer-entry"
    assert placement.gap_to_next and placement.gap_to_next[0].blocking


def test_top_of_the_ladder_has_no_next_level(tmp_path: Path) -> None:
    path = write_ladder(
        tmp_path,
        "id: easy\ntitle: Easy\nmin_score: 1\nlevels:\n"
        "  - rubric: ml-engineer-entry\n"
        "  - rubric: ml-engineer-mid\n",
    )
    placement = place(load_profile(SENIOR), load_ladder(path), as_of=AS_OF)
    assert placement.placed == "ml-engineer-mid"
    assert placement.next is None and placement.gap_to_next == ()


def test_placement_is_deterministic(ml_ladder: LoadedLadder) -> None:
    profile = load_profile(JUNIOR)
    first = place(profile, ml_ladder, as_of=AS_OF).model_dump_json()
    assert place(profile, ml_ladder, as_of=AS_OF).model_dump_json() == first


# --------------------------------------------------------------------------- properties

#: The date the property tests score on.
PROPERTY_AS_OF = dt.date(2026, 11, 1)
SKILL_NAMES = sorted({s.name for _, r in RUBRIC.iter_requirements() for s in r.skills})
PLAIN_SKILLS = [
    n
    for n in SKILL_NAMES
    if not any(s.ambiguous for _, r in RUBRIC.iter_requirements() for s in r.skills if s.name == n)
]

SETTINGS = settings(
    max_examples=HYPOTHESIS_EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)

WORDS = st.sampled_from(
    [
        "Python",
        "built",
        "models",
        "with",
        "PyTorch",
        "no",
        "experience",
        "in",
        "Spark",
        "R",
        "Go",
        "led",
        "a",
        "team",
        "of",
        "engineers",
        "JavaScript",
        "scalable",
        "R&D",
        "k8s",
        "sklearn",
        "Tensor",
        "Flow",
        "mentored",
        "never",
        "used",
        "AWS",
        "the",
        "and",
        ",",
        ".",
        "\n",
        "-",
        "go-to-market",
        "C++",
        "C#",
        "Pyhton",
        "2015",
        "–",
        "Present",
        "(",
        ")",
        "•",
        "**",
        "#",
        "[bold]",
        "\x1b[2J",
        "\u202e",
        "é",
        "ﬁ",
    ]
)
TEXTS = st.one_of(
    st.lists(WORDS, min_size=1, max_size=60).map(" ".join),
    st.text(min_size=1, max_size=300),
)


def write(folder: str, name: str, text: str) -> Path:
    path = Path(folder) / name
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return path


def run(path: Path) -> GapReport:
    return analyze(load_profile(path), RUBRIC, index=INDEX, as_of=PROPERTY_AS_OF)


def scores(report: GapReport) -> list[tuple[str, float]]:
    return [(r.id, r.score) for a in report.areas for r in a.requirements]


@SETTINGS
@given(text=TEXTS)
def test_any_text_scores_within_bounds_or_is_refused_cleanly(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        try:
            path = write(folder, "r.txt", text)
        except UnicodeEncodeError:
            return  # lone surrogates cannot be written as UTF-8 at all
        try:
            report = run(path)
        except InputError as exc:
            assert "\n" not in str(exc)
            return
        assert 0.0 <= report.overall.score <= 100.0
        for area in report.areas:
            assert 0.0 <= area.score <= 1.0
            for requirement in area.requirements:
                assert 0.0 <= requirement.score <= 1.0
        assert run(path).to_json() == report.to_json()  # deterministic


@SETTINGS
@given(
    name=st.one_of(
        st.sampled_from(["Go Python", "Rust Keras", "Julia Spark", "Ray Hive Scala"]),
        st.text(
            st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=30
        ).filter(lambda s: s.strip()),
    ),
    email=st.emails(),
    phone=st.from_regex(r"\+\d{2} \d{3} \d{3} \d{4}", fullmatch=True),
    location=st.sampled_from(["Go, Nigeria", "Python, Wyoming", "Spark City", "Oslo"]),
    link=st.sampled_from(["https://github.com/pytorch-fan", "https://k8s.example/Go"]),
)
def test_identity_never_changes_a_score(
    name: str, email: str, phone: str, location: str, link: str
) -> None:
    body = {
        "summary": "Led a team of 5 building PyTorch models on Kubernetes.",
        "skills": [{"name": "Python", "level": "expert"}, "SQL"],
    }
    with tempfile.TemporaryDirectory() as folder:
        plain = run(write(folder, "a.json", json.dumps(body)))
        named = run(
            write(
                folder,
                "b.json",
                json.dumps(
                    {
                        "name": name,
                        "email": email,
                        "phone": phone,
                        "location": location,
                        "links": [link],
                        **body,
                    }
                ),
            )
        )
        text_plain = run(write(folder, "a.txt", f"\n\nSUMMARY\n{body['summary']}\n"))
        text_named = run(
            write(
                folder,
                "b.txt",
                f"{name.splitlines()[0] if name.strip() else ''}"
                f"\n{email} | {phone} | {link}\n\nSUMMARY\n{body['summary']}\n",
            )
        )
    assert scores(plain) == scores(named)
    assert plain.overall.score == named.overall.score
    assert scores(text_plain) == scores(text_named)


@SETTINGS
@given(
    text=st.lists(WORDS, min_size=1, max_size=40).map(" ".join), skill=st.sampled_from(PLAIN_SKILLS)
)
def test_adding_a_genuine_mention_never_lowers_a_score(text: str, skill: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        before_path = write(folder, "a.txt", f"SUMMARY\n{text}\n")
        after_path = write(
            folder, "b.txt", f"SUMMARY\n{text}\n\nEXPERIENCE\nUsed {skill} daily in production.\n"
        )
        try:
            before = run(before_path)
        except InputError:  # an unusable 'before' (no text) has nothing to compare
            return
        after = run(after_path)
    for (rid, old), (_, new) in zip(scores(before), scores(after), strict=True):
        assert new >= old, f"{rid} fell from {old} to {new} after adding {skill!r}"


@SETTINGS
@given(
    order=st.permutations(
        [
            "Python",
            "PyTorch",
            "Kubernetes",
            "AWS",
            "SQL",
            "Spark",
            "R",
            "Team leadership",
            "Mentoring",
            "MLflow",
        ]
    )
)
def test_shuffling_declared_skills_changes_no_score(order: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        sorted_report = run(
            write(
                folder, "a.yaml", "skills:\n" + "".join(f"  - {name}\n" for name in sorted(order))
            )
        )
        shuffled = run(
            write(folder, "b.yaml", "skills:\n" + "".join(f"  - {name}\n" for name in order))
        )
    assert scores(sorted_report) == scores(shuffled)
    assert sorted_report.overall == shuffled.overall


# --------------------------------------------------------------------------- the ladder

LADDER = load_ladder("ml-engineer")
JOB_TITLES = [
    "Machine Learning Engineer",
    "Senior Data Scientist",
    "Backend Engineer",
    "ML Platform Lead",
    "Research Scientist",
]
LINES = [
    "Led a team of 6 ML engineers.",
    "Deployed PyTorch models on Kubernetes with MLflow.",
    "Presented the forecasting roadmap to the CFO.",
    "Built Spark pipelines on AWS.",
    "Mentored two junior engineers.",
    "Designed A/B tests for the ranking models.",
    "Published a paper at NeurIPS.",
    "Ran the fairness review of the credit model.",
    "Did an ML internship at a startup.",
    "Hired four engineers and set the team's ML roadmap.",
]
LEVEL_NAMES = [None, "beginner", "working", "advanced", "expert"]
JOBS = st.lists(
    st.tuples(
        st.sampled_from(JOB_TITLES),
        st.integers(2004, 2024),
        st.integers(1, 12),
        st.integers(3, 120),
        st.lists(st.sampled_from(LINES), max_size=3),
    ),
    max_size=3,
)
SKILLS = st.lists(
    st.tuples(st.sampled_from(PLAIN_SKILLS), st.sampled_from(LEVEL_NAMES)),
    max_size=8,
    unique_by=lambda pair: pair[0],
)
PARTS = st.tuples(JOBS, SKILLS, st.lists(st.sampled_from(LINES), max_size=4))
Parts = tuple[
    list[tuple[str, int, int, int, list[str]]],
    list[tuple[str, str | None]],
    list[str],
]


def profile_json(parts: Parts) -> str:
    """A skillgap profile of jobs (title, start year, month, months long, highlights),
    declared skills (name, level) and summary lines, as JSON."""
    jobs, skills, lines = parts
    experience = []
    for title, year, month, months, highlights in jobs:
        end = min(year * 12 + month - 1 + months, 2026 * 12 + 9)
        experience.append(
            {
                "title": title,
                "start": f"{year}-{month:02d}",
                "end": f"{end // 12}-{end % 12 + 1:02d}",
                "highlights": highlights,
            }
        )
    declared = [{"name": name, "level": level} if level else name for name, level in skills]
    summary = " ".join(["Engineer.", *lines])
    return json.dumps({"summary": summary, "experience": experience, "skills": declared})


def placement_index(folder: str, name: str, parts: Parts) -> tuple[int, list[float], list[bool]]:
    placement = place(load_profile(write(folder, name, profile_json(parts))), LADDER, as_of=AS_OF)
    ids = [level.rubric.id for level in placement.levels]
    index = ids.index(placement.placed) if placement.placed else -1
    return index, [level.score for level in placement.levels], [lv.met for lv in placement.levels]


@SETTINGS
@given(base=PARTS, extra=PARTS)
def test_more_experience_skills_or_evidence_never_lowers_the_placement(
    base: Parts, extra: Parts
) -> None:
    """Ladders are monotone: adding jobs, declared skills or evidence to a profile never
    lowers its score at any level nor its placement; and placed at a level means every
    level below it is met (docs/ladder.md)."""
    known = {name for name, _ in base[1]}
    more: Parts = (
        base[0] + extra[0],
        base[1] + [pair for pair in extra[1] if pair[0] not in known],
        base[2] + extra[2],
    )
    with tempfile.TemporaryDirectory() as folder:
        before, before_scores, before_met = placement_index(folder, "a.json", base)
        after, after_scores, after_met = placement_index(folder, "b.json", more)
    assert after >= before
    assert all(a >= b for a, b in zip(after_scores, before_scores, strict=True))
    for index, met in ((before, before_met), (after, after_met)):
        assert met == [i <= index for i in range(len(met))]


def test_levels_below_the_placement_are_met_through_it(tmp_path: Path) -> None:
    """A level below the highest one fully met is met even when its own rubric is not:
    a ladder is cumulative (here the lower level asks for Kaggle, which this Python
    programmer never did)."""
    (tmp_path / "low.yaml").write_text(
        MINI.replace("id: mini", "id: low").replace("name: Python", "name: Kaggle")
        + "        must_have: true\n",
        "utf-8",
    )
    (tmp_path / "high.yaml").write_text(MINI.replace("id: mini", "id: high"), "utf-8")
    ladder = write_ladder(
        tmp_path,
        "id: two\ntitle: Two\nlevels:\n  - rubric: low.yaml\n  - rubric: high.yaml\n",
    )
    profile = tmp_path / "me.yaml"
    profile.write_text("skills: [Python]\n", "utf-8")
    loaded = load_ladder(ladder)
    placement = place(load_profile(profile), loaded, as_of=AS_OF)
    lower, higher = placement.levels
    assert placement.placed == "high" and higher.fully_met and higher.met
    assert lower.blocking == ("languages",) and not lower.fully_met and lower.met
    assert "every level below it counts as met" in placement.rule
    report = analyze(load_profile(profile), loaded.rubrics[-1], ladder=loaded, as_of=AS_OF)
    assert "[x] Mini    0.0  met: Mini is fully met" in render(
        report, "terminal", RenderOptions(width=120)
    )


def test_a_rubric_loaded_again_is_prepared_once(tmp_path: Path) -> None:
    """The README's loop loads the rubric for every file: the same content from the same
    file is prepared once; other content, or the same content from another file (the
    report names it), is prepared on its own; only the last few are kept."""
    from skillgap.analysis import _PREPARED_LIMIT, prepared_for
    from skillgap.rubric.parse import load_rubric

    first, again = prepared_for(load_rubric()), prepared_for(load_rubric())
    assert first is again
    text = (ROOT / "tests" / "fixtures" / "mini-rubric.yaml").read_text("utf-8")
    copy_a, copy_b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    copy_a.write_text(text, "utf-8")
    copy_b.write_text(text, "utf-8")
    prepared_a = prepared_for(load_rubric(copy_a))
    assert prepared_for(load_rubric(copy_a)) is prepared_a
    prepared_b = prepared_for(load_rubric(copy_b))
    assert prepared_b is not prepared_a and prepared_b.rubric.origin == load_rubric(copy_b).origin
    copy_a.write_text(text.replace("weight: 3", "weight: 4", 1), "utf-8")
    assert prepared_for(load_rubric(copy_a)) is not prepared_a  # edited: prepared afresh
    for i in range(_PREPARED_LIMIT):
        other = tmp_path / f"other{i}.yaml"
        other.write_text(text, "utf-8")
        prepared_for(load_rubric(other))
    assert prepared_for(load_rubric()) is not first  # pushed out by newer ones

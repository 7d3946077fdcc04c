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
from skillgap.report.model import GapReport
from skillgap.rubric.ladder import LoadedLadder, load_ladder
from skillgap.rubric.parse import load_rubric
from tests.conftest import EXAMPLES
from tests.helpers.bundled import INDEX, RUBRIC
from tests.helpers.rubrics import write_ladder
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

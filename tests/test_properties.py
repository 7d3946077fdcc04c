"""Property tests (hypothesis): invariants that must hold for any profile.

- no exception and scores within bounds for any text;
- determinism: the same input twice gives byte-identical JSON;
- identity invariance: name, e-mail, phone, location and links never change a score;
- monotonicity: adding a genuine mention of a rubric skill never lowers any score;
- order invariance: shuffling a declared skills list changes no score.

Examples are bounded so the suite stays quick; files are real files on disk.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillgap.analysis import analyze
from skillgap.errors import InputError
from skillgap.matching.index import SkillIndex
from skillgap.profiles import load_profile
from skillgap.report.model import GapReport
from skillgap.rubric.parse import load_rubric

RUBRIC = load_rubric()
INDEX = SkillIndex(RUBRIC)
AS_OF = dt.date(2026, 11, 1)
SKILL_NAMES = sorted({s.name for _, r in RUBRIC.iter_requirements() for s in r.skills})
PLAIN_SKILLS = [
    n
    for n in SKILL_NAMES
    if not any(s.ambiguous for _, r in RUBRIC.iter_requirements() for s in r.skills if s.name == n)
]

# CI runs a bounded number of examples; set SKILLGAP_HYPOTHESIS_EXAMPLES=1000 to dig deeper.
EXAMPLES = int(os.environ.get("SKILLGAP_HYPOTHESIS_EXAMPLES", "40"))
SETTINGS = settings(
    max_examples=EXAMPLES,
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
    return analyze(load_profile(path), RUBRIC, index=INDEX, as_of=AS_OF)


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

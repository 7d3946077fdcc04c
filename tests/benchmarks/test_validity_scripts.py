"""The validity scripts (benchmarks/validity/) run end to end on tiny data of their own.

A two-person paraphrase set and a three-resume "corpus" with its judgments are written
to ``tmp_path``; each script's ``main()`` runs on them, and the table, the summary, the
JSON figures, ``--check`` and the skip without a corpus are checked. Nothing here reads
the real corpus.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks.validity import agreement, paraphrase_spread

#: Written into every fake resume: no script may print or write it.
SECRET = "Quillon Zephyrine"

ML_RESUME = f"""\
{SECRET}
quillon@example.com

Summary
Senior machine learning engineer with 9 years of experience building and deploying
models to production. Led a team of 5 engineers.

Experience
Senior ML Engineer, Example Corp, Jan 2019 - Present
- Trained PyTorch and TensorFlow models; deployed them with Docker and Kubernetes on AWS.
- Built MLOps pipelines with MLflow; mentored junior engineers.

ML Engineer, Sample Ltd, Jun 2016 - Dec 2018
- Built scikit-learn models in Python and SQL; ran A/B tests.

Skills
Python (expert), PyTorch (advanced), TensorFlow (advanced), scikit-learn, SQL, Spark

Education
MSc Computer Science, Example University, 2016
"""

MID_RESUME = f"""\
{SECRET}

Summary
Data scientist, 3 years, building classification models in Python.

Experience
Data Scientist, Example Corp, Mar 2023 - Present
- scikit-learn and XGBoost models for churn; SQL and pandas.

Education
BSc Statistics, Example University, 2022
"""

NON_ML_RESUME = f"""\
{SECRET}

Summary
Front-end developer building web pages.

Experience
Web Developer, Example Corp, Jan 2021 - Present
- HTML, CSS and React components for a shop.

Education
BA Design, Example College, 2020
"""


def write_paraphrase_set(folder: Path) -> None:
    """Person 1: three identical versions; person 2: one version and an empty file."""
    folder.mkdir()
    (folder / "people.yaml").write_text(
        "version: 1\n"
        "people:\n"
        "  - {id: 01-same, level: senior, years: 9.9}\n"
        "  - {id: 02-broken, level: none, years: 5.0}\n",
        encoding="utf-8",
    )
    same = folder / "01-same"
    same.mkdir()
    for name in ("a.md", "b.txt", "c.txt"):
        (same / name).write_text(ML_RESUME, encoding="utf-8")
    broken = folder / "02-broken"
    broken.mkdir()
    (broken / "a.md").write_text(NON_ML_RESUME, encoding="utf-8")
    (broken / "c.txt").write_text("", encoding="utf-8")  # skillgap refuses an empty file


def canonical(path: Path) -> bool:
    """The file is JSON as the scripts promise it: sorted keys, indented, final newline."""
    text = path.read_text(encoding="utf-8")
    return text == json.dumps(json.loads(text), indent=2, sort_keys=True) + "\n"


def test_paraphrase_spread(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "set"
    write_paraphrase_set(folder)
    out_json = tmp_path / "out" / "spread.json"

    # --check: person 2 has a version skillgap cannot read, so a target is missed.
    assert paraphrase_spread.main(["--set", str(folder), "--json", str(out_json), "--check"]) == 1
    out = capsys.readouterr().out
    assert "01-same" in out and "02-broken" in out
    assert "c.txt: not read: file is empty" in out
    assert "Summary: 2 people, 5 versions (1 not read)" in out
    assert "overall spread <= 3 points: 1 of 2" in out
    assert SECRET not in out

    assert canonical(out_json)
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert sorted(data) == ["measured_against", "people", "summary"]
    assert data["measured_against"]["as_of"] == "2026-06-01"
    same, broken = data["people"]
    assert same["id"] == "01-same" and sorted(same["versions"]) == ["a.md", "b.txt", "c.txt"]
    assert same["overall_spread"] == 0.0 and same["max_area_spread"] == 0.0
    assert not same["placement_changes"]
    assert same["meets_spread_target"] and same["meets_placement_target"]
    version = same["versions"]["a.md"]
    assert sorted(version) == ["areas", "blocked", "level_scores", "overall", "placed", "years"]
    assert version["placed"] in {"none", "entry", "mid", "senior", "principal"}
    assert len(version["level_scores"]) == 4
    assert broken["versions"]["c.txt"] == {"error": "not read: file is empty: nothing to score"}
    assert not broken["meets_spread_target"]
    summary = data["summary"]
    assert summary["people_spread_within_target"] == 1
    assert summary["versions_not_read"] == 1
    assert summary["targets"]["overall_spread_met"] is False
    assert SECRET not in out_json.read_text(encoding="utf-8")


def write_corpus(folder: Path) -> Path:
    """Three fake resumes, a corrupt PDF, and judgments of all four."""
    (folder / "text").mkdir(parents=True)
    (folder / "text" / "one.txt").write_text(ML_RESUME, encoding="utf-8")
    (folder / "text" / "two.md").write_text(MID_RESUME, encoding="utf-8")
    (folder / "text" / "three.txt").write_text(NON_ML_RESUME, encoding="utf-8")
    (folder / "text" / "four.pdf").write_bytes(b"%PDF-1.4\nbroken")  # skillgap cannot read it
    judgments = folder.parent / "judgments.yaml"
    judgments.write_text(
        "version: 1\n"
        "judgments:\n"
        "  - {file: text/one.txt, fit: 8, level: senior, ml_practitioner: true, reason: r}\n"
        "  - {file: text/two.md, fit: 4, level: mid, ml_practitioner: true, reason: r}\n"
        "  - {file: text/three.txt, fit: 0, level: none, ml_practitioner: false, reason: r}\n"
        "  - {file: text/four.pdf, fit: 3, level: mid, ml_practitioner: true, reason: r}\n",
        encoding="utf-8",
    )
    return judgments


def test_agreement(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    judgments = write_corpus(corpus)
    out_json = tmp_path / "agreement.json"
    args = ["--corpus", str(corpus), "--judgments", str(judgments), "--json", str(out_json)]

    code = agreement.main([*args, "--check"])
    out = capsys.readouterr().out
    for name in ("text/one.txt", "text/two.md", "text/three.txt", "text/four.pdf"):
        assert name in out
    assert "(not read: " in out
    assert "Summary: 3 of 4 judged files scored" in out
    assert "Spearman rho, judged fit vs skillgap score" in out
    assert SECRET not in out

    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert sorted(data) == ["files", "measured_against", "summary"]
    one, _, three, four = data["files"]
    assert sorted(one) == [
        "blocked",
        "file",
        "judged_fit",
        "judged_level",
        "level_scores",
        "ml_practitioner",
        "naive_skills",
        "placed",
        "score",
    ]
    assert one["naive_skills"] > three["naive_skills"]
    assert one["score"] > three["score"]
    assert sorted(four) == ["error", "file", "judged_fit", "judged_level", "ml_practitioner"]
    summary = data["summary"]
    assert summary["judged"] == 4 and summary["scored"] == 3
    assert summary["not_read"] == ["text/four.pdf"]
    for key in ("spearman_rho", "spearman_rho_naive"):
        assert -1.0 <= summary[key] <= 1.0
    assert summary["ml_practitioners_scored"] == 2
    assert sum(sum(row.values()) for row in summary["levels_judged_vs_placed"].values()) == 3
    assert sorted(summary["targets"]) == [
        "ml_at_no_level_max",
        "ml_at_no_level_met",
        "rho_margin_met",
        "rho_margin_min",
        "rho_met",
        "rho_min",
        "within_one_level_met",
        "within_one_level_min",
    ]
    assert canonical(out_json)
    assert SECRET not in out_json.read_text(encoding="utf-8")
    missed = not all(v for k, v in summary["targets"].items() if k.endswith("_met"))
    assert code == (1 if missed else 0)


def test_agreement_skips_without_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_json = tmp_path / "agreement.json"
    code = agreement.main(
        ["--corpus", str(tmp_path / "absent"), "--json", str(out_json), "--check"]
    )
    assert code == 0
    assert "corpus not found" in capsys.readouterr().out
    assert not out_json.exists()

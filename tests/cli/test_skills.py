"""``skillgap skills search|show``: the knowledge base from the command line."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from skillgap.cli import app


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["skills", *args])
    return result.exit_code, result.stdout, result.stderr


def test_search_lists_the_closest_skills_with_their_category() -> None:
    code, out, _ = invoke("search", "golang")
    assert code == 0
    assert out.splitlines()[0].startswith("Go  (as 'Golang')  [programming-languages /")


def test_search_forgives_a_misspelling_and_answers_in_json() -> None:
    code, out, _ = invoke("search", "kubernets", "--limit", "3", "--format", "json")
    assert code == 0
    results = json.loads(out)["results"]
    assert len(results) <= 3 and results[0]["name"] == "Kubernetes"
    assert {"name", "category", "group", "aliases", "matched", "similarity"} <= set(results[0])


def test_show_tells_everything_including_the_guards() -> None:
    code, out, _ = invoke("show", "golang")
    assert code == 0
    assert out.startswith("Go\n") and "aliases: Golang" in out
    assert "ambiguous: Go (only in these capitals)" in out and "goroutines" in out
    assert "not counted in:" in out and "go-to-market" in out


def test_show_in_json_has_every_field() -> None:
    code, out, _ = invoke("show", "k8s", "-f", "json")
    data = json.loads(out)
    assert code == 0 and data["name"] == "Kubernetes" and data["category"] == "cloud-devops"
    for key in ("aliases", "ambiguous", "context", "case_sensitive", "exact", "exclude", "implies"):
        assert key in data


def test_an_unknown_name_exits_1_with_a_suggestion() -> None:
    code, out, err = invoke("show", "kubernets")
    assert code == 1 and out == ""
    assert "'kubernets' is not in the knowledge base; did you mean 'Kubernetes'" in err


def test_a_wrong_format_is_a_usage_error() -> None:
    code, _, err = invoke("show", "Python", "--format", "yaml")
    assert code == 2 and "is not one of: terminal, json" in err

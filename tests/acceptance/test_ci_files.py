"""The pre-commit hook we publish, our own pre-commit config, docs/ci.md's snippets, and
the top-level ``rubrics`` link they validate through."""

from __future__ import annotations

import re
import shlex
import subprocess
from typing import Any

import pytest
import yaml

from skillgap.lint.registry import RULES
from skillgap.lint.validate import validate_paths
from tests.conftest import ROOT

HOOKS: list[dict[str, Any]] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
CONFIG: dict[str, Any] = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
CI_DOC = (ROOT / "docs" / "ci.md").read_text("utf-8")


def published_hook() -> dict[str, Any]:
    (hook,) = [h for h in HOOKS if h["id"] == "skillgap-validate"]
    return hook


def test_published_hook_runs_validate_in_its_own_python_environment() -> None:
    hook = published_hook()
    assert hook["entry"] == "skillgap validate"
    assert hook["language"] == "python"
    assert hook["types"] == ["yaml"]


@pytest.mark.parametrize(
    ("path", "picked"),
    [
        ("rubrics/data-scientist.yaml", True),
        ("teams/ml/rubrics/principal.yml", True),
        ("roles/principal.rubric.yaml", True),
        ("src/skillgap/rubrics/principal-ml-engineer.yaml", True),
        (".github/workflows/ci.yml", False),
        ("config.yaml", False),
        ("rubrics/README.md", False),
    ],
)
def test_published_hook_picks_rubric_files(path: str, picked: bool) -> None:
    assert bool(re.search(published_hook()["files"], path)) is picked


def test_our_config_uses_the_hook_on_the_bundled_rubrics() -> None:
    (repo,) = CONFIG["repos"]
    (hook,) = repo["hooks"]
    assert hook["id"] == published_hook()["id"]
    assert shlex.split(hook["entry"]) == ["skillgap", "validate", "--strict"]
    assert re.search(hook["files"], "src/skillgap/rubrics/principal-ml-engineer.yaml")
    assert not re.search(hook["files"], "tests/fixtures/rubrics/invalid/unknown-key/rubric.yaml")


def yaml_blocks(text: str) -> list[Any]:
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", text, re.S)]


def test_ci_doc_workflow_runs_strict_validation() -> None:
    workflows = [b for b in yaml_blocks(CI_DOC) if isinstance(b, dict) and "jobs" in b]
    assert workflows
    steps = workflows[0]["jobs"]["validate"]["steps"]
    assert any(step.get("run") == "skillgap validate --strict rubrics/" for step in steps)


def test_ci_doc_pre_commit_configs_use_the_published_hook() -> None:
    configs = [b for b in yaml_blocks(CI_DOC) if isinstance(b, dict) and "repos" in b]
    assert len(configs) == 2
    for config in configs:
        hooks = [h for repo in config["repos"] for h in repo["hooks"]]
        assert [h["id"] for h in hooks] == ["skillgap-validate"]
        args = hooks[0]["args"]
        for rule in args[args.index("--disable") + 1 :] if "--disable" in args else []:
            assert rule in RULES


def test_top_level_rubrics_link_points_at_the_bundled_rubrics() -> None:
    link = ROOT / "rubrics"
    assert link.is_symlink()
    assert link.resolve() == (ROOT / "src" / "skillgap" / "rubrics").resolve()
    bundled = sorted(p.name for p in (ROOT / "src" / "skillgap" / "rubrics").glob("*.yaml"))
    assert validate_paths([link]).files == tuple(str(link / name) for name in bundled)


def test_git_stores_the_rubrics_link_as_a_symbolic_link() -> None:
    try:
        listed = subprocess.run(
            ["git", "ls-files", "--stage", "rubrics"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
    except FileNotFoundError:
        pytest.skip("git is not installed")
    if listed.returncode != 0 or not listed.stdout:
        pytest.skip("not a git checkout")
    assert listed.stdout.split()[0] == "120000"


def test_ci_doc_pins_skillgap_to_a_commit_not_an_imaginary_release() -> None:
    """skillgap is on no package index: the doc installs from git, pinned to a commit."""
    configs = [b for b in yaml_blocks(CI_DOC) if isinstance(b, dict) and "repos" in b]
    for config in configs:
        for repo in config["repos"]:
            assert re.fullmatch(r"[0-9a-f]{40}", repo["rev"]), repo["rev"]
            assert repo["repo"].endswith(".git")
    assert "skillgap==" not in CI_DOC
    installs = re.findall(r'pip install "([^"$]+)"', CI_DOC)
    assert installs and all(re.fullmatch(r"skillgap @ git\+\S+\.git@<commit>", i) for i in installs)
    workflows = [b for b in yaml_blocks(CI_DOC) if isinstance(b, dict) and "jobs" in b]
    assert workflows[0]["env"]["SKILLGAP"].startswith("skillgap @ git+")

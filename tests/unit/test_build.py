"""Pure and compiled builds (skillgap._build and hatch_build.py).

The same test suite runs against the pure-Python package (the README's editable install)
and against a wheel with compiled modules (``.ci/run`` sets ``SKILLGAP_EXPECT_COMPILED=1``
for that run, so a build that silently fell back to pure Python fails here).
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

import pytest

import skillgap
from skillgap._build import COMPILED_MODULES, build_description, compiled_modules

ROOT = Path(__file__).resolve().parents[2]


def test_every_module_to_compile_exists_as_source() -> None:
    for name in COMPILED_MODULES:
        assert (ROOT / "src" / "skillgap" / (name.replace(".", "/") + ".py")).is_file(), name
    assert len(set(COMPILED_MODULES)) == len(COMPILED_MODULES)


def test_the_build_that_runs_is_the_one_expected() -> None:
    found = compiled_modules()
    if os.environ.get("SKILLGAP_EXPECT_COMPILED") == "1":
        assert found == COMPILED_MODULES
        assert build_description() == f"compiled: {len(found)} of {len(found)} modules"
        # The compiled module is the one imported, not a .py file beside it.
        module = importlib.import_module("skillgap.matching.index")
        assert not str(module.__file__).endswith(".py")
    elif Path(skillgap.__file__).resolve().is_relative_to(ROOT / "src"):
        # An editable install (the README's test command) is always pure Python.
        assert found == ()
        assert build_description() == "pure Python"


@pytest.fixture
def hook_module() -> object:
    pytest.importorskip("hatchling")
    sys.path.insert(0, str(ROOT))
    try:
        return importlib.import_module("hatch_build")
    finally:
        sys.path.remove(str(ROOT))


def test_the_hook_compiles_the_modules_listed_in_the_package(hook_module: object) -> None:
    assert hook_module.compiled_module_names(ROOT) == COMPILED_MODULES  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("setting", "expected"),
    [("0", "SKILLGAP_COMPILE=0"), ("off", "SKILLGAP_COMPILE=0"), ("auto", None), ("", None)],
)
def test_skillgap_compile_decides_the_build(
    hook_module: object, monkeypatch: pytest.MonkeyPatch, setting: str, expected: str | None
) -> None:
    monkeypatch.setenv("SKILLGAP_COMPILE", setting)
    monkeypatch.setenv("CC", sys.executable)  # "a compiler that exists"
    assert hook_module._why_pure() == expected  # type: ignore[attr-defined]


def test_without_a_compiler_the_build_is_pure_or_fails_when_asked_to_compile(
    hook_module: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CC", str(tmp_path / "no-such-cc"))
    monkeypatch.setenv("PATH", str(tmp_path))  # no cc, gcc or clang
    monkeypatch.setenv("SKILLGAP_COMPILE", "auto")
    assert hook_module._why_pure() == "no C compiler found"  # type: ignore[attr-defined]
    monkeypatch.setenv("SKILLGAP_COMPILE", "1")
    with pytest.raises(RuntimeError, match="no C compiler"):
        hook_module._why_pure()  # type: ignore[attr-defined]
    monkeypatch.setenv("SKILLGAP_COMPILE", "maybe")
    with pytest.raises(ValueError, match="0, 1 or auto"):
        hook_module._why_pure()  # type: ignore[attr-defined]

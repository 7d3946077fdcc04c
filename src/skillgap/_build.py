"""Which build of skillgap is running: pure Python, or with compiled modules.

The hot modules (tokenising, matching, scoring, reading resume text) can be compiled
with mypyc into C extensions when the package is built on a machine with a C compiler
(see ``hatch_build.py`` and ``docs/performance.md``). The pure-Python modules are the
reference: the compiled ones are built from the same source and the test suite runs
against both. ``skillgap --version`` says which is running.

:data:`COMPILED_MODULES` is the one list of modules to compile; the build hook reads it
from this file without importing the package.
"""

from __future__ import annotations

import importlib.machinery
from pathlib import Path

#: Modules compiled when the build has a C compiler (module names in the package).
COMPILED_MODULES: tuple[str, ...] = (
    "text",
    "matching.evidence",
    "matching.forms",
    "matching.fuzzy",
    "matching.guards",
    "matching.index",
    "matching.negation",
    "matching.phrases",
    "scoring.bands",
    "scoring.credits",
    "scoring.history",
    "scoring.numbers",
    "scoring.requirements",
    "profiles.dates",
    "profiles.degrees",
    "profiles.resume_text",
    "profiles.sections",
    "profiles.skills_line",
    "profiles.work_history",
)


def compiled_modules() -> tuple[str, ...]:
    """The modules of :data:`COMPILED_MODULES` that are C extensions in this install
    (found by their files, without importing them).

    >>> set(compiled_modules()) <= set(COMPILED_MODULES)
    True
    """
    package = Path(__file__).parent
    found = []
    for module in COMPILED_MODULES:
        base = package.joinpath(*module.split("."))
        if any(
            base.with_name(base.name + suffix).is_file()
            for suffix in importlib.machinery.EXTENSION_SUFFIXES
        ):
            found.append(module)
    return tuple(found)


def build_description() -> str:
    """'compiled: 19 of 19 modules' or 'pure Python', for ``skillgap --version``."""
    found = compiled_modules()
    if not found:
        return "pure Python"
    return f"compiled: {len(found)} of {len(COMPILED_MODULES)} modules"


__all__ = ["COMPILED_MODULES", "build_description", "compiled_modules"]

"""The command line: parse options, call the library, render, map errors to exit codes.

This is the only package that imports Typer, prints, or exits. :mod:`.app` holds the
Typer app and what every command shares; each command group has its module, which
registers its commands on import, in the order ``skillgap --help`` lists them:

* :mod:`.analyze` — ``analyze``, ``rubrics``;
* :mod:`.assess` — ``assess`` (with its Rich prompts in :mod:`.prompts`);
* :mod:`.diff` — ``diff``;
* :mod:`.batch` — ``batch``;
* :mod:`.audit` — ``audit`` (the fairness audit of a batch);
* :mod:`.audit_rubric` — ``audit-rubric`` (counterfactual tests of a rubric);
* :mod:`.validate` — ``validate``, ``schema``;
* :mod:`.draft` — ``draft``.

Options several commands share are in :mod:`.options`.
"""

from __future__ import annotations

# The order of these imports is the order of the commands in `skillgap --help`.
# isort: off
from . import analyze, assess, diff, batch, audit, audit_rubric, validate, draft, skills  # noqa: F401 - registers the commands

# isort: on
from .app import ExitCode, app, fail, guarded, main, write_output

__all__ = ["ExitCode", "app", "fail", "guarded", "main", "write_output"]

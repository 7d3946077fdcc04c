"""Checking rubrics: the rules of ``skillgap validate``, the lint checks, and validation.

* :mod:`.validate` — validate files and folders of rubrics: every problem, positioned;
* :mod:`.registry` — every rule and the lint checks that report them;
* :mod:`.context`, :mod:`.names`, :mod:`.forms`, :mod:`.guards`, :mod:`.matcher`,
  :mod:`.values` — the lint checks, one group of rules per module;
* :mod:`.repair` — lint a file the schema refused, on a repaired copy;
* :mod:`.suppress` — comments that silence a rule.
"""

from __future__ import annotations

from .registry import RULES, default_rules, lint_findings
from .validate import (
    RUBRIC_SUFFIXES,
    ValidateOptions,
    ValidationResult,
    find_rubric_files,
    select_rules,
    validate_file,
    validate_paths,
    validate_text,
)

__all__ = [
    "RUBRIC_SUFFIXES",
    "RULES",
    "ValidateOptions",
    "ValidationResult",
    "default_rules",
    "find_rubric_files",
    "lint_findings",
    "select_rules",
    "validate_file",
    "validate_paths",
    "validate_text",
]

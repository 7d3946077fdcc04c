#!/usr/bin/env python3
"""Check the bundled skills knowledge base (src/skillgap/knowledge/data/*.yaml).

Every data file is validated as a rubric (``skillgap validate --strict``: schema,
duplicate forms, guards of everyday names, fuzzy reach, dead excludes, ...), then the
whole base is checked across files with the real matcher: each name and alias finds
its own skill and no other, no form or canonical name is in two files
(:mod:`skillgap.lint.knowledge_check`). Prints every problem; exits 1 if there is one.

Usage::

    python scripts/check_knowledge.py              # the whole base
    python scripts/check_knowledge.py cloud.yaml   # one file's own checks, and the base
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from skillgap.knowledge import knowledge_files  # noqa: E402
from skillgap.lint.knowledge_check import check_base  # noqa: E402
from skillgap.lint.validate import ValidateOptions, validate_file  # noqa: E402


def main(argv: list[str]) -> int:
    data = ROOT / "src" / "skillgap" / "knowledge" / "data"
    names = [Path(a).name for a in argv] or knowledge_files()
    count = 0
    for name in names:
        for problem in validate_file(data / name, options=ValidateOptions()):
            print(problem)
            count += 1
    for base_problem in check_base():
        print(base_problem)
        count += 1
    print(f"{len(names)} file(s) and the whole base checked: {count} problem(s)")
    return 1 if count else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

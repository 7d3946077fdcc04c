"""``skillgap audit``: the fairness audit of a batch's scores (docs/fairness.md).

The pieces, one module each:

* :mod:`.results` reads a batch output back (JSON Lines, CSV or JSON; one reader
  function per format) with its audit trail, and refuses results that mix rubrics;
* :mod:`.groups` reads the organisation's groups file and joins it to the results by
  id, sha256 or file;
* :mod:`.stats` computes rates, impact ratios, Katz intervals and Fisher's exact test
  with the standard library only;
* :mod:`.run` puts them together (:func:`run_audit`);
* :mod:`.model` is the JSON contract (``skillgap schema audit``).

The renderers (terminal, Markdown, JSON, HTML) are in :mod:`skillgap.render.audit`, as
every renderer is in :mod:`skillgap.render`.

>>> from skillgap.audit import AuditOptions, SelectionRule
>>> AuditOptions(selection=SelectionRule.parse("top:10")).selection.top
10
"""

from __future__ import annotations

from .model import AuditReport
from .run import AuditOptions, SelectionRule, build_audit, run_audit

__all__ = ["AuditOptions", "AuditReport", "SelectionRule", "build_audit", "run_audit"]

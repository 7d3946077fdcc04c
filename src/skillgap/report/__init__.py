"""The gap report: what skillgap says about one candidate against one rubric.

* :mod:`.model` — the report models, the JSON contract other tools rely on;
* :mod:`.build` — the one way reports are built;
* :mod:`.plan` — the learning plan, read off a report's gaps;
* :mod:`.redact` — blind mode: identity out of a report, scores untouched;
* :mod:`.diff` — progress between two saved reports.
"""

from __future__ import annotations

from .model import SCHEMA_VERSION, GapReport

__all__ = ["SCHEMA_VERSION", "GapReport"]

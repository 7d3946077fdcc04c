"""A lean report: the numbers and names of a :class:`~.model.GapReport` without its
quoted evidence or the rubric's advice, for batch outputs a data pipeline reads
(``skillgap batch --lean``).

A full JSON report repeats, for every candidate, every skill of the rubric with its
evidence and every gap with the rubric's next steps and resources: ~60 KB a row, most of
it the same for every row. The lean report keeps the same top-level keys and shapes
where they carry results — ``rubric``, ``candidate``, ``as_of``, ``blind``, ``overall``,
``areas`` (each requirement with its score, status, explanation, years and degree
found), ``gaps`` (requirement, gain, must-have, blocking, missing skills), ``warnings``
and ``ladder`` (level scores and placement) — and adds ``"lean": true``:

- each requirement's ``skills`` list becomes ``matched``: the names of the skills with
  evidence and their credit (``{"Python": 1.0}``); what the rubric says of it (weight,
  ``min_skills``, level, must-have) is left to the rubric;
- each gap keeps ``area``, ``requirement``, ``name``, ``score``, ``status``,
  ``gain``, ``unlocks``, ``must_have`` and ``blocking``; the rubric's ``next_steps``,
  ``resources`` and ``effort``, the area name and the missing skills (the rubric's
  skills less ``matched``) are in the full report and in ``skillgap analyze``;
- the ladder loses the words that are the ladder's (its rule, each level's summary).

Scores, statuses, verdicts and gains are those of the full report, always (tested).
"""

from __future__ import annotations

from typing import Any

from .model import GapReport

#: What a gap repeats from the rubric or from its requirement in ``areas``.
_GAP_REPEATS = ("next_steps", "resources", "effort", "missing_skills", "area_name")
#: What a requirement repeats from the rubric.
_REQUIREMENT_REPEATS = ("weight", "min_skills", "level", "must_have")


def lean_report(report: GapReport) -> dict[str, Any]:
    """The lean form of ``report`` as a JSON-ready mapping (see the module docstring)."""
    data = report.model_dump(mode="json")
    data["lean"] = True
    for area in data["areas"]:
        for requirement in area["requirements"]:
            skills = requirement.pop("skills")
            for key in _REQUIREMENT_REPEATS:
                requirement.pop(key, None)
            requirement["matched"] = {s["name"]: s["credit"] for s in skills if s["matched"]}
            if requirement.get("self_assessment") is not None:
                requirement["self_assessment"] = True
    for gap in data["gaps"]:
        for key in _GAP_REPEATS:
            gap.pop(key, None)
    ladder = data.get("ladder")
    if ladder:
        ladder.pop("rule", None)
        for level in ladder.get("levels") or ():
            level.pop("summary", None)
    return data


__all__ = ["lean_report"]

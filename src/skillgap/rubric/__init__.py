"""Rubrics: the role a candidate is measured against.

* :mod:`.model` — the models, the source of truth of the rubric format;
* :mod:`.parse` — the one pipeline that takes rubric text to a model (YAML with
  positions, ``extends``, schema, references), and :func:`load_rubric`;
* :mod:`.extends` — rubrics built on other rubrics, merged before validation;
* :mod:`.references` — the checks the schema cannot see, which stop a rubric loading;
* :mod:`.findings` — rules and findings, what every rubric check reports;
* :mod:`.bundled`, :mod:`.catalogue` — the rubrics and ladders shipped as package data;
* :mod:`.ladder` — career ladders, ordered families of rubrics.
"""

from __future__ import annotations

from .bundled import bundled_ladder_ids, bundled_rubric_ids
from .ladder import Ladder, LadderError, LoadedLadder, load_ladder
from .model import Area, Degree, LevelDef, Requirement, Resource, Rubric, Scoring, Skill
from .parse import DEFAULT_RUBRIC_ID, ParsedRubric, load_rubric, parse_rubric_text

__all__ = [
    "DEFAULT_RUBRIC_ID",
    "Area",
    "Degree",
    "Ladder",
    "LadderError",
    "LevelDef",
    "LoadedLadder",
    "ParsedRubric",
    "Requirement",
    "Resource",
    "Rubric",
    "Scoring",
    "Skill",
    "bundled_ladder_ids",
    "bundled_rubric_ids",
    "load_ladder",
    "load_rubric",
    "parse_rubric_text",
]

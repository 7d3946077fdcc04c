"""The rubric models: the source of truth of the rubric format.

A rubric describes a role: areas, each with weighted requirements, each satisfied by
skills (with aliases and matching guards), years of experience and/or a degree. The
format is documented in ``docs/rubric-format.md``; ``skillgap schema rubric`` exports
these models as JSON Schema. Loading a rubric file is :mod:`.parse`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, PrivateAttr
from pydantic.config import JsonDict

from ..io.validation import InputModel
from ..text import word_norms

#: Longest name, alias, context word or phrase a rubric may give (no skill's name is
#: longer; a 100,000-character alias made the matcher's tables take gigabytes).
MAX_FORM_CHARS = 200

#: A name, alias or phrase of a skill: at most :data:`MAX_FORM_CHARS` characters.
Phrase = Annotated[str, Field(max_length=MAX_FORM_CHARS)]

DegreeLevel = Literal["associate", "bachelor", "master", "phd"]
DEGREE_ORDER: dict[str, int] = {"associate": 1, "bachelor": 2, "master": 3, "phd": 4}
WeightsMode = Literal["relative", "percent"]

#: What an id must look like: lowercase letters and digits, words joined by single hyphens.
#: Loading accepts any id; ``skillgap validate`` (rule ``id-not-slug``) and the exported
#: JSON Schema (so editors flag it as you type) hold ids to this.
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SLUG: JsonDict = {"pattern": SLUG_PATTERN}


class LevelDef(InputModel):
    """One step of the rubric's proficiency scale, lowest first."""

    id: str = Field(
        description="Short id used by requirements and profiles, e.g. 'advanced'.",
        json_schema_extra=_SLUG,
    )
    name: str = Field(description="Human-readable name shown in reports.")
    description: str = Field(default="", description="What this level looks like in practice.")
    aliases: tuple[str, ...] = Field(
        default=(),
        description="Other words a resume or profile may use for this level "
        "(e.g. 'proficient' for 'advanced'); matched case-insensitively.",
    )


DEFAULT_LEVELS: tuple[LevelDef, ...] = (
    LevelDef(
        id="basic",
        name="Basic",
        description="Has used it with guidance.",
        aliases=(
            "beginner",
            "novice",
            "elementary",
            "familiar",
            "basic knowledge",
            "awareness",
            "learning",
        ),
    ),
    LevelDef(
        id="working",
        name="Working",
        description="Uses it independently.",
        aliases=("intermediate", "competent", "good", "working knowledge", "moderate", "medium"),
    ),
    LevelDef(
        id="advanced",
        name="Advanced",
        description="Deep, production experience.",
        aliases=("proficient", "strong", "senior", "very good", "fluent", "skilled", "high"),
    ),
    LevelDef(
        id="expert",
        name="Expert",
        description="Sets direction; teaches others.",
        aliases=("master", "mastery", "authority", "guru", "excellent", "native", "very high"),
    ),
)


class Resource(InputModel):
    """A learning resource shown next to a gap."""

    title: str = Field(description="What the resource is, e.g. a course or book title.")
    url: str | None = Field(default=None, description="Where to find it (http or https URL).")


class Achievement(InputModel):
    """Evidence of a skill written as what someone did: an action with its object, in one
    clause ("presented the roadmap to the CFO", "led a team of 6 engineers")."""

    actions: tuple[Phrase, ...] = Field(
        min_length=1,
        description="What was done, each a word or phrase matched in all its word forms "
        "('present' is presented, presenting, presents; list nouns such as "
        "'presentation' too).",
    )
    objects: tuple[Phrase, ...] = Field(
        min_length=1,
        description="To or with what: one of these must follow an action within 8 words of "
        "the same clause ('CFO', 'board', 'team', 'engineers').",
    )
    about: tuple[Phrase, ...] = Field(
        default=(),
        description="Words or phrases of which one must be in the same sentence or list item "
        "for the achievement to count (e.g. 'ML', 'data', 'models'): ties a general "
        "achievement to the role's subject. Empty: no such condition.",
    )


class Skill(InputModel):
    """A skill the matcher looks for, with everything it needs to match it carefully."""

    name: Phrase = Field(description="Canonical name, used in reports (e.g. 'scikit-learn').")
    aliases: tuple[Phrase, ...] = Field(
        default=(),
        description="Other names that mean this skill (e.g. 'sklearn'); each counts on its own.",
    )
    ambiguous: tuple[Phrase, ...] = Field(
        default=(),
        description="Forms (the name or other words) that also have an everyday meaning, "
        "e.g. 'R' or 'Go'. They count only with one of the 'context' words nearby.",
    )
    context: tuple[Phrase, ...] = Field(
        default=(),
        description="Words or phrases, any one of which must appear within "
        "'context_window' words of an ambiguous form for it to count.",
    )
    context_window: int = Field(
        default=12,
        ge=1,
        le=200,
        description="How many words either side of an ambiguous form are searched for context.",
    )
    exclude: tuple[Phrase, ...] = Field(
        default=(),
        description="Phrases that contain a form of this skill but are not it, "
        "e.g. 'go-to-market' for Go or 'R&D' for R.",
    )
    case_sensitive: bool = Field(
        default=False,
        strict=True,  # as the JSON Schema: true or false, not 'yes' or 1
        description="Ambiguous forms count only when written with the same capitals "
        "(or all in capitals): 'Go' but not 'go'.",
    )
    exact: bool = Field(
        default=False,
        strict=True,  # as the JSON Schema: true or false, not 'yes' or 1
        description="Never match this skill fuzzily (typos are not forgiven).",
    )
    inflect: bool = Field(
        default=False,
        strict=True,  # as the JSON Schema: true or false, not 'yes' or 1
        description="Match word forms too (lead/led/leading, mentor/mentored/mentoring); "
        "meant for phrases describing practices and soft skills.",
    )
    claims: tuple[Phrase, ...] = Field(
        default=(),
        description="Words people describe themselves with ('team player', 'fast-paced', "
        "'communication skills'): matched like aliases, but a claim, not evidence of what "
        "was done, so they earn the rubric's claim_credit only.",
    )
    implies: tuple[Phrase, ...] = Field(
        default=(),
        description="Names of other skills of the rubric that evidence for this one is "
        "evidence for: PySpark code is Python, a Databricks pipeline is Spark. Not "
        "transitive.",
    )
    achievements: tuple[Achievement, ...] = Field(
        default=(),
        description="Evidence written as what someone did: an action with its object in one "
        "clause, in any word form ('presented the roadmap to the CFO').",
    )
    knowledge: bool = Field(
        default=True,
        strict=True,  # as the JSON Schema: true or false, not 'yes' or 1
        description="Inherit the aliases and guards the bundled knowledge base knows for "
        "this skill's name (what the rubric writes adds to them or overrides them); false "
        "matches only what the rubric writes.",
    )

    def forms(self) -> tuple[str, ...]:
        """Every written form of the skill: name, aliases, ambiguous forms and claims,
        de-duplicated."""
        seen: dict[str, None] = {}
        for form in (self.name, *self.aliases, *self.ambiguous, *self.claims):
            seen.setdefault(form, None)
        return tuple(seen)


def _name_as_skill(value: object) -> object:
    """A skill written as its name alone (``- Kubernetes``) is ``{name: Kubernetes}``."""
    return {"name": value} if isinstance(value, str) else value


#: A requirement's skill: a :class:`Skill`, or its name alone.
SkillEntry = Annotated[Skill, BeforeValidator(_name_as_skill, json_schema_input_type=str | Skill)]


class Degree(InputModel):
    """A degree that satisfies a requirement."""

    level: DegreeLevel = Field(description="Lowest degree that counts fully.")
    fields: tuple[str, ...] = Field(
        default=(),
        description="Fields of study that count fully (e.g. 'computer science'); "
        "empty means any field.",
    )
    related_fields: tuple[str, ...] = Field(
        default=(),
        description="Fields that count as related (e.g. 'physics'); they earn 'related_credit'.",
    )
    related_credit: float = Field(
        default=0.75,
        ge=0,
        le=1,
        description="Credit for the right level in a related field.",
    )


class Requirement(InputModel):
    """One thing the role asks for, and what satisfies it."""

    id: str = Field(
        description="Unique slug within the rubric, e.g. 'ml-frameworks'.", json_schema_extra=_SLUG
    )
    name: str = Field(description="Short human-readable name.")
    description: str = Field(default="", description="What the requirement means, for reports.")
    weight: float = Field(default=1.0, gt=0, description="Relative weight within its area.")
    must_have: bool = Field(
        default=False,
        strict=True,  # as the JSON Schema: true or false, not 'yes' or 1
        description="If true, not meeting it is a blocking gap whatever the total score.",
    )
    skills: tuple[SkillEntry, ...] = Field(
        default=(),
        description="Skills that provide evidence for this requirement: a name alone "
        "('Kubernetes', completed from the knowledge base) or a skill with its forms.",
    )
    min_skills: int = Field(
        default=1,
        ge=1,
        description="How many of the skills must be evidenced for full credit.",
    )
    level: str | None = Field(
        default=None,
        description="Level (an id from the rubric's 'levels') expected of declared skills; "
        "a lower declared level earns proportionally less.",
    )
    years: float | None = Field(
        default=None,
        gt=0,
        description="Years of professional experience expected (from work history "
        "or a stated total).",
    )
    degree: Degree | None = Field(default=None, description="Degree that satisfies this.")
    next_steps: tuple[str, ...] = Field(
        default=(),
        description="What a candidate can do to close this gap.",
    )
    resources: tuple[Resource, ...] = Field(
        default=(),
        description="Learning resources for this gap.",
    )
    effort: str | None = Field(
        default=None,
        description="Rough effort to close the gap from nothing, e.g. '3-6 months'.",
    )


class Area(InputModel):
    """A requirement area of the role, e.g. technical proficiency or leadership."""

    id: str = Field(description="Unique slug within the rubric.", json_schema_extra=_SLUG)
    name: str = Field(description="Human-readable name shown in reports.")
    weight: float = Field(gt=0, description="Relative weight of the area in the overall score.")
    description: str = Field(default="", description="What the area covers.")
    requirements: tuple[Requirement, ...] = Field(
        description="The area's requirements (at least one).",
        # Checked by the model's own validator (the 'empty' problem); said in the JSON
        # Schema too, so both refuse the same rubrics.
        json_schema_extra={"minItems": 1},
    )


class Subject(InputModel):
    """The role's subject: what a candidate must show for the evidence of other areas to
    count as evidence for this role (leading a team is evidence for an ML leadership role
    when the person does ML)."""

    requirements: tuple[str, ...] = Field(
        min_length=1,
        description="Ids of the requirements that show the subject (e.g. "
        "'deep-learning-statistical-modeling'); their weighted score, against "
        "met_threshold, is how much of the subject the profile shows.",
    )
    areas: tuple[str, ...] = Field(
        min_length=1,
        description="Ids of the areas that count only as far as the subject is shown "
        "(leadership, communication, …): each counts in full once the subject "
        "requirements reach met_threshold, and in proportion below it.",
    )


class Scoring(InputModel):
    """How evidence is turned into scores (defaults documented in docs/scoring.md)."""

    text_credit: float = Field(
        default=0.75,
        ge=0,
        le=1,
        description="Credit for a skill found in running text (not declared with a level).",
    )
    declared_credit: float = Field(
        default=0.7,
        ge=0,
        le=1,
        description="Credit for a skill declared (listed) without a level where a level is "
        "expected: enough to meet a requirement, less than work described in the text.",
    )
    claim_credit: float = Field(
        default=0.4,
        ge=0,
        le=1,
        description="Credit for a claim: a practice or quality only listed ('Leadership' "
        "in a skills list) or named as a self-description (a skill's 'claims': 'team "
        "player', 'fast-paced'). What the candidate did is the evidence; a claim is partial.",
    )
    met_threshold: float = Field(
        default=0.7,
        gt=0,
        le=1,
        description="A requirement scoring at least this is 'met'; above 0 it is 'partial'.",
    )
    subject: Subject | None = Field(
        default=None,
        description="The role's subject, and the areas whose evidence counts only as far "
        "as the profile shows it (docs/scoring.md). None: every area counts in full.",
    )


class Rubric(InputModel):
    """A role: its areas, their requirements and how evidence is scored."""

    id: str = Field(
        description="Short id, e.g. 'principal-ml-engineer' (a slug).", json_schema_extra=_SLUG
    )
    title: str = Field(description="The role's title.")
    version: str = Field(description="Version of this rubric, quoted, e.g. '1.0.0'.")
    description: str = Field(default="", description="What the role is.")
    source: str = Field(default="", description="Where the requirements come from.")
    extends: str | None = Field(
        default=None,
        description="The rubric this one is built on: a bundled rubric id or a path "
        "(relative to this file) ending in .yaml; this file then gives only what differs "
        "(docs/ladder.md).",
    )
    levels: tuple[LevelDef, ...] = Field(
        default=DEFAULT_LEVELS,
        description="Proficiency scale, lowest first. Defaults to basic, working, advanced, "
        "expert.",
    )
    scoring: Scoring = Field(default_factory=Scoring, description="Scoring parameters.")
    weights: WeightsMode = Field(
        default="relative",
        description="How area and requirement weights are written: 'relative' (any positive "
        "numbers; only their ratios matter) or 'percent' (area weights, and the requirement "
        "weights within each area, must each add up to 100; 'skillgap validate' checks it). "
        "Scores are computed the same way either way.",
    )
    areas: tuple[Area, ...] = Field(min_length=1, description="The requirement areas.")

    _origin: RubricOrigin | None = PrivateAttr(default=None)

    @property
    def origin(self) -> RubricOrigin | None:
        """Where the rubric was loaded from (path and sha256), if from a file."""
        return self._origin

    def level_value(self, level_id: str) -> int | None:
        """1-based rank of a level id on the scale, or None if unknown."""
        for index, level in enumerate(self.levels, start=1):
            if level.id == level_id:
                return index
        return None

    def iter_requirements(self) -> Iterator[tuple[Area, Requirement]]:
        """Every (area, requirement) pair in rubric order."""
        for area in self.areas:
            for requirement in area.requirements:
                yield area, requirement


@dataclass(frozen=True)
class RubricOrigin:
    """Where a rubric came from."""

    path: str
    sha256: str
    bundled_id: str | None = None


_LEVEL_NOUN_RE = re.compile(r" (?:level|proficiency)$")


def level_rank(rubric: Rubric, written: str | None) -> int | None:
    """Rank of a declared level (id, name or alias, any case) on the rubric's scale."""
    if not written:
        return None
    wanted = " ".join(word_norms(written))
    # "expert level", "high level", "advanced proficiency": the level word with its noun.
    bare = _LEVEL_NOUN_RE.sub("", wanted)
    for candidate in dict.fromkeys((wanted, bare)):
        for rank, level in enumerate(rubric.levels, start=1):
            names = (level.id, level.name, *level.aliases)
            if any(" ".join(word_norms(n)) == candidate for n in names):
                return rank
    try:  # numeric levels such as "4/5" or "3"
        head = written.split("/")[0].strip()
        value = float(head)
        top = float(written.split("/")[1]) if "/" in written else len(rubric.levels)
    except (ValueError, IndexError, ZeroDivisionError):
        return None
    if not (math.isfinite(value) and math.isfinite(top)) or top <= 0 or value <= 0:
        return None
    return max(1, min(len(rubric.levels), round(value / top * len(rubric.levels))))


__all__ = [
    "DEFAULT_LEVELS",
    "DEGREE_ORDER",
    "SLUG_PATTERN",
    "Achievement",
    "Area",
    "Degree",
    "DegreeLevel",
    "LevelDef",
    "Requirement",
    "Resource",
    "Rubric",
    "RubricOrigin",
    "Scoring",
    "Skill",
    "Subject",
    "WeightsMode",
    "level_rank",
]

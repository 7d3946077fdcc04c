"""Rubric rules beyond the schema: the checks behind ``skillgap validate``.

A rubric can be valid YAML and fit the schema and still be wrong in ways that only show
up as bad scores: a form shared by two skills (one mention counts twice), a short name
with no guard ("R" in "R&D"), an exclusion phrase that can never apply, percentages that
do not add up. Each check here has a rule id and a default level in :data:`RULES`, and is
documented with a failing and a passing example in ``docs/lint-rules.md``.

Checks produce :class:`Finding` values located by their path in the rubric document
(``("areas", 0, "requirements", 2, "skills", 1, "aliases", 3)``); the caller turns them
into :class:`~skillgap.errors.Problem` values with a file, line and column. The checks
that use the matcher build a :class:`~skillgap.matching.SkillIndex` and run every form of
every skill through it, so they report what the matcher really does, not a guess.

Comments in the file that silence a rule (``# skillgap: disable=cross-match``) are applied
by :mod:`skillgap.validate`, which has the text; the functions here see only the model.

>>> RULES["cross-match"].level.value, RULES["contained-form"].enabled
('warning', False)
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .errors import Level, Problem
from .io.yaml_source import Mark, PathKey
from .rubric import SLUG_PATTERN, Area, Requirement, Rubric, Skill
from .text import STOPWORDS, stem, word_norms

if TYPE_CHECKING:
    from .matching import Evidence, SkillIndex

#: Where a path in the document is (a ``SourceMap.locate``), for messages that point
#: at a second place.
Locate = Callable[[PathKey], Mark | None]


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True)
class Rule:
    """A kind of problem ``skillgap validate`` reports.

    ``stage`` says where it is found: ``yaml`` (reading the file), ``schema`` (the
    models), ``reference`` (cross-references; loading a rubric refuses these too),
    ``lint`` (this module; can be switched off, and silenced with a comment) or
    ``files`` (the files and the comments in them).
    """

    id: str
    level: Level
    stage: str
    summary: str
    enabled: bool = True

    @property
    def configurable(self) -> bool:
        """Lint rules can be enabled, disabled and silenced; the others always apply."""
        return self.stage == "lint"


_E, _W, _I = Level.ERROR, Level.WARNING, Level.INFO

#: Every rule, in the order docs/lint-rules.md documents them.
RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        Rule("yaml-syntax", _E, "yaml", "The file is not valid YAML, or has no content."),
        Rule(
            "duplicate-key",
            _E,
            "yaml",
            "A key appears twice in one mapping; YAML would silently keep only the last.",
        ),
        Rule("limits", _E, "yaml", "The document expands to too many nodes or nests too deep."),
        Rule("unknown-key", _E, "schema", "A key the format does not have (usually a typo)."),
        Rule("missing-key", _E, "schema", "A required key is missing."),
        Rule(
            "wrong-type",
            _E,
            "schema",
            "A value of the wrong type, e.g. a number where text is expected.",
        ),
        Rule("bad-value", _E, "schema", "A value that is not one of the allowed values."),
        Rule(
            "out-of-range",
            _E,
            "schema",
            "A number outside its range, e.g. a weight that is zero or negative.",
        ),
        Rule("schema", _E, "schema", "Any other schema violation."),
        Rule("duplicate-id", _E, "reference", "A level, area or requirement id used twice."),
        Rule("unknown-level", _E, "reference", "A requirement's level is not on the scale."),
        Rule("empty", _E, "reference", "No areas, or an area without requirements."),
        Rule("unsatisfiable", _E, "reference", "A requirement nothing could satisfy."),
        Rule("id-not-slug", _E, "lint", "An id that is not a lowercase slug."),
        Rule("empty-text", _W, "lint", "An empty title or name, which reports would show blank."),
        Rule("duplicate-skill", _W, "lint", "The same skill defined in two requirements."),
        Rule("conflicting-skill", _E, "lint", "The same skill name defined twice, differently."),
        Rule(
            "duplicate-form", _E, "lint", "Two skills share a name or alias (after normalisation)."
        ),
        Rule(
            "redundant-form",
            _W,
            "lint",
            "An alias that is the same as another form of "
            "its skill once case, spacing and hyphens are ignored.",
        ),
        Rule(
            "unmatchable-form",
            _E,
            "lint",
            "A name, alias or context entry with no letters or digits.",
        ),
        Rule("cross-match", _W, "lint", "The matcher reads a form of one skill as another skill."),
        Rule(
            "contained-form",
            _I,
            "lint",
            "A form of one skill appears word for word inside a form of another (off by default).",
            enabled=False,
        ),
        Rule(
            "fuzzy-collision",
            _W,
            "lint",
            "Forms of two skills are within fuzzy-matching reach of each other.",
        ),
        Rule(
            "unguarded-form",
            _W,
            "lint",
            "A one- or two-letter form, or an everyday word, with no guard.",
        ),
        Rule(
            "ambiguous-without-context",
            _W,
            "lint",
            "Ambiguous forms but no context words, so the guard does nothing.",
        ),
        Rule(
            "unused-guard",
            _W,
            "lint",
            "context, case_sensitive or context_window on a skill with no ambiguous forms.",
        ),
        Rule(
            "dead-exclude",
            _W,
            "lint",
            "An exclude phrase that contains no form of its skill, so it can never apply.",
        ),
        Rule(
            "weak-context", _W, "lint", "A context word that is itself a one- or two-letter word."
        ),
        Rule(
            "weights-sum", _E, "lint", "With 'weights: percent', weights that do not add up to 100."
        ),
        Rule("implausible-years", _E, "lint", "More years of experience than a working life."),
        Rule("unused-level", _W, "lint", "A level on a requirement with no skills."),
        Rule("ambiguous-level", _E, "lint", "One word naming two levels of the scale."),
        Rule("bad-url", _E, "lint", "A resource URL that is not http(s) with a host."),
        Rule("unreadable", _E, "files", "A path that could not be read."),
        Rule(
            "suppression",
            _W,
            "files",
            "A 'skillgap: disable' comment naming an unknown rule or silencing nothing.",
        ),
    )
}


def default_rules() -> frozenset[str]:
    """Ids of the lint rules that run unless switched off."""
    return frozenset(r.id for r in RULES.values() if r.configurable and r.enabled)


# --------------------------------------------------------------------------- findings


@dataclass(frozen=True)
class Finding:
    """A problem located by its path in the rubric document, not yet by line."""

    rule: str
    loc: PathKey
    message: str
    #: Point at the key (``weight:``) rather than its value.
    key: bool = False
    #: Other places the finding depends on (a caller that repaired the document drops
    #: findings that depend on a repaired place).
    related: tuple[PathKey, ...] = ()

    @property
    def level(self) -> Level:
        """The rule's default level."""
        return RULES[self.rule].level

    def to_problem(self, *, path: str, locate: Callable[..., Mark | None]) -> Problem:
        """The finding as a positioned :class:`Problem` (``locate`` is a source map's)."""
        from .io.yaml_source import mark_file

        mark = locate(self.loc, prefer_key=self.key)
        return Problem(
            mark_file(mark, path),
            mark.line if mark else None,
            mark.column if mark else None,
            self.message,
            level=self.level,
            rule=self.rule,
        )


def _no_position(loc: PathKey) -> Mark | None:
    return None


@dataclass(frozen=True)
class _FormRef:
    """One written form of one skill, with where it is and how the matcher sees it."""

    skill: int
    text: str
    loc: PathKey
    kind: str  # name | alias | ambiguous
    norms: tuple[str, ...]

    @property
    def key(self) -> str:
        return " ".join(self.norms)

    @property
    def compact(self) -> str:
        return "".join(self.norms)

    @property
    def compact_ok(self) -> bool:
        """The matcher also looks this form up with spaces and hyphens removed."""
        return bool(self.norms) and all(len(n) >= 2 for n in self.norms)


@dataclass(frozen=True)
class _SkillRef:
    skill: Skill
    loc: PathKey
    requirement: Requirement
    requirement_loc: PathKey
    #: True for the first definition of a name: the one the matcher uses.
    primary: bool


class _Context:
    """The rubric, with every skill and form located, shared by the checks."""

    def __init__(self, rubric: Rubric, locate: Locate) -> None:
        self.rubric = rubric
        self.locate = locate
        self.skills: list[_SkillRef] = []
        self.forms: list[_FormRef] = []
        self.forms_of: list[list[_FormRef]] = []
        self._index: SkillIndex | None = None
        seen: set[str] = set()
        for a, area in enumerate(rubric.areas):
            for r, requirement in enumerate(area.requirements):
                rloc: PathKey = ("areas", a, "requirements", r)
                for s, skill in enumerate(requirement.skills):
                    sloc: PathKey = (*rloc, "skills", s)
                    self.skills.append(
                        _SkillRef(skill, sloc, requirement, rloc, skill.name not in seen)
                    )
                    seen.add(skill.name)
        for number, ref in enumerate(self.skills):
            forms: list[_FormRef] = []
            keys: set[str] = set()
            entries: list[tuple[str, PathKey, str]] = [(ref.skill.name, (*ref.loc, "name"), "name")]
            entries += [
                (alias, (*ref.loc, "aliases", i), "alias")
                for i, alias in enumerate(ref.skill.aliases)
            ]
            entries += [
                (text, (*ref.loc, "ambiguous", i), "ambiguous")
                for i, text in enumerate(ref.skill.ambiguous)
            ]
            for text, loc, kind in entries:
                form = _FormRef(number, text, loc, kind, word_norms(text))
                if kind == "ambiguous" and form.key in keys:
                    continue  # marks a name or alias as ambiguous; not a form of its own
                keys.add(form.key)
                forms.append(form)
            self.forms_of.append(forms)
            self.forms.extend(forms)

    def index(self) -> SkillIndex:
        """The rubric's matcher, built once and shared by the checks that need it."""
        if self._index is None:
            from .matching import SkillIndex

            self._index = SkillIndex(self.rubric)
        return self._index

    def name(self, form: _FormRef) -> str:
        return self.skills[form.skill].skill.name

    def at(self, loc: PathKey) -> str:
        """' (line 12)' for a message, or '' when the position is not known."""
        mark = self.locate(loc)
        return f" (line {mark.line})" if mark else ""

    def described(self, form: _FormRef) -> str:
        """ "'lead ML team' (Team leadership, line 402)" for a message."""
        mark = self.locate(form.loc)
        where = f", line {mark.line}" if mark else ""
        return f"'{form.text}' ({self.name(form)}{where})"


Check = Callable[[_Context], Iterable[Finding]]
_CHECKS: list[tuple[frozenset[str], Check]] = []


def _check(*rule_ids: str) -> Callable[[Check], Check]:
    def register(function: Check) -> Check:
        _CHECKS.append((frozenset(rule_ids), function))
        return function

    return register


def reference_findings(rubric: Rubric) -> list[Finding]:
    """Duplicate ids, unknown levels, empty areas, unsatisfiable requirements.

    These are the checks that :func:`skillgap.rubric.load_rubric` also applies: a rubric
    with any of them does not load.
    """
    findings: list[Finding] = []
    level_ids = [level.id for level in rubric.levels]
    seen_levels: set[str] = set()
    for i, level in enumerate(rubric.levels):
        if level.id in seen_levels:
            findings.append(
                Finding(
                    "duplicate-id", ("levels", i, "id"), f"level id '{level.id}' is defined twice"
                )
            )
        seen_levels.add(level.id)
    seen_areas: dict[str, int] = {}
    seen_requirements: dict[str, tuple[int, int]] = {}
    for a, area in enumerate(rubric.areas):
        if area.id in seen_areas:
            findings.append(
                Finding(
                    "duplicate-id",
                    ("areas", a, "id"),
                    f"area id '{area.id}' is already used by areas[{seen_areas[area.id]}]",
                )
            )
        seen_areas.setdefault(area.id, a)
        if not area.requirements:
            findings.append(
                Finding(
                    "empty", ("areas", a, "requirements"), f"area '{area.id}' has no requirements"
                )
            )
        for r, requirement in enumerate(area.requirements):
            loc: PathKey = ("areas", a, "requirements", r)
            if requirement.id in seen_requirements:
                other = seen_requirements[requirement.id]
                findings.append(
                    Finding(
                        "duplicate-id",
                        (*loc, "id"),
                        f"requirement id '{requirement.id}' is "
                        f"already used by areas[{other[0]}].requirements[{other[1]}]",
                    )
                )
            seen_requirements.setdefault(requirement.id, (a, r))
            if requirement.level is not None and requirement.level not in level_ids:
                hint = (
                    _level_hint(requirement.level, rubric)
                    or _did_you_mean(requirement.level, level_ids)
                    or f"levels: {', '.join(level_ids)}"
                )
                findings.append(
                    Finding(
                        "unknown-level",
                        (*loc, "level"),
                        f"unknown level '{requirement.level}'; {hint}",
                        related=(("levels",),),
                    )
                )
            if not requirement.skills and requirement.years is None and requirement.degree is None:
                findings.append(
                    Finding(
                        "unsatisfiable",
                        loc,
                        f"requirement '{requirement.id}' names no skills, "
                        "years or degree, so nothing could ever satisfy it",
                    )
                )
            if requirement.skills and requirement.min_skills > len(requirement.skills):
                findings.append(
                    Finding(
                        "unsatisfiable",
                        (*loc, "min_skills"),
                        f"min_skills is "
                        f"{requirement.min_skills} but only {len(requirement.skills)} skill(s) "
                        "are listed",
                        related=((*loc, "skills"),),
                    )
                )
    return findings


def lint_findings(
    rubric: Rubric, *, rules: Iterable[str] | None = None, locate: Locate | None = None
) -> list[Finding]:
    """Run the lint rules (``rules``: ids to run; default :func:`default_rules`).

    ``locate`` gives positions for messages that point at a second place ("also a form
    of Spark (line 40)"); without it those messages leave the line out.
    """
    wanted = default_rules() if rules is None else frozenset(rules)
    context = _Context(rubric, locate or _no_position)
    findings: list[Finding] = []
    for rule_ids, check in _CHECKS:
        if rule_ids & wanted:
            findings.extend(f for f in check(context) if f.rule in wanted)
    return findings


def lint_rubric(
    rubric: Rubric,
    *,
    path: str,
    locate: Callable[..., Mark | None],
    rules: Iterable[str] | None = None,
) -> list[Problem]:
    """Reference and lint problems for a rubric loaded from ``path``.

    ``locate`` is the document's ``SourceMap.locate``.
    """
    findings = reference_findings(rubric) + lint_findings(rubric, rules=rules, locate=locate)
    return [f.to_problem(path=path, locate=locate) for f in findings]


# --------------------------------------------------------------------------- helpers


def _did_you_mean(word: str, choices: Sequence[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1)
    return f"did you mean '{close[0]}'?" if close else ""


def _level_hint(written: str, rubric: Rubric) -> str:
    """'use the id' when a requirement names a level by its name or one of its aliases."""
    wanted = " ".join(word_norms(written))
    for level in rubric.levels:
        if wanted in {" ".join(word_norms(n)) for n in (level.id, level.name, *level.aliases)}:
            return (
                f"'{written}' is a name for level '{level.id}'; requirements use the "
                f"level's id: level: {level.id}"
            )
    return ""


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", " ".join(word_norms(text)).replace("&", " and ")).strip("-")


def _quote_list(items: Sequence[str], *, limit: int = 3) -> str:
    shown = ", ".join(f"'{item}'" for item in items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def _stems(norms: Sequence[str]) -> str:
    return " ".join(stem(n) for n in norms if n not in STOPWORDS)


# --------------------------------------------------------------------------- ids and text

_SLUG_RE = re.compile(SLUG_PATTERN)


@_check("id-not-slug")
def _check_ids(ctx: _Context) -> Iterator[Finding]:
    rubric = ctx.rubric
    places: list[tuple[PathKey, str]] = [(("id",), rubric.id)]
    if "levels" in rubric.model_fields_set:
        places += [(("levels", i, "id"), level.id) for i, level in enumerate(rubric.levels)]
    for a, area in enumerate(rubric.areas):
        places.append((("areas", a, "id"), area.id))
        places += [
            (("areas", a, "requirements", r, "id"), req.id)
            for r, req in enumerate(area.requirements)
        ]
    for loc, value in places:
        if not _SLUG_RE.match(value):
            slug = _slugify(value)
            hint = f"; try '{slug}'" if slug else ""
            yield Finding(
                "id-not-slug",
                loc,
                f"id '{value}' is not a slug (lowercase letters "
                f"and digits, words joined by single hyphens){hint}",
            )


@_check("empty-text")
def _check_empty_text(ctx: _Context) -> Iterator[Finding]:
    rubric = ctx.rubric
    places: list[tuple[PathKey, str, str]] = [(("title",), rubric.title, "the rubric's title")]
    if "levels" in rubric.model_fields_set:
        places += [
            (("levels", i, "name"), level.name, f"level '{level.id}' name")
            for i, level in enumerate(rubric.levels)
        ]
    for a, area in enumerate(rubric.areas):
        places.append((("areas", a, "name"), area.name, f"area '{area.id}' name"))
        for r, req in enumerate(area.requirements):
            rloc: PathKey = ("areas", a, "requirements", r)
            places.append(((*rloc, "name"), req.name, f"requirement '{req.id}' name"))
            places += [
                ((*rloc, "resources", i, "title"), res.title, "resource title")
                for i, res in enumerate(req.resources)
            ]
    for loc, value, what in places:
        if not value:
            yield Finding("empty-text", loc, f"{what} is empty; reports show it, so give it words")


# --------------------------------------------------------------------------- skills and forms


@_check("duplicate-skill", "conflicting-skill")
def _check_skill_names(ctx: _Context) -> Iterator[Finding]:
    first: dict[str, _SkillRef] = {}
    for ref in ctx.skills:
        earlier = first.setdefault(ref.skill.name, ref)
        if earlier is ref:
            continue
        where = f"requirement '{earlier.requirement.id}'{ctx.at(earlier.loc)}"
        if earlier.skill == ref.skill:
            yield Finding(
                "duplicate-skill",
                (*ref.loc, "name"),
                f"skill '{ref.skill.name}' is also in {where}: one mention counts "
                "for both requirements; keep it in one unless both should "
                "credit it",
                related=(earlier.loc, ref.loc),
            )
        else:
            differ = sorted(
                k for k in Skill.model_fields if getattr(earlier.skill, k) != getattr(ref.skill, k)
            )
            yield Finding(
                "conflicting-skill",
                (*ref.loc, "name"),
                f"skill '{ref.skill.name}' is already defined in {where} with "
                f"different {', '.join(differ)}; the matcher uses the first "
                "definition only, so this one's settings are ignored — make them "
                "identical or rename one",
                related=(earlier.loc, ref.loc),
            )


@_check("duplicate-form", "redundant-form", "unmatchable-form")
def _check_forms(ctx: _Context) -> Iterator[Finding]:
    by_key: dict[str, _FormRef] = {}
    by_compact: dict[str, _FormRef] = {}
    for form in ctx.forms:
        ref = ctx.skills[form.skill]
        if not ref.primary or not form.norms:
            continue
        other = by_key.get(form.key)
        how = ""
        if other is None and form.compact_ok:
            other = by_compact.get(form.compact)
            how = " once spaces and hyphens are ignored"
        if other is not None and ctx.name(other) != ref.skill.name:
            yield Finding(
                "duplicate-form",
                form.loc,
                f"'{form.text}' ({ref.skill.name}) is the same as '{other.text}', a form of "
                f"{ctx.name(other)}{ctx.at(other.loc)}{how}: one mention would count for both "
                "skills; keep it in one of them",
                related=(other.loc,),
            )
        by_key.setdefault(form.key, form)
        if form.compact_ok:
            by_compact.setdefault(form.compact, form)
    for number, forms in enumerate(ctx.forms_of):
        skill = ctx.skills[number].skill
        yield from _redundant_forms(ctx, skill, forms)
        for form in forms:
            if not form.norms:
                yield Finding(
                    "unmatchable-form",
                    form.loc,
                    f"'{form.text}' has no letters or digits, so it can never match; "
                    "delete it or write the words",
                )
        for i, entry in enumerate(skill.context):
            if not word_norms(entry):
                yield Finding(
                    "unmatchable-form",
                    (*ctx.skills[number].loc, "context", i),
                    f"context entry '{entry}' has no letters or digits, so it can "
                    "never be found; delete it",
                )


def _redundant_forms(ctx: _Context, skill: Skill, forms: list[_FormRef]) -> Iterator[Finding]:
    seen_text: dict[str, _FormRef] = {}
    seen_key: dict[str, _FormRef] = {}
    seen_compact: dict[str, _FormRef] = {}
    seen_stems: dict[str, _FormRef] = {}
    for form in forms:
        if not form.norms:
            continue
        same = seen_text.get(form.text)
        if same is not None:
            why = "is listed twice"
        elif (same := seen_key.get(form.key)) is not None:
            why = "once case, accents and punctuation are ignored"
        elif form.compact_ok and (same := seen_compact.get(form.compact)) is not None:
            why = "once spaces and hyphens are ignored"
        elif skill.inflect and (same := seen_stems.get(_stems(form.norms))) is not None:
            why = "because the skill has 'inflect', which folds word forms"
        if same is not None:
            what = (
                why
                if why == "is listed twice"
                else f"is the same as '{same.text}'{ctx.at(same.loc)} {why}"
            )
            yield Finding(
                "redundant-form",
                form.loc,
                f"'{form.text}' {what}: the matcher already treats them alike; delete it",
                related=(same.loc,),
            )
            continue
        seen_text[form.text] = form
        seen_key[form.key] = form
        if form.compact_ok:
            seen_compact[form.compact] = form
        if skill.inflect:
            seen_stems[_stems(form.norms)] = form
    listed: dict[str, int] = {}
    for i, entry in enumerate(skill.ambiguous):
        key = " ".join(word_norms(entry))
        if key in listed and (*ctx.skills[forms[0].skill].loc, "ambiguous", i) not in {
            f.loc for f in forms
        }:
            yield Finding(
                "redundant-form",
                (*ctx.skills[forms[0].skill].loc, "ambiguous", i),
                f"'{entry}' is listed twice in 'ambiguous'; delete one",
            )
        listed.setdefault(key, i)


# --------------------------------------------------------------------------- guards

#: Technology names that are also everyday words a resume uses in their everyday sense
#: ("spark innovation", "at the helm", "excel at", "react quickly", "Julia, our manager").
#: A form that is one of these needs a guard. Names whose everyday sense rarely shows up
#: in a resume (Airflow, Snowflake, Pinecone) are left out on purpose: warning about them
#: would only teach people to ignore the rule.
COMMON_WORDS = frozenset(
    {
        "access",
        "accelerate",
        "ant",
        "arrow",
        "assembly",
        "atlas",
        "basic",
        "beam",
        "bloom",
        "chef",
        "circle",
        "comet",
        "composer",
        "compass",
        "consul",
        "crystal",
        "dart",
        "delta",
        "drill",
        "drone",
        "echo",
        "elastic",
        "elm",
        "envoy",
        "excel",
        "express",
        "fabric",
        "falcon",
        "feast",
        "flask",
        "forecast",
        "glue",
        "go",
        "guidance",
        "harbor",
        "helm",
        "hive",
        "ignite",
        "jasmine",
        "jest",
        "julia",
        "karma",
        "kite",
        "lambda",
        "lightning",
        "logo",
        "make",
        "maven",
        "mercury",
        "nexus",
        "nomad",
        "notion",
        "oracle",
        "outlines",
        "packer",
        "pilot",
        "pig",
        "presto",
        "prophet",
        "puppet",
        "racket",
        "rails",
        "ray",
        "react",
        "ruby",
        "rust",
        "salt",
        "scheme",
        "scratch",
        "sentry",
        "shell",
        "slack",
        "spark",
        "spring",
        "storm",
        "swift",
        "teams",
        "tempo",
        "torch",
        "unity",
        "vault",
        "vector",
        "word",
    }
)

#: Two-letter English words: as a context word they vouch for nothing.
_SHORT_WORDS = frozenset(
    {
        "am",
        "an",
        "as",
        "at",
        "be",
        "by",
        "do",
        "go",
        "he",
        "hi",
        "if",
        "in",
        "is",
        "it",
        "me",
        "my",
        "no",
        "of",
        "oh",
        "ok",
        "on",
        "or",
        "so",
        "to",
        "up",
        "us",
        "we",
    }
)


def _is_short(form: _FormRef) -> bool:
    return len(form.norms) == 1 and len(form.compact) <= 2 and form.compact.isalpha()


@_check(
    "unguarded-form", "ambiguous-without-context", "unused-guard", "dead-exclude", "weak-context"
)
def _check_guards(ctx: _Context) -> Iterator[Finding]:
    for number, ref in enumerate(ctx.skills):
        if not ref.primary:
            continue
        skill = ref.skill
        ambiguous = {" ".join(word_norms(a)) for a in skill.ambiguous} - {""}
        has_context = any(word_norms(c) for c in skill.context)
        if ambiguous and not has_context:
            yield Finding(
                "ambiguous-without-context",
                (*ref.loc, "ambiguous"),
                f"{skill.name} lists ambiguous forms ({_quote_list(skill.ambiguous)}) "
                "but no 'context', so they are matched everywhere; add context "
                "words that appear next to the real skill",
                key=True,
            )
        if not ambiguous:
            yield from _unused_guards(ref)
        for form in ctx.forms_of[number]:
            if len(form.norms) != 1 or form.key in ambiguous:
                continue
            if _is_short(form):
                yield Finding(
                    "unguarded-form",
                    form.loc,
                    f"'{form.text}' is {len(form.compact)} letter"
                    f"{'s' if len(form.compact) > 1 else ''} long and is matched "
                    "wherever it stands alone (an initial, a grade, a unit); list it "
                    "in 'ambiguous' and give 'context' words",
                )
            elif form.compact in COMMON_WORDS and not skill.exclude:
                yield Finding(
                    "unguarded-form",
                    form.loc,
                    f"'{form.text}' is also an everyday word and is matched wherever "
                    "it appears; list it in 'ambiguous' with 'context' words (and "
                    "'case_sensitive: true' if it is always capitalised), or "
                    "'exclude' its everyday phrases",
                )
        yield from _dead_excludes(ctx, ref, ctx.forms_of[number])
        for i, entry in enumerate(skill.context):
            norms = word_norms(entry)
            if len(norms) != 1 or not norms[0].isalpha():
                continue
            if len(norms[0]) == 1:
                why = "a single letter"
            elif norms[0] in _SHORT_WORDS:
                why = "an everyday two-letter word"
            else:
                continue
            yield Finding(
                "weak-context",
                (*ref.loc, "context", i),
                f"context word '{entry}' is {why}, so it vouches for nothing; use "
                "unambiguous neighbours (sibling technologies, 'programming', "
                "'statistics')",
            )


def _unused_guards(ref: _SkillRef) -> Iterator[Finding]:
    skill = ref.skill
    set_fields = skill.model_fields_set
    if skill.context:
        yield Finding(
            "unused-guard",
            (*ref.loc, "context"),
            f"'context' has no effect: {skill.name} has no 'ambiguous' forms, and "
            "context words are only required for those; list the risky form in "
            "'ambiguous' or delete 'context'",
            key=True,
        )
    if skill.case_sensitive:
        yield Finding(
            "unused-guard",
            (*ref.loc, "case_sensitive"),
            f"'case_sensitive' has no effect: it applies to ambiguous forms and "
            f"{skill.name} has none; list the form in 'ambiguous' or delete it",
            key=True,
        )
    if "context_window" in set_fields:
        yield Finding(
            "unused-guard",
            (*ref.loc, "context_window"),
            f"'context_window' has no effect: {skill.name} has no 'ambiguous' forms; delete it",
            key=True,
        )


def _phrase_contains(phrase: tuple[str, ...], form: _FormRef, *, inflect: bool) -> bool:
    size = len(form.norms)
    for start in range(len(phrase)):
        for end in range(start + 1, len(phrase) + 1):
            span = phrase[start:end]
            if span == form.norms:
                return True
            if form.compact_ok and all(len(w) >= 2 for w in span) and "".join(span) == form.compact:
                return True
            if inflect and end - start == size and _stems(span) == _stems(form.norms):
                return True
    return False


def _guards_an_end(phrase: tuple[str, ...], form: _FormRef, *, inflect: bool) -> bool:
    """Could the phrase cover the first or last word of a match of the form?

    The matcher drops a match when an exclude phrase found in the text covers its first
    or last word ("learning rate" stops "machine learning" in "machine learning rate"),
    and inflect phrases may have words in between ("lead generation team").
    """
    ends = {form.norms[0], form.norms[-1]}
    words = set(phrase)
    if ends & words:
        return True
    return inflect and bool({stem(w) for w in ends} & {stem(w) for w in words})


def _dead_excludes(ctx: _Context, ref: _SkillRef, forms: list[_FormRef]) -> Iterator[Finding]:
    inflect = ref.skill.inflect
    for i, phrase_text in enumerate(ref.skill.exclude):
        phrase = word_norms(phrase_text)
        if phrase and any(
            form.norms
            and (
                _phrase_contains(phrase, form, inflect=inflect)
                or _guards_an_end(phrase, form, inflect=inflect)
            )
            for form in forms
        ):
            continue
        if not phrase:
            yield Finding(
                "dead-exclude",
                (*ref.loc, "exclude", i),
                f"exclude phrase '{phrase_text}' has no words, so it can never apply; delete it",
            )
            continue
        names = [f.text for f in forms if f.norms]
        yield Finding(
            "dead-exclude",
            (*ref.loc, "exclude", i),
            f"exclude phrase '{phrase_text}' contains no form of {ref.skill.name} "
            f"({_quote_list(names)}), so it can never apply; an exclude phrase must "
            "contain the form it protects",
        )


# --------------------------------------------------------------------------- the matcher


def _single_skill_index(skill: Skill) -> SkillIndex:
    """A matcher that knows only ``skill`` (to ask "would this text match it?")."""
    from .matching import SkillIndex

    requirement = Requirement.model_construct(id="lint", name="lint", skills=(skill,))
    area = Area.model_construct(id="lint", name="lint", weight=1.0, requirements=(requirement,))
    return SkillIndex(Rubric.model_construct(id="lint", title="lint", version="0", areas=(area,)))


def _how(evidence: Evidence, form_norms: tuple[str, ...], other: Skill) -> str:
    """How the matcher got from the text to the other skill's form, in words."""
    written = word_norms(evidence.text)
    if evidence.method == "fuzzy":
        return f"as a near spelling, similarity {evidence.similarity:.2f}"
    if "".join(written) == "".join(form_norms):
        return "spaces and hyphens are ignored"
    if other.inflect:
        return "word forms are folded and a few words in between are allowed"
    return "as written"


@_check("cross-match", "contained-form")
def _check_matcher(ctx: _Context) -> Iterator[Finding]:
    index = ctx.index()
    primary = [ref for ref in ctx.skills if ref.primary]
    skill_by_name = {ref.skill.name: ref.skill for ref in primary}
    form_loc = {(ctx.name(f), f.text): f.loc for f in ctx.forms if ctx.skills[f.skill].primary}
    other_forms: dict[str, list[_FormRef]] = {}
    for ref_number, ref in enumerate(ctx.skills):
        if ref.primary:
            other_forms[ref.skill.name] = ctx.forms_of[ref_number]
    same_form = _shared_forms(ctx)
    words = frozenset(f.compact for f in ctx.forms if len(f.norms) == 1)
    reported: set[tuple[PathKey, str]] = set()
    contained: dict[tuple[str, str], list[_FormRef]] = {}
    for form in ctx.forms:
        ref = ctx.skills[form.skill]
        if not ref.primary or not form.norms:
            continue
        for evidence in index.match_text(form.text):
            other = evidence.skill
            if other == ref.skill.name or (form.loc, other) in same_form | reported:
                continue
            written = word_norms(evidence.text)
            target = word_norms(evidence.form)
            if evidence.method != "fuzzy" and _equivalent(
                written, other_forms[other], inflect=skill_by_name[other].inflect
            ):
                contained.setdefault((other, evidence.form), []).append(form)
                continue
            reported.add((form.loc, other))
            how = _how(evidence, target, skill_by_name[other])
            if written == form.norms:
                message = (
                    f"'{form.text}' ({ref.skill.name}) is also read as {other} "
                    f"(its form '{evidence.form}'; {how}): one mention counts for both "
                    "skills; keep the phrase in one of them, or reword it"
                )
            else:
                message = (
                    f"'{evidence.text}' inside '{form.text}' ({ref.skill.name}) is read "
                    f"as {other} (its form '{evidence.form}'; {how}): a mention of "
                    f"'{form.text}' also counts for {other}; if it should not, add "
                    f"'{form.text}' to the exclude list of {other}"
                )
            yield Finding(
                "cross-match", form.loc, message, related=(form_loc[(other, evidence.form)],)
            )
        yield from _split_spellings(ctx, index, form, words, reported)
    for (other, other_form), forms in contained.items():
        examples = [ctx.described(f) for f in forms]
        shown = ", ".join(examples[:3]) + (
            f" and {len(examples) - 3} more" if len(examples) > 3 else ""
        )
        yield Finding(
            "contained-form",
            form_loc[(other, other_form)],
            f"'{other_form}' ({other}) appears word for word in {len(forms)} form"
            f"{'s' if len(forms) != 1 else ''} of other skills: {shown}; a mention "
            f"of any of them also counts for {other}; where it should not, add the "
            f"phrase to the exclude list of {other}",
            related=tuple(f.loc for f in forms),
        )


def _equivalent(written: tuple[str, ...], forms: Sequence[_FormRef], *, inflect: bool) -> bool:
    """Are these words one of the forms, as the matcher sees it (case, spacing and
    hyphens ignored; word forms folded for inflect skills), with no words in between?"""
    for form in forms:
        if written == form.norms:
            return True
        if (
            form.compact_ok
            and all(len(w) >= 2 for w in written)
            and "".join(written) == form.compact
        ):
            return True
        kept = tuple(w for w in written if w not in STOPWORDS)
        if (
            inflect
            and len(kept) == len([n for n in form.norms if n not in STOPWORDS])
            and _stems(written) == _stems(form.norms)
        ):
            return True
    return False


def _shared_forms(ctx: _Context) -> set[tuple[PathKey, str]]:
    """(form location, other skill) pairs that duplicate-form already reports."""
    owners: dict[str, set[str]] = {}
    for form in ctx.forms:
        if not ctx.skills[form.skill].primary or not form.norms:
            continue
        owners.setdefault(form.key, set()).add(ctx.name(form))
        if form.compact_ok:
            owners.setdefault("\0" + form.compact, set()).add(ctx.name(form))
    pairs: set[tuple[PathKey, str]] = set()
    for form in ctx.forms:
        names = owners.get(form.key, set()) | (
            owners.get("\0" + form.compact, set()) if form.compact_ok else set()
        )
        pairs.update((form.loc, name) for name in names)
    return pairs


#: Where a one-word name changes case ("Java|Script", "LLM|Ops"): the places people
#: also put a space.
_HUMP_RE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def _split_spellings(
    ctx: _Context,
    index: SkillIndex,
    form: _FormRef,
    words: frozenset[str],
    reported: set[tuple[PathKey, str]],
) -> Iterator[Finding]:
    """A one-word form written in two words ("Java Script") is still that skill to the
    matcher; report when one of the two words also counts for another skill."""
    text = form.text
    if len(form.norms) != 1 or len(text) < 6 or not (text.isascii() and text.isalnum()):
        return
    name = ctx.name(form)
    for match in _HUMP_RE.finditer(text):
        cut = match.start()
        left, right = text[:cut], text[cut:]
        if len(left) < 3 or len(right) < 3:
            continue
        if left.lower() not in words and right.lower() not in words:
            continue
        spaced = f"{left} {right}"
        found = index.match_text(spaced)
        if not any(e.skill == name for e in found):
            continue
        for evidence in found:
            if evidence.skill == name or (form.loc, evidence.skill) in reported:
                continue
            reported.add((form.loc, evidence.skill))
            yield Finding(
                "cross-match",
                form.loc,
                f"'{text}' ({name}) written as '{spaced}' still counts as {name}, "
                f"but '{evidence.text}' in it also counts for {evidence.skill}; if it "
                f"should not, add '{spaced}' to the exclude list of {evidence.skill}",
            )


@_check("fuzzy-collision")
def _fuzzy_collisions(ctx: _Context) -> Iterator[Finding]:
    """Forms of one skill within fuzzy reach of another skill's forms.

    Asks a matcher that knows only the other skill whether it would match the form's
    text: with the form's own skill out of the way, that is the reach a misspelling has.
    Only pairs that could be in reach are asked (same first letter, and no more edits
    apart than the matcher ever allows for a form that long).
    """
    from rapidfuzz.distance import OSA

    from .matching import MIN_FUZZY_LENGTH, fuzzy_allowance
    from .profile import DeclaredSkill

    form_loc = {(ctx.name(f), f.text): f.loc for f in ctx.forms if ctx.skills[f.skill].primary}

    by_first: dict[str, list[_FormRef]] = {}
    for form in ctx.forms:
        if ctx.skills[form.skill].primary and len(form.compact) >= MIN_FUZZY_LENGTH:
            by_first.setdefault(form.compact[0], []).append(form)
    indexes: dict[str, SkillIndex] = {}
    seen: set[tuple[PathKey, PathKey]] = set()
    for form in ctx.forms:
        ref = ctx.skills[form.skill]
        if not ref.primary or not form.norms:
            continue
        windows = {
            "".join(form.norms[i:j])
            for i in range(len(form.norms))
            for j in range(i + 1, min(len(form.norms), i + 3) + 1)
        }
        candidates: dict[str, Skill] = {}
        for window in windows:
            for target in by_first.get(window[:1], ()):
                other = ctx.skills[target.skill].skill
                if other.name == ref.skill.name or other.name in candidates:
                    continue
                reach = fuzzy_allowance(len(target.compact))
                if 0 < OSA.distance(window, target.compact, score_cutoff=reach) <= reach:
                    candidates[other.name] = other
        for other_name, other in sorted(candidates.items()):
            matcher = indexes.get(other_name)
            if matcher is None:
                matcher = indexes[other_name] = _single_skill_index(other)
            found = matcher.match_text(form.text) + matcher.match_declared(
                DeclaredSkill(form.text, "rubric", None)
            )
            for evidence in found:
                if evidence.similarity >= 1.0:
                    continue
                target_loc = form_loc[(other_name, evidence.form)]
                if (target_loc, form.loc) in seen:
                    continue
                seen.add((target_loc, form.loc))
                yield Finding(
                    "fuzzy-collision",
                    target_loc,
                    f"'{evidence.form}' ({other_name}) is matched fuzzily, and "
                    f"{ctx.described(form)} is within reach of it (similarity "
                    f"{evidence.similarity:.2f}): a slightly misspelt mention of "
                    f"either may count for the other; set 'exact: true' on "
                    f"{other_name} if they are different things",
                    related=(form.loc,),
                )


# --------------------------------------------------------------------------- weights, years, levels


def _total(values: Sequence[float]) -> str:
    return f"{math.fsum(values):g}"


@_check("weights-sum")
def _check_weights(ctx: _Context) -> Iterator[Finding]:
    rubric = ctx.rubric
    if rubric.weights != "percent":
        return
    weights = [area.weight for area in rubric.areas]
    if not math.isclose(math.fsum(weights), 100.0, abs_tol=1e-6):
        yield Finding(
            "weights-sum",
            ("areas",),
            f"area weights add up to {_total(weights)}, not 100 ('weights: percent' "
            "says they must)",
            key=True,
            related=tuple(("areas", a, "weight") for a in range(len(weights))),
        )
    for a, area in enumerate(rubric.areas):
        weights = [req.weight for req in area.requirements]
        if weights and not math.isclose(math.fsum(weights), 100.0, abs_tol=1e-6):
            loc: PathKey = ("areas", a, "requirements")
            yield Finding(
                "weights-sum",
                loc,
                f"requirement weights in area '{area.id}' add up to "
                f"{_total(weights)}, not 100 ('weights: percent' says they must)",
                key=True,
                related=tuple((*loc, r, "weight") for r in range(len(weights))),
            )


#: More years than this is longer than a working life: nobody could meet it.
MAX_PLAUSIBLE_YEARS = 50


@_check("implausible-years", "unused-level")
def _check_requirements(ctx: _Context) -> Iterator[Finding]:
    for a, area in enumerate(ctx.rubric.areas):
        for r, req in enumerate(area.requirements):
            loc: PathKey = ("areas", a, "requirements", r)
            if req.years is not None and req.years > MAX_PLAUSIBLE_YEARS:
                blocking = " and, as a must-have, blocks every candidate" if req.must_have else ""
                yield Finding(
                    "implausible-years",
                    (*loc, "years"),
                    f"years: {req.years:g} is longer than a working life, so no "
                    f"profile can meet it{blocking}; typical values are 2 to 15",
                )
            if req.level is not None and not req.skills:
                yield Finding(
                    "unused-level",
                    (*loc, "level"),
                    f"level '{req.level}' has no effect: requirement '{req.id}' has "
                    "no skills (levels apply to declared skills); delete it or add "
                    "skills",
                )


@_check("ambiguous-level")
def _check_levels(ctx: _Context) -> Iterator[Finding]:
    rubric = ctx.rubric
    if "levels" not in rubric.model_fields_set:
        return  # the default scale is known to be unambiguous
    owner: dict[str, tuple[int, PathKey]] = {}
    for i, level in enumerate(rubric.levels):
        names: list[tuple[PathKey, str]] = [
            (("levels", i, "id"), level.id),
            (("levels", i, "name"), level.name),
        ]
        names += [(("levels", i, "aliases", j), alias) for j, alias in enumerate(level.aliases)]
        for loc, text in names:
            key = " ".join(word_norms(text))
            if not key:
                continue
            first = owner.setdefault(key, (i, loc))
            if first[0] != i and rubric.levels[first[0]].id != level.id:
                earlier = rubric.levels[first[0]].id
                yield Finding(
                    "ambiguous-level",
                    loc,
                    f"'{text}' names both level '{earlier}'{ctx.at(first[1])} and "
                    f"level '{level.id}'; a declared level '{text}' is read as "
                    f"'{earlier}' — use it for one level only",
                    related=(first[1],),
                )


# --------------------------------------------------------------------------- resources


@_check("bad-url")
def _check_urls(ctx: _Context) -> Iterator[Finding]:
    for a, area in enumerate(ctx.rubric.areas):
        for r, req in enumerate(area.requirements):
            for i, resource in enumerate(req.resources):
                if resource.url is None:
                    continue
                problem = _url_problem(resource.url)
                if problem:
                    yield Finding(
                        "bad-url",
                        ("areas", a, "requirements", r, "resources", i, "url"),
                        f"resource URL '{resource.url}' {problem}",
                    )


def _url_problem(url: str) -> str:
    """Why ``url`` is not a usable http(s) link, or '' if it is one."""
    if any(ch.isspace() for ch in url):
        return "contains spaces; encode them as %20"
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a malformed port
    except ValueError:
        return "is malformed; check the host and port"
    if not parts.scheme:
        guess = f"https://{url}" if "." in url.split("/")[0] else ""
        return "has no scheme" + (f"; write '{guess}'" if guess else "; start it with https://")
    if parts.scheme not in ("http", "https"):
        return (
            f"uses '{parts.scheme}:'; only http and https links are allowed (reports "
            "turn them into links)"
        )
    if not host:
        return "has no host; write it as https://host/path"
    if "." not in host and host != "localhost":
        return f"has host '{host}', which is not a domain name"
    return ""


__all__ = [
    "COMMON_WORDS",
    "MAX_PLAUSIBLE_YEARS",
    "RULES",
    "Finding",
    "Rule",
    "default_rules",
    "lint_findings",
    "lint_rubric",
    "reference_findings",
]

"""The rules of ``skillgap validate`` and the lint checks that report them.

A rubric can be valid YAML and fit the schema and still be wrong in ways that only show
up as bad scores: a form shared by two skills (one mention counts twice), a short name
with no guard ("R" in "R&D"), an exclusion phrase that can never apply, percentages that
do not add up. :data:`RULES` lists every rule with its default level, in the order
``docs/lint-rules.md`` documents them (each with a failing and a passing example); the
rules of the ``lint`` and ``fairness`` stages are checked by the functions in
:data:`CHECKS`, one group of rules per module of this package:

* :mod:`.names` — ids and text (``id-not-slug``, ``empty-text``);
* :mod:`.forms` — skills and their forms (duplicates, redundancy, unmatchable forms);
* :mod:`.guards` — guards of short and everyday names, context and exclusions;
* :mod:`.inherited` — the rubric against the knowledge base (unknown names, collisions);
* :mod:`.matcher` — what the real matcher makes of every form (cross-matches, fuzzy
  collisions);
* :mod:`.values` — weights, years, levels and resource links;
* :mod:`.fairness` — wording that stands in for a protected attribute (the rules of the
  ``fairness`` stage: age, national origin, culture fit, named schools, physical
  requirements, gendered words).

Checks see the rubric model through a :class:`~.context.LintContext` and produce
:class:`~skillgap.rubric.findings.Finding` values located by document path; the caller
(:mod:`.validate`) turns them into positioned problems and applies the comments that
silence a rule.

>>> RULES["cross-match"].level.value, RULES["contained-form"].enabled
('warning', False)
"""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import Level
from ..rubric.findings import Finding, Locate, Rule
from ..rubric.model import Rubric
from ..rubric.references import REFERENCE_RULES
from .achievements import check_achievements, check_implications
from .context import Check, LintContext, no_position
from .fairness import check_fairness
from .forms import check_forms, check_skill_names
from .guards import check_guards
from .inherited import check_knowledge
from .matcher import check_fuzzy_collisions, check_matcher
from .names import check_empty_text, check_ids
from .values import check_levels, check_requirements, check_urls, check_weights

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
        *REFERENCE_RULES.values(),
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
            "unknown-skill",
            _I,
            "lint",
            "A skill name the knowledge base does not know, within a typo of one it does.",
        ),
        Rule(
            "knowledge-collision",
            _W,
            "lint",
            "A form of a skill that the knowledge base knows as a different skill "
            "(off by default).",
            enabled=False,
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
            "unmatchable-achievement",
            _E,
            "lint",
            "An achievement's action, object or about word with nothing the matcher can use.",
        ),
        Rule(
            "repeated-achievement-word",
            _W,
            "lint",
            "The same word form twice in one list of an achievement.",
        ),
        Rule(
            "generic-achievement",
            _W,
            "lint",
            "An achievement with only general objects ('team', 'project') and no 'about' words.",
        ),
        Rule(
            "unknown-implied-skill",
            _E,
            "lint",
            "An 'implies' entry that names no other skill of the rubric.",
        ),
        Rule(
            "weights-sum", _E, "lint", "With 'weights: percent', weights that do not add up to 100."
        ),
        Rule("implausible-years", _E, "lint", "More years of experience than a working life."),
        Rule("unused-level", _W, "lint", "A level on a requirement with no skills."),
        Rule("ambiguous-level", _E, "lint", "One word naming two levels of the scale."),
        Rule("bad-url", _E, "lint", "A resource URL that is not http(s) with a host."),
        Rule(
            "age-proxy",
            _W,
            "fairness",
            "Wording that selects by age: 'digital native', 'recent graduate', a maximum of years.",
        ),
        Rule(
            "national-origin-proxy",
            _W,
            "fairness",
            "Wording that selects by national origin: 'native speaker', citizenship not "
            "stated as a legal requirement.",
        ),
        Rule("culture-fit", _W, "fairness", "'Culture fit': rewarding resemblance to the team."),
        Rule(
            "named-school-must-have",
            _W,
            "fairness",
            "A must-have requirement that names a school ('Stanford', 'Ivy League').",
        ),
        Rule(
            "physical-requirement",
            _W,
            "fairness",
            "A physical requirement (lifting, 'able-bodied') with no accommodation note.",
        ),
        Rule(
            "gendered-wording",
            _W,
            "fairness",
            "Gendered words: 'fraternity', 'chairman', 'manpower', 'he/she'.",
        ),
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


#: Every lint check with the rules it reports, in the order they run.
CHECKS: tuple[tuple[frozenset[str], Check], ...] = (
    (frozenset({"id-not-slug"}), check_ids),
    (frozenset({"empty-text"}), check_empty_text),
    (frozenset({"duplicate-skill", "conflicting-skill"}), check_skill_names),
    (frozenset({"duplicate-form", "redundant-form", "unmatchable-form"}), check_forms),
    (
        frozenset(
            {
                "unguarded-form",
                "ambiguous-without-context",
                "unused-guard",
                "dead-exclude",
                "weak-context",
            }
        ),
        check_guards,
    ),
    (frozenset({"unknown-skill", "knowledge-collision"}), check_knowledge),
    (
        frozenset({"unmatchable-achievement", "repeated-achievement-word", "generic-achievement"}),
        check_achievements,
    ),
    (frozenset({"unknown-implied-skill"}), check_implications),
    (frozenset({"cross-match", "contained-form"}), check_matcher),
    (frozenset({"fuzzy-collision"}), check_fuzzy_collisions),
    (frozenset({"weights-sum"}), check_weights),
    (frozenset({"implausible-years", "unused-level"}), check_requirements),
    (frozenset({"ambiguous-level"}), check_levels),
    (frozenset({"bad-url"}), check_urls),
    (
        frozenset(
            {
                "age-proxy",
                "national-origin-proxy",
                "culture-fit",
                "named-school-must-have",
                "physical-requirement",
                "gendered-wording",
            }
        ),
        check_fairness,
    ),
)


def lint_findings(
    rubric: Rubric, *, rules: Iterable[str] | None = None, locate: Locate | None = None
) -> list[Finding]:
    """Run the lint rules (``rules``: ids to run; default :func:`default_rules`).

    ``locate`` gives positions for messages that point at a second place ("also a form
    of Spark (line 40)"); without it those messages leave the line out.
    """
    wanted = default_rules() if rules is None else frozenset(rules)
    context = LintContext(rubric, locate or no_position)
    findings: list[Finding] = []
    for rule_ids, check in CHECKS:
        if rule_ids & wanted:
            findings.extend(f for f in check(context) if f.rule in wanted)
    return findings


__all__ = ["CHECKS", "RULES", "default_rules", "lint_findings"]

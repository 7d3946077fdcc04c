"""Fairness rules of ``skillgap validate``: wording that stands in for a protected attribute.

A rubric can reward what a person *is* rather than what they can do, without naming
it: "digital native" and "recent graduate" select by age, "native English speaker" by
national origin, "culture fit" by whoever already works there, a must-have Stanford
degree by class and race, "able-bodied" by disability, "fraternity" and "chairman" by
sex. Each rule looks for such wording in the text a rubric scores or shows:

* the rubric's title and description, each area's name and description;
* each requirement's name, description and next steps;
* each skill's name, aliases and claims (what the matcher looks for).

Guards (``context``, ``exclude``) and resources are not read: an exclusion phrase keeps
a skill from matching, it rewards nothing. Each finding names the phrase, the attribute
it stands in for, and the fix; one finding per rule and place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..io.yaml_source import PathKey
from ..rubric.findings import Finding
from ..rubric.model import Requirement
from .context import LintContext

_F = re.IGNORECASE


def _words(*alternatives: str) -> re.Pattern[str]:
    """A case-insensitive pattern of whole-word alternatives."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", _F)


_YEAR = r"(?:19|20)\d\d"
_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty)"

AGE = _words(
    r"digital natives?",
    r"recent(?:ly)? (?:college |university )?grad(?:uate)?s?",
    r"new grads?",
    r"fresh (?:grad(?:uate)?s?|talent|blood|faces?)",
    # Young people, not a young company, field or codebase.
    r"young(?:er)?(?! (?:compan(?:y|ies)|start-?ups?|business(?:es)?|organi[sz]ations?|firms?"
    r"|ventures?|products?|projects?|fields?|industr(?:y|ies)|markets?|disciplines?"
    r"|technolog(?:y|ies)|brands?|codebases?|platforms?)\b)",
    r"youthful",
    r"energetic",
    r"born (?:after|before|in|between) " + _YEAR,
    r"(?:graduated|graduating|graduation|class of)(?: year)?(?: (?:after|before|between|in|from))? "
    + _YEAR
    + r"(?:\s*(?:-|–|to|and)\s*"
    + _YEAR
    + r")?",
    r"(?:no|not) more than " + _NUMBER + r"\+? years?",
    r"(?:at most|a maximum of|maximum of|max\.?|maximum|up to|less than|fewer than) "
    + _NUMBER
    + r" years? (?:of )?(?:experience|work|in the industry)",
    r"over-?qualified",
    r"under (?:the age of )?\d\d(?: years old)?",
)
NATIONAL_ORIGIN = _words(
    r"native[- ](?:english|german|french|spanish|[a-z]+)?[- ]?speakers?",
    r"native[- ]level",
    r"native (?:english|german|french|spanish|dutch|japanese|mandarin|chinese)",
    r"mother[- ]tongue",
    r"first language",
    r"citizens?(?:hip)?",
    r"nationality",
    r"nationals?",
    r"born in",
    r"accent[- ]free",
    r"no accent",
    r"local candidates? only",
)
#: Wording that makes citizenship a legal requirement (work authorisation, clearance).
LEGAL = _words(
    r"authori[sz](?:ed|ation) to work",
    r"work authori[sz]ation",
    r"right to work",
    r"eligib(?:le|ility) to work",
    r"security clearance",
    r"export control\w*",
    r"visa sponsorship",
    r"required by law",
    r"legally required",
)
CULTURE = _words(
    r"cultur(?:e|al) fit",
    r"fits? (?:in )?(?:with )?our (?:culture|team)",
    r"fits? in(?:to)? (?:with )?the (?:culture|team)",
    r"(?:good|great) fit for (?:the|our) team",
    r"beer test",
    r"one of us",
)
SCHOOL = re.compile(
    r"(?<![\w-])(?:Ivy League|Oxbridge|Russell Group|Stanford|Harvard|Princeton|Yale|"
    r"Caltech|Berkeley|Carnegie Mellon|Oxford|Cambridge University|University of Cambridge|"
    r"MIT|IIT|IITs|ETH Zurich|Tsinghua|"
    r"(?:top|elite|top-tier|top tier|tier-1|tier 1|prestigious|target) "
    r"(?:universit(?:y|ies)|schools?|colleges?)|"
    r"University of [A-Z][\w'-]+(?: [A-Z][\w'-]+)*|"
    r"(?:[A-Z][\w'&.-]+ )+(?:University|College|Institute of Technology)|"
    r"Institute of Technology)(?![\w-])"
)
PHYSICAL = _words(
    r"lift(?:ing)? (?:up to )?\d+ ?(?:lbs?|pounds|kg|kilos?)",
    r"heavy lifting",
    r"able-bodied",
    r"physically (?:fit|strong|able)",
    r"physical fitness",
    r"good (?:eye ?sight|vision|hearing)",
    r"(?:perfect|normal) (?:eye ?sight|vision|hearing)",
    r"20/20 vision",
    r"(?:stand|standing|walk|walking) for (?:long periods|extended periods|\d+ hours)",
    r"able to stand",
    r"good health",
    r"no disabilit(?:y|ies)",
)
#: Legal wording that makes a physical requirement considered (accommodation).
ACCOMMODATION = _words(r"reasonable accommodations?", r"with or without accommodation")
GENDERED = _words(
    r"fraternit(?:y|ies)",
    r"sororit(?:y|ies)",
    r"manpower",
    r"chairman",
    r"chairmen",
    r"salesman",
    r"salesmen",
    r"foreman",
    r"craftsman",
    r"spokesman",
    r"workmanlike",
    r"he/she",
    r"s/he",
    r"he or she",
    r"his/her",
    r"his or her",
    r"him/her",
    r"(?:he|she) (?:will|should|must|is|has|can)",
    r"guys",
    r"(?:alpha|beta|gamma|delta|epsilon|zeta|eta|theta|iota|kappa|lambda|mu|nu|xi|omicron|"
    r"pi|rho|sigma|tau|upsilon|phi|chi|psi|omega)(?: (?:alpha|beta|gamma|delta|epsilon|"
    r"zeta|eta|theta|iota|kappa|lambda|mu|nu|xi|pi|rho|sigma|tau|upsilon|phi|chi|psi|"
    r"omega)){1,2}",
)


@dataclass(frozen=True)
class _Text:
    """One piece of text a rubric scores or shows, and where it is."""

    loc: PathKey
    what: str
    text: str
    requirement: Requirement | None = None


def _texts(ctx: LintContext) -> Iterator[_Text]:
    rubric = ctx.rubric
    yield _Text(("title",), "the title", rubric.title)
    yield _Text(("description",), "the description", rubric.description)
    skills_of: dict[int, list[tuple[PathKey, str, str]]] = {}
    for ref in ctx.skills:
        forms: list[tuple[PathKey, str, str]] = [(("name",), "skill", ref.skill.name)]
        forms += [(("aliases", i), "alias", a) for i, a in enumerate(ref.skill.aliases)]
        forms += [(("claims", i), "claim", c) for i, c in enumerate(ref.skill.claims)]
        for sub, kind, text in forms:
            skills_of.setdefault(id(ref.requirement), []).append(((*ref.loc, *sub), kind, text))
    for a, area in enumerate(rubric.areas):
        aloc: PathKey = ("areas", a)
        yield _Text((*aloc, "name"), f"area '{area.id}'", area.name)
        yield _Text((*aloc, "description"), f"area '{area.id}'", area.description)
        for r, req in enumerate(area.requirements):
            rloc: PathKey = (*aloc, "requirements", r)
            what = f"requirement '{req.id}'"
            yield _Text((*rloc, "name"), what, req.name, req)
            yield _Text((*rloc, "description"), what, req.description, req)
            for i, step in enumerate(req.next_steps):
                yield _Text((*rloc, "next_steps", i), f"a next step of '{req.id}'", step, req)
            for place, kind, text in skills_of.get(id(req), []):
                yield _Text(place, f"{kind} '{text}' of '{req.id}'", text, req)
            if req.degree is not None:
                for i, field in enumerate(req.degree.fields):
                    yield _Text((*rloc, "degree", "fields", i), f"degree of '{req.id}'", field, req)


def _requirement_text(req: Requirement | None) -> str:
    if req is None:
        return ""
    return " ".join([req.name, req.description, *req.next_steps])


def check_fairness(ctx: LintContext) -> Iterator[Finding]:
    """Every fairness rule over every text of the rubric."""
    for place in _texts(ctx):
        if not place.text:
            continue
        whole = f"{place.text} {_requirement_text(place.requirement)}"
        if match := AGE.search(place.text):
            yield _finding(
                "age-proxy",
                place,
                match,
                "selects by age (younger candidates), a protected attribute; ask for the "
                "skills or the minimum experience the work needs instead",
            )
        match = NATIONAL_ORIGIN.search(place.text)
        if match and not LEGAL.search(whole):
            yield _finding(
                "national-origin-proxy",
                place,
                match,
                "selects by national origin, a protected attribute; ask for the language "
                "level the work needs ('professional working proficiency in English') or, "
                "if the law requires it, say so ('authorised to work in the US')",
            )
        if match := CULTURE.search(place.text):
            yield _finding(
                "culture-fit",
                place,
                match,
                "rewards resembling the current team, a proxy for race, sex, age and class; "
                "name the behaviours the work needs ('gives and takes feedback in code review')",
            )
        if place.requirement is not None and place.requirement.must_have:
            if match := SCHOOL.search(place.text):
                yield _finding(
                    "named-school-must-have",
                    place,
                    match,
                    "makes a named school a must-have, a proxy for class, race and national "
                    "origin; ask for the degree level or field, or the skills, and drop the "
                    "school or make it not a must-have",
                )
        match = PHYSICAL.search(place.text)
        if match and not ACCOMMODATION.search(whole):
            yield _finding(
                "physical-requirement",
                place,
                match,
                "screens out disabled candidates, a protected attribute; remove it unless it "
                "is a genuine function of the job, and then say so with a reasonable-"
                "accommodation note",
            )
        if match := GENDERED.search(place.text):
            yield _finding(
                "gendered-wording",
                place,
                match,
                "is gendered wording, a proxy for sex; use neutral words ('workforce', "
                "'chair', 'salesperson', 'they', 'student society')",
            )


def _finding(rule: str, place: _Text, match: re.Match[str], why: str) -> Finding:
    return Finding(rule, place.loc, f"'{match.group(0)}' in {place.what} {why}")


__all__ = ["check_fairness"]

"""From a posting taken apart to the plan of a rubric: areas, requirements, weights, and
a note for every guess a reviewer should check."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .extract import DegreeGuess, find_degree, find_skills, find_years, stated_priority
from .posting import Item, Posting, Section, SectionKind, only_heading_words

#: Weights of a requirement: a must-have, one that is neither, a preferred one.
MUST_WEIGHT, PLAIN_WEIGHT, PREFERRED_WEIGHT = 3, 2, 1
#: Longest requirement name; the whole line goes to the description.
MAX_NAME_CHARS = 70
_MAX_SLUG_WORDS, _MAX_SLUG_CHARS = 6, 48
_SLUG_STOPWORDS_TEXT = (
    "a an the of in on at to for with and or as by e g eg etc such is are be our your you we will"
)
_SLUG_STOPWORDS = frozenset(_SLUG_STOPWORDS_TEXT.split())
# Which requirement keeps a skill named in several: must-haves, then the rest by kind.
_RANK = {
    SectionKind.REQUIRED: 1,
    SectionKind.QUALIFICATIONS: 2,
    SectionKind.RESPONSIBILITIES: 3,
    SectionKind.DESCRIPTION: 4,
    SectionKind.PREFERRED: 5,
}


@dataclass(frozen=True)
class PlannedRequirement:
    """One requirement of the draft, with the notes its comments carry."""

    id: str
    name: str
    description: str
    weight: int
    must_have: bool
    skills: tuple[str, ...]
    years: float | None
    degree: DegreeGuess | None
    notes: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class LeftOut:
    """A line of the posting that did not become a requirement, and why."""

    text: str
    line: int
    reason: str


@dataclass(frozen=True)
class PlannedArea:
    """One area of the draft: a section of the posting."""

    id: str
    name: str
    weight: int
    notes: tuple[str, ...]
    line: int
    requirements: tuple[PlannedRequirement, ...]
    left_out: tuple[LeftOut, ...]


@dataclass(frozen=True)
class Plan:
    """Everything the draft says, before it is written as YAML."""

    id: str
    title: str
    title_note: str
    description: str
    source: str
    areas: tuple[PlannedArea, ...]
    #: Sections with nothing recognisable in them: (name, line, their lines).
    empty: tuple[tuple[str, int, tuple[LeftOut, ...]], ...]
    #: Sections left out as not about requirements: (heading, line).
    skipped: tuple[tuple[str, int], ...]
    #: Lines about the job's terms that were left out ("Salary: ...").
    terms: tuple[Item, ...]


def slugify(text: str, *, fallback: str, max_words: int = _MAX_SLUG_WORDS) -> str:
    """A lowercase slug of the first words of ``text`` that say something.

    >>> slugify("Master's or Ph.D. in Computer Science", fallback="x")
    'masters-ph-d-computer-science'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = ascii_text.lower().replace("'", "").replace("+", " plus ").replace("#", " sharp ")
    words = [w for w in re.split(r"[^a-z0-9]+", ascii_text) if w and w not in _SLUG_STOPWORDS]
    slug = ""
    for word in words[:max_words]:
        longer = f"{slug}-{word}" if slug else word
        if len(longer) > _MAX_SLUG_CHARS:
            break
        slug = longer
    return slug or fallback


def _unique(slug: str, taken: set[str]) -> str:
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    taken.add(candidate)
    return candidate


def short_name(text: str, limit: int = MAX_NAME_CHARS) -> str:
    """The line as a name: at most ``limit`` characters, cut between words."""
    text = text.strip().rstrip(".;,:")
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:(-–")
    return f"{cut}…"


@dataclass
class _Candidate:
    section: Section
    item: Item
    order: int
    must_have: bool
    rank: int
    priority_note: str
    skills: list[str]
    fuzzy: list[tuple[str, str]]
    years: float | None
    years_text: str
    degree: DegreeGuess | None
    id: str = ""
    dropped: str = ""
    claimed_elsewhere: tuple[tuple[str, str], ...] = ()


def _candidate(section: Section, item: Item, order: int) -> _Candidate:
    items = section.items
    at = items.index(item)
    before = items[at - 1].text if at > 0 else ""
    after = items[at + 1].text if at + 1 < len(items) else ""
    stated = stated_priority(item.text)
    note = ""
    if stated is not None:
        must = stated[0]
        note = (
            f'GUESS: must-have because it says "{stated[1]}"'
            if must
            else f'GUESS: not a must-have because it says "{stated[1]}"'
        )
    else:
        must = section.kind is SectionKind.REQUIRED
    rank = 0 if must else _RANK.get(section.kind, 5)
    if stated is not None and not must:
        rank = _RANK[SectionKind.PREFERRED]
    degree = find_degree(item.text)
    found = [] if degree is not None else find_skills(item.text, before=before, after=after)
    years = find_years(item.text)
    return _Candidate(
        section=section,
        item=item,
        order=order,
        must_have=must,
        rank=rank,
        priority_note=note,
        skills=[s.name for s in found],
        fuzzy=[(s.text, s.name) for s in found if s.fuzzy],
        years=years.years if years else None,
        years_text=years.text if years else "",
        degree=degree,
    )


def _claim(candidates: list[_Candidate]) -> None:
    """Each skill stays in one requirement (one mention must not count twice): the
    first must-have that names it, else the first of the strongest kind of section. A
    line said twice word for word is kept once."""
    owner: dict[str, _Candidate] = {}
    said: dict[str, _Candidate] = {}
    for candidate in sorted(candidates, key=lambda c: (c.rank, c.order)):
        key = " ".join(re.findall(r"\w+", candidate.item.text.lower()))
        if key in said:
            candidate.dropped = f"said before, in requirement '{said[key].id}'"
            continue
        said[key] = candidate
        kept, elsewhere = [], []
        for skill in candidate.skills:
            first = owner.setdefault(skill, candidate)
            if first is candidate:
                kept.append(skill)
            else:
                elsewhere.append((skill, first.id))
        candidate.skills = kept
        candidate.claimed_elsewhere = tuple(elsewhere)
        if not (kept or candidate.years or candidate.degree):
            candidate.dropped = (
                "its skills count in other requirements"
                if elsewhere
                else "no skill, years or degree recognised"
            )


def _requirement(candidate: _Candidate) -> PlannedRequirement:
    text = candidate.item.text
    notes: list[str] = []
    if candidate.priority_note:
        notes.append(candidate.priority_note)
    for written, skill in candidate.fuzzy:
        if skill in candidate.skills:
            notes.append(f'CHECK: "{written}" read as {skill} (a near spelling)')
    if candidate.years is not None:
        years_note = f'GUESS: years {candidate.years:g} from "{candidate.years_text}"'
        if candidate.skills:
            years_note += "; years count the whole career, not only these skills"
        notes.append(years_note)
    degree = candidate.degree
    if degree is not None:
        notes.append(f'GUESS: degree level {degree.level} from "{degree.text}"')
        if degree.related:
            notes.append("CHECK: a related field is allowed; name such fields in related_fields")
        if degree.equivalent:
            notes.append(
                "CHECK: equivalent experience is allowed instead; skillgap scores the degree "
                "only, so consider a must-have only if the degree truly gates the role"
            )
    if candidate.claimed_elsewhere:
        named = ", ".join(f"{s} (in '{r}')" for s, r in candidate.claimed_elsewhere)
        notes.append(f"CHECK: also names {named}; a skill counts in one requirement only")
    name = short_name(text)
    weight = (
        MUST_WEIGHT
        if candidate.must_have
        else PREFERRED_WEIGHT
        if candidate.rank == _RANK[SectionKind.PREFERRED]
        else PLAIN_WEIGHT
    )
    return PlannedRequirement(
        id=candidate.id,
        name=name,
        description=text if name != text.strip().rstrip(".;,:") else "",
        weight=weight,
        must_have=candidate.must_have,
        skills=tuple(candidate.skills),
        years=candidate.years,
        degree=degree,
        notes=tuple(notes),
        line=candidate.item.line,
    )


#: Kinds of section whose heading may stand in for the skills of its lines.
_STAND_IN_KINDS = frozenset(
    {
        SectionKind.REQUIRED,
        SectionKind.QUALIFICATIONS,
        SectionKind.PREFERRED,
        SectionKind.RESPONSIBILITIES,
    }
)
_STAND_IN_WORDS = 6


def _stand_ins(
    sections: list[Section], claimed: set[str], taken: set[str]
) -> dict[int, PlannedRequirement]:
    """For sections none of whose lines names a skill ("Business Acumen"), a requirement
    with the heading's skills, or else the heading itself as the skill to write out, so
    the area stays in the draft for a reviewer to finish. A heading that another skill's
    name would be read as (or the reverse) is left out: one mention must not count twice."""
    planned: dict[int, tuple[Section, list[str], bool]] = {}
    names: set[str] = set()
    for section in sections:
        heading = section.heading
        if (
            section.kind not in _STAND_IN_KINDS
            or not section.items
            or not heading
            or len(heading.split()) > _STAND_IN_WORDS
            or only_heading_words(heading)
        ):
            continue
        known = [s.name for s in find_skills(heading) if s.name not in claimed]
        if known:
            claimed.update(known)
            planned[id(section)] = (section, known, True)
        elif heading.casefold() not in names:
            names.add(heading.casefold())
            planned[id(section)] = (section, [heading], False)
    clashing = _clashing([name for _, skills, _ in planned.values() for name in skills], claimed)
    out: dict[int, PlannedRequirement] = {}
    for key, (section, skills, from_base) in planned.items():
        if not from_base and skills[0] in clashing:
            continue
        must = section.kind is SectionKind.REQUIRED
        note = (
            "GUESS: no line here names a skill skillgap knows; the heading names these"
            if from_base
            else "GUESS: no line here names a skill skillgap knows, so the heading stands "
            "in as the skill; give it aliases or achievements (docs/rubric-format.md), or "
            "delete the area"
        )
        out[key] = PlannedRequirement(
            id=_unique(slugify(section.heading, fallback="requirement"), taken),
            name=short_name(section.heading),
            description="",
            weight=MUST_WEIGHT
            if must
            else PREFERRED_WEIGHT
            if section.kind is SectionKind.PREFERRED
            else PLAIN_WEIGHT,
            must_have=must,
            skills=tuple(skills),
            years=None,
            degree=None,
            notes=(note,),
            line=section.line,
        )
    return out


def _clashing(stand_ins: list[str], known: set[str]) -> set[str]:
    """The stand-in skill names the matcher would read as another skill of the draft, or
    that another's name would be read as."""
    from ..matching.index import SkillIndex
    from ..rubric.model import Rubric

    every = sorted(set(stand_ins) | known)
    if not stand_ins:
        return set()
    rubric = Rubric.model_validate(
        {
            "id": "draft",
            "title": "draft",
            "version": "1",
            "areas": [
                {
                    "id": "all",
                    "name": "all",
                    "weight": 1,
                    "requirements": [
                        {"id": f"r{n}", "name": name, "skills": [{"name": name}]}
                        for n, name in enumerate(every)
                    ],
                }
            ],
        }
    )
    index = SkillIndex(rubric)
    clashing: set[str] = set()
    for name in every:
        for evidence in index.match_text(name):
            if evidence.skill != name:
                clashing.update({evidence.skill, name})
    return clashing & set(stand_ins)


def _area_note(section: Section) -> str:
    said = section.kind_from
    if section.kind is SectionKind.REQUIRED:
        return f'GUESS: must-haves because the heading says "{said}"'
    if section.kind is SectionKind.PREFERRED:
        return f'GUESS: not must-haves because the heading says "{said}"'
    if section.kind is SectionKind.RESPONSIBILITIES:
        return "GUESS: responsibilities, read as requirements that are not must-haves"
    if section.kind is SectionKind.DESCRIPTION:
        return "GUESS: bullets of a description, read as requirements that are not must-haves"
    if not section.line:
        return 'GUESS: lines before any heading, named "Requirements"; not must-haves'
    return "GUESS: not must-haves: the heading says neither required nor preferred"


def _area_name(section: Section) -> str:
    if not section.line:
        return "Requirements"
    if section.parent:
        return f"{section.parent}: {section.heading}"
    return section.heading or "Requirements"


def plan_draft(
    posting: Posting,
    *,
    title: str | None = None,
    rubric_id: str | None = None,
    source: str = "",
    fallback_title: str | None = None,
) -> Plan:
    """The plan of a rubric for ``posting``: one area per section that yields anything,
    one requirement per line that names a skill, years or a degree."""
    sections = [s for s in posting.sections if s.kind is not SectionKind.SKIP]
    candidates: list[_Candidate] = []
    taken: set[str] = set()
    for section in sections:
        for item in section.items:
            candidate = _candidate(section, item, len(candidates))
            candidate.id = _unique(slugify(item.text, fallback="requirement"), taken)
            candidates.append(candidate)
    _claim(candidates)
    by_section: dict[int, list[_Candidate]] = {}
    for candidate in candidates:
        by_section.setdefault(id(candidate.section), []).append(candidate)
    areas: list[PlannedArea] = []
    empty: list[tuple[str, int, tuple[LeftOut, ...]]] = []
    area_ids: set[str] = set()
    claimed = {skill for c in candidates if not c.dropped for skill in c.skills}
    stand_ins = _stand_ins(
        [s for s in sections if not any(not c.dropped for c in by_section.get(id(s), []))],
        claimed,
        taken,
    )
    for section in sections:
        own = by_section.get(id(section), [])
        kept = [_requirement(c) for c in own if not c.dropped]
        left = tuple(LeftOut(c.item.text, c.item.line, c.dropped) for c in own if c.dropped)
        name = _area_name(section)
        if not kept and id(section) in stand_ins:
            kept = [stand_ins[id(section)]]
        if not kept:
            if left:
                empty.append((name, section.line, left))
            continue
        areas.append(
            PlannedArea(
                id=_unique(slugify(name, fallback="area"), area_ids),
                name=name,
                weight=sum(r.weight for r in kept),
                notes=(_area_note(section),),
                line=section.line,
                requirements=tuple(kept),
                left_out=left,
            )
        )
    title_note = ""
    if title is None:
        title = posting.title
        if title is None:
            title = fallback_title or "Drafted role"
            title_note = (
                "GUESS: from the file name, as the posting's first line is no title"
                if fallback_title
                else "GUESS: the posting's first line is no title; name the role"
            )
    return Plan(
        id=rubric_id or slugify(title, fallback="drafted-role", max_words=8),
        title=title,
        title_note=title_note,
        description=_first_sentences(posting.description),
        source=source,
        areas=tuple(areas),
        empty=tuple(empty),
        skipped=tuple(
            (s.heading, s.line) for s in posting.sections if s.kind is SectionKind.SKIP and s.line
        ),
        terms=posting.terms,
    )


def _first_sentences(text: str, limit: int = 400) -> str:
    """The opening sentences of a paragraph, at most ``limit`` characters."""
    if len(text) <= limit:
        return text
    sentences = re.split(r"(?<=[.!?])\s+", text)
    out = ""
    for sentence in sentences:
        if len(out) + len(sentence) + 1 > limit:
            break
        out = f"{out} {sentence}".strip()
    return out or short_name(text, limit)


__all__ = [
    "MUST_WEIGHT",
    "PLAIN_WEIGHT",
    "PREFERRED_WEIGHT",
    "LeftOut",
    "Plan",
    "PlannedArea",
    "PlannedRequirement",
    "plan_draft",
    "short_name",
    "slugify",
]

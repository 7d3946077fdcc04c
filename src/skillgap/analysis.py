"""Analysis: a profile measured against a rubric, and placed on a career ladder.

:func:`analyze` is the library's main entry point: it matches the profile's evidence
(:mod:`skillgap.matching`), scores it (:mod:`skillgap.scoring`) and builds the
:class:`~skillgap.report.model.GapReport`; with a ladder it also places the candidate.
Everything it derives from the rubric alone (the skill index, the report pieces shared by
every candidate) is owned by a :class:`PreparedRubric`: build one to analyse many
profiles against the same rubric.

:func:`place` measures a profile against every level of a ladder and places the
candidate at the **highest level fully met**, where a level is fully met when

* no must-have of that level is unmet (no blocking gap), and
* the overall score against that level is at least the ladder's ``min_score``.

Levels are judged independently (the ladder's rubrics usually share one source of truth
through ``extends``, so meeting a higher level implies meeting the lower ones in
practice, but the rule does not assume it). The **next level** is the one right above
the placement (the lowest level when none is met), and the **gap to it** is that level's
blocking gaps followed by its biggest gains.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from ._version import __version__
from .matching.evidence import ProfileMatches, with_origins
from .matching.forms import collection_paused
from .matching.index import SkillIndex
from .matching.shared import TextRead
from .profiles.model import Profile
from .report.build import build, updated
from .report.model import (
    SCHEMA_VERSION,
    CandidateInfo,
    Gap,
    GapReport,
    LadderLevel,
    LadderPlacement,
    RubricInfo,
    ToolInfo,
)
from .report.redact import redact_report
from .rubric.ladder import LoadedLadder
from .rubric.model import Rubric, RubricOrigin
from .scoring.history import experience_years
from .scoring.numbers import ScoreNumbers, score_numbers
from .scoring.requirements import SharedResults, score_areas, score_warnings

#: How many non-blocking gaps of the next level are listed after its blocking ones.
GAPS_TO_NEXT = 5


@dataclass(frozen=True)
class PreparedRubric:
    """A rubric with everything analysis derives from it alone, built once.

    >>> from skillgap import load_profile, load_rubric
    >>> prepared = PreparedRubric.of(load_rubric())
    >>> reports = [analyze(load_profile(p), prepared) for p in (
    ...     "examples/plain-text-resume.txt", "examples/senior-ml-engineer.md")]
    >>> [r.rubric.id for r in reports]
    ['principal-ml-engineer', 'principal-ml-engineer']
    """

    #: The rubric as matched: its skills completed from the knowledge base
    #: (:func:`skillgap.knowledge.inherit.inherit`).
    rubric: Rubric
    #: The rubric's skill index (every written form, ready to match).
    index: SkillIndex
    #: Report pieces that are the same for every candidate.
    shared: SharedResults = field(default_factory=SharedResults)
    #: (skill, form) -> where a form the rubric does not write came from.
    origins: dict[tuple[str, str], str] = field(default_factory=dict)
    #: (skill, form) -> the knowledge-base skill implying it whose form this is.
    implied: dict[tuple[str, str], str] = field(default_factory=dict)
    #: Knowledge-base skill -> the skills of the rubric it implies, with their origins.
    targets: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    @classmethod
    def of(cls, rubric: Rubric, *, index: SkillIndex | None = None) -> PreparedRubric:
        """Prepare ``rubric``: its skills completed from the knowledge base, and their
        index (``index``, one already built for the rubric as written, skips both)."""
        if index is not None:
            return cls(rubric, index)
        from .knowledge.inherit import inherit

        with collection_paused():
            inherited = inherit(rubric)
            return cls(
                inherited.rubric,
                SkillIndex(inherited.rubric),
                origins=inherited.origins,
                implied=inherited.implied,
                targets=inherited.targets,
            )


#: Rubrics prepared by :func:`analyze` for callers that pass a plain rubric, most recent
#: last: (content fingerprint, origin) -> the prepared rubric. Bounded, so a long-running
#: process that sees many rubrics keeps only the last few.
_PREPARED: OrderedDict[tuple[str, RubricOrigin | None], PreparedRubric] = OrderedDict()
_PREPARED_LIMIT = 8


def prepared_for(rubric: Rubric) -> PreparedRubric:
    """The prepared form of ``rubric``, built once per rubric content and origin.

    The README's loop, ``analyze(load_profile(f), load_rubric())``, loads the rubric again
    for every file: each load is a new object with the same content, and preparing it
    (the skill index) cost more than scoring the resume. Rubrics are immutable, so the
    key is a fingerprint of the content (sha256 of its JSON, which also covers what an
    ``extends`` parent brought in) and the origin (the report names the file it came
    from). At most :data:`_PREPARED_LIMIT` are kept.

    >>> from skillgap import load_rubric
    >>> prepared_for(load_rubric()) is prepared_for(load_rubric())
    True
    """
    origin = rubric.origin
    # A loaded rubric's origin has the fingerprint of its files (parents included); one
    # built in code is fingerprinted by its content.
    fingerprint = (
        origin.sha256
        if origin is not None
        else hashlib.sha256(rubric.model_dump_json().encode("utf-8")).hexdigest()
    )
    key = (fingerprint, origin)
    with _PREPARED_LOCK:
        cached = _PREPARED.get(key)
        if cached is not None:
            _PREPARED.move_to_end(key)
            return cached
    prepared = PreparedRubric.of(rubric)
    with _PREPARED_LOCK:
        _PREPARED[key] = prepared
        while len(_PREPARED) > _PREPARED_LIMIT:
            _PREPARED.popitem(last=False)
    return prepared


_PREPARED_LOCK = threading.Lock()


def analyze(
    profile: Profile,
    rubric: Rubric | PreparedRubric,
    *,
    index: SkillIndex | None = None,
    blind: bool = False,
    keep_source: bool = False,
    as_of: dt.date | None = None,
    details: bool = True,
    ladder: LoadedLadder | None = None,
    text: TextRead | None = None,
) -> GapReport:
    """Measure a profile against a rubric.

    >>> from skillgap import load_profile, load_rubric
    >>> report = analyze(load_profile("examples/plain-text-resume.txt"), load_rubric())
    >>> 0 <= report.overall.score <= 100
    True

    ``rubric`` may be a :class:`PreparedRubric`, to analyse many profiles against one
    rubric without preparing it again each time (``index``, a skill index built for the
    rubric, does part of that). With ``blind``, the candidate's name and source path are
    left out and contact details are redacted from quoted evidence; scores are identical
    either way (``keep_source`` keeps the path). ``as_of`` is the date ongoing positions
    run to (default: today).

    ``details=False`` leaves out each skill's evidence and ignored mentions (the scores,
    statuses and gaps are identical): for batch outputs that show only those. With a
    ``ladder``, the report also places the candidate on it (see :func:`place`).
    ``text``: the profile's text as an :class:`~skillgap.matching.shared.IndexGroup`
    read it for this rubric's index (several rubrics, one reading; the same report).
    """
    if isinstance(rubric, PreparedRubric):
        prepared = rubric
    elif index is not None:
        prepared = PreparedRubric.of(rubric, index=index)
    else:
        prepared = prepared_for(rubric)
    rules = prepared.rubric
    as_of = as_of or dt.date.today()
    matches = find_evidence(profile, prepared, contexts=details, text=text)
    scored = score_areas(
        rules,
        profile,
        matches,
        years_found=experience_years(profile, as_of=as_of),
        shared=prepared.shared,
        details=details,
    )
    origin = rules.origin
    report = build(
        GapReport,
        schema_version=SCHEMA_VERSION,
        tool=build(ToolInfo, name="skillgap", version=__version__),
        rubric=build(
            RubricInfo,
            id=rules.id,
            title=rules.title,
            version=rules.version,
            sha256=origin.sha256 if origin else "",
        ),
        candidate=build(
            CandidateInfo,
            id="c-" + profile.sha256[:12],
            source=profile.source,
            format=profile.format,
            sha256=profile.sha256,
            name=profile.identity.name,
            reader=profile.reader,
        ),
        as_of=as_of.isoformat(),
        blind=False,
        overall=scored.overall,
        areas=scored.areas,
        gaps=scored.gaps,
        warnings=score_warnings(profile, rules),
    )
    if ladder is not None:
        report = with_ladder(report, place(profile, ladder, as_of=as_of))
    if blind:
        return redact_report(report, profile, keep_source=keep_source)
    return report


def find_evidence(
    profile: Profile,
    prepared: PreparedRubric,
    *,
    contexts: bool = True,
    text: TextRead | None = None,
) -> ProfileMatches:
    """The evidence in ``profile`` for the prepared rubric's skills, as :func:`analyze`
    scores it (forms inherited from the knowledge base marked with their origin)."""
    if text is None:
        matches = prepared.index.match_profile(profile, contexts=contexts)
    else:
        matches = prepared.index.match_profile(
            profile, contexts=contexts, tokens=text.tokens, phrases=text.phrases
        )
    if prepared.origins:
        matches = with_origins(matches, prepared.origins, prepared.implied, prepared.targets)
    return matches


def analyze_numbers(
    profile: Profile,
    rubric: Rubric | PreparedRubric,
    *,
    as_of: dt.date | None = None,
    text: TextRead | None = None,
) -> ScoreNumbers:
    """The numbers of :func:`analyze`'s report and nothing else — area scores, overall,
    verdict, unmet must-haves, gaps ranked with their gains — without quoting evidence or
    building the report (for CSV rows and rankings; identical numbers, tested).
    ``text`` as for :func:`analyze`.

    >>> from skillgap import load_profile, load_rubric
    >>> profile, rubric = load_profile("examples/plain-text-resume.txt"), load_rubric()
    >>> analyze_numbers(profile, rubric).overall == analyze(profile, rubric).overall.score
    True
    """
    prepared = rubric if isinstance(rubric, PreparedRubric) else prepared_for(rubric)
    as_of = as_of or dt.date.today()
    matches = find_evidence(profile, prepared, contexts=False, text=text)
    years = experience_years(profile, as_of=as_of)
    return score_numbers(prepared.rubric, profile, matches, years_found=years)


def _gap_to(report: GapReport) -> tuple[Gap, ...]:
    blocking = [g for g in report.gaps if g.blocking]
    others = [g for g in report.gaps if not g.blocking and g.gain > 0][:GAPS_TO_NEXT]
    return (*blocking, *others)


#: The prepared rubrics of the last few ladders placed on (a ladder's rubrics are
#: prepared once, not once per candidate: building a skill index is the costly part).
_PREPARED_LADDERS: dict[int, tuple[LoadedLadder, tuple[PreparedRubric, ...]]] = {}


def _prepared_levels(ladder: LoadedLadder) -> tuple[PreparedRubric, ...]:
    cached = _PREPARED_LADDERS.get(id(ladder))
    if cached is not None and cached[0] is ladder:
        return cached[1]
    if len(_PREPARED_LADDERS) >= 4:
        _PREPARED_LADDERS.clear()
    prepared = tuple(prepared_for(rubric) for rubric in ladder.rubrics)
    _PREPARED_LADDERS[id(ladder)] = (ladder, prepared)
    return prepared


def place(
    profile: Profile, ladder: LoadedLadder, *, as_of: dt.date | None = None
) -> LadderPlacement:
    """Measure ``profile`` against every level of ``ladder`` and place the candidate.

    >>> from skillgap import load_profile
    >>> from skillgap.rubric.ladder import load_ladder
    >>> placement = place(load_profile("examples/junior-ml-engineer-profile.yaml"),
    ...                   load_ladder("ml-engineer"), as_of=dt.date(2026, 1, 1))
    >>> placement.placed
    'ml-engineer-entry'
    """
    min_score = ladder.ladder.min_score
    reports = [analyze(profile, prepared, as_of=as_of) for prepared in _prepared_levels(ladder)]
    fully_met = [not r.overall.blocked and r.overall.score >= min_score for r in reports]
    met = [i for i, ok in enumerate(fully_met) if ok]
    levels = [
        build(
            LadderLevel,
            rubric=report.rubric,
            name=definition.name or rubric.title,
            summary=definition.summary,
            score=report.overall.score,
            blocking=report.overall.blocking,
            fully_met=fully_met[i],
            # Cumulative: a level at or below the highest one fully met is met.
            met=bool(met) and i <= met[-1],
            short_by=round(max(0.0, min_score - report.overall.score), 1),
        )
        for i, (definition, rubric, report) in enumerate(
            zip(ladder.ladder.levels, ladder.rubrics, reports, strict=True)
        )
    ]
    placed = met[-1] if met else None
    following = 0 if placed is None else placed + 1
    has_next = following < len(levels)
    return build(
        LadderPlacement,
        id=ladder.ladder.id,
        title=ladder.ladder.title,
        min_score=min_score,
        rule=ladder.rule(),
        levels=tuple(levels),
        placed=levels[placed].rubric.id if placed is not None else None,
        placed_name=levels[placed].name if placed is not None else None,
        next=levels[following].rubric.id if has_next else None,
        next_name=levels[following].name if has_next else None,
        gap_to_next=_gap_to(reports[following]) if has_next else (),
    )


def with_ladder(report: GapReport, placement: LadderPlacement) -> GapReport:
    """The report with its ``ladder`` section filled in."""
    return updated(report, ladder=placement)


__all__ = [
    "GAPS_TO_NEXT",
    "PreparedRubric",
    "analyze",
    "analyze_numbers",
    "find_evidence",
    "place",
    "with_ladder",
]

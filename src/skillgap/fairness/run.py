"""Running a counterfactual test of a rubric: variants written, loaded, scored, compared.

:func:`audit_rubric` builds every family of variants (:mod:`.signals`) of every profile,
writes each variant to a real file in a temporary directory (text, Markdown or DOCX),
loads it with the loader that reads that format and scores it with the real analysis
(:func:`skillgap.analysis.analyze`). Each variant's report is compared with its
reference's (:func:`skillgap.report.diff.diff_reports` for the overall and area scores;
the evidence of each requirement here), and every difference is kept and classified.

>>> from skillgap import load_rubric
>>> audit = audit_rubric(load_rubric("ml-engineer-entry"), bundled_profiles()[:1],
...                      as_of=dt.date(2025, 6, 1), families=["pronouns"])
>>> audit.variants, audit.passed
(3, True)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .._version import __version__
from ..analysis import PreparedRubric, analyze
from ..errors import ProfileError, UsageError
from ..io.read import decode_text, read_bytes
from ..limits import DEFAULT_LIMITS, Limits
from ..profiles import load_profile
from ..report.build import build
from ..report.diff import diff_reports
from ..report.model import GapReport, RequirementResult, ToolInfo
from ..rubric.model import Rubric
from .model import (
    AUDIT_SCHEMA_VERSION,
    IDENTITY,
    YEARS,
    EvidenceMove,
    FamilyRun,
    ProfileRun,
    RequirementMove,
    RubricAudit,
    VariantChange,
)
from .signals import FAMILIES, Family, Trial, Variant
from .variants import Resume, docx_bytes

#: Suffixes of the bundled profiles.
PROFILE_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True)
class ProfileSource:
    """The text of a resume to build variants from."""

    id: str
    text: str
    markdown: bool


def bundled_profiles() -> list[ProfileSource]:
    """The synthetic resumes that ship with skillgap (``fairness/profiles``), by name.

    >>> [p.id for p in bundled_profiles()][:2]
    ['junior-data-analyst', 'principal-ml-scientist']
    """
    folder = resources.files(__package__).joinpath("profiles")
    found = sorted(
        (entry for entry in folder.iterdir() if entry.name.endswith(PROFILE_SUFFIXES)),
        key=lambda entry: entry.name,
    )
    return [
        ProfileSource(
            entry.name.rsplit(".", 1)[0], entry.read_text("utf-8"), entry.name.endswith(".md")
        )
        for entry in found
    ]


def read_profile(path: Path, *, limits: Limits = DEFAULT_LIMITS) -> ProfileSource:
    """A resume to vary, from a file: text and Markdown as written, the text of a PDF or
    DOCX as extracted. Structured profiles are refused: their fields are not resume text.
    """
    profile = load_profile(path, limits=limits)
    shown = str(path)
    if profile.format in ("text", "markdown"):
        text = decode_text(read_bytes(path, limits=limits), path=shown)
    elif profile.format == "docx":
        from ..profiles.docx_resume import extract_docx_text

        text = extract_docx_text(read_bytes(path, limits=limits), display=shown, limits=limits)
    elif profile.format == "pdf":
        from ..profiles.pdf_resume import extract_pdf_text

        text = extract_pdf_text(read_bytes(path, limits=limits), display=shown, limits=limits)
    else:
        raise ProfileError(
            f"is a {profile.format} profile; audit-rubric varies the text of a resume, so "
            "give it as text, Markdown, PDF or DOCX",
            path=shown,
        )
    return ProfileSource(shown, text, profile.format == "markdown")


class _Scorer:
    """Writes texts to files, loads and scores them, each distinct file once."""

    def __init__(self, prepared: PreparedRubric, folder: Path, *, as_of: dt.date, limits: Limits):
        self.prepared, self.folder, self.as_of, self.limits = prepared, folder, as_of, limits
        self.reports: dict[str, GapReport] = {}

    def score(
        self, source: ProfileSource, text: str, *, variant: Variant | None, docx: bool, name: str
    ) -> GapReport:
        photo = variant.photo if variant else False
        birth = variant.birth_date if variant else None
        key = hashlib.sha256(
            f"{source.markdown}|{docx}|{photo}|{birth}|{text}".encode()
        ).hexdigest()
        if key in self.reports:
            return self.reports[key]
        if docx:
            data = docx_bytes(Resume(text, source.markdown), text, photo=photo, birth_date=birth)
            path = self.folder / f"{key[:16]}.docx"
            path.write_bytes(data)
        else:
            path = self.folder / f"{key[:16]}{'.md' if source.markdown else '.txt'}"
            path.write_text(text, "utf-8")
        profile = load_profile(path, limits=self.limits, display=name)
        report = analyze(profile, self.prepared, as_of=self.as_of)
        self.reports[key] = report
        return report


def _pct(value: float) -> float:
    return round(value * 100, 1)


def _evidence(requirement: RequirementResult) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Each piece of evidence of a requirement, keyed without its line (variants move
    lines)."""
    found: dict[tuple[str, ...], tuple[str, ...]] = {}
    for skill in requirement.skills:
        for item in skill.evidence:
            key = (skill.name, item.text, item.form, item.method, item.source, item.level or "")
            found[key] = key
    return found


def _move(
    old: RequirementResult, new: RequirementResult, area: str, family: Family
) -> RequirementMove | None:
    before, after = _evidence(old), _evidence(new)
    moved = [("added", k) for k in after if k not in before]
    moved += [("removed", k) for k in before if k not in after]
    old_years = old.years.found if old.years else None
    new_years = new.years.found if new.years else None
    old_degree = (old.degree.found, old.degree.credit) if old.degree else None
    new_degree = (new.degree.found, new.degree.credit) if new.degree else None
    scored = old.score != new.score or old.status != new.status
    if not (moved or scored or old_years != new_years or old_degree != new_degree):
        return None
    years_only = old_years != new_years and not moved and old_degree == new_degree
    kind = YEARS if family.changes_history and years_only else IDENTITY
    return build(
        RequirementMove,
        id=new.id,
        name=new.name,
        area=area,
        must_have=new.must_have,
        old_score=_pct(old.score),
        new_score=_pct(new.score),
        old_status=old.status,
        new_status=new.status,
        kind=kind,
        evidence=tuple(
            build(
                EvidenceMove,
                skill=k[0],
                change=change,
                text=k[1],
                form=k[2],
                method=k[3],
                source=k[4],
            )
            for change, k in moved
        ),
        old_years=old_years,
        new_years=new_years,
        old_degree=old_degree[0] if old_degree else None,
        new_degree=new_degree[0] if new_degree else None,
    )


def compare(
    reference: GapReport, report: GapReport, *, family: Family, profile: str, variant: Variant
) -> VariantChange | None:
    """What ``report`` (a variant's) changed from ``reference``, classified; None when
    nothing differs."""
    diff = diff_reports(reference, report)
    old_reqs = {r.id: r for a in reference.areas for r in a.requirements}
    moves = [
        move
        for area in report.areas
        for requirement in area.requirements
        if requirement.id in old_reqs
        and (move := _move(old_reqs[requirement.id], requirement, area.id, family)) is not None
    ]
    areas = tuple(a for a in diff.areas if a.old != a.new)
    if not moves and not areas and diff.overall_change == 0:
        return None
    legitimate = bool(moves) and all(m.kind == YEARS for m in moves)
    return build(
        VariantChange,
        profile=profile,
        family=family.id,
        variant=variant.id,
        description=variant.description,
        kind=YEARS if legitimate else IDENTITY,
        old_score=round(reference.overall.score, 1),
        new_score=round(report.overall.score, 1),
        change=diff.overall_change,
        blocking_new=diff.blocking_new,
        blocking_resolved=diff.blocking_resolved,
        areas=areas,
        requirements=tuple(moves),
    )


def audit_rubric(
    rubric: Rubric | PreparedRubric,
    profiles: Sequence[ProfileSource],
    *,
    as_of: dt.date | None = None,
    limits: Limits = DEFAULT_LIMITS,
    families: Sequence[str] | None = None,
) -> RubricAudit:
    """Score every variant of every profile against ``rubric`` and report every change.

    ``families`` limits the run to those family ids (default: all). Raises
    :class:`~skillgap.errors.UsageError` for an unknown family or no profiles.
    """
    chosen = _families(families)
    if not profiles:
        raise UsageError("no profiles to vary")
    prepared = rubric if isinstance(rubric, PreparedRubric) else PreparedRubric.of(rubric)
    when = as_of or dt.date.today()
    changes: list[VariantChange] = []
    counts = {f.id: [0, 0, 0] for f in chosen}
    runs: list[ProfileRun] = []
    with tempfile.TemporaryDirectory(prefix="skillgap-audit-") as folder:
        scorer = _Scorer(prepared, Path(folder), as_of=when, limits=limits)
        for source in profiles:
            base = scorer.score(source, source.text, variant=None, docx=False, name=source.id)
            loaded = load_profile(_written(folder, source), limits=limits)
            resume = Resume(source.text, source.markdown, loaded.identity.name, loaded.jobs)
            scored, skipped = 0, []
            for family in chosen:
                trial = family.build(resume, when)
                if trial is None or not trial.variants:
                    skipped.append(f"{family.id}: {_why_not(family)}")
                    continue
                for change in _run_trial(scorer, source, trial):
                    changes.append(change)
                    counts[family.id][1 if change.kind == IDENTITY else 2] += 1
                counts[family.id][0] += len(trial.variants)
                scored += len(trial.variants)
            runs.append(
                build(
                    ProfileRun,
                    id=source.id,
                    format="markdown" if source.markdown else "text",
                    score=round(base.overall.score, 1),
                    variants=scored,
                    skipped=tuple(skipped),
                )
            )
    info = base.rubric
    return build(
        RubricAudit,
        schema_version=AUDIT_SCHEMA_VERSION,
        tool=build(ToolInfo, name="skillgap", version=__version__),
        rubric=info,
        as_of=when.isoformat(),
        profiles=tuple(runs),
        families=tuple(
            build(
                FamilyRun,
                id=f.id,
                name=f.name,
                attribute=f.attribute,
                changes_history=f.changes_history,
                variants=counts[f.id][0],
                identity_driven=counts[f.id][1],
                legitimate=counts[f.id][2],
            )
            for f in chosen
        ),
        variants=sum(c[0] for c in counts.values()),
        identity_driven=sum(c[1] for c in counts.values()),
        legitimate=sum(c[2] for c in counts.values()),
        changes=tuple(changes),
    )


def _written(folder: str, source: ProfileSource) -> Path:
    path = Path(folder) / f"profile{'.md' if source.markdown else '.txt'}"
    path.write_text(source.text, "utf-8")
    return path


def _run_trial(scorer: _Scorer, source: ProfileSource, trial: Trial) -> list[VariantChange]:
    family = trial.family
    reference = scorer.score(
        source, trial.reference, variant=None, docx=trial.docx, name=f"{source.id}:{family.id}"
    )
    found = []
    for variant in trial.variants:
        report = scorer.score(
            source,
            variant.text,
            variant=variant,
            docx=trial.docx,
            name=f"{source.id}:{family.id}:{variant.id}",
        )
        change = compare(reference, report, family=family, profile=source.id, variant=variant)
        if change is not None:
            found.append(change)
    return found


def _why_not(family: Family) -> str:
    reasons = {
        "graduation-year": "no years in an education section",
        "parental-leave": "no dated position long enough to hold a leave",
    }
    return reasons.get(family.id, "does not apply")


def _families(ids: Sequence[str] | None) -> tuple[Family, ...]:
    if ids is None:
        return FAMILIES
    known = {f.id: f for f in FAMILIES}
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise UsageError(f"unknown family '{unknown[0]}'; choose from: {', '.join(known)}")
    return tuple(f for f in FAMILIES if f.id in set(ids))


__all__ = [
    "ProfileSource",
    "audit_rubric",
    "bundled_profiles",
    "compare",
    "read_profile",
]

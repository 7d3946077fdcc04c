"""The candidate profile: one model, whatever the input format.

Every loader (skillgap profile, JSON Resume, text, Markdown, PDF, DOCX) produces a
:class:`Profile`. It keeps what the candidate declared (skills with levels and years,
work history, education) apart from the running text (with line numbers and the section
or field each piece came from), because the report says which kind of evidence each
match is. Identity (name, contact details, links) is kept separately and never scored.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class TextSegment:
    """A piece of running text: a section of a resume or one field of a structured file."""

    source: str
    text: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class DeclaredSkill:
    """A skill the candidate lists explicitly, with level and years when given."""

    name: str
    source: str
    line: int | None = None
    level: str | None = None
    years: float | None = None
    #: The list it stands in (its items, as text): what an ambiguous name is judged by
    #: ("Spark" among Photoshop and Figma is not Apache Spark). None when not known.
    neighbours: str | None = None


def in_one_list(items: Sequence[DeclaredSkill]) -> list[DeclaredSkill]:
    """``items``, each knowing the list they stand in (see ``DeclaredSkill.neighbours``).

    >>> [s.neighbours for s in in_one_list([DeclaredSkill("Figma", "skills"),
    ...                                     DeclaredSkill("Spark", "skills")])]
    ['Figma, Spark', 'Figma, Spark']
    """
    text = ", ".join(item.name for item in items)
    return [dataclasses.replace(item, neighbours=text) for item in items]


@dataclass(frozen=True, slots=True)
class Job:
    """One position in the work history."""

    title: str
    organization: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    source: str = ""
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Education:
    """One degree or course of study.

    ``degree_level`` is one of ``associate``, ``bachelor``, ``master``, ``phd`` when it
    could be recognised; ``text`` is the entry as written (used to match fields);
    ``ends`` its end date as a structured file gives it ("2026-05", "Present"; a text
    resume's dates are in ``text``).
    """

    degree_level: str | None
    text: str
    source: str = ""
    line: int | None = None
    ends: str = ""


@dataclass(frozen=True, slots=True)
class StatedYears:
    """An explicit statement of total experience ("12+ years of experience")."""

    years: float
    text: str
    source: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class SelfAssessed:
    """The candidate's own rating of one rubric requirement (``skillgap assess``).

    ``level`` is as written: a level id, name or alias of the rubric's scale, or
    ``none``. It is declared evidence for the requirement's skills part.
    """

    requirement: str
    level: str
    source: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Identity:
    """Who the candidate is. Shown in reports (unless blind); never used in scoring."""

    name: str | None = None
    email: str | None = None
    phone: str | None = None
    location: str | None = None
    links: tuple[str, ...] = ()
    photo: str | None = None


@dataclass(frozen=True, slots=True)
class Profile:
    """Everything skillgap knows about one candidate."""

    source: str
    format: str
    sha256: str
    identity: Identity = field(default_factory=Identity)
    declared_skills: tuple[DeclaredSkill, ...] = ()
    jobs: tuple[Job, ...] = ()
    education: tuple[Education, ...] = ()
    stated_years: tuple[StatedYears, ...] = ()
    segments: tuple[TextSegment, ...] = ()
    warnings: tuple[str, ...] = ()
    self_assessed: tuple[SelfAssessed, ...] = ()
    #: The library that read a document's text ("pypdfium2 5.15.2", or "pypdf 5.1.0"
    #: where PDFium could not): part of the audit trail. None for text formats.
    reader: str | None = None

    @property
    def text_length(self) -> int:
        """Characters of running text and declared skills (used to refuse empty profiles)."""
        return sum(len(s.text.strip()) for s in self.segments) + sum(
            len(s.name) for s in self.declared_skills
        )

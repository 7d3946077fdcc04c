"""Drafting a rubric from a job posting (``skillgap draft``; see ``docs/drafting.md``).

A posting's headings become areas and the lines under them requirements: the skills
they name (found by the real matcher over the knowledge base, so "go-to-market" is not
Go), the years of experience and the degree they ask for, and whether they are
must-haves ("required", "minimum") or not ("preferred", "nice to have"), from the line
or its heading. The draft is YAML with a comment on every guess, and it validates.

* :mod:`.source` — reading the posting file (text, Markdown, HTML, PDF, DOCX);
* :mod:`.posting` — taking its text apart into a title and sections;
* :mod:`.extract` — what one line asks for: skills, years, degree, priority;
* :mod:`.build` — the plan of the rubric: areas, requirements, weights, notes;
* :mod:`.emit` — the plan written as YAML with comments.

>>> draft = draft_rubric("Data Engineer\\nRequirements:\\n- 3+ years of Python and SQL\\n")
>>> [(r.id, r.must_have, [s.name for s in r.skills], r.years) for _, r in
...  draft.rubric.iter_requirements()]
[('3-plus-years-python-sql', True, ['Python', 'SQL'], 3.0)]
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..limits import DEFAULT_LIMITS, Limits
from ..rubric.model import Rubric
from .build import Plan, plan_draft
from .emit import DEFAULT_SCHEMA, render_plan
from .posting import parse_posting
from .source import read_posting


@dataclass(frozen=True)
class Draft:
    """A drafted rubric: its YAML text, the rubric it loads as, and what was guessed."""

    text: str
    rubric: Rubric
    plan: Plan

    @property
    def notes(self) -> int:
        """How many GUESS and CHECK comments the draft carries."""
        return sum(
            1
            for line in self.text.splitlines()
            if line.lstrip().startswith(("# GUESS", "# CHECK")) or "  # GUESS" in line
        )

    @property
    def skills(self) -> tuple[str, ...]:
        """Every skill of the draft, in order."""
        return tuple(s.name for _, r in self.rubric.iter_requirements() for s in r.skills)


def draft_rubric(
    text: str,
    *,
    title: str | None = None,
    rubric_id: str | None = None,
    source: str = "",
    fallback_title: str | None = None,
    schema: str = DEFAULT_SCHEMA,
) -> Draft:
    """Draft a rubric from the text of a job posting.

    ``title`` and ``rubric_id`` replace what the posting suggests (its first line, and a
    slug of it); ``fallback_title`` is used when the first line is no title; ``source``
    says where the posting came from; ``schema`` is the path or URL the schema comment
    points at. The same arguments always give the same text.

    Raises :class:`~skillgap.errors.InputError` when nothing in the posting could be
    drafted (no skill, years or degree in any line of a requirements section).
    """
    from ..errors import Level
    from ..rubric.parse import parse_rubric_text

    plan = plan_draft(
        parse_posting(text),
        title=title,
        rubric_id=rubric_id,
        source=source,
        fallback_title=fallback_title,
    )
    if not plan.areas:
        raise InputError(
            "nothing to draft: no line of the posting names a skill skillgap knows, years "
            "of experience or a degree"
        )
    yaml_text = render_plan(plan, schema=schema)
    parsed = parse_rubric_text(yaml_text, path="draft")
    errors = [p for p in parsed.problems if p.level is Level.ERROR]
    if parsed.rubric is None or errors:  # a bug of ours, not of the posting
        raise AssertionError(f"the drafted rubric does not load: {errors[:3]}")
    return Draft(yaml_text, parsed.rubric, plan)


def draft_file(
    path: Path,
    *,
    title: str | None = None,
    rubric_id: str | None = None,
    schema: str = DEFAULT_SCHEMA,
    limits: Limits = DEFAULT_LIMITS,
) -> Draft:
    """Draft a rubric from a posting file (text, Markdown, HTML, PDF or DOCX); see
    :func:`draft_rubric`. The file's name is the source, and the title when the
    posting's first line is none."""
    text = read_posting(path, limits=limits)
    stem = " ".join(path.stem.replace("_", " ").replace("-", " ").split())
    try:
        return draft_rubric(
            text,
            title=title,
            rubric_id=rubric_id,
            source=f"job posting {path.name}",
            fallback_title=stem[:1].upper() + stem[1:] if stem else None,
            schema=schema,
        )
    except InputError as exc:
        if exc.path is None:
            raise InputError(exc.message, path=path) from exc
        raise


__all__ = ["DEFAULT_SCHEMA", "Draft", "draft_file", "draft_rubric"]

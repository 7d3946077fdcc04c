"""Writing a drafted rubric as YAML, with the comments a reviewer acts on.

Every value from the posting goes through PyYAML's emitter (:func:`scalar`), which
quotes and escapes whatever needs it; comments are one line each, and never carry a
``skillgap:`` directive (a posting could otherwise switch lint rules off).
"""

from __future__ import annotations

import re
import textwrap

import yaml

from ..knowledge import KNOWLEDGE_VERSION
from .build import MUST_WEIGHT, PLAIN_WEIGHT, PREFERRED_WEIGHT, LeftOut, Plan, PlannedRequirement

#: Where the schema comment points by default: a rubrics/ folder beside schema/, the
#: layout docs/ci.md recommends.
DEFAULT_SCHEMA = "../schema/rubric.schema.json"
#: Lines of the posting quoted in a comment are cut to this many characters.
MAX_QUOTED_CHARS = 100
#: Comments are wrapped at this many columns.
WIDTH = 92
#: Lines listed per left-out section.
MAX_LISTED = 12


def scalar(value: str) -> str:
    """``value`` as one YAML scalar on one line, quoted only where YAML needs it.

    >>> scalar("Python"), scalar("yes"), scalar("MLOps: the basics"), scalar("#1 team")
    ('Python', "'yes'", "'MLOps: the basics'", "'#1 team'")
    """
    value = _defused(" ".join(value.split()))
    dumped = yaml.safe_dump({"k": value}, allow_unicode=True, width=1_000_000)
    return dumped[len("k: ") :].rstrip("\n")


def _defused(text: str) -> str:
    """Posting text that cannot read as a ``# skillgap: disable`` comment."""
    return re.sub(r"(?i)skillgap\s*:", "skillgap -", text)


def comment(text: str, indent: int = 0) -> str:
    """A comment, wrapped at :data:`WIDTH` columns (whitespace collapsed, directives
    defused; leading spaces of ``text`` kept as its own indent)."""
    inner = len(text) - len(text.lstrip(" "))
    text = _defused(" ".join(text.split()))
    lead = f"{' ' * indent}# {' ' * inner}"
    lines = textwrap.wrap(
        text,
        width=max(40, WIDTH - len(lead)),
        break_long_words=False,
        break_on_hyphens=False,
    ) or [""]
    follow = lead + ("  " if inner or text.startswith("- ") else "")
    return "".join(
        f"{lead if n == 0 else follow}{line}".rstrip() + "\n" for n, line in enumerate(lines)
    )


def quoted(text: str, limit: int = MAX_QUOTED_CHARS) -> str:
    """A line of the posting to quote in a comment, cut to ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else f"{text[: limit - 1].rstrip()}…"


def _header(plan: Plan, schema: str) -> list[str]:
    source = f" from {plan.source}" if plan.source else ""
    lines = [
        f"# yaml-language-server: $schema={schema}\n",
        comment(
            f"A DRAFT rubric, written by 'skillgap draft'{source} with the skills knowledge "
            f"base {KNOWLEDGE_VERSION}. Review it before use: each GUESS comment is a choice "
            "made from the posting's wording and each CHECK something to look at; delete "
            "them once settled."
        ),
        comment(
            "- Each heading became an area and each line under it a requirement when it "
            "names a skill of the knowledge base, years of experience or a degree; the "
            "lines that did not are listed where they were, as comments."
        ),
        comment(
            "- Skills are given by canonical name; their aliases and guards come from the "
            "knowledge base. A skill counts in one requirement: the first must-have that "
            "names it, else the first that does. A requirement naming several skills is "
            "met by any one of them (min_skills 1)."
        ),
        comment(
            f"- Weights: a must-have requirement weighs {MUST_WEIGHT}, one neither required "
            f"nor preferred {PLAIN_WEIGHT}, a preferred one {PREFERRED_WEIGHT}; an area "
            "weighs the sum of its requirements, so sections with more and firmer lines "
            "count more. Only the ratios matter."
        ),
    ]
    if schema == DEFAULT_SCHEMA:
        lines.append(
            comment(
                "- The schema comment on the first line assumes this file is in rubrics/ "
                "beside schema/ (docs/ci.md); adjust the path if not."
            )
        )
    return lines


def _left_out(items: tuple[LeftOut, ...], indent: int) -> list[str]:
    out: list[str] = []
    reasons = list(dict.fromkeys(i.reason for i in items))
    for reason in reasons:
        listed = [i for i in items if i.reason == reason]
        fix = " (add skills by hand if it matters)" if reason.startswith("no skill") else ""
        out.append(comment(f"CHECK: left out, {reason}{fix}:", indent))
        for item in listed[:MAX_LISTED]:
            out.append(comment(f"  line {item.line}: {quoted(item.text)}", indent))
        if len(listed) > MAX_LISTED:
            out.append(comment(f"  ... and {len(listed) - MAX_LISTED} more", indent))
    return out


def _requirement(requirement: PlannedRequirement) -> list[str]:
    pad = " " * 6
    out = [comment(note, 6) for note in requirement.notes]
    out.append(f"{pad}- id: {scalar(requirement.id)}\n")
    body = pad + "  "
    out.append(f"{body}name: {scalar(requirement.name)}\n")
    if requirement.description:
        out.append(f"{body}description: {scalar(requirement.description)}\n")
    out.append(f"{body}weight: {requirement.weight}\n")
    if requirement.must_have:
        out.append(f"{body}must_have: true\n")
    if requirement.skills:
        out.append(f"{body}skills:\n")
        out.extend(f"{body}  - name: {scalar(skill)}\n" for skill in requirement.skills)
    if requirement.years is not None:
        out.append(f"{body}years: {requirement.years:g}\n")
    degree = requirement.degree
    if degree is not None:
        out.append(f"{body}degree:\n")
        out.append(f"{body}  level: {degree.level}\n")
        if degree.fields:
            out.append(f"{body}  fields:\n")
            out.extend(f"{body}    - {scalar(field)}\n" for field in degree.fields)
    return out


def render_plan(plan: Plan, *, schema: str = DEFAULT_SCHEMA) -> str:
    """The YAML text of a drafted rubric (the same plan gives the same bytes)."""
    out = _header(plan, schema)
    title = f"title: {scalar(plan.title)}"
    out.append(f"id: {scalar(plan.id)}\n")
    out.append(f"{title}  # {plan.title_note}\n" if plan.title_note else f"{title}\n")
    out.append('version: "0.1.0"\n')
    if plan.description:
        out.append(comment("The posting's opening paragraph."))
        out.append(f"description: {scalar(plan.description)}\n")
    if plan.source:
        out.append(f"source: {scalar(plan.source)}\n")
    out.append("areas:\n")
    for area in plan.areas:
        where = f" (line {area.line})" if area.line else ""
        out.append(comment(f"From the section {quoted(area.name)}{where}.", 2))
        out.extend(comment(note, 2) for note in area.notes)
        out.append(f"  - id: {scalar(area.id)}\n")
        out.append(f"    name: {scalar(area.name)}\n")
        out.append(f"    weight: {area.weight}  # the sum of its requirements' weights\n")
        out.append("    requirements:\n")
        for requirement in area.requirements:
            out.extend(_requirement(requirement))
        out.extend(_left_out(area.left_out, 6))
    if plan.empty:
        out.append(
            comment(
                "CHECK: sections left out, as nothing in them names a skill of the knowledge "
                "base, years or a degree; add requirements by hand where they matter:"
            )
        )
        for name, line, items in plan.empty:
            where = f" (line {line})" if line else ""
            out.append(comment(f"  {quoted(name)}{where}:"))
            out.extend(comment(f"    {quoted(i.text)}") for i in items[:MAX_LISTED])
            if len(items) > MAX_LISTED:
                out.append(comment(f"    ... and {len(items) - MAX_LISTED} more"))
    if plan.skipped:
        listed = ", ".join(f'"{quoted(h, 60)}" (line {n})' for h, n in plan.skipped)
        out.append(
            comment(
                "Left out as not about requirements (the company, pay, terms, the market): "
                f"{listed}."
            )
        )
    if plan.terms:
        listed = "; ".join(quoted(t.text, 60) for t in plan.terms)
        out.append(comment(f"Left out as the job's terms: {listed}."))
    return "".join(out)


__all__ = ["DEFAULT_SCHEMA", "comment", "render_plan", "scalar"]

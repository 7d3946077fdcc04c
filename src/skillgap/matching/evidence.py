"""What the matcher finds: evidence for a skill, and mentions it did not count.

Every match is :class:`Evidence`: the words as written, the line around them, where
they came from, how they matched and how similar they were, so that every point of a
score can be explained. The report carries the same fields for each piece of evidence
(:class:`skillgap.report.EvidenceItem`, everything but the skill it is filed under).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal, get_args

from ..text import Tokens

#: How a piece of evidence was found: listed as a skill (declared), the skill's name
#: (exact), another name for it (alias), something the candidate did that shows it
#: (achievement: "presented the roadmap to the CFO"), evidence for a skill the rubric
#: says implies it (implied: PySpark code is Python), a self-description (claim: "team
#: player"), or a near spelling (fuzzy).
Method = Literal["declared", "exact", "alias", "achievement", "implied", "claim", "fuzzy"]
#: The methods, most trustworthy first.
METHODS: tuple[Method, ...] = get_args(Method)


@dataclass(frozen=True, slots=True)
class Evidence:
    """One piece of evidence that a candidate has a skill."""

    skill: str
    text: str
    context: str
    source: str
    line: int | None
    method: Method
    similarity: float
    form: str
    level: str | None = None
    years: float | None = None
    #: Where ``form`` came from when the rubric does not write it (the knowledge base).
    origin: str | None = None


@dataclass(frozen=True, slots=True)
class Rejection:
    """A mention that looks like a skill but is not counted, and why."""

    skill: str
    text: str
    context: str
    source: str
    line: int | None
    reason: str


@dataclass(frozen=True)
class ProfileMatches:
    """All evidence and rejected mentions found in one profile, per canonical skill."""

    evidence: dict[str, tuple[Evidence, ...]]
    rejected: dict[str, tuple[Rejection, ...]]

    def for_skill(self, name: str) -> tuple[Evidence, ...]:
        """The evidence for one skill (none if it was not found)."""
        return self.evidence.get(name, ())


#: Rank of each method, 0 for the most trustworthy.
METHOD_RANK: dict[str, int] = {method: rank for rank, method in enumerate(METHODS)}


def with_implied(
    evidence: dict[str, list[Evidence]], implies: dict[str, tuple[str, ...]]
) -> dict[str, list[Evidence]]:
    """``evidence`` with what it implies added: each piece of evidence for a skill that
    implies others is also evidence (method ``implied``, the implying skill as its form)
    for each of them. One step only: what is implied implies nothing further.

    >>> found = {"Spark": [Evidence("Spark", "PySpark", "PySpark jobs", "experience", 3,
    ...                             "alias", 1.0, "PySpark")]}
    >>> [(e.skill, e.method, e.form) for e in with_implied(found, {"Spark": ("Python",)})["Python"]]
    [('Python', 'implied', 'Spark')]
    """
    result = {skill: list(items) for skill, items in evidence.items()}
    for skill, items in evidence.items():
        for target in implies.get(skill, ()):
            result.setdefault(target, []).extend(
                replace(item, skill=target, method="implied", form=skill, level=None, years=None)
                for item in items
            )
    return result


def with_origins(
    matches: ProfileMatches,
    origins: dict[tuple[str, str], str],
    implied: dict[tuple[str, str], str] | None = None,
    targets: dict[str, list[tuple[str, str]]] | None = None,
) -> ProfileMatches:
    """``matches`` with each piece of evidence matched through an inherited form marked
    with where the form came from (``origins``: (skill, form) -> origin).

    Evidence through a form of another skill that implies this one (``implied``:
    (skill, form) -> that skill) is implied evidence, with that skill as its form, as
    with ``implies``; and it is evidence for every skill that one implies (``targets``:
    implying skill -> (skill, origin) pairs): "PySpark" is Spark and Python.

    >>> found = ProfileMatches({"Spark": (Evidence("Spark", "PySpark", "PySpark jobs",
    ...     "experience", 3, "alias", 1.0, "PySpark"),)}, {})
    >>> marked = with_origins(found, {("Spark", "PySpark"): "kb"},
    ...     {("Spark", "PySpark"): "PySpark"}, {"PySpark": [("Spark", "kb"), ("Python", "kb")]})
    >>> [(s, e.method, e.form, e.origin) for s, items in marked.evidence.items() for e in items]
    [('Spark', 'implied', 'PySpark', 'kb'), ('Python', 'implied', 'PySpark', 'kb')]
    """
    implied = implied or {}
    targets = targets or {}

    def marked(skill: str, item: Evidence) -> list[Evidence]:
        key = (skill, item.form)
        origin = origins.get(key)
        if origin is None or item.method == "implied":
            return [item]
        by = implied.get(key)
        if by is None:
            return [replace(item, origin=origin)]
        first = replace(item, method="implied", form=by, origin=origin, level=None, years=None)
        others = [replace(first, skill=t, origin=o) for t, o in targets.get(by, ()) if t != skill]
        return [first, *others]

    evidence: dict[str, list[Evidence]] = {}
    for skill, items in matches.evidence.items():
        for item in items:
            for piece in marked(skill, item):
                evidence.setdefault(piece.skill, []).append(piece)
    return ProfileMatches(
        {skill: tuple(dedupe_evidence(items)) for skill, items in evidence.items()},
        matches.rejected,
    )


def dedupe_evidence(items: list[Evidence]) -> list[Evidence]:
    """One piece of evidence per skill, source and line (the most trustworthy)."""
    best: dict[tuple[str, int | None, str], Evidence] = {}
    order: list[tuple[str, int | None, str]] = []
    for item in items:
        key = (item.source, item.line, item.text if item.line is None else "")
        current = best.get(key)
        if current is None:
            order.append(key)
            best[key] = item
        elif (METHOD_RANK[item.method], -item.similarity) < (
            METHOD_RANK[current.method],
            -current.similarity,
        ):
            best[key] = item
    return [best[key] for key in order]


_LEADING_BULLET_RE = re.compile(r"^(?:[-*+•·▪●◦‣➢➤►▶✓✔○■□]|\d{1,2}[.)])\s+")


def span_text(tokens: Tokens, start: int, end: int) -> str:
    """The words of tokens ``start`` to ``end`` as written, spaces collapsed."""
    return " ".join(tokens.text[tokens.starts[start] : tokens.ends[end - 1]].split())


def snippet(
    tokens: Tokens, start: int, end: int, newlines: Sequence[int], *, reach: int = 70
) -> str:
    """The line around a match, shortened around it when the line is long.

    ``newlines`` holds the offsets of the text's line breaks, so finding the line is a
    binary search, not a scan (a resume may be one line of a million characters).
    """
    text = tokens.text
    before = bisect.bisect_left(newlines, tokens.starts[start])
    line_start = newlines[before - 1] + 1 if before else 0
    after = bisect.bisect_left(newlines, tokens.ends[end - 1])
    line_end = newlines[after] if after < len(newlines) else len(text)
    left = max(line_start, tokens.starts[start] - reach)
    right = min(line_end, tokens.ends[end - 1] + reach)
    snippet = _LEADING_BULLET_RE.sub("", " ".join(text[left:right].split()))
    if left > line_start:
        snippet = "…" + snippet
    if right < line_end:
        snippet += "…"
    return snippet


__all__ = [
    "METHODS",
    "METHOD_RANK",
    "Evidence",
    "Method",
    "ProfileMatches",
    "Rejection",
    "dedupe_evidence",
    "snippet",
    "span_text",
    "with_implied",
    "with_origins",
]

"""Lint rules about numbers, levels and links: ``weights-sum``, ``implausible-years``,
``unused-level``, ``ambiguous-level`` and ``bad-url``."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..io.yaml_source import PathKey
from ..rubric.findings import Finding
from ..text import word_norms
from .context import LintContext

if TYPE_CHECKING:
    pass


def _total(values: Sequence[float]) -> str:
    return f"{math.fsum(values):g}"


def check_weights(ctx: LintContext) -> Iterator[Finding]:
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


def check_requirements(ctx: LintContext) -> Iterator[Finding]:
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


def check_levels(ctx: LintContext) -> Iterator[Finding]:
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


def check_urls(ctx: LintContext) -> Iterator[Finding]:
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

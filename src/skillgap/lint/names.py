"""Lint rules about ids and text: ``id-not-slug`` and ``empty-text``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..io.yaml_source import PathKey
from ..rubric.findings import Finding
from ..rubric.model import SLUG_PATTERN
from ..text import word_norms
from .context import LintContext

if TYPE_CHECKING:
    pass


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", " ".join(word_norms(text)).replace("&", " and ")).strip("-")


_SLUG_RE = re.compile(SLUG_PATTERN)


def check_ids(ctx: LintContext) -> Iterator[Finding]:
    rubric = ctx.rubric
    places: list[tuple[PathKey, str]] = [(("id",), rubric.id)]
    if "levels" in rubric.model_fields_set:
        places += [(("levels", i, "id"), level.id) for i, level in enumerate(rubric.levels)]
    for a, area in enumerate(rubric.areas):
        places.append((("areas", a, "id"), area.id))
        places += [
            (("areas", a, "requirements", r, "id"), req.id)
            for r, req in enumerate(area.requirements)
        ]
    for loc, value in places:
        if not _SLUG_RE.match(value):
            slug = _slugify(value)
            hint = f"; try '{slug}'" if slug else ""
            yield Finding(
                "id-not-slug",
                loc,
                f"id '{value}' is not a slug (lowercase letters "
                f"and digits, words joined by single hyphens){hint}",
            )


def check_empty_text(ctx: LintContext) -> Iterator[Finding]:
    rubric = ctx.rubric
    places: list[tuple[PathKey, str, str]] = [(("title",), rubric.title, "the rubric's title")]
    if "levels" in rubric.model_fields_set:
        places += [
            (("levels", i, "name"), level.name, f"level '{level.id}' name")
            for i, level in enumerate(rubric.levels)
        ]
    for a, area in enumerate(rubric.areas):
        places.append((("areas", a, "name"), area.name, f"area '{area.id}' name"))
        for r, req in enumerate(area.requirements):
            rloc: PathKey = ("areas", a, "requirements", r)
            places.append(((*rloc, "name"), req.name, f"requirement '{req.id}' name"))
            places += [
                ((*rloc, "resources", i, "title"), res.title, "resource title")
                for i, res in enumerate(req.resources)
            ]
    for loc, value, what in places:
        if not value:
            yield Finding("empty-text", loc, f"{what} is empty; reports show it, so give it words")

"""The one pipeline every rubric goes through, for loading and for ``skillgap validate``.

:func:`parse_rubric_text` takes the text of a rubric through five stages, collecting
every problem with its position:

1. YAML with positions (syntax, duplicate keys, limits), :mod:`skillgap.io.yaml_source`;
2. a mapping at the top;
3. merged with the rubrics it ``extends``, :mod:`.extends`;
4. the models (the schema), with pydantic's errors turned into positioned problems;
5. the references the schema cannot see, :mod:`.references`.

:func:`load_rubric` runs it on a bundled rubric or a file and refuses a rubric with any
error. ``skillgap validate`` runs the same pipeline and goes on to the lint rules
(:mod:`skillgap.lint`), repairing the document first when the schema stage failed.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ..errors import Level, Problem, RubricError, UnknownRubricError
from ..io.read import decode_text, read_bytes, sha256_hex
from ..io.validation import pydantic_problems
from ..io.yaml_source import YamlDocument, parse_yaml
from ..limits import DEFAULT_LIMITS, Limits
from .bundled import bundled_display, bundled_rubric_bytes, bundled_rubric_ids
from .extends import RubricSource, combined_sha256, resolve_extends
from .model import Rubric, RubricOrigin
from .references import reference_problems

#: The rubric used when none is named.
DEFAULT_RUBRIC_ID = "principal-ml-engineer"


@dataclass(frozen=True)
class ParsedRubric:
    """What the pipeline made of a rubric's text."""

    #: The rubric, when the schema stage passed (reference problems may still be errors).
    rubric: Rubric | None
    #: The document merged with what it extends, or as read when that failed; None when
    #: the text is not YAML at all.
    document: YamlDocument | None
    #: Every problem found, in the order the stages found them.
    problems: tuple[Problem, ...]
    #: True when the models refused the document: the stages before passed, so the
    #: document is a whole, merged rubric mapping that a caller may repair and check on.
    schema_failed: bool = False

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems of level error."""
        return tuple(p for p in self.problems if p.level is Level.ERROR)


def parse_rubric_text(
    text: str,
    *,
    path: str,
    limits: Limits = DEFAULT_LIMITS,
    source: RubricSource | None = None,
) -> ParsedRubric:
    """Take rubric YAML through every stage, collecting every problem.

    A rubric that ``extends`` another is merged with it first (``source`` says where
    relative paths start; by default the file ``path`` names, or its folder), and the
    document returned is the merged one, whose positions point into each file involved.
    """
    document, problems = parse_yaml(text, path=path, limits=limits)
    if document is None:
        return ParsedRubric(None, None, tuple(problems))
    if not isinstance(document.data, dict):
        mark = document.source_map.locate(())
        problems.append(
            Problem(
                path,
                mark.line if mark else 1,
                mark.column if mark else 1,
                "a rubric must be a mapping with id, title, version and areas",
                rule="wrong-type",
            )
        )
        return ParsedRubric(None, document, tuple(problems))
    source = source or RubricSource.for_display(path)
    document, inherited = resolve_extends(document, source=source, limits=limits)
    problems.extend(inherited)
    if any(p.level is Level.ERROR for p in inherited):
        return ParsedRubric(None, document, tuple(problems))
    try:
        rubric = Rubric.model_validate(document.data)
    except ValidationError as exc:
        problems.extend(
            pydantic_problems(exc, path=path, source_map=document.source_map, root=Rubric)
        )
        return ParsedRubric(None, document, tuple(problems), schema_failed=True)
    problems.extend(reference_problems(rubric, path=path, source_map=document.source_map))
    return ParsedRubric(rubric, document, tuple(problems))


def load_rubric(ref: str | Path | None = None, *, limits: Limits = DEFAULT_LIMITS) -> Rubric:
    """Load a rubric by bundled id or file path.

    >>> load_rubric("principal-ml-engineer").title
    'Principal Machine Learning Engineer'

    Raises :class:`RubricError` (with every problem positioned) if the file is invalid,
    and :class:`UnknownRubricError` if ``ref`` is neither a bundled id nor a file.
    """
    ref = DEFAULT_RUBRIC_ID if ref is None else ref
    bundled_id: str | None = None
    if isinstance(ref, str) and ref in bundled_rubric_ids() and not Path(ref).exists():
        bundled_id = ref
        data = bundled_rubric_bytes(ref)
        display = bundled_display(ref)
        source = RubricSource.for_bundled(ref)
    else:
        path = Path(ref)
        if not path.exists():
            import difflib

            ids = bundled_rubric_ids()
            close = difflib.get_close_matches(str(ref), ids, n=1, cutoff=0.7)
            hint = f"did you mean '{close[0]}'? " if close else ""
            known = ", ".join(ids) or "none"
            raise UnknownRubricError(
                f"no rubric file or bundled rubric called '{ref}'; {hint}bundled rubrics: "
                f"{known} (see 'skillgap rubrics')",
            )
        data = read_bytes(path, limits=limits)
        display = str(path)
        source = RubricSource.for_path(path, display)
    # A rubric loaded again (the README's loop: load_rubric() for every resume) is the
    # same immutable object: bundled ones by id, files by path and content. A file that
    # extends others is read afresh each time, as a parent may have changed.
    key = (display, sha256_hex(data), bundled_id, limits)
    with _LOADED_LOCK:
        cached = _LOADED.get(key)
    if cached is not None:
        return cached
    text = decode_text(data, path=display, detect=False)
    parsed = parse_rubric_text(text, path=display, limits=limits, source=source)
    if parsed.rubric is None or parsed.errors:
        raise RubricError("invalid rubric", path=display, problems=parsed.errors or parsed.problems)
    rubric = parsed.rubric
    rubric._origin = RubricOrigin(
        path=display,
        sha256=combined_sha256(sha256_hex(data), parsed.document),
        bundled_id=bundled_id,
    )
    if bundled_id is not None or rubric.extends is None:
        with _LOADED_LOCK:
            _LOADED[key] = rubric
            while len(_LOADED) > _LOADED_LIMIT:
                _LOADED.popitem(last=False)
    return rubric


#: Rubrics loaded by :func:`load_rubric`, most recent last (see there), at most this many.
_LOADED: OrderedDict[tuple[str, str, str | None, Limits], Rubric] = OrderedDict()
_LOADED_LIMIT = 16
_LOADED_LOCK = threading.Lock()


__all__ = ["DEFAULT_RUBRIC_ID", "ParsedRubric", "load_rubric", "parse_rubric_text"]

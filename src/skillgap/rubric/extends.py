"""Rubric inheritance: ``extends:`` another rubric and change only what differs.

A rubric may name a parent with ``extends: <bundled id>`` or ``extends: <path>.yaml``
(relative to the extending file). Before the rubric is validated, the parent's raw YAML
data (itself resolved first, if it extends another) is merged with the child's
(:mod:`.merge` has the rules: mappings merge key by key, lists replace, areas and
requirements merge by id). The child must set its own ``id`` and ``version`` (reports
carry them); ``title``, ``description``, ``source``, ``levels`` and ``scoring`` are
inherited when absent.

This runs on the raw data, so everything after it (the schema, id checks, ``skillgap
validate``) sees one ordinary rubric. Positions survive the merge: every value keeps the
file, line and column it came from (:class:`SourcedMark`), so a problem in an inherited
part points into the parent file. Cycles and chains deeper than
:data:`MAX_EXTENDS_DEPTH` are reported as problems. The full description is in
``docs/ladder.md``.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, Problem
from ..io.read import decode_text, read_bytes, sha256_hex
from ..io.yaml_source import (
    Mark,
    PathKey,
    SourcedMark,
    SourceMap,
    YamlDocument,
    mark_file,
    parse_yaml,
)
from ..limits import DEFAULT_LIMITS, Limits
from .bundled import bundled_display, bundled_rubric_bytes, bundled_rubric_ids
from .merge import Merger, flatten, prune_inherited_subject, tree

#: Longest chain of ``extends`` (a rubric, its parent, its grandparent, ...).
MAX_EXTENDS_DEPTH = 8

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_REQUIRED_IN_CHILD = ("id", "version")


@dataclass(frozen=True)
class RubricSource:
    """Where a rubric's text came from, so that ``extends`` can be resolved from it.

    ``directory`` is the folder relative paths are resolved against; ``None`` means the
    bundled rubrics (a bundled rubric can extend other bundled rubrics only).
    ``identity`` names the file uniquely for cycle detection.
    """

    display: str
    directory: Path | None = None
    identity: str | None = None

    @classmethod
    def for_path(cls, path: Path, display: str | None = None) -> RubricSource:
        """The source for a rubric file on disk."""
        return cls(
            display=display or str(path), directory=path.parent, identity=str(path.resolve())
        )

    @classmethod
    def for_bundled(cls, rubric_id: str) -> RubricSource:
        """The source for a bundled rubric."""
        return cls(
            display=bundled_display(rubric_id), directory=None, identity=f"bundled:{rubric_id}"
        )

    @classmethod
    def for_display(cls, display: str) -> RubricSource:
        """The source for text known only by the name it is shown under: the file of that
        name if there is one, else relative paths start in the folder the name is in."""
        path = Path(display)
        if path.is_file():
            return cls.for_path(path, display)
        return cls(display=display, directory=path.parent)


@dataclass(frozen=True)
class MergedDocument(YamlDocument):
    """A rubric document merged with the rubrics it extends.

    ``chain`` lists ``(display, sha256)`` of every file extended, nearest parent first.
    """

    chain: tuple[tuple[str, str], ...] = field(default=())


def combined_sha256(own_sha256: str, document: YamlDocument | None) -> str:
    """The fingerprint of a rubric: its file's SHA-256, or for a rubric that extends
    others, the SHA-256 of its own and every ancestor's SHA-256 (so a change to a parent
    changes the fingerprint of every rubric built on it)."""
    if not isinstance(document, MergedDocument) or not document.chain:
        return own_sha256
    joined = "\n".join([own_sha256, *(sha for _, sha in document.chain)])
    return hashlib.sha256(joined.encode("ascii")).hexdigest()


# --------------------------------------------------------------------------- node tree


# --------------------------------------------------------------------------- merging


# --------------------------------------------------------------------------- resolving


@dataclass(frozen=True)
class _Parent:
    text: str
    sha256: str
    source: RubricSource


def _read_parent(
    ref: str, source: RubricSource, limits: Limits
) -> tuple[_Parent | None, str | None]:
    """The parent's text, or the reason it cannot be read."""
    is_path = ref.endswith((".yaml", ".yml"))
    if source.directory is None:
        # A bundled rubric extends bundled rubrics, named by id or by file name.
        name = Path(ref).stem if is_path and "/" not in ref and "\\" not in ref else ref
        return _read_bundled(name)
    if not is_path:
        return _read_bundled(ref)
    if Path(ref).is_absolute() or ref.startswith("~"):
        return None, (
            f"extends '{ref}': give a path relative to this file (absolute "
            "paths make a rubric work on one machine only)"
        )
    path = Path(os.path.normpath(source.directory / ref))
    try:
        data = read_bytes(path, limits=limits)
        text = decode_text(data, path=str(path), detect=False)
    except InputError as exc:
        return None, f"cannot extend '{ref}': {exc}"
    return _Parent(text, sha256_hex(data), RubricSource.for_path(path)), None


def _read_bundled(rubric_id: str) -> tuple[_Parent | None, str | None]:
    known = bundled_rubric_ids()
    if not _ID_RE.match(rubric_id) or rubric_id not in known:
        close = difflib.get_close_matches(rubric_id, known, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "see 'skillgap rubrics'"
        return None, (
            f"extends '{rubric_id}': no bundled rubric has that id ({hint}); name "
            "a rubric file by a relative path ending in .yaml"
        )
    data = bundled_rubric_bytes(rubric_id)
    text = decode_text(data, path=bundled_display(rubric_id), detect=False)
    return _Parent(text, sha256_hex(data), RubricSource.for_bundled(rubric_id)), None


def _list(value: Any) -> list[Any]:
    """``value`` if it is a list; anything else (wrong types are the schema's to report)
    as an empty one."""
    return value if isinstance(value, list) else []


def _has_remove_keys(data: dict[str, Any]) -> PathKey | None:
    for a, area in enumerate(_list(data.get("areas"))):
        if not isinstance(area, dict):
            continue
        if "remove" in area:
            return ("areas", a, "remove")
        for r, requirement in enumerate(_list(area.get("requirements"))):
            if isinstance(requirement, dict) and "remove" in requirement:
                return ("areas", a, "requirements", r, "remove")
    return None


def resolve_extends(
    document: YamlDocument,
    *,
    source: RubricSource,
    limits: Limits = DEFAULT_LIMITS,
    _stack: tuple[str, ...] = (),
) -> tuple[YamlDocument, list[Problem]]:
    """Merge a rubric document with the rubrics it ``extends`` (recursively).

    Returns the merged document (a :class:`MergedDocument` whose source map points into
    every file involved) and the problems found. A document without ``extends`` comes
    back unchanged. With problems of level error, the document returned is the input.
    """
    data = document.data
    path = source.display
    if not isinstance(data, dict):
        return document, []

    def at(loc: PathKey, message: str, *, prefer_key: bool = False) -> Problem:
        mark = document.source_map.locate(loc, prefer_key=prefer_key)
        return Problem(
            mark_file(mark, path),
            mark.line if mark else None,
            mark.column if mark else None,
            message,
            rule="extends",
        )

    if "extends" not in data:
        remove_at = _has_remove_keys(data)
        if remove_at is not None:
            return document, [
                at(
                    remove_at,
                    "'remove' only works in a rubric that extends "
                    "another; add 'extends: <rubric>' or delete the entry",
                    prefer_key=True,
                )
            ]
        return document, []
    ref = data["extends"]
    if not isinstance(ref, str) or not ref.strip():
        return document, [
            at(
                ("extends",),
                "'extends' must be a bundled rubric id or a relative path to a .yaml file",
            )
        ]
    ref = ref.strip()
    missing = [key for key in _REQUIRED_IN_CHILD if key not in data]
    if missing:
        return document, [
            at(
                (),
                f"a rubric that extends another must set its own "
                f"{' and '.join(repr(k) for k in missing)} (everything else "
                "can be inherited)",
            )
        ]
    stack = (*_stack, source.identity or source.display)
    if len(stack) > MAX_EXTENDS_DEPTH:
        return document, [
            at(
                ("extends",),
                f"'extends' chain is deeper than {MAX_EXTENDS_DEPTH} rubrics; flatten it",
            )
        ]
    parent, reason = _read_parent(ref, source, limits)
    if parent is None:
        return document, [at(("extends",), reason or f"cannot extend '{ref}'")]
    parent_identity = parent.source.identity or parent.source.display
    if parent_identity in stack:
        names = [*stack[stack.index(parent_identity) :], parent_identity]
        shown = " -> ".join(_short(n) for n in names)
        return document, [at(("extends",), f"'extends' makes a cycle: {shown}")]
    parent_doc, problems = parse_yaml(parent.text, path=parent.source.display, limits=limits)
    errors = [p for p in problems if p.level.value == "error"]
    if parent_doc is None or errors:
        return document, [
            *problems,
            at(("extends",), f"cannot extend '{ref}': {parent.source.display} has errors (above)"),
        ]
    if not isinstance(parent_doc.data, dict):
        return document, [
            at(
                ("extends",),
                f"cannot extend '{ref}': {parent.source.display} is not a rubric mapping",
            )
        ]
    resolved, parent_problems = resolve_extends(
        parent_doc, source=parent.source, limits=limits, _stack=stack
    )
    if any(p.level.value == "error" for p in parent_problems):
        return document, parent_problems
    parent_chain = resolved.chain if isinstance(resolved, MergedDocument) else ()
    parent_tree = tree(resolved.data, resolved.source_map, parent.source.display)
    child_tree = tree(data, document.source_map, path)
    merger = Merger(path, parent.source.display, parent_tree, child_tree)
    merged = merger.merge_mapping(parent_tree, child_tree, "")
    prune_inherited_subject(merged, child_tree)
    if merger.problems:
        return document, [*parent_problems, *merger.problems]
    keys: dict[PathKey, Mark] = {}
    values: dict[PathKey, Mark] = {}
    merged_data = flatten(merged, (), keys, values)
    chain = ((parent.source.display, parent.sha256), *parent_chain)
    return MergedDocument(merged_data, SourceMap(keys, values), chain=chain), parent_problems


def _short(identity: str) -> str:
    if identity.startswith("bundled:"):
        return identity[len("bundled:") :]
    return Path(identity).name


__all__ = [
    "MAX_EXTENDS_DEPTH",
    "MergedDocument",
    "RubricSource",
    "SourcedMark",
    "combined_sha256",
    "mark_file",
    "resolve_extends",
]

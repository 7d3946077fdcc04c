"""Rubric inheritance: ``extends:`` another rubric and change only what differs.

A rubric may name a parent with ``extends: <bundled id>`` or ``extends: <path>.yaml``
(relative to the extending file). Before the rubric is validated, the parent's raw YAML
data (itself resolved first, if it extends another) is merged with the child's:

* **Mappings merge key by key**, recursively (the top level, ``scoring``, each area,
  each requirement, ``degree``). A key the child sets replaces the parent's value; a key
  the child sets to ``null`` is removed, so the field takes its default.
* **Lists replace** the parent's list whole (``levels``, ``skills``, ``next_steps``,
  ``resources``, ``aliases``, ...), with two exceptions:
* **``areas`` and each area's ``requirements`` merge by ``id``.** A child entry whose id
  the parent has is merged into it (and keeps the parent's position); an entry with a
  new id is added after the parent's entries, in the child's order; an entry with
  ``remove: true`` (and nothing but its ``id``) deletes the parent's entry.
* The child must set its own ``id`` and ``version`` (reports carry them); ``title``,
  ``description``, ``source``, ``levels`` and ``scoring`` are inherited when absent.

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

#: Longest chain of ``extends`` (a rubric, its parent, its grandparent, ...).
MAX_EXTENDS_DEPTH = 8

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_MERGED_BY_ID = ("areas", "requirements")
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


@dataclass
class _Node:
    """A YAML value with the positions of itself and of its key."""

    value: Any  # dict[str, _Node] | list[_Node] | scalar
    mark: Mark | None
    key_mark: Mark | None = None


def _tag(mark: Mark | None, file: str) -> Mark | None:
    if mark is None or isinstance(mark, SourcedMark):
        return mark
    return SourcedMark(mark.line, mark.column, file)


def _tree(data: Any, source_map: SourceMap, file: str, loc: PathKey = ()) -> _Node:
    mark = _tag(source_map.values.get(loc), file)
    key_mark = _tag(source_map.keys.get(loc), file)
    if isinstance(data, dict):
        value: Any = {k: _tree(v, source_map, file, (*loc, k)) for k, v in data.items()}
    elif isinstance(data, list):
        value = [_tree(v, source_map, file, (*loc, i)) for i, v in enumerate(data)]
    else:
        value = data
    return _Node(value, mark, key_mark)


def _flatten(
    node: _Node, loc: PathKey, keys: dict[PathKey, Mark], values: dict[PathKey, Mark]
) -> Any:
    if node.mark is not None:
        values[loc] = node.mark
    if node.key_mark is not None:
        keys[loc] = node.key_mark
    if isinstance(node.value, dict):
        return {k: _flatten(v, (*loc, k), keys, values) for k, v in node.value.items()}
    if isinstance(node.value, list):
        return [_flatten(v, (*loc, i), keys, values) for i, v in enumerate(node.value)]
    return node.value


# --------------------------------------------------------------------------- merging


class _Merger:
    """Merges one child rubric into its (already resolved) parent, collecting problems."""

    def __init__(self, child_file: str, parent_file: str, parent: _Node, child: _Node) -> None:
        self.child_file = child_file
        self.parent_file = parent_file
        self.problems: list[Problem] = []
        # Requirement ids are unique across a rubric, so a requirement named under the
        # wrong area is a mistake unless the child removes it from its parent's area.
        self.parent_area_of = {rid: aid for aid, rid in _requirement_ids(parent)}
        self.removed_requirements = {rid for _, rid in _requirement_ids(child, removed=True)}

    def problem(self, node: _Node, message: str, *, key: bool = False) -> None:
        mark = (node.key_mark or node.mark) if key else (node.mark or node.key_mark)
        self.problems.append(
            Problem(
                mark_file(mark, self.child_file),
                mark.line if mark else None,
                mark.column if mark else None,
                message,
                rule="extends",
            )
        )

    def merge_mapping(self, parent: _Node, child: _Node, where: str) -> _Node:
        """Key-by-key merge; ``null`` removes; areas/requirements merge by id."""
        merged: dict[str, _Node] = dict(parent.value)
        for key, node in child.value.items():
            if node.value is None:
                merged.pop(key, None)
            elif (
                key in _MERGED_BY_ID
                and key in merged
                and isinstance(node.value, list)
                and isinstance(merged[key].value, list)
            ):
                owner = self.entry_id(parent) or ""
                merged[key] = self.merge_by_id(merged[key], node, key, where, owner)
            elif (
                isinstance(node.value, dict)
                and key in merged
                and isinstance(merged[key].value, dict)
            ):
                merged[key] = self.merge_mapping(merged[key], node, f"{where}.{key}")
            else:
                merged[key] = self.added(node, key)
        return _Node(merged, child.mark or parent.mark, child.key_mark or parent.key_mark)

    def merge_by_id(self, parent: _Node, child: _Node, key: str, where: str, owner: str) -> _Node:
        kind = "area" if key == "areas" else "requirement"
        entries: list[_Node] = list(parent.value)
        index = {self.entry_id(e): i for i, e in enumerate(entries) if self.entry_id(e) is not None}
        removed: set[int] = set()
        seen: set[str] = set()
        added: list[_Node] = []
        for position, item in enumerate(child.value):
            label = f"{where}.{key}[{position}]" if where else f"{key}[{position}]"
            if not isinstance(item.value, dict):
                self.problem(
                    item,
                    f"'{label}' must be a mapping with an 'id' (to change, "
                    f"add or remove a {kind} of {self.parent_file})",
                )
                continue
            item_id = self.entry_id(item)
            if item_id is None:
                self.problem(
                    item,
                    f"'{label}' needs an 'id': it says which {kind} of "
                    f"{self.parent_file} this changes, or names a new one",
                )
                continue
            if item_id in seen:
                self.problem(
                    item.value["id"],
                    f"{kind} '{item_id}' appears twice in this file; change it in one place",
                )
                continue
            seen.add(item_id)
            remove = self.remove_flag(item, kind, item_id)
            if remove is None:
                continue
            if item_id in index:
                if remove:
                    removed.add(index[item_id])
                else:
                    entries[index[item_id]] = self.merge_mapping(
                        entries[index[item_id]], self.without_remove(item), f"{label}"
                    )
            elif (
                kind == "requirement"
                and item_id in self.parent_area_of
                and item_id not in self.removed_requirements
            ):
                area = self.parent_area_of[item_id]
                self.problem(
                    item.value["id"],
                    f"requirement '{item_id}' is in area '{area}' "
                    f"of {self.parent_file}, not '{owner}'; change it under area "
                    f"'{area}', or remove it there ('remove: true') and define it "
                    "in full here",
                )
            elif remove:
                where_text = f" in area '{owner}'" if kind == "requirement" else ""
                self.problem(
                    item.value["remove"],
                    f"cannot remove {kind} '{item_id}': "
                    f"{self.parent_file} has no such {kind}{where_text}",
                    key=True,
                )
            else:
                entry = self.new_entry(item, kind)
                if entry is not None:
                    added.append(entry)
        kept = [e for i, e in enumerate(entries) if i not in removed]
        return _Node([*kept, *added], child.mark or parent.mark, child.key_mark or parent.key_mark)

    def added(self, node: _Node, key: str) -> _Node:
        """A value the parent does not have, taken from the child as it is."""
        if key in _MERGED_BY_ID and isinstance(node.value, list):
            kind = "area" if key == "areas" else "requirement"
            kept = [
                entry
                for entry in (self.new_entry(item, kind) for item in node.value)
                if entry is not None
            ]
            return _Node(kept, node.mark, node.key_mark)
        return node

    def new_entry(self, item: _Node, kind: str) -> _Node | None:
        """An area or requirement new in the child: ``remove: true`` in it is a mistake."""
        if not isinstance(item.value, dict):
            return item
        if "remove" in item.value:
            flag = self.remove_flag(item, kind, self.entry_id(item) or "?")
            if flag:
                self.problem(
                    item.value["remove"],
                    f"cannot remove {kind} "
                    f"'{self.entry_id(item)}': it is new in this file, so there is "
                    "nothing to remove",
                    key=True,
                )
                return None
            item = self.without_remove(item)
        requirements = item.value.get("requirements")
        if kind == "area" and requirements is not None:
            value = dict(item.value)
            value["requirements"] = self.added(requirements, "requirements")
            return _Node(value, item.mark, item.key_mark)
        return item

    def remove_flag(self, item: _Node, kind: str, item_id: str) -> bool | None:
        """True/False for ``remove``, or None (with a problem) when it is misused."""
        node = item.value.get("remove")
        if node is None:
            return False
        if not isinstance(node.value, bool):
            self.problem(node, f"'remove' must be true or false, got {node.value!r}")
            return None
        others = sorted(k for k in item.value if k not in ("id", "remove"))
        if node.value and others:
            self.problem(
                item.value[others[0]],
                f"{kind} '{item_id}' has 'remove: true' "
                f"and other keys ({', '.join(others)}); a removed {kind} takes "
                "only its id",
                key=True,
            )
            return None
        return node.value

    @staticmethod
    def without_remove(item: _Node) -> _Node:
        value = {k: v for k, v in item.value.items() if k != "remove"}
        return _Node(value, item.mark, item.key_mark)

    @staticmethod
    def entry_id(item: _Node) -> str | None:
        if not isinstance(item.value, dict):
            return None
        node = item.value.get("id")
        return node.value if node is not None and isinstance(node.value, str) else None


def _requirement_ids(root: _Node, *, removed: bool = False) -> list[tuple[str, str]]:
    """(area id, requirement id) pairs of a rubric tree; only removed ones if asked."""
    pairs: list[tuple[str, str]] = []
    areas = root.value.get("areas") if isinstance(root.value, dict) else None
    if areas is None or not isinstance(areas.value, list):
        return pairs
    for area in areas.value:
        area_id = _Merger.entry_id(area)
        requirements = area.value.get("requirements") if isinstance(area.value, dict) else None
        if area_id is None or requirements is None or not isinstance(requirements.value, list):
            continue
        for requirement in requirements.value:
            requirement_id = _Merger.entry_id(requirement)
            if requirement_id is None:
                continue
            flag = requirement.value.get("remove")
            if not removed or (flag is not None and flag.value is True):
                pairs.append((area_id, requirement_id))
    return pairs


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


def _has_remove_keys(data: dict[str, Any]) -> PathKey | None:
    for a, area in enumerate(data.get("areas") or []):
        if not isinstance(area, dict):
            continue
        if "remove" in area:
            return ("areas", a, "remove")
        for r, requirement in enumerate(area.get("requirements") or []):
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
    parent_tree = _tree(resolved.data, resolved.source_map, parent.source.display)
    child_tree = _tree(data, document.source_map, path)
    merger = _Merger(path, parent.source.display, parent_tree, child_tree)
    merged = merger.merge_mapping(parent_tree, child_tree, "")
    if merger.problems:
        return document, [*parent_problems, *merger.problems]
    keys: dict[PathKey, Mark] = {}
    values: dict[PathKey, Mark] = {}
    merged_data = _flatten(merged, (), keys, values)
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

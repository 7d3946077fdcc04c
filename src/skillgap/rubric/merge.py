"""Merging a rubric into the rubric it extends, on the raw YAML data with positions.

* **Mappings merge key by key**, recursively (the top level, ``scoring``, each area,
  each requirement, ``degree``). A key the child sets replaces the parent's value; a key
  the child sets to ``null`` is removed, so the field takes its default.
* **Lists replace** the parent's list whole (``levels``, ``skills``, ``next_steps``,
  ``resources``, ``aliases``, ...), with two exceptions:
* **``areas`` and each area's ``requirements`` merge by ``id``.** A child entry whose id
  the parent has is merged into it (and keeps the parent's position); an entry with a
  new id is added after the parent's entries, in the child's order; an entry with
  ``remove: true`` (and nothing but its ``id``) deletes the parent's entry.

Every value is a :class:`Node` that keeps the position of itself and of its key, tagged
with its file (:class:`~skillgap.io.yaml_source.SourcedMark`), so a problem in an
inherited part points into the parent file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..errors import Problem
from ..io.yaml_source import Mark, PathKey, SourcedMark, SourceMap, mark_file

_MERGED_BY_ID = ("areas", "requirements")


@dataclass
class Node:
    """A YAML value with the positions of itself and of its key."""

    value: Any  # dict[str, Node] | list[Node] | scalar
    mark: Mark | None
    key_mark: Mark | None = None


def _tag(mark: Mark | None, file: str) -> Mark | None:
    if mark is None or isinstance(mark, SourcedMark):
        return mark
    return SourcedMark(mark.line, mark.column, file)


def tree(data: Any, source_map: SourceMap, file: str, loc: PathKey = ()) -> Node:
    mark = _tag(source_map.values.get(loc), file)
    key_mark = _tag(source_map.keys.get(loc), file)
    if isinstance(data, dict):
        value: Any = {k: tree(v, source_map, file, (*loc, k)) for k, v in data.items()}
    elif isinstance(data, list):
        value = [tree(v, source_map, file, (*loc, i)) for i, v in enumerate(data)]
    else:
        value = data
    return Node(value, mark, key_mark)


def flatten(
    node: Node, loc: PathKey, keys: dict[PathKey, Mark], values: dict[PathKey, Mark]
) -> Any:
    if node.mark is not None:
        values[loc] = node.mark
    if node.key_mark is not None:
        keys[loc] = node.key_mark
    if isinstance(node.value, dict):
        return {k: flatten(v, (*loc, k), keys, values) for k, v in node.value.items()}
    if isinstance(node.value, list):
        return [flatten(v, (*loc, i), keys, values) for i, v in enumerate(node.value)]
    return node.value


def prune_inherited_subject(merged: Node, child: Node) -> None:
    """Drop from an inherited ``scoring.subject`` the areas and requirements the child
    removed: removing an entry removes what points at it. (A subject the child sets
    itself is left as written, for the reference checks to judge.)"""
    child_scoring = child.value.get("scoring") if isinstance(child.value, dict) else None
    if child_scoring is not None and isinstance(child_scoring.value, dict):
        if "subject" in child_scoring.value:
            return
    scoring = merged.value.get("scoring") if isinstance(merged.value, dict) else None
    if scoring is None or not isinstance(scoring.value, dict):
        return
    subject = scoring.value.get("subject")
    if subject is None or not isinstance(subject.value, dict):
        return
    areas = merged.value.get("areas")
    area_ids: set[str] = set()
    requirement_ids: set[str] = set()
    for area in areas.value if areas is not None and isinstance(areas.value, list) else []:
        if isinstance(area.value, dict):
            area_ids.add(str(getattr(area.value.get("id"), "value", "")))
            requirements = area.value.get("requirements")
            for requirement in (
                requirements.value if requirements and isinstance(requirements.value, list) else []
            ):
                if isinstance(requirement.value, dict):
                    requirement_ids.add(str(getattr(requirement.value.get("id"), "value", "")))
    for key, known in (("areas", area_ids), ("requirements", requirement_ids)):
        listed = subject.value.get(key)
        if listed is not None and isinstance(listed.value, list):
            listed.value = [item for item in listed.value if item.value in known]
            if not listed.value:
                del scoring.value["subject"]
                return


def _merged_by_id(key: str, where: str) -> bool:
    """Is ``key`` at ``where`` a list of entries merged by id: the rubric's ``areas``, or
    an area's ``requirements`` (not ``scoring.subject.requirements``, a list of ids)?"""
    return (key == "areas" and where == "") or (
        key == "requirements" and where.startswith("areas[")
    )


class Merger:
    """Merges one child rubric into its (already resolved) parent, collecting problems."""

    def __init__(self, child_file: str, parent_file: str, parent: Node, child: Node) -> None:
        self.child_file = child_file
        self.parent_file = parent_file
        self.problems: list[Problem] = []
        # Requirement ids are unique across a rubric, so a requirement named under the
        # wrong area is a mistake unless the child removes it from its parent's area.
        self.parent_area_of = {rid: aid for aid, rid in _requirement_ids(parent)}
        self.removed_requirements = {rid for _, rid in _requirement_ids(child, removed=True)}

    def problem(self, node: Node, message: str, *, key: bool = False) -> None:
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

    def merge_mapping(self, parent: Node, child: Node, where: str) -> Node:
        """Key-by-key merge; ``null`` removes; areas/requirements merge by id."""
        merged: dict[str, Node] = dict(parent.value)
        for key, node in child.value.items():
            if node.value is None:
                merged.pop(key, None)
            elif (
                _merged_by_id(key, where)
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
        return Node(merged, child.mark or parent.mark, child.key_mark or parent.key_mark)

    def merge_by_id(self, parent: Node, child: Node, key: str, where: str, owner: str) -> Node:
        kind = "area" if key == "areas" else "requirement"
        entries: list[Node] = list(parent.value)
        index = {self.entry_id(e): i for i, e in enumerate(entries) if self.entry_id(e) is not None}
        removed: set[int] = set()
        seen: set[str] = set()
        added: list[Node] = []
        for position, item in enumerate(child.value):
            label = f"{where}.{key}[{position}]" if where else f"{key}[{position}]"
            if not isinstance(item.value, dict):
                self.problem(
                    item,
                    f"'{label}' must be a mapping with an 'id' (to change, add or remove "
                    f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} of {self.parent_file})",
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
        return Node([*kept, *added], child.mark or parent.mark, child.key_mark or parent.key_mark)

    def added(self, node: Node, key: str) -> Node:
        """A value the parent does not have, taken from the child as it is."""
        if key in _MERGED_BY_ID and isinstance(node.value, list):
            kind = "area" if key == "areas" else "requirement"
            kept = [
                entry
                for entry in (self.new_entry(item, kind) for item in node.value)
                if entry is not None
            ]
            return Node(kept, node.mark, node.key_mark)
        return node

    def new_entry(self, item: Node, kind: str) -> Node | None:
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
            return Node(value, item.mark, item.key_mark)
        return item

    def remove_flag(self, item: Node, kind: str, item_id: str) -> bool | None:
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
    def without_remove(item: Node) -> Node:
        value = {k: v for k, v in item.value.items() if k != "remove"}
        return Node(value, item.mark, item.key_mark)

    @staticmethod
    def entry_id(item: Node) -> str | None:
        if not isinstance(item.value, dict):
            return None
        node = item.value.get("id")
        return node.value if node is not None and isinstance(node.value, str) else None


def _requirement_ids(root: Node, *, removed: bool = False) -> list[tuple[str, str]]:
    """(area id, requirement id) pairs of a rubric tree; only removed ones if asked."""
    pairs: list[tuple[str, str]] = []
    areas = root.value.get("areas") if isinstance(root.value, dict) else None
    if areas is None or not isinstance(areas.value, list):
        return pairs
    for area in areas.value:
        area_id = Merger.entry_id(area)
        requirements = area.value.get("requirements") if isinstance(area.value, dict) else None
        if area_id is None or requirements is None or not isinstance(requirements.value, list):
            continue
        for requirement in requirements.value:
            requirement_id = Merger.entry_id(requirement)
            if requirement_id is None:
                continue
            flag = requirement.value.get("remove")
            if not removed or (flag is not None and flag.value is True):
                pairs.append((area_id, requirement_id))
    return pairs

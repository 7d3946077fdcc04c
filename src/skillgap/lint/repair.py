"""Repairing a rubric the schema refused, just enough to lint it.

``skillgap validate`` reports lint problems even in a file with schema errors. The
document is repaired in rounds until the models accept it (an unknown key dropped, a bad
optional value reset to its default, a missing required value filled in with a
placeholder, a broken list item left out); the lint rules run on the result, and
:meth:`Repaired.restore` moves their findings back to the original document, dropping
any that depend on a repaired place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel, ValidationError

from ..io.validation import error_location, model_for, suggest_key
from ..io.yaml_source import Mark, PathKey, SourceMap
from ..rubric.findings import Finding
from ..rubric.model import Rubric

_MAX_REPAIR_ROUNDS = 12

#: Rules whose findings depend only on the value they point at (and on the document
#: parts named here): a repair elsewhere in the same item cannot have made them up, so
#: they are reported in the same run as the schema errors ("advaned" with a wrong-typed
#: weight beside it), not in a later wave.
_LOCAL_RULES: dict[str, tuple[PathKey, ...]] = {
    "unknown-level": (("levels",),),
    "bad-url": (),
}


class Repaired:
    """A copy of the document with broken parts removed or filled in, and the way back.

    ``deleted`` and ``filled`` are paths in the original document. List items that
    were left out shift the items after them, so findings on the repaired document are
    translated back to original paths before they are positioned.
    """

    def __init__(
        self,
        data: Any,
        deleted: frozenset[PathKey] = frozenset(),
        filled: dict[PathKey, Any] | None = None,
        damaged: frozenset[PathKey] = frozenset(),
    ) -> None:
        self.deleted = deleted
        self.filled = filled or {}
        self.damaged = damaged | deleted | frozenset(self.filled)
        # A made-up name or id could show up in any message about what it names.
        self.subtrees = frozenset(
            _enclosing_item(loc) for loc, value in self.filled.items() if isinstance(value, str)
        )
        self._kept: dict[PathKey, list[int]] = {}
        self.data = self._copy(data, (), ())

    def _copy(self, node: Any, old: PathKey, new: PathKey) -> Any:
        if isinstance(node, dict):
            result: dict[str, Any] = {}
            for key, value in node.items():
                child = (*old, key)
                if child in self.deleted:
                    continue
                result[key] = (
                    self.filled[child]
                    if child in self.filled
                    else self._copy(value, child, (*new, key))
                )
            for loc, value in self.filled.items():
                if loc[:-1] == old and isinstance(loc[-1], str) and loc[-1] not in node:
                    result[loc[-1]] = value
            return result
        if isinstance(node, list):
            kept: list[int] = []
            items: list[Any] = []
            for i, value in enumerate(node):
                child = (*old, i)
                if child in self.deleted:
                    continue
                kept.append(i)
                items.append(
                    self.filled[child]
                    if child in self.filled
                    else self._copy(value, child, (*new, len(items)))
                )
            self._kept[new] = kept
            return items
        return node

    def original(self, loc: PathKey) -> PathKey:
        """The path in the original document of a path in the repaired one."""
        result: list[str | int] = []
        for i, part in enumerate(loc):
            kept = self._kept.get(loc[:i])
            if isinstance(part, int) and kept is not None and part < len(kept):
                result.append(kept[part])
            else:
                result.append(part)
        return tuple(result)

    def locator(self, source_map: SourceMap) -> Callable[..., Mark | None]:
        """``source_map.locate`` for paths in the repaired document."""

        def locate(loc: PathKey, *, prefer_key: bool = False) -> Mark | None:
            return source_map.locate(self.original(loc), prefer_key=prefer_key)

        return locate

    def touches_damage(self, loc: PathKey) -> bool:
        """Does a finding at ``loc`` (original path) depend on a repaired place?

        It does if it is about something containing the repair (a requirement whose
        skill was left out), about the same item (an area whose weight was filled in),
        or inside an item whose name or id was made up.
        """
        item = _enclosing_item(loc)
        for damaged in self.damaged:
            if damaged[: len(loc)] == loc or _enclosing_item(damaged) == item:
                return True
        return any(loc[: len(tree)] == tree for tree in self.subtrees)

    def touches_own_value(self, loc: PathKey, depends_on: tuple[PathKey, ...]) -> bool:
        """Was the value at ``loc`` (or what it depends on) repaired or made up?"""
        for damaged in self.damaged:
            if damaged[: len(loc)] == loc or loc[: len(damaged)] == damaged:
                return True
            if any(damaged[: len(part)] == part for part in depends_on):
                return True
        return any(loc[: len(tree)] == tree for tree in self.subtrees)

    def restore(self, findings: Iterable[Finding]) -> list[Finding]:
        """Findings on the repaired document, moved back to paths in the original, less
        those that depend on a repaired place (a repair must never invent a problem)."""
        restored = []
        for finding in findings:
            moved = Finding(
                finding.rule,
                self.original(finding.loc),
                finding.message,
                key=finding.key,
                related=tuple(self.original(r) for r in finding.related),
            )
            local = _LOCAL_RULES.get(moved.rule)
            if local is not None:
                if any(self.touches_own_value(loc, local) for loc in (moved.loc, *moved.related)):
                    continue
            elif self.damaged and any(
                self.touches_damage(loc) for loc in (moved.loc, *moved.related)
            ):
                continue
            restored.append(moved)
        return restored


def _enclosing_item(loc: PathKey) -> PathKey:
    """The mapping in a list (area, requirement, skill, ...) a path is in; () for the top."""
    for end in range(len(loc) - 1, 0, -1):
        if isinstance(loc[end - 1], int) and isinstance(loc[end], str):
            return loc[:end]
    return ()


def _placeholder(annotation: Any, number: int) -> tuple[bool, Any]:
    """A valid stand-in for a required value that is missing or broken."""
    if annotation is str:
        return True, f"missing-{number}"
    if annotation in (float, int):
        return True, 1
    if annotation is bool:
        return True, False
    if get_origin(annotation) in (tuple, list):
        return True, []
    if get_origin(annotation) is Literal:
        return True, get_args(annotation)[0]
    return False, None


def repair_document(data: dict[str, Any]) -> tuple[Rubric | None, Repaired]:
    """Repair the document until the models accept it (or give up)."""
    deleted: set[PathKey] = set()
    filled: dict[PathKey, Any] = {}
    damaged: set[PathKey] = set()
    repaired = Repaired(data)
    for _ in range(_MAX_REPAIR_ROUNDS):
        repaired = Repaired(data, frozenset(deleted), dict(filled), frozenset(damaged))
        try:
            return Rubric.model_validate(repaired.data), repaired
        except ValidationError as exc:
            progress = False
            errors = [
                (repaired.original(error_location(tuple(e["loc"]), Rubric).loc), e)
                for e in exc.errors(include_url=False)
            ]
            inside = {loc[:n] for loc, _ in errors for n in range(len(loc))}
            for loc, error in errors:
                if error["type"] == "too_short" and loc in inside:
                    continue  # its items failed; repairing them is what will help
                plan = _plan_repair(loc, error["type"], len(filled), Rubric)
                if plan is None:
                    return None, repaired
                action, where, value = plan
                if action == "delete" and where not in deleted:
                    deleted.add(where)
                    progress = True
                    if error["type"] == "extra_forbidden":
                        meant = _intended_key(where, Rubric)
                        if meant is not None:
                            damaged.add(meant)
                elif action == "fill" and where not in filled:
                    filled[where] = value
                    progress = True
            if not progress:
                return None, repaired
    return None, repaired


def _intended_key(loc: PathKey, root: type[BaseModel]) -> PathKey | None:
    """For an unknown key, the key it probably meant (its value was not applied)."""
    owner = model_for(loc[:-1], root)
    allowed = sorted(info.alias or key for key, info in owner.model_fields.items())
    meant = suggest_key(str(loc[-1]), allowed, prefer=allowed)
    return (*loc[:-1], meant) if meant else None


def _plan_repair(
    loc: PathKey, kind: str, number: int, root: type[BaseModel]
) -> tuple[str, PathKey, Any] | None:
    """How to get past one error: ("delete" | "fill", where, value), or None to give up."""
    if kind == "extra_forbidden":
        return "delete", loc, None
    if kind == "too_short" and len(loc) <= 1:
        return None  # no areas at all: nothing to check
    where = loc
    while where:
        last = where[-1]
        if isinstance(last, int):
            return "delete", where, None
        owner = model_for(where[:-1], root)
        info = owner.model_fields.get(last)
        if info is None or not info.is_required():
            return "delete", where, None
        ok, value = _placeholder(info.annotation, number)
        if ok:
            return "fill", where, value
        where = where[:-1]
    return None

"""YAML loading that keeps positions and refuses what YAML silently accepts.

PyYAML composes a node tree with marks; we build plain Python data from it ourselves
so that we can

* remember the 1-based line and column of every key and value (for error messages
  that point at the exact spot, including errors found later by pydantic);
* report duplicate keys (YAML keeps the last one silently) with both positions;
* bound the work: aliases are expanded under a node budget, so a "billion laughs"
  document fails fast instead of eating the machine, and nesting depth is capped.

Keys are taken as written (``on:`` stays the string ``"on"``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..errors import Problem
from ..limits import DEFAULT_LIMITS, Limits

PathKey = tuple[str | int, ...]


@dataclass(frozen=True)
class Mark:
    """A 1-based position in a file."""

    line: int
    column: int


@dataclass(frozen=True)
class SourceMap:
    """Where each key and value of a loaded document came from."""

    keys: Mapping[PathKey, Mark] = field(default_factory=dict)
    values: Mapping[PathKey, Mark] = field(default_factory=dict)

    def locate(self, loc: PathKey, *, prefer_key: bool = False) -> Mark | None:
        """The position of ``loc``, or of its nearest ancestor that has one."""
        path = tuple(loc)
        while True:
            if prefer_key and path in self.keys:
                return self.keys[path]
            if path in self.values:
                return self.values[path]
            if path in self.keys:
                return self.keys[path]
            if not path:
                return None
            path = path[:-1]


@dataclass(frozen=True)
class YamlDocument:
    """Data loaded from YAML plus where each piece came from."""

    data: Any
    source_map: SourceMap


class _Budget:
    def __init__(self, limits: Limits) -> None:
        self.remaining = limits.max_nodes
        self.max_depth = limits.max_depth


class _NodeBudgetExceededError(Exception):
    pass


class _DepthExceededError(Exception):
    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    def __init__(self, path: str, limits: Limits) -> None:
        self.path = path
        self.budget = _Budget(limits)
        self.keys: dict[PathKey, Mark] = {}
        self.values: dict[PathKey, Mark] = {}
        self.problems: list[Problem] = []
        self.constructor = yaml.constructor.SafeConstructor()

    def build(self, node: yaml.Node, loc: PathKey, depth: int) -> Any:
        self.budget.remaining -= 1
        if self.budget.remaining < 0:
            raise _NodeBudgetExceededError
        if depth > self.budget.max_depth:
            raise _DepthExceededError(_mark(node))
        self.values.setdefault(loc, _mark(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*loc, i), depth + 1) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        try:
            return self.constructor.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as exc:
            self.problems.append(
                Problem(
                    self.path,
                    _mark(node).line,
                    _mark(node).column,
                    f"invalid value: {exc.problem}",
                    rule="yaml-syntax",
                )
            )
            return node.value
        except ValueError:
            # e.g. an out-of-range timestamp such as 2019-13-45: keep the text as written.
            return node.value

    def _mapping(self, node: yaml.MappingNode, loc: PathKey, depth: int) -> dict[str, Any]:
        # Keys written in this mapping (not brought in by a merge key): only two of these
        # can be duplicates; a written key overriding a merged one is what '<<' is for.
        written = {id(key) for key, _ in node.value}
        result: dict[str, Any] = {}
        try:
            self.constructor.flatten_mapping(node)  # resolves YAML merge keys (<<)
        except yaml.constructor.ConstructorError as exc:
            # '<<: x' where x is not a mapping (or a list of them): drop the merge key.
            where = exc.problem_mark
            at = Mark(where.line + 1, where.column + 1) if where else _mark(node)
            self.problems.append(
                Problem(
                    self.path,
                    at.line,
                    at.column,
                    f"invalid merge key: {exc.problem}; '<<' takes an alias of a mapping "
                    "(<<: *name) or a list of them",
                    rule="yaml-syntax",
                )
            )
            node.value = [(k, v) for k, v in node.value if k.tag != "tag:yaml.org,2002:merge"]
        first_seen: dict[str, Mark] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                mark = _mark(key_node)
                self.problems.append(
                    Problem(
                        self.path,
                        mark.line,
                        mark.column,
                        "a key must be a plain string, not a list or mapping",
                        rule="yaml-syntax",
                    )
                )
                continue
            key = str(key_node.value)
            key_mark = _mark(key_node)
            if id(key_node) not in written:
                pass  # merged in: a later written key may override it
            elif key in first_seen:
                earlier = first_seen[key]
                self.problems.append(
                    Problem(
                        self.path,
                        key_mark.line,
                        key_mark.column,
                        f"duplicate key '{key}' (first defined at line {earlier.line}, column "
                        f"{earlier.column}); YAML would silently keep only this one — remove one",
                        rule="duplicate-key",
                    )
                )
            else:
                first_seen[key] = key_mark
            child = (*loc, key)
            self.keys[child] = key_mark
            self.values[child] = _mark(value_node)
            result[key] = self.build(value_node, child, depth + 1)
        return result


def _yaml_error_problem(path: str, exc: yaml.YAMLError, text: str = "") -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    message = f"YAML syntax error: {problem}"
    if context and "while" not in str(context):
        message += f" ({context})"
    # The C loader leaves the offending character out of the message; look it up.
    at_tab = mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t"
    hint = _syntax_hint("tab" if at_tab else str(problem))
    if hint:
        message += f"; {hint}"
    if mark is None:
        return Problem(path, None, None, message, rule="yaml-syntax")
    return Problem(path, mark.line + 1, mark.column + 1, message, rule="yaml-syntax")


def _syntax_hint(problem: str) -> str:
    if "\\t" in problem or "tab" in problem:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' must be quoted"
    if "expected <block end>" in problem or "did not find expected" in problem:
        return "check the indentation of this line and the one before"
    if "found undefined alias" in problem:
        return "define the anchor (&name) before using the alias (*name)"
    return ""


def parse_yaml(
    text: str, *, path: str, limits: Limits = DEFAULT_LIMITS
) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse one YAML document, collecting every problem found on the way.

    Returns the document (``None`` if it could not be parsed at all) and the problems:
    syntax errors, duplicate keys, empty documents, exceeded limits.
    """
    if not text.strip():
        return None, [
            Problem(
                path,
                None,
                None,
                "file is empty; a rubric needs at least id, title, version and areas",
                rule="yaml-syntax",
            )
        ]
    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        node = yaml.compose(text, Loader=loader_cls)
    except yaml.YAMLError as exc:
        return None, [_yaml_error_problem(path, exc, text)]
    except RecursionError:
        return None, [
            Problem(
                path,
                None,
                None,
                f"nesting is deeper than the {limits.max_depth} levels allowed",
                rule="limits",
            )
        ]
    if node is None:
        return None, [
            Problem(
                path, None, None, "file has no YAML content (only comments?)", rule="yaml-syntax"
            )
        ]
    builder = _Builder(path, limits)
    try:
        data = builder.build(node, (), 0)
    except _NodeBudgetExceededError:
        return None, [
            Problem(
                path,
                None,
                None,
                f"document expands to more than {limits.max_nodes:,} nodes (an alias bomb?); "
                "raise the limit with --max-nodes if it is genuine",
                rule="limits",
            )
        ]
    except _DepthExceededError as exc:
        return None, [
            Problem(
                path,
                exc.mark.line,
                exc.mark.column,
                f"nesting is deeper than the {limits.max_depth} levels allowed",
                rule="limits",
            )
        ]
    return YamlDocument(data, SourceMap(builder.keys, builder.values)), builder.problems


@dataclass(frozen=True)
class SourcedMark(Mark):
    """A position that also names its file (positions in a merged rubric)."""

    file: str = ""


def mark_file(mark: Mark | None, default: str) -> str:
    """The file a mark points into: its own for a merged rubric, else ``default``."""
    if isinstance(mark, SourcedMark) and mark.file:
        return mark.file
    return default

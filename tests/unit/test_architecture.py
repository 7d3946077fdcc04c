"""The shape of the package: imports run one way, and docs/architecture.md tells the truth.

The import graph of ``src/skillgap`` is read with :mod:`ast` from every module, imports
inside functions and under ``TYPE_CHECKING`` included, and must have no cycle, between
modules or between packages; the core never imports the command line or a renderer; no
module grows past 500 lines; and the package table of docs/architecture.md lists every
package and top-level module with exactly the packages each one imports.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

from tests.conftest import ROOT

SRC = ROOT / "src" / "skillgap"
ARCHITECTURE = ROOT / "docs" / "architecture.md"
#: The packages above the core: only they may import the command line or a renderer.
FRONT = {"cli": {"__main__", "cli"}, "render": {"cli", "render"}}
#: Modules that carry data, not code, or only hand the version on.
NOT_PARTS = {"__init__", "_version"}
MAX_LINES = 500


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(SRC.rglob("*.py"))}


def imports_of(name: str) -> set[str]:
    """The skillgap modules ``name`` imports, anywhere in its code."""
    path = modules()[name]
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if target == "skillgap" or target.startswith("skillgap."):
                for alias in node.names:
                    submodule = f"{target}.{alias.name}"
                    found.add(submodule if submodule in modules() else target)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("skillgap"))
    return found - {name}


@cache
def module_graph() -> dict[str, frozenset[str]]:
    return {name: frozenset(imports_of(name)) for name in modules()}


def part_of(module: str) -> str:
    """The package or top-level module a module belongs to (``rubric``, ``text``)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "skillgap"


def package_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module, targets in module_graph().items():
        graph.setdefault(part_of(module), set()).update(
            part_of(t) for t in targets if part_of(t) != part_of(module)
        )
    return graph


def find_cycle(graph: Mapping[str, Iterable[str]]) -> list[str] | None:
    """One cycle of ``graph`` as a path that ends where it starts, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_the_graph_is_read_from_every_module() -> None:
    graph = module_graph()
    assert "skillgap.rubric.parse" in graph and "skillgap.cli.app" in graph
    assert "skillgap.rubric.extends" in graph["skillgap.rubric.parse"]
    # a function-level import is an edge too (the CLI imports the library in commands)
    assert "skillgap.analysis" in graph["skillgap.cli.analyze"]


def test_cycle_finder_finds_a_cycle_and_only_a_cycle() -> None:
    assert find_cycle({"a": ["b"], "b": ["c"], "c": []}) is None
    assert find_cycle({"a": ["b"], "b": ["c"], "c": ["a"]}) == ["a", "b", "c", "a"]


def test_no_module_imports_itself_back() -> None:
    """No cycle between modules, imports inside functions included."""
    assert find_cycle(module_graph()) is None


def test_no_package_imports_itself_back() -> None:
    """No cycle between packages: the layers read top down."""
    assert find_cycle(package_graph()) is None


def test_the_core_never_imports_the_command_line_or_a_renderer() -> None:
    offenders = [
        (module, target)
        for module, targets in module_graph().items()
        for target in targets
        if part_of(target) in FRONT and part_of(module) not in FRONT[part_of(target)]
    ]
    assert offenders == []


def test_no_module_is_over_500_lines() -> None:
    long = {
        name: count
        for name, path in modules().items()
        if (count := len(path.read_text("utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}, "split these modules (or say in the docstring why one must be long)"


# --------------------------------------------------------------------------- the document

_ROW_RE = re.compile(r"^\| `([\w.]+?)/?` \| (.+?) \|\s*(.*?)\s*\|$")


def documented_parts() -> dict[str, set[str]]:
    """Each part in the package table of docs/architecture.md, with what it imports."""
    parts: dict[str, set[str]] = {}
    for line in ARCHITECTURE.read_text("utf-8").splitlines():
        match = _ROW_RE.match(line.strip())
        if match:
            name = match.group(1).removesuffix(".py")
            parts[name] = set(re.findall(r"`([\w.]+?)(?:/|\.py)?`", match.group(3)))
    return parts


def actual_parts() -> set[str]:
    parts = {path.stem for path in SRC.glob("*.py")} | {
        path.name for path in SRC.iterdir() if (path / "__init__.py").is_file()
    }
    return parts - NOT_PARTS


def test_the_architecture_document_lists_every_package_and_module() -> None:
    assert set(documented_parts()) == actual_parts()


def test_the_architecture_document_says_what_each_part_imports() -> None:
    graph = package_graph()
    documented = documented_parts()
    for part, imports in documented.items():
        actual = graph.get(part, set()) - {"_version"}
        assert imports == actual, f"docs/architecture.md: '{part}' imports {sorted(actual)}"

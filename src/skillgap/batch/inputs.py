"""What a batch reads: the command line's inputs expanded into a sorted list of files.

Files are taken as given, directories walked, globs expanded and ``-`` read from stdin;
a path that does not exist or a glob that matches nothing is an input with a
``problem``, so it is reported as an error row like any unreadable file.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .files import META_SUFFIX

_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, order=True)
class BatchInput:
    """One input: the path to read and how it is shown (as the user named it)."""

    display: str
    path: str = field(compare=False)
    #: A problem found while collecting (a glob that matched nothing, a missing path).
    problem: str | None = field(default=None, compare=False)


def _is_hidden(path: Path, root: Path) -> bool:
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        parts = path.parts
    return any(part.startswith(".") for part in parts)


def _output_family(output: Path) -> set[Path]:
    """Our own output, its sidecar and temporary files: never inputs."""
    resolved = output.resolve()
    return {resolved, resolved.with_name(resolved.name + META_SUFFIX)}


def _is_own_file(path: Path, own: set[Path], own_names: set[str]) -> bool:
    if path.resolve() in own:
        return True
    name = path.name
    return any(name.startswith(f".{n}.") and name.endswith(".tmp") for n in own_names)


def collect_inputs(
    arguments: Sequence[str], *, stdin: Iterable[str] | None = None, exclude: Sequence[Path] = ()
) -> list[BatchInput]:
    """Expand the command line's inputs into a sorted, de-duplicated list.

    Files are taken as given (even hidden ones, since they were named); directories are
    walked recursively, skipping hidden files and folders; arguments with ``*``, ``?``
    or ``[`` that are not existing paths are globs (``**`` recurses); ``-`` reads one
    path per line from ``stdin``. ``exclude`` names our own output files, which are
    never inputs. A path that does not exist or a glob that matches nothing becomes an
    input with a ``problem``, so it is reported as an error row like any unreadable file.
    """
    own: set[Path] = set()
    for path in exclude:
        own |= _output_family(path)
    own_names = {p.name for p in own}
    found: dict[str, BatchInput] = {}

    def add(path: Path, display: str, problem: str | None = None) -> None:
        if problem is None and _is_own_file(path, own, own_names):
            return
        key = str(path.resolve()) if problem is None else f"?{display}"
        found.setdefault(key, BatchInput(display=display, path=str(path), problem=problem))

    def expand(argument: str) -> None:
        path = Path(argument)
        if path.is_dir():
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    child = Path(folder) / name
                    if child.is_file():
                        add(child, str(child))
        elif path.exists() or not (_GLOB_CHARS & set(argument)):
            add(path, argument, None if path.exists() else "no such file or folder")
        else:
            matches = sorted(glob.glob(argument, recursive=True))  # noqa: PTH207 - str patterns
            if not matches:
                add(path, argument, "no files match this pattern")
            for match in matches:
                matched = Path(match)
                if matched.is_dir():
                    expand(match)
                elif not _is_hidden(matched, Path()) or Path(argument).name.startswith("."):
                    add(matched, match)

    for argument in arguments:
        if argument == "-":
            for line in stdin or ():
                line = line.rstrip("\r\n")
                if line.strip():
                    expand(line)
        else:
            expand(argument)
    return sorted(found.values())

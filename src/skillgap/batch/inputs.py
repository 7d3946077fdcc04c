"""What a batch reads: the command line's inputs expanded into a sorted list of files.

Files are taken as given, directories walked, globs expanded and ``-`` read from stdin;
a path that does not exist or a glob that matches nothing is an input with a
``problem``, so it is reported as an error row like any unreadable file. An argument
with ``://`` is a URL, listed and read through fsspec (:mod:`.remote`, imported only
then).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import LimitExceededError
from ..io.read import read_bytes
from ..limits import DEFAULT_LIMITS, Limits, human_bytes
from .files import META_SUFFIX
from .urls import is_url

_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, order=True)
class BatchInput:
    """One input: the path to read and how it is shown (as the user named it; a URL
    without its credentials)."""

    display: str
    path: str = field(compare=False)
    #: A problem found while collecting (a glob that matched nothing, a missing path).
    problem: str | None = field(default=None, compare=False)
    #: For an input reached through fsspec: the URL (as given, credentials and all) whose
    #: filesystem reads ``path``. Never shown or recorded.
    opener: str | None = field(default=None, compare=False, repr=False)
    #: The input's bytes, when the caller already holds them (:func:`.many.score_many`
    #: given ``(name, bytes)``): nothing is read.
    data: bytes | None = field(default=None, compare=False, repr=False)
    #: In a batch of several rubrics, the positions of those this input is still to be
    #: scored against (a resumed run that had done some); None: every rubric.
    rubrics: tuple[int, ...] | None = field(default=None, compare=False)


def read_input(item: BatchInput, *, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of one input, local or through fsspec, within the size limit."""
    if item.data is not None:
        if len(item.data) > limits.max_file_bytes:
            raise LimitExceededError(
                f"file is {human_bytes(len(item.data))}, over the "
                f"{human_bytes(limits.max_file_bytes)} limit; raise it with --max-file-size "
                "if the file is genuine",
                path=item.display,
            )
        return item.data
    if item.opener is None:
        return read_bytes(Path(item.path), limits=limits)
    from .remote import read_url

    return read_url(item.path, opener=item.opener, shown=item.display, limits=limits)


def shown_path(path: str | Path) -> str:
    """A path as it can be printed and written: a name that is not valid UTF-8 (bytes
    from a Windows zip, kept by Python as surrogate escapes) shows its bytes as ``\\xe9``.

    >>> shown_path(os.fsdecode(b"r\\xe9sum\\xe9.txt"))
    'r\\\\xe9sum\\\\xe9.txt'
    """
    text = os.fspath(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


def missing_argument(argument: str) -> str | None:
    """For a command-line input that names no file or folder (and is no glob), the line
    that says so, with the closest name in its folder; None if it exists.

    >>> missing_argument("src/skillgap/rubrixs")
    "src/skillgap/rubrixs: no such file or folder; did you mean 'src/skillgap/rubrics'?"

    A URL whose protocol cannot be opened (fsspec or its package not installed) raises
    :class:`~skillgap.errors.InputError`: nothing it names can be read.
    """
    if is_url(argument):
        from .remote import missing_url

        return missing_url(argument)
    if argument == "-" or _GLOB_CHARS & set(argument):
        return None
    path = Path(argument)
    try:
        if path.exists() or path.is_symlink():
            return None
        folder = path.parent if str(path.parent) else Path()
        names = [p.name for p in folder.iterdir()] if folder.is_dir() else []
    except OSError:
        return None  # made an error row, with the reason, when collected
    import difflib

    close = difflib.get_close_matches(path.name, names, n=1, cutoff=0.7)
    hint = f"; did you mean '{shown_path(folder / close[0])}'?" if close else ""
    return f"{shown_path(argument)}: no such file or folder{hint}"


def _os_problem(exc: OSError) -> str:
    """One line for an operating-system error met while looking at a path."""
    return exc.strerror.lower() if exc.strerror else type(exc).__name__


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
    arguments: Sequence[str],
    *,
    stdin: Iterable[str] | None = None,
    exclude: Sequence[Path | str] = (),
) -> list[BatchInput]:
    """Expand the command line's inputs into a sorted, de-duplicated list.

    Files are taken as given (even hidden ones, since they were named); directories are
    walked recursively, skipping hidden files and folders; arguments with ``*``, ``?``
    or ``[`` that are not existing paths are globs (``**`` recurses); ``-`` reads one
    path per line from ``stdin``. ``exclude`` names our own output files, which are
    never inputs. A path that does not exist or a glob that matches nothing becomes an
    input with a ``problem``, so it is reported as an error row like any unreadable file.
    URLs (``s3://bucket/inbox/``, ``memory://cv/*.txt``) are listed by their filesystem
    the same way; ``exclude`` may name URLs too.
    """
    own: set[Path] = set()
    own_urls = [p for p in exclude if isinstance(p, str) and is_url(p)]
    for path in exclude:
        if not (isinstance(path, str) and is_url(path)):
            own |= _output_family(Path(path))
    own_names = {p.name for p in own}
    found: dict[str, BatchInput] = {}

    def add(path: Path, display: str, problem: str | None = None) -> None:
        display = shown_path(display)
        try:
            if problem is None and _is_own_file(path, own, own_names):
                return
            key = str(path.resolve()) if problem is None else f"?{display}"
        except OSError as exc:  # a name too long, a loop of links
            problem, key = _os_problem(exc), f"?{display}"
        found.setdefault(key, BatchInput(display=display, path=str(path), problem=problem))

    def walk(path: Path) -> None:
        def unreadable(exc: OSError) -> None:
            folder = Path(exc.filename) if exc.filename else path
            add(folder, str(folder), f"cannot read this folder: {_os_problem(exc)}")

        for folder, dirs, files in os.walk(path, onerror=unreadable):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.startswith("."):
                    continue
                child = Path(folder) / name
                if child.is_file():  # FIFOs, sockets and devices in a folder are not resumes
                    add(child, str(child))

    def expand_remote(argument: str) -> None:
        from .remote import expand_url

        # A local output seen through file:// is still our own.
        local_own = [own_path.as_uri() for own_path in own]
        for shown, path, problem in expand_url(argument, exclude=[*own_urls, *local_own]):
            key = f"{'?' if problem else ''}{shown}"
            found.setdefault(
                key, BatchInput(display=shown, path=path, problem=problem, opener=argument)
            )

    def expand(argument: str) -> None:
        if is_url(argument):
            expand_remote(argument)
            return
        path = Path(argument)
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            mode = None
        except OSError as exc:
            add(path, argument, _os_problem(exc))
            return
        if mode is not None and stat.S_ISDIR(mode):
            walk(path)
        elif mode is not None and not stat.S_ISREG(mode):
            add(path, argument, "not a regular file (a pipe, device or socket); name a file")
        elif mode is not None or not (_GLOB_CHARS & set(argument)):
            add(path, argument, None if mode is not None else "no such file or folder")
        else:
            matches = _glob(argument)
            if not matches:
                add(path, argument, "no files match this pattern")
            for matched in matches:
                if matched.is_dir():
                    expand(str(matched))
                elif not _is_hidden(matched, Path()) or Path(argument).name.startswith("."):
                    add(matched, str(matched))

    for argument in arguments:
        if argument == "-":
            for line in stdin or ():
                line = line.rstrip("\r\n")
                if line.strip():
                    expand(line)
        else:
            expand(argument)
    return sorted(found.values())


def _glob(pattern: str) -> list[Path]:
    """The paths a glob pattern matches, sorted. ``**`` recurses without following links
    to folders, so a link back up the tree cannot make it run for ever."""
    parts = Path(pattern).parts
    fixed = 0
    while fixed < len(parts) - 1 and not (_GLOB_CHARS & set(parts[fixed])):
        fixed += 1
    base = Path(*parts[:fixed]) if fixed else Path()
    rest = str(Path(*parts[fixed:]))
    try:
        return sorted(base.glob(rest))
    except (OSError, ValueError):
        return []

"""Validate rubric files: every problem in every file, each with its position.

:func:`validate_paths` is what ``skillgap validate`` runs. For each file it reports

* YAML problems (syntax, duplicate keys, limits) from :mod:`skillgap.yamlsource`;
* schema problems from the rubric models, mapped back to the key or value that caused
  them (:func:`skillgap.rubric.pydantic_problems`);
* reference and lint problems (:mod:`skillgap.lint`) — **even when the schema found
  problems**: the document is repaired just enough to build a rubric (an unknown key
  dropped, a bad optional value reset to its default, a missing required value filled
  in, a broken list item left out), the checks run on that, and any finding that
  depends on a repaired place is dropped, so a repair never invents a problem.

Lint problems can be silenced in the file with a comment naming the rules::

    aliases: [LLMOps]  # skillgap: disable=cross-match
    # skillgap: disable=cross-match        (alone on a line: applies to the next line)
    # skillgap: disable-file=contained-form

Problems are values; :mod:`skillgap.render.problems` formats them.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel, ValidationError

from .errors import InputError, Level, Problem, UsageError
from .inheritance import RubricSource, resolve_extends
from .io.read import decode_text, read_bytes
from .io.validation import error_location, model_for, pydantic_problems, suggest_key
from .io.yaml_source import Mark, PathKey, SourceMap, parse_yaml
from .limits import DEFAULT_LIMITS, Limits
from .lint import RULES, Finding, default_rules, lint_findings, reference_findings
from .rubric import Rubric

#: File name endings that ``validate DIRECTORY`` picks up.
RUBRIC_SUFFIXES = (".yaml", ".yml")

_MAX_REPAIR_ROUNDS = 12


@dataclass(frozen=True)
class ValidateOptions:
    """What to check: which lint rules run, and the input limits."""

    rules: frozenset[str] = field(default_factory=default_rules)
    limits: Limits = DEFAULT_LIMITS


@dataclass(frozen=True)
class ValidationResult:
    """Every file looked at and every problem found, in a stable order."""

    files: tuple[str, ...]
    problems: tuple[Problem, ...]

    def count(self, level: Level) -> int:
        """How many problems have ``level``."""
        return sum(1 for p in self.problems if p.level is level)

    @property
    def unreadable(self) -> bool:
        """True if a path could not be read at all."""
        return any(p.rule == "unreadable" for p in self.problems)

    def exit_code(self, *, strict: bool = False) -> int:
        """0 clean; 1 errors (or warnings with ``strict``); 3 a path could not be read."""
        if self.unreadable:
            return 3
        if self.count(Level.ERROR) or (strict and self.count(Level.WARNING)):
            return 1
        return 0


def select_rules(*, enable: Iterable[str] = (), disable: Iterable[str] = ()) -> frozenset[str]:
    """The default lint rules, plus ``enable`` and minus ``disable``.

    Raises :class:`UsageError` for an unknown rule id (with a suggestion) or one that
    cannot be switched (YAML, schema and reference problems always apply).
    """
    chosen = set(default_rules())
    for ids, add in ((enable, True), (disable, False)):
        for rule_id in ids:
            rule = RULES.get(rule_id)
            if rule is None:
                close = difflib.get_close_matches(rule_id, list(RULES), n=1)
                hint = (
                    f"; did you mean '{close[0]}'?"
                    if close
                    else " (docs/lint-rules.md lists the rules)"
                )
                raise UsageError(f"unknown rule '{rule_id}'{hint}")
            if not rule.configurable:
                raise UsageError(
                    f"rule '{rule_id}' cannot be switched on or off: "
                    f"{rule.stage} problems always apply"
                )
            if add:
                chosen.add(rule_id)
            else:
                chosen.discard(rule_id)
    return frozenset(chosen)


# --------------------------------------------------------------------------- files


def find_rubric_files(paths: Sequence[str | Path]) -> tuple[list[tuple[str, Path]], list[Problem]]:
    """The files to check, as (display name, path), and problems for bad paths.

    Directories are searched recursively (following symbolic links, skipping hidden
    entries) for ``*.yaml`` and ``*.yml``; a file named directly is checked whatever its
    name. A path that does not exist, or a directory with no rubric files in it, is an
    ``unreadable`` problem.
    """
    found: list[tuple[str, Path]] = []
    problems: list[Problem] = []
    seen: set[str] = set()

    def add(display: str, path: Path) -> None:
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            found.append((display, path))

    for given in paths:
        path = Path(given)
        display = str(given)
        if path.is_dir():
            files = list(_walk(path))
            if not files:
                problems.append(
                    Problem(
                        display,
                        None,
                        None,
                        "no .yaml or .yml files found in this directory",
                        rule="unreadable",
                    )
                )
            for file in files:
                add(str(file), file)
        elif path.exists() or path.is_symlink():
            add(display, path)
        else:
            problems.append(
                Problem(display, None, None, "no such file or directory", rule="unreadable")
            )
    return found, problems


def _walk(top: Path) -> Iterator[Path]:
    visited: set[str] = set()
    for root, dirs, files in os.walk(top, followlinks=True):
        real = os.path.realpath(root)
        if real in visited:  # a symbolic link loop
            dirs[:] = []
            continue
        visited.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(RUBRIC_SUFFIXES):
                yield Path(root) / name


def validate_paths(
    paths: Sequence[str | Path], options: ValidateOptions | None = None
) -> ValidationResult:
    """Validate files and directories of rubrics; never raises for bad input.

    >>> result = validate_paths(["src/skillgap/rubrics"])
    >>> result.problems, result.exit_code(strict=True)
    ((), 0)
    """
    options = options or ValidateOptions()
    files, problems = find_rubric_files(paths)
    for display, path in files:
        problems.extend(validate_file(path, display=display, options=options))
    return ValidationResult(tuple(display for display, _ in files), tuple(_ordered(problems)))


def validate_file(
    path: Path, *, display: str | None = None, options: ValidateOptions | None = None
) -> list[Problem]:
    """Every problem in one rubric file (an ``unreadable`` problem if it can't be read)."""
    options = options or ValidateOptions()
    display = str(path) if display is None else display
    try:
        data = read_bytes(path, limits=options.limits)
        text = decode_text(data, path=display, detect=False)
    except InputError as exc:
        return [Problem(display, exc.line, exc.column, exc.message, rule="unreadable")]
    return validate_text(
        text, path=display, options=options, source=RubricSource.for_path(path, display)
    )


def validate_text(
    text: str,
    *,
    path: str,
    options: ValidateOptions | None = None,
    source: RubricSource | None = None,
) -> list[Problem]:
    """Every problem in the text of one rubric: YAML, schema, references and lint.

    A rubric that ``extends`` another is merged with it first, as when it is loaded;
    problems in the inherited parts point into the file they come from.
    """
    options = options or ValidateOptions()
    document, problems = parse_yaml(text, path=path, limits=options.limits)
    if document is None:
        return _ordered(problems)
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
        return _ordered(problems)
    if source is None:
        source = RubricSource(display=path, directory=Path(path).parent)
    document, inherited = resolve_extends(document, source=source, limits=options.limits)
    problems.extend(inherited)
    if any(p.level.value == "error" for p in inherited):
        return _ordered(problems)
    try:
        rubric: Rubric | None = Rubric.model_validate(document.data)
        repaired = _Repaired(document.data)
    except ValidationError as exc:
        problems.extend(
            pydantic_problems(exc, path=path, source_map=document.source_map, root=Rubric)
        )
        rubric, repaired = _repair(document.data)
    if rubric is not None:
        findings = reference_findings(rubric) + lint_findings(
            rubric, rules=options.rules, locate=repaired.locator(document.source_map)
        )
        problems.extend(_to_problems(findings, repaired, path, document.source_map))
    problems = _apply_suppressions(problems, text, path, options.rules)
    return _ordered(problems)


def _ordered(problems: Iterable[Problem]) -> list[Problem]:
    unique = {(p.file, p.line, p.column, p.rule, p.message, p.level): p for p in problems}
    return sorted(
        unique.values(), key=lambda p: (p.file, p.line or 0, p.column or 0, p.rule, p.message)
    )


# --------------------------------------------------------------------------- repair


class _Repaired:
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


def _repair(data: dict[str, Any]) -> tuple[Rubric | None, _Repaired]:
    """Repair the document until the models accept it (or give up)."""
    deleted: set[PathKey] = set()
    filled: dict[PathKey, Any] = {}
    damaged: set[PathKey] = set()
    repaired = _Repaired(data)
    for _ in range(_MAX_REPAIR_ROUNDS):
        repaired = _Repaired(data, frozenset(deleted), dict(filled), frozenset(damaged))
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


def _to_problems(
    findings: Iterable[Finding], repaired: _Repaired, path: str, source_map: SourceMap
) -> list[Problem]:
    problems = []
    for finding in findings:
        moved = Finding(
            finding.rule,
            repaired.original(finding.loc),
            finding.message,
            key=finding.key,
            related=tuple(repaired.original(r) for r in finding.related),
        )
        if repaired.damaged and any(
            repaired.touches_damage(loc) for loc in (moved.loc, *moved.related)
        ):
            continue
        problems.append(moved.to_problem(path=path, locate=source_map.locate))
    return problems


# --------------------------------------------------------------------------- suppressions

_DIRECTIVE_RE = re.compile(r"(?:^|\s)(#\s*skillgap:\s*(disable|disable-file)\s*(?:=\s*(.*))?)$")


@dataclass
class _Directive:
    line: int
    column: int
    scope: str  # "line" or "file"
    target: int  # the line it applies to (0 for the whole file)
    rules: list[str]
    used: set[str] = field(default_factory=set)


def _directives(text: str) -> list[_Directive]:
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if "skillgap:" not in line:
            continue
        match = _DIRECTIVE_RE.search(line.rstrip())
        if match is None:
            continue
        column = match.start(1) + 1
        alone = not line[: match.start(1)].strip()
        scope = "file" if match.group(2) == "disable-file" else "line"
        target = 0 if scope == "file" else (number + 1 if alone else number)
        rules = [r.strip() for r in (match.group(3) or "").split(",") if r.strip()]
        found.append(_Directive(number, column, scope, target, rules))
    return found


def _apply_suppressions(
    problems: list[Problem], text: str, path: str, running: frozenset[str]
) -> list[Problem]:
    """Drop lint problems silenced by a comment in the file they point into.

    A problem usually points into the file being validated; one that points into another
    file (a rubric this one builds on) is silenced by that file's comments, read from
    disk. Comments that silence nothing are reported for the file being validated only.
    """
    directives: dict[str, list[_Directive]] = {path: _directives(text)}
    kept = []
    for problem in problems:
        rule = RULES.get(problem.rule)
        silenced = False
        if rule is not None and rule.configurable:
            if problem.file not in directives:
                directives[problem.file] = _directives(_read_quietly(problem.file))
            for directive in directives[problem.file]:
                if problem.rule in directive.rules and directive.target in (0, problem.line):
                    directive.used.add(problem.rule)
                    silenced = True
        if not silenced:
            kept.append(problem)
    for directive in directives[path]:
        kept.extend(_directive_problems(directive, path, running))
    return kept


_BUNDLED_SUFFIX = " (bundled)"


def _read_quietly(file: str) -> str:
    """The text of another file a problem points into, or '' if it cannot be read.

    Bundled rubrics are named as :func:`skillgap.rubric.load_rubric` names them,
    ``principal-ml-engineer.yaml (bundled)``, and read from the package.
    """
    try:
        if file.endswith(_BUNDLED_SUFFIX):
            name = file[: -len(_BUNDLED_SUFFIX)]
            folder = resources.files("skillgap").joinpath("rubrics")
            if name in {entry.name for entry in folder.iterdir()}:
                return folder.joinpath(name).read_text("utf-8")
            return ""
        return decode_text(read_bytes(Path(file)), path=file, detect=False)
    except (InputError, OSError, UnicodeDecodeError):
        return ""


def _directive_problems(
    directive: _Directive, path: str, running: frozenset[str]
) -> Iterator[Problem]:
    def problem(message: str) -> Problem:
        return Problem(
            path, directive.line, directive.column, message, level=Level.WARNING, rule="suppression"
        )

    if not directive.rules:
        yield problem(
            "a 'skillgap: disable' comment must name the rules it silences, e.g. "
            "'# skillgap: disable=cross-match'"
        )
    for rule_id in directive.rules:
        rule = RULES.get(rule_id)
        if rule is None:
            close = difflib.get_close_matches(rule_id, list(RULES), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            yield problem(f"unknown rule '{rule_id}' in a 'skillgap: disable' comment{hint}")
        elif not rule.configurable:
            yield problem(
                f"rule '{rule_id}' cannot be silenced: {rule.stage} problems always apply"
            )
        elif rule_id in running and rule_id not in directive.used:
            where = "in this file" if directive.scope == "file" else f"on line {directive.target}"
            yield problem(
                f"this comment silences '{rule_id}' but there is no '{rule_id}' "
                f"problem {where}; delete it"
            )


__all__ = [
    "RUBRIC_SUFFIXES",
    "ValidateOptions",
    "ValidationResult",
    "find_rubric_files",
    "select_rules",
    "validate_file",
    "validate_paths",
    "validate_text",
]

"""The bundled skills knowledge base: what skillgap knows about a skill before any rubric
names it (see ``docs/knowledge.md``).

The base is package data, ``skillgap/knowledge/data/<category>.yaml``, and every file of
it is a rubric in the ordinary format, so one toolchain checks it: ``skillgap validate``
(schema, duplicate forms, unguarded everyday words, fuzzy collisions, with
``file:line:col``), and the real matcher in the tests. In a file, each **area** is a
category (programming languages, cloud, ...), each **requirement** a group within it,
and each **skill** an entry: its canonical ``name``, its ``aliases`` and abbreviations,
the guards an ambiguous or everyday name needs (``ambiguous`` with ``context``,
``case_sensitive``, ``exclude``, ``exact``) and ``implies`` where a tool implies another
(PySpark → Spark and Python).

Names of technologies were checked against the O*NET technology list (O*NET 29.2, CC BY
4.0, U.S. Department of Labor / Employment and Training Administration); the aliases,
guards and implications are skillgap's own, written as facts.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ..rubric.model import Rubric, Skill
from ..text import word_norms

#: Version of the base's content; reports and drafts may cite it.
KNOWLEDGE_VERSION = "2026.12"


@dataclass(frozen=True)
class KnownSkill:
    """One skill of the base, with where it is filed."""

    skill: Skill
    #: Area id of its file: the category ("cloud", "ml-ai", ...).
    category: str
    #: Requirement id within the category: the group ("managed-ml", ...).
    group: str
    #: The data file it comes from (e.g. ``cloud.yaml``).
    file: str


@dataclass(frozen=True)
class Knowledge:
    """Every skill of the base, looked up by any of its names."""

    skills: tuple[KnownSkill, ...]

    @functools.cached_property
    def _by_form(self) -> dict[str, KnownSkill]:
        table: dict[str, KnownSkill] = {}
        for known in self.skills:
            for form in (known.skill.name, *known.skill.aliases, *known.skill.ambiguous):
                table.setdefault(_key(form), known)
        return table

    def find(self, name: str) -> KnownSkill | None:
        """The skill whose canonical name, alias or ambiguous form ``name`` is (any case,
        spacing or hyphenation), or None.

        >>> load_knowledge().find("golang").skill.name
        'Go'
        """
        return self._by_form.get(_key(name))

    def search(self, term: str, *, limit: int = 10) -> list[tuple[KnownSkill, str, float]]:
        """The skills whose names come closest to ``term``: (skill, the name that matched,
        similarity 0-100), best first. A name equal to the term comes first, then names
        that start with it or contain it as a word, then near spellings.

        >>> [s.skill.name for s, _, _ in load_knowledge().search("golang", limit=1)]
        ['Go']
        """
        from rapidfuzz import fuzz, process, utils

        wanted = _key(term)
        if not wanted:
            return []
        forms = list(self._by_form.items())
        words = set(word_norms(term))
        best: dict[int, tuple[KnownSkill, str, float]] = {}

        def keep(known: KnownSkill, shown: str, score: float) -> None:
            current = best.get(id(known))
            # The canonical name is shown whenever it matches nearly as well as an alias.
            name = known.skill.name
            if current is not None and name in (shown, current[1]) and abs(score - current[2]) <= 5:
                best[id(known)] = (known, name, max(score, current[2]))
            elif current is None or score > current[2]:
                best[id(known)] = (known, shown, score)

        for key, known in forms:
            shown = _shown_form(known, key)
            if key == wanted:
                keep(known, shown, 100.0)
            elif key.startswith(wanted) or words <= set(word_norms(shown)):
                keep(known, shown, 95.0 - min(10.0, len(key) - len(wanted)) / 2)
        choices = [key for key, _ in forms]
        for key, score, index in process.extract(
            wanted, choices, scorer=fuzz.ratio, processor=utils.default_process, limit=limit * 3
        ):
            if score >= 60:
                known = forms[index][1]
                keep(known, _shown_form(known, key), min(float(score), 94.0))
        ranked = sorted(best.values(), key=lambda r: (-r[2], r[0].skill.name.casefold()))
        return ranked[:limit]

    @property
    def categories(self) -> tuple[str, ...]:
        """The categories, in file order."""
        return tuple(dict.fromkeys(k.category for k in self.skills))


@functools.lru_cache(maxsize=1 << 16)
def form_key(form: str) -> str:
    """How the base compares names: the matcher's words of ``form``, joined (any case,
    spacing or hyphenation). Memoised: the same few thousand forms are compared for
    every rubric.

    >>> form_key("Scikit-Learn") == form_key("scikit learn")
    True
    """
    return "".join(word_norms(form))


_key = form_key


def _shown_form(known: KnownSkill, key: str) -> str:
    """The form of ``known`` as written whose comparison key is ``key``."""
    skill = known.skill
    for form in (skill.name, *skill.aliases, *skill.ambiguous):
        if _key(form) == key:
            return form
    return skill.name


def knowledge_files() -> list[str]:
    """The names of the base's data files, sorted."""
    folder = resources.files("skillgap").joinpath("knowledge/data")
    return sorted(e.name for e in folder.iterdir() if e.name.endswith(".yaml"))


def knowledge_text(name: str) -> str:
    """The text of one data file of the base."""
    return resources.files("skillgap").joinpath("knowledge/data").joinpath(name).read_text("utf-8")


#: The JSON twin of the data files (``scripts/compile_knowledge.py`` writes it): reading
#: it takes a fiftieth of the time of parsing the YAML, which every ``analyze`` pays.
COMPILED = "compiled.json"


def _sources_sha256() -> str:
    """The fingerprint of the data files' text (names and contents)."""
    digest = hashlib.sha256()
    for name in knowledge_files():
        digest.update(name.encode("utf-8") + b"\0" + knowledge_text(name).encode("utf-8") + b"\0")
    return digest.hexdigest()


def _parsed_files() -> dict[str, Any]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return {
        name: yaml.load(knowledge_text(name), Loader=loader)  # noqa: S506 - a safe loader
        for name in knowledge_files()
    }


def compiled_knowledge() -> str:
    """The text of :data:`COMPILED` for the data files as they are: their content as
    JSON, with the fingerprint of their text (a test holds the committed file to it)."""
    data = {"sources_sha256": _sources_sha256(), "files": _parsed_files()}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


@functools.cache
def _file_data() -> dict[str, Any]:
    """Each data file's content, by file name: from :data:`COMPILED` when it is the twin
    of the files as they are, else parsed from their YAML (an edited file is never read
    stale)."""
    folder = resources.files("skillgap").joinpath("knowledge/data")
    try:
        compiled = json.loads(folder.joinpath(COMPILED).read_text("utf-8"))
    except (OSError, ValueError):
        compiled = None
    if isinstance(compiled, dict) and compiled.get("sources_sha256") == _sources_sha256():
        files: dict[str, Any] = compiled["files"]
        return files
    return _parsed_files()


def _rubric_of(name: str) -> Rubric:
    from pydantic import ValidationError

    from ..errors import RubricError

    try:
        return Rubric.model_validate(_file_data()[name])
    except ValidationError as exc:  # the tests check every file; this is a broken install
        raise RubricError(f"the bundled knowledge file {name} is invalid: {exc}") from exc


@dataclass(frozen=True)
class GuardedWord:
    """A one-word form the base guards as ambiguous, with its skill and context words."""

    skill: str
    context: tuple[str, ...]


@functools.cache
def guarded_words() -> dict[str, GuardedWord]:
    """Every one-word ambiguous form of the base ("snowflake", "prefect", "chef"), by its
    comparison key. Read straight from the data (the files are checked as rubrics by the
    tests), without building the whole base's models.

    >>> guarded_words()["snowflake"].skill
    'Snowflake'
    """
    found: dict[str, GuardedWord] = {}
    for data in _file_data().values():
        for area in data.get("areas") or ():
            for requirement in area.get("requirements") or ():
                for skill in requirement.get("skills") or ():
                    context = tuple(str(c) for c in skill.get("context") or ())
                    for form in skill.get("ambiguous") or ():
                        norms = word_norms(str(form))
                        if len(norms) == 1:
                            found.setdefault(norms[0], GuardedWord(str(skill["name"]), context))
    return found


@functools.cache
def load_knowledge() -> Knowledge:
    """The bundled knowledge base (read once per process)."""
    skills: list[KnownSkill] = []
    for name in knowledge_files():
        for area in _rubric_of(name).areas:
            for requirement in area.requirements:
                skills.extend(
                    KnownSkill(skill, area.id, requirement.id, name) for skill in requirement.skills
                )
    return Knowledge(tuple(skills))


__all__ = [
    "COMPILED",
    "KNOWLEDGE_VERSION",
    "GuardedWord",
    "Knowledge",
    "KnownSkill",
    "compiled_knowledge",
    "form_key",
    "guarded_words",
    "knowledge_files",
    "load_knowledge",
]

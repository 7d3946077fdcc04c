"""The written forms of a rubric's skills, in the lookup tables the matcher scans with.

Every name, alias and ambiguous form of every skill becomes a :class:`Form` (its words
normalised as the matcher compares them). :class:`FormTable` files them under every key
the matcher looks up: the words joined by spaces (exact), without spaces (compact:
"TensorFlow" = "tensor flow"), as stems (for ``inflect`` skills: "led a team" = "lead
team"), and by first letter (for fuzzy matching); plus the prefixes of those keys, so
that a scan can stop as soon as the words so far start no form.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TypeVar

from ..rubric.model import Skill
from ..text import STOPWORDS, prepare_text, stem, tokenize, word_norms
from .evidence import Method

#: Forms shorter than this (compact) match fuzzily only through a slip (below).
MIN_FUZZY_LENGTH = 6
#: Forms of this length match a slip of the keyboard (two letters swapped, one letter
#: doubled: "Kears", "Kerras" for Keras); shorter forms never match fuzzily.
MIN_SLIP_LENGTH = 5
#: Words that may sit between the words of a practice phrase ("led a 12-person team").
PHRASE_GAP = 4
#: Words that may sit between an achievement's action and its object ("presented the
#: forecasting roadmap quarterly to the CFO": eight between "presented" and "CFO" at
#: most); inside a many-word action or object, at most :data:`INNER_GAP` ("leadership
#: team" is not "leadership of the data platform team").
ACHIEVEMENT_GAP = 8
INNER_GAP = 1
#: Most words a :class:`Memo` remembers.
MEMO_LIMIT = 100_000
_T = TypeVar("_T")


def fuzzy_allowance(length: int) -> int:
    """How many edits a form of ``length`` characters may differ by and still match."""
    if length < MIN_SLIP_LENGTH:
        return 0
    return 1 if length < 12 else 2


def is_slip(written: str, target: str) -> bool:
    """Is ``written`` ``target`` with two neighbouring letters swapped or one letter
    doubled?

    >>> is_slip("tensorflwo", "tensorflow"), is_slip("kerras", "keras"), is_slip("kears", "keras")
    (True, True, True)
    >>> is_slip("docket", "docker"), is_slip("kera", "keras")
    (False, False)
    """
    if len(written) == len(target):
        diff = [i for i, (a, b) in enumerate(zip(written, target, strict=True)) if a != b]
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and written[diff[0]] == target[diff[1]]
            and written[diff[1]] == target[diff[0]]
        )
    if len(written) == len(target) + 1:
        for i in range(1, len(written)):
            if written[i] == written[i - 1] and written[:i] + written[i + 1 :] == target:
                return True
    return False


@dataclass(frozen=True, slots=True)
class Form:
    """One written form of a skill, prepared for lookup."""

    skill: str
    text: str
    norms: tuple[str, ...]
    words: tuple[str, ...]
    is_name: bool
    ambiguous: bool
    inflect: bool
    #: An achievement's action and object ("present … CFO"), matched by stems only.
    achievement: bool = False
    #: A self-description ("team player"): matched like an alias, credited as a claim.
    claim: bool = False
    #: For an achievement: how many of its kept words (stopwords left out) are the
    #: action; the object starts after them.
    split: int = 0
    #: An achievement written object first, with the action as a participle ("findings
    #: presented to the board", "roadmap co-written with the CTO").
    passive: bool = False
    #: Words or phrases (stems, joined by spaces) of which one must be in the same
    #: sentence or list item (an achievement's ``about``); empty: no condition.
    about: frozenset[str] = frozenset()
    #: The words joined by spaces (the exact-lookup key) and without them (compact).
    key: str = field(init=False)
    compact: str = field(init=False)
    #: Forms of one or two characters must stand alone (not hyphen-joined).
    short: bool = field(init=False)

    def __post_init__(self) -> None:
        compact = "".join(self.norms)
        object.__setattr__(self, "key", " ".join(self.norms))
        object.__setattr__(self, "compact", compact)
        object.__setattr__(self, "short", len(compact) <= 2)

    @property
    def method(self) -> Method:
        """How a match of this form is reported."""
        if self.achievement:
            return "achievement"
        if self.claim:
            return "claim"
        return "exact" if self.is_name else "alias"

    def gap(self, position: int) -> int:
        """How many other words may sit before the word at ``position`` (counted in kept
        words, from 1) of this form's stemmed phrase."""
        if not self.achievement:
            return PHRASE_GAP
        if self.passive:
            return INNER_GAP
        return ACHIEVEMENT_GAP if position == self.split else INNER_GAP


@dataclass(frozen=True)
class FormTable:
    """Every form of a set of skills, filed under each key the matcher looks up."""

    #: Form keys (words joined by spaces) -> the forms with that key, one per skill.
    exact: dict[str, list[Form]]
    #: Keys without spaces or hyphens, for forms whose words all have two letters or more.
    compact: dict[str, list[Form]]
    #: Stems of the words of ``inflect`` forms (stopwords left out), joined by spaces.
    stemmed: dict[str, list[Form]]
    #: Forms that may match fuzzily, by the first letter of their compact key.
    fuzzy_by_first: dict[str, list[Form]]
    #: Every proper prefix of an exact key (by words) and of a compact key (by letters).
    exact_prefixes: frozenset[str]
    compact_prefixes: frozenset[str]
    #: Stemmed phrases by their first stem, and the second stems that may follow it.
    stem_phrases: dict[str, list[tuple[tuple[str, ...], Form]]]
    stem_seconds: dict[str, frozenset[str]]
    #: The widest gap allowed between two words of a stemmed phrase.
    max_gap: int
    #: Most words in one form.
    max_words: int

    @classmethod
    def build(cls, skills: Iterable[Skill]) -> FormTable:
        """The table of every form of ``skills`` (their order decides ties)."""
        exact: dict[str, list[Form]] = {}
        compact: dict[str, list[Form]] = {}
        stemmed: dict[str, list[Form]] = {}
        fuzzy_by_first: dict[str, list[Form]] = {}
        seen: set[tuple[int, str, str]] = set()
        for skill in skills:
            for form in forms_of(skill):
                _append_unique(exact, form.key, form, seen)
                if all(len(n) >= 2 for n in form.norms):
                    _append_unique(compact, form.compact, form, seen)
                if skill.inflect:
                    stems = " ".join(stem(n) for n in form.norms if n not in STOPWORDS)
                    if stems:
                        _append_unique(stemmed, stems, form, seen)
                if (
                    not skill.exact
                    and not form.claim
                    and not form.ambiguous
                    and not skill.inflect
                    and len(form.compact) >= MIN_SLIP_LENGTH
                ):
                    _append_unique(fuzzy_by_first, form.compact[0], form, seen)
            for stems, form in achievement_forms(skill):
                if stems:
                    _append_unique(stemmed, stems, form, seen)
        stem_phrases: dict[str, list[tuple[tuple[str, ...], Form]]] = {}
        for key, stem_forms in sorted(stemmed.items()):
            words = tuple(key.split(" "))
            for form in stem_forms:
                stem_phrases.setdefault(words[0], []).append((words, form))
        every = [f for bucket in exact.values() for f in bucket]
        return cls(
            exact=exact,
            compact=compact,
            stemmed=stemmed,
            fuzzy_by_first=fuzzy_by_first,
            exact_prefixes=_prefixes(exact, by_word=True),
            compact_prefixes=_prefixes(compact, by_word=False),
            stem_phrases=stem_phrases,
            stem_seconds=_seconds(stem_phrases),
            max_gap=max(
                (ACHIEVEMENT_GAP if f.achievement else PHRASE_GAP)
                for bucket in [*stemmed.values(), []]
                for f in bucket
            )
            if stemmed
            else PHRASE_GAP,
            max_words=max((len(f.norms) for f in every), default=1),
        )

    @classmethod
    def of_phrases(
        cls, stem_phrases: dict[str, list[tuple[tuple[str, ...], Form]]], max_gap: int
    ) -> FormTable:
        """A table holding only stemmed phrases (by first stem), for a
        :class:`~.phrases.PhraseFinder` over the phrases of several tables."""
        return cls(
            exact={},
            compact={},
            stemmed={},
            fuzzy_by_first={},
            exact_prefixes=frozenset(),
            compact_prefixes=frozenset(),
            stem_phrases=stem_phrases,
            stem_seconds=_seconds(stem_phrases),
            max_gap=max_gap,
            max_words=1,
        )


def _seconds(
    stem_phrases: dict[str, list[tuple[tuple[str, ...], Form]]],
) -> dict[str, frozenset[str]]:
    """For each first stem, the second stems of its phrases."""
    return {
        first: frozenset(p[1] for p, _ in entries if len(p) > 1)
        for first, entries in stem_phrases.items()
    }


def forms_of(skill: Skill) -> list[Form]:
    """The forms of one skill (written forms with no letters or digits are left out)."""
    ambiguous = {" ".join(word_norms(a)) for a in skill.ambiguous}
    claims = set(skill.claims) - {skill.name, *skill.aliases, *skill.ambiguous}
    forms = []
    for text in skill.forms():
        tokens = tokenize(prepare_text(text))
        if not tokens.norms:
            continue
        forms.append(
            Form(
                skill=skill.name,
                text=text,
                norms=tokens.norms,
                words=tokens.words,
                is_name=text == skill.name,
                ambiguous=" ".join(tokens.norms) in ambiguous,
                inflect=skill.inflect,
                claim=text in claims,
            )
        )
    return forms


def achievement_forms(skill: Skill) -> list[tuple[str, Form]]:
    """One form per action and object of each of a skill's achievements ("present CFO"),
    and for a one-word action also the passive ("CFO … presented"); each with its
    stemmed key (the stems of its words, stopwords left out, joined by spaces).

    A skill has a handful of actions and objects but their products run to thousands of
    forms, so each phrase is tokenised and stemmed once and the forms are put together
    from the pieces.
    """
    forms: list[tuple[str, Form]] = []
    words_of: dict[str, tuple[tuple[str, ...], tuple[str, ...], int, str]] = {}

    def words(phrase: str) -> tuple[tuple[str, ...], tuple[str, ...], int, str]:
        """(norms, words as written, how many are not stopwords, their stems) of one
        phrase."""
        found = words_of.get(phrase)
        if found is None:
            tokens = tokenize(prepare_text(phrase))
            kept = [stem(n) for n in tokens.norms if n not in STOPWORDS]
            found = words_of[phrase] = (tokens.norms, tokens.words, len(kept), " ".join(kept))
        return found

    name = skill.name
    for achievement in skill.achievements:
        about = frozenset(
            " ".join(stem(n) for n in word_norms(a) if n not in STOPWORDS)
            for a in achievement.about
        ) - {""}
        for action in achievement.actions:
            action_norms, action_words, split, action_stems = words(action)
            if not split:
                continue
            for target in achievement.objects:
                target_norms, target_words, target_kept, target_stems = words(target)
                forward = f"{action_stems} {target_stems}" if target_stems else action_stems
                forms.append(
                    (
                        forward,
                        Form(
                            skill=name,
                            text=f"{action} … {target}",
                            norms=action_norms + target_norms,
                            words=action_words + target_words,
                            is_name=False,
                            ambiguous=False,
                            inflect=True,
                            achievement=True,
                            about=about,
                            split=split,
                        ),
                    )
                )
                if len(action_norms) == 1 and target_kept:  # a one-word action has a participle
                    forms.append(
                        (
                            f"{target_stems} {action_stems}",
                            Form(
                                skill=name,
                                text=f"{target} … {action}",
                                norms=target_norms + action_norms,
                                words=target_words + action_words,
                                is_name=False,
                                ambiguous=False,
                                inflect=True,
                                achievement=True,
                                about=about,
                                split=target_kept,
                                passive=True,
                            ),
                        )
                    )
    return forms


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause Python's cycle collector while building tables: an index is tens of
    thousands of new objects, none of them garbage, and the collector, run every few
    hundred new objects and now and then over the whole heap, took more than half the
    time of building one. Restored as it was (a caller's own pause is left alone)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Memo(dict[str, _T]):
    """A function of one word, worked out once per word and then looked up at dict speed.

    Bounded: once it holds :data:`MEMO_LIMIT` words it stops adding. Words are Zipf-
    distributed, so the common ones are in long before then, and the rare ones after
    it (names, numbers, e-mail handles) are simply worked out again: memory stays flat
    however many resumes a batch reads, with no refill after a purge.
    """

    def __init__(self, function: Callable[[str], _T]) -> None:
        super().__init__()
        self._function = function

    def __missing__(self, key: str) -> _T:
        value = self._function(key)
        if len(self) < MEMO_LIMIT:
            self[key] = value
        return value


def _append_unique(
    table: dict[str, list[Form]], key: str, form: Form, seen: set[tuple[int, str, str]]
) -> None:
    """File ``form`` under ``key`` unless a form of its skill is there already (``seen``
    remembers, so a big bucket, such as every form by its first letter, is not scanned)."""
    marker = (id(table), key, form.skill)
    if marker not in seen:
        seen.add(marker)
        table.setdefault(key, []).append(form)


def _prefixes(table: dict[str, list[Form]], *, by_word: bool) -> frozenset[str]:
    prefixes: set[str] = set()
    for key in table:
        if by_word:
            words = key.split(" ")
            prefixes.update(" ".join(words[:n]) for n in range(1, len(words)))
        else:
            prefixes.update(key[:n] for n in range(1, len(key)))
    return frozenset(prefixes)


__all__ = [
    "MEMO_LIMIT",
    "MIN_FUZZY_LENGTH",
    "MIN_SLIP_LENGTH",
    "Form",
    "FormTable",
    "Memo",
    "forms_of",
    "fuzzy_allowance",
    "is_slip",
]

"""One reading of a profile's text for several skill indexes (many roles in one pass).

Scoring a resume against several rubrics repeats work that depends on the text alone:
each segment is tokenised again, and each index looks for its stemmed phrases
(practice phrases, achievements: thousands per rubric, most of them shared by rubrics
that ``extends`` one another) in a pass of its own, the costliest part of matching.
:class:`IndexGroup` does both once: it tokenises each segment, and one
:class:`~.phrases.PhraseFinder` over the phrases of every index finds them all; each
index then gets its own hits, in the order its own finder gives them, and matches the
rest as always (:meth:`~.index.SkillIndex.match_profile` with ``tokens`` and
``phrases``). The evidence is the same as each index reading the text alone (tested on
every example, generated profiles and the corpus).

Why the hits are the same: whether a phrase is found depends on its stems, on whether it
is an achievement or passive and on how far apart its words may be (the form's gaps);
phrases equal in all of these are looked for once, as one entry, and a hit of that entry
is a hit of each form behind it. The shared finder looks further ahead than an index's
own (the widest gap of all), but a word beyond a form's gap never matches it either way.
An index's own finder gives hits in order of their first word, then of the phrase's
place in the index's table; each index's share is sorted the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..profiles.model import Profile
from ..text import Tokens, prepare_text, tokenize
from .forms import Form, FormTable, collection_paused
from .index import SkillIndex
from .phrases import PhraseFinder, PhraseHit

#: What decides whether a stemmed phrase is found: its stems, achievement, passive and
#: the split between an achievement's action and object (its gaps follow from these).
_PhraseKey = tuple[tuple[str, ...], bool, bool, int]


@dataclass(frozen=True, slots=True)
class TextRead:
    """A profile's running text as one index of an :class:`IndexGroup` sees it: the
    tokens of each segment, and the index's stemmed phrases found in each."""

    tokens: tuple[Tokens, ...]
    phrases: tuple[list[PhraseHit], ...]


class IndexGroup:
    """Several skill indexes, reading each profile's text once for all of them.

    >>> from skillgap import load_profile
    >>> from skillgap.analysis import prepared_for
    >>> from skillgap.rubric import load_rubric
    >>> indexes = [prepared_for(load_rubric(r)).index
    ...            for r in ("ml-engineer-entry", "ml-engineer-senior")]
    >>> profile = load_profile("examples/plain-text-resume.txt")
    >>> reads = IndexGroup(indexes).read(profile)
    >>> all(index.match_profile(profile, tokens=read.tokens, phrases=read.phrases)
    ...     == index.match_profile(profile) for index, read in zip(indexes, reads))
    True
    """

    def __init__(self, indexes: Sequence[SkillIndex]) -> None:
        with collection_paused():
            self.indexes = tuple(indexes)
            entries: dict[_PhraseKey, Form] = {}
            #: id of a shared entry's form -> (index, place in that index's table, form).
            owners: dict[int, list[tuple[int, int, Form]]] = {}
            max_gap = 0
            for number, index in enumerate(self.indexes):
                table = index.table
                if table.stemmed:
                    max_gap = max(max_gap, table.max_gap)
                for phrases in table.stem_phrases.values():
                    for place, (phrase, form) in enumerate(phrases):
                        key = (phrase, form.achievement, form.passive, form.split)
                        shared = entries.setdefault(key, form)
                        owners.setdefault(id(shared), []).append((number, place, form))
            by_first: dict[str, list[tuple[tuple[str, ...], Form]]] = {}
            for key, form in sorted(entries.items(), key=lambda item: item[0]):
                by_first.setdefault(key[0][0], []).append((key[0], form))
            self._finder = (
                PhraseFinder(FormTable.of_phrases(by_first, max_gap)) if by_first else None
            )
            self._owners = {k: tuple(v) for k, v in owners.items()}
            # Keep the shared entries' forms alive: their ids are the keys of _owners.
            self._entries = tuple(entries.values())

    def read(self, profile: Profile) -> list[TextRead]:
        """The profile's text read once, as each index (in order) sees it."""
        tokens = tuple(
            tokenize(prepare_text(segment.text), first_line=segment.line or 1)
            for segment in profile.segments
        )
        count = len(self.indexes)
        shares: list[list[list[PhraseHit]]] = [[] for _ in range(count)]
        for segment_tokens in tokens:
            placed: list[list[tuple[int, int, PhraseHit]]] = [[] for _ in range(count)]
            if self._finder is not None:
                owners = self._owners
                for start, end, shared in self._finder.find(segment_tokens):
                    for number, place, form in owners[id(shared)]:
                        placed[number].append((start, place, (start, end, form)))
            for number in range(count):
                placed[number].sort(key=lambda item: (item[0], item[1]))
                shares[number].append([hit for _, _, hit in placed[number]])
        return [TextRead(tokens, tuple(share)) for share in shares]


#: The groups built by :func:`group_for`, by the identities of their indexes (the group
#: holds the indexes, so an identity is not reused while it is kept). A few at most.
_GROUPS: dict[tuple[int, ...], IndexGroup] = {}


def group_for(indexes: Sequence[SkillIndex]) -> IndexGroup:
    """The group of these indexes, built once per process (a batch builds it before its
    pool starts, and forked workers inherit it: it takes a quarter of a second)."""
    key = tuple(id(index) for index in indexes)
    group = _GROUPS.get(key)
    if group is None:
        if len(_GROUPS) >= 4:
            _GROUPS.clear()
        group = _GROUPS[key] = IndexGroup(indexes)
    return group


__all__ = ["IndexGroup", "TextRead", "group_for"]

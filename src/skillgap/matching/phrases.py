"""Phrases matched by their stems: practice phrases of ``inflect`` skills ("led a team")
and achievements ("presented the roadmap to the CFO").

Word forms are folded (:func:`skillgap.text.stem`) and stopwords skipped. Other words may
sit between the words of a phrase: up to :data:`~.forms.PHRASE_GAP` in a practice phrase,
never across punctuation; in an achievement up to :data:`~.forms.ACHIEVEMENT_GAP` between
the action and its object and :data:`~.forms.INNER_GAP` inside either, within one clause
(a comma or a "$" does not end it; a full stop, semicolon, list item or paragraph does).
"Hired and onboarded 12 engineers" is *hire engineers*; "Presented the forecasting roadmap
quarterly to the CFO" is *present … CFO*. An achievement never starts with a word joined
by a hyphen to the word before ("data-driven" is not *drive*) or with "present" closing a
date range ("2019 – Present").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import compress

from ..text import STOPWORDS, Tokens, stem
from .forms import Form, FormTable, Memo

#: Separator characters that end an achievement's clause (commas, "$", "/" do not).
_CLAUSE_END = frozenset(".;!?•|·▪●")
_YEARISH_RE = re.compile(r"^(?:\d{2}|\d{4}|(?:19|20)\d\d)$")
_RANGE_SEPS = frozenset({"-", "–", "—", "~", "→", "->"})


def ends_clause(sep: str) -> bool:
    """Does a separator end an achievement's clause?"""
    return "\n" in sep or any(ch in _CLAUSE_END for ch in sep)


#: Prefixes that keep a hyphen-joined verb a verb: "co-led", "re-designed".
_PREFIXES = frozenset({"co", "re", "pre", "self"})
_MONTHS = frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


def _date_word(norm: str) -> bool:
    return _YEARISH_RE.match(norm) is not None or norm in _MONTHS


def achievement_may_start(tokens: Tokens, index: int) -> bool:
    """May an achievement's action start at token ``index``? Not when hyphen-joined to
    the word before ("data-driven"), nor as the "present" that ends a date range ("2019 –
    Present", "Mar 2020 to present"; "asked to present to the CFO" is an action).

    >>> from skillgap.text import tokenize
    >>> tokens = tokenize("2019 - Present: VP. Data-driven. Asked to present. Co-led")
    >>> [tokens.words[i] for i in (1, 4, 7, 9)]
    ['Present', 'driven', 'present', 'led']
    >>> [achievement_may_start(tokens, i) for i in (1, 4, 7, 9)]
    [False, False, True, True]
    """
    if index == 0:
        return True
    norms = tokens.norms
    sep = tokens.seps[index]
    if (
        sep == "-"
        and tokens.starts[index] - tokens.ends[index - 1] == 1
        and norms[index - 1] not in _PREFIXES
    ):
        return False  # "data-driven"; but "co-led", "re-designed"; "built - presented"
    if norms[index] not in ("present", "current", "now", "date"):
        return True
    previous = norms[index - 1]
    if sep.strip() in _RANGE_SEPS and _date_word(previous):
        return False
    return not (previous in ("to", "until", "till") and index >= 2 and _date_word(norms[index - 2]))


#: Past participles that do not end in -ed or -en.
_IRREGULAR_PARTICIPLES = frozenset(
    [
        "led",
        "run",
        "built",
        "made",
        "held",
        "set",
        "cut",
        "put",
        "met",
        "paid",
        "sold",
        "told",
        "found",
        "spent",
        "kept",
        "won",
        "taught",
        "brought",
        "sought",
        "thought",
        "bought",
        "read",
        "shut",
        "hit",
        "won",
        "stood",
        "understood",
        "co-led",
    ]
)
#: Words that may follow a passive participle: a preposition or an adverb of time.
_AFTER_PASSIVE = frozenset(
    [
        "to",
        "with",
        "for",
        "in",
        "on",
        "at",
        "across",
        "into",
        "from",
        "through",
        "over",
        "under",
        "within",
        "per",
        "and",
        "as",
        "quarterly",
        "monthly",
        "weekly",
        "annually",
        "yearly",
        "regularly",
        "twice",
        "daily",
    ]
)


def gain_marker(tokens: Tokens, index: int) -> bool:
    """Is the word at ``index`` a gain written as a sign or "up": the "+6.2" of
    "click-through rate +6.2%", the "up" of "conversion up 4%"? Such a word stands for
    "increase" (a passive action: "conversion increased by 4%").

    >>> from skillgap.text import tokenize
    >>> tokens = tokenize("CTR +6.2%, revenue up 9%, set up 3 teams, +44 7700, up 4 percent")
    >>> [tokens.norms[i] for i in range(len(tokens)) if gain_marker(tokens, i)]
    ['6.2', 'up', 'up']
    """
    norms, seps = tokens.norms, tokens.seps
    number = index + 1 if norms[index] == "up" else index
    if number >= len(norms) or not norms[number][:1].isdigit():
        return False
    if number == index and not seps[index].endswith("+"):
        return False
    if number > index and ends_clause(seps[number]):
        return False
    after = number + 1
    return (after < len(norms) and (seps[after].startswith("%") or norms[after] in _RATIOS)) or (
        after == len(norms) and tokens.text[tokens.ends[number] :].startswith("%")
    )


def passive_action(tokens: Tokens, index: int) -> bool:
    """Is the word at ``index`` an action in the passive, closing its object ("findings
    presented to the board", "strategy co-written with the CTO", "A/B tests run: 14")?
    Not an active verb with an object of its own ("the ML team led the migration"), nor
    with an agent ("a team led by Maria"), nor a cause ("led to").

    >>> from skillgap.text import tokenize
    >>> tokens = tokenize("Findings presented to the board. Team led by Ann. Team led the way")
    >>> [passive_action(tokens, i) for i in (1, 6, 10)]
    [True, False, False]
    """
    norm = tokens.norms[index]
    if gain_marker(tokens, index):
        return True
    if not (norm.endswith(("ed", "en")) or norm in _IRREGULAR_PARTICIPLES):
        return False
    if index + 1 >= len(tokens.norms):
        return True
    sep = tokens.seps[index + 1]
    if ends_clause(sep) or "," in sep or ":" in sep:
        return True
    following = tokens.norms[index + 1]
    if following == "to" and stem(norm) == _LEAD:
        return False
    return following in _AFTER_PASSIVE or following.isdigit()


#: Units of a relative gain ("+12 pp", "up 3x", "up 4 percent").
_RATIOS = frozenset({"percent", "pp", "points", "x", "bps", "per"})
#: A gain marker ("+6.2%", "up 9%") is read as this stem.
_GAIN = stem("increase")
#: The stem of "lead", "led", "leading": followed by "to" it is a cause ("led to").
_LEAD = stem("led")


#: A stemmed phrase found in text: (first token, token after the last, form).
PhraseHit = tuple[int, int, Form]


#: A node of a :class:`PhraseFinder`'s trie: the next words (each with the farthest
#: step, in kept words, that any phrase below allows to it, and its node), and the
#: phrases that end here (entry number, form, the step each of its words allows).
_Node = tuple[dict[str, tuple[int, "_Node"]], list[tuple[int, Form, tuple[int, ...]]]]


#: A first word's one-word phrases (entry number, form) and the tries of its others.
_Opener = tuple[list[tuple[int, Form]], list[tuple[bool, _Node]]]


def _trie(entries: list[tuple[tuple[str, ...], Form]], achievement: bool) -> _Node | None:
    """The phrases of two words or more in ``entries`` (all with one first word) that
    are (or are not) achievements, as a trie over their other words; None when there are
    none."""
    root: _Node = ({}, [])
    found = False
    for number, (phrase, form) in enumerate(entries):
        if len(phrase) == 1 or form.achievement != achievement:
            continue
        found = True
        limits = tuple(form.gap(k) + 1 for k in range(1, len(phrase)))
        node = root
        for word, limit in zip(phrase[1:], limits, strict=True):
            step, child = node[0].get(word, (0, None))
            if child is None:
                child = ({}, [])
            node[0][word] = (max(step, limit), child)
            node = child
        node[1].append((number, form, limits))
    return root if found else None


class PhraseFinder:
    """Finds a form table's stemmed phrases in text.

    The phrases that start with one word are kept as two tries over their other words
    (achievements, read within a clause, and the rest, read up to punctuation), so phrases
    sharing their first words are followed together: "lead a team", "lead a team of
    engineers" and "lead the team's hiring" look up "team" once. Each next word is taken
    at its first place in reach, as trying the phrases one by one would (the reference
    in the tests), and a path is cut where no phrase below allows the step.
    """

    def __init__(self, table: FormTable) -> None:
        self._phrases = table.stem_phrases
        self._seconds = table.stem_seconds
        self._reach = table.max_gap + 2
        self._stem = Memo(stem)
        #: Separator -> whether it ends a clause (resumes use a handful, over and over).
        self._clause_ends = Memo(ends_clause)
        #: For each first word seen so far: its one-word phrases (entry number, form)
        #: and the tries of its longer ones, (False, the rest) then (True, achievements).
        #: Built when the word is first met in a text: a resume meets a few hundred of
        #: the table's first words, and a single check of a rubric fewer still.
        self._openers: dict[str, _Opener] = {}

    def _opener(self, first: str) -> _Opener:
        entries = self._phrases[first]
        singles = [
            (number, form) for number, (phrase, form) in enumerate(entries) if len(phrase) == 1
        ]
        tries = []
        for achievement in (False, True):
            trie = _trie(entries, achievement)
            if trie is not None:
                tries.append((achievement, trie))
        opener = self._openers[first] = (singles, tries)
        return opener

    def find(self, tokens: Tokens) -> list[PhraseHit]:
        """(first token, token after the last, form) of every phrase in ``tokens``."""
        norms = tokens.norms
        seps = tokens.seps
        phrases = self._phrases
        stem_of = self._stem
        reach = self._reach
        kept = [i for i, n in enumerate(norms) if n not in STOPWORDS]
        stems = [stem_of[norms[i]] for i in kept]
        count = len(stems)
        # Gains written "up 4%" or "+6.2%" read as "increase" (looked for where they can be)
        marked = (
            [i for i, sep in enumerate(seps) if sep[-1:] == "+"] if "+" in "".join(seps) else []
        )
        if "up" in norms:
            marked.extend(i for i, norm in enumerate(norms) if norm == "up")
        for i in marked:
            if norms[i] not in STOPWORDS and gain_marker(tokens, i):
                stems[bisect_left(kept, i)] = _GAIN
        # Where phrases (broken by punctuation) and clauses end: the kept words that
        # come after a break (a separator ending a clause), counting the words skipped.
        ends = self._clause_ends
        bounds: dict[bool, list[int]] = {}
        for clause, marks in (
            (False, compress(range(len(norms)), tokens.breaks)),
            (True, compress(range(len(norms)), map(ends.__getitem__, seps))),
        ):
            found_bounds: list[int] = []
            for mark in marks:
                k = bisect_left(kept, mark)
                if 0 < k < count and (not found_bounds or found_bounds[-1] != k):
                    found_bounds.append(k)
            bounds[clause] = found_bounds
        windows: dict[bool, dict[int, dict[str, int]]] = {False: {}, True: {}}

        def window(position: int, clause: bool) -> dict[str, int]:
            """The words that may continue a phrase at ``position``: the next kept words
            (as far as the widest gap reaches) up to punctuation (``clause``: up to the
            end of the clause), each at its first position (remembered in ``windows``)."""
            ends_at = bounds[clause]
            after = bisect_right(ends_at, position)
            stop = position + reach
            if after < len(ends_at) and ends_at[after] < stop:
                stop = ends_at[after]
            stop = min(stop, count) - 1
            # from the farthest back, so that each word keeps its first position
            found = windows[clause][position] = dict(
                zip(stems[stop:position:-1], range(stop, position, -1), strict=True)
            )
            return found

        passive: dict[int, bool] = {}
        seconds = self._seconds
        hits: list[PhraseHit] = []
        for a in [a for a, first in enumerate(stems) if first in phrases]:
            first = stems[a]
            if first == _LEAD and kept[a] + 1 < len(norms) and norms[kept[a] + 1] == "to":
                continue  # "led to my move into the ML team" is a cause, not leading
            may_start: bool | None = None
            # (entry number, last kept word, form) of the phrases found here
            here: list[tuple[int, int, Form]] = []
            opener = self._openers.get(first)
            if opener is None:
                opener = self._opener(first)
            singles, tries = opener
            for number, form in singles:
                if form.achievement:
                    if may_start is None:
                        may_start = achievement_may_start(tokens, kept[a])
                    if not may_start:
                        continue
                here.append((number, a, form))
            # Most phrase openers ("data", "lead") are followed by none of their phrases'
            # second words at all; only then are the windows (punctuation and all) needed.
            if not seconds[first].isdisjoint(stems[a + 1 : a + reach]):
                for clause, root in tries:
                    if clause:
                        if may_start is None:
                            may_start = achievement_may_start(tokens, kept[a])
                        if not may_start:
                            continue
                    cached = windows[clause]
                    paths: list[tuple[_Node, tuple[int, ...]]] = [(root, (a,))]
                    while paths:
                        (children, ending), path = paths.pop()
                        for number, form, limits in ending:
                            if all(
                                path[k + 1] - path[k] <= limit for k, limit in enumerate(limits)
                            ):
                                here.append((number, path[-1], form))
                        if not children:
                            continue
                        position = path[-1]
                        reachable = cached.get(position)
                        if reachable is None:
                            reachable = window(position, clause)
                        if len(children) < len(reachable):
                            pairs = [(w, reachable[w]) for w in children if w in reachable]
                        else:
                            pairs = [(w, p) for w, p in reachable.items() if w in children]
                        for word, after in pairs:
                            step, child = children[word]
                            if after - position <= step:
                                paths.append((child, (*path, after)))
            if len(here) > 1:
                here.sort(key=lambda found: found[0])
            for _, last, form in here:
                if form.passive:
                    is_passive = passive.get(last)
                    if is_passive is None:
                        is_passive = passive[last] = passive_action(tokens, kept[last])
                    if not is_passive:
                        continue
                hits.append((kept[a], kept[last] + 1, form))
        return hits


__all__ = [
    "PhraseFinder",
    "PhraseHit",
    "achievement_may_start",
    "ends_clause",
    "gain_marker",
    "passive_action",
]

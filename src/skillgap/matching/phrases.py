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


class PhraseFinder:
    """Finds a form table's stemmed phrases in text."""

    def __init__(self, table: FormTable) -> None:
        self._phrases = table.stem_phrases
        self._seconds = table.stem_seconds
        self._reach = table.max_gap + 2
        self._stem = Memo(stem)
        #: Separator -> whether it ends a clause (resumes use a handful, over and over).
        self._clause_ends: dict[str, bool] = {}
        # For each first word: the one-word phrases, and the others by their second word
        # (indexes into the first word's entries, in order). A common opener ("lead",
        # "build") starts thousands of achievement phrases; only those whose second word
        # is within reach can match, and the rest need not be looked at.
        self._singles: dict[str, list[int]] = {}
        self._by_second: dict[str, dict[str, list[int]]] = {}
        for first, entries in self._phrases.items():
            singles = self._singles.setdefault(first, [])
            by_second = self._by_second.setdefault(first, {})
            for i, (phrase, _) in enumerate(entries):
                if len(phrase) == 1:
                    singles.append(i)
                else:
                    by_second.setdefault(phrase[1], []).append(i)

    def find(self, tokens: Tokens) -> list[PhraseHit]:
        """(first token, token after the last, form) of every phrase in ``tokens``."""
        norms = tokens.norms
        breaks = tokens.breaks
        seps = tokens.seps
        phrases = self._phrases
        stem_of = self._stem
        reach = self._reach
        kept = [i for i, n in enumerate(norms) if n not in STOPWORDS]
        stems = [_GAIN if gain_marker(tokens, i) else stem_of[norms[i]] for i in kept]
        count = len(stems)
        windows: dict[tuple[int, bool], dict[str, int]] = {}
        # For each kept word, how many phrase breaks (and clause ends) come before it or
        # with it: two kept words are in one phrase (clause) when the counts are equal.
        phrase_no: list[int] = []
        clause_no: list[int] = []
        breaks_so_far = clauses_so_far = 0
        ends = self._clause_ends
        previous = -1
        for k in kept:
            for between in range(previous + 1, k + 1):
                breaks_so_far += breaks[between]
                sep = seps[between]
                if sep:
                    ended = ends.get(sep)
                    if ended is None:
                        ended = ends[sep] = ends_clause(sep)
                    clauses_so_far += ended
            phrase_no.append(breaks_so_far)
            clause_no.append(clauses_so_far)
            previous = k

        def window(position: int, clause: bool) -> dict[str, int]:
            """The words that may continue a phrase at ``position``: the next kept words
            (as far as the widest gap reaches) up to punctuation (``clause``: up to the
            end of the clause), each at its first position."""
            found = windows.get((position, clause))
            if found is None:
                found = {}
                numbers = clause_no if clause else phrase_no
                number = numbers[position]
                for candidate in range(position + 1, min(count, position + reach)):
                    if numbers[candidate] != number:
                        break
                    found.setdefault(stems[candidate], candidate)
                windows[(position, clause)] = found
            return found

        seconds = self._seconds
        hits: list[PhraseHit] = []
        for a, first in enumerate(stems):
            entries = phrases.get(first)
            if not entries:
                continue
            causal = first == _LEAD and kept[a] + 1 < len(norms) and norms[kept[a] + 1] == "to"
            if causal:
                continue  # "led to my move into the ML team" is a cause, not leading
            # Most phrase openers ("data", "lead") are followed by none of their phrases'
            # second words at all; only then are the windows (punctuation and all) needed.
            following = set(stems[a + 1 : a + reach])
            skip = seconds[first].isdisjoint(following)
            chosen = self._singles[first]
            if not skip:
                by_second = self._by_second[first]
                chosen = sorted(
                    [*chosen, *(i for w in following if w in by_second for i in by_second[w])]
                )
            may_start: bool | None = None
            for phrase, form in (entries[i] for i in chosen):
                if form.achievement:
                    if may_start is None:
                        may_start = achievement_may_start(tokens, kept[a])
                    if not may_start:
                        continue
                position = a
                for k, word in enumerate(phrase[1:], start=1):
                    after = -1 if skip else window(position, form.achievement).get(word, -1)
                    position = after if 0 < after - position <= form.gap(k) + 1 else -1
                    if position < 0:
                        break
                if position >= 0 and (not form.passive or passive_action(tokens, kept[position])):
                    hits.append((kept[a], kept[position] + 1, form))
        return hits


__all__ = [
    "PhraseFinder",
    "PhraseHit",
    "achievement_may_start",
    "ends_clause",
    "gain_marker",
    "passive_action",
]

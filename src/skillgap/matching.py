"""The skill index and matcher: where evidence comes from.

Principles (``docs/matching.md`` explains them with examples):

* Whole words and word sequences, never raw substrings: "Java" is not in "JavaScript".
* Names and aliases first, compared after normalisation, with spacing and hyphens
  between words optional ("Tensor Flow" = "tensor-flow" = "TensorFlow").
* Fuzzy matching only after that, only for forms of six or more characters, with an
  edit allowance that grows with length (1 edit up to 11 characters, 2 beyond) and the
  first letter fixed. Short names (R, C, Go) never match fuzzily.
* Guards for ambiguous forms (context words nearby, case as written), exclusion
  phrases ("go-to-market" is not Go), short forms must stand alone ("R-CNN" is not R),
  and a single letter followed by a full stop and a capitalised word is an initial.
* Negated mentions ("no experience with Spark", "want to learn Go") are not evidence.
* Every match is :class:`Evidence`: the words as written, the line around them,
  where they came from, how they matched and how similar they were.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeVar

from rapidfuzz.distance import OSA

from .profiles.model import DeclaredSkill, Profile, TextSegment
from .rubric.model import Rubric, Skill
from .text import STOPWORDS, Tokens, prepare_text, stem, tokenize, word_norms

#: Methods, most trustworthy first.
METHODS = ("declared", "exact", "alias", "fuzzy")
MIN_FUZZY_LENGTH = 6
_FUZZY_CACHE_LIMIT = 200_000
_FUZZY_MAX_WORDS = 3
_MEMO_LIMIT = 100_000
_T = TypeVar("_T")


def fuzzy_allowance(length: int) -> int:
    """How many edits a form of ``length`` characters may differ by and still match."""
    if length < MIN_FUZZY_LENGTH:
        return 0
    return 1 if length < 12 else 2


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


@dataclass(frozen=True, slots=True)
class Evidence:
    """One piece of evidence that a candidate has a skill."""

    skill: str
    text: str
    context: str
    source: str
    line: int | None
    method: str
    similarity: float
    form: str
    level: str | None = None
    years: float | None = None


@dataclass(frozen=True, slots=True)
class Rejection:
    """A mention that looks like a skill but is not counted, and why."""

    skill: str
    text: str
    context: str
    source: str
    line: int | None
    reason: str


@dataclass(frozen=True)
class ProfileMatches:
    """All evidence and rejected mentions found in one profile, per canonical skill."""

    evidence: dict[str, tuple[Evidence, ...]]
    rejected: dict[str, tuple[Rejection, ...]]

    def for_skill(self, name: str) -> tuple[Evidence, ...]:
        return self.evidence.get(name, ())


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    form: Form
    method: str
    similarity: float


@dataclass(frozen=True)
class _Guard:
    context: frozenset[str]
    context_window: int
    max_context_words: int
    exclude: tuple[tuple[str, ...], ...]
    case_sensitive: bool
    exact: bool


# Words that, shortly before a mention, mean the candidate does NOT have the skill.
_NEGATION_WORDS = frozenset(
    {
        "never",
        "unfamiliar",
        "lack",
        "lacking",
        "lacks",
        "nor",
        "neither",
        "not",
        "dont",
        "didnt",
        "havent",
        "hasnt",
        "cannot",
        "cant",
        "isnt",
        "wasnt",
        "doesnt",
        "arent",
    }
)
_NO_OBJECTS = frozenset(
    {
        "experience",
        "exposure",
        "knowledge",
        "background",
        "familiarity",
        "expertise",
        "skills",
        "skill",
        "prior",
        "professional",
        "hands",
        "practical",
        "formal",
        "real",
        "direct",
        "production",
        "commercial",
        "working",
        "previous",
        "idea",
    }
)
_DESIRE_WORDS = frozenset(
    {
        "want",
        "wants",
        "wanted",
        "like",
        "hope",
        "hoping",
        "plan",
        "planning",
        "plans",
        "eager",
        "keen",
        "interested",
        "aspire",
        "aspiring",
        "intend",
        "intending",
        "wish",
        "aim",
        "aiming",
        "goal",
        "goals",
        "someday",
        "eventually",
    }
)
_LEARN_WORDS = frozenset({"learn", "learning", "study", "studying", "explore", "try"})
# Aspirations: "I want to become a team lead", "hoping to move into people management",
# "looking to grow into a tech lead role", "aspiring ML engineer".
_ASPIRATION_WORDS = frozenset(
    {
        "want",
        "wants",
        "wanting",
        "hope",
        "hoping",
        "looking",
        "seeking",
        "eager",
        "keen",
        "aspire",
        "aspiring",
        "aspires",
        "aim",
        "aiming",
        "wish",
        "wishing",
        "would",
        "plan",
        "planning",
        "dream",
        "goal",
        "goals",
        "ambition",
        "interested",
    }
)
_BECOMING_WORDS = frozenset(
    {
        "become",
        "becoming",
        "grow",
        "growing",
        "move",
        "moving",
        "transition",
        "transitioning",
        "step",
        "stepping",
        "break",
        "progress",
        "advance",
        "into",
        "towards",
        "toward",
    }
)
_CONTRAST_WORDS = frozenset(
    {
        "but",
        "however",
        "although",
        "though",
        "whereas",
        "while",
        "except",
        "instead",
        "yet",
        "still",
    }
)
_CLAUSE_BREAK_CHARS = frozenset(".;!?•·▪●◦‣∙|*")
_NEGATION_REACH = 10
_NEWLINE_RE = re.compile("\n")
_VERSIONED_RE = re.compile(r"^([a-z][a-z+#]{2,}?)v?\d+(?:\.\d+)*$")
#: Words that may sit between the words of a practice phrase ("led a 12-person team").
PHRASE_GAP = 4
_LEADING_BULLET_RE = re.compile(r"^(?:[-*+•·▪●◦‣➢➤►▶✓✔○■□]|\d{1,2}[.)])\s+")


class SkillIndex:
    """Every form of every skill in a rubric, ready to match text against.

    >>> from skillgap.rubric import load_rubric
    >>> index = SkillIndex(load_rubric())
    >>> [e.skill for e in index.match_text("Built models with sklearn and k8s")]
    ['scikit-learn', 'Kubernetes']
    """

    def __init__(self, rubric: Rubric) -> None:
        self.skills: dict[str, Skill] = {}
        self._guards: dict[str, _Guard] = {}
        self._exact: dict[str, list[Form]] = {}
        self._compact: dict[str, list[Form]] = {}
        self._stemmed: dict[str, list[Form]] = {}
        self._fuzzy_by_first: dict[str, list[Form]] = {}
        self._fuzzy_cache: dict[str, tuple[Form, float] | None] = {}
        self._stem_cache = _Memo(stem)
        self._starts = _Memo(self._starts_form)
        self._fuzzy_keys = _Memo(self._fuzzy_key)
        self._declared = _Memo(self._declared_matches)
        for _area, requirement in rubric.iter_requirements():
            for skill in requirement.skills:
                self.skills.setdefault(skill.name, skill)
        for skill in self.skills.values():
            self._add_skill(skill)
        self._exact_prefixes = _prefixes(self._exact, by_word=True)
        self._compact_prefixes = _prefixes(self._compact, by_word=False)
        self._stem_phrases: dict[str, list[tuple[tuple[str, ...], Form]]] = {}
        for key, stem_forms in sorted(self._stemmed.items()):
            words = tuple(key.split(" "))
            for form in stem_forms:
                self._stem_phrases.setdefault(words[0], []).append((words, form))
        self._stem_seconds = {
            first: frozenset(p[1] for p, _ in entries if len(p) > 1)
            for first, entries in self._stem_phrases.items()
        }
        forms = [f for forms in self._exact.values() for f in forms]
        self._max_words = max((len(f.norms) for f in forms), default=1)
        self._max_compact = max((len(f.compact) for f in forms), default=1)

    # ------------------------------------------------------------------ building
    def _add_skill(self, skill: Skill) -> None:
        ambiguous = {" ".join(word_norms(a)) for a in skill.ambiguous}
        context = frozenset(" ".join(word_norms(c)) for c in skill.context)
        self._guards[skill.name] = _Guard(
            context=context - {""},
            context_window=skill.context_window,
            max_context_words=max((len(c.split()) for c in context), default=1),
            exclude=tuple(n for n in (word_norms(e) for e in skill.exclude) if n),
            case_sensitive=skill.case_sensitive,
            exact=skill.exact,
        )
        for text in skill.forms():
            prepared = prepare_text(text)
            tokens = tokenize(prepared)
            if not tokens.norms:
                continue
            form = Form(
                skill=skill.name,
                text=text,
                norms=tokens.norms,
                words=tokens.words,
                is_name=text == skill.name,
                ambiguous=" ".join(tokens.norms) in ambiguous,
                inflect=skill.inflect,
            )
            _append_unique(self._exact, form.key, form)
            if all(len(n) >= 2 for n in form.norms):
                _append_unique(self._compact, form.compact, form)
            if skill.inflect:
                stems = " ".join(stem(n) for n in form.norms if n not in STOPWORDS)
                if stems:
                    _append_unique(self._stemmed, stems, form)
            if (
                not skill.exact
                and not form.ambiguous
                and not skill.inflect
                and len(form.compact) >= MIN_FUZZY_LENGTH
            ):
                _append_unique(self._fuzzy_by_first, form.compact[0], form)

    # ------------------------------------------------------------------ matching
    def match_text(
        self, text: str, *, source: str = "text", first_line: int | None = 1
    ) -> list[Evidence]:
        """Evidence found in a piece of running text (rejected mentions dropped)."""
        evidence, _ = self.match_segment(TextSegment(source, text, first_line))
        return evidence

    def match_segment(
        self, segment: TextSegment, *, contexts: bool = True
    ) -> tuple[list[Evidence], list[Rejection]]:
        """Evidence and rejected mentions in one segment of running text.

        With ``contexts=False`` the line quoted around each match is left empty (what
        was matched, where, and how are the same); callers that only score use it.
        """
        tokens = tokenize(prepare_text(segment.text), first_line=segment.line or 1)
        return self._match_tokens(
            tokens, source=segment.source, has_lines=segment.line is not None, contexts=contexts
        )

    def match_declared(self, declared: DeclaredSkill) -> list[Evidence]:
        """Evidence from one declared skill ("Python", "Machine Learning & Deep Learning").

        A declared item that is exactly a form of a skill counts even for ambiguous
        forms (a skills list entry "R" is R); anything longer is matched like text.
        """
        context = " ".join(declared.name.split())
        return [
            Evidence(
                skill=skill,
                text=text if text is not None else context,
                context=context,
                source=declared.source,
                line=declared.line,
                method="declared",
                similarity=similarity,
                form=form,
                level=declared.level,
                years=declared.years,
            )
            for skill, text, similarity, form in self._declared[declared.name]
        ]

    def _declared_matches(self, name: str) -> tuple[tuple[str, str | None, float, str], ...]:
        """(skill, words matched or None for the whole item, similarity, form) for one
        declared item: the same for every profile that lists it, so worked out once."""
        tokens = tokenize(prepare_text(name))
        if not tokens.norms:
            return ()
        key = " ".join(tokens.norms)
        compact = "".join(tokens.norms)
        forms = self._exact.get(key) or self._compact.get(compact) or []
        hits: list[tuple[Form, float]] = [(f, 1.0) for f in forms]
        if not hits and len(tokens.norms) <= 4:
            found = self._fuzzy(compact)
            if found is not None:
                hits = [found]
        if hits:
            seen: set[str] = set()
            result = []
            for form, similarity in hits:
                if form.skill not in seen:
                    seen.add(form.skill)
                    result.append((form.skill, None, similarity, form.text))
            return tuple(result)
        evidence, _ = self._match_tokens(tokens, source="declared", has_lines=False, contexts=False)
        return tuple((e.skill, e.text, e.similarity, e.form) for e in evidence)

    def match_profile(self, profile: Profile, *, contexts: bool = True) -> ProfileMatches:
        """Every piece of evidence in a profile: declared skills first, then running text.

        ``contexts=False``: see :meth:`match_segment`.
        """
        evidence: dict[str, list[Evidence]] = {}
        rejected: dict[str, list[Rejection]] = {}
        for declared in profile.declared_skills:
            for item in self.match_declared(declared):
                evidence.setdefault(item.skill, []).append(item)
        for segment in profile.segments:
            found, refused = self.match_segment(segment, contexts=contexts)
            for item in found:
                evidence.setdefault(item.skill, []).append(item)
            for rejection in refused:
                rejected.setdefault(rejection.skill, []).append(rejection)
        return ProfileMatches(
            evidence={k: tuple(_dedupe_evidence(v)) for k, v in evidence.items()},
            rejected={k: tuple(v) for k, v in rejected.items()},
        )

    # ------------------------------------------------------------------ internals
    def _match_tokens(
        self, tokens: Tokens, *, source: str, has_lines: bool, contexts: bool = True
    ) -> tuple[list[Evidence], list[Rejection]]:
        hits = self._find_hits(tokens)
        if not hits:
            return [], []
        newlines = [m.start() for m in _NEWLINE_RE.finditer(tokens.text)]
        cues = _cue_counts(tokens.norms)
        present = frozenset(tokens.norms)
        evidence: list[Evidence] = []
        rejections: list[Rejection] = []
        accepted: list[_Hit] = []
        for hit in hits:
            reason = self._rejection_reason(tokens, hit, cues, present)
            if reason is None:
                accepted.append(hit)
            elif reason not in ("", "overlap"):
                rejections.append(
                    Rejection(
                        skill=hit.form.skill,
                        text=_span_text(tokens, hit.start, hit.end),
                        context=_snippet(tokens, hit.start, hit.end, newlines) if contexts else "",
                        source=source,
                        line=tokens.lines[hit.start] if has_lines else None,
                        reason=reason,
                    )
                )
        for hit in _resolve_overlaps(accepted):
            evidence.append(
                Evidence(
                    skill=hit.form.skill,
                    text=_span_text(tokens, hit.start, hit.end),
                    context=_snippet(tokens, hit.start, hit.end, newlines) if contexts else "",
                    source=source,
                    line=tokens.lines[hit.start] if has_lines else None,
                    method=hit.method,
                    similarity=round(hit.similarity, 4),
                    form=hit.form.text,
                )
            )
        return evidence, rejections

    def _find_hits(self, tokens: Tokens) -> list[_Hit]:
        norms = tokens.norms
        breaks = tokens.breaks
        count = len(norms)
        exact = self._exact
        compact_forms = self._compact
        exact_prefixes = self._exact_prefixes
        compact_prefixes = self._compact_prefixes
        max_words = self._max_words
        hits: list[_Hit] = []
        # Hot loop: most words start no form at all (that is worked out once per word and
        # remembered), and the n-gram extension only runs while the words so far are a
        # prefix of some form.
        starts = self._starts
        for i in [i for i, word in enumerate(norms) if starts[word]]:
            key = norms[i]
            compact = key
            compact_ok = len(key) >= 2
            j = i
            stop = min(count, i + max_words + 2)
            while True:
                found = exact.get(key)
                if found is None and compact_ok:
                    found = compact_forms.get(compact)
                if found is None and j == i and key[-1:].isdigit():
                    versioned = _VERSIONED_RE.match(key)  # python3, tensorflow2, java8
                    if versioned is not None:
                        found = exact.get(versioned.group(1))
                if found is not None:
                    for form in found:
                        hits.append(_Hit(i, j + 1, form, "exact" if form.is_name else "alias", 1.0))
                if key not in exact_prefixes and not (compact_ok and compact in compact_prefixes):
                    break
                j += 1
                if j >= stop or breaks[j]:
                    break
                word = norms[j]
                key = f"{key} {word}"
                compact += word
                compact_ok = compact_ok and len(word) >= 2
        if self._stemmed:
            hits.extend(self._find_stem_hits(tokens))
        if self._fuzzy_by_first:
            hits.extend(self._find_fuzzy_hits(tokens, hits))
        return hits

    def _find_stem_hits(self, tokens: Tokens) -> list[_Hit]:
        """Phrases of ``inflect`` skills: word forms folded, stopwords skipped, and up to
        :data:`PHRASE_GAP` other words allowed between the phrase's words (never across
        punctuation): "Hired and onboarded 12 engineers" is "hire engineers"."""
        norms = tokens.norms
        breaks = tokens.breaks
        phrases = self._stem_phrases
        stem_of = self._stem_cache
        kept = [i for i, n in enumerate(norms) if n not in STOPWORDS]
        stems = [stem_of[norms[i]] for i in kept]
        count = len(stems)
        windows: dict[int, dict[str, int]] = {}

        def window(position: int) -> dict[str, int]:
            """The words that may continue a phrase at ``position``: the next
            PHRASE_GAP + 1 kept words up to punctuation (between two kept words, or in
            the stopwords skipped between them), each at its first position."""
            found = windows.get(position)
            if found is None:
                found = {}
                for candidate in range(position + 1, min(count, position + PHRASE_GAP + 2)):
                    previous, current = kept[candidate - 1], kept[candidate]
                    if breaks[current] or (
                        current > previous + 1
                        and any(breaks[k] for k in range(previous + 1, current))
                    ):
                        break
                    found.setdefault(stems[candidate], candidate)
                windows[position] = found
            return found

        seconds = self._stem_seconds
        hits: list[_Hit] = []
        for a, first in enumerate(stems):
            entries = phrases.get(first)
            if not entries:
                continue
            # Most phrase openers ("data", "lead") are followed by none of their phrases'
            # second words at all; only then is the window (punctuation and all) needed.
            if seconds[first].isdisjoint(stems[a + 1 : a + PHRASE_GAP + 2]):
                following: dict[str, int] = {}
            else:
                following = window(a)
            for phrase, form in entries:
                position = following.get(phrase[1], -1) if len(phrase) > 1 else a
                for word in phrase[2:]:
                    if position < 0:
                        break
                    position = window(position).get(word, -1)
                if position >= 0:
                    hits.append(
                        _Hit(
                            kept[a],
                            kept[position] + 1,
                            form,
                            "exact" if form.is_name else "alias",
                            1.0,
                        )
                    )
        return hits

    def _find_fuzzy_hits(self, tokens: Tokens, exact_hits: Sequence[_Hit]) -> list[_Hit]:
        covered: set[int] = set()
        for hit in exact_hits:
            covered.update(range(hit.start, hit.end))
        norms = tokens.norms
        breaks = tokens.breaks
        count = len(norms)
        lookup = self._fuzzy_keys
        hits: list[_Hit] = []
        # Hot loop: one to three words joined, each looked up once per index.
        for i, word in enumerate(norms):
            if i in covered:
                continue
            key = word
            end = i + 1
            while True:
                found = lookup[key]
                if found is not None:
                    hits.append(_Hit(i, end, found[0], "fuzzy", found[1]))
                if end >= count or end >= i + _FUZZY_MAX_WORDS or breaks[end] or end in covered:
                    break
                key += norms[end]
                end += 1
        return hits

    def _starts_form(self, word: str) -> bool:
        """Can a form (or a versioned name such as python3) start with this word?"""
        if word in self._exact or word in self._exact_prefixes:
            return True
        if len(word) >= 2 and (word in self._compact or word in self._compact_prefixes):
            return True
        if word[-1:].isdigit():
            versioned = _VERSIONED_RE.match(word)
            return versioned is not None and versioned.group(1) in self._exact
        return False

    def _fuzzy_key(self, key: str) -> tuple[Form, float] | None:
        """The fuzzy match of words joined in running text, if they may match fuzzily at
        all: long enough, plain ASCII, and not already a name or alias."""
        if (
            len(key) < MIN_FUZZY_LENGTH - 1
            or not key.isascii()
            or key in self._exact
            or key in self._compact
        ):
            return None
        return self._fuzzy(key)

    def _fuzzy(self, key: str) -> tuple[Form, float] | None:
        cache = self._fuzzy_cache
        if key in cache:
            return cache[key]
        best: tuple[Form, float] | None = None
        if len(key) >= MIN_FUZZY_LENGTH - 1 and any(ch.isalpha() for ch in key):
            for form in self._fuzzy_by_first.get(key[0], ()):
                target = form.compact
                allowed = fuzzy_allowance(len(target))
                if len(form.norms) > 1:
                    allowed = min(allowed, 1)  # edits in one word of a phrase make another
                if allowed == 0 or abs(len(target) - len(key)) > allowed:
                    continue
                distance = OSA.distance(key, target, score_cutoff=allowed)
                if distance == 0 or distance > allowed:
                    continue
                if distance == 1 and len(key) == len(target) and key[-1] != target[-1]:
                    continue  # one changed last letter is a different word: docket, docker
                similarity = 1.0 - distance / max(len(key), len(target))
                if best is None or (similarity, best[0].skill) > (best[1], form.skill):
                    best = (form, similarity)
        if len(cache) >= _FUZZY_CACHE_LIMIT:
            cache.clear()
        cache[key] = best
        return best

    def _rejection_reason(
        self,
        tokens: Tokens,
        hit: _Hit,
        cues: Sequence[int] | None = None,
        present: frozenset[str] | None = None,
    ) -> str | None:
        """None if the hit counts; otherwise why not ("" for silent rejections).

        ``cues`` (from :func:`_cue_counts`) lets the negation test be skipped when no
        word that could negate the mention is near it, which is nearly always;
        ``present`` (the text's words) lets exclusion phrases not in the text be skipped.
        """
        form = hit.form
        guard = self._guards[form.skill]
        count = len(tokens)
        if form.short or form.ambiguous:
            if tokens.seps[hit.start] == "-" or (hit.end < count and tokens.seps[hit.end] == "-"):
                return "joined to another word"
        if len(form.compact) == 1:
            reason = _single_letter_reason(tokens, hit.start)
            if reason:
                return reason
        for phrase in guard.exclude:
            if (present is None or present.issuperset(phrase)) and _covered_by_phrase(
                tokens.norms, hit.start, hit.end, phrase
            ):
                return f"part of the excluded phrase '{' '.join(phrase)}'"
        if form.ambiguous:
            if guard.case_sensitive and not _case_matches(tokens, hit, form):
                return ""
            if guard.context and not _has_context(tokens, hit, guard):
                return "ambiguous without context"
        if cues is not None:
            start, end = hit.start, hit.end
            if (
                cues[start] == cues[max(0, start - _CUE_REACH_BEFORE)]
                and cues[min(count, end + _CUE_REACH_AFTER)] == cues[end]
            ):
                return None
        if _negated(tokens, hit.start, hit.end):
            return "negated"
        return None


# ---------------------------------------------------------------------- helpers


class _Memo(dict[str, _T]):
    """A function of one word, worked out once per word and then looked up at dict speed.

    Bounded: once it holds :data:`_MEMO_LIMIT` words it stops adding. Words are Zipf-
    distributed, so the common ones are in long before then, and the rare ones after
    it (names, numbers, e-mail handles) are simply worked out again: memory stays flat
    however many resumes a batch reads, with no refill after a purge.
    """

    def __init__(self, function: Callable[[str], _T]) -> None:
        super().__init__()
        self._function = function

    def __missing__(self, key: str) -> _T:
        value = self._function(key)
        if len(self) < _MEMO_LIMIT:
            self[key] = value
        return value


def _append_unique(table: dict[str, list[Form]], key: str, form: Form) -> None:
    bucket = table.setdefault(key, [])
    if all(existing.skill != form.skill for existing in bucket):
        bucket.append(form)


def _prefixes(table: dict[str, list[Form]], *, by_word: bool) -> frozenset[str]:
    prefixes: set[str] = set()
    for key in table:
        if by_word:
            words = key.split(" ")
            prefixes.update(" ".join(words[:n]) for n in range(1, len(words)))
        else:
            prefixes.update(key[:n] for n in range(1, len(key)))
    return frozenset(prefixes)


def _span_text(tokens: Tokens, start: int, end: int) -> str:
    return " ".join(tokens.text[tokens.starts[start] : tokens.ends[end - 1]].split())


def _snippet(
    tokens: Tokens, start: int, end: int, newlines: Sequence[int], *, reach: int = 70
) -> str:
    """The line around a match, shortened around it when the line is long.

    ``newlines`` holds the offsets of the text's line breaks, so finding the line is a
    binary search, not a scan (a resume may be one line of a million characters).
    """
    text = tokens.text
    before = bisect.bisect_left(newlines, tokens.starts[start])
    line_start = newlines[before - 1] + 1 if before else 0
    after = bisect.bisect_left(newlines, tokens.ends[end - 1])
    line_end = newlines[after] if after < len(newlines) else len(text)
    left = max(line_start, tokens.starts[start] - reach)
    right = min(line_end, tokens.ends[end - 1] + reach)
    snippet = _LEADING_BULLET_RE.sub("", " ".join(text[left:right].split()))
    if left > line_start:
        snippet = "…" + snippet
    if right < line_end:
        snippet += "…"
    return snippet


def _covered_by_phrase(norms: Sequence[str], start: int, end: int, phrase: tuple[str, ...]) -> bool:
    """Does an occurrence of ``phrase`` contain the first or last word of the match?"""
    size = len(phrase)
    for anchor in {start, end - 1}:
        for offset in range(max(0, anchor - size + 1), anchor + 1):
            if offset + size <= len(norms) and tuple(norms[offset : offset + size]) == phrase:
                return True
    return False


def _case_matches(tokens: Tokens, hit: _Hit, form: Form) -> bool:
    written = tokens.words[hit.start : hit.end]
    if len(written) != len(form.words):
        return True  # matched across spacing variants: case can't be compared word by word
    return all(
        w == f or (w.isupper() and w.upper() == f.upper())
        for w, f in zip(written, form.words, strict=True)
    )


def _has_context(tokens: Tokens, hit: _Hit, guard: _Guard) -> bool:
    norms = tokens.norms
    low = max(0, hit.start - guard.context_window)
    high = min(len(norms), hit.end + guard.context_window)
    own = set(range(hit.start, hit.end))
    for i in range(low, high):
        if i in own:
            continue
        key = norms[i]
        if key in guard.context:
            return True
        for j in range(i + 1, min(high, i + guard.max_context_words)):
            key = f"{key} {norms[j]}"
            if key in guard.context:
                return True
    return False


def _single_letter_reason(tokens: Tokens, index: int) -> str:
    """Why a one-letter word (R, C) is not a skill here, or "" if it may be one."""
    words, seps, count = tokens.words, tokens.seps, len(tokens)
    for neighbour, sep in (
        (index - 1, seps[index]),
        (index + 1, seps[index + 1] if index + 1 < count else ""),
    ):
        if 0 <= neighbour < count and sep in ("&", "/") and len(words[neighbour]) == 1:
            return "part of an abbreviation such as R&D"
    if (
        index + 1 < count
        and seps[index + 1] == "."
        and tokens.lines[index + 1] == tokens.lines[index]
        and words[index + 1][:1].isupper()
    ):
        at_line_start = index == 0 or tokens.lines[index - 1] != tokens.lines[index]
        after_name = (
            index > 0
            and seps[index] == ""
            and words[index - 1][:1].isupper()
            and words[index - 1].isalpha()
        )
        # "J. Doe, R. Smith": the previous list item is itself an initial and a name.
        in_citation = (
            index >= 2
            and seps[index] == ","
            and seps[index - 1] == "."
            and len(words[index - 2]) == 1
            and words[index - 2].isupper()
        )
        if at_line_start or after_name or in_citation:
            return "an initial, not a skill"
    return ""


@lru_cache(maxsize=4096)
def _is_clause_break(sep: str) -> bool:
    return sep == "\n\n" or any(ch in _CLAUSE_BREAK_CHARS for ch in sep)


def _negated(tokens: Tokens, start: int, end: int) -> bool:
    """Is the mention at [start, end) inside a negated or aspirational phrase?

    Looks back to the start of the clause (a full stop, semicolon, bullet or a contrast
    word such as "but" ends it) for a cue, each with its own reach: "never"/"not" up to
    six words back, "without" two, "no experience with" ten (it covers lists), and
    "want to learn" eight. Then looks just past the mention for "(not yet)" or "never".
    """
    norms = tokens.norms
    seps = tokens.seps
    i = start
    while i > 0 and start - i < _NEGATION_REACH:
        if seps[i] and _is_clause_break(seps[i]):  # "" (a space) never breaks
            break
        i -= 1
        distance = start - i
        word = norms[i]
        if word == "yet" and i + 1 < len(norms) and norms[i + 1] == "to" and distance <= 5:
            return True  # "have yet to use Databricks"
        if word in _CONTRAST_WORDS and not (i > 0 and norms[i - 1] == "not"):
            break
        if i + 1 < start and "," in seps[i + 1]:
            continue  # a cue that ends its clause ("Eager to learn, I led ...") has no object
        if word == "without":
            if distance <= 2:
                return True
        elif word in _NEGATION_WORDS:
            if word == "not" and i + 1 < len(norms) and norms[i + 1] in ("only", "just"):
                continue
            if distance <= 6:
                return True
        elif word in ("no", "zero", "little", "limited", "minimal"):
            window = norms[i + 1 : min(start, i + 4)]
            if distance == 1 or any(w in _NO_OBJECTS for w in window):
                return True
        elif word in _LEARN_WORDS and distance <= 8:
            if any(w in _DESIRE_WORDS for w in norms[max(0, i - 4) : i]):
                return True
    if _aspirational(tokens, start):
        return True
    for j in range(end, min(len(norms), end + 3)):
        if seps[j] and _is_clause_break(seps[j]):
            break
        if norms[j] in ("never", "none") or (
            norms[j] == "not" and j + 1 < len(norms) and norms[j + 1] == "yet"
        ):
            return True
    return False


def _aspirational(tokens: Tokens, start: int) -> bool:
    """An aspiration earlier in the same clause (commas end it): "aspiring tech lead",
    "I want to become a team lead", "looking to grow into people management"."""
    norms, seps = tokens.norms, tokens.seps
    becoming = False
    i = start
    while i > 0 and start - i < 12:
        if _is_clause_break(seps[i]) or "," in seps[i]:
            return False
        i -= 1
        word = norms[i]
        if word in _CONTRAST_WORDS:
            return False
        if word in _BECOMING_WORDS:
            becoming = True
        elif word in ("aspiring", "aspire", "aspires", "wannabe", "future", "prospective"):
            return start - i <= 3 or becoming
        elif word in _ASPIRATION_WORDS and becoming:
            return True
    return False


#: Every word that can make :func:`_negated` true, and how far from the mention it can
#: be: ten words back for negation, twelve for an aspiration, three after the mention.
_CUE_WORDS = (
    _NEGATION_WORDS
    | _LEARN_WORDS
    | _ASPIRATION_WORDS
    | {
        "without",
        "no",
        "zero",
        "little",
        "limited",
        "minimal",
        "yet",
        "never",
        "none",
        "not",
        "aspiring",
        "aspire",
        "aspires",
        "wannabe",
        "future",
        "prospective",
    }
)
_CUE_REACH_BEFORE = max(_NEGATION_REACH, 12)
_CUE_REACH_AFTER = 3


def _cue_counts(norms: Sequence[str]) -> list[int]:
    """``counts[i]``: how many of the first ``i`` words are negation or aspiration cues."""
    counts = [0]
    total = 0
    cue_words = _CUE_WORDS
    for word in norms:
        if word in cue_words:
            total += 1
        counts.append(total)
    return counts


_METHOD_RANK = {method: rank for rank, method in enumerate(METHODS)}


def _resolve_overlaps(hits: Iterable[_Hit]) -> list[_Hit]:
    """Keep the best hit per skill and position; drop fuzzy hits on words already matched."""
    ordered = sorted(
        hits,
        key=lambda h: (
            h.start,
            -(h.end - h.start),
            _METHOD_RANK[h.method],
            -h.similarity,
            h.form.skill,
        ),
    )
    kept: list[_Hit] = []
    exact_positions: set[int] = set()
    for hit in ordered:
        if hit.method != "fuzzy":
            exact_positions.update(range(hit.start, hit.end))
    # Hits come in order of their start, so a hit overlaps an earlier kept hit of the
    # same skill exactly when it starts before the furthest end kept for that skill.
    kept_until: dict[str, int] = {}
    for hit in ordered:
        if hit.method == "fuzzy" and exact_positions.intersection(range(hit.start, hit.end)):
            continue
        if hit.start < kept_until.get(hit.form.skill, -1):
            continue
        kept.append(hit)
        kept_until[hit.form.skill] = max(kept_until.get(hit.form.skill, -1), hit.end)
    return kept


def _dedupe_evidence(items: list[Evidence]) -> list[Evidence]:
    """One piece of evidence per skill, source and line (the most trustworthy)."""
    best: dict[tuple[str, int | None, str], Evidence] = {}
    order: list[tuple[str, int | None, str]] = []
    for item in items:
        key = (item.source, item.line, item.text if item.line is None else "")
        current = best.get(key)
        if current is None:
            order.append(key)
            best[key] = item
        elif (_METHOD_RANK[item.method], -item.similarity) < (
            _METHOD_RANK[current.method],
            -current.similarity,
        ):
            best[key] = item
    return [best[key] for key in order]


__all__ = ["Evidence", "Form", "ProfileMatches", "Rejection", "SkillIndex", "fuzzy_allowance"]

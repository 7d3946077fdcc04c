"""The matcher's shortcuts give exactly what the plain versions give.

Three shortcuts of :class:`~skillgap.matching.index.SkillIndex` skip work that almost
never finds anything; each is checked here against the plain version it skips:

* the negation pre-check (:func:`~skillgap.matching.negation.may_be_negated`, from the
  cue-word counts) must be true wherever :func:`~skillgap.matching.negation.negated` is,
  so :data:`~skillgap.matching.negation.CUE_WORDS` stays in step with the cues
  ``negated`` reads;
* the ``present`` skip (an exclusion phrase whose words are not all in the text is not
  looked for) and the pre-check together must reject exactly the mentions the plain
  rejection test rejects, for the same reasons;
* the stem-phrase opener skip (an opener followed by none of its phrases' second words
  needs no window) must find exactly the phrases a plain scan finds.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillgap.matching.forms import ACHIEVEMENT_GAP
from skillgap.matching.index import SkillIndex
from skillgap.matching.negation import (
    CUE_REACH_AFTER,
    CUE_REACH_BEFORE,
    CUE_WORDS,
    cue_counts,
    may_be_negated,
    negated,
)
from skillgap.matching.phrases import (
    achievement_may_start,
    ends_clause,
    gain_marker,
    passive_action,
)
from skillgap.rubric.parse import load_rubric
from skillgap.text import STOPWORDS, Tokens, prepare_text, stem, tokenize, word_norms

ROOT = Path(__file__).resolve().parents[3]
RUBRIC = load_rubric()
INDEX = SkillIndex(RUBRIC)
EXAMPLES = int(os.environ.get("SKILLGAP_HYPOTHESIS_EXAMPLES", "60"))
MANY = settings(
    max_examples=EXAMPLES * 3,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)

# --------------------------------------------------------------------------- texts

#: Words that make negation and intent: every cue, the words that end a clause or that
#: cues need beside them, and a few plain ones.
_INTENT_WORDS = sorted(
    CUE_WORDS
    | {
        "but",
        "however",
        "while",
        "yet",
        "to",
        "with",
        "in",
        "experience",
        "knowledge",
        "into",
        "become",
        "grow",
        "move",
        "only",
        "just",
        "a",
        "the",
        "built",
        "used",
        "team",
        "models",
        "production",
        "i",
        "we",
        "have",
        "want",
        "learn",
        "eager",
    }
)
#: Every word of every written form of the rubric, with inflected variants, and every
#: word of the exclusion phrases and context words.
_SKILL_WORDS = sorted(
    {
        word
        for skill in INDEX.skills.values()
        for text in (*skill.forms(), *skill.exclude, *skill.context)
        for norm in word_norms(text)
        for word in (norm, norm + "s", norm + "ed", norm + "ing")
        if norm
    }
)
#: Whole written forms, exclusion phrases and context words, as a rubric writes them.
_SKILL_PHRASES = sorted(
    {text for skill in INDEX.skills.values() for text in (*skill.forms(), *skill.exclude)}
    | {text for skill in INDEX.skills.values() for text in skill.context}
)
_SEPARATORS = st.sampled_from([" ", " ", " ", ", ", ". ", "; ", "\n", "\n\n", " - ", "/", " • "])


def _texts(words: list[str], *, max_words: int = 24) -> st.SearchStrategy[str]:
    pieces = st.lists(st.tuples(st.sampled_from(words), _SEPARATORS), max_size=max_words)
    return pieces.map(lambda items: "".join(word + sep for word, sep in items))


INTENT_TEXTS = _texts(_INTENT_WORDS + _SKILL_WORDS[:200])
SKILL_TEXTS = _texts(_SKILL_WORDS + _INTENT_WORDS)
MENTION_TEXTS = _texts(_SKILL_PHRASES + _INTENT_WORDS + _INTENT_WORDS)


def _example_texts() -> list[str]:
    texts = []
    for path in sorted((ROOT / "examples").iterdir()):
        if path.suffix in (".txt", ".md"):
            texts.append(path.read_text("utf-8"))
    return texts


def _tokens(text: str) -> Tokens:
    return tokenize(prepare_text(text))


# --------------------------------------------------------------------------- negation


def test_cue_words_include_every_word_negation_reads() -> None:
    """A spot check that the cue list has the cues of each kind of negation."""
    for word in ("never", "not", "without", "no", "learn", "want", "aspiring", "yet", "none"):
        assert word in CUE_WORDS


@MANY
@given(INTENT_TEXTS)
def test_the_pre_check_is_true_wherever_a_mention_is_negated(text: str) -> None:
    tokens = _tokens(text)
    cues = cue_counts(tokens.norms)
    for start in range(len(tokens)):
        for end in range(start + 1, min(len(tokens), start + 3) + 1):
            if negated(tokens, start, end):
                assert may_be_negated(cues, start, end), (text, start, end)


def test_the_pre_check_reach_covers_how_far_negation_looks() -> None:
    """A cue just inside the reach counts; the words around are plain."""
    words = ["alpha"] * CUE_REACH_BEFORE + ["Spark"] + ["beta"] * (CUE_REACH_AFTER + 2)
    tokens = _tokens(" ".join(words))
    start = CUE_REACH_BEFORE
    assert not may_be_negated(cue_counts(tokens.norms), start, start + 1)
    for cue_at in (0, start + CUE_REACH_AFTER):
        changed = list(words)
        changed[cue_at] = "never"
        cues = cue_counts(_tokens(" ".join(changed)).norms)
        assert may_be_negated(cues, start, start + 1)


# --------------------------------------------------------------------------- rejection


def _rejections_both_ways(text: str) -> tuple[list[str | None], list[str | None]]:
    tokens = _tokens(text)
    hits = INDEX._find_hits(tokens)
    cues = cue_counts(tokens.norms)
    present = frozenset(tokens.norms)
    fast = [INDEX._rejection_reason(tokens, hit, cues, present) for hit in hits]
    plain = [INDEX._rejection_reason(tokens, hit) for hit in hits]
    return fast, plain


@MANY
@given(MENTION_TEXTS)
def test_skipping_absent_exclusions_and_uncued_negation_rejects_the_same(text: str) -> None:
    fast, plain = _rejections_both_ways(text)
    assert fast == plain


def test_skipping_rejects_the_same_on_every_example_resume() -> None:
    for text in _example_texts():
        fast, plain = _rejections_both_ways(text)
        assert fast == plain
        assert len(fast) > 20  # the examples do mention skills, so this checks something


# --------------------------------------------------------------------------- stem phrases


def reference_stem_hits(index: SkillIndex, tokens: Tokens) -> list[tuple[int, int, str, str]]:
    """Phrases of ``inflect`` skills and achievements found the plain way: every opener,
    every window worked out again each time it is needed, each phrase's own gaps."""
    kept = [i for i, norm in enumerate(tokens.norms) if norm not in STOPWORDS]
    stems = [stem("increase") if gain_marker(tokens, i) else stem(tokens.norms[i]) for i in kept]

    def window(position: int, clause: bool) -> dict[str, int]:
        found: dict[str, int] = {}
        for candidate in range(position + 1, min(len(stems), position + ACHIEVEMENT_GAP + 2)):
            previous, current = kept[candidate - 1], kept[candidate]
            gap = range(previous + 1, current + 1)
            if any(ends_clause(tokens.seps[k]) if clause else tokens.breaks[k] for k in gap):
                break
            found.setdefault(stems[candidate], candidate)
        return found

    hits = []
    for start, first in enumerate(stems):
        after_opener = kept[start] + 1
        if first == "lead" and after_opener < len(tokens) and tokens.norms[after_opener] == "to":
            continue  # "led to": a cause
        for phrase, form in index._table.stem_phrases.get(first, ()):
            if form.achievement and not achievement_may_start(tokens, kept[start]):
                continue
            position = start
            for k, word in enumerate(phrase[1:], start=1):
                after = window(position, form.achievement).get(word, -1)
                position = after if 0 < after - position <= form.gap(k) + 1 else -1
                if position < 0:
                    break
            if position >= 0 and (not form.passive or passive_action(tokens, kept[position])):
                hits.append((kept[start], kept[position] + 1, form.skill, form.text))
    return hits


def _stem_hits(tokens: Tokens) -> list[tuple[int, int, str, str]]:
    return [(start, end, form.skill, form.text) for start, end, form in INDEX._phrases.find(tokens)]


@MANY
@given(SKILL_TEXTS)
def test_stem_phrases_are_found_as_the_plain_scan_finds_them(text: str) -> None:
    tokens = _tokens(text)
    assert _stem_hits(tokens) == reference_stem_hits(INDEX, tokens)


def test_stem_phrases_match_the_plain_scan_on_every_example_resume() -> None:
    found = 0
    for text in _example_texts():
        tokens = _tokens(text)
        hits = _stem_hits(tokens)
        assert hits == reference_stem_hits(INDEX, tokens)
        found += len(hits)
    assert found > 5  # leadership phrases are in the examples: this checks something


def test_an_opener_followed_by_its_second_word_past_a_stopword_is_found() -> None:
    """The skip looks at kept words only, so stopwords between do not hide a phrase."""
    tokens = _tokens("Mentored the engineers of three teams")
    assert _stem_hits(tokens) == reference_stem_hits(INDEX, tokens)
    assert _stem_hits(tokens)

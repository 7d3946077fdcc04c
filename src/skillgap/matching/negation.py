"""Negation and intent: mentions of a skill that are not evidence of having it.

"No experience with Spark", "never used TensorFlow", "have yet to use Databricks",
"want to learn Go", "aspiring tech lead", "Kubernetes (not yet)": :func:`negated`
looks back to the start of the clause for a cue, each with its own reach, and just past
the mention for a few more.

Almost no mention has a cue anywhere near it, so the matcher first asks
:func:`may_be_negated`, which only counts cue words (:data:`CUE_WORDS`) within reach,
using running totals worked out once per text (:func:`cue_counts`). A test holds the two
in step: wherever :func:`negated` is true, :func:`may_be_negated` is too.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..text import Tokens

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
#: A tool someone is learning is not a tool they use ("learning Rust next").
_PROGRESSIVE = frozenset({"learning", "studying"})
#: Words that make "learning" a kind of machine learning, not a verb ("deep learning").
_KINDS = frozenset(
    {
        "machine",
        "deep",
        "reinforcement",
        "transfer",
        "federated",
        "supervised",
        "unsupervised",
        "semi",
        "self",
        "online",
        "active",
        "meta",
        "contrastive",
        "representation",
        "statistical",
        "ensemble",
        "shot",
        "task",
        "continual",
        "lifelong",
        "metric",
        "manifold",
        "curriculum",
        "imitation",
        "multi",
        "structured",
        "bayesian",
        "e",
        "distance",
        "collaborative",
        "cooperative",
        "rl",
        "ml",
        "dl",
    }
)
#: Working toward something not yet held: "preparing for the CKA exam".
_PREPARING = frozenset({"preparing", "studying", "revising", "cramming"})


def _self_taught(norms: Sequence[str], i: int) -> bool:
    """Is the "teaching" at ``i`` someone teaching themselves, still learning?"""
    return (
        i + 1 < len(norms) and norms[i + 1] in ("myself", "herself", "himself", "themselves")
    ) or (i > 0 and norms[i - 1] == "self")


#: Starting to use a tool, which after a wish is no evidence of using it yet.
_ADOPT_WORDS = frozenset({"use", "adopt", "master", "pick"})


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


@lru_cache(maxsize=4096)
def _is_clause_break(sep: str) -> bool:
    """Does a separator end a clause: a paragraph, a new list item, or punctuation?"""
    return "\n" in sep or sep == "\n\n" or any(ch in _CLAUSE_BREAK_CHARS for ch in sep)


def negated(tokens: Tokens, start: int, end: int) -> bool:
    """Is the mention at [start, end) inside a negated or aspirational phrase?

    Looks back to the start of the clause (a full stop, semicolon, bullet or a contrast
    word such as "but" ends it) for a cue, each with its own reach: "never"/"not" up to
    six words back, "without" two, "no experience with" ten (it covers lists), and
    "want to learn" eight. Then looks just past the mention for "(not yet)" or "never".
    """
    norms = tokens.norms
    seps = tokens.seps
    if (
        start >= 2
        and norms[start - 1] == "to"
        and (norms[start - 2] in _DESIRE_WORDS or norms[start - 2] in _ASPIRATION_WORDS)
        and not _is_clause_break(seps[start - 1])
        and not _is_clause_break(seps[start])
    ):
        return True  # a wish to do it: "want to lead a team", "hoping to present to the board"
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
        elif word in _PREPARING and distance <= 10 and i + 1 < start and norms[i + 1] == "for":
            return True  # "preparing for the AWS Machine Learning certification"
        elif word in _LEARN_WORDS and distance <= 8:
            if any(w in _DESIRE_WORDS for w in norms[max(0, i - 4) : i]):
                return True
            if distance <= 2 and i > 0 and norms[i - 1] == "to" and word != "try":
                return True  # "working through a course to learn PyTorch"
            if word in _PROGRESSIVE and distance <= 2 and (i == 0 or norms[i - 1] not in _KINDS):
                return True  # "learning PyTorch next", "currently studying Rust"
        elif word == "teaching" and distance <= 3 and _self_taught(norms, i):
            return True  # "teaching myself deep learning", "self-teaching PyTorch"
        elif word in _ADOPT_WORDS and distance <= 3:
            if any(w in _DESIRE_WORDS for w in norms[max(0, i - 4) : i]):
                return True  # "plan to adopt Kubernetes", "hoping to use Rust"
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


#: Every word that can make :func:`negated` true, and how far from the mention it can
#: be: ten words back for negation, twelve for an aspiration, three after the mention.
CUE_WORDS = (
    _NEGATION_WORDS
    | _LEARN_WORDS
    | _ADOPT_WORDS
    | _ASPIRATION_WORDS
    | _DESIRE_WORDS
    | _PREPARING
    | {
        "teaching",
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


CUE_REACH_BEFORE = max(_NEGATION_REACH, 12)


CUE_REACH_AFTER = 3


def cue_counts(norms: Sequence[str]) -> list[int]:
    """``counts[i]``: how many of the first ``i`` words are negation or aspiration cues."""
    counts = [0]
    total = 0
    cue_words = CUE_WORDS
    for word in norms:
        if word in cue_words:
            total += 1
        counts.append(total)
    return counts


def may_be_negated(cues: Sequence[int], start: int, end: int) -> bool:
    """Could :func:`negated` be true for the mention at ``[start, end)``? False when no
    cue word is within reach before or after it (``cues`` from :func:`cue_counts`)."""
    count = len(cues) - 1
    return not (
        cues[start] == cues[max(0, start - CUE_REACH_BEFORE)]
        and cues[min(count, end + CUE_REACH_AFTER)] == cues[end]
    )


__all__ = [
    "CUE_REACH_AFTER",
    "CUE_REACH_BEFORE",
    "CUE_WORDS",
    "cue_counts",
    "may_be_negated",
    "negated",
]

"""Matching: where evidence comes from.

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

The parts: :mod:`.index` (the :class:`SkillIndex` that matches), :mod:`.forms` (the
lookup tables of every written form), :mod:`.fuzzy` (near spellings), :mod:`.phrases`
(practice phrases and achievements), :mod:`.guards`, :mod:`.negation` and
:mod:`.evidence` (what a match produces); :mod:`.shared` reads a profile once for
several indexes (many roles in one pass).
"""

from __future__ import annotations

from .evidence import METHODS, Evidence, Method, ProfileMatches, Rejection
from .forms import MIN_FUZZY_LENGTH, Form, fuzzy_allowance
from .index import PHRASE_GAP, SkillIndex

__all__ = [
    "METHODS",
    "MIN_FUZZY_LENGTH",
    "PHRASE_GAP",
    "Evidence",
    "Form",
    "Method",
    "ProfileMatches",
    "Rejection",
    "SkillIndex",
    "fuzzy_allowance",
]

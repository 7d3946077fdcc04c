"""Hypothesis settings and text strategies shared by the property tests of the parsers."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# CI runs a bounded number of examples; set SKILLGAP_HYPOTHESIS_EXAMPLES=1000 to dig deeper.
HYPOTHESIS_EXAMPLES = int(os.environ.get("SKILLGAP_HYPOTHESIS_EXAMPLES", "40"))
#: Settings for the checks of a fast path against its reference: many examples, repeatable.
MANY = settings(
    max_examples=HYPOTHESIS_EXAMPLES * 5,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)


# Characters that exercise every branch of the tokenizer and the resume parser: words,
# the symbols kept inside words, separators of every kind, line breaks, non-ASCII letters.
_ALPHABET = st.sampled_from(list("abcXYZ019 \n\t-–,./&+;:!?()[]{}'’#@_|•é\u00adΩ"))
TEXTS = st.text(_ALPHABET, max_size=60)

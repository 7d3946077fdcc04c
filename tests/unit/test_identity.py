"""Identity in text (skillgap.identity): the candidate's contact details are recognised and
blanked out of the text that is evidence, so they never count as a skill.

Blanking (a fast path: each line is rewritten only by the patterns it can hold, after
quick pre-checks) is checked against the whole-text version it replaced.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from skillgap import identity
from skillgap.identity import is_phone_number
from skillgap.profiles import load_profile, resume_text
from tests.conftest import ROOT
from tests.helpers.files import write
from tests.helpers.strategies import MANY, TEXTS


def reference_blank_identity(lines: list[str]) -> list[str]:
    """Identity blanking as first written: each pattern over the whole text."""
    name = resume_text._guess_name(lines)
    if name is not None:
        lines = [*lines[: name[1]], "", *lines[name[1] + 1 :]]
    text = "\n".join(lines)
    text = identity.EMAIL_RE.sub(" ", text)
    text = identity.LINK_RE.sub(" ", text)
    text = identity.PHONE_RE.sub(lambda m: " " if is_phone_number(m.group()) else m.group(), text)
    return text.split("\n")


_IDENTITY_PIECES = st.sampled_from(
    [
        "Ada Lovelace",
        "ada@example.com",
        "a.b+c@mail.co.uk",
        "+1 (555) 010-9999",
        "555 0101 9999",
        "https://example.com/x",
        "www.ada.dev",
        "github.com/ada",
        "LinkedIn.com/in/ada",
        "HTTPS://EXAMPLE.ORG",
        "Python",
        "2019 - 2021",
        "| ",
        ", ",
        " ",
        "Skills",
        "Mar 2020",
        "12345678901",
        "call +44 20 7946 0958 now",
    ]
)


# At least one line: the parser's lines come from str.split, which never gives none.
_RESUME_LINES = st.lists(
    st.lists(_IDENTITY_PIECES | TEXTS, max_size=6).map("".join), min_size=1, max_size=8
)


@MANY
@given(lines=_RESUME_LINES)
def test_identity_blanking_matches_the_whole_text_reference(lines: list[str]) -> None:
    lines = [line.replace("\n", " ") for line in lines]
    assert resume_text._without_identity(lines) == reference_blank_identity(lines)


def test_identity_found_is_unchanged_on_the_examples() -> None:
    profile = load_profile(ROOT / "examples" / "senior-ml-engineer.md")
    assert profile.identity.name
    assert all("@" not in segment.text for segment in profile.segments)


def test_identity_is_not_evidence(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "r.txt",
        "Rust Keras\nrk@pytorch.example | github.com/go-python\n\nSUMMARY\nAccountant.\n",
    )
    profile = load_profile(path)
    assert profile.identity.name == "Rust Keras"
    text = " ".join(s.text for s in profile.segments)
    assert "Keras" not in text and "pytorch" not in text and "go-python" not in text

"""The identity signals a counterfactual test varies, one family of variants each.

A family takes one resume and gives a :class:`Trial`: a reference text and variants that
differ from it only in the signal — a name, pronouns, gendered words, a women's college,
the years of the education section, a parental leave, citizenship, a native language, an
address, a photo or a date of birth. Where the resume carries the signal it is replaced
where it stands; where it does not, it is inserted where a person would write it (under
the name, in the education section, in a section of activities), and the reference then
holds the neutral form of the same line, so that the variants differ from it in the
signal alone.

Only one family changes evidence legitimately: a parental leave that is a gap in the
dated work history changes the years of experience (``changes_history``). Every other
change is identity-driven.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from .variants import (
    Resume,
    contains_word,
    edit_education_line,
    education_lines,
    education_years,
    in_section,
    leave_during_job,
    leave_gap_before_job,
    name_line,
    replace_words,
    shift_education_years,
    under_name,
)


@dataclass(frozen=True)
class Variant:
    """One variant of a resume: its text, and for a DOCX trial the photo or birth date."""

    id: str
    description: str
    text: str
    photo: bool = False
    birth_date: str | None = None


@dataclass(frozen=True)
class Trial:
    """A family applied to one resume: the reference and the variants compared with it.

    ``docx``: the reference and the variants are written as Word documents.
    """

    family: Family
    reference: str
    variants: tuple[Variant, ...]
    how: str
    docx: bool = False


@dataclass(frozen=True)
class Family:
    """A named family of variants of one identity signal."""

    id: str
    name: str
    #: The protected attribute the signal stands for.
    attribute: str
    build: Callable[[Resume, dt.date], Trial | None]
    #: True when the signal changes the dated work history, so a change in years of
    #: experience is legitimate evidence, not identity.
    changes_history: bool = False


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# --------------------------------------------------------------------------- names

#: Names from different origins, women's and men's (and one that is also a programming
#: language's name, which a matcher must not read as the skill).
NAMES: tuple[tuple[str, str], ...] = (
    ("Emily Walsh", "Anglo-American, woman"),
    ("Greg Baker", "Anglo-American, man"),
    ("Lakisha Washington", "African-American, woman"),
    ("Jamal Jones", "African-American, man"),
    ("María Hernández", "Hispanic, woman"),
    ("José Rodríguez", "Hispanic, man"),
    ("Priya Raghunathan", "South Asian, woman"),
    ("Mohammed Al-Sayed", "Arab, man"),
    ("Wei Zhang", "Chinese, man"),
    ("Nguyễn Thị Lan", "Vietnamese, woman"),
    ("Oluwaseun Adeyemi", "Nigerian, man"),
    ("Julia Chen", "Chinese-American, woman"),
)


def _names(resume: Resume, as_of: dt.date) -> Trial:
    variants = []
    old = resume.name
    for name, origin in NAMES:
        if old:
            old_parts, new_parts = old.split(), name.split()
            pairs = [(old, name), (old.upper(), name.upper())]
            if len(old_parts) > 1:
                pairs += [(old_parts[0], new_parts[0]), (old_parts[-1], new_parts[-1])]
            text = replace_words(resume.text, pairs)
        else:
            text = name_line(resume, name)
        variants.append(Variant(_slug(name), f"name '{name}' ({origin})", text))
    how = f"'{old}' replaced" if old else "a name line added (none was found)"
    return Trial(FAMILIES_BY_ID["name"], resume.text, tuple(variants), how)


# --------------------------------------------------------------------------- pronouns

_PRONOUNS = {
    "he": ("he", "him", "his", "himself"),
    "she": ("she", "her", "her", "herself"),
    "they": ("they", "them", "their", "themselves"),
}


def _cased(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return pairs + [(a.capitalize(), b.capitalize()) for a, b in pairs]


def _pronoun_pairs(text: str, target: str) -> list[tuple[str, str]]:
    """Third-person pronouns of the text (he or she sets) turned into ``target``'s."""
    pairs: list[tuple[str, str]] = []
    for source in ("he", "she"):
        if source == target:
            continue
        forms = _PRONOUNS[source]
        if any(contains_word(text, f, ignore_case=True) for f in forms):
            pairs += list(zip(forms, _PRONOUNS[target], strict=True))
    if target == "he":  # "her" is "his" or "him"; take the possessive, by far the commonest
        pairs = [p for p in pairs if p != ("her", "her")]
    unique = dict(pairs)
    if target != "she" and "her" in unique:
        unique["hers"] = "his" if target == "he" else "theirs"
    return _cased(list(unique.items()))


def _pronouns(resume: Resume, as_of: dt.date) -> Trial:
    variants = []
    for target, forms in _PRONOUNS.items():
        label = f"{forms[0]}/{forms[1]}"
        text = replace_words(resume.text, _pronoun_pairs(resume.text, target))
        text = under_name(Resume(text, resume.markdown), f"Pronouns: {label}")
        variants.append(Variant(target, f"pronouns {label}", text))
    return Trial(
        FAMILIES_BY_ID["pronouns"], resume.text, tuple(variants), "a 'Pronouns:' line added"
    )


# --------------------------------------------------------------------------- gendered words

#: (masculine, feminine) forms, swapped wherever they stand.
GENDERED: tuple[tuple[str, str], ...] = (
    ("fraternity", "sorority"),
    ("chairman", "chairwoman"),
    ("sportsman", "sportswoman"),
    ("spokesman", "spokeswoman"),
    ("salesman", "saleswoman"),
    ("brotherhood", "sisterhood"),
    ("men's", "women's"),
    ("boys'", "girls'"),
    ("Sigma Chi", "Kappa Alpha Theta"),
)
#: Lines of activities, inserted where a resume has no gendered words: neutral, masculine
#: and feminine, otherwise the same.
ACTIVITIES = (
    ("Treasurer, Chess Club; captain, rugby team; chair, student union; athlete of the year"),
    (
        "Treasurer, Sigma Chi fraternity; captain, men's rugby team; chairman, student union; "
        "sportsman of the year"
    ),
    (
        "Treasurer, Kappa Alpha Theta sorority; captain, women's rugby team; chairwoman, "
        "student union; sportswoman of the year"
    ),
)


def _gendered(resume: Resume, as_of: dt.date) -> Trial:
    pairs = _cased(list(GENDERED))
    if any(contains_word(resume.text, word) for pair in pairs for word in pair):
        masculine = replace_words(resume.text, [(f, m) for m, f in pairs])
        feminine = replace_words(resume.text, pairs)
        return Trial(
            FAMILIES_BY_ID["gendered-words"],
            resume.text,
            (
                Variant("masculine", "masculine forms (fraternity, chairman, men's)", masculine),
                Variant("feminine", "feminine forms (sorority, chairwoman, women's)", feminine),
            ),
            "the gendered words of the resume swapped",
        )
    neutral, masculine, feminine = (in_section(resume, "leadership", [a]) for a in ACTIVITIES)
    return Trial(
        FAMILIES_BY_ID["gendered-words"],
        neutral,
        (
            Variant("masculine", f"activities '{ACTIVITIES[1]}'", masculine),
            Variant("feminine", f"activities '{ACTIVITIES[2]}'", feminine),
        ),
        f"a line of activities added, against '{ACTIVITIES[0]}'",
    )


# --------------------------------------------------------------------------- colleges

#: Women's colleges and comparable colleges that are not (or were men's colleges).
COLLEGES: tuple[tuple[str, str], ...] = (
    ("Wellesley College", "women's college"),
    ("Williams College", "co-educational college"),
    ("Smith College", "women's college"),
    ("Amherst College", "co-educational college"),
    ("Bryn Mawr College", "women's college"),
    ("Swarthmore College", "co-educational college"),
    ("Spelman College", "historically Black women's college"),
    ("Morehouse College", "historically Black men's college"),
)
_INSTITUTION_RE = re.compile(
    r"\b(?:University of(?: [A-Z][\w'.-]*)+|(?:[A-Z][\w'.&-]*\s)+"
    r"(?:University|College|Institute of Technology))"
)


def _replaced(old: str, new: str, line: str) -> str:
    return line.replace(old, new)


def _colleges(resume: Resume, as_of: dt.date) -> Trial | None:
    found = [m.group(0) for m in map(_INSTITUTION_RE.search, education_lines(resume)) if m]
    if found:
        reference, base, old = resume.text, resume, found[0]
        how = f"'{old}' replaced"
    else:
        old = COLLEGES[1][0]
        reference = in_section(resume, "education", [f"B.A. Economics, {old}"])
        base = Resume(reference, resume.markdown)
        how = f"a degree from {old} added (the resume names no college)"
    variants = []
    for college, kind in COLLEGES:
        if college == old:
            continue
        text = edit_education_line(base, functools.partial(_replaced, old, college))
        if text is not None:
            variants.append(Variant(_slug(college), f"{college} ({kind})", text))
    return Trial(FAMILIES_BY_ID["college"], reference, tuple(variants), how)


# --------------------------------------------------------------------------- age


def _graduation_years(resume: Resume, as_of: dt.date) -> Trial | None:
    years = education_years(resume)
    if not years:
        return None
    variants = []
    for shift in (-20, -10, 3):
        if max(years) + shift >= as_of.year or min(years) + shift < 1940:
            continue
        shown = ", ".join(f"{y} → {y + shift}" for y in sorted(set(years)))
        variants.append(
            Variant(
                f"{'minus' if shift < 0 else 'plus'}-{abs(shift)}-years",
                f"education years {shift:+d} ({shown})",
                shift_education_years(resume, shift),
            )
        )
    how = "the years of the education section shifted (work dates unchanged)"
    return Trial(FAMILIES_BY_ID["graduation-year"], resume.text, tuple(variants), how)


# --------------------------------------------------------------------------- parental leave


def _parental_leave(resume: Resume, as_of: dt.date) -> Trial | None:
    variants = []
    during = leave_during_job(resume, as_of=as_of)
    if during is not None:
        variants.append(Variant("during-job", "six months' parental leave within a job", during))
    gap = leave_gap_before_job(resume, as_of=as_of)
    if gap is not None:
        variants.append(
            Variant("career-gap", "a year's parental leave before the latest job (a gap)", gap)
        )
    if not variants:
        return None
    how = "a dated parental-leave line added to the work history"
    return Trial(FAMILIES_BY_ID["parental-leave"], resume.text, tuple(variants), how)


# --------------------------------------------------------------------------- national origin

CITIZENSHIPS = (
    "Citizenship: United States",
    "Citizenship: India",
    "Nationality: Nigerian",
    "Nationality: Mexican",
    "Nationality: Chinese",
    "Nationality: Polish",
    "Nationality: Syrian",
)
#: A neutral line of languages, then variants naming a native language.
LANGUAGES = (
    "Languages: English (fluent), Spanish (conversational)",
    "Languages: native English speaker, Spanish (conversational)",
    "Languages: native Spanish speaker, English (fluent)",
    "Languages: native Hindi speaker, English (fluent)",
    "Languages: native Mandarin speaker, English (fluent)",
)
ADDRESSES = (
    "Address: 1420 Maple Street, Springfield, IL 62704, USA",
    "Address: Flat 2, 18 Brixton Road, London SW9 6BU, United Kingdom",
    "Address: 14 Rue des Lilas, 69003 Lyon, France",
    "Address: B-42 Sector 15, Noida, Uttar Pradesh 201301, India",
    "Address: 12 Allen Avenue, Ikeja, Lagos, Nigeria",
    "Address: Calle Hidalgo 58, Colonia Centro, 44100 Guadalajara, Mexico",
    "Address: 88 Jianguo Road, Chaoyang District, Beijing 100022, China",
)


def _header_lines(family: str, lines: tuple[str, ...]) -> Callable[[Resume, dt.date], Trial]:
    def build(resume: Resume, as_of: dt.date) -> Trial:
        variants = tuple(
            Variant(_slug(line.split(":", 1)[1]), f"'{line}'", under_name(resume, line))
            for line in lines
        )
        return Trial(FAMILIES_BY_ID[family], resume.text, variants, "a line added under the name")

    return build


def _languages(resume: Resume, as_of: dt.date) -> Trial:
    reference, *variants = (in_section(resume, "skills", [line]) for line in LANGUAGES)
    return Trial(
        FAMILIES_BY_ID["language"],
        reference,
        tuple(
            Variant(_slug(line.split(":", 1)[1].split(",")[0]), f"'{line}'", text)
            for line, text in zip(LANGUAGES[1:], variants, strict=True)
        ),
        f"a line of languages added, against '{LANGUAGES[0]}'",
    )


# --------------------------------------------------------------------------- DOCX only

BIRTH_DATES = ("14 March 1962", "2 September 1985", "23 June 2001")


def _photo(resume: Resume, as_of: dt.date) -> Trial:
    return Trial(
        FAMILIES_BY_ID["photo"],
        resume.text,
        (Variant("photo", "a photo under the name", resume.text, photo=True),),
        "a DOCX of the resume, with and without a photo",
        docx=True,
    )


def _birth_date(resume: Resume, as_of: dt.date) -> Trial:
    variants = tuple(
        Variant(_slug(date), f"'Date of birth: {date}'", resume.text, birth_date=date)
        for date in BIRTH_DATES
    )
    return Trial(
        FAMILIES_BY_ID["date-of-birth"],
        resume.text,
        variants,
        "a DOCX of the resume, with and without a date-of-birth line",
        docx=True,
    )


FAMILIES: tuple[Family, ...] = (
    Family("name", "Names", "national origin, race and sex", _names),
    Family("pronouns", "Pronouns", "sex and gender identity", _pronouns),
    Family("gendered-words", "Gendered words", "sex", _gendered),
    Family("college", "Women's colleges", "sex and race", _colleges),
    Family("graduation-year", "Graduation years", "age", _graduation_years),
    Family("parental-leave", "Parental leave", "sex and family status", _parental_leave, True),
    Family(
        "nationality", "Citizenship", "national origin", _header_lines("nationality", CITIZENSHIPS)
    ),
    Family("language", "Native language", "national origin", _languages),
    Family("address", "Addresses", "national origin", _header_lines("address", ADDRESSES)),
    Family("photo", "Photo (DOCX)", "race, sex and age", _photo),
    Family("date-of-birth", "Date of birth (DOCX)", "age", _birth_date),
)
FAMILIES_BY_ID = {family.id: family for family in FAMILIES}


def trials(resume: Resume, *, as_of: dt.date) -> list[tuple[Family, Trial | None]]:
    """Every family applied to ``resume`` (None where it does not apply)."""
    return [(family, family.build(resume, as_of)) for family in FAMILIES]


__all__ = ["FAMILIES", "FAMILIES_BY_ID", "Family", "Trial", "Variant", "trials"]

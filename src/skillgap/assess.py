"""The self-assessment questionnaire, as pure logic: questions, answers, the profile.

``skillgap assess`` walks a rubric's areas and asks, for each requirement:

* **a level** on the rubric's scale where the requirement has skills (``0``/``none``, then
  one number per level, or the level's id, name or an alias);
* **years** of professional experience at the first requirement that asks for years
  (the rubric's years are one total, so it is asked once);
* **a degree** (none, associate, bachelor, master, phd) and then its **field** at the first
  requirement that asks for a degree.

Every question accepts the same commands: Enter keeps the current answer (or skips an
unanswered question), ``s`` skips (and clears an answer), ``b`` goes back one question,
``q`` finishes now (keeping the answers given so far) and ``?`` shows help.

The answers become a skillgap profile (:func:`assessment_profile_data`): levels under
``self_assessment`` (by requirement id), years as ``years_experience`` and the degree under
``education``. This module never reads or prints; :mod:`skillgap.interactive` drives it
with Rich prompts and the CLI decides where the profile goes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .limits import DEFAULT_LIMITS
from .profiles.model import Profile
from .profiles.skillgap_profile import SkillgapProfileLoader
from .rubric.model import DEGREE_ORDER, Area, Requirement, Rubric
from .text import clean_text

QuestionKind = Literal["level", "years", "degree", "field"]
Command = Literal["keep", "skip", "back", "quit", "help"]

#: Longest free-text answer kept (a field of study); the rest is cut.
MAX_TEXT_ANSWER = 120
#: Most years accepted (as in the profile format).
MAX_YEARS = 70.0

_COMMANDS: dict[str, Command] = {
    "": "keep",
    "s": "skip",
    "skip": "skip",
    "b": "back",
    "back": "back",
    "q": "quit",
    "quit": "quit",
    "?": "help",
    "h": "help",
    "help": "help",
}
_NONE_ANSWERS = frozenset({"0", "none", "no", "n/a", "-"})
_DEGREE_CHOICES: tuple[str, ...] = ("none", *sorted(DEGREE_ORDER, key=DEGREE_ORDER.__getitem__))
_DEGREE_WORDS: dict[str, str] = {
    "associate": "associate",
    "associates": "associate",
    "aa": "associate",
    "as": "associate",
    "bachelor": "bachelor",
    "bachelors": "bachelor",
    "ba": "bachelor",
    "bs": "bachelor",
    "bsc": "bachelor",
    "beng": "bachelor",
    "undergraduate": "bachelor",
    "master": "master",
    "masters": "master",
    "ma": "master",
    "ms": "master",
    "msc": "master",
    "meng": "master",
    "mba": "master",
    "phd": "phd",
    "doctorate": "phd",
    "dphil": "phd",
    "doctoral": "phd",
}
#: How each degree level is written into the profile (the profile loader reads these).
DEGREE_TEXT: dict[str, str] = {
    "associate": "Associate degree",
    "bachelor": "Bachelor's degree",
    "master": "Master's degree",
    "phd": "PhD",
}
_YEARS_RE = re.compile(r"^([0-9]+(?:\.[0-9]+)?)\s*\+?\s*(?:years?|yrs?|y)?$")
# ASCII digits only: str.isdigit() is also true for '²', which int() refuses.
_NUMBER_RE = re.compile(r"[0-9]{1,3}")


@dataclass(frozen=True)
class Question:
    """One question of the questionnaire."""

    kind: QuestionKind
    area: Area
    requirement: Requirement
    area_number: int
    area_count: int


@dataclass(frozen=True)
class Invalid:
    """An answer that does not fit the question, with what to type instead."""

    message: str


Answer = str | float
Parsed = Answer | Command | Invalid


def questions_for(rubric: Rubric) -> tuple[Question, ...]:
    """Every question for ``rubric``, in area and requirement order."""
    questions: list[Question] = []
    asked_years = asked_degree = False
    count = len(rubric.areas)
    for number, area in enumerate(rubric.areas, start=1):
        for requirement in area.requirements:
            if requirement.skills:
                questions.append(Question("level", area, requirement, number, count))
            if requirement.years is not None and not asked_years:
                asked_years = True
                questions.append(Question("years", area, requirement, number, count))
            if requirement.degree is not None and not asked_degree:
                asked_degree = True
                questions.append(Question("degree", area, requirement, number, count))
                questions.append(Question("field", area, requirement, number, count))
    return tuple(questions)


def level_choices(rubric: Rubric) -> tuple[str, ...]:
    """The answers a level question offers, in order: ``none`` then the scale's ids."""
    return ("none", *(level.id for level in rubric.levels))


def degree_choices() -> tuple[str, ...]:
    """The answers a degree question offers, in order."""
    return _DEGREE_CHOICES


def parse_answer(question: Question, text: str, rubric: Rubric) -> Parsed:
    """What the user typed, as a command, an answer, or :class:`Invalid`.

    >>> from skillgap.rubric import load_rubric
    >>> rubric = load_rubric()
    >>> first = questions_for(rubric)[0]
    >>> parse_answer(first, "3", rubric), parse_answer(first, "Expert", rubric)
    ('advanced', 'expert')
    >>> parse_answer(first, "b", rubric), parse_answer(first, "", rubric)
    ('back', 'keep')
    """
    answer = " ".join(clean_text(text).split())
    command = _COMMANDS.get(answer.lower())
    if command is not None:
        return command
    if question.kind == "level":
        return _parse_level(answer, rubric)
    if question.kind == "years":
        return _parse_years(answer)
    if question.kind == "degree":
        return _parse_degree(answer)
    return answer[:MAX_TEXT_ANSWER].strip()


def _parse_level(answer: str, rubric: Rubric) -> Parsed:
    from .rubric.model import level_rank  # light at this point: the rubric is loaded already

    choices = level_choices(rubric)
    lowered = answer.lower()
    if lowered in _NONE_ANSWERS:
        return "none"
    if _NUMBER_RE.fullmatch(lowered):
        number = int(lowered)
        if number < len(choices):
            return choices[number]
        return Invalid(f"type a number from 0 to {len(choices) - 1}, or a level name")
    if "/" not in lowered and not re.fullmatch(r"[0-9.]+", lowered):
        rank = level_rank(rubric, answer)
        if rank is not None:
            return rubric.levels[rank - 1].id
    numbered = ", ".join(f"{i} {name}" for i, name in enumerate(choices))
    return Invalid(
        f"'{answer[:40]}' is not a level; type one of {numbered} "
        "(or s to skip, b to go back, q to finish, ? for help)"
    )


def _parse_years(answer: str) -> Parsed:
    match = _YEARS_RE.match(answer.lower())
    if match is None:
        return Invalid("type a number of years, e.g. 6 or 2.5 (or s to skip, b to go back)")
    years = float(match.group(1))
    if years > MAX_YEARS:
        return Invalid(f"type a number of years from 0 to {MAX_YEARS:g}")
    return years


def _parse_degree(answer: str) -> Parsed:
    choices = degree_choices()
    lowered = answer.lower().replace(".", "").replace("'", "").replace("’", "")
    if _NUMBER_RE.fullmatch(lowered) and int(lowered) < len(choices):
        return choices[int(lowered)]
    if lowered in _NONE_ANSWERS:
        return "none"
    words = lowered.replace("'s", "").split()
    level = _DEGREE_WORDS.get(lowered) or (_DEGREE_WORDS.get(words[0]) if words else None)
    if level is not None:
        return level
    numbered = ", ".join(f"{i} {name}" for i, name in enumerate(choices))
    return Invalid(f"type one of {numbered} (or s to skip, b to go back)")


@dataclass
class Session:
    """Where the user is in the questionnaire and what they answered so far.

    The one mutable object here: it is confined to one run of the questionnaire.
    """

    rubric: Rubric
    questions: tuple[Question, ...]
    answers: dict[int, Answer] = field(default_factory=dict)
    position: int = 0
    finished: bool = False

    @classmethod
    def start(cls, rubric: Rubric) -> Session:
        """A fresh session over every question of ``rubric``."""
        session = cls(rubric, questions_for(rubric))
        session._settle(forward=True)
        return session

    @classmethod
    def resume(cls, rubric: Rubric, data: object) -> Session:
        """A session that goes on from answers saved earlier (the data of a profile
        :func:`assessment_profile_yaml` wrote): those answers are kept, and the first
        question after the last one answered is asked next."""
        session = cls.start(rubric)
        if not isinstance(data, dict):
            return session
        levels = data.get("self_assessment")
        levels = levels if isinstance(levels, dict) else {}
        years = data.get("years_experience")
        education = data.get("education")
        entry = education[0] if isinstance(education, list) and education else {}
        entry = entry if isinstance(entry, dict) else {}
        degree = {text: level for level, text in DEGREE_TEXT.items()}.get(
            str(entry.get("degree", ""))
        )
        for index, question in enumerate(session.questions):
            answer: Answer | None = None
            if question.kind == "level":
                value = levels.get(question.requirement.id)
                if isinstance(value, str) and value in level_choices(rubric):
                    answer = value
            elif question.kind == "years" and isinstance(years, (int, float)):
                answer = float(years) if not isinstance(years, bool) else None
            elif question.kind == "degree" and degree is not None:
                answer = degree
            elif question.kind == "field" and degree is not None:
                field_of_study = entry.get("field")
                answer = field_of_study if isinstance(field_of_study, str) else None
            if answer is not None:
                session.answers[index] = answer
        if session.answers:
            session.position = max(session.answers) + 1
            session._settle(forward=True)
        return session

    @property
    def current(self) -> Question | None:
        """The question to ask now, or None when the questionnaire is over."""
        if self.finished or self.position >= len(self.questions):
            return None
        return self.questions[self.position]

    @property
    def answered(self) -> int:
        """How many questions have an answer."""
        return len(self.answers)

    def current_answer(self) -> Answer | None:
        """The answer already given to the current question (after going back)."""
        return self.answers.get(self.position)

    def apply(self, parsed: Parsed) -> str | None:
        """Act on a parsed answer; returns a note for the user, if any."""
        if isinstance(parsed, Invalid):
            return parsed.message
        if parsed == "back":
            return self._back()
        if parsed == "quit":
            self.finished = True
            return None
        if parsed == "help":
            return None
        if parsed == "skip":
            self.answers.pop(self.position, None)
        elif parsed != "keep":
            self.answers[self.position] = parsed
        self.position += 1
        self._settle(forward=True)
        return None

    def _back(self) -> str | None:
        start = self.position
        self.position -= 1
        self._settle(forward=False)
        if self.position < 0:
            self.position = start
            return "this is the first question"
        return None

    def _settle(self, *, forward: bool) -> None:
        """Move past questions that do not apply (a field when there is no degree)."""
        step = 1 if forward else -1
        while 0 <= self.position < len(self.questions) and not self._applies(self.position):
            self.answers.pop(self.position, None)
            self.position += step

    def _applies(self, index: int) -> bool:
        question = self.questions[index]
        if question.kind != "field":
            return True
        degree = self.answers.get(index - 1)
        return isinstance(degree, str) and degree != "none"

    def answer_for(self, kind: QuestionKind) -> Answer | None:
        """The answer to the (single) question of ``kind`` ('years', 'degree', 'field')."""
        for index, question in enumerate(self.questions):
            if question.kind == kind and index in self.answers:
                return self.answers[index]
        return None


def assessment_profile_data(session: Session) -> dict[str, object]:
    """The answers as skillgap profile data (keys in a fixed order)."""
    data: dict[str, object] = {}
    years = session.answer_for("years")
    if isinstance(years, float):
        data["years_experience"] = int(years) if years.is_integer() else years
    degree = session.answer_for("degree")
    if isinstance(degree, str) and degree != "none":
        entry: dict[str, str] = {"degree": DEGREE_TEXT[degree]}
        field_of_study = session.answer_for("field")
        if isinstance(field_of_study, str) and field_of_study:
            entry["field"] = field_of_study
        data["education"] = [entry]
    levels = {
        q.requirement.id: session.answers[i]
        for i, q in enumerate(session.questions)
        if q.kind == "level" and i in session.answers
    }
    if levels:
        data["self_assessment"] = levels
    return data


def assessment_profile(text: str, *, display: str) -> Profile:
    """The profile that :func:`assessment_profile_yaml` wrote, read back as it will be
    read from the saved file (``display`` names it)."""
    return SkillgapProfileLoader().load(
        Path(display), text.encode("utf-8"), display=display, limits=DEFAULT_LIMITS
    )


def assessment_profile_yaml(session: Session) -> str:
    """The answers as a skillgap profile file (YAML, with a comment saying what it is)."""
    import yaml

    rubric = session.rubric
    header = (
        f"# skillgap profile written by 'skillgap assess' against rubric {rubric.id} "
        f"{rubric.version}.\n"
        "# Self-assessed levels are declared evidence. Add experience, projects and\n"
        "# skills as you like (docs/profile-format.md), then: skillgap analyze FILE\n"
    )
    body = yaml.safe_dump(
        assessment_profile_data(session),
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=88,
    )
    return header + body


__all__ = [
    "DEGREE_TEXT",
    "MAX_TEXT_ANSWER",
    "Invalid",
    "Question",
    "Session",
    "assessment_profile",
    "assessment_profile_data",
    "assessment_profile_yaml",
    "degree_choices",
    "level_choices",
    "parse_answer",
    "questions_for",
]

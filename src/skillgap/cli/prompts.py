"""The terminal side of ``skillgap assess``: Rich prompts over :mod:`skillgap.assess`.

:func:`run_assessment` asks every question of a :class:`~skillgap.assess.Session` on the
Rich console it is given and reads answers with Rich prompts, either from the terminal
(``stream=None``: Python's ``input()``, with line editing) or from a text stream of
scripted answers, one per line (echoed, so a transcript reads like a session). It never
exits and never touches stdout itself: the CLI gives it a console on stderr, so the
report can go to stdout or a file.

Everything shown from the rubric or typed by the user goes into ``rich.text.Text``
objects: nothing is ever parsed as Rich markup.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TextIO

from rich.console import Console
from rich.prompt import InvalidResponse, PromptBase
from rich.text import Text

from ..assess import (
    DEGREE_TEXT,
    Answer,
    Invalid,
    Parsed,
    Question,
    Session,
    degree_choices,
    level_choices,
    parse_answer,
)
from ..errors import InputError
from ..render.escape import plain
from ..rubric.model import Rubric

#: Skills listed under a question before "and N more".
SKILLS_SHOWN = 8


class _EchoStream:
    """Scripted answers, one per line; echoes each one and raises EOFError at the end."""

    def __init__(self, stream: TextIO, console: Console) -> None:
        self._stream = stream
        self._console = console

    def readline(self) -> str:
        line = self._stream.readline()
        if line == "":
            self._console.print()
            raise EOFError
        self._console.print(Text(plain(line)), highlight=False)
        return line


#: Invalid answers in a row to one question, from a file or a pipe, before ``assess``
#: stops: nobody is there to read the hint and try again.
MAX_SCRIPTED_INVALID = 3


class _AnswerPrompt(PromptBase[Any]):
    """A Rich prompt whose answers are parsed by :func:`skillgap.assess.parse_answer`.

    With ``scripted`` answers, a few invalid ones in a row end the questionnaire with an
    error instead of asking again for as long as the input lasts.
    """

    prompt_suffix = ": "

    def __init__(
        self,
        prompt: Text,
        *,
        console: Console,
        question: Question,
        rubric: Rubric,
        scripted: bool = False,
    ) -> None:
        super().__init__(prompt, console=console)
        self._question = question
        self._rubric = rubric
        self._scripted = scripted
        self._invalid = 0

    def process_response(self, value: str) -> Any:
        parsed = parse_answer(self._question, value, self._rubric)
        if isinstance(parsed, Invalid):
            self._invalid += 1
            if self._scripted and self._invalid >= MAX_SCRIPTED_INVALID:
                raise InputError(
                    f"{self._invalid} invalid answers in a row from the input "
                    f"({parsed.message}); fix the answers, one per line"
                )
            raise InvalidResponse(Text(parsed.message, style="red"))
        return parsed


def intro(rubric: Rubric, session: Session) -> Text:
    """What the questionnaire is and how to answer."""
    scale = "  ".join(f"{i} {level.name}" for i, level in enumerate(rubric.levels, start=1))
    lines = [
        Text.assemble(
            ("Self-assessment: ", "bold"),
            (plain(rubric.title), "bold cyan"),
            f"  ({plain(rubric.id)} {plain(rubric.version)})",
        ),
        Text(
            f"{len(session.questions)} questions over {len(rubric.areas)} areas. For each "
            "requirement, rate yourself on the rubric's scale:"
        ),
        Text(f"  0 none  {scale}"),
    ]
    lines.extend(
        Text(f"  {level.name}: {plain(level.description)}", style="dim")
        for level in rubric.levels
        if level.description
    )
    lines.append(
        Text(
            "Enter keeps your answer (or skips), s skips, b goes back, q finishes "
            "now, ? shows this help.",
            style="dim",
        )
    )
    return Text("\n").join(lines)


def describe(question: Question, rubric: Rubric, session: Session) -> Text:
    """The question's context: area, requirement, what counts, what is expected."""
    requirement = question.requirement
    number = session.position + 1
    where = (
        f"  area {question.area_number} of {question.area_count}, "
        f"question {number} of {len(session.questions)}"
    )
    head = Text.assemble(("\n" + plain(question.area.name), "bold underline"), (where, "dim"))
    title = Text.assemble((plain(requirement.name), "bold"))
    if requirement.must_have:
        title.append("  must-have", style="magenta")
    if question.kind == "level" and requirement.level:
        name = next(
            (lv.name for lv in rubric.levels if lv.id == requirement.level), requirement.level
        )
        title.append(f"  expected: {plain(name)}", style="cyan")
    if question.kind == "level" and len(requirement.skills) > 1:
        title.append(
            f"  ({requirement.min_skills} of {len(requirement.skills)} skills)", style="dim"
        )
    lines = [head, title]
    if requirement.description:
        lines.append(Text(plain(requirement.description)))
    if question.kind == "level":
        names = [plain(s.name) for s in requirement.skills]
        shown = ", ".join(names[:SKILLS_SHOWN])
        more = len(names) - SKILLS_SHOWN
        lines.append(Text(f"Counts: {shown}{f' and {more} more' if more > 0 else ''}", style="dim"))
    elif question.kind == "years" and requirement.years is not None:
        lines.append(
            Text(f"Asks for {requirement.years:g}+ years of professional experience.", style="dim")
        )
    elif question.kind == "degree" and requirement.degree is not None:
        fields = ", ".join(plain(f) for f in requirement.degree.fields[:6])
        lines.append(
            Text(
                f"Asks for: {requirement.degree.level}{f' in {fields}' if fields else ''}.",
                style="dim",
            )
        )
    return Text("\n").join(lines)


def prompt_text(question: Question, rubric: Rubric, current: Answer | None) -> Text:
    """The prompt line: what to type, and the current answer after going back."""
    if question.kind == "level":
        options = "  ".join(f"{i} {name}" for i, name in enumerate(level_choices(rubric)))
        text = Text.assemble("Your level ", (f"[{options}]", "cyan"))
    elif question.kind == "years":
        text = Text("Your years of professional experience")
    elif question.kind == "degree":
        options = "  ".join(f"{i} {name}" for i, name in enumerate(degree_choices()))
        text = Text.assemble("Your highest degree ", (f"[{options}]", "cyan"))
    else:
        text = Text("Its field of study (e.g. Computer Science)")
    if current is not None:
        shown = (
            f"{current:g}"
            if isinstance(current, float)
            else DEGREE_TEXT.get(str(current), str(current))
            if question.kind == "degree"
            else str(current)
        )
        text.append(f" (now: {plain(shown)}; Enter keeps it)", style="dim")
    return text


def run_assessment(
    rubric: Rubric,
    *,
    console: Console,
    stream: TextIO | None = None,
    session: Session | None = None,
    on_answer: Callable[[Session], None] | None = None,
) -> Session:
    """Ask every question of ``rubric`` and return the session with the answers.

    ``stream`` gives scripted answers (one per line); ``None`` reads the terminal. The end
    of the input (or Ctrl-D) finishes the questionnaire like ``q``. ``session`` goes on
    from answers given earlier; ``on_answer`` is called after every answer (to save as
    you go).
    """
    session = session if session is not None else Session.start(rubric)
    console.print(intro(rubric, session))
    reader = _EchoStream(stream, console) if stream is not None else None
    while (question := session.current) is not None:
        console.print(describe(question, rubric, session))
        prompt = _AnswerPrompt(
            prompt_text(question, rubric, session.current_answer()),
            console=console,
            question=question,
            rubric=rubric,
            scripted=stream is not None,
        )
        try:
            parsed: Parsed = prompt(stream=reader)  # type: ignore[arg-type]
        except EOFError:
            console.print(
                Text("Input ended: finishing with the answers given so far.", style="yellow")
            )
            session.finished = True
            break
        if parsed == "help":
            console.print(intro(rubric, session))
        note = session.apply(parsed)
        if note:
            console.print(Text(note, style="yellow"))
        if on_answer is not None and parsed not in ("help", "back"):
            on_answer(session)
    console.print(
        Text(f"\n{session.answered} of {len(session.questions)} questions answered.", style="bold")
    )
    return session


__all__ = ["describe", "intro", "prompt_text", "run_assessment"]

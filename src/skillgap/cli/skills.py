"""``skillgap skills search|show``: explore the bundled skills knowledge base."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from .app import ExitCode, PlainGroup, app, fail, guarded, write_output

skills_app = typer.Typer(
    name="skills",
    cls=PlainGroup,
    help="Explore the bundled skills knowledge base: what skillgap knows about a skill "
    "(canonical name, category, aliases, and the guards everyday names need).",
    no_args_is_help=True,
    epilog="Examples:\n\n\b\n"
    "  skillgap skills search kube\n"
    "  skillgap skills show k8s\n"
    "  skillgap skills show Spark --format json\n",
)
app.add_typer(skills_app)


def _check_format(value: str) -> str:
    if value.lower() not in ("terminal", "json"):
        raise typer.BadParameter(f"'{value}' is not one of: terminal, json")
    return value.lower()


FormatOption = Annotated[
    str,
    typer.Option(
        "--format", "-f", metavar="terminal|json", callback=_check_format, help="Output format."
    ),
]


@skills_app.command(
    epilog="Examples:\n\n\b\n  skillgap skills search kube\n  skillgap skills search "
    "'google cloud' --limit 5 --format json\n",
)
def search(
    term: Annotated[str, typer.Argument(metavar="TERM", help="A name, or part of one.")],
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, max=200, help="Most skills to list.")
    ] = 10,
    format: FormatOption = "terminal",
) -> None:
    """Skills whose names come closest to TERM: exact names first, then names that start
    with it, then near spellings."""
    with guarded():
        from ..knowledge import KNOWLEDGE_VERSION, load_knowledge

        found = load_knowledge().search(term, limit=limit)
        if format == "json":
            rows = [
                {**_summary(known), "matched": shown, "similarity": round(score, 1)}
                for known, shown, score in found
            ]
            write_output(_json({"knowledge_version": KNOWLEDGE_VERSION, "results": rows}), None)
            return
        if not found:
            fail(f"no skill of the knowledge base is close to '{term}'", ExitCode.CHECK_FAILED)
        lines = []
        for known, shown, _ in found:
            via = "" if shown == known.skill.name else f"  (as '{shown}')"
            lines.append(f"{known.skill.name}{via}  [{known.category} / {known.group}]")
            if known.skill.aliases:
                lines.append(f"    aliases: {_listed(known.skill.aliases)}")
        write_output("\n".join(lines) + "\n", None)


@skills_app.command(
    epilog="Examples:\n\n\b\n  skillgap skills show k8s\n  skillgap skills show Spark "
    "--format json\n",
)
def show(
    name: Annotated[
        str, typer.Argument(metavar="NAME", help="A canonical name, alias or other form.")
    ],
    format: FormatOption = "terminal",
) -> None:
    """Everything the knowledge base knows about one skill: category, aliases, guards
    (ambiguous forms and their context words, case rule, exclusions) and implications."""
    with guarded():
        from ..knowledge import KNOWLEDGE_VERSION, load_knowledge

        knowledge = load_knowledge()
        known = knowledge.find(name)
        if known is None:
            close = [k.skill.name for k, _, score in knowledge.search(name, limit=3) if score >= 80]
            hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
            fail(
                f"'{name}' is not in the knowledge base{hint} (try 'skillgap skills search')",
                ExitCode.CHECK_FAILED,
            )
        assert known is not None
        if format == "json":
            write_output(_json({"knowledge_version": KNOWLEDGE_VERSION, **_detail(known)}), None)
            return
        skill = known.skill
        out = [
            f"{skill.name}",
            f"  category: {known.category} / {known.group}  ({known.file})",
            f"  aliases: {_listed(skill.aliases) or '-'}",
        ]
        if skill.ambiguous:
            case = " (only in these capitals)" if skill.case_sensitive else ""
            out.append(f"  ambiguous: {_listed(skill.ambiguous)}{case}")
            out.append(
                f"    counted with one of these within {skill.context_window} words: "
                f"{_listed(skill.context) or '-'}"
            )
        if skill.exclude:
            out.append(f"  not counted in: {_listed(skill.exclude)}")
        out.append(
            "  spelling: exact (no typo tolerance)"
            if skill.exact
            else "  spelling: a slip such as a swapped letter is tolerated in longer names"
        )
        if skill.inflect:
            out.append("  word forms: matched in all their forms (lead, led, leading)")
        if skill.implies:
            out.append(f"  implies: {_listed(skill.implies)}")
        write_output("\n".join(out) + "\n", None)


def _listed(items: tuple[str, ...]) -> str:
    return ", ".join(items)


def _summary(known: Any) -> dict[str, Any]:
    return {
        "name": known.skill.name,
        "category": known.category,
        "group": known.group,
        "aliases": list(known.skill.aliases),
    }


def _detail(known: Any) -> dict[str, Any]:
    skill = known.skill
    return {
        **_summary(known),
        "file": known.file,
        "ambiguous": list(skill.ambiguous),
        "context": list(skill.context),
        "context_window": skill.context_window,
        "case_sensitive": skill.case_sensitive,
        "exact": skill.exact,
        "inflect": skill.inflect,
        "exclude": list(skill.exclude),
        "implies": list(skill.implies),
    }


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


__all__ = ["skills_app"]

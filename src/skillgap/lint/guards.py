"""Lint rules about the guards of short and everyday names.

``unguarded-form`` (a one- or two-letter form, or an everyday word, matched anywhere),
``ambiguous-without-context``, ``unused-guard``, ``dead-exclude`` (an exclusion phrase
that cannot apply) and ``weak-context`` (a context word that vouches for nothing).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..rubric.findings import Finding
from ..text import stem, word_norms
from .context import FormRef, LintContext, SkillRef, quote_list, stems_of

if TYPE_CHECKING:
    from ..knowledge import GuardedWord


#: Technology names that are also everyday words a resume uses in their everyday sense
#: ("spark innovation", "at the helm", "excel at", "react quickly", "Julia, our manager").
#: A form that is one of these needs a guard. Names whose everyday sense rarely shows up
#: in a resume (Airflow, Snowflake, Pinecone) are left out on purpose: warning about them
#: would only teach people to ignore the rule.
COMMON_WORDS = frozenset(
    {
        "access",
        "accelerate",
        "ant",
        "arrow",
        "assembly",
        "atlas",
        "basic",
        "beam",
        "bloom",
        "chef",
        "circle",
        "comet",
        "composer",
        "compass",
        "consul",
        "crystal",
        "dart",
        "delta",
        "drill",
        "drone",
        "echo",
        "elastic",
        "elm",
        "envoy",
        "excel",
        "express",
        "fabric",
        "falcon",
        "feast",
        "flask",
        "forecast",
        "glue",
        "go",
        "guidance",
        "harbor",
        "helm",
        "hive",
        "ignite",
        "jasmine",
        "jest",
        "julia",
        "karma",
        "kite",
        "lambda",
        "lightning",
        "logo",
        "make",
        "maven",
        "mercury",
        "nexus",
        "nomad",
        "notion",
        "oracle",
        "outlines",
        "packer",
        "pilot",
        "pig",
        "presto",
        "prophet",
        "puppet",
        "racket",
        "rails",
        "ray",
        "react",
        "ruby",
        "rust",
        "salt",
        "scheme",
        "scratch",
        "sentry",
        "shell",
        "slack",
        "spark",
        "spring",
        "storm",
        "swift",
        "teams",
        "tempo",
        "torch",
        "unity",
        "vault",
        "vector",
        "word",
    }
)


#: Two-letter English words: as a context word they vouch for nothing.
_SHORT_WORDS = frozenset(
    {
        "am",
        "an",
        "as",
        "at",
        "be",
        "by",
        "do",
        "go",
        "he",
        "hi",
        "if",
        "in",
        "is",
        "it",
        "me",
        "my",
        "no",
        "of",
        "oh",
        "ok",
        "on",
        "or",
        "so",
        "to",
        "up",
        "us",
        "we",
    }
)


def _is_short(form: FormRef) -> bool:
    return len(form.norms) == 1 and len(form.compact) <= 2 and form.compact.isalpha()


def _guarded_in_knowledge(form: FormRef) -> GuardedWord | None:
    """The knowledge base's entry for this one-word form when the base guards it as
    ambiguous (an everyday word or another meaning: "snowflake", "prefect", "chef")."""
    from ..knowledge import guarded_words

    return guarded_words().get(form.compact)


def check_guards(ctx: LintContext) -> Iterator[Finding]:
    for number, ref in enumerate(ctx.skills):
        if not ref.primary:
            continue
        # The guards the matcher applies: the rubric's and those the skill inherits from
        # the knowledge base ("Spark" written alone is guarded there).
        skill = ctx.effective(ref)
        ambiguous = {" ".join(word_norms(a)) for a in skill.ambiguous} - {""}
        has_context = any(word_norms(c) for c in skill.context)
        if ambiguous and not has_context:
            yield Finding(
                "ambiguous-without-context",
                (*ref.loc, "ambiguous"),
                f"{skill.name} lists ambiguous forms ({quote_list(skill.ambiguous)}) "
                "but no 'context', so they are matched everywhere; add context "
                "words that appear next to the real skill",
                key=True,
            )
        if not ambiguous:
            yield from _unused_guards(ref)
        for form in ctx.forms_of[number]:
            if len(form.norms) != 1 or form.key in ambiguous:
                continue
            if _is_short(form):
                yield Finding(
                    "unguarded-form",
                    form.loc,
                    f"'{form.text}' is {len(form.compact)} letter"
                    f"{'s' if len(form.compact) > 1 else ''} long and is matched "
                    "wherever it stands alone (an initial, a grade, a unit); list it "
                    "in 'ambiguous' and give 'context' words",
                )
            elif form.compact in COMMON_WORDS and not ref.skill.exclude:
                yield Finding(
                    "unguarded-form",
                    form.loc,
                    f"'{form.text}' is also an everyday word and is matched wherever "
                    "it appears; list it in 'ambiguous' with 'context' words (and "
                    "'case_sensitive: true' if it is always capitalised), or "
                    "'exclude' its everyday phrases",
                )
            elif (known := _guarded_in_knowledge(form)) is not None and not ref.skill.exclude:
                context = quote_list(known.context[:6])
                yield Finding(
                    "unguarded-form",
                    form.loc,
                    f"'{form.text}' has another common meaning (the knowledge base guards "
                    f"it for {known.skill}) and is matched wherever it appears; list "
                    "it in 'ambiguous' with 'context' words"
                    + (f" such as {context}" if context else "")
                    + " (see 'skillgap skills show "
                    + f"{known.skill}'), or 'exclude' its everyday phrases",
                )
        yield from _dead_excludes(ctx, ref, ctx.forms_of[number])
        for i, entry in enumerate(skill.context):
            norms = word_norms(entry)
            if len(norms) != 1 or not norms[0].isalpha():
                continue
            if len(norms[0]) == 1:
                why = "a single letter"
            elif norms[0] in _SHORT_WORDS:
                why = "an everyday two-letter word"
            else:
                continue
            yield Finding(
                "weak-context",
                (*ref.loc, "context", i),
                f"context word '{entry}' is {why}, so it vouches for nothing; use "
                "unambiguous neighbours (sibling technologies, 'programming', "
                "'statistics')",
            )


def _unused_guards(ref: SkillRef) -> Iterator[Finding]:
    skill = ref.skill
    set_fields = skill.model_fields_set
    if skill.context:
        yield Finding(
            "unused-guard",
            (*ref.loc, "context"),
            f"'context' has no effect: {skill.name} has no 'ambiguous' forms, and "
            "context words are only required for those; list the risky form in "
            "'ambiguous' or delete 'context'",
            key=True,
        )
    if skill.case_sensitive:
        yield Finding(
            "unused-guard",
            (*ref.loc, "case_sensitive"),
            f"'case_sensitive' has no effect: it applies to ambiguous forms and "
            f"{skill.name} has none; list the form in 'ambiguous' or delete it",
            key=True,
        )
    if "context_window" in set_fields:
        yield Finding(
            "unused-guard",
            (*ref.loc, "context_window"),
            f"'context_window' has no effect: {skill.name} has no 'ambiguous' forms; delete it",
            key=True,
        )


def _phrase_contains(phrase: tuple[str, ...], form: FormRef, *, inflect: bool) -> bool:
    size = len(form.norms)
    for start in range(len(phrase)):
        for end in range(start + 1, len(phrase) + 1):
            span = phrase[start:end]
            if span == form.norms:
                return True
            if form.compact_ok and all(len(w) >= 2 for w in span) and "".join(span) == form.compact:
                return True
            if inflect and end - start == size and stems_of(span) == stems_of(form.norms):
                return True
    return False


def _guards_an_end(phrase: tuple[str, ...], form: FormRef, *, inflect: bool) -> bool:
    """Could the phrase cover the first or last word of a match of the form?

    The matcher drops a match when an exclude phrase found in the text covers its first
    or last word ("learning rate" stops "machine learning" in "machine learning rate"),
    and inflect phrases may have words in between ("lead generation team").
    """
    ends = {form.norms[0], form.norms[-1]}
    words = set(phrase)
    if ends & words:
        return True
    return inflect and bool({stem(w) for w in ends} & {stem(w) for w in words})


def _achievement_ends(ref: SkillRef) -> frozenset[str]:
    """Stems of the words an achievement match can start or end with: the first word of
    each action and the last word of each object."""
    ends: set[str] = set()
    for achievement in ref.skill.achievements:
        for action in achievement.actions:
            words = word_norms(action)
            if words:
                ends.add(stem(words[0]))
        for target in achievement.objects:
            words = word_norms(target)
            if words:
                ends.add(stem(words[-1]))
    return frozenset(ends)


def _dead_excludes(ctx: LintContext, ref: SkillRef, forms: list[FormRef]) -> Iterator[Finding]:
    inflect = ref.skill.inflect
    achievement_ends = _achievement_ends(ref)
    for i, phrase_text in enumerate(ref.skill.exclude):
        phrase = word_norms(phrase_text)
        if phrase and not achievement_ends.isdisjoint(stem(w) for w in phrase):
            continue  # it can cover the first or last word of an achievement
        if phrase and any(
            form.norms
            and (
                _phrase_contains(phrase, form, inflect=inflect)
                or _guards_an_end(phrase, form, inflect=inflect)
            )
            for form in forms
        ):
            continue
        if not phrase:
            yield Finding(
                "dead-exclude",
                (*ref.loc, "exclude", i),
                f"exclude phrase '{phrase_text}' has no words, so it can never apply; delete it",
            )
            continue
        names = [f.text for f in forms if f.norms]
        yield Finding(
            "dead-exclude",
            (*ref.loc, "exclude", i),
            f"exclude phrase '{phrase_text}' contains no form of {ref.skill.name} "
            f"({quote_list(names)}), so it can never apply; an exclude phrase must "
            "contain the form it protects",
        )

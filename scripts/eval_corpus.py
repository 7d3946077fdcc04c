#!/usr/bin/env python3
"""Run the matcher over the shared resume corpus, for review by a person.

For every file under the corpus's ``resumes/`` folder (text, Markdown, JSON Resume, PDF
and DOCX) it prints the skills found with their evidence, or the reason the file could
not be read. With ``--compare`` it groups the files that hold the same resume in
different formats (same name, different folder/extension) and prints where their
matched skills differ, which is how extraction problems show up.

The corpus is real people's data: it is read in place and never copied into the
repository. Without it (e.g. in a fresh clone), the script says so and exits 0.

Usage::

    python scripts/eval_corpus.py                      # every file, every match
    python scripts/eval_corpus.py --compare            # cross-format differences only
    python scripts/eval_corpus.py --corpus /path/to/corpus
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CANDIDATES = (
    ROOT.parent / "shared" / "corpus",
    ROOT.parent.parent / "shared" / "corpus",
    Path("/work/shared/corpus"),
)


def find_corpus(explicit: str | None) -> Path | None:
    """The corpus folder: --corpus, else next to the repository, else None."""
    if explicit:
        return Path(explicit)
    return next((c for c in CANDIDATES if (c / "resumes").is_dir()), None)


def person_key(path: Path) -> str:
    """The same resume in several formats shares its file name up to the extension."""
    name = path.name
    for suffix in (".yaml.txt", ".txt", ".pdf", ".docx", ".json", ".md"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", help="corpus folder (holding resumes/)")
    parser.add_argument(
        "--compare",
        action="store_true",
        help="only compare matched skills across formats of one resume",
    )
    args = parser.parse_args(argv)
    corpus = find_corpus(args.corpus)
    if corpus is None or not (corpus / "resumes").is_dir():
        print(
            "corpus not found (looked for shared/corpus/resumes beside the repository); "
            "nothing to evaluate"
        )
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    from skillgap.analysis import PreparedRubric, find_evidence
    from skillgap.errors import SkillgapError
    from skillgap.profiles import load_profile
    from skillgap.rubric.parse import load_rubric

    # Matched as the analysis matches: the rubric completed from the knowledge base.
    prepared = PreparedRubric.of(load_rubric())
    found: dict[Path, set[str]] = {}
    formats: dict[Path, str] = {}
    for path in sorted(p for p in (corpus / "resumes").rglob("*") if p.is_file()):
        try:
            profile = load_profile(path)
        except SkillgapError as exc:
            if not args.compare:
                print(f"\n== {path.relative_to(corpus)}\n   not read: {exc.message}")
            continue
        matches = find_evidence(profile, prepared)
        found[path] = set(matches.evidence)
        formats[path] = profile.format
        if args.compare:
            continue
        print(f"\n== {path.relative_to(corpus)} ({profile.format}): {len(matches.evidence)} skills")
        for skill in sorted(matches.evidence):
            evidence = matches.evidence[skill][0]
            where = f"{evidence.source}" + (f":{evidence.line}" if evidence.line else "")
            print(f"   {skill:<34} {evidence.method:<8} {where:<18} “{evidence.context[:70]}”")
    groups: dict[str, list[Path]] = defaultdict(list)
    for path in found:
        groups[person_key(path)].append(path)
    print("\n== the same resume in several formats")
    same = different = 0
    for key, paths in sorted(groups.items()):
        if len(paths) < 2:
            continue
        union = set().union(*(found[p] for p in paths))
        common = set.intersection(*(found[p] for p in paths))
        label = ", ".join(sorted(formats[p] for p in paths))
        if union == common:
            same += 1
            print(f"   same     {key} ({label}): {len(common)} skills")
            continue
        different += 1
        print(f"   DIFFERS  {key} ({label}): {len(common)} in common")
        for path in sorted(paths):
            only = sorted(found[path] - common)
            if only:
                print(f"              only in {formats[path]:<5}: {', '.join(only)}")
    print(f"\n{same} resumes match identically across formats, {different} differ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

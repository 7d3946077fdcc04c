"""JSON Resume (jsonresume.org), as JSON or YAML, in its v0.x and v1.x forms.

JSON Resume is someone else's format, so it is read leniently (missing sections are
fine, old and new ``location`` forms both work; JSON with comments and trailing commas,
as some JSON Resume site templates publish it, is read with a warning), but a field of
the wrong type is still refused with its path.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ProfileError
from ..io.read import sha256_hex
from ..limits import Limits
from ..text import prepare_text
from .base import STRUCTURED_EXTENSIONS, cap_text, decode_profile_text, require_text
from .dates import is_present
from .degrees import degree_level
from .model import DeclaredSkill, Education, Identity, Job, Profile, TextSegment, in_one_list
from .structured import (
    Located,
    PathKey,
    date_value,
    not_a_profile_reason,
    parse_structured,
    path_text,
)


@dataclass(frozen=True)
class JsonResumeLoader:
    """JSON Resume (jsonresume.org), as JSON or YAML."""

    format: str = "json-resume"
    description: str = "JSON Resume (jsonresume.org), JSON or YAML"

    def sniff(self, path: Path, head: bytes) -> int:
        looks = (
            b'"basics"' in head
            or b"jsonresume" in head
            or b'"position"' in head
            or head.lstrip().startswith(b"basics:")
            or b"\nbasics:" in head
        )
        if not looks:
            return 0
        return (
            80
            if path.suffix.lower() in (*STRUCTURED_EXTENSIONS, "") or head.lstrip().startswith(b"{")
            else 0
        )

    def load(self, path: Path, data: bytes, *, display: str, limits: Limits) -> Profile:
        from .json_resume import load_json_resume

        text, _ = decode_profile_text(data, display, limits, cut=False)
        located = parse_structured(text, path=path, display=display, limits=limits)
        profile = load_json_resume(located, display=display, sha256=sha256_hex(data))
        return require_text(cap_text(profile, limits), display)


class _Reader:
    """Typed access to JSON Resume fields that names the path on a wrong type."""

    def __init__(self, located: Located, display: str) -> None:
        self.located = located
        self.display = display

    def _fail(self, loc: PathKey, expected: str, value: Any) -> ProfileError:
        kind = {
            dict: "a mapping",
            list: "a list",
            str: "text",
            bool: "true/false",
            int: "a number",
            float: "a number",
        }.get(type(value), type(value).__name__)
        return ProfileError(
            f"'{path_text(loc)}' must be {expected}, got {kind}; fix the "
            "JSON Resume or leave the field out",
            path=self.display,
            line=self.located.line(loc),
        )

    @staticmethod
    def get(parent: Any, key: str) -> Any:
        return parent.get(key) if isinstance(parent, dict) else None

    def text(self, parent: Any, loc: PathKey, key: str) -> str:
        value = self.get(parent, key)
        if value is None:
            return ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if isinstance(value, dt.date):  # unquoted dates in a JSON Resume written as YAML
            return value.isoformat()
        if not isinstance(value, str):
            raise self._fail((*loc, key), "text", value)
        return value

    def items(self, parent: Any, loc: PathKey, key: str) -> list[tuple[PathKey, Any]]:
        value = self.get(parent, key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self._fail((*loc, key), "a list", value)
        return [((*loc, key, i), item) for i, item in enumerate(value)]

    def mapping(self, parent: Any, loc: PathKey, key: str) -> dict[str, Any]:
        value = self.get(parent, key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self._fail((*loc, key), "a mapping", value)
        return value

    def strings(self, parent: Any, loc: PathKey, key: str) -> list[tuple[PathKey, str]]:
        result = []
        for item_loc, item in self.items(parent, loc, key):
            if isinstance(item, str):
                result.append((item_loc, item))
            elif item is not None:
                raise self._fail(item_loc, "text", item)
        return result

    def entries(self, parent: Any, loc: PathKey, key: str) -> list[tuple[PathKey, dict[str, Any]]]:
        result = []
        for item_loc, item in self.items(parent, loc, key):
            if not isinstance(item, dict):
                raise self._fail(item_loc, "a mapping", item)
            result.append((item_loc, item))
        return result


def _location_text(value: Any) -> str | None:
    if isinstance(value, str):
        return value or None
    if isinstance(value, dict):
        parts = [str(value.get(k, "")) for k in ("city", "region", "countryCode", "country")]
        text = ", ".join(p for p in parts if p)
        return text or None
    return None


def load_json_resume(located: Located, *, display: str, sha256: str) -> Profile:
    """Build a Profile from a JSON Resume (v0.x and v1.x forms)."""
    data = located.data
    reason = not_a_profile_reason(data)
    if reason:
        raise ProfileError(reason, path=display)
    read = _Reader(located, display)
    segments: list[TextSegment] = []
    declared: list[DeclaredSkill] = []
    jobs: list[Job] = []
    education: list[Education] = []

    def add(loc: PathKey, text: str) -> None:
        if text.strip():
            segments.append(TextSegment(path_text(loc), prepare_text(text), located.line(loc)))

    basics = read.mapping(data, (), "basics")
    root: PathKey = ("basics",)
    for key in ("label", "summary"):
        add((*root, key), read.text(basics, root, key))
    links = [read.text(basics, root, "url"), read.text(basics, root, "website")]
    for p_loc, profile in read.entries(basics, root, "profiles"):
        links.append(read.text(profile, p_loc, "url"))
    location = basics.get("location")
    if location is not None and not isinstance(location, (str, dict)):
        raise read._fail((*root, "location"), "text or a mapping", location)
    identity = Identity(
        name=read.text(basics, root, "name") or None,
        email=read.text(basics, root, "email") or None,
        phone=read.text(basics, root, "phone") or None,
        location=_location_text(location),
        links=tuple(link for link in links if link),
        photo=read.text(basics, root, "image") or read.text(basics, root, "picture") or None,
    )
    for section in ("work", "volunteer"):
        for loc, job in read.entries(data, (), section):
            title = read.text(job, loc, "position")
            organization = (
                read.text(job, loc, "name")
                or read.text(job, loc, "company")
                or read.text(job, loc, "organization")
            )
            start = date_value(read.text(job, loc, "startDate"), end=False)
            end_text = read.text(job, loc, "endDate")
            end = date_value(end_text, end=True) if end_text and not is_present(end_text) else None
            if section == "work":
                jobs.append(
                    Job(
                        title,
                        organization,
                        start,
                        end,
                        path_text(loc),
                        located.line((*loc, "position")),
                    )
                )
            add((*loc, "position"), title)
            for key in ("summary", "description"):
                add((*loc, key), read.text(job, loc, key))
            for h_loc, highlight in read.strings(job, loc, "highlights"):
                add(h_loc, highlight)
    for loc, entry in read.entries(data, (), "education"):
        study = read.text(entry, loc, "studyType")
        area = read.text(entry, loc, "area")
        text = " ".join(p for p in (study, area) if p)
        level = degree_level(study) or degree_level(text) or _study_type_level(study)
        ends = read.text(entry, loc, "endDate")
        education.append(
            Education(level, text, path_text(loc), located.line((*loc, "studyType")), ends)
        )
        add((*loc, "area"), area)
        for c_loc, course in read.strings(entry, loc, "courses"):
            add(c_loc, course)
    for loc, skill in read.entries(data, (), "skills"):
        level = read.text(skill, loc, "level") or None
        name = read.text(skill, loc, "name")
        group: list[DeclaredSkill] = []
        if name:
            group.append(
                DeclaredSkill(name, path_text((*loc, "name")), located.line((*loc, "name")), level)
            )
        for k_loc, keyword in read.strings(skill, loc, "keywords"):
            group.append(DeclaredSkill(keyword, path_text(k_loc), located.line(k_loc), level))
        declared.extend(in_one_list(group))
    for loc, project in read.entries(data, (), "projects"):
        for key in ("name", "description", "summary"):
            add((*loc, key), read.text(project, loc, key))
        for h_loc, highlight in read.strings(project, loc, "highlights"):
            add(h_loc, highlight)
        declared.extend(
            in_one_list(
                [
                    DeclaredSkill(keyword, path_text(k_loc), located.line(k_loc))
                    for k_loc, keyword in read.strings(project, loc, "keywords")
                ]
            )
        )
        for r_loc, role in read.strings(project, loc, "roles"):
            add(r_loc, role)
    for section, fields in (
        ("publications", ("name", "publisher", "summary")),
        ("awards", ("title", "awarder", "summary")),
        ("certificates", ("name", "issuer")),
    ):
        for loc, entry in read.entries(data, (), section):
            for key in fields:
                add((*loc, key), read.text(entry, loc, key))
    if not (segments or declared or jobs or education):
        raise ProfileError(
            "is a JSON Resume with no usable content (no summary, work, "
            "education, skills or projects)",
            path=display,
        )
    return Profile(
        source=display,
        format="json-resume",
        sha256=sha256,
        identity=identity,
        declared_skills=tuple(declared),
        jobs=tuple(jobs),
        education=tuple(education),
        segments=tuple(segments),
        warnings=located.warnings,
    )


def _study_type_level(study: str) -> str | None:
    lowered = study.lower()
    for word, level in (
        ("doctor", "phd"),
        ("master", "master"),
        ("bachelor", "bachelor"),
        ("associate", "associate"),
    ):
        if word in lowered:
            return level
    return None

"""JSON Schemas (draft 2020-12) for skillgap's formats, exported from the models.

``skillgap schema rubric|profile|report|audit`` prints one; ``skillgap schema --write schema/``
regenerates the committed copies in ``schema/`` (a test checks they have not drifted
from the models). Editors use the rubric schema through the comment at the top of a
rubric file::

    # yaml-language-server: $schema=../schema/rubric.schema.json

The rubric and profile schemas describe what you write (the models' validation side);
the report and audit schemas describe what ``--format json`` prints (the serialisation
side).
"""

from __future__ import annotations

import copy
import enum
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from pydantic import BaseModel

#: The JSON Schema dialect of every exported schema.
DIALECT = "https://json-schema.org/draft/2020-12/schema"


class SchemaName(str, enum.Enum):
    """The formats skillgap has a JSON Schema for."""

    RUBRIC = "rubric"
    PROFILE = "profile"
    REPORT = "report"
    AUDIT = "audit"


@dataclass(frozen=True)
class SchemaSpec:
    """One exported schema: which model, which side of it, and its title."""

    name: str
    title: str
    mode: Literal["validation", "serialization"]

    def model(self) -> type[BaseModel]:
        """The pydantic model (imported only when needed)."""
        if self.name == "rubric":
            from .rubric.model import Rubric

            return Rubric
        if self.name == "profile":
            from .profiles.skillgap_profile import SkillgapProfile

            return SkillgapProfile
        if self.name == "audit":
            from .audit.model import AuditReport

            return AuditReport
        from .report.model import GapReport

        return GapReport

    @property
    def file_name(self) -> str:
        """``rubric.schema.json`` and so on."""
        return f"{self.name}.schema.json"

    @property
    def id(self) -> str:
        """The schema's ``$id``: a name for it, not a place to download it from."""
        return f"urn:skillgap:schema:{self.name}"


SCHEMAS: dict[str, SchemaSpec] = {
    spec.name: spec
    for spec in (
        SchemaSpec("rubric", "skillgap rubric", "validation"),
        SchemaSpec("profile", "skillgap profile", "validation"),
        SchemaSpec("report", "skillgap gap report", "serialization"),
        SchemaSpec("audit", "skillgap fairness audit", "serialization"),
    )
}


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema for ``name`` (rubric, profile, report or audit) as a dict.

    >>> schema = json_schema("rubric")
    >>> schema["$id"], schema["title"]
    ('urn:skillgap:schema:rubric', 'skillgap rubric')
    """
    spec = SCHEMAS[name]
    exported = spec.model().model_json_schema(mode=spec.mode, by_alias=True)
    exported.pop("title", None)
    if name == "rubric":
        exported = _with_overlays(exported)
    return {"$schema": DIALECT, "$id": spec.id, "title": spec.title, **exported}


_OVERLAY_REQUIRED = {"Area": ["id"], "Requirement": ["id"]}


def _overlay_refs(node: Any) -> Any:
    """Point every ``$ref`` inside an overlay at the overlay version of its target."""
    if isinstance(node, dict):
        return {
            key: (
                value + "Overlay"
                if key == "$ref" and isinstance(value, str) and value.startswith("#/$defs/")
                else _overlay_refs(value)
            )
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_overlay_refs(item) for item in node]
    return node


def _overlay(definition: dict[str, Any], required: list[str]) -> dict[str, Any]:
    overlay: dict[str, Any] = _overlay_refs(copy.deepcopy(definition))
    overlay.pop("required", None)
    if required:
        overlay["required"] = required
    properties = overlay.get("properties", {})
    for key, prop in list(properties.items()):
        if key in required:
            continue
        # null puts an inherited key back to its default
        properties[key] = {
            "anyOf": [{k: v for k, v in prop.items() if k != "description"}, {"type": "null"}],
            "description": prop.get("description", ""),
        }
    return overlay


def _with_overlays(exported: dict[str, Any]) -> dict[str, Any]:
    """Let a rubric that ``extends`` another state only what differs.

    A file with ``extends`` is an overlay: every key is optional except its own ``id``
    and ``version``; areas and requirements need only their ``id`` (they are merged by
    it) and may say ``remove: true``. Files without ``extends`` get the full schema.
    """
    definitions: dict[str, Any] = exported.pop("$defs", {})
    overlays = {}
    for name, definition in definitions.items():
        overlay = _overlay(definition, _OVERLAY_REQUIRED.get(name, []))
        if name in _OVERLAY_REQUIRED:
            overlay["properties"]["remove"] = {
                "type": "boolean",
                "description": "Delete the inherited entry with this id (write only the id "
                "beside it).",
            }
        overlays[f"{name}Overlay"] = overlay
    top = {key: value for key, value in exported.items() if key != "description"}
    overlays["RubricOverlay"] = _overlay(top, ["extends", "id", "version"])
    return {
        "description": exported.get("description", ""),
        "$defs": {**definitions, **overlays},
        "if": {"required": ["extends"]},
        "then": {"$ref": "#/$defs/RubricOverlay"},
        "else": top,
    }


def schema_text(name: str) -> str:
    """The JSON Schema for ``name`` as the exact text of the committed file."""
    return json.dumps(json_schema(name), indent=2, ensure_ascii=False) + "\n"


def write_schemas(directory: Path, names: tuple[str, ...] = tuple(SCHEMAS)) -> list[Path]:
    """Write ``<name>.schema.json`` for each name into ``directory`` (atomically)."""
    from .io.write import write_atomic

    written = []
    for name in names:
        path = directory / SCHEMAS[name].file_name
        write_atomic(path, schema_text(name))
        written.append(path)
    return written


__all__ = [
    "DIALECT",
    "SCHEMAS",
    "SchemaName",
    "SchemaSpec",
    "json_schema",
    "schema_text",
    "write_schemas",
]

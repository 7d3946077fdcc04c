"""The one way reports are built: from values our own code computed.

Every report model is built with :func:`build` (and changed with :func:`updated`),
never by calling its constructor: the values come from our own code, already typed, so
pydantic's validation would only cost time, and it was most of a batch's time. The JSON
Schema and ``model_validate`` still guard reports read back from files
(:func:`skillgap.report.diff.load_report`).

:func:`build` makes the object ``cls.model_construct(**values)`` makes (a test holds
the two equal), for a fraction of the cost: a batch builds a few hundred of these per
candidate.
"""

from __future__ import annotations

import operator
from typing import Any, TypeVar

from pydantic import BaseModel

from ..matching.evidence import Evidence
from .model import EvidenceItem

_M = TypeVar("_M", bound=BaseModel)
_set_attribute = object.__setattr__


#: Each model's layout, worked out once (a plain dict: the compiled build type-checks
#: this module without pydantic installed, where a model class is not known hashable).
_LAYOUTS: dict[type, tuple[tuple[str, ...], dict[str, Any]]] = {}


def _layout(cls: type[BaseModel]) -> tuple[tuple[str, ...], dict[str, Any]]:
    """A model's field names in declaration order, and the defaults of optional ones."""
    found = _LAYOUTS.get(cls)
    if found is None:
        found = _LAYOUTS[cls] = _layout_of(cls)
    return found


def _layout_of(cls: type[BaseModel]) -> tuple[tuple[str, ...], dict[str, Any]]:
    fields = cls.model_fields
    if any(f.default_factory is not None for f in fields.values()):
        raise TypeError(f"{cls.__name__}: build() does not run default factories")
    defaults = {name: f.default for name, f in fields.items() if not f.is_required()}
    return tuple(fields), defaults


def build(cls: type[_M], /, **values: Any) -> _M:
    """A report model built from values our own code computed, without validation.

    The same object ``cls.model_construct(**values)`` builds (fields in declaration
    order, defaults filled in, the passed names as the fields set), for a fraction of
    the cost: a batch builds a few hundred of these per candidate. Unknown or missing
    required names are programming errors and raise ``TypeError``.
    """
    names, defaults = _layout(cls)
    if tuple(values) == names:  # every field, in order: the common case, nothing to do
        data = values
    else:
        try:
            data = {name: values[name] if name in values else defaults[name] for name in names}
        except KeyError as exc:
            raise TypeError(f"{cls.__name__}: missing required field {exc}") from None
        if not values.keys() <= data.keys():
            raise TypeError(f"{cls.__name__}: unknown fields {sorted(values.keys() - data)}")
    return _construct(cls, data, set(values))


def _construct(cls: type[_M], data: dict[str, Any], fields_set: set[str]) -> _M:
    """What ``model_construct`` makes of complete field values, without its overhead."""
    model = object.__new__(cls)  # what cls.__new__ is: pydantic models keep object's
    _set_attribute(model, "__dict__", data)
    _set_attribute(model, "__pydantic_fields_set__", fields_set)
    _set_attribute(model, "__pydantic_extra__", None)
    _set_attribute(model, "__pydantic_private__", None)
    return model


def updated(model: _M, /, **changes: Any) -> _M:
    """A copy of ``model`` with some fields changed (built as :func:`build` builds)."""
    values = {name: getattr(model, name) for name in type(model).model_fields}
    values.update(changes)
    copy = build(type(model), **values)
    _set_attribute(copy, "__pydantic_fields_set__", model.model_fields_set | set(changes))
    return copy


#: The fields a piece of evidence carries into the report: all of Evidence's but the
#: skill it is filed under (a test holds the two models in step).
_EVIDENCE_FIELDS = tuple(EvidenceItem.model_fields)
_evidence_values = operator.attrgetter(*_EVIDENCE_FIELDS)


def evidence_item(evidence: Evidence) -> EvidenceItem:
    """The report's form of one piece of evidence (every field taken from it)."""
    data = dict(zip(_EVIDENCE_FIELDS, _evidence_values(evidence), strict=True))
    return _construct(EvidenceItem, data, set(_EVIDENCE_FIELDS))


__all__ = ["build", "evidence_item", "updated"]

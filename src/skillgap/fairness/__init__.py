"""Counterfactual tests of a rubric (``skillgap audit-rubric``).

Resumes that differ only in an identity signal — a name, pronouns, gendered words, a
women's college, graduation years, a parental leave, citizenship, a native language, an
address, a photo, a date of birth — must score the same. This package builds those
variants of real resumes (the synthetic ones in ``profiles/`` unless given others),
scores each with the real analysis and reports every score that moved, with the
requirement and the evidence that moved it:

* :mod:`.variants` — editing a resume's text in one place, and DOCX files;
* :mod:`.signals` — the families of variants, one per identity signal;
* :mod:`.run` — writing, loading, scoring and comparing the variants;
* :mod:`.model` — the result, :class:`~.model.RubricAudit`, and its JSON.
"""

from __future__ import annotations

from .model import RubricAudit
from .run import ProfileSource, audit_rubric, bundled_profiles, read_profile

__all__ = ["ProfileSource", "RubricAudit", "audit_rubric", "bundled_profiles", "read_profile"]

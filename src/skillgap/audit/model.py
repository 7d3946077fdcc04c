"""The fairness audit as data: what ``skillgap audit --format json`` prints.

``skillgap schema audit`` exports these models as JSON Schema (committed as
``schema/audit.schema.json``); docs/fairness.md explains every number. Bump
:data:`AUDIT_SCHEMA_VERSION` on any change a consumer could notice.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from ..report.model import OutputModel, ToolInfo

#: 1.0: the first contract.
AUDIT_SCHEMA_VERSION = "1.0"

SelectionMode = Literal["median", "top", "score"]


class InputFile(OutputModel):
    """A file the audit read."""

    file: str = Field(description="The file as named on the command line.")
    format: str = Field(description="jsonl, csv or json (results); csv (groups).")
    sha256: str = Field(description="SHA-256 of the file's bytes.")
    rows: int = Field(description="Rows read from the file (blank lines not counted).")


class RubricTrail(OutputModel):
    """The rubric the batch scored against, as its output records it."""

    id: str = Field(description="The rubric's id.")
    title: str | None = Field(description="The role's title (null if not recorded).")
    version: str | None = Field(description="The rubric's version (null if not recorded).")
    sha256: str | None = Field(description="SHA-256 of the rubric (null if not recorded).")


class BatchTrail(OutputModel):
    """How the audited batch was made, from its audit header or sidecar and its rows."""

    meta_file: str | None = Field(
        description="The audit sidecar read (FILE.meta.json beside a .jsonl or .csv output); "
        "null for a .json output (its header is inside) or when there is none."
    )
    rubric: RubricTrail | None = Field(
        description="The one rubric every row was scored against (null if not recorded)."
    )
    tool_versions: list[str] = Field(description="skillgap versions that scored the rows.")
    as_of_first: str | None = Field(
        description="Earliest date the rows were scored as of (YYYY-MM-DD)."
    )
    as_of_last: str | None = Field(description="Latest date the rows were scored as of.")
    blind: bool | None = Field(
        description="True if the batch ran with --blind (null if not recorded)."
    )
    options: dict[str, Any] | None = Field(
        description="The batch's options, as its audit header records them (null if absent)."
    )


class AuditTrail(OutputModel):
    """What was audited: the two input files and how the batch was made."""

    results: InputFile = Field(description="The batch output audited.")
    groups: InputFile = Field(description="The organisation's groups file.")
    batch: BatchTrail = Field(description="How the batch was made.")


class Selection(OutputModel):
    """Who counts as selected."""

    mode: SelectionMode = Field(
        description="median: scored strictly above the median of all scored rows (the "
        "scoring rate of NYC Local Law 144); top: among the first N of the batch's ranking; "
        "score: overall score at least a threshold."
    )
    top: int | None = Field(description="N, for mode top.")
    threshold: float | None = Field(description="The threshold (0-100), for mode score.")
    median: float = Field(description="The median overall score of all scored rows.")
    description: str = Field(description="The rule in words.")


class AuditSettings(OutputModel):
    """The options the audit ran with."""

    selection: Selection = Field(description="The selection rule, and the median it used.")
    join_column: str = Field(description="The groups file's column joined to the results.")
    join_field: str = Field(
        description="What it matched in the results: id, sha256, file, or any of the three."
    )
    categories: list[str] = Field(description="The category columns audited, in file order.")
    min_share: float = Field(
        description="Categories with a smaller share of the rows with a known label are "
        "reported but left out of the impact ratios (0.02)."
    )
    flag_below: float = Field(description="Impact ratios under this are flagged (0.8).")
    confidence: float = Field(description="Confidence level of the intervals (0.95).")
    unknown_labels: list[str] = Field(
        description="Labels read as unknown besides the built-in list (--unknown)."
    )


class SampleCounts(OutputModel):
    """Who is in the sample."""

    rows: int = Field(description="Rows in the results.")
    scored: int = Field(description="Rows scored (the sample).")
    errors: int = Field(description="Error rows: counted, not in the sample.")
    selected: int = Field(description="Scored rows selected.")
    without_group_row: int = Field(description="Scored rows with no row in the groups file.")
    group_rows: int = Field(description="Rows in the groups file.")
    unmatched_group_rows: int = Field(
        description="Rows of the groups file that match no row of the results."
    )
    unmatched_group_lines: list[int] = Field(
        description="Lines of the first (up to 20) unmatched rows of the groups file."
    )


class Distribution(OutputModel):
    """Count, mean, median and quartiles of scores on 0-100 (null when there are none)."""

    count: int = Field(description="Scores counted.")
    mean: float | None = Field(description="Mean.")
    median: float | None = Field(description="Median.")
    q1: float | None = Field(description="First quartile (linear interpolation).")
    q3: float | None = Field(description="Third quartile (linear interpolation).")


class AreaDistribution(OutputModel):
    """One requirement area's scores within one category."""

    id: str | None = Field(description="The area's id (null when read from a CSV).")
    name: str = Field(description="The area's name.")
    scores: Distribution = Field(description="The area's scores, 0-100.")


class CategoryResult(OutputModel):
    """One category of a category column."""

    label: str = Field(description="The category (for an intersection, labels joined by ' × ').")
    labels: list[str] = Field(description="The label in each column (one unless intersecting).")
    count: int = Field(description="Scored rows in the category.")
    selected: int = Field(description="Of those, how many were selected.")
    rate: float = Field(description="Selection rate: selected / count.")
    share: float = Field(description="count / the rows of the column with a known label.")
    excluded: bool = Field(
        description="True when under min_share: reported, left out of the impact ratios."
    )
    reference: bool = Field(description="True for the most-selected category.")
    impact_ratio: float | None = Field(
        description="rate / the reference category's rate; null when excluded or when the "
        "reference selects no one."
    )
    ci_low: float | None = Field(
        description="Lower bound of the impact ratio's confidence interval (Katz log "
        "method); null when undefined (no one selected here or in the reference) and for "
        "the reference itself."
    )
    ci_high: float | None = Field(description="Upper bound of that interval (same rules).")
    p_value: float | None = Field(
        description="Two-sided p-value of Fisher's exact test of this category's selections "
        "against the reference's; null when excluded and for the reference itself."
    )
    flagged: bool = Field(description="True when the impact ratio is under flag_below.")
    notes: list[str] = Field(
        description="Why a number is missing or flagged, in words (e.g. 'excluded: under 2%')."
    )
    errors: int = Field(description="Error rows with this label: not in the sample.")
    overall: Distribution = Field(description="Overall scores of the category (0-100).")
    areas: list[AreaDistribution] = Field(description="Per-area scores, in rubric order.")


class CategoryColumn(OutputModel):
    """A category column of the groups file, or the intersection of all of them."""

    name: str = Field(description="The column's name, or the names joined by ' × '.")
    columns: list[str] = Field(description="The columns it is made of.")
    intersection: bool = Field(description="True for the intersection of several columns.")
    known: int = Field(description="Scored rows with a known label.")
    unknown: int = Field(
        description="Scored rows left out of the rates: no group row, or an unknown label."
    )
    unknown_label: int = Field(description="Of those, rows whose label says it is unknown.")
    reference: str | None = Field(
        description="The most-selected category that is not excluded (null if none)."
    )
    flagged: list[str] = Field(description="Categories whose impact ratio is flagged.")
    categories: list[CategoryResult] = Field(description="Every category, sorted by label.")


class AuditReport(OutputModel):
    """A fairness audit of one batch of scores against one groups file."""

    schema_version: str = Field(description="Version of this format.")
    type: Literal["skillgap-audit"] = Field(description="Always 'skillgap-audit'.")
    tool: ToolInfo = Field(description="The skillgap that ran the audit.")
    trail: AuditTrail = Field(description="What was audited, and how the batch was made.")
    settings: AuditSettings = Field(description="The options of the audit.")
    sample: SampleCounts = Field(
        description="How many rows were read, scored, selected and joined to a group row."
    )
    columns: list[CategoryColumn] = Field(
        description="Each category column, then their intersection."
    )
    flagged: int = Field(description="Flagged impact ratios, all columns together.")
    warnings: list[str] = Field(description="What the reader of the audit should know.")

    def to_json(self) -> str:
        """Deterministic, indented JSON (what ``--format json`` prints)."""
        return self.model_dump_json(indent=2) + "\n"


__all__ = [
    "AUDIT_SCHEMA_VERSION",
    "AreaDistribution",
    "AuditReport",
    "AuditSettings",
    "AuditTrail",
    "BatchTrail",
    "CategoryColumn",
    "CategoryResult",
    "Distribution",
    "InputFile",
    "RubricTrail",
    "SampleCounts",
    "Selection",
    "SelectionMode",
]

"""Making profile text inert (skillgap.render.escape): Markdown tables and links, and CSV
cells that would start a formula."""

from __future__ import annotations

import pytest

from skillgap.render.escape import csv_cell, markdown


def test_markdown_escape_neutralises_table_pipes_and_links() -> None:
    assert markdown("a | b") == "a \\| b"
    assert markdown("[x](http://e)") == "\\[x\\]\\(http://e\\)"


@pytest.mark.parametrize(
    "value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://evil.example","x")']
)
def test_csv_cells_never_start_a_formula(value: str) -> None:
    cell = csv_cell(value)
    assert isinstance(cell, str) and cell.startswith("'")

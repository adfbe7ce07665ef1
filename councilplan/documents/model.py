"""The document model: what every report of every system is made of, whatever the format.

A document is a list of plain blocks (headings, paragraphs with bold runs, bullet lists, tables, charts
that always carry their data table, and page breaks), so that HTML, PDF, Word, Excel and JSON lay out the
same content and none of them decides what to say. A report is a function from plain records to a
`Document`; `councilplan.documents.formats.render` turns it into a file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

TICK = "✓"


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False


@dataclass(frozen=True)
class Heading:
    kind: ClassVar[str] = "heading"
    text: str
    level: int  # 1: the document's title, 2: a part or section, 3: within a section
    anchor: str = ""


@dataclass(frozen=True)
class Paragraph:
    """`style`: "" (body), "lead" (the quarter line under the title), "figure" (a headline figure, shown
    large), "note" (a muted remark, e.g. that no commentary has been entered)."""

    kind: ClassVar[str] = "paragraph"
    runs: tuple[Run, ...]
    number: str = ""  # the seed's paragraph number, e.g. "2.1"
    style: str = ""

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class BulletList:
    kind: ClassVar[str] = "bullets"
    items: tuple[Paragraph, ...]


Cell = str | int | float | bool | dt.date | None


@dataclass(frozen=True)
class CellView:
    """A cell as the renderers show it. `kind`: text, number, tick (True), blank-tick (False), date, empty."""

    text: str
    kind: str
    value: Cell


@dataclass(frozen=True)
class Table:
    """A table with one header row. A bool cell is a tick (✓ or nothing); ints are numbers; dates are dates.

    `numeric` and `ticks` name the columns (0-based) to align as numbers or ticks. `row_headers`: the
    first column heads its row. `total_row`: the last row is a total. `sheet` is the Excel sheet the table
    goes on (tables sharing a sheet are written one under the other)."""

    kind: ClassVar[str] = "table"
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    numeric: frozenset[int] = frozenset()
    ticks: frozenset[int] = frozenset()
    sheet: str = ""
    row_headers: bool = False
    total_row: bool = False

    def column_kind(self, index: int) -> str:
        if index in self.ticks:
            return "tick"
        if index in self.numeric:
            return "number"
        return "text"

    @property
    def header_cells(self) -> list[tuple[str, str]]:
        return [(text, self.column_kind(i)) for i, text in enumerate(self.header)]

    @property
    def views(self) -> list[list[CellView]]:
        return [[cell_view(value) for value in row] for row in self.rows]


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[int | float, ...]
    role: str = "current"  # "previous" (blue), "current" (red), "other" (grey)


@dataclass(frozen=True)
class Chart:
    """A bar chart. Every format shows `table`, the same numbers, next to it (for screen readers and for
    anyone printing in black and white)."""

    kind: ClassVar[str] = "chart"
    key: str
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    alt: str
    table: Table
    value_label: str = "Activities"


@dataclass(frozen=True)
class PageBreak:
    kind: ClassVar[str] = "pagebreak"


Block = Heading | Paragraph | BulletList | Table | Chart | PageBreak


@dataclass(frozen=True)
class Document:
    title: str
    blocks: tuple[Block, ...]
    file_stem: str  # a file name without extension, e.g. "sdp-monitoring-2019-20-Q2"
    subject: str = ""  # one line for document properties: plan, round and version
    # The corporate team's commentary as entered, (section, text), in report order: Excel lists it on a sheet
    # of its own, since its sheets are tables.
    commentary: tuple[tuple[str, str], ...] = ()
    # Tables only the workbook shows, each on a sheet of its own before the document's tables (for example a
    # report's "Figures": every figure as a row).
    workbook_first: tuple[Table, ...] = ()
    # What the JSON format gives: the report's own machine-readable form. When None, the JSON renderer writes
    # the blocks themselves (headings, paragraphs, tables).
    data: dict | None = None
    language: str = "en-GB"

    @property
    def tables(self) -> list[Table]:
        """Every table, charts' data tables included, in document order."""
        found: list[Table] = []
        for block in self.blocks:
            if isinstance(block, Table):
                found.append(block)
            elif isinstance(block, Chart):
                found.append(block.table)
        return found


def format_date(value: dt.date) -> str:
    """Dates in tables as the seed prints them: 01/04/2020."""
    return value.strftime("%d/%m/%Y")


def cell_view(value: Cell) -> CellView:
    if value is None:
        return CellView("", "empty", None)
    if value is True:
        return CellView(TICK, "tick", True)
    if value is False:
        return CellView("", "blank-tick", False)
    if isinstance(value, int | float):
        return CellView(str(value), "number", value)
    if isinstance(value, dt.date):
        return CellView(format_date(value), "date", value)
    return CellView(str(value), "text", value)

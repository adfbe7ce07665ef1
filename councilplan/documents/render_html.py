"""HTML: the document as a page in the app (inside the GOV.UK layout) and as one standalone file with its
styles and charts inline, which is also what the PDF is printed from.

The templates lay out the document's blocks and nothing else. All text is escaped by Django's templates;
the only markup passed through unescaped is the SVG that matplotlib wrote for a chart.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from .model import Block, Chart, Document, Table


@dataclass(frozen=True)
class Item:
    """A block as the template sees it: the block, its table's column widths (percentages) and, for a
    chart, its SVG."""

    kind: str
    block: Block
    widths: tuple[int, ...] = ()
    svg: SafeString | None = None


def column_widths(table: Table) -> tuple[int, ...]:
    """Percentages for a fixed table layout, from how much text each column holds.

    Fixed, because with an automatic layout a column of long titles that may wrap anywhere (as very long
    words must) is squeezed to one letter wide. A column gets room for its typical cell (capped, so that one
    long reason does not take the page) and at least its longest header word."""
    weights: list[float] = []
    narrow: list[int] = []
    for index, heading in enumerate(table.header):
        # Header words are bold and should not break: room for the longest, and some padding.
        longest_word = 1.7 * max((len(word) for word in heading.split()), default=1) + 3
        if table.column_kind(index) in ("tick", "number"):
            narrow.append(index)
            weights.append(max(longest_word, 6))
            continue
        lengths = [len(str(row[index])) for row in table.rows if index < len(row) and row[index] is not None]
        typical = sum(lengths) / len(lengths) if lengths else 0
        weights.append(max(longest_word, min(typical, 50), 10))
    # Tick and number columns all as wide as the widest of them: a tidy grid, and no heading squeezed.
    widest = max((weights[i] for i in narrow), default=0)
    for index in narrow:
        weights[index] = widest
    total = sum(weights) or 1
    return tuple(max(4, round(100 * w / total)) for w in weights)


def _svg(chart: Chart, prefix: str) -> str:
    from . import charts  # matplotlib loads only when a chart is drawn, not with every page that lists blocks

    return charts.svg(chart, prefix=prefix)


def items(document: Document, with_charts: bool = True) -> list[Item]:
    shown = []
    for number, block in enumerate(document.blocks):
        if isinstance(block, Chart):
            # Safe: matplotlib escapes every label it writes into the SVG as XML text.
            svg = mark_safe(_svg(block, f"c{number}-{block.key}-")) if with_charts else None  # noqa: S308
            shown.append(Item(block.kind, block, column_widths(block.table), svg))
        elif isinstance(block, Table):
            shown.append(Item(block.kind, block, column_widths(block)))
        else:
            shown.append(Item(block.kind, block))
    return shown


def render_html(document: Document, *, for_print: bool = False) -> str:
    """The standalone HTML file. `for_print`: the PDF's version (page numbers, page breaks honoured)."""
    return render_to_string(
        "documents/report.html",
        {"document": document, "items": items(document), "for_print": for_print},
    )


def render_html_file(document: Document) -> bytes:
    return render_html(document).encode("utf-8")

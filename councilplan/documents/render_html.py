"""HTML: the document as a page in the app (inside the GOV.UK layout) and as one standalone file with its
styles and charts inline, which is also what the PDF is printed from.

The templates lay out the document's blocks and nothing else. All text is escaped by Django's templates;
the only markup passed through unescaped is the SVG that matplotlib wrote for a chart.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from .model import Block, Chart, Document, Table


@dataclass(frozen=True)
class Item:
    """A block as the template sees it: the block, its table's column widths (percentages) and, for a
    chart, its SVG (inline on a page; for print, as an image whose alt text the tagged PDF carries)."""

    kind: str
    block: Block
    widths: tuple[int, ...] = ()
    svg: SafeString | None = None
    image: str = ""


# The width of a table across the page, in characters of its text (A4 portrait, 8.5pt Arial: about 100
# digits). Column widths are worked out in these characters, then given as percentages.
TABLE_CHARACTERS = 100
# A word up to this long (a date, a code, a RAG word, a name) is never broken; a longer one may break anywhere.
UNBREAKABLE = 16


def _token_width(word: str) -> float:
    """How many digits wide a word prints: capitals are wider than digits and small letters."""
    return sum(1.25 if letter.isupper() else 1.0 for letter in word)


def column_widths(table: Table) -> tuple[int, ...]:
    """Percentages for a fixed table layout, from how much text each column holds.

    Fixed, because with an automatic layout a column of long titles that may wrap anywhere (as very long
    words must) is squeezed to one letter wide. Each column first gets room for its longest heading word and
    its longest word of up to UNBREAKABLE letters (so no date, code or RAG word breaks in the middle); what
    is left of the page goes to the columns of running text, up to their typical cell (capped, so that one
    long reason does not take the page)."""
    least: list[float] = []
    wanted: list[float] = []
    narrow: list[int] = []
    for index, heading in enumerate(table.header):
        cells = [str(row[index]) for row in table.rows if index < len(row) and row[index] is not None]
        header_word = 1.15 * max((_token_width(word) for word in heading.split()), default=1)
        words = [_token_width(word) for cell in cells for word in cell.split() if len(word) <= UNBREAKABLE]
        minimum = max(header_word, max(words, default=0)) + 1.5  # and the cell's padding
        if table.column_kind(index) in ("tick", "number"):
            narrow.append(index)
            least.append(max(minimum, 6))
            wanted.append(max(minimum, 6))
            continue
        typical = sum(len(cell) for cell in cells) / len(cells) if cells else 0
        least.append(minimum)
        wanted.append(max(minimum, min(typical, 50), 10))
    # Tick and number columns all as wide as the widest of them: a tidy grid, and no heading squeezed.
    widest = max((least[i] for i in narrow), default=0)
    for index in narrow:
        least[index] = wanted[index] = widest
    room = TABLE_CHARACTERS - sum(least)
    growth = [w - m for w, m in zip(wanted, least, strict=True)]
    if room <= 0 or sum(growth) <= 0:
        weights = wanted if room > 0 else least  # too many columns to fit: break as little as may be
    elif sum(growth) <= room:
        weights = wanted
    else:
        weights = [m + g * room / sum(growth) for m, g in zip(least, growth, strict=True)]
    total = sum(weights) or 1
    return tuple(max(4, round(100 * w / total)) for w in weights)


def _svg(chart: Chart, prefix: str) -> str:
    from . import charts  # matplotlib loads only when a chart is drawn, not with every page that lists blocks

    return charts.svg(chart, prefix=prefix)


def items(document: Document, with_charts: bool = True, for_print: bool = False) -> list[Item]:
    shown = []
    for number, block in enumerate(document.blocks):
        if isinstance(block, Chart) and with_charts and for_print:
            # An <img> with alt text, not inline SVG: WeasyPrint tags an image as a Figure with its /Alt.
            drawn = base64.b64encode(_svg(block, f"c{number}-{block.key}-").encode()).decode()
            image = f"data:image/svg+xml;base64,{drawn}"
            shown.append(Item(block.kind, block, column_widths(block.table), image=image))
        elif isinstance(block, Chart):
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
        {"document": document, "items": items(document, for_print=for_print), "for_print": for_print},
    )


def render_html_file(document: Document) -> bytes:
    return render_html(document).encode("utf-8")

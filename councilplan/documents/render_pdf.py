"""PDF: WeasyPrint prints the standalone HTML report with the print styles (A4, "Page X of Y"). The PDF's
title comes from the HTML <title>, its language from <html lang>. It is a tagged PDF (PDF/UA-1): headings,
tables and lists are marked up for screen readers and each chart carries its alt text, as the Public Sector
Bodies Accessibility Regulations expect of a published document.

A long document (more than WHOLE_SIZE blocks, list items and table cells) is laid out in parts, cut where it
starts a new page anyway, and joined with pypdf: WeasyPrint holds the whole layout of what it prints in memory,
so one part at a time bounds the peak. A document whose length is in a few long tables (the 5,000-activity
report) has few page breaks: there a part is also cut before a heading once it is twice as long as it should be,
and a table longer than a part is cut into tables of a part's length, each with the header and "(continued)".
The parts are printed without their page's header and footer, and each page then gets them from a second,
cheap document of empty pages, so that "Page X of Y" runs on across the parts. (Joined parts are not tagged:
pypdf does not join structure trees. Known gap, docs/benchmarks.md: only documents longer than WHOLE_SIZE, such
as a report of over a thousand activities, whose Word and HTML versions carry the structure.)
"""

from __future__ import annotations

import dataclasses
import gc
import io
import logging

from .model import Block, Chart, Document, Heading, PageBreak, Table
from .render_html import render_html

# A document is laid out whole, and so tagged, up to this size (`size`: blocks, list items and table cells);
# longer, in parts. The peak grows with what is laid out, about 35-40 KB a table cell over some 150 MB
# (docs/benchmarks.md: the sample's scorecards, 3,606 cells, 292 MB whole; a 1,500-activity report, 13,427
# cells, 596 MB whole, 324 MB in parts), so a document of this size peaks under 400 MB, within issue 11's 500.
WHOLE_SIZE = 6_000
# How long a part may be, counting each block as 1 and each table row (a chart's too) as 1 more. Measured on the
# 5,000-activity report (docs/benchmarks.md): parts of 1,000 peaked at 491 MB, of 500 at 307 MB, in the same
# time.
PART_WEIGHT = 500
# The parts' pages keep their margins but print nothing in them: the overlay of empty pages does.
_NO_MARGIN_BOXES = "<style>@page { @bottom-center { content: none } @top-right { content: none } }</style></head>"
_OVERLAY = """<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: 20mm 18mm 22mm;
  @bottom-center {{ content: "Page " counter(page) " of " counter(pages);
    font-family: Arial, "Liberation Sans", sans-serif; font-size: 9pt; color: #505a5f; }}
  @top-right {{ content: "{title}"; font-family: Arial, "Liberation Sans", sans-serif; font-size: 8pt;
    color: #505a5f; }} }}
.page + .page {{ break-before: page; }}
</style></head><body>{pages}</body></html>"""

# WeasyPrint warns about every CSS property it does not support; those warnings say nothing about the
# report and would fill the logs.
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


def weight(block: Block) -> int:
    """How much of a part `block` takes: 1, and 1 more for each row of a table (a chart's data table too)."""
    if isinstance(block, Table):
        return 1 + len(block.rows)
    if isinstance(block, Chart):
        return 1 + len(block.table.rows)
    return 1


def size(document: Document) -> int:
    """How much a document's layout holds: each block, list item and table cell (a chart's data table too)."""
    total = 0
    for block in document.blocks:
        table = block if isinstance(block, Table) else block.table if isinstance(block, Chart) else None
        if table is not None:
            total += sum(len(row) for row in table.rows)
        total += 1 + len(getattr(block, "items", ()))
    return total


def _cut_table(table: Table, size: int) -> list[Table]:
    """A table of more than `size` rows as tables of `size` rows: the header on each, the later ones
    "(continued)". A total row stays with the last piece."""
    if len(table.rows) <= size:
        return [table]
    pieces = []
    for start in range(0, len(table.rows), size):
        rows = table.rows[start : start + size]
        last = start + size >= len(table.rows)
        caption = table.caption if start == 0 else f"{table.caption} (continued)"
        pieces.append(dataclasses.replace(table, caption=caption, rows=rows, total_row=table.total_row and last))
    return pieces


def parts(document: Document, size: int = PART_WEIGHT) -> list[Document]:
    """The document cut into parts of about `size` (blocks and table rows, `weight`). A part is cut at a page
    break (dropped: a part starts a new page), so that the pages are the same as the whole document's; where
    there is none for a long way, before a heading once the part is twice `size`, and inside a table longer
    than `size`, so that no part is much longer than `size`."""
    found: list[Document] = []
    current: list = []
    held = 0

    def cut() -> None:
        nonlocal current, held
        if current:
            found.append(dataclasses.replace(document, blocks=tuple(current)))
        current, held = [], 0

    for block in document.blocks:
        if isinstance(block, PageBreak) and held >= size:
            cut()
            continue
        if isinstance(block, Heading) and held >= 2 * size:
            cut()
        pieces = _cut_table(block, size) if isinstance(block, Table) else [block]
        for piece in pieces:
            if len(pieces) > 1 and held and held + weight(piece) > size:
                cut()
            current.append(piece)
            held += weight(piece)
    cut()
    return found or [document]


def render_pdf(document: Document, part_weight: int = PART_WEIGHT, whole_size: int = WHOLE_SIZE) -> bytes:
    """The document as a PDF: laid out whole (a tagged PDF) up to `whole_size`, else in parts of `part_weight`."""
    from weasyprint import HTML  # imported here: it loads Pango, which only the PDF needs

    pieces = parts(document, part_weight) if size(document) > whole_size else [document]
    if len(pieces) > 1:
        return _render_in_parts(pieces)
    html = render_html(document, for_print=True)
    # WeasyPrint makes millions of small objects for a long report and frees them by reference counting; the
    # cyclic garbage collector finds almost nothing to collect but walks them all again and again, which
    # costs about a seventh of the time. So it is paused while the PDF is made.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
    finally:
        if was_enabled:
            gc.enable()


def _css_string(text: str) -> str:
    """`text` inside a CSS string in a <style> element, where HTML entities mean nothing: CSS escapes, and no
    "<" that could close the element."""
    return text.replace("\\", "\\5c ").replace('"', "\\22 ").replace("<", "\\3c ").replace("\n", " ")


def _render_in_parts(pieces: list[Document]) -> bytes:
    from pypdf import PdfReader, PdfWriter
    from weasyprint import HTML

    made: list[bytes] = []
    for piece in pieces:
        html = render_html(piece, for_print=True).replace("</head>", _NO_MARGIN_BOXES, 1)
        made.append(HTML(string=html).write_pdf())
        del html
        gc.collect()  # the part's layout, before the next is made
    readers = [PdfReader(io.BytesIO(content)) for content in made]
    total = sum(len(reader.pages) for reader in readers)
    first = pieces[0]
    title = next((b.text for b in first.blocks if isinstance(b, Heading) and b.level == 1), "")
    # The header shows the document's title, as the single layout's does from its <h1>.
    overlay_html = _OVERLAY.format(title=_css_string(title), pages='<div class="page"></div>' * total)
    overlay = PdfReader(io.BytesIO(HTML(string=overlay_html).write_pdf()))
    writer = PdfWriter()
    number = 0
    for reader in readers:
        for page in reader.pages:
            added = writer.add_page(page)  # pypdf merges only into a page of its writer
            added.merge_page(overlay.pages[number])
            added.compress_content_streams()  # pypdf writes a merged page's content uncompressed
            number += 1
    # Each page took a copy of the overlay's font and resources: one copy is kept.
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
    writer.add_metadata({"/Title": first.title + (f" – {first.subject}" if first.subject else "")})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()

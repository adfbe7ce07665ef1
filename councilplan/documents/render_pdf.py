"""PDF: WeasyPrint prints the standalone HTML report with the print styles (A4, "Page X of Y"). The PDF's
title comes from the HTML <title>, its language from <html lang>. It is a tagged PDF (PDF/UA-1): headings,
tables and lists are marked up for screen readers and each chart carries its alt text, as the Public Sector
Bodies Accessibility Regulations expect of a published document.

A long document (more than PART_BLOCKS blocks) is laid out in parts, cut where it starts a new page anyway,
and joined with pypdf: WeasyPrint holds the whole layout of what it prints in memory, so one part at a time
bounds the peak. The parts are printed without their page's header and footer, and each page then gets them
from a second, cheap document of empty pages, so that "Page X of Y" runs on across the parts. (Joined parts
are not tagged yet: pypdf does not join structure trees. Known gap, docs/benchmarks.md.)
"""

from __future__ import annotations

import dataclasses
import gc
import io
import logging

from .model import Document, Heading, PageBreak
from .render_html import render_html

PART_BLOCKS = 400
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


def parts(document: Document, size: int = PART_BLOCKS) -> list[Document]:
    """The document cut into parts of about `size` blocks, each cut at a page break (dropped: a part starts a
    new page), so that the pages are the same as the whole document's."""
    found: list[Document] = []
    current: list = []
    for block in document.blocks:
        if isinstance(block, PageBreak) and len(current) >= size:
            found.append(dataclasses.replace(document, blocks=tuple(current)))
            current = []
            continue
        current.append(block)
    if current or not found:
        found.append(dataclasses.replace(document, blocks=tuple(current)))
    return found


def render_pdf(document: Document, part_blocks: int = PART_BLOCKS) -> bytes:
    from weasyprint import HTML  # imported here: it loads Pango, which only the PDF needs

    pieces = parts(document, part_blocks) if len(document.blocks) > part_blocks else [document]
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

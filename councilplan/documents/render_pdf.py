"""PDF: WeasyPrint prints the standalone HTML report with the print styles (A4, "Page X of Y"). The PDF's
title comes from the HTML <title>, its language from <html lang>. It is a tagged PDF (PDF/UA-1): headings,
tables and lists are marked up for screen readers and each chart carries its alt text, as the Public Sector
Bodies Accessibility Regulations expect of a published document.

A long document (more than WHOLE_SIZE blocks, list items and table cells) is laid out in parts, cut where it
starts a new page anyway, and joined with pikepdf: WeasyPrint holds the whole layout of what it prints in memory,
so one part at a time bounds the peak. A document whose length is in a few long tables (the 5,000-activity
report) has few page breaks: there a part is also cut before a heading once it is twice as long as it should be,
and a table longer than a part is cut into tables of a part's length, each with the header and "(continued)".
The parts are printed without their page's header and footer, and each page then gets them, as an artifact,
from a second, cheap document of empty pages, so that "Page X of Y" runs on across the parts. Up to TAGGED_SIZE
each part is tagged, and the joined PDF is one tagged PDF (join_parts): one structure tree, the parts' bookmarks
nested as the single layout's. Longer documents are joined untagged, since the join holds the whole structure.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import io
import logging

from .model import Block, Chart, Document, Heading, PageBreak, Table
from .render_html import render_html

# A document is laid out whole up to this size (`size`: blocks, list items and table cells); longer, in parts.
# The peak grows with what is laid out, about 35-40 KB a table cell over some 150 MB
# (docs/benchmarks.md: the sample's scorecards, 3,606 cells, 292 MB whole; a 1,500-activity report, 13,427
# cells, 596 MB whole, 324 MB in parts), so a document of this size peaks under 400 MB, within issue 11's 500.
WHOLE_SIZE = 6_000
# A document made in parts is tagged up to this size. Joining the parts' structure trees holds each element twice
# in qpdf, about 2.8 KB (some three elements a unit of `size`), on top of the layout's memory. Measured
# (docs/benchmarks.md): the scorecards of 500 activities (size 32,098) peaked at 427 MB, of 700 (45,063) at
# 540 MB; the 5,000-activity report (44,829) at 495 MB. At 38,000 the scorecards stay under issue 11's 500 MB
# (about 480); longer documents (the scorecards of more than about 600 activities, the report of a plan of more
# than about 4,000) are joined untagged, which bounds their memory. Their Word and HTML versions carry the
# structure.
TAGGED_SIZE = 38_000
# How long a part may be, counting each block as 1 and each table row (a chart's too) as 1 more. Measured on the
# 5,000-activity report (docs/benchmarks.md): parts of 1,000 peaked at 491 MB, of 500 at 307 MB, in the same
# time.
PART_WEIGHT = 500
# The parts' pages keep their margins but print nothing in them: the overlay of empty pages does. It is made in
# batches of OVERLAY_PAGES, each numbering on from the one before: WeasyPrint lays a document out whole, and one
# of 2,000 empty pages took 23 s and 285 MB (the scorecards of 5,000 activities have some 10,000 pages).
OVERLAY_PAGES = 200
_NO_MARGIN_BOXES = "<style>@page { @bottom-center { content: none } @top-right { content: none } }</style></head>"
_OVERLAY = """<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><style>
@page :first {{ counter-reset: page {first} }}
@page {{ size: A4; margin: 20mm 18mm 22mm;
  @bottom-center {{ content: "Page " counter(page) " of {total}";
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


def render_pdf(
    document: Document, part_weight: int = PART_WEIGHT, whole_size: int = WHOLE_SIZE, tagged_size: int = TAGGED_SIZE
) -> bytes:
    """The document as a PDF, tagged up to `tagged_size`: laid out whole up to `whole_size`, else in parts of
    `part_weight`, joined."""
    from weasyprint import HTML  # imported here: it loads Pango, which only the PDF needs

    length = size(document)
    pieces = parts(document, part_weight) if length > whole_size else [document]
    if len(pieces) > 1:
        return _render_in_parts(pieces, tagged=length <= tagged_size)
    html = render_html(document, for_print=True)
    with _collector_paused():
        return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")


@contextlib.contextmanager
def _collector_paused():
    """WeasyPrint makes millions of small objects for a long report and frees them by reference counting; the
    cyclic garbage collector finds almost nothing to collect but walks them all again and again, which costs
    about a seventh of the time. So it is paused while a PDF is laid out."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _css_string(text: str) -> str:
    """`text` inside a CSS string in a <style> element, where HTML entities mean nothing: CSS escapes, and no
    "<" that could close the element."""
    return text.replace("\\", "\\5c ").replace('"', "\\22 ").replace("<", "\\3c ").replace("\n", " ")


def _render_in_parts(pieces: list[Document], tagged: bool) -> bytes:
    from weasyprint import HTML

    variant = {"pdf_variant": "pdf/ua-1"} if tagged else {}
    made: list[bytes] = []
    with _collector_paused():
        for piece in pieces:
            html = render_html(piece, for_print=True).replace("</head>", _NO_MARGIN_BOXES, 1)
            made.append(HTML(string=html).write_pdf(**variant))
            del html
            gc.collect()  # the part's layout, before the next is made (collecting works while paused)
    total = sum(_page_count(content) for content in made)
    first = pieces[0]
    title = next((b.text for b in first.blocks if isinstance(b, Heading) and b.level == 1), "")
    # The header shows the document's title, as the single layout's does from its <h1>.
    overlay = [
        HTML(string=_OVERLAY.format(
            title=_css_string(title), first=first, total=total,
            pages='<div class="page"></div>' * min(OVERLAY_PAGES, total - first + 1),
        )).write_pdf()
        for first in range(1, total + 1, OVERLAY_PAGES)
    ]  # fmt: skip
    headings = [block for piece in pieces for block in piece.blocks if isinstance(block, Heading)]
    return join_parts(made, overlay, headings)


def _page_count(content: bytes) -> int:
    import pikepdf

    with pikepdf.open(io.BytesIO(content)) as pdf:
        return len(pdf.pages)


def join_parts(made: list[bytes], overlay: list[bytes], headings: list[Heading]) -> bytes:
    """The PDFs `made` (WeasyPrint's) as one PDF, each page stamped with the page of the same number in the
    `overlay` PDFs taken in turn (its header and "Page X of Y") as an artifact, which a screen reader skips.

    pikepdf (qpdf) copies each part's pages, links, named destinations and bookmarks. What it does not join is
    the structure tree of tagged parts (PDF/UA-1), joined here: each part's elements become children of the
    first part's Document element, and the parent tree that leads from each page's marked content (and each
    link) to its element is renumbered on from the parts before. qpdf copies an object of a part once however
    often it is reached, so an element's page is the copied page. The bookmarks are nested again by the
    headings' levels, as in the single layout (each part's own outline starts at its first heading's level)."""
    import pikepdf

    joined = pikepdf.open(io.BytesIO(made[0]))
    tagged = "/StructTreeRoot" in joined.Root
    if tagged:
        tree = joined.Root.StructTreeRoot
        document = _document_element(tree)
        numbers = _parent_tree(tree)
    for content in made[1:]:
        part = pikepdf.open(io.BytesIO(content))
        if tagged:
            offset = max(numbers, default=-1) + 1
            part_tree = part.Root.StructTreeRoot
            part_document = _document_element(part_tree)
            kids = _renumbered(part, part_document, offset)
        joined.add_pages_from(part)
        if tagged:
            for kid in kids:
                copied = joined.copy_foreign(kid)
                copied.P = document
                document.K.append(copied)
            for key, value in _parent_tree(part_tree).items():
                numbers[key + offset] = _copied(joined, value, part_document, document)
    if tagged:
        tree.ParentTree = joined.make_indirect(
            pikepdf.Dictionary(Nums=pikepdf.Array([item for key in sorted(numbers) for item in (key, numbers[key])]))
        )
        tree.ParentTreeNextKey = max(numbers, default=-1) + 1
    _stamp(joined, overlay)
    _nest_outline(joined, headings)
    out = io.BytesIO()
    joined.save(out, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


def _renumbered(part, part_document, offset: int) -> list:
    """The part's pages and links with their parent-tree keys moved on by `offset`, and the elements at the
    top of its structure, loosed from its Document element so that copying them does not copy the part's own
    tree above them."""
    import pikepdf

    for page in part.pages:
        if "/StructParents" in page.obj:
            page.obj.StructParents = int(page.obj.StructParents) + offset
        for annotation in page.obj.get("/Annots", ()):
            if "/StructParent" in annotation:
                annotation.StructParent = int(annotation.StructParent) + offset
    kids = [kid for kid in _kids(part_document) if isinstance(kid, pikepdf.Dictionary)]
    for kid in kids:
        del kid.P
    return kids


def _document_element(tree):
    kids = _kids(tree)
    if len(kids) != 1 or str(kids[0].get("/S")) != "/Document":
        raise ValueError("a part's structure tree does not have one Document element at its root")
    return kids[0]


def _kids(element) -> list:
    import pikepdf

    kids = element.get("/K")
    if kids is None:
        return []
    if not isinstance(kids, pikepdf.Array):
        element.K = pikepdf.Array([kids])
    return list(element.K)


def _parent_tree(tree) -> dict:
    import pikepdf

    if "/ParentTree" not in tree:
        return {}
    return {int(key): value for key, value in pikepdf.NumberTree(tree.ParentTree).items()}


def _copied(joined, value, part_document, document):
    """A parent-tree entry of a part (an element, or an array of them) as the joined PDF's: the part's Document
    element is the joined one."""
    import pikepdf

    if isinstance(value, pikepdf.Array):
        return pikepdf.Array([_copied(joined, item, part_document, document) for item in value])
    if isinstance(value, pikepdf.Dictionary) and value.is_indirect:
        return document if value.objgen == part_document.objgen else joined.copy_foreign(value)
    return value  # a null: a marked-content number with no element


def _stamp(joined, overlay: list[bytes]) -> None:
    """Each page with the overlay's page of the same number drawn over it, marked as an artifact."""
    import pikepdf

    def stamps():
        for content in overlay:
            yield from pikepdf.open(io.BytesIO(content)).pages

    for page, stamp in zip(joined.pages, stamps(), strict=True):
        form = joined.copy_foreign(stamp.as_form_xobject())
        name = page.add_resource(form, pikepdf.Name.XObject, prefix="Stamp")
        # The page's own drawing in q/Q, so that the stamp starts from the page's first coordinates.
        page.contents_add(pikepdf.Stream(joined, b"q\n"), prepend=True)
        page.contents_add(pikepdf.Stream(joined, b"Q\n/Artifact BMC\nq " + str(name).encode() + b" Do Q\nEMC\n"))


def _nest_outline(joined, headings: list[Heading]) -> None:
    """The bookmarks, one per heading in order, nested by the headings' levels (each part's outline begins at
    its own top, so a part that starts with a level-2 heading put it beside the title's, not under it)."""
    import pikepdf

    with joined.open_outline() as outline:
        flat = []

        def walk(items) -> None:
            for item in items:
                flat.append(item)
                walk(item.children)

        walk(outline.root)
        if [item.title for item in flat] != [heading.text for heading in headings]:
            return  # not one bookmark per heading (a style that hides some): left as the parts made them
        nested: list = []
        open_items: list[tuple[int, pikepdf.OutlineItem]] = []
        for item, heading in zip(flat, headings, strict=True):
            copy = pikepdf.OutlineItem(item.title, item.destination, action=item.action)
            while open_items and open_items[-1][0] >= heading.level:
                open_items.pop()
            (open_items[-1][1].children if open_items else nested).append(copy)
            open_items.append((heading.level, copy))
        outline.root[:] = nested

"""A long PDF laid out in parts and joined (documents.render_pdf): the same pages with the same text as the
single layout, "Page X of Y" running on across the parts, and the title in every page's header."""

import io
import re

import pikepdf
from pypdf import PdfReader

from councilplan.documents import render_pdf as render_pdf_module
from councilplan.documents.model import Document, Heading, PageBreak, Table
from councilplan.documents.render_pdf import PART_WEIGHT, WHOLE_SIZE, join_parts, parts, render_pdf, size
from councilplan.documents.words import para

TITLE = 'Scorecards: "Q2" <2019-20> & after'


def long_document() -> Document:
    blocks = [Heading(TITLE, 1), para("Every activity on a page of its own.")]
    for n in range(1, 8):
        blocks += [
            PageBreak(),
            Heading(f"Activity {n}", 2),
            para(f"Progress on activity {n}: the work goes on."),
            Table(f"Milestones of activity {n}", ("Milestone", "Date"), tuple((f"Step {i}", "2020") for i in range(3))),
        ]
        if n == 3:  # one activity runs over a page of its own: a part may hold more than one page
            blocks += [para(f"Detail {i} of activity 3, at length.") for i in range(60)]
    return Document(TITLE, tuple(blocks), "scorecards")


def pages(content: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages]


def test_the_parts_are_cut_at_page_breaks():
    cut = parts(long_document(), size=10)
    # Each activity weighs 6 (heading 1, paragraph 1, a table of 3 rows 4), activity 3 66. A part ends at the
    # first break once it weighs 10, the break dropped: title and lead (2) with activities 1 and 2 (2 + 12 = 14,
    # 10 blocks with the two breaks); activity 3 (66, 63 blocks); 4 and 5 (12: 3 + 1 + 3 blocks); 6 and 7.
    assert [len(p.blocks) for p in cut] == [2 + 1 + 3 + 1 + 3, 63, 3 + 1 + 3, 3 + 1 + 3]
    assert not any(isinstance(b, PageBreak) and i == 0 for p in cut[1:] for i, b in enumerate(p.blocks))
    assert sum(len(p.blocks) for p in cut) + len(cut) - 1 == len(long_document().blocks)


def test_a_pdf_in_parts_has_the_single_layouts_pages_and_runs_its_page_numbers_on(monkeypatch):
    # The page numbers are stamped from overlays of 3 pages each here (200 in use), each numbering on.
    monkeypatch.setattr(render_pdf_module, "OVERLAY_PAGES", 3)
    document = long_document()
    whole = pages(render_pdf(document, whole_size=10_000))
    joined_pdf = render_pdf(document, part_weight=10, whole_size=0)
    joined = pages(joined_pdf)

    assert len(parts(document, size=10)) == 4
    assert len(joined) == len(whole) >= 9  # 7 activities, activity 3 over two pages, and the title page
    for number, page in enumerate(joined, start=1):
        assert f"Page {number} of {len(joined)}" in page
        assert page.count("Page ") == 1
        assert TITLE in page  # the header, escaped neither too much nor too little
    # The same words on the same pages; only where each line of the footer falls in the text may differ.
    strip = re.compile(r"Page \d+ of \d+|" + re.escape(TITLE))
    assert [strip.sub("", p).split() for p in joined] == [strip.sub("", p).split() for p in whole]
    assert PdfReader(io.BytesIO(joined_pdf)).metadata.title == TITLE


def test_without_page_breaks_a_part_is_cut_before_a_heading_once_it_is_twice_as_long():
    # A report whose length is in sections with no page break between them: sections of 10 (a heading and 9
    # paragraphs). With parts of 5, a part is cut before the first heading after 10: the title and section 1
    # (11 blocks), then one section each.
    blocks = [Heading("Report", 1)]
    for n in range(1, 5):
        blocks += [Heading(f"Section {n}", 2)] + [para(f"Line {i} of section {n}.") for i in range(9)]
    cut = parts(Document("Report", tuple(blocks), "report"), size=5)
    assert [len(p.blocks) for p in cut] == [11, 10, 10, 10]
    assert [p.blocks[0].text for p in cut] == ["Report", "Section 2", "Section 3", "Section 4"]


def long_table_document(rows: int = 23) -> Document:
    table = Table(
        "Every activity",
        ("Activity", "Status"),
        tuple((f"Activity {n}", "On track") for n in range(1, rows + 1)) + (("Total", str(rows)),),
        total_row=True,
    )
    return Document("A long table", (Heading("A long table", 1), para("Read on."), table), "long-table")


def test_a_table_longer_than_a_part_is_cut_into_tables_with_the_header_and_continued():
    cut = parts(long_table_document(), size=10)
    tables = [b for p in cut for b in p.blocks if isinstance(b, Table)]
    # 24 rows (23 and the total) in tables of 10: 10, 10 and 4; the title and lead start the first part and the
    # first piece (weight 11) does not fit beside them, so it starts a part of its own.
    assert [len(t.rows) for t in tables] == [10, 10, 4]
    assert [len(p.blocks) for p in cut] == [2, 1, 1, 1]
    assert [t.caption for t in tables] == ["Every activity", "Every activity (continued)", "Every activity (continued)"]
    assert all(t.header == ("Activity", "Status") for t in tables)
    assert [t.total_row for t in tables] == [False, False, True]
    assert [row for t in tables for row in t.rows] == list(long_table_document().blocks[2].rows)


def test_a_long_table_in_parts_keeps_every_row_in_order_and_runs_the_page_numbers_on():
    document = long_table_document(rows=120)
    joined = pages(render_pdf(document, part_weight=50, whole_size=0))
    assert len(parts(document, size=50)) == 4  # the title and lead, then 50, 50 and 21 rows
    assert len(joined) >= 4
    for number, page in enumerate(joined, start=1):
        assert f"Page {number} of {len(joined)}" in page
    text = " ".join(joined)
    found = [int(n) for n in re.findall(r"Activity (\d+) On track", text)]
    assert found == list(range(1, 121))
    assert text.count("Every activity (continued)") == 2


def tagged(content: bytes) -> bool:
    return "/StructTreeRoot" in PdfReader(io.BytesIO(content)).trailer["/Root"]


def test_a_document_is_laid_out_whole_up_to_its_size_limit_and_in_parts_beyond_tagged_up_to_a_larger_one():
    # 700 rows of two cells: heavier than a part (701 rows and a block, over PART_WEIGHT), but its size (the
    # title, the lead, the table: 3 blocks; 1,402 cells) is well within WHOLE_SIZE: laid out whole.
    document = long_table_document(rows=699)
    assert sum(len(b.rows) + 1 for b in document.blocks if isinstance(b, Table)) > PART_WEIGHT
    assert size(document) == 3 + 2 * 700 < WHOLE_SIZE
    whole = render_pdf(document)
    assert tagged(whole)
    # The same document past a lower limit goes in parts, joined into one tagged PDF.
    joined = render_pdf(document, whole_size=1_000)
    assert tagged(joined)
    assert len(pages(joined)) >= len(pages(whole))
    # Past the size whose structure the join would hold in too much memory, the parts are joined untagged:
    # the same pages, still numbered on across the parts.
    untagged = render_pdf(document, whole_size=1_000, tagged_size=1_000)
    assert not tagged(untagged)
    assert pages(untagged) == pages(joined)
    assert f"Page {len(pages(untagged))} of {len(pages(untagged))}" in pages(untagged)[-1]


# Containers WeasyPrint adds for the page breaks of the single layout (the parts are cut there, the break
# dropped); every other element is the document's own.
CONTAINERS = {"/Div", "/Part", "/NonStruct"}


def elements(pdf: pikepdf.Pdf) -> list:
    """The structure tree's elements in reading order (depth first), with their depth."""
    found = []

    def walk(element, depth: int) -> None:
        if isinstance(element, pikepdf.Dictionary) and "/S" in element:
            found.append((depth, element))
            kids = element.get("/K")
            for kid in kids if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]:
                walk(kid, depth + 1)

    kids = pdf.Root.StructTreeRoot.K
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        walk(kid, 0)
    return found


def marked_content(page) -> list[int]:
    """The marked-content numbers (MCIDs) drawn on a page, in order."""
    return [
        int(operands[1].MCID)
        for operands, operator in pikepdf.parse_content_stream(page)
        if str(operator) == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]
    ]


def outline(pdf: pikepdf.Pdf) -> list[tuple[int, str, int]]:
    """Each bookmark's depth, title and page number."""
    pages_at = {page.obj.objgen: n for n, page in enumerate(pdf.pages, start=1)}
    found = []
    with pdf.open_outline() as tree:

        def walk(items, depth: int) -> None:
            for item in items:
                found.append((depth, item.title, pages_at[item.destination[0].objgen]))
                walk(item.children, depth + 1)

        walk(tree.root, 0)
    return found


def test_the_joined_parts_are_one_tagged_pdf_with_the_single_layouts_structure_bookmarks_and_reading_order():
    document = long_document()
    whole = pikepdf.open(io.BytesIO(render_pdf(document, whole_size=10_000)))
    joined = pikepdf.open(io.BytesIO(render_pdf(document, part_weight=10, whole_size=0)))
    assert len(parts(document, size=10)) == 4 and len(joined.pages) == len(whole.pages)

    # One Document element at the root, as the single layout has, and the same headings, paragraphs, tables,
    # rows and cells in the same order beneath it.
    def own(pdf) -> list[str]:
        return [str(e.S) for _, e in elements(pdf) if str(e.S) not in CONTAINERS]

    assert [str(e.S) for depth, e in elements(joined) if depth == 0] == ["/Document"]
    assert own(joined) == own(whole)
    assert own(joined).count("/H2") == 7 and own(joined).count("/Table") == 7

    # Every element's parent is the element it hangs from, and its page is a page of the joined PDF.
    page_ids = [page.obj.objgen for page in joined.pages]
    for depth, element in elements(joined):
        if depth > 0:
            assert "/P" in element
        if "/Pg" in element:
            assert element.Pg.objgen in page_ids
    # Each page's marked content leads, through the parent tree, to an element on that page that names it:
    # what a screen reader follows from the text to its heading, paragraph or cell.
    parent_tree = dict(pikepdf.NumberTree(joined.Root.StructTreeRoot.ParentTree).items())
    keys = [int(page.obj.StructParents) for page in joined.pages]
    assert len(set(keys)) == len(keys)
    assert int(joined.Root.StructTreeRoot.ParentTreeNextKey) > max(keys)
    for page, key in zip(joined.pages, keys, strict=True):
        numbers = marked_content(page)
        assert numbers, "every page has tagged text"
        owners = parent_tree[key]
        for number in numbers:
            owner = owners[number]
            assert owner.Pg.objgen == page.obj.objgen
            assert number in [int(k) for k in owner.K if not isinstance(k, pikepdf.Dictionary)]

    # The bookmarks: one per heading, nested as in the single layout (each activity under the title) and
    # leading to the same page numbers.
    assert outline(joined) == outline(whole)
    assert [depth for depth, _, _ in outline(joined)] == [0] + [1] * 7
    # Joined untagged (past TAGGED_SIZE), the bookmarks are nested all the same.
    untagged = pikepdf.open(io.BytesIO(render_pdf(document, part_weight=10, whole_size=0, tagged_size=0)))
    assert "/StructTreeRoot" not in untagged.Root
    assert outline(untagged) == outline(whole)

    # The running header and page number are stamped last on each page, inside an artifact, which a screen
    # reader skips.
    for page in joined.pages:
        drawn = [
            (str(operator), [str(o) for o in operands]) for operands, operator in pikepdf.parse_content_stream(page)
        ]
        assert [operator for operator, _ in drawn[-5:]] == ["BMC", "q", "Do", "Q", "EMC"]
        assert drawn[-5][1] == ["/Artifact"]
        assert page.obj.Resources.XObject[drawn[-3][1][0]].Subtype == "/Form"


def test_links_in_the_parts_keep_their_elements_in_the_joined_pdf():
    """A link is an annotation with its own key in the parent tree (WeasyPrint tags it as a Link element):
    renumbered with its part, each still leads to its own Link element, which points back at it."""
    from weasyprint import HTML

    def part(n: int) -> bytes:
        html = (
            f'<html lang="en-GB"><head><title>Parts</title></head><body><h2>Part {n}</h2>'
            f'<p>Read <a href="https://example.org/{n}">the guidance {n}</a>.</p></body></html>'
        )
        return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")

    overlay = HTML(string='<div>1</div><div style="break-before: page">2</div>').write_pdf()
    joined = pikepdf.open(io.BytesIO(join_parts([part(1), part(2)], [overlay], [Heading("Part 1", 2)])))
    parent_tree = dict(pikepdf.NumberTree(joined.Root.StructTreeRoot.ParentTree).items())
    links = [annotation for page in joined.pages for annotation in page.obj.Annots]
    assert [str(link.A.URI) for link in links] == ["https://example.org/1", "https://example.org/2"]
    keys = [int(link.StructParent) for link in links]
    assert len(set(keys + [int(page.obj.StructParents) for page in joined.pages])) == 4  # none shared
    for link, key in zip(links, keys, strict=True):
        element = parent_tree[key]
        assert str(element.S) == "/Link"
        pointers = [k for k in element.K if isinstance(k, pikepdf.Dictionary) and str(k.get("/Type")) == "/OBJR"]
        assert [pointer.Obj.objgen for pointer in pointers] == [link.objgen]

"""A long PDF laid out in parts and joined (documents.render_pdf): the same pages with the same text as the
single layout, "Page X of Y" running on across the parts, and the title in every page's header."""

import io
import re

from pypdf import PdfReader

from councilplan.documents.model import Document, Heading, PageBreak, Table
from councilplan.documents.render_pdf import PART_WEIGHT, WHOLE_SIZE, parts, render_pdf, size
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


def test_a_pdf_in_parts_has_the_single_layouts_pages_and_runs_its_page_numbers_on():
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


def test_a_document_is_laid_out_whole_and_tagged_up_to_its_size_limit_and_in_parts_beyond():
    # 700 rows of two cells: heavier than a part (701 rows and a block, over PART_WEIGHT), but its size (the
    # title, the lead, the table: 3 blocks; 1,402 cells) is well within WHOLE_SIZE: laid out whole, so tagged.
    document = long_table_document(rows=699)
    assert sum(len(b.rows) + 1 for b in document.blocks if isinstance(b, Table)) > PART_WEIGHT
    assert size(document) == 3 + 2 * 700 < WHOLE_SIZE
    whole = render_pdf(document)
    assert tagged(whole)
    # The same document past a lower limit goes in parts, and the joined parts are not tagged (the known gap).
    joined = render_pdf(document, whole_size=1_000)
    assert not tagged(joined)
    assert len(pages(joined)) >= len(pages(whole))

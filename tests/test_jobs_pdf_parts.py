"""A long PDF laid out in parts and joined (documents.render_pdf): the same pages with the same text as the
single layout, "Page X of Y" running on across the parts, and the title in every page's header."""

import io
import re

from pypdf import PdfReader

from councilplan.documents.model import Document, Heading, PageBreak, Table
from councilplan.documents.render_pdf import parts, render_pdf
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
    cut = parts(long_document(), size=5)
    # Title, lead, a break and activity 1 (heading, paragraph, table); then activities 2 and 3 (3 blocks, a break,
    # 63 blocks), 4 and 5, 6 and 7: a part ends at the first break after 5 blocks, the break itself dropped.
    assert [len(p.blocks) for p in cut] == [6, 3 + 1 + 63, 3 + 1 + 3, 3 + 1 + 3]
    assert not any(isinstance(b, PageBreak) and i == 0 for p in cut[1:] for i, b in enumerate(p.blocks))
    assert sum(len(p.blocks) for p in cut) + len(cut) - 1 == len(long_document().blocks)


def test_a_pdf_in_parts_has_the_single_layouts_pages_and_runs_its_page_numbers_on():
    document = long_document()
    whole = pages(render_pdf(document, part_blocks=10_000))
    joined_pdf = render_pdf(document, part_blocks=5)
    joined = pages(joined_pdf)

    assert len(parts(document, size=5)) == 4
    assert len(joined) == len(whole) >= 9  # 7 activities, activity 3 over two pages, and the title page
    for number, page in enumerate(joined, start=1):
        assert f"Page {number} of {len(joined)}" in page
        assert page.count("Page ") == 1
        assert TITLE in page  # the header, escaped neither too much nor too little
    # The same words on the same pages; only where each line of the footer falls in the text may differ.
    strip = re.compile(r"Page \d+ of \d+|" + re.escape(TITLE))
    assert [strip.sub("", p).split() for p in joined] == [strip.sub("", p).split() for p in whole]
    assert PdfReader(io.BytesIO(joined_pdf)).metadata.title == TITLE

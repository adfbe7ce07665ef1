"""Word documents are built a few hundred blocks at a time and written out as they go (documents.render_docx),
so that a long one never sits whole in memory as python-docx's XML tree. The spooled document must be the
document python-docx would have written in one go: the same document.xml, byte for byte, and the same parts."""

from __future__ import annotations

import io
import re
import zipfile

import docx

from councilplan.documents.model import BulletList, Chart, Document, Heading, PageBreak, Series, Table
from councilplan.documents.render_docx import render_docx
from councilplan.documents.words import para

ALL_AT_ONCE = 10**9


def long_document() -> Document:
    blocks = [Heading("Scorecards & <everything>", 1), para("Every activity, with a chart.")]
    table = Table("Delivery status", ("Status", "Activities"), (("On track", 12), ("Not on track", 3)))
    blocks.append(Chart("status", "Delivery status", ("On track", "Not on track"), (Series("Q2", (12, 3)),),
                        "Bar chart: 12 on track, 3 not", table))  # fmt: skip
    for n in range(1, 30):
        if n == 20:  # a second chart, in a later piece
            blocks.append(blocks[2])
        blocks += [
            PageBreak(),
            Heading(f"Activity {n}", 2),
            para(f'Progress on activity {n}: "quoted" & <angled>.'),
            BulletList((para(f"Issue {n}.1"), para(f"Issue {n}.2"))),
            Table(f"Milestones of activity {n}", ("Milestone", "Date"), ((f"Step {n}", "2020"), ("", "2021"))),
        ]
    return Document("Scorecards", tuple(blocks), "scorecards")


def parts_of(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        return {item.filename: package.read(item.filename) for item in package.infolist()}


def test_a_document_written_out_in_pieces_is_the_one_written_at_once():
    document = long_document()
    at_once = parts_of(render_docx(document, spool_blocks=ALL_AT_ONCE))
    # 7 blocks at a time: the pieces end inside an activity, after the chart, and on a page break.
    spooled = parts_of(render_docx(document, spool_blocks=7))
    assert spooled.keys() == at_once.keys()
    assert "word/media/image1.png" in spooled  # the charts' picture, whose relationship the body names
    differing = [name for name in at_once if name != "docProps/core.xml" and spooled[name] != at_once[name]]
    assert differing == []
    # document.xml's root declares the namespaces once; no element of the body declares one again (a picture
    # built outside the document's tree would otherwise declare the drawing's namespaces on itself).
    body = spooled["word/document.xml"]
    root = body[: body.index(b"<w:body>")]
    declarations = re.findall(rb' xmlns:\w+="[^"]*"', root)
    assert len(declarations) > 10
    assert {declaration: body.count(declaration) for declaration in declarations} == dict.fromkeys(declarations, 1)


def test_the_spooled_document_opens_with_its_text_styles_tables_and_section_in_order():
    reopened = docx.Document(io.BytesIO(render_docx(long_document(), spool_blocks=5)))
    texts = [p.text for p in reopened.paragraphs if p.text]
    assert texts[0] == "Scorecards & <everything>"
    assert [t for t in texts if t.startswith("Activity ")] == [f"Activity {n}" for n in range(1, 30)]
    assert texts.index("Activity 2") < texts.index('Progress on activity 2: "quoted" & <angled>.')
    assert {p.style.name for p in reopened.paragraphs if p.text.startswith("Issue ")} == {"List Bullet"}
    assert len(reopened.tables) == 2 + 29  # the charts' data tables and each activity's
    assert reopened.tables[-1].cell(1, 0).text == "Step 29"
    # The section (A4, the footer with its page numbers) is the last thing in the body, where Word expects it.
    assert reopened.element.body[-1].tag.endswith("}sectPr")
    assert round(reopened.sections[0].page_width.cm, 1) == 21.0


def test_each_picture_keeps_an_id_of_its_own_across_the_pieces():
    """Word repairs (or refuses) a document in which two drawings share an id; python-docx numbers a new
    picture from the ids still in its tree, and the first chart has been written out by the time the second
    is added."""
    body = parts_of(render_docx(long_document(), spool_blocks=3))["word/document.xml"]
    assert re.findall(rb'<wp:docPr id="(\d+)" name="Picture (\d+)"', body) == [(b"1", b"1"), (b"2", b"2")]

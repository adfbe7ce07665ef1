"""Word: the document as an editable .docx (python-docx), to paste into a committee paper.

Real Title / Heading 1 / Heading 2 styles (so Word's navigation pane and table of contents work), real
tables with a repeating header row, charts as PNG pictures with alt text followed by their data tables,
and "Page X of Y" in the footer.

The body is built a few hundred blocks at a time, outside python-docx's tree, and written out to a spool file as
it goes (`_Body`), then put into the saved package's document.xml, so a long document never sits whole in
memory as a tree.

Tables are written as XML in one go rather than cell by cell: python-docx finds a cell by walking the whole
table, which makes a 5,000-row summary table take minutes. All text is XML-escaped here, and characters
XML cannot hold are dropped (`xml_safe`).
"""

from __future__ import annotations

import io
import shutil
import tempfile
import zipfile
from xml.sax.saxutils import escape

from docx import Document as new_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph as WordParagraph
from lxml import etree

from councilplan.core.tabular import xml_safe

from . import charts
from .model import BulletList, Chart, Document, Heading, PageBreak, Paragraph, Table, cell_view
from .render_html import column_widths

TEXT_WIDTH_TWIPS = 9638  # A4 with 2 cm margins: 17 cm
HEADING_STYLES = {1: "Title", 2: "Heading 1", 3: "Heading 2"}
GREY = RGBColor(0x50, 0x5A, 0x5F)
# How many blocks are built as python-docx elements (in a container of their own, `_Body`) before they are written
# out to a spool file: lxml holds about twelve times the XML it writes (the 5,000-activity scorecards: 83 MB of
# XML took 1.3 GB as one tree).
SPOOL_BLOCKS = 500


def _text(value: str) -> str:
    return escape(xml_safe(value))


def _cell_xml(text: str, width: int, *, bold: bool = False, align: str = "", shade: bool = False) -> str:
    justify = f'<w:jc w:val="{align}"/>' if align else ""
    shading = '<w:shd w:val="clear" w:color="auto" w:fill="E8E8E8"/>' if shade else ""
    run_props = "<w:rPr>" + ("<w:b/>" if bold else "") + '<w:sz w:val="18"/></w:rPr>'
    run = f'<w:r>{run_props}<w:t xml:space="preserve">{_text(text)}</w:t></w:r>' if text else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}</w:tcPr>'
        f'<w:p><w:pPr><w:spacing w:before="20" w:after="20"/>{justify}</w:pPr>{run}</w:p></w:tc>'
    )


def _table_xml(table: Table) -> str:
    widths = [round(TEXT_WIDTH_TWIPS * w / 100) for w in column_widths(table)]
    parts = [
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="TableGrid"/>'
        '<w:tblW w:w="5000" w:type="pct"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>',
        *(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
        # The header row repeats at the top of every page the table runs onto.
        "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>",
    ]
    for index, heading in enumerate(table.header):
        align = (
            "center" if table.column_kind(index) == "tick" else "right" if table.column_kind(index) == "number" else ""
        )
        parts.append(_cell_xml(heading, widths[index], bold=True, align=align, shade=True))
    parts.append("</w:tr>")
    last = len(table.rows) - 1
    for number, row in enumerate(table.rows):
        total = table.total_row and number == last
        parts.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        for index, value in enumerate(row):
            view = cell_view(value)
            kind = table.column_kind(index)
            align = "center" if kind == "tick" else "right" if view.kind == "number" else ""
            header = index == 0 and table.row_headers
            parts.append(_cell_xml(view.text, widths[index], bold=total or header, align=align))
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return "".join(parts)


class _Body:
    """The document's body as it is written. python-docx builds the paragraphs in a container of their own,
    never in the document's tree, and the container is written out to the spool file (then dropped) every
    SPOOL_BLOCKS blocks and before each table; a table, made as XML text anyway, goes to the spool file
    straight. Taking an element out of python-docx's tree costs lxml a walk over it to mend its namespaces
    (8 s for a table of 5,000 rows), and a tree holds about twelve times the XML it writes."""

    def __init__(self, doc, spool):
        self.doc, self.spool = doc, spool
        # The container declares what document.xml's root declares, so that nothing inside it declares a
        # namespace again; each element written by itself repeats them, and they are taken off (`_write`).
        self.namespaces = {prefix: uri for prefix, uri in doc.element.nsmap.items() if prefix}
        self.declared = {f' xmlns:{prefix}="{uri}"'.encode() for prefix, uri in self.namespaces.items()}
        self.container = self._container()
        self.pictures = 0

    def _container(self):
        return OxmlElement("w:body", nsdecls=self.namespaces)

    def paragraph(self, style: str | None = None) -> WordParagraph:
        """A new paragraph at the end. (python-docx's own add_paragraph looks for the section properties among
        all of the body's children each time, which makes a 5,000-activity document take minutes.)"""
        element = OxmlElement("w:p")
        self.container.append(element)
        paragraph = WordParagraph(element, self.doc._body)
        if style:
            paragraph.style = style
        return paragraph

    def xml(self, text: str) -> None:
        self.flush()
        self._write(text.encode())

    def flush(self) -> None:
        for element in self.container:
            self._write(etree.tostring(element, encoding="utf-8"))
        self.container = self._container()

    def _write(self, xml: bytes) -> None:
        end = xml.index(b">")
        start_tag = xml[:end]
        for declaration in self.declared:
            start_tag = start_tag.replace(declaration, b"")
        self.spool.write(start_tag + xml[end:])


def _add_table(body: _Body, table: Table) -> None:
    caption = body.paragraph("Caption")
    caption.add_run(xml_safe(table.caption))
    caption.paragraph_format.keep_with_next = True
    body.xml(_table_xml(table))
    body.paragraph()  # Word runs two tables together without a paragraph between them


def _add_runs(paragraph, block: Paragraph) -> None:
    if block.number:
        paragraph.add_run(block.number + " ").bold = True
    for run in block.runs:
        added = paragraph.add_run(xml_safe(run.text))
        if run.bold:
            added.bold = True
    if block.style == "note":
        for run in paragraph.runs:
            run.italic = True
            run.font.color.rgb = GREY


def _add_chart(body: _Body, chart: Chart) -> None:
    title = body.paragraph("Caption")
    title.add_run(xml_safe(chart.title))
    title.paragraph_format.keep_with_next = True
    picture = body.paragraph()
    picture.add_run().add_picture(io.BytesIO(charts.png(chart)), width=Cm(16))
    picture.paragraph_format.keep_with_next = True
    body.pictures += 1
    for properties in picture._p.iter(qn("wp:docPr")):
        # python-docx numbers a picture from the ids in the document's tree, where the pictures already
        # written out no longer are: numbered here, as Word needs each drawing's id to be its own.
        properties.set("id", str(body.pictures))
        properties.set("name", f"Picture {body.pictures}")
        # Alt text: what Word reads out and shows in "Edit Alt Text".
        properties.set("descr", xml_safe(chart.alt))
        properties.set("title", xml_safe(chart.title))
    _add_table(body, chart.table)


def _field(run, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) in `run`: Word fills in the number when it lays out the page."""
    begin, text, end = OxmlElement("w:fldChar"), OxmlElement("w:instrText"), OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text.set(qn("xml:space"), "preserve")
    text.text = instruction
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(text)
    run._r.append(end)


def _setup(doc, document: Document) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _field(footer.add_run(), "PAGE")
    footer.add_run(" of ")
    _field(footer.add_run(), "NUMPAGES")
    properties = doc.core_properties
    properties.title = xml_safe(document.title)
    properties.subject = xml_safe(document.subject)
    properties.author = ""
    properties.comments = ""


def _add_block(body: _Body, block) -> None:
    if isinstance(block, Heading):
        body.paragraph(HEADING_STYLES.get(block.level, "Heading 3")).add_run(xml_safe(block.text))
    elif isinstance(block, Paragraph):
        paragraph = body.paragraph()
        _add_runs(paragraph, block)
        if block.style == "figure":
            paragraph.paragraph_format.left_indent = Cm(0.5)
        elif block.style == "lead":
            for run in paragraph.runs:
                run.font.size = Pt(14)
    elif isinstance(block, BulletList):
        for item in block.items:
            _add_runs(body.paragraph("List Bullet"), item)
    elif isinstance(block, Table):
        _add_table(body, block)
    elif isinstance(block, Chart):
        _add_chart(body, block)
    elif isinstance(block, PageBreak):
        body.paragraph().add_run().add_break(WD_BREAK.PAGE)


def render_docx(document: Document, spool_blocks: int = SPOOL_BLOCKS) -> bytes:
    doc = new_docx()
    _setup(doc, document)
    with tempfile.TemporaryFile() as spool:
        body = _Body(doc, spool)
        for number, block in enumerate(document.blocks, start=1):
            _add_block(body, block)
            if number % spool_blocks == 0:
                body.flush()
        body.flush()
        saved = io.BytesIO()
        doc.save(saved)  # every part of the package, and a document.xml whose body holds only the section
        return _with_body(saved, spool)


def _with_body(saved: io.BytesIO, spool) -> bytes:
    """The saved package with the spooled elements put at the start of document.xml's body, before the section
    properties, each other part copied as it was. The document.xml is written as a stream, never held whole."""
    out = io.BytesIO()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename != "word/document.xml":
                target.writestr(item, content, compress_type=zipfile.ZIP_DEFLATED)
                continue
            head, body_tag, tail = content.partition(b"<w:body>")
            if not body_tag:
                raise ValueError("document.xml has no <w:body>")
            info = zipfile.ZipInfo(item.filename, item.date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            with target.open(info, "w", force_zip64=True) as stream:
                stream.write(head + body_tag)
                spool.seek(0)
                shutil.copyfileobj(spool, stream)
                stream.write(tail)
    return out.getvalue()

"""Published PDFs are tagged (issue 12): a screen reader finds the document's structure, its title and language,
and each chart's alt text. Checked on the PDF's own objects with pypdf, not on our HTML."""

from __future__ import annotations

import io

from pypdf import PdfReader

from councilplan.documents.formats import render
from councilplan.documents.model import Chart, Document, Heading, Series, Table
from councilplan.documents.words import para

CHART_ALT = "Bar chart: 12 activities on track, 3 not on track"


def _document() -> Document:
    table = Table("Activities by delivery status", ("Status", "Activities"), (("On track", 12), ("Not on track", 3)))
    return Document(
        title="Tagged test report",
        file_stem="tagged-test",
        blocks=(
            Heading("Tagged test report", 1),
            para("A paragraph of the report."),
            Chart(
                "status", "Delivery status", ("On track", "Not on track"), (Series("Q2", (12, 3)),), CHART_ALT, table
            ),
            table,
        ),
    )


def _walk(node, found: list):
    node = node.get_object()
    if isinstance(node, dict):
        if "/S" in node:
            found.append(node)
        kids = node.get("/K")
        if kids is not None:
            for kid in kids if isinstance(kids, list) else [kids]:
                _walk(kid, found)
    return found


def test_the_pdf_is_tagged_with_its_title_language_and_the_charts_alt_text():
    reader = PdfReader(io.BytesIO(render(_document(), "pdf")))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert str(root["/Lang"]).lower() == "en-gb"
    assert reader.metadata.title == "Tagged test report"
    elements = _walk(root["/StructTreeRoot"], [])
    kinds = {str(e["/S"]) for e in elements}
    assert {"/H1", "/Table", "/TH", "/TD", "/P"} <= kinds, kinds
    figures = [e for e in elements if str(e["/S"]) == "/Figure"]
    assert figures and all("/Alt" in f for f in figures)
    assert CHART_ALT in {str(f["/Alt"]) for f in figures}


def test_dates_codes_and_rag_words_are_never_broken_in_a_table():
    """A crowded table, as §3.5 of the report and the KPI dashboard have: the long titles wrap, but no date, code
    or RAG word is split across lines (the PDF's text keeps each one whole on a line)."""
    header = ("Ref", "Activity", "Directorate", "Lead officer", "Previous end date", "New end date", "RAG", "Risk")
    title = "Delivering the Kent Commissioning Plan for Education Provision with a much longer name than most"
    rows = tuple(
        (
            f"{n}",
            title,
            "Children, Young People and Education",
            "Ann Officer",
            "31/03/2020",
            "01/10/2020",
            "AMBER",
            "CRR0001",
        )
        for n in range(1, 16)
    )
    document = Document("Crowded", (Table("End dates changed", header, rows),), "crowded")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(render(document, "pdf"))).pages)
    lines = text.splitlines()
    for token in ("01/10/2020", "31/03/2020", "AMBER", "CRR0001"):
        whole = sum(line.count(token) for line in lines)
        assert whole == 15, f"{token} whole on {whole} of 15 rows"

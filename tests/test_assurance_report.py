"""The bi-annual report in every format, each opened with its reader; hostile narrative escaped in each; the
report's queries fixed as projects grow; the period's parsing."""

import io
import json

import docx
import openpyxl
import pypdf
import pytest
from assurance_support import HOSTILE, D, make_world

from councilplan.assurance import services
from councilplan.assurance.documents import report_document
from councilplan.assurance.report import BadPeriod, parse_period
from councilplan.assurance.selectors import report_inputs
from councilplan.documents.formats import render

pytestmark = pytest.mark.django_db


@pytest.fixture
def hostile():
    world = make_world()
    report = world["report"]
    services.save_narrative(report, user=None, achievements=f"- {HOSTILE}", activity_done=HOSTILE)
    return report_document(report_inputs(report))


def test_html_escapes_and_carries_the_chart_table(hostile):
    html = render(hostile, "html").decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    assert "Overall volumes by month" in html and "<svg" in html


def test_json_keeps_the_text_as_data(hostile):
    data = json.loads(render(hostile, "json"))
    assert data["narrative"]["activity_done"] == HOSTILE
    assert data["figures"]["tier_1"] == 1
    assert data["figures"]["total_current"] == 1


def test_docx_has_the_text_and_tables(hostile):
    document = docx.Document(io.BytesIO(render(hostile, "docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert HOSTILE in text
    assert len(document.tables) >= 4


def test_xlsx_cells_are_text_not_formulas(hostile):
    book = openpyxl.load_workbook(io.BytesIO(render(hostile, "xlsx")))
    assert "Figures" in book.sheetnames
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    hostile_cells = [c for c in cells if "calc" in c.value]
    assert hostile_cells
    assert all(c.data_type != "f" for c in hostile_cells)


def test_pdf_reads_back(hostile):
    reader = pypdf.PdfReader(io.BytesIO(render(hostile, "pdf")))
    text = "".join(page.extract_text() for page in reader.pages).replace("\x00", "")
    assert "Summary" in text


def test_report_queries_stay_fixed(django_assert_max_num_queries):
    world = make_world()
    for n in range(40):
        project = services.create_project(
            reference=f"P{n}", name=f"P{n}", portfolio=world["portfolio"], state="current", approved_on=D(2017, 1, 1)
        )
        services.decide_tier(project, decided_on=D(2017, 6, 1), tier="1", ratings={"stakeholders": "low"}, user=None)
    with django_assert_max_num_queries(14):
        inputs = report_inputs(world["report"])
    assert inputs.figures["tier_1"] == 41


def test_the_period_is_parsed_or_refused():
    assert parse_period("2017-03..2017-08") == (D(2017, 3, 1), D(2017, 8, 31))
    assert parse_period("2016-09..2017-02") == (D(2016, 9, 1), D(2017, 2, 28))
    for bad in ("2017-3..2017-8", "2017-08..2017-03", "2017-13..2018-01", ""):
        with pytest.raises(BadPeriod):
            parse_period(bad)

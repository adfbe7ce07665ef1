"""The dashboard and the quarterly report in every format, each opened with its own reader and checked for its
tables and numbers; charts are line charts with their data tables; hostile commentary stays text everywhere."""

import datetime as dt
import io
import json
from html.parser import HTMLParser

import pytest
from docx import Document as read_docx
from openpyxl import load_workbook
from pypdf import PdfReader

from councilplan.performance import selectors
from councilplan.performance.models import AreaCommentary, Result, ServiceArea
from councilplan.performance.output import produce
from councilplan.performance.sample import load_sample

JULY = dt.date(2017, 7, 1)
HOSTILE = '<script>alert("x")</script> =HYPERLINK("http://evil.example") & \u0007bell'


@pytest.fixture
def outputs(db):
    """The sample with hostile commentary on FN07 and on Finance; `outputs[(kind, fmt)]` makes the Finance July
    dashboard ("dashboard"), its Q1 quarterly report ("quarterly") or the directorate's whole July dashboard
    ("whole") in that format, once per test."""
    load_sample()
    result = Result.objects.get(indicator__ref="FN07", period=JULY)
    result.commentary = HOSTILE
    result.save()
    AreaCommentary.objects.create(
        service_area=ServiceArea.objects.get(name="Finance", delivery_partner="Finance"),
        period=dt.date(2017, 6, 1),
        text=f"Quarter narrative {HOSTILE}",
    )
    directorate, _ = selectors.find_scope_name("Strategic and Corporate Services")
    scopes = {
        "dashboard": selectors.ReportScope(selectors.DASHBOARD, JULY, area_name="Finance"),
        "quarterly": selectors.ReportScope(selectors.QUARTERLY, dt.date(2017, 6, 1), area_name="Finance"),
        "whole": selectors.ReportScope(selectors.DASHBOARD, JULY, directorate),
    }

    class Made(dict):
        def __missing__(self, key):
            kind, fmt = key
            self[key] = produce(scopes[kind], fmt)
            return self[key]

    return Made()


class Tables(HTMLParser):
    """Every table's rows of cell texts, every <svg> and <script> seen."""

    def __init__(self):
        super().__init__()
        self.tables, self.scripts, self.svgs, self.polylines = [], 0, 0, 0
        self._row, self._cell = None, None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag == "script":
            self.scripts += 1
        elif tag == "svg":
            self.svgs += 1

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[-1].append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def parse(content: bytes) -> Tables:
    parser = Tables()
    parser.feed(content.decode("utf-8"))
    return parser


def row_of(tables, first_cell, cells=None):
    """The first row starting with `first_cell` (of `cells` cells, if given)."""
    return next(row for table in tables for row in table if row and row[0] == first_cell and cells in (None, len(row)))


def pdf_text(content: bytes) -> str:
    """The PDF's text, its spaces normalised (pypdf spells some runs out with NULs between the letters)."""
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).replace("\x00", "").split())


def test_html_dashboard_tables_and_numbers(outputs):
    html = parse(outputs[("dashboard", "html")].content)
    assert html.scripts == 0
    assert row_of(html.tables, "FN07", 10) == [
        "FN07",
        "Invoices received by Accounts Payable within 30 days of KCC received date",
        "84%",
        "AMBER",
        "↓ performance worsened",
        "83%",
        "AMBER",
        "85%",
        "80%",
        "84%",
    ]
    assert row_of(html.tables, "FN09", 10)[2:9] == ["49%", "GREEN", "↑ performance improved", "Snapshot data", "",
                                                 "55%", "60%"]  # fmt: skip
    assert "(lower is better)" in row_of(html.tables, "FN09", 10)[1]
    assert row_of(html.tables, "FN01b")[1:4] == ["Pension correspondence processed (context for FN01)",
                                                  "Year to date", "1,574"]  # fmt: skip
    # Each indicator's chart has its data table: FN07's months with its target and floor.
    rows = [row for table in html.tables for row in table]
    assert ["July 2017", "84", "85", "80"] in rows  # FN07: result, target, floor
    assert ["July 2017", "1574", "", "", "No expected range set"] in rows  # FN01b's year to date, no thresholds
    assert html.svgs == 12  # 7 KPIs and 5 activity indicators in Finance
    text = outputs[("dashboard", "html")].content.decode()
    assert "provisional unaudited data" in text  # the data-quality note


def test_whole_dashboard_headline(outputs):
    html = parse(outputs[("whole", "html")].content)
    assert row_of(html.tables, "Latest") == ["Latest", "21", "4", "1"]
    assert row_of(html.tables, "↑ performance improved") == ["↑ performance improved", "14"]
    assert row_of(html.tables, "New") == ["New", "2"]
    text = outputs[("whole", "html")].content.decode()
    assert "CS12 above; HR13 above" in text


def test_charts_are_lines_with_target_and_floor(outputs):
    text = outputs[("dashboard", "html")].content.decode()
    assert "Line chart of FN07" in text and "with its target and floor standard" in text
    assert "Floor standard" in text and "Target" in text
    assert "expected range" in text  # activity indicators' band


def test_quarterly_html_summary_table(outputs):
    html = parse(outputs[("quarterly", "html")].content)
    # Finance's two service areas (delivered by Finance and by the Business Service Centre) are one area here.
    # June against March (README: March is on the line from July 2016 to April 2017): FN01 99 > 98, FN02 98 > 97,
    # FN07 85 > 82 improved; FN08 99 = 99 the same; FN09, FN10, FN11 have nothing before April: new. RAG in June:
    # FN01, FN02, FN07 (85 on its target), FN08, FN09 (52, lower is better) green; FN10 41 amber; FN11 83 red.
    assert row_of(html.tables, "Finance", 8) == ["Finance", "5", "1", "1", "3", "1", "0", "3"]
    assert row_of(html.tables, "TOTAL") == ["TOTAL", "5", "1", "1", "3", "1", "0", "3"]
    assert row_of(html.tables, "FN07", 10)[2:5] == ["85%", "GREEN", "↑ performance improved"]
    assert "Quarter 1, 2017/18 (April to June 2017)" in outputs[("quarterly", "html")].content.decode()


def test_json(outputs):
    data = json.loads(outputs[("dashboard", "json")].content)
    assert data["rag"] == {"green": 5, "amber": 2, "red": 0}
    assert [a["ref"] for a in data["activity_indicators"]] == ["FN01b", "FN02b", "FN07b", "FN09b", "FN11b"]
    quarterly = json.loads(outputs[("quarterly", "json")].content)
    assert quarterly["direction"] == {"improved": 3, "same": 1, "worsened": 0, "new": 3}


def test_pdf(outputs):
    text = pdf_text(outputs[("dashboard", "pdf")].content)
    assert "Performance Dashboard" in text
    assert "FN07" in text and "84%" in text and "AMBER" in text
    assert "provisional unaudited data" in text
    assert "Data for the chart: FN07" in text
    assert '<script>alert("x")</script> =HYPERLINK' in text  # hostile commentary printed as typed


def test_docx(outputs):
    document = read_docx(io.BytesIO(outputs[("dashboard", "docx")].content))
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    assert row_of(tables, "FN07", 10)[2:5] == ["84%", "AMBER", "↓ performance worsened"]
    assert row_of(tables, "Latest") == ["Latest", "5", "2", "0"]
    assert len(document.inline_shapes) == 12  # a picture per chart
    chart_tables = [t for t in tables if t[0] == ["Period", "Result", "Target", "Floor standard"]]
    assert len(chart_tables) == 7
    assert any('<script>alert("x")</script> =HYPERLINK' in p.text for p in document.paragraphs)


def test_xlsx(outputs):
    workbook = load_workbook(io.BytesIO(outputs[("dashboard", "xlsx")].content))
    assert {"Summary", "Key performance indicators", "Activity indicators", "Chart data"} <= set(workbook.sheetnames)
    kpis = [[c.value for c in row] for row in workbook["Key performance indicators"].iter_rows()]
    assert ["FN07", "Invoices received by Accounts Payable within 30 days of KCC received date", "84%", "AMBER"] in [
        row[:4] for row in kpis
    ]
    chart_data = [[c.value for c in row] for row in workbook["Chart data"].iter_rows()]
    assert ["July 2017", 84, 85, 80] in [row[:4] for row in chart_data]  # numbers, not text
    summary = [[c.value for c in row][:4] for row in workbook["Summary"].iter_rows()]
    assert ["Latest", 5, 2, 0] in summary
    cells = [c for sheet in workbook for row in sheet.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type != "f" for c in cells)  # nothing, hostile commentary included, became a formula


def test_hostile_commentary_stays_text_in_html_and_out_of_json(outputs):
    # PDF, Word and Excel: in their own tests above.
    for kind in ("dashboard", "quarterly"):
        html = outputs[(kind, "html")].content.decode()
        assert "<script>" not in html and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "Quarter narrative &lt;script&gt;" in outputs[("quarterly", "html")].content.decode()
    data = json.loads(outputs[("dashboard", "json")].content)
    assert set(data) == {"rag", "ytd_rag", "direction", "indicators", "activity_indicators"}  # no commentary
    document = read_docx(io.BytesIO(outputs[("quarterly", "docx")].content))
    assert any(p.text.startswith("Quarter narrative <script>") for p in document.paragraphs)  # the bell dropped

"""Each format of the sample Q2 report, opened with a reader of that format and checked for its headings,
tables and key numbers."""

import io
import json
import re
import zipfile

import docx
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from report_support import Q2, parse_html, plain_text

from councilplan.documents import charts
from councilplan.documents.model import Chart
from councilplan.monitoring.models import Round
from councilplan.reports.output import produce
from councilplan.reports.round_report import build_round_report
from councilplan.reports.selectors import report_inputs

pytestmark = pytest.mark.django_db

SECTIONS = [
    "1. Submissions",
    "2. Delivery",
    "3. Milestones",
    "4. Issues",
    "5. Mitigating Actions or Escalations",
    "6. Governance",
    "7. Additional Oversight and Assurance",
    "8. Risk",
    "9. Activity Scorecards",
]


@pytest.fixture
def q2(sample_plan):
    return Round.objects.get(plan=sample_plan, label=Q2)


def test_html_is_one_standalone_file_in_the_seeds_order(q2):
    output = produce(q2, "html")
    html = output.content.decode()
    parsed = parse_html(html)
    headings = [text for _, text in parsed.headings]

    assert output.filename == "sdp-monitoring-report-2019-20-Q2.html"
    assert parsed.headings[0] == ("h1", "Strategic Delivery Plan Monitoring – Analysis Report")
    order = [
        "Introduction",
        "Monitoring Quarter 2 (July – September 2019) overview",
        "Monitoring Quarter 2 (July – September 2019) summary",
        "Outcome 1: Children and young people in Kent get the best start in life",
        "Monitoring Quarter 2 (July – September 2019) analysis",
        *SECTIONS,
        "Data quality: returns to check",
    ]
    assert [h for h in headings if h in order] == order
    text = plain_text(html)
    assert "Quarter 2: July – September 2019" in text
    assert "Report version: Policy & Resources Cabinet Committee – 8 November 2019" in text
    # Standalone: no script, no external style sheet or image; charts inline with their data tables.
    assert "script" not in parsed.tags and "link" not in parsed.tags and "img" not in parsed.tags
    assert parsed.tags.count("svg") == 6
    assert len([t for t in parsed.tables if t["caption"].startswith("Data for the chart")]) == 6
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "several charts on one page must not share ids"


def test_pdf_has_page_numbers_and_the_figures(q2):
    reader = PdfReader(io.BytesIO(produce(q2, "pdf").content))
    pages = [page.extract_text() for page in reader.pages]
    text = " ".join(" ".join(pages).split())

    assert len(reader.pages) > 1
    assert f"Page 1 of {len(reader.pages)}" in pages[0]
    assert f"Page {len(reader.pages)} of {len(reader.pages)}" in pages[-1]
    assert "81% (64)" in text
    assert "Strategic Delivery Plan Monitoring – Analysis Report" in text
    assert "10 require remedial action (up from 7 in Q1)" in text
    for section in SECTIONS:
        assert section in text
    sizes = {(round(float(page.mediabox.width)), round(float(page.mediabox.height))) for page in reader.pages}
    assert sizes == {(595, 842)}  # every page A4, in points


def test_word_has_real_headings_tables_and_pictures(q2):
    document = docx.Document(io.BytesIO(produce(q2, "docx").content))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    paragraphs = [p.text for p in document.paragraphs]

    assert headings[0] == ("Title", "Strategic Delivery Plan Monitoring – Analysis Report")
    assert ("Heading 1", "Introduction") in headings
    for section in SECTIONS:
        assert ("Heading 2", section) in headings
    assert "81% (64) of activities are on track for successful delivery" in paragraphs
    assert any(p.startswith("2.1 ") and "10 require remedial action (up from 7 in Q1)" in p for p in paragraphs)
    assert len(document.inline_shapes) == 6
    assert all(shape._inline.docPr.get("descr", "").startswith("Bar chart") for shape in document.inline_shapes)

    not_on_track = next(t for t in document.tables if t.rows[0].cells[1].text == "Delivery Q1")
    assert [row.cells[0].text.split(".")[0] for row in not_on_track.rows[1:]][:3] == ["4", "5", "6"]
    assert not_on_track.rows[0]._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None  # repeats on each page
    delivery = next(t for t in document.tables if t.rows[0].cells[0].text == "Delivery status")
    assert [c.text for c in delivery.rows[1].cells] == ["Yes, it is on track", "67", "64"]
    footer = document.sections[0].footer._element.xml
    assert "NUMPAGES" in footer and "PAGE" in footer


def test_excel_has_a_sheet_per_table_and_every_figure(q2):
    workbook = load_workbook(io.BytesIO(produce(q2, "xlsx").content))

    assert workbook.sheetnames[:2] == ["Report", "Figures"]
    for name in (
        "Summary",
        "2.2 Not on track",
        "2.3 Status changes",
        "2.7 Completed stopped BAU",
        "3.5 End-date changes",
        "6 Governance",
        "Chart data",
        "Data quality",
    ):
        assert name in workbook.sheetnames
    figures = {row[0]: row[2:] for row in workbook["Figures"].iter_rows(min_row=2, values_only=True)}
    assert figures["on_track"] == (64, 79, 81, 67, 79, 85)
    assert figures["due_this_year_at_risk"][:3] == (11, 29, 38)
    assert figures["forward_plan_scheduled"][:3] == (7, 23, 30)
    # Columns named in words, and each figure's definition beside its key (issue 12).
    assert list(workbook["Figures"].iter_rows(max_row=1, values_only=True))[0] == (
        "Figure",
        "What it counts",
        "Count",
        "Out of",
        "Percent",
        "Previous round's count",
        "Previous round's out of",
        "Previous round's percent",
    )
    described = {row[0]: row[1] for row in workbook["Figures"].iter_rows(min_row=2, values_only=True)}
    assert described["mitigations"] == (
        "not-on-track returns with mitigating actions or escalations in place, out of not on track"
    )
    assert described["on_track"].startswith("returns with that delivery status")
    not_on_track = list(workbook["2.2 Not on track"].iter_rows(values_only=True))
    assert not_on_track[0][0] == "Activity"
    assert len(not_on_track) == 1 + 13
    assert not_on_track[-1][4] == "Yes"  # 74 has mitigations; ticks are Yes / No in Excel
    dates = list(workbook["3.5 End-date changes"].iter_rows(min_row=2, values_only=True))
    assert dates[0][2].date().isoformat() == "2020-04-01"  # a real date, not text
    report = {row[0]: row[1] for row in workbook["Report"].iter_rows(values_only=True) if row and row[0]}
    assert report["Round"] == Q2 and report["Average form rating"] == 3.7


def test_json_is_the_analysis(q2):
    output = produce(q2, "json")
    data = json.loads(output.content)

    assert output.content_type == "application/json"
    assert data["figures"]["on_track"] == {"count": 64, "of": 79, "percent": 81}
    assert {flag["kind"] for flag in data["data_quality"]} >= {"no_resolution_given", "on_track_with_later_date"}


def test_scorecards_have_a_page_per_activity(q2):
    output = produce(q2, "docx", scorecards=True)
    document = docx.Document(io.BytesIO(output.content))
    titles = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]

    assert output.filename == "sdp-monitoring-scorecards-2019-20-Q2.docx"
    assert len(titles) == 79
    assert titles[51] == "52. Review of Voluntary and Community Sector Grants across the Council"
    history = next(
        t
        for t in document.tables
        if t.rows[0].cells[0].text == "Round" and t.rows[0].cells[1].text == "Delivery status"
    )
    assert [[c.text for c in row.cells] for row in history.rows[1:]] == [
        ["2019-20 Q1", "Yes, it is on track"],
        ["2019-20 Q2", "Yes, it is on track"],
    ]
    with zipfile.ZipFile(io.BytesIO(output.content)) as archive:
        body = archive.read("word/document.xml").decode()
    assert body.count('w:type="page"') == 79  # the title page, then one page per activity


def test_scorecards_html_has_status_history_and_details(q2):
    text = plain_text(produce(q2, "html", scorecards=True).content.decode())

    assert "52. Review of Voluntary and Community Sector Grants across the Council" in text
    assert "2019-20 Q1 Yes, it is on track 2019-20 Q2 No, it is unlikely to be achieved" in text
    assert "The issues are not recorded on a risk register." in text  # 70 (and 6)


def test_scorecards_are_not_offered_as_spreadsheets(q2):
    from councilplan.reports.output import UnknownFormat

    with pytest.raises(UnknownFormat):
        produce(q2, "xlsx", scorecards=True)


def test_chart_images_are_valid_and_readable_without_colour(q2):
    inputs = report_inputs(q2)
    document = build_round_report(inputs.analysis, inputs.extras, {}, inputs.meta)
    chart = next(b for b in document.blocks if isinstance(b, Chart) and b.key == "issues")

    png = charts.png(chart)
    svg = charts.svg(chart)
    assert png.startswith(b"\x89PNG")
    assert svg.startswith("<svg") and "<?xml" not in svg
    assert "<pattern" in svg  # the previous round is hatched, not told apart by colour alone
    assert ">Q1<" in svg and ">Q2<" in svg and ">9<" in svg  # key and direct labels


def test_excel_commentary_reads_as_text_under_the_sections_names(q2):
    from councilplan.reports.models import Commentary

    Commentary.objects.create(round=q2, section="issues", text="Capacity is **urgent**.\n- Recruitment\n- Training")
    workbook = load_workbook(io.BytesIO(produce(q2, "xlsx").content))
    rows = list(workbook["Commentary"].iter_rows(values_only=True))
    assert rows[0] == ("Section", "Commentary")
    assert ("4. Issues: key emerging issues", "Capacity is urgent.\n• Recruitment\n• Training") in rows

"""Hostile text in every free-text answer, in a title and in the commentary is shown as text in every format:
it never runs (HTML escaped, no formula cells in Excel), never goes missing (Word keeps it intact) and never
stops a file from being made (the PDF still renders on A4)."""

import io
import json

import docx
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from report_support import Q2, parse_html, plain_text

from councilplan.documents.render_docx import render_docx
from councilplan.documents.render_html import render_html
from councilplan.documents.render_pdf import render_pdf
from councilplan.monitoring.models import Return, Round
from councilplan.plan.models import Activity
from councilplan.reports.models import Commentary
from councilplan.reports.output import produce
from councilplan.reports.scorecards import build_scorecards
from councilplan.reports.selectors import report_inputs

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://x","y")'
COMMAND = "+cmd|' /C calc'!A0"
LONG_WORD = "W" * 300
EMOJI = "Progress 🎉🚀 on track 👍🏽"
RTL = "مرحبا بالعالم والتقدم جيد"
HEBREW = "שלום עולם"
HOSTILE = [SCRIPT, FORMULA, COMMAND, LONG_WORD, EMOJI, RTL, HEBREW]
TEXT = "\n".join(HOSTILE)  # one answer holding all of them, one per line


@pytest.fixture
def hostile(sample_plan):
    """Activities 52 (not on track, no mitigations), 70 (BAU, stays) and 56 (not on track, mitigated) answer with
    hostile text everywhere; 52's title is hostile too; and the commentary of three sections."""
    q2 = Round.objects.get(plan=sample_plan, label=Q2)
    answers = {
        "progress": TEXT,
        "issue_detail": TEXT,
        "mitigation_detail": TEXT,
        "date_change_reason": TEXT,
        "status_reason": TEXT,
        "previous_issues_resolution": TEXT,
        "milestones": {"other": {"date": None, "estimated": True, "text": FORMULA + " " + SCRIPT}},
    }
    Return.objects.filter(round=q2, activity__ref__in=["52", "56", "70"]).update(**answers)
    Return.objects.filter(round=q2, activity__ref="56").update(mitigations=True)
    Activity.objects.filter(plan=sample_plan, ref="52").update(title=f"Grants review {SCRIPT} {FORMULA}")
    for section in ("issues", "oversight", "contact"):
        Commentary.objects.create(round=q2, section=section, text=TEXT)
    return q2


def test_html_shows_it_as_text_and_runs_nothing(hostile):
    html = produce(hostile, "html").content.decode()
    parsed = parse_html(html)
    text = plain_text(html)

    assert SCRIPT not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "script" not in parsed.tags
    for value in HOSTILE:
        assert value in text
    assert "Grants review <script>alert(1)</script>" in text  # the title, as typed


def test_scorecards_html_shows_every_answer_as_text(hostile):
    inputs = report_inputs(hostile)
    html = render_html(build_scorecards(inputs.plan, inputs.analysis, inputs.meta, refs=["52"]))
    text = plain_text(html)

    assert SCRIPT not in html
    assert "script" not in parse_html(html).tags
    assert text.count(LONG_WORD) >= 5  # resolution, progress, issues, mitigations, date change reason
    for value in HOSTILE:
        assert value in text
    assert f"{FORMULA} {SCRIPT}" in text  # the 'other' milestone


def test_report_page_in_the_app_escapes_it(hostile, client, django_user_model):
    client.force_login(django_user_model.objects.create_user("corporate", role="corporate"))
    page = client.get(f"/reports/{hostile.pk}/").content.decode()

    assert SCRIPT not in page
    assert "alert(1)" not in " ".join(parse_html(page).scripts)
    assert RTL in plain_text(page)


def test_excel_has_no_formula_and_keeps_the_text(hostile):
    workbook = load_workbook(io.BytesIO(produce(hostile, "xlsx").content))
    cells = [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]

    assert cells
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    values = {c.value for c in cells if isinstance(c.value, str)}
    assert f"52. Grants review {SCRIPT} {FORMULA}" in values
    assert TEXT in values  # 70's reason for ending, in the 2.7 table, exactly as typed


def test_word_keeps_the_text_intact(hostile):
    document = docx.Document(io.BytesIO(produce(hostile, "docx").content))
    paragraphs = [p.text for p in document.paragraphs]
    cells = [cell.text for t in document.tables for row in t.rows for cell in row.cells]

    for value in HOSTILE:
        assert value in paragraphs  # the commentary, a paragraph per line
    assert TEXT in cells


def test_word_scorecard_keeps_the_text_and_drops_only_what_xml_cannot_hold(hostile):
    Return.objects.filter(round=hostile, activity__ref="52").update(
        progress="before\x0b\x01after " + EMOJI
    )  # XML holds neither
    inputs = report_inputs(hostile)
    document = docx.Document(io.BytesIO(render_docx(build_scorecards(inputs.plan, inputs.analysis, refs=["52"]))))
    paragraphs = [p.text for p in document.paragraphs]

    assert "beforeafter " + EMOJI in paragraphs
    assert LONG_WORD in paragraphs and RTL in paragraphs


def _right_edges(box):
    yield box.position_x + box.margin_width()
    for child in getattr(box, "children", ()):
        yield from _right_edges(child)


def test_pdf_renders_on_a4_with_the_text_inside_the_page(hostile):
    from weasyprint import HTML

    inputs = report_inputs(hostile)
    document = build_scorecards(inputs.plan, inputs.analysis, refs=["52", "70"])
    reader = PdfReader(io.BytesIO(render_pdf(document)))
    text = "".join(page.extract_text() for page in reader.pages)

    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages} == {(595, 842)}
    assert "alert(1)" in text and "HYPERLINK" in text
    # The 300-letter word wraps inside the page rather than running off it: no box ends past the page.
    laid_out = HTML(string=render_html(document, for_print=True)).render()
    for page in laid_out.pages:
        assert max(_right_edges(page._page_box)) <= page.width + 0.5


def test_json_keeps_the_text(hostile):
    data = json.loads(produce(hostile, "json").content)
    ended = {row["ref"]: row for row in data["ended"]}

    assert ended["70"]["reason"] == TEXT
    assert next(r for r in data["activities"] if r["ref"] == "52")["title"] == f"Grants review {SCRIPT} {FORMULA}"

"""The agenda pack and the body's report in each format, opened with its reader: the pack of a meeting has its
contents and, in the public version, no exempt item or document; hostile text is escaped (HTML) and formula-safe
(Excel, CSV); the work programme's import is atomic and names each bad row, column and value."""

import csv
import io
import json

import pytest
from docx import Document as WordDocument
from governance_support import HOSTILE, D, make_user
from openpyxl import load_workbook
from pypdf import PdfReader

from councilplan.core.exchange import ImportFailed
from councilplan.documents.formats import render
from councilplan.governance import selectors, services
from councilplan.governance.documents import agenda_pack, body_report
from councilplan.governance.exchange import import_work_programme
from councilplan.governance.models import WorkProgrammeEntry

pytestmark = pytest.mark.django_db
SECRET = "Appendix 2: Offers received"


@pytest.fixture
def meeting():
    body = services.create_body(code="pr", name="Policy and Resources Cabinet Committee", kind="cabinet_committee")
    services.add_membership(body, "Mr B J Sweetland", starts_on=D(2017, 5, 25), role="chairman", group="Conservative")
    meeting = services.plan_meeting(body, date=D(2019, 11, 8), venue="Darent Room, Sessions House")
    services.add_item(meeting, number="1", title="Introduction/Webcast announcement")
    wp = services.add_item(meeting, number="10", title="Work Programme 2019/20", first_page=67, last_page=70)
    services.add_document(wp, title="Work programme", text="Open text of the programme.")
    services.add_document(wp, title="Restricted annex", exempt_paragraph=3, exempt_reason="Financial")
    sale = services.add_item(
        meeting,
        number="12",
        title="19/00080 Disposal of the Former Sittingbourne AEC",
        first_page=71,
        last_page=92,
        exempt_paragraph=3,
        exempt_reason="Financial",
    )
    services.add_document(sale, title="Report for publication")
    services.add_document(sale, title=SECRET, exempt_paragraph=3, exempt_reason="Financial")
    services.add_item(meeting, number="13", title=HOSTILE, first_page=93, last_page=110)
    services.publish_agenda(meeting, on=D(2019, 10, 31))
    return meeting


def _pack(meeting, public, fmt):
    from councilplan.core.models import User

    found = User.objects.filter(username="cleared").first()
    reader = None if public else (found or make_user("cleared", cleared_for_exempt=True))
    record = selectors.meeting_record(meeting.pk, reader, public=public)
    return render(agenda_pack(record, public=public), fmt)


def _pdf_text(content: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return " ".join(text.replace("\x00", "").split())


def test_the_full_pack_in_pdf_has_contents_and_the_exempt_part(meeting):
    text = _pdf_text(_pack(meeting, False, "pdf"))
    assert "Work Programme 2019/20" in text and "(pages 67" in text and "(pages 71" in text  # the dash reads oddly
    html = _pack(meeting, False, "html").decode()
    assert "67–70" in html and "71–92" in html
    assert "Motion to Exclude the Press and Public" in text and "paragraph 3 of Part 1 of Schedule 12A" in text
    assert SECRET in text and "Sittingbourne" in text


def test_the_public_pack_leaves_out_exempt_items_and_documents(meeting):
    for fmt in ("pdf", "docx", "html"):
        content = _pack(meeting, True, fmt)
        if fmt == "pdf":
            text = _pdf_text(content)
        elif fmt == "docx":
            text = "\n".join(p.text for p in WordDocument(io.BytesIO(content)).paragraphs)
            text += "\n".join(c.text for t in WordDocument(io.BytesIO(content)).tables for r in t.rows for c in r.cells)
        else:
            text = content.decode()
        assert "Work Programme 2019/20" in text, fmt
        assert SECRET not in text and "Sittingbourne" not in text and "Restricted annex" not in text, fmt
        assert "Document is Restricted" in text, fmt  # the open item's exempt annex, as the seeds print it
        assert "Motion to Exclude the Press and Public" in text, fmt


def test_hostile_text_in_the_pack_and_the_report(meeting):
    html = _pack(meeting, True, "html").decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    document = body_report(None, meeting.body, D(2019, 11, 8))
    workbook = load_workbook(io.BytesIO(render(document, "xlsx")))
    cells = [c for sheet in workbook for row in sheet.iter_rows() for c in row if c.value and "calc" in str(c.value)]
    assert cells and all(c.data_type == "s" for c in cells)
    data = json.loads(render(document, "json"))
    assert [i["number"] for i in data["meetings"][0]["items"]] == ["1", "10", "13"]
    assert data["meetings"][0]["exempt_items_not_shown"] == 1
    word = WordDocument(io.BytesIO(render(document, "docx")))
    assert any("Policy and Resources" in p.text for p in word.paragraphs)
    assert _pdf_text(render(document, "pdf"))


def _write(tmp_path, rows, header=None):
    path = tmp_path / "wp.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(
            header
            or [
                "body",
                "year",
                "meeting",
                "title",
                "lead_officer",
                "origin",
                "recurrence",
                "exempt_paragraph",
                "exempt_reason",
            ]
        )
        writer.writerows(rows)
    return path


def test_the_work_programme_import_is_atomic_and_names_each_problem(meeting, tmp_path):
    good = ["pr", "2019/20", "2019-11-08", "Fair Funding Review", "Z. Cooke", "request", "", "", ""]
    rows = [
        good,
        ["Nobody", "2019", "future", "A", "", "", "", "", ""],
        ["pr", "twenty", "future", "B", "", "", "weekly", "", ""],
        ["pr", "2019", "2019-11-09", "C", "", "", "", "3", ""],
    ]
    with pytest.raises(ImportFailed) as failure:
        import_work_programme(_write(tmp_path, rows))
    messages = [str(e) for e in failure.value.errors]
    assert any("row 3, column body (value 'Nobody')" in m for m in messages)
    assert any("column year (value 'twenty')" in m for m in messages)
    assert any("column recurrence (value 'weekly')" in m for m in messages)
    assert any(
        "column meeting (value '2019-11-09'): Policy and Resources Cabinet Committee has no meeting" in m
        for m in messages
    )
    assert any("column exempt_reason" in m for m in messages)
    assert WorkProgrammeEntry.objects.count() == 0
    result = import_work_programme(
        _write(
            tmp_path,
            [
                good,
                [
                    "Policy and Resources Cabinet Committee",
                    "2019",
                    "future",
                    "Business Rate Retention",
                    "",
                    "",
                    "annual",
                    "",
                    "",
                ],
            ],
        )
    )
    assert result.created == 2
    entry = WorkProgrammeEntry.objects.get(title="Fair Funding Review")
    assert (entry.year, entry.meeting_id, entry.origin) == (2019, meeting.pk, "request")


def test_the_export_reads_back_in(meeting, tmp_path, client):
    services.add_entry(meeting.body, year=2019, title=HOSTILE, slot="future", recurrence="annual")
    user = make_user("reader")
    client.force_login(user)
    content = client.get("/committees/bodies/pr/work-programme/2019/download/csv/").content.decode()
    assert "'=cmd" in content  # formula-safe
    rows = list(csv.DictReader(io.StringIO(content)))
    assert rows[0]["recurrence"] == "annual" and rows[0]["meeting"] == "future"


def test_the_report_charts_items_by_meeting_with_its_data_table(meeting):
    from councilplan.documents.model import Chart

    cleared = make_user("cleo", cleared_for_exempt=True)
    document = body_report(cleared, meeting.body, D(2019, 11, 8))
    chart = next(b for b in document.blocks if isinstance(b, Chart))
    # items 1, 10 and 13 open; 12 exempt (typed from the fixture above)
    assert chart.table.rows == (("8 Nov 2019", 3, 1),)
    assert "8 Nov 2019: 3 open, 1 exempt" in chart.alt
    public = body_report(None, meeting.body, D(2019, 11, 8))
    assert next(b for b in public.blocks if isinstance(b, Chart)).table.rows == (("8 Nov 2019", 3, 0),)

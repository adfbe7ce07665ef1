"""The register document in every format, opened with a reader of that format and checked for its content;
hostile text in every format; and the `councilplan risk-report` command."""

import io
import json
from html.parser import HTMLParser

import docx
import openpyxl
import pypdf
import pytest
from django.core.management import CommandError, call_command
from risk_support import D, make_register, make_risk

from councilplan.risks import services
from councilplan.risks.document import render_register
from councilplan.risks.sample import load_sample
from councilplan.risks.selectors import find_registers, get_scale, register_data

pytestmark = pytest.mark.django_db

CODES = [
    "CRR0001", "CRR0002", "CRR0003", "CRR0004", "CRR0005", "CRR0006", "CRR0007", "CRR0008", "CRR0009",
    "CRR0011", "CRR0013", "CRR0014", "CRR0015", "CRR0016", "CRR0039", "CRR0040", "CRR0041",
]  # fmt: skip
RISK_KEYS = {
    "code",
    "title",
    "current_likelihood",
    "current_impact",
    "current_score",
    "current_band",
    "target_likelihood",
    "target_impact",
    "target_score",
    "target_band",
    "direction",
}


@pytest.fixture
def sample():
    load_sample()
    return register_data(find_registers("corporate"))


def render(data, fmt):
    return render_register(data, get_scale(), fmt, generated=D(2017, 12, 11))


class Text(HTMLParser):
    """The text of an HTML page outside <script> and <style>, and its tables as lists of rows."""

    def __init__(self):
        super().__init__()
        self.parts, self.tables, self.skip, self.cell, self.scripts = [], [], 0, None, 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
            self.scripts += tag == "script"
        elif tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1
        elif tag in ("td", "th") and self.cell is not None and self.tables:
            self.tables[-1][-1].append("".join(self.cell).strip())
            self.cell = None

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)
            if self.cell is not None:
                self.cell.append(data)

    @property
    def text(self):
        return " ".join(" ".join(self.parts).split())


def parse_html(content: bytes) -> Text:
    parser = Text()
    parser.feed(content.decode("utf-8"))
    return parser


def test_json_is_exactly_the_issues_format(sample):
    data = json.loads(render(sample, "json"))
    assert set(data) == {"current", "target", "risks"}
    assert data["current"] == {"low": 0, "medium": 7, "high": 10}
    assert data["target"] == {"low": 3, "medium": 14, "high": 0}
    assert [r["code"] for r in data["risks"]] == CODES
    assert all(set(r) == RISK_KEYS for r in data["risks"])
    assert {r["direction"] for r in data["risks"]} == {"down", "same", "context_changed", "new"}
    assert {r["current_band"] for r in data["risks"]} | {r["target_band"] for r in data["risks"]} == {
        "low",
        "medium",
        "high",
    }


def test_html(sample):
    page = parse_html(render(sample, "html"))
    text = page.text
    assert text.startswith("Corporate Risk Register")
    assert "Low = 1–6, Medium = 8–15, High = 16–25" in text
    summary = next(t for t in page.tables if t[0][:2] == ["Risk code", "Risk title"])
    assert [row[0] for row in summary[1:]] == CODES
    assert summary[1] == [
        "CRR0001",
        "Safeguarding – protecting vulnerable children",
        "15",
        "Medium",
        "15",
        "Medium",
        "↓ Risk score fell (was 20)",
    ]
    assert summary[-1][-1] == "NEW New risk"
    counts = next(t for t in page.tables if t[0] == ["Risk level", "Low risk", "Medium risk", "High risk"])
    assert counts[1:] == [["Current risk level", "0", "7", "10"], ["Target risk level", "3", "14", "0"]]
    heat = next(t for t in page.tables if t[0][0] == "Likelihood")
    assert heat[1][0] == "5 Very Likely" and heat[1][4] == "CRR0016"  # 5×4
    assert heat[2][5] == "CRR0002, CRR0006, CRR0007, CRR0015"  # 4×5
    assert "Source / cause of risk" in text and "Kent Channel Panel" in text
    assert page.scripts == 0  # no JavaScript in the file


def test_pdf(sample):
    reader = pypdf.PdfReader(io.BytesIO(render(sample, "pdf")))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Corporate Risk Register" in reader.metadata.title
    assert len(reader.pages) > 17  # a page (at least) per risk
    for words in ["Summary risk profile", "Heat map", "CRR0041 Maintaining a healthy", "Risk score fell (was 20)"]:
        assert words in " ".join(text.split()), words


def test_docx(sample):
    document = docx.Document(io.BytesIO(render(sample, "docx")))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == "Corporate Risk Register"
    assert "CRR0001 Safeguarding – protecting vulnerable children" in headings
    assert "Heat map" in headings
    summary = next(t for t in document.tables if t.rows[0].cells[0].text == "Risk code")
    assert [row.cells[0].text for row in summary.rows[1:]] == CODES
    assert summary.rows[1].cells[6].text == "↓ Risk score fell (was 20)"


def test_xlsx(sample):
    book = openpyxl.load_workbook(io.BytesIO(render(sample, "xlsx")))
    assert {"Summary", "Heat map", "Actions", "CRR0001", "CRR0041"} <= set(book.sheetnames)
    rows = [list(row) for row in book["Summary"].iter_rows(values_only=True)]
    assert ["Current risk level", 0, 7, 10] in [list(r[:4]) for r in rows]
    assert ["Target risk level", 3, 14, 0] in [list(r[:4]) for r in rows]
    codes = [r[0] for r in rows if isinstance(r[0], str) and r[0].startswith("CRR")]
    assert codes == CODES
    crr0001 = [r for r in rows if r[0] == "CRR0001"][0]
    assert crr0001[2] == 15 and crr0001[3] == "Medium"  # numbers are numbers
    actions = list(book["Actions"].iter_rows(values_only=True))
    assert sum(r[4] for r in actions if isinstance(r[4], int)) == 38  # every action of the detail pages


def test_actions_by_month_in_the_document(sample):
    # The December register's detail pages: actions due from December 2017 to September 2018; "(review)"
    # dates are regular reviews, none is completed (see the sample README).
    page = parse_html(render(sample, "html"))
    table = next(t for t in page.tables if t[0][0] == "Due for completion")
    assert table[1] == ["December 2017", "0", "3", "2", "5"]
    assert table[-1][0] == "September 2018"


HOSTILE = "=HYPERLINK(\"http://evil\") <script>alert('x')</script> & </w:t> \x01]]>"


@pytest.fixture
def hostile():
    register = make_register(name="Register <b>bold</b>", level="corporate")
    risk = make_risk(register, code="EVIL1", title=HOSTILE, causes=[HOSTILE], owners=[HOSTILE])
    services.add_control(risk, title=HOSTILE, owner=HOSTILE, user=None)
    services.add_action(risk, title=HOSTILE, owner=HOSTILE, planned=HOSTILE, user=None)
    return register_data([register])


def test_hostile_text_in_html(hostile):
    content = render(hostile, "html").decode()
    assert "<script>alert" not in content and "<b>bold</b>" not in content
    page = parse_html(render(hostile, "html"))
    assert page.scripts == 0
    assert "<script>alert('x')</script>" in page.text


def test_hostile_text_in_json(hostile):
    data = json.loads(render(hostile, "json"))
    assert data["risks"][0]["title"] == HOSTILE


def test_hostile_text_in_docx(hostile):
    document = docx.Document(io.BytesIO(render(hostile, "docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "<script>alert('x')</script>" in text and "</w:t>" in text


def test_hostile_text_in_xlsx(hostile):
    book = openpyxl.load_workbook(io.BytesIO(render(hostile, "xlsx")))
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row if cell.value]
    evil = [cell for cell in cells if str(cell.value).startswith("=HYPERLINK")]
    assert evil and all(cell.data_type == "s" for cell in evil)  # text, never a formula


def test_hostile_text_in_pdf(hostile):
    reader = pypdf.PdfReader(io.BytesIO(render(hostile, "pdf")))
    # pypdf reads some runs of this font back as UTF-16 (NUL between letters): drop the NULs.
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).replace("\x00", "").split())
    assert "<script>alert('x')</script>" in text


def test_unknown_format():
    with pytest.raises(ValueError, match="unknown format"):
        render_register(register_data([]), get_scale(), "odt")


# --- the command -----------------------------------------------------------------------------------------


def test_command_writes_json_for_the_corporate_register(tmp_path):
    load_sample()
    output = tmp_path / "crr.json"
    call_command("risk_report", format="json", output=str(output))
    data = json.loads(output.read_text(encoding="utf-8"))
    assert (data["current"], data["target"]) == (
        {"low": 0, "medium": 7, "high": 10},
        {"low": 3, "medium": 14, "high": 0},
    )


def test_command_by_level_and_name(tmp_path, capsys):
    load_sample()
    call_command("risk_report", register="directorate", format="json", output="-")
    assert [r["code"] for r in json.loads(capsys.readouterr().out)["risks"]] == ["CRR0010"]
    output = tmp_path / "crr.xlsx"
    call_command("risk_report", register="Corporate Risk Register", format="xlsx", output=str(output))
    assert "Summary" in openpyxl.load_workbook(output).sheetnames


def test_command_refusals(tmp_path):
    load_sample()
    with pytest.raises(CommandError, match="No risk register found for 'nowhere'"):
        call_command("risk_report", register="nowhere", format="json", output=str(tmp_path / "x.json"))
    with pytest.raises(CommandError, match="binary format"):
        call_command("risk_report", format="pdf", output="-")

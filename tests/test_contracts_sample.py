"""The sample reproduces the fixture of spec/contracts.md: `councilplan contracts-report --format json` on it gives
every consistent figure, typed here from the spec; each format opens with its reader."""

import json

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(whole_sample, tmp_path):
    path = tmp_path / "report.json"
    call_command("contracts_report", format="json", output=str(path))
    return json.loads(path.read_text(encoding="utf-8"))


def test_reviews_held_in_2019(report):
    held = report["reviews_held"]
    assert (held["entries"], held["dates"]) == (10, 9)
    assert held["by_lead_officer"] == {
        "Karen Sharp": 4,
        "Clare Maynard": 3,
        "Dave Hughes": 1,
        "Andrew Loosemore": 1,
        "Phil Lightowler": 1,
    }
    assert [r["date"] for r in held["reviews"]][0] == "2019-03-26"
    assert held["reviews"][-1] == {
        "date": "2019-10-01",
        "title": "Subsidised Bus Contracts",
        "lead_officers": ["Phil Lightowler"],
        "contracts": ["CM-2019-12"],
        "status": "held",
    }


def test_forward_plan(report):
    plan = report["forward_plan"]
    assert (plan["entries"], plan["dates"], plan["tbc"]) == (11, 6, 2)
    assert plan["reviews"][0]["title"] == "Westbrook and Westview PFI contracts"
    assert plan["reviews"][0]["lead_officers"] == ["Alison Shepherd", "Vikram Bhatia"]
    assert [r["date"] for r in plan["reviews"][-2:]] == [None, None]


def test_contracts_reviewed_findings_and_saving(report):
    assert report["report"]["contracts_reviewed_words"] == "over forty"
    assert len(report["report"]["themes"]) == 3
    assert "Over forty commissioners" in report["report"]["training"]
    earlier = report["earlier_reports"][0]
    assert earlier["contracts_reviewed_to_date"] == 17
    assert earlier["overall_standard"].startswith("Inconsistent")
    assert (len(earlier["strengths"]), len(earlier["issues"])) == (3, 2)
    assert "IACCM" in earlier["training"] and "two day" in earlier["training"]
    saving = earlier["savings"][0]
    assert (saving["annual_pence"], saving["percent"], saving["annual"]) == (110_000_000, "8.5", "£1.1m")
    assert saving["implied_annual_value"] == "£12.9m" and saving["approximate"] is True
    assert "prescribing patterns" in saving["note"]


def test_the_body_and_the_risk_link(report):
    body = report["body"]
    assert body["name"] == "Contract Management Review Group"
    assert body["chair"] == "Cabinet Member for Strategic Commissioning"
    assert body["vice_chair"] == "Deputy Cabinet Member for Finance"
    assert [n["parent"] for n in body["names"]] == ["Budget and Programme Delivery Board", "Budget Delivery Group"]
    assert body["names"][0]["chair"] == "Cabinet Member for Finance"
    assert body["convened_on"] == "2016-09-01"
    assert body["risk_controls"][0]["risk"] == "CRR0011"
    assert body["risk_controls"][0]["owner"] == "Vincent Godfrey, Strategic Commissioner"


def test_members_in_2017_are_six_plus_the_chair(whole_sample):
    import datetime as dt

    from councilplan.contracts.selectors import body_record, get_body

    body = body_record(get_body())
    assert len(body.members_on(dt.date(2017, 9, 15))) == 6
    assert len(body.members_on(dt.date(2017, 3, 1))) == 4  # two added in 2017/18


def test_framework_and_template(report):
    assert report["framework"]["descriptors"] == 160
    assert report["framework"]["by_level"] == [38, 36, 43, 26, 17]
    assert report["template"] == {
        "sections": 12,
        "contract_detail_fields": 6,
        "attestation_statements": 7,
        "annexes": 2,
    }


def test_sample_is_idempotent_and_links_activities(whole_sample):
    from councilplan.contracts.models import Contract, Review
    from councilplan.contracts.sample import load_sample

    assert "already loaded" in load_sample()
    assert Review.objects.count() == 21 and Contract.objects.count() == 25
    assert Contract.objects.get(reference="CM-2019-03").activities.get().ref == "8"


def test_every_format_opens_with_its_reader(whole_sample, tmp_path):
    import docx
    import openpyxl
    import pypdf

    for fmt in ("html", "pdf", "docx", "xlsx"):
        call_command("contracts_report", format=fmt, output=str(tmp_path / f"r.{fmt}"))
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Maturity by activity" in html and "Westbrook and Westview PFI contracts" in html
    text = "".join(page.extract_text() for page in pypdf.PdfReader(tmp_path / "r.pdf").pages)
    assert "Subsidised Bus Contracts" in text
    document = docx.Document(str(tmp_path / "r.docx"))
    assert any("Forward plan of reviews" in p.text for p in document.paragraphs)
    workbook = openpyxl.load_workbook(tmp_path / "r.xlsx")
    assert {"Programme", "Maturity", "Framework"} <= set(workbook.sheetnames)
    rows = list(workbook["Programme"].iter_rows(values_only=True))
    assert any(row and row[0] == "Karen Sharp" and row[1] == 4 for row in rows)

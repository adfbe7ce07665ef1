"""`councilplan planning-report` and `councilplan plan-document`, on the sample. The JSON's numbers are typed
from seed 002 (see test_planning_sample.py for each paragraph)."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from docx import Document as WordDocument
from pypdf import PdfReader

from councilplan.plan.models import Plan
from councilplan.planning.sample import CYCLE, PLAN, load_sample


@pytest.fixture
def sample(db):
    load_sample()


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_planning_report_json_has_the_seeds_figures(sample, tmp_path):
    path = tmp_path / "long-list.json"
    message = run("planning_report", "--cycle", CYCLE, "--format", "json", "--output", str(path))
    assert f"Wrote the long-list analysis of {CYCLE}" in message
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["submissions"], data["long_list"], data["short_list"]) == (183, 171, 79)
    percents = {key: figure["percent"] for key, figure in data["figures"].items()}
    assert percents == {
        "support_strategic_commissioning": 73,
        "support_finance": 63,
        "support_any": 71,
        "capacity_unsure": 32,
        "revenue_costs_identified": 54,
        "eqia_done_or_in_progress": 29,
        "dpia_done_or_in_progress": 21,
        "part_of_programme": 53,
        "in_delivery": 89,
        "outcome_1": percents["outcome_1"],  # the seed gives no figure for outcomes 1 and 3
        "outcome_2": 38,
        "outcome_3": percents["outcome_3"],
        "outcome_4": 21,  # "Corporate Enabling Activity", the cross-cutting outcome
    }
    assert all(set(figure) == {"count", "of", "percent"} for figure in data["figures"].values())
    assert data["outcomes"][3]["cross_cutting"] is True


def test_planning_report_without_a_cycle_uses_the_latest(sample, tmp_path):
    path = tmp_path / "long-list.docx"
    run("planning_report", "--format", "docx", "--output", str(path))
    doc = WordDocument(str(path))
    assert doc.paragraphs[0].text == "Building the plan: the long list"


def test_plan_document_summary_as_pdf(sample, tmp_path):
    path = tmp_path / "summary.pdf"
    run("plan_document", "--plan", PLAN, "--version", "summary", "--format", "pdf", "--output", str(path))
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(str(path)).pages).split())
    assert f"{PLAN}: summary" in text
    assert "Outcomes based commissioning" in text  # 002 §2.9's first theme
    assert "Delivering the Kent Commissioning Plan for Education Provision 2019-2023" in text


def test_plan_document_full_as_html(sample, tmp_path):
    path = tmp_path / "full.html"
    run("plan_document", "--plan", PLAN, "--version", "full", "--format", "html", "--output", str(path))
    html = path.read_text(encoding="utf-8")
    assert html.count('<h3 class="govuk-heading-m" id="activity-') == 79


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["planning_report", "--cycle", "Nope", "--format", "json"], "there is no planning cycle 'Nope'"),
        (["planning_report", "--format", "xlsx"], "unknown format 'xlsx'"),
        (["plan_document", "--version", "short", "--format", "pdf"], "'short' is not a version"),
        (["plan_document", "--plan", "Nope", "--version", "full", "--format", "pdf"], "there is no plan 'Nope'"),
        (["plan_document", "--version", "full", "--format", "json"], "unknown format 'json'"),
    ],
)
def test_command_errors_say_what_to_fix(sample, tmp_path, args, message):
    with pytest.raises(CommandError, match=message):
        call_command(*args, "--output", str(tmp_path / "out"))


def test_a_missing_folder_is_refused_before_the_work(sample, tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        call_command("planning_report", "--format", "json", "--output", str(tmp_path / "no" / "file.json"))


def test_plan_document_needs_a_name_when_there_are_several_plans(sample, tmp_path):
    Plan.objects.create(name="Another plan")
    with pytest.raises(CommandError, match="name the plan"):
        call_command("plan_document", "--version", "full", "--format", "html", "--output", str(tmp_path / "x.html"))

"""The weekly delayed transfers of care dashboard as a document (issue 20; spec/qpr.md §3): `dtoc-report` for the
sample's last week in every format, its figures typed from the spec's Fixture, and a clear error for a week
without figures."""

import io
import json
import zipfile

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from councilplan.performance.sample.dtoc import load_dtoc

pytestmark = pytest.mark.django_db

WEEKS = ["07/09", "14/09", "21/09", "28/09", "05/10", "12/10", "19/10", "26/10", "02/11", "09/11", "16/11", "23/11"]


@pytest.fixture
def sample(db):
    load_dtoc()


def _report(tmp_path, fmt, *args):
    out = tmp_path / f"dtoc.{fmt}"
    call_command("dtoc_report", "--format", fmt, "--output", str(out), *args, stdout=io.StringIO())
    return out.read_bytes()


def test_the_json_gives_the_dashboards_figures(sample, tmp_path):
    data = json.loads(_report(tmp_path, "json"))  # the latest week: 23 November 2017
    assert data["week"] == "2017-11-23"
    assert [w[8:] + "/" + w[5:7] for w in data["weeks"]] == WEEKS
    acutes = data["kent_acutes"]
    assert [w["total"] for w in acutes] == [685, 770, 759, 788, 661, 650, 821, 744, 647, 636, 661, 524]
    attributed = [211, 211, 214, 112.5, 158.5, 145, 147.5, 122.5, 111, 124, 96, 78]
    assert [w["attributed_social_care"] for w in acutes] == attributed
    shares = [30.8, 27.4, 28.2, 14.3, 24.0, 22.3, 18.0, 16.5, 17.2, 19.5, 14.5, 14.9]
    assert [w["share_social_care"] for w in acutes] == shares
    sites = {s["code"]: s for s in data["sites"]}
    assert sites["DVH"]["twelve_week_share"] == 30.0  # 12 weeks' SC-attributed days, not a mean of weeks
    september = next(m for m in data["months"] if m["month"] == "2017-09")
    assert (september["kent"]["total"], september["kent"]["attributed_social_care"]) == (3569, 1012)
    assert september["kent"]["share_social_care"] == 28.4
    november = next(m for m in data["months"] if m["month"] == "2017-11")
    # The weeks ending in it, to 23/11: partial, the week to 30/11 not yet in (spec: "covers weeks to 23/11 only").
    assert november["partial"] is True and november["kent"]["total"] == 2960

    target = data["against_target"]
    assert target["month"] == "2017-09"
    rows = {(r["trust"][:10], r["responsibility"]): (r["local"], r["target"], r["difference"]) for r in target["rows"]}
    assert rows[("Dartford &", "")] == (815, 695, 120)
    assert rows[("East Kent ", "nhs")] == (1303, 1032, 271)
    assert rows[("Kent & Med", "both")] == (31, 378, -347)
    # Above target, for joint action, the largest difference first; below target (KMPT, −332) not listed.
    above = [r["trust"][:10] for r in data["above_target"]]
    assert above[:2] == ["East Kent ", "Dartford &"]
    assert "Kent & Med" not in above


def test_every_format_is_made_with_the_figures_and_chart_tables(sample, tmp_path):
    html = _report(tmp_path, "html", "--week", "2017-11-23").decode()
    assert "Delayed transfers of care: weekly dashboard, week ending 23/11/2017" in html
    # The Kent total against its target, September: 3569 local against 3399 (the seed prints no separator).
    assert "3569" in html and "3399" in html and "<table" in html and ("<svg" in html or "<img" in html)
    docx = zipfile.ZipFile(io.BytesIO(_report(tmp_path, "docx", "--week", "2017-11-23")))
    assert "3569" in docx.read("word/document.xml").decode()
    pdf = PdfReader(io.BytesIO(_report(tmp_path, "pdf", "--week", "2017-11-23")))
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "Delayed transfers of care" in text and "3569" in text
    xlsx = zipfile.ZipFile(io.BytesIO(_report(tmp_path, "xlsx", "--week", "2017-11-23")))
    assert any(name.startswith("xl/worksheets/") for name in xlsx.namelist())


def test_a_week_without_figures_is_refused_with_the_weeks_there_are(sample, tmp_path):
    with pytest.raises(CommandError, match="no figures for the week ending 30/11/2017.*07/09/2017 to 23/11/2017"):
        _report(tmp_path, "json", "--week", "2017-11-30")
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        _report(tmp_path, "json", "--week", "23/11/2017")


def test_no_figures_at_all_says_so(db, tmp_path):
    with pytest.raises(CommandError, match="no delayed transfers of care figures yet"):
        _report(tmp_path, "json")

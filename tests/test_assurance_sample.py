"""The sample reproduces the spec's Fixture (spec/assurance.md): every figure below is typed from the spec's
table, its monthly volumes and its August portfolio summary, never taken from the code's output."""

import datetime as dt
import json

import pytest
from django.core.management import call_command

from councilplan.assurance.models import AnalysisReport, Project
from councilplan.assurance.sample import load_sample
from councilplan.assurance.selectors import project_by_reference, projects_by_reference, report_inputs

pytestmark = pytest.mark.django_db

# Section D: month, total current, Tier 1, potential, closed, Adults, 0-25, BC, GET.
MONTHS = """
Sep16 77 28 18 4 43 13 7 14
Oct16 73 27 23 7 41 13 6 13
Nov16 73 29 21 5 40 15 6 12
Dec16 64 17 21 14 31 15 5 13
Jan17 62 16 21 4 28 16 5 13
Feb17 66 20 16 5 30 16 5 15
Mar17 62 20 20 7 28 14 7 13
Apr17 57 20 18 6 25 12 7 13
May17 51 20 16 8 19 13 7 12
Jun17 52 7 15 4 16 15 7 14
Jul17 54 9 14 1 18 15 7 14
Aug17 50 9 15 5 15 14 6 15
"""


@pytest.fixture
def inputs():
    load_sample()
    return report_inputs(AnalysisReport.objects.get(period_start=dt.date(2017, 3, 1)))


def pct(figure):
    return figure.percent


def test_headline_figures(inputs):
    f = inputs.figures
    assert f["tier_1"] == 9
    assert f["total_current"] == 50
    assert (f["ending_this_year"].count, pct(f["ending_this_year"])) == (24, 48)
    assert (f["ending_next_year"].count, pct(f["ending_next_year"])) == (17, 34)
    assert f["tier_1_added"] == 5
    assert f["tier_1_completed"] == 2
    assert f["closures"] == 31
    assert (f["closures_completed"].count, pct(f["closures_completed"])) == (24, 77)
    assert f["potential"] == 15
    assert f["tier_1_ending_this_year"].count == 2


def test_tier_1_by_stage_and_theme(inputs):
    f = inputs.figures
    assert [pct(f[f"tier_1_stage_{s}"]) for s in ("analyse", "plan", "do", "review")] == [33, 33, 33, 0]
    assert pct(f["tier_1_pre_implementation"]) == 67  # 6/9, not 33 + 33
    assert (f["tier_1_theme_service_redesign"].count, pct(f["tier_1_theme_service_redesign"])) == (5, 56)
    assert (f["tier_1_theme_infrastructure_systems"].count, pct(f["tier_1_theme_infrastructure_systems"])) == (3, 33)
    assert (f["theme_service_redesign"].count, pct(f["theme_service_redesign"])) == (17, 34)
    assert (f["potential_theme_infrastructure_systems"].count, pct(f["potential_theme_infrastructure_systems"])) == (
        6,
        40,
    )
    assert (f["potential_theme_service_redesign"].count, pct(f["potential_theme_service_redesign"])) == (4, 27)


def test_portfolio_shares_and_deca_coverage(inputs):
    f = inputs.figures
    assert (f["portfolio_potential_get"].count, pct(f["portfolio_potential_get"])) == (11, 73)
    assert f["deca_assessed"].count == 46  # all but 4
    assert f["tbc"] == 4
    window = inputs.window
    assert window["closures"] == 36  # February–August
    assert (window["by_portfolio"]["adults"].count, window["by_portfolio"]["adults"].percent) == (20, 56)


def test_comparisons_with_the_previous_report(inputs):
    c = inputs.changes
    assert c["total_current"] == -16
    assert c["tier_1_stage_do"] == 3  # points
    assert c["tier_1_theme_service_redesign"] == 16  # points
    assert c["potential"] == -1  # 16 in February to 15
    assert c["closures"] == -8  # 39 to 31


def test_month_table(inputs):
    rows = [(r.current, r.tier_1, r.potential, r.closed, *r.by_portfolio) for r in inputs.months]
    expected = [tuple(int(x) for x in line.split()[1:]) for line in MONTHS.strip().splitlines()]
    assert rows == expected


def test_august_portfolio_summary(inputs):
    got = {
        r.code: (r.tiers["1"], r.tiers["2"], r.tiers["3"], r.tiers["tbc"], r.current, r.potential, r.closed)
        for r in inputs.summary
    }
    assert got == {
        "adults": (2, 1, 8, 4, 15, 2, 3),
        "0-25": (4, 4, 6, 0, 14, 1, 1),
        "bc": (1, 2, 3, 0, 6, 1, 1),
        "get": (2, 9, 4, 0, 15, 11, 0),
    }


def test_tier_1_snapshot(inputs):
    rows = {r.project.name: r for r in inputs.tier_1}
    assert len(rows) == 9
    assert rows["HeadStart"].cost == "£11m (£10m external funding)"
    assert rows["Your Life Your Wellbeing Phase 3"].cost == "£2.166m"
    assert rows["Your Life Your Wellbeing Phase 3"].benefit == "£8.4m"
    assert rows["Adult Social Care TEC Programme"].cost == "£2.43m"
    assert rows["Front Door Integration"].cost == "£174k"
    assert rows["Front Door Integration"].benefit == "£1.3m (cost avoidance)"
    assert rows["Asset Utilisation Programme"].benefit == "£1.123m (target)"
    assert rows["Javelin Way Development"].cost == "£6m (£3m external funding)"
    assert rows["Turner Contemporary Phase 2"].cost == "£5.3m (£2.65m external funding)"
    assert rows["CYP Service Integrated Programme"].end == "TBC"
    assert rows["CYP Service Integrated Programme"].benefit == "TBC"
    assert rows["HeadStart"].benefit == "Non-financial"
    assert any("−£565k" in v for v in rows["Asset Utilisation Programme"].variations)
    assert any("+£1.18m" in v for v in rows["Adult Social Care TEC Programme"].variations)
    assert len(rows["CYP Service Integrated Programme"].variations) == 2


def test_finance_references_name_projects():
    load_sample()
    assert project_by_reference("New Ways of Working").portfolio.code == "bc"
    assert project_by_reference("basic need programme").name == "Basic Need programme"
    assert project_by_reference("No such project") is None
    found = projects_by_reference(["New Ways of Working", "Basic Need programme", "nothing"])
    assert set(found) == {"New Ways of Working", "Basic Need programme"}


def test_split_keeps_the_old_project_and_links_the_successors():
    load_sample()
    old = Project.objects.get(reference="Coroners Service and Medical Examiners Modernisation")
    assert old.state == "replaced"
    assert {p.name: p.tier for p in old.successors.all()} == {
        "Coroners Service": "3",
        "Medical Examiners and Courts": "2",
    }


def test_the_command_gives_the_fixture_as_json(tmp_path):
    load_sample()
    out = tmp_path / "report.json"
    call_command("assurance_report", "--period", "2017-03..2017-08", "--format", "json", "--output", str(out))
    data = json.loads(out.read_text())
    f = data["figures"]
    assert f["tier_1"] == 9 and f["total_current"] == 50 and f["potential"] == 15 and f["closures"] == 31
    assert f["ending_this_year"]["percent"] == 48
    assert f["closures_completed"]["percent"] == 77
    assert data["changes"]["total_current"] == -16


def test_loading_twice_changes_nothing():
    load_sample()
    count = Project.objects.count()
    assert "already" in load_sample()
    assert Project.objects.count() == count


def test_the_sample_report_renders_in_every_format(tmp_path):
    import io

    import docx
    import openpyxl
    import pypdf

    load_sample()
    for fmt in ("html", "pdf", "docx", "xlsx", "json"):
        out = tmp_path / f"report.{fmt}"
        call_command("assurance_report", "--period", "2017-03..2017-08", "--format", fmt, "--output", str(out))
        content = out.read_bytes()
        if fmt == "html":
            text = content.decode()
            assert "Overall volumes by month" in text and "Javelin Way Development" in text
        elif fmt == "pdf":
            reader = pypdf.PdfReader(io.BytesIO(content))
            text = "".join(p.extract_text() for p in reader.pages).replace("\x00", "")
            assert "Turner Contemporary Phase 2" in text
        elif fmt == "docx":
            document = docx.Document(io.BytesIO(content))
            cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
            assert "£11m (£10m external funding)" in cells
        elif fmt == "xlsx":
            book = openpyxl.load_workbook(io.BytesIO(content))
            assert {"Figures", "Months", "Tier 1", "Portfolios"} <= set(book.sheetnames)
            months = [row for row in book["Months"].iter_rows(values_only=True) if row and row[0] == "August 2017"]
            assert months and list(months[0][1:5]) == [50, 9, 15, 5]
            sheet = book["Months by portfolio"]
            months = [row for row in sheet.iter_rows(values_only=True) if row and row[0] == "August 2017"]
            assert months and list(months[0][1:5]) == [15, 14, 6, 15]
        else:
            assert json.loads(content)["figures"]["tier_1"] == 9


def test_with_the_sample_plan_projects_link_to_its_activities(sample_plan):
    from councilplan.assurance.links import activity_links
    from councilplan.core.models import User

    load_sample()
    esc = Project.objects.get(reference="Education Services Company")
    assert [a.ref for a in esc.activities.all()] == ["12"]
    reader = User.objects.create(username="reader", role="viewer")
    group = activity_links(esc.activities.get(), reader)[0]
    assert [link.text for link in group.links] == ["Education Services Company"]
    assert group.links[0].detail.startswith("Tier 1, stage Do, current")

"""The QPR's activity indicators (spec/qpr.md, "Activity indicators and context figures"): each in its area with
the seed's values and the alert its prose states; in the JSON per area; in every format with its chart's data
table (and each KPI's chart against target and floor); the KPI counts unchanged. Figures typed from the spec."""

import datetime as dt
import io
import json

import pytest
from django.urls import reverse
from docx import Document as read_docx
from openpyxl import load_workbook
from pypdf import PdfReader

from councilplan.core.models import User
from councilplan.qpr import selectors
from councilplan.qpr.documents import render
from councilplan.sample.loader import load_sample

Q2 = dt.date(2017, 9, 1)

# The alerts the seed's prose states (spec/qpr.md): "Yes" = within the expected range.
STATED_ALERTS = {
    "CS-A1": "in_range",  # web-site visits within the expected range (line 1182)
    "EDC-A1": "above",  # library visits above expectations (1148, 1330)
    "EDC-A2": "above",  # book issues higher than expected (1148, 1330)
    "ET-A1": "in_range",  # new highway enquiries, lower end of seasonal expectations (1150, 1397)
    "ET-A2": "in_range",  # open enquiries, likewise (1397)
    "SCS-A1": "in_range",  # children with protection plans within the expected range (1613)
}
# Values the seed states: key -> (this quarter, the same quarter a year before or None).
STATED_VALUES = {
    "ET-A1": (23704, 25624),
    "ET-A2": (5688, 5930),
    "SCS-A1": (1393, None),
    "CS-A2": (177, None),  # Contact Point contacts, thousands (1218)
    "EDC-A3": (5357, None),  # S106, £000s (1310)
    "SCS-A2": (5012, 3922),  # referrals (1609)
    "SCS-A3": (10606, None),  # caseload
    "SCS-A4": (1403, None),  # indigenous children in care (1623)
    "SCS-A5": (351, None),  # UASC (1633)
    "SCS-A6": (1457, None),  # care leavers (1641)
}
# Each area's activity indicators, in the report's order of areas; the seed's headings with nothing under them
# (EYP, ASC, PH) have none.
BY_AREA = {
    "Customer Services": ["CS-A1", "CS-A2"],
    "Economic Development & Communities": ["EDC-A1", "EDC-A2", "EDC-A3"],
    "Environment and Transport": ["ET-A1", "ET-A2"],
    "Education and Young People": [],
    "Specialist Children's Services": ["SCS-A1", "SCS-A2", "SCS-A3", "SCS-A4", "SCS-A5", "SCS-A6"],
    "Adult Social Care": [],
    "Public Health": [],
}


@pytest.fixture
def sample(db):
    load_sample(only=("risks", "performance", "feedback", "qpr"))


@pytest.fixture
def report(sample):
    return selectors.qpr_inputs(Q2)


def test_each_activity_indicator_in_its_area(report):
    assert {a.area.name: [r.ref for r in a.activities] for a in report.qpr.areas} == BY_AREA


def test_each_alert_is_the_one_the_seed_states(report):
    rows = {r.ref: r for a in report.qpr.areas for r in a.activities}
    for ref, alert in STATED_ALERTS.items():
        assert rows[ref].alert == alert, ref
        assert rows[ref].lower is not None and rows[ref].upper is not None, ref
    # The context figures have no stated alert, so no thresholds: no alert.
    for ref in set(rows) - set(STATED_ALERTS):
        assert rows[ref].alert is None and rows[ref].lower is None, ref


def test_the_seeds_values(report):
    rows = {r.ref: r for a in report.qpr.areas for r in a.activities}
    for ref, (value, year_before) in STATED_VALUES.items():
        assert rows[ref].period == Q2, ref
        assert rows[ref].value == value, ref
        assert rows[ref].previous_year == year_before, ref
    # 1,393 children with plans, "an increase of 110 from the previous quarter" (line 1613).
    june = [r.value for r in report.indicators["SCS-A1"].results if r.period == dt.date(2017, 6, 1)]
    assert june == [1393 - 110]
    # Where the seed gives only this quarter and a year before, only those two are held (no invented series).
    assert sorted(r.period for r in report.indicators["ET-A1"].results) == [dt.date(2016, 9, 1), Q2]


def test_the_kpi_counts_are_unchanged(report):
    total = report.qpr.total
    assert total.kpis == 38
    assert (total.green, total.amber, total.red) == (26, 10, 2)
    assert (total.improved, total.same, total.worsened) == (19, 8, 11)


def test_json_lists_each_areas_activity_indicators(sample):
    data = json.loads(render(Q2, "json").content)
    assert {a["name"]: [x["ref"] for x in a["activity_indicators"]] for a in data["areas"]} == BY_AREA
    found = {x["ref"]: x for a in data["areas"] for x in a["activity_indicators"]}
    for ref, alert in STATED_ALERTS.items():
        assert found[ref]["alert"] == alert, ref
    assert found["ET-A1"]["value"] == 23704 and found["ET-A1"]["previous_year"] == 25624
    assert found["ET-A1"]["alert_words"] == "Within the expected range"
    assert found["EDC-A1"]["alert_words"] == "Above the expected range"
    assert found["SCS-A2"]["alert"] is None and found["SCS-A2"]["alert_words"] == "No expected range set"
    # The chart's points: June 1,283 and September 1,393, each within its range.
    assert [(p["period"], p["value"], p["alert"]) for p in found["SCS-A1"]["results"]] == [
        ("2017-06-01", 1283, "in_range"),
        ("2017-09-01", 1393, "in_range"),
    ]
    assert data["counts"]["kpis"] == 38
    assert sum(len(a["kpis"]) for a in data["areas"]) == 38


ACTIVITY_HEADER = ["Period", "Result", "Lower threshold", "Upper threshold", "Against the expected range"]
KPI_HEADER = ["Period", "Result", "Target", "Floor standard"]


def test_html_has_each_chart_with_its_data_table(sample):
    html = render(Q2, "html").content.decode()
    for area in ("Customer Services", "Specialist Children&#x27;s Services", "Public Health"):
        assert f"{area}: activity indicators" in html
    assert "No activity indicators are recorded for this area." in html
    for ref in [*STATED_ALERTS, *STATED_VALUES, "EYP-5", "SCS-4", "CS-1"]:
        assert f"Data for the chart: {ref}:" in html, ref
    assert "23,704 in Quarter 2, 2017/18: within the expected range" in html
    assert "above the expected range" in html and "Against the expected range" in html
    assert html.count("<svg") >= 38 + 13  # a chart per KPI and per activity indicator


def test_word_excel_and_pdf_hold_the_charts_data_tables(sample):
    document = read_docx(io.BytesIO(render(Q2, "docx").content))
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    activity = [t for t in tables if t[0] == ACTIVITY_HEADER]
    assert len(activity) == 13
    assert ["September 2017", "23704", "23000", "29000", "Within the expected range"] in [
        [c.replace(",", "") for c in row] for t in activity for row in t
    ]
    assert any(row[0] == "September 2017" and row[-1] == "Above the expected range" for t in activity for row in t)
    assert len([t for t in tables if t[0] == KPI_HEADER]) == 38
    assert len(document.inline_shapes) == 38 + 13

    workbook = load_workbook(io.BytesIO(render(Q2, "xlsx").content))
    rows = [[c.value for c in row] for row in workbook["Chart data"].iter_rows()]
    assert ["September 2017", 1393, 1150, 1450, "Within the expected range"] in [r[:5] for r in rows]
    assert ["September 2016", 25624, None, None, "No expected range set"] in [r[:5] for r in rows]
    listed = [[c.value for c in row] for row in workbook["Activity indicators"].iter_rows()]
    assert any(r[0] == "EDC-A2" and r[-1] == "Above the expected range" for r in listed)

    reader = PdfReader(io.BytesIO(render(Q2, "pdf").content))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).replace("\x00", "").split())
    assert "Data for the chart: SCS-A1: Number of children with child protection plans" in text
    assert "Within the expected range" in text and "Above the expected range" in text


def test_an_activity_chart_is_drawn_for_a_reader_of_the_report(sample, client):
    client.force_login(User.objects.create_user(username="member", password="x" * 20, role=User.Role.VIEWER))
    page = client.get(reverse("qpr:index"), {"quarter": "2017-Q2"}).content.decode()
    url = reverse("performance:chart", args=["SCS-A1"]) + "?period=2017-09"
    assert url.replace("&", "&amp;") in page
    drawn = client.get(url)
    assert drawn.status_code == 200 and drawn["Content-Type"] == "image/svg+xml"
    assert b"Expected range (thresholds)" in drawn.content

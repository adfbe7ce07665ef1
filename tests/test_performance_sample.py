"""The sample July 2017 dashboard gives seed 003's figures (spec/performance.md, typed from the spec): the headline
counts, every KPI's month and year-to-date RAG, direction of travel, targets and previous year, and the
activity indicators' alerts. Loaded by `load-sample`, idempotently."""

import datetime as dt
import json

import pytest
from django.core.management import call_command

from councilplan.performance import selectors
from councilplan.performance.models import Indicator, Result
from councilplan.performance.sample import load_sample

JULY = dt.date(2017, 7, 1)

# spec/performance.md, "Fixture: seed 003's 26 KPIs": ref, latest, month RAG, DoT, YTD ("snapshot" or "N/a"),
# YTD RAG, target, floor, previous year.
FIXTURE = """
CS01 97% G ↓ 98% G 95 90 98 | CS04 95% G ↑ 94% A 95 80 97 | CS05 71% A ↑ 69% R 80 70 83
CS07 91% G ↑ 91% G 85 80 86 | HR22 100% G New 100% G 80 75 New | HR24 100% G New 100% G 80 75 New
HR09 100% G ↔ 100% G 95 90 100 | HR23 89% A ↔ 89% A 90 85 N/a | FN01 100% G ↑ 99% G 98 95 100
FN02 98% G ↔ 98% G 90 85 95 | FN07 84% A ↓ 83% A 85 80 84 | FN08 99% G ↔ 99% G 96 93 99
FN09 49% G ↑ snapshot 55 60 N/a | FN10 43% A ↑ snapshot 45 38 N/a | FN11 95% G ↑ 84% R 90 85 N/a
GL01 100% G ↑ 94% R 100 96 100 | GL02 95% G ↑ 92% A 95 90 95 | GL03 94% G ↑ 81% R 90 85 82
ICT01 70% G ↑ 69% A 70 65 71 | ICT02 99% G ↔ 99% G 95 90 99 | ICT03 100% G ↑ 99.5% A 99.8 99 99.9
ICT04 99.6% G ↓ 99.7% G 99.0 98.0 99.2 | ICT05 100% G ↔ 100% G 99 98 100
PI01 24% R ↓ snapshot 5 15 9 | PI03 100% G ↑ N/a 100 90 34 | PI04 93% G ↑ 92% G 90 80 89
"""
RAG = {"G": "green", "A": "amber", "R": "red"}
DOT = {"↑": "improved", "↔": "same", "↓": "worsened", "New": "new"}


def fixture_rows():
    rows = {}
    for entry in FIXTURE.replace("\n", " | ").split("|"):
        words = entry.split()
        if not words:
            continue
        ref, latest, rag, dot, ytd, *rest = words
        if ytd in ("snapshot", "N/a"):
            ytd_value, ytd_rag = None, None
            target, floor, previous = rest
        else:
            ytd_value, ytd_rag = ytd.rstrip("%"), RAG[rest[0]]
            target, floor, previous = rest[1:]
        rows[ref] = {
            "latest": float(latest.rstrip("%")),
            "rag": RAG[rag],
            "direction": DOT[dot],
            "ytd": float(ytd_value) if ytd_value else None,
            "ytd_rag": ytd_rag,
            "snapshot": ytd == "snapshot",
            "target": float(target),
            "floor": float(floor),
            "previous": previous if previous in ("New", "N/a") else float(previous),
        }
    return rows


EXPECTED = fixture_rows()


@pytest.fixture
def sample(db):
    load_sample()


@pytest.fixture
def july(sample):
    return selectors.report_inputs(selectors.ReportScope(selectors.DASHBOARD, JULY)).performance


def test_the_fixture_has_26_kpis():
    assert len(EXPECTED) == 26


def test_headline_counts_are_the_seeds(july):
    assert july.headline.rag.as_dict() == {"green": 21, "amber": 4, "red": 1}
    assert july.headline.direction.as_dict() == {"improved": 14, "same": 6, "worsened": 4, "new": 2}


def test_every_kpi_as_the_fixture_prints_it(july):
    rows = {row.ref: row for row in july.kpis}
    assert set(rows) == set(EXPECTED)
    for ref, expected in EXPECTED.items():
        row = rows[ref]
        got = {
            "latest": float(row.latest),
            "rag": row.rag,
            "direction": row.direction,
            "ytd": float(row.ytd) if row.ytd is not None else None,
            "ytd_rag": row.ytd_rag,
            "snapshot": row.snapshot,
            "target": float(row.target),
            "floor": float(row.floor),
            "previous": "New" if row.is_new else "N/a" if row.previous_year is None else float(row.previous_year),
        }
        assert got == expected, ref


def test_activity_indicators_alerts(july):
    alerts = {row.ref: row.alert for row in july.activities}
    assert {ref: alert for ref, alert in alerts.items() if alert is not None} == {
        "CS08": "in_range",
        "CS12": "above",
        "HR12": "in_range",
        "HR16": "in_range",
        "HR21": "in_range",
        "HR13": "above",
    }
    values = {row.ref: float(row.value) for row in july.activities}
    assert values["CS08"] == 196.3 and values["CS12"] == 1778 and values["HR13"] == 10361
    assert values["HR16"] == 18075 and values["HR21"] == 74 and values["HR12"] == 75


def test_pairing_with_kpis(sample):
    assert Indicator.objects.get(ref="FN01b").paired_with.ref == "FN01"
    assert Indicator.objects.filter(kind="activity", paired_with__isnull=False).count() == 12


def test_loading_twice_changes_nothing(sample):
    before = (Indicator.objects.count(), Result.objects.count(), Result.history.count())
    load_sample()
    assert (Indicator.objects.count(), Result.objects.count(), Result.history.count()) == before


def test_load_sample_command_loads_it_with_the_plan_and_links_kpis(db):
    call_command("load_sample", verbosity=0)
    kpis = Indicator.objects.filter(kind="kpi")
    # Seed 003's directorate dashboard (26 KPIs) and seed 004's council-wide QPR (38, spec/qpr.md), each once.
    assert (kpis.filter(service_area__qpr_area__isnull=True).count(), kpis.count()) == (26, 26 + 38)
    assert Indicator.objects.get(ref="PI03").activities.get().ref == "70"


def test_command_json_is_the_issues_shape(sample, tmp_path):
    out = tmp_path / "july.json"
    call_command("performance_report", period="2017-07", fmt="json", output=str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    assert list(data) == ["rag", "ytd_rag", "direction", "indicators", "activity_indicators"]
    assert data["rag"] == {"green": 21, "amber": 4, "red": 1}
    assert data["direction"] == {"improved": 14, "same": 6, "worsened": 4, "new": 2}
    assert data["ytd_rag"] == {"green": 12, "amber": 6, "red": 4}  # the fixture's YTD column, counted
    fn09 = next(i for i in data["indicators"] if i["ref"] == "FN09")
    assert fn09 == {
        "ref": "FN09",
        "latest": 49,
        "rag": "green",
        "direction": "improved",
        "ytd": None,
        "ytd_rag": None,
        "target": 55,
        "floor": 60,
    }
    ict03 = next(i for i in data["indicators"] if i["ref"] == "ICT03")
    assert (ict03["ytd"], ict03["ytd_rag"], ict03["target"]) == (99.5, "amber", 99.8)
    assert {a["ref"]: a["alert"] for a in data["activity_indicators"]}["CS12"] == "above"
    assert {a["ref"]: a["value"] for a in data["activity_indicators"]}["CS08"] == 196.3
    assert all(set(a) == {"ref", "value", "alert"} for a in data["activity_indicators"])


def test_area_option_limits_the_report(sample, tmp_path):
    out = tmp_path / "finance.json"
    call_command("performance_report", period="2017-07", fmt="json", output=str(out), area="finance")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [i["ref"] for i in data["indicators"]] == ["FN01", "FN02", "FN07", "FN08", "FN09", "FN10", "FN11"]


def test_quarterly_report_compares_with_the_previous_quarter(sample, tmp_path):
    out = tmp_path / "q1.json"
    call_command("performance_report", period="2017-06", fmt="json", output=str(out), quarterly=True)
    data = json.loads(out.read_text(encoding="utf-8"))
    by_ref = {i["ref"]: i for i in data["indicators"]}
    # CS05: June 69% against March 70% (the quarter before), although it rose from May's 67%.
    assert by_ref["CS05"]["latest"] == 69 and by_ref["CS05"]["direction"] == "worsened"
    # FN11 has no result before April 2017: new in the quarterly report.
    assert by_ref["FN11"]["direction"] == "new"
    assert sum(data["direction"].values()) == 26

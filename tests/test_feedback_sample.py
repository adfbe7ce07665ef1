"""The sample reproduces the fixture of spec/feedback.md: `councilplan feedback-report --format json` on it gives
every consistent figure, typed here from the spec; each format opens with its reader. One test: the sample is
some 19,000 records and loading it is the cost."""

import json

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_the_report_on_the_sample_gives_the_fixture(tmp_path, django_assert_max_num_queries):
    from councilplan.feedback.sample import load_sample

    load_sample()
    assert "already loaded" in load_sample()
    path = tmp_path / "report.json"
    with django_assert_max_num_queries(12):
        call_command("feedback_report", format="json", output=str(path))
    report = json.loads(path.read_text(encoding="utf-8"))
    q = report["quarterly_return"]
    assert q["by_service"] == {
        "Highways, Transportation and Waste Management": [1112, 1633, 441, 447],
        "Adult Social Services": [629, 627, 136, 155],
        "Specialist Children's Services": [255, 287, 74, 73],
        "Finance and Procurement": [223, 188, 54, 33],
        "Education & Young People Services": [130, 188, 45, 48],
        "Libraries, Registrations and Archives": [294, 206, 42, 53],
        "Other Strategic and Corporate Services": [167, 255, 29, 72],
        "Adult Education": [98, 58, 19, 12],
        "Environment, Planning and Enforcement": [358, 66, 16, 25],
    }
    assert q["totals"] == [3266, 3508, 856, 918]
    assert (q["quarter_on_quarter_percent"], q["year_on_year_percent"]) == (7, 7)
    assert (q["same_quarter_last_year"], q["same_quarter_last_year_percent"]) == (891, 3)
    assert [t["percent"] for t in q["answered_in_time"][2:]] == [91, 87]
    assert q["answered_in_time"][3]["in_time"] == 799
    a = report["annual"]
    assert a["year"] == "2015/2016"
    assert a["received"] == {"complaint": 3070, "comment": 1490, "compliment": 2079}
    assert a["previous_year"] == {"complaint": 2944, "comment": 1561, "compliment": 2358}
    assert a["changes"] == {"complaint": 126, "comment": -71, "compliment": -279, "complaints_percent": 4}
    assert (a["ombudsman"], a["ombudsman_previous_year"], a["ombudsman_change"]) == (185, 205, -20)
    assert a["equalities"] == 18
    channels = a["channels"]
    order = ["phone", "letter", "email", "comment_face_to_face", "online", "other"]
    assert [channels["complaint"]["percents"][g] for g in order] == [35, 15, 38, 3, 9, 0]
    assert channels["complaint"]["counts"]["other"] > 0  # "negligible": some, rounding to 0%
    assert [channels["comment"]["percents"][g] for g in order] == [10, 20, 54, 13, 2, 2]
    assert channels["comment"]["percent_sum"] == 101
    assert [channels["compliment"]["percents"][g] for g in order] == [12, 18, 50, 2, 5, 3]
    assert channels["compliment"]["percents"]["not_recorded"] == 10
    # CS07 as the September 2017 dashboard shows it (latest June 2017 91%, year to date 91%), fed from records.
    kpi = {k["month"]: (k["percent"], k["year_to_date_percent"]) for k in report["kpi"]}
    assert kpi["2017-06"] == (91, 91)
    assert kpi["2017-04"] == (92, 92) and kpi["2017-05"] == (90, 91)

    # Each format opens with its reader.
    from docx import Document as Word
    from openpyxl import load_workbook

    for fmt in ("docx", "xlsx", "pdf", "html"):
        call_command("feedback_report", format=fmt, output=str(tmp_path / f"r.{fmt}"))
    text = "\n".join(p.text for p in Word(str(tmp_path / "r.docx")).paragraphs)
    assert "87% of the 918 complaints" in text
    book = load_workbook(tmp_path / "r.xlsx")
    assert "By service" in book.sheetnames
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert "Highways, Transportation and Waste Management" in (tmp_path / "r.html").read_text(encoding="utf-8")

    # The KPI written to the performance system from the records, as the dashboard's typed results had it.
    import datetime as dt

    from councilplan.feedback.services import feed_kpi
    from councilplan.performance.models import Indicator, Result
    from councilplan.performance.services import service_area_for

    if not Indicator.objects.filter(ref="CS07").exists():
        Indicator.objects.create(
            ref="CS07",
            description="Percentage of complaints responded to in timescale",
            service_area=service_area_for("Strategic and Corporate Services", "EODD"),
        )
    written = dict(feed_kpi(dt.date(2016, 6, 1), dt.date(2017, 6, 1)))
    assert written[dt.date(2016, 6, 1)] == 86  # the dashboard's "previous year"
    typed = [86, 87, 87, 88, 88, 89, 90, 90, 91, 91, 92, 90, 91]  # results.csv, June 2016 to June 2017
    assert list(written.values()) == typed
    june = Result.objects.get(indicator__ref="CS07", period=dt.date(2017, 6, 1))
    assert (june.value, june.ytd) == (91, 91)

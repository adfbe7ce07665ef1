"""The sample reproduces the Fixture of spec/governance.md §8: `councilplan governance-report --body "Policy and
Resources Cabinet Committee" --format json` gives its meetings, items, work programme entries and decisions, typed
here from the spec (never the code's own output)."""

import json

import pytest
from django.core.management import call_command
from governance_support import governance_sample  # noqa: F401

from councilplan.governance import selectors
from councilplan.governance.models import Body, Meeting
from councilplan.monitoring.models import Round

pytestmark = pytest.mark.django_db
PR = "Policy and Resources Cabinet Committee"


def _report(tmp_path, body=PR, **options):
    path = tmp_path / "report.json"
    call_command("governance_report", body=body, format="json", output=str(path), **options)
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture
def report(governance_sample, tmp_path):  # noqa: F811
    return _report(tmp_path, on="2019-11-08")


def _meeting(report, day):
    return next(m for m in report["meetings"] if m["date"] == day)


def test_membership_november_2019_and_september_2017(report, tmp_path):
    members = report["body"]["membership"]
    assert report["body"]["seats"] == 15 and len(members) == 15
    groups = {}
    for m in members:
        groups[m["group"]] = groups.get(m["group"], 0) + 1
    assert groups == {"Conservative": 12, "Liberal Democrat": 2, "Labour": 1}
    names = {m["name"] for m in members}
    assert {"Mr G Cooke", "Mr D Murphy", "Mr M D Payne", "Mr D Farrell"} <= names
    assert not names & {"Mrs P T Cole", "Mr J P McInroy", "Miss C Rankin", "Ms K Constantine"}
    assert members[0] == {"name": "Mr B J Sweetland", "group": "Conservative", "role": "chairman"}
    assert members[1]["name"] == "Mr R A Marsh" and members[1]["role"] == "vice_chairman"
    earlier = _report(tmp_path, on="2017-09-15")["body"]["membership"]
    assert {"Mrs P T Cole", "Mr J P McInroy", "Miss C Rankin", "Ms K Constantine"} <= {m["name"] for m in earlier}
    assert "Mr D Farrell" not in {m["name"] for m in earlier} and len(earlier) == 15


def test_the_agenda_of_8_november_2019(report):
    meeting = _meeting(report, "2019-11-08")
    assert (meeting["start_time"], meeting["published_on"], meeting["clerk"]) == ("09:30", "2019-10-31", "Emma West")
    items = [(i["number"], i["first_page"], i["last_page"], i["exempt"]) for i in meeting["items"]]
    assert items == [
        ("1", None, None, False),
        ("2", None, None, False),
        ("3", None, None, False),
        ("4", 5, 12, False),
        ("5", 13, 20, False),
        ("6", 21, 28, False),
        ("7", 29, 34, False),
        ("8", 35, 62, False),
        ("9", 63, 66, False),
        ("10", 67, 70, False),
        ("11", 71, 80, True),
        ("12", 81, 92, True),
        ("13", 93, 110, True),
        ("14", 111, 114, True),
        ("15", 115, 128, True),
    ]
    assert [i["decision"] for i in meeting["items"] if i["decision"]] == ["19/00077", "19/00080", "19/00072"]
    assert meeting["page_problems"] == []
    # Thursday 31 October to Friday 8 November: 1, 4, 5, 6 and 7 November are clear working days.
    assert (meeting["notice_clear_working_days"], meeting["notice_short"]) == (5, False)


def test_the_agenda_of_15_september_2017(report):
    meeting = _meeting(report, "2017-09-15")
    assert meeting["published_on"] == "2017-09-07" and meeting["notice_clear_working_days"] == 5
    pages = [(i["number"], i["first_page"], i["last_page"]) for i in meeting["items"] if i["first_page"]]
    assert pages[0] == ("4", 7, 12) and pages[-1] == ("14", 153, 170)
    assert len(pages) == 11
    assert [i["number"] for i in meeting["items"] if i["exempt"]] == ["14"]


def test_attendance_and_minutes_of_20_september_2019(report):
    meeting = _meeting(report, "2019-09-20")
    assert len(meeting["attendance"]["present"]) == 14
    assert meeting["chaired_by"] == "Mr R A Marsh"
    assert "Mr B J Sweetland" in meeting["attendance"]["apologies"]
    numbers = [(m["number"], m["item"]) for m in meeting["minutes"]]
    assert numbers[0] == (179, "Item 2") and numbers[-1] == (191, "Item 13")
    assert [n for n, _ in numbers] == list(range(179, 192))
    exempt = [m["number"] for m in meeting["minutes"] if m["exempt_business"]]
    assert exempt == [188, 189, 190, 191]
    # Each taken under paragraph 3, the paragraph of the exempt part's motion (001 l.61).
    assert {m["excluded_under_paragraph"] for m in meeting["minutes"] if m["exempt_business"]} == {3}
    assert meeting["minutes_approved_at"] == "2019-11-08"


def test_the_seat_check_of_20_september_2019(governance_sample):  # noqa: F811
    meeting = Meeting.objects.get(body__code="policy-and-resources", date="2019-09-20")
    check = selectors.meeting_record(meeting.pk, None).seat_check
    assert (check.present, check.substituted, check.absent, check.holds) == (14, 0, 1, True)


def test_cabinet_30_october_2017(governance_sample, tmp_path):  # noqa: F811
    report = _report(tmp_path, body="Cabinet", on="2017-10-30")
    meeting = _meeting(report, "2017-10-30")
    assert len(meeting["attendance"]["present"]) == 8
    assert meeting["attendance"]["substitutes"] == [
        {"name": "Mrs A Marsh", "for": "Mr G K Gibbens"},
        {"name": "Mrs M E Crabtree", "for": "Mr J D Simmonds, MBE"},
    ]
    assert [m["number"] for m in meeting["minutes"]] == [35, 36, 37, 38, 39, 40]
    agenda = _meeting(report, "2017-12-11")
    assert [(i["number"], i["first_page"], i["last_page"]) for i in agenda["items"] if i["first_page"]] == [
        ("3", 3, 6),
        ("4", 7, 46),
        ("5", 47, 100),
        ("6", 101, 144),
        ("7", 145, 158),
    ]
    assert not any(i["exempt"] for i in agenda["items"])
    record = Meeting.objects.get(body__code="cabinet", date="2017-10-30")
    check = selectors.meeting_record(record.pk, None).seat_check
    assert (check.present, check.substituted, check.absent, check.holds) == (8, 2, 0, True)


def test_minutes_of_16_june_2017_follow_the_order_business_was_taken(report):
    minutes = _meeting(report, "2017-06-16")["minutes"]
    assert [m["item"] for m in minutes[:4]] == ["Item 1", "Item 3", "Item 2", "Item 4"]
    assert [m["number"] for m in minutes if m["item"] in ("Item 9", "Item 11")] == [11, 12]


def test_work_programme_2019_20(report):
    entries = [e for e in report["work_programme"] if e["year"] == "2019/20"]
    by_meeting = {}
    for e in entries:
        by_meeting.setdefault(e["meeting"] or e["slot"], []).append(e["title"])
    assert len(by_meeting["2020-01-21"]) == 6
    assert len(by_meeting["2020-03-20"]) == 3
    assert len(by_meeting["2020-05-12"]) == 4
    assert sorted(by_meeting["future"]) == [
        "Fair Funding Review",
        "Update on Legislative Changes around Business Rate Retention",
    ]
    deferred = next(e for e in entries if e["title"].startswith("Update on Legislative"))
    assert (deferred["state"], deferred["deferred_from"]) == ("deferred", "2019-11-08")
    cmrg = next(e for e in entries if e["title"] == "Contract Management Review Group update")
    assert cmrg["exempt"] and cmrg["recurrence"] == "biannual"


def test_work_programme_2017_18_generates_the_standard_items(report):
    entries = [e for e in report["work_programme"] if e["year"] == "2017/18"]
    for day in ("2018-02-02", "2018-03-16"):
        titles = sorted(e["title"] for e in entries if e["meeting"] == day)
        assert titles == [
            "Contract Management update",
            "Financial Monitoring",
            "Performance Dashboards",
            "Work Programme",
        ]
    assert len([e for e in entries if e["meeting"] == "2017-12-05"]) == 14
    website = next(e for e in entries if e["title"] == "Website usage")
    assert website["origin_text"] == "minute 8(e) 16 June 2017"
    assert len([e for e in entries if e["slot"] == "other"]) == 2


def test_decisions(report):
    decisions = {d["reference"]: d for d in report["decisions"]}
    assert sorted(decisions) == ["19/00057", "19/00058", "19/00070", "19/00072", "19/00077", "19/00080"]
    assert decisions["19/00057"]["maker"] == "Cabinet Member for Corporate and Democratic Services"
    assert decisions["19/00057"]["outcome"] == "endorsed"
    assert decisions["19/00057"]["considered_at"] == [{"body": PR, "date": "2019-09-20", "item": "11", "exempt": True}]
    assert decisions["19/00058"]["maker"] == "Cabinet"
    assert decisions["19/00058"]["outcome"] == "endorsed_subject_to"
    assert len(decisions["19/00058"]["undertakings"]) == 1
    assert decisions["19/00070"]["outcome"] == "endorsed"
    for ref in ("19/00077", "19/00080", "19/00072"):
        assert decisions[ref]["maker"] == "Cabinet Member for Finance, Corporate and Traded Services"
        assert decisions[ref]["maker_holder"] == "Mr P J Oakford"
        assert decisions[ref]["key"] is True
        assert decisions[ref]["considered_at"][0]["date"] == "2019-11-08"
    assert decisions["19/00057"]["maker_holder"] == "Mr E E C Hotson"
    assert decisions["19/00077"]["informal_board"] == "Infrastructure Commissioning Board"
    assert decisions["19/00077"]["route"][0] == "Infrastructure Commissioning Board (June 2019)"


def test_the_public_report_has_nothing_exempt(governance_sample, tmp_path):  # noqa: F811
    report = _report(tmp_path, public=True, on="2019-11-08")
    meeting = _meeting(report, "2019-11-08")
    assert [i["number"] for i in meeting["items"]] == [str(n) for n in range(1, 11)]
    assert meeting["exempt_items_not_shown"] == 5
    assert all(not e["exempt"] for e in report["work_programme"])
    assert report["decisions"] == []  # none is published yet
    assert "Cyber Security" not in json.dumps(report)


def test_the_cross_check_lists_activities_70_72_and_73(governance_sample):  # noqa: F811
    from governance_support import make_user

    reader = make_user("cleared.reader", cleared_for_exempt=True)
    round_ = Round.objects.get(label="2019-20 Q2")
    rows = {r.activity.ref: r.check for r in selectors.cross_check(round_, reader)}
    assert sorted(rows) == ["63", "68", "70", "71", "72", "73", "77"]
    assert sorted(ref for ref, check in rows.items() if not check.consistent) == ["70", "72", "73"]
    assert rows["73"].expected == {"cabinet_committee"}
    assert rows["63"].expected == set() and rows["63"].reported == set()


def test_bodies_and_names(governance_sample):  # noqa: F811
    assert Body.objects.get(code="bdg").former_names.get().name == "Budget and Programme Delivery Board"
    assert Body.objects.get(code="cmrg").parent.name == "Budget Delivery Group"
    assert Meeting.objects.filter(body__code="policy-and-resources").count() == 11


def test_the_pack_of_8_november_2019_full_and_public(governance_sample, tmp_path):  # noqa: F811
    full, public = tmp_path / "pack.html", tmp_path / "public.html"
    call_command("governance_report", body=PR, meeting="2019-11-08", format="html", output=str(full))
    call_command("governance_report", body=PR, meeting="2019-11-08", format="html", output=str(public), public=True)
    full, public = full.read_text(encoding="utf-8"), public.read_text(encoding="utf-8")
    for text in (full, public):
        assert "Strategic Delivery Plan Monitoring: Quarter 2 2019/20" in text and "35–62" in text
        # the work programme item's paper, made from the programme: January's and the future items
        assert "Strategy and Policy Framework" in text and "Fair Funding Review" in text
        assert "Mr B J Sweetland (Chairman)" in text
    assert "Cyber Security" in full and "Appendix 2: Offers received" in full
    assert "Contract Management Review Group update" in full
    for secret in ("Cyber Security", "Appendix 2", "Barton Court", "Invicta Law Update", "Review Group update"):
        assert secret not in public, secret
    assert "paragraph 3 of Part 1 of Schedule 12A" in public
    pdf = tmp_path / "public.pdf"
    call_command("governance_report", body=PR, meeting="2019-11-08", format="pdf", output=str(pdf), public=True)
    assert pdf.read_bytes().startswith(b"%PDF")

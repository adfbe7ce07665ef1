"""Exempt information (Local Government Act 1972, Schedule 12A): activities, risks and report sections marked
exempt are seen only by the corporate team, administrators and people cleared for it; they are left out of the
public pages (no sign-in), which show published plan summaries and published reports only."""

from __future__ import annotations

import pytest

from councilplan.core.models import User
from councilplan.monitoring.models import Return, Round
from councilplan.plan.models import Activity
from councilplan.reports.models import Commentary
from councilplan.risks.models import Risk

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Disposal of the Sessions House site (commercially sensitive)"
SECRET_COMMENT = "The preferred bidder offer is confidential"
SECRET_RISK = "Exempt risk about the preferred bidder"


@pytest.fixture
def scene(sample_plan):
    q2 = Round.objects.get(plan=sample_plan, label="2019-20 Q2")
    activity = Activity.objects.get(plan=sample_plan, ref="1")
    activity.title, activity.exempt = SECRET_TITLE, True
    activity.save()
    Commentary.objects.create(round=q2, section="issues", text=SECRET_COMMENT, exempt=True)
    Commentary.objects.create(round=q2, section="overview", text="An open overview for everyone.")
    risk = Risk.objects.order_by("code").first()
    risk.title, risk.exempt = SECRET_RISK, True
    risk.save()
    people = {
        "viewer": User.objects.create(username="viewer", role=User.Role.VIEWER),
        "cleared": User.objects.create(username="cleared", role=User.Role.VIEWER, cleared_for_exempt=True),
        "corporate": User.objects.create(username="corp", role=User.Role.CORPORATE),
        "officer": User.objects.create(username="lead", role=User.Role.LEAD_OFFICER),
    }
    return {"q2": q2, "activity": activity, "risk": risk, "people": people, "plan": sample_plan}


def as_(client, scene, who):
    client.force_login(scene["people"][who])
    return client


@pytest.mark.parametrize(
    ("who", "sees"), [("viewer", False), ("officer", False), ("cleared", True), ("corporate", True)]
)
def test_the_report_shows_exempt_content_only_to_people_cleared_for_it(client, scene, who, sees):
    q2 = scene["q2"]
    client = as_(client, scene, who)
    page = client.get(f"/reports/{q2.pk}/").text
    assert (SECRET_TITLE in page) is sees
    assert (SECRET_COMMENT in page) is sees
    assert "An open overview for everyone." in page
    for fmt in ("json", "html", "xlsx"):
        content = client.get(f"/reports/{q2.pk}/download/{fmt}/").content
        if fmt == "xlsx":
            import io

            from openpyxl import load_workbook

            book = load_workbook(io.BytesIO(content), read_only=True)
            content = " ".join(
                str(c) for s in book.worksheets for r in s.iter_rows(values_only=True) for c in r if c
            ).encode()
        assert (SECRET_TITLE.encode() in content) is sees, fmt
        assert (SECRET_COMMENT.encode() in content) is sees, fmt
    scorecard = client.get(f"/reports/{q2.pk}/scorecards/1/")
    assert scorecard.status_code == (200 if sees else 404)
    assert (SECRET_TITLE in client.get(f"/reports/{q2.pk}/scorecards/").text) is sees


def test_the_figures_for_people_not_cleared_leave_the_exempt_activity_out(scene):
    from councilplan.reports.selectors import report_inputs

    full = report_inputs(scene["q2"], include_exempt=True).analysis
    shown = report_inputs(scene["q2"], include_exempt=False).analysis
    assert "1" in full.scope and "1" not in shown.scope
    assert len(shown.scope) == len(full.scope) - 1


@pytest.mark.parametrize(("who", "status"), [("viewer", 403), ("cleared", 200), ("corporate", 200)])
def test_an_exempt_activitys_return_is_read_only_by_people_cleared_for_it(client, scene, who, status):
    ret = Return.objects.get(round=scene["q2"], activity=scene["activity"])
    assert as_(client, scene, who).get(f"/returns/{ret.pk}/").status_code == status


def test_the_activitys_own_officer_still_reads_its_return(client, scene):
    ret = Return.objects.get(round=scene["q2"], activity=scene["activity"])
    client.force_login(scene["activity"].lead_officer)
    assert client.get(f"/returns/{ret.pk}/").status_code == 200


@pytest.mark.parametrize(("who", "sees"), [("viewer", False), ("cleared", True), ("corporate", True)])
def test_exempt_risks_are_seen_only_by_people_cleared_for_them(client, scene, who, sees):
    risk = scene["risk"]
    client = as_(client, scene, who)
    counted = sum(row.risks for row in client.get("/risks/").context["rows"])  # the index counts risks
    assert counted == Risk.objects.filter(status=Risk.Status.OPEN).count() - (0 if sees else 1)
    assert (SECRET_RISK in client.get(f"/risks/registers/{risk.register_id}/").text) is sees
    assert client.get(f"/risks/{risk.code}/").status_code == (200 if sees else 404)


def test_the_dashboard_and_plan_documents_leave_exempt_activities_out_for_people_not_cleared(client, scene):
    client = as_(client, scene, "viewer")
    assert SECRET_TITLE not in client.get("/").text
    summary = client.get(f"/plan/plans/{scene['plan'].pk}/summary/")
    if summary.status_code == 200:
        assert SECRET_TITLE not in summary.text
    client = as_(client, scene, "corporate")
    full = client.get(f"/plan/plans/{scene['plan'].pk}/full/")
    if full.status_code == 200:
        assert SECRET_TITLE in full.text


def test_the_public_page_shows_published_reports_without_exempt_content_and_no_sign_in(client, scene):
    q2, plan = scene["q2"], scene["plan"]
    q1 = Round.objects.get(plan=plan, label="2019-20 Q1")
    Round.objects.filter(pk=q1.pk).update(state=Round.State.CLOSED)  # not published: not public

    index = client.get("/public/")
    assert index.status_code == 200
    assert f"/public/reports/{q2.pk}/" in index.text
    assert f"/public/reports/{q1.pk}/" not in index.text
    assert "No plan has been published yet" in index.text

    report = client.get(f"/public/reports/{q2.pk}/")
    assert report.status_code == 200
    assert "Strategic Delivery Plan Monitoring" in report.text
    assert SECRET_TITLE not in report.text and SECRET_COMMENT not in report.text
    assert "An open overview for everyone." in report.text
    assert "exempt under Schedule 12A" in report.text
    outcome = plan.activities.exclude(pk=scene["activity"].pk).first().outcome
    tailored = client.get(f"/public/reports/{q2.pk}/", {"outcome": outcome.pk})
    assert tailored.status_code == 200 and SECRET_TITLE not in tailored.text
    assert client.get(f"/public/reports/{q1.pk}/").status_code == 404
    assert client.get(f"/public/reports/{q2.pk}/", {"outcome": "999999"}).status_code == 404
    assert "_auth_user_id" not in client.session

    assert client.get(f"/public/plans/{plan.pk}/summary/").status_code == 404  # not published yet
    plan.published = True
    plan.save()
    summary = client.get(f"/public/plans/{plan.pk}/summary/")
    assert summary.status_code == 200
    assert SECRET_TITLE not in summary.text
    other = plan.activities.exclude(pk=scene["activity"].pk).order_by("sort_key").first()
    assert other.title.split()[0] in summary.text


def test_the_public_pages_give_nothing_else_without_a_sign_in(client, scene):
    for path in ("/", "/reports/", f"/reports/{scene['q2'].pk}/", "/risks/", "/plan/"):
        response = client.get(path)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], path

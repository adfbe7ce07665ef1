"""Risk pages: each role's access to each page and action (allowed and refused), the forms doing their job,
hostile text escaped, and the register page's queries not growing with the number of risks."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from helpers import date_parts
from risk_support import D, make_register, make_risk, make_user

from councilplan.risks import services
from councilplan.risks.models import Movement, Register, Risk

pytestmark = pytest.mark.django_db

ROLES = ["viewer", "lead_officer", "owner", "corporate", "administrator"]
EVERYONE = set(ROLES)
UPDATERS = {"owner", "corporate", "administrator"}
MANAGERS = {"corporate", "administrator"}


@pytest.fixture
def world():
    corporate = make_register()
    directorate = make_register("Directorate Risk Register", "directorate")
    risk = make_risk(corporate)
    users = {role: make_user(f"{role}.person", role="lead_officer" if role == "owner" else role) for role in ROLES}
    services.set_owner_users(risk, [users["owner"]], user=None)
    return {"register": corporate, "directorate": directorate, "risk": risk, "users": users}


def pages(world):
    register, risk = world["register"], world["risk"]
    control, action = risk.controls.get(), risk.actions.get()
    return [
        ("risks:index", [], EVERYONE),
        ("risks:register", [register.pk], EVERYONE),
        ("risks:register_document", [register.pk], EVERYONE),
        ("risks:register_download", [register.pk, "json"], EVERYONE),
        ("risks:risk", [risk.code], EVERYONE),
        ("risks:risk_history", [risk.code], EVERYONE),
        ("risks:risk_edit", [risk.code], UPDATERS),
        ("risks:risk_review", [risk.code], UPDATERS),
        ("risks:control_add", [risk.code], UPDATERS),
        ("risks:control_edit", [risk.code, control.pk], UPDATERS),
        ("risks:action_add", [risk.code], UPDATERS),
        ("risks:action_edit", [risk.code, action.pk], UPDATERS),
        ("risks:remove", [risk.code, "actions", action.pk], UPDATERS),
        ("risks:risk_activities", [risk.code], UPDATERS),
        ("risks:register_create", [], MANAGERS),
        ("risks:register_edit", [register.pk], MANAGERS),
        ("risks:risk_create", [register.pk], MANAGERS),
        ("risks:risk_move", [risk.code], MANAGERS),
        ("risks:risk_owners", [risk.code], MANAGERS),
    ]


def test_each_role_on_each_page(client, world):
    for name, args, allowed in pages(world):
        url = reverse(name, args=args)
        client.logout()
        assert client.get(url).status_code == 302, url  # to the sign-in page
        for role, user in world["users"].items():
            client.force_login(user)
            expected = 200 if role in allowed else 403
            assert client.get(url).status_code == expected, (url, role)


def test_refused_posts_change_nothing(client, world):
    risk, users = world["risk"], world["users"]
    client.force_login(users["lead_officer"])  # not an owner of this risk
    review = {**date_parts("reviewed_on", "11/12/2017"), "current_likelihood": 1, "current_impact": 1}
    assert client.post(reverse("risks:risk_review", args=[risk.code]), review).status_code == 403
    client.force_login(users["owner"])  # an owner updates, but does not move or withdraw
    move = {"destination": "withdraw", "reason": "no", **date_parts("moved_on", "11/12/2017")}
    assert client.post(reverse("risks:risk_move", args=[risk.code]), move).status_code == 403
    risk.refresh_from_db()
    assert (risk.status, risk.current_likelihood, risk.reviews.count()) == ("open", 4, 1)


def test_owner_records_a_review_and_the_direction_follows(client, world):
    risk = world["risk"]
    client.force_login(world["users"]["owner"])
    response = client.post(
        reverse("risks:risk_review", args=[risk.code]),
        {
            **date_parts("reviewed_on", "11/12/2017"),
            "current_likelihood": "3",
            "current_impact": "5",
            "target_likelihood": "3",
            "target_impact": "4",
            "note": "Ofsted inspection",
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("risks:risk", args=[risk.code])).content.decode()
    assert "↓ Risk score fell (was 20)" in page
    assert "Possible (3)" in page and "Major (5)" in page


def test_review_form_errors_use_the_error_summary(client, world):
    client.force_login(world["users"]["corporate"])
    response = client.post(
        reverse("risks:risk_review", args=[world["risk"].code]), date_parts("reviewed_on", "31/2/2018")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "The date of this review must be a real date" in page
    assert "Select the current likelihood" in page
    assert page.count('class="govuk-error-message"') >= 5


def test_an_impossible_review_date_keeps_what_was_typed(client, world):
    risk = world["risk"]
    client.force_login(world["users"]["owner"])
    scores = {"current_likelihood": "3", "current_impact": "5", "target_likelihood": "3", "target_impact": "4"}
    response = client.post(
        reverse("risks:risk_review", args=[risk.code]), {**date_parts("reviewed_on", "31/2/2020"), **scores}
    )
    page = response.content.decode()
    assert response.status_code == 200 and risk.reviews.count() == 1
    assert '<a href="#id_reviewed_on-day">The date of this review must be a real date</a>' in page
    for part, typed in (("day", "31"), ("month", "2"), ("year", "2020")):
        assert f'name="reviewed_on-{part}" type="text" inputmode="numeric" value="{typed}"' in page
    empty = client.post(reverse("risks:risk_review", args=[risk.code]), {**date_parts("reviewed_on", ""), **scores})
    assert "Enter the date of this review" in empty.content.decode()


def test_corporate_team_adds_a_risk_and_the_code_is_checked(client, world):
    client.force_login(world["users"]["corporate"])
    url = reverse("risks:risk_create", args=[world["register"].pk])
    form = {
        "code": "crr0042",
        "title": "A new risk",
        "causes": "First cause\n\n  Second cause  ",
        **date_parts("reviewed_on", "1/1/2018"),
        "current_likelihood": "2",
        "current_impact": "4",
        "target_likelihood": "2",
        "target_impact": "3",
    }
    assert client.post(url, form).status_code == 302
    risk = Risk.objects.get(code="CRR0042")
    assert risk.causes == ["First cause", "Second cause"]
    assert risk.reviews.count() == 1
    again = client.post(url, {**form, "title": "Another"})
    assert "CRR0042 is already used" in again.content.decode()


def test_corporate_team_withdraws_and_escalates(client, world):
    risk, directorate = world["risk"], world["directorate"]
    client.force_login(world["users"]["corporate"])
    url = reverse("risks:risk_move", args=[risk.code])
    response = client.post(
        url, {"destination": str(directorate.pk), "reason": "Directorate level", **date_parts("moved_on", "11/12/2017")}
    )
    assert response.status_code == 302
    response = client.post(url, {"destination": "withdraw", "reason": "Gone", **date_parts("moved_on", "12/12/2017")})
    assert response.status_code == 302
    risk.refresh_from_db()
    assert risk.status == "withdrawn"
    assert list(risk.movements.values_list("kind", flat=True)) == [
        Movement.Kind.DE_ESCALATED,
        Movement.Kind.WITHDRAWN,
    ]
    page = client.get(reverse("risks:risk", args=[risk.code])).content.decode()
    assert "This risk has been withdrawn" in page and "Directorate level" in page


def test_owner_adds_changes_and_removes_actions(client, world):
    risk = world["risk"]
    client.force_login(world["users"]["owner"])
    added = client.post(
        reverse("risks:action_add", args=[risk.code]),
        {"title": "Lobby Government", "owner": "Director", "planned": "Up to March 2018", "status": "regular_review"},
    )
    assert added.status_code == 302
    action = risk.actions.get(title="Lobby Government")
    assert action.status == "regular_review"
    missing_date = client.post(
        reverse("risks:action_edit", args=[risk.code, action.pk]), {"title": "x", "status": "completed"}
    )
    assert "Enter the planned completion date" in missing_date.content.decode()
    client.post(reverse("risks:remove", args=[risk.code, "actions", action.pk]))
    assert not risk.actions.filter(pk=action.pk).exists()
    assert action.history.filter(history_type="-").exists()


def test_owner_links_plan_activities(client, world, small_plan):
    risk = world["risk"]
    activity = small_plan.activities.get(ref="10")
    client.force_login(world["users"]["owner"])
    client.post(reverse("risks:risk_activities", args=[risk.code]), {"chosen": [str(activity.pk)]})
    assert list(risk.activities.all()) == [activity]
    assert "10. Library strategy" in client.get(reverse("risks:risk", args=[risk.code])).content.decode()


def test_corporate_team_creates_a_register(client, world):
    client.force_login(world["users"]["administrator"])
    response = client.post(
        reverse("risks:register_create"),
        {
            "name": "Highways programme risks",
            "level": "project_programme",
            "owner": "Programme board",
            "review_cycle": "monthly",
        },
    )
    register = Register.objects.get(name="Highways programme risks")
    assert response.status_code == 302 and register.level == "project_programme"
    bad = client.post(reverse("risks:register_create"), {"name": "", "level": "nonsense"})
    assert "Enter the register&#x27;s name" in bad.content.decode()


def test_returns_lead_officer_names_risks(client, world, sample_plan):
    from councilplan.monitoring.models import Return, Round

    ret = Return.objects.select_related("activity__lead_officer").get(round__label="2019-20 Q2", activity__ref="4")
    url = reverse("risks:return_risks", args=[ret.pk])
    client.force_login(world["users"]["viewer"])
    assert client.get(url).status_code == 403
    client.force_login(ret.activity.lead_officer)
    assert client.get(url).status_code == 403  # the round is published, not open: no more changes
    Round.objects.filter(pk=ret.round_id).update(state=Round.State.OPEN, closes_at=None)
    assert client.get(url).status_code == 200
    # The return says its issues are on project / programme registers: those registers' risks are offered.
    Return.objects.filter(pk=ret.pk).update(risk_registers=["project_programme"])
    project = make_risk(make_register("Project register", "project_programme"), code="PRJ0001")
    client.force_login(world["users"]["corporate"])
    page = client.get(url).content.decode()
    assert "PRJ0001" in page and "CRR0001" not in page
    client.post(url, {"chosen": [str(project.pk)]})
    assert list(ret.named_risks.values_list("risk__code", flat=True)) == ["PRJ0001"]


HOSTILE = "<script>alert('x')</script> & \"quotes\""


def test_hostile_text_is_escaped_on_every_page(client, world):
    risk = world["risk"]
    services.update_risk_details(risk, title=HOSTILE, causes=[HOSTILE], owners=[HOSTILE], user=None)
    services.add_control(risk, title=HOSTILE, owner=HOSTILE, user=None)
    services.record_review(risk, reviewed_on=D(2018, 1, 1), current=(4, 5), target=(3, 4), note=HOSTILE, user=None)
    client.force_login(world["users"]["corporate"])
    for url in [
        reverse("risks:register", args=[world["register"].pk]),
        reverse("risks:register_document", args=[world["register"].pk]),
        reverse("risks:risk", args=[risk.code]),
        reverse("risks:risk_history", args=[risk.code]),
        reverse("risks:risk_edit", args=[risk.code]),
    ]:
        page = client.get(url).content.decode()
        assert "<script>alert" not in page, url
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page, url


def test_register_page_queries_do_not_grow_with_risks(client, world):
    register = world["register"]
    client.force_login(world["users"]["viewer"])
    url = reverse("risks:register", args=[register.pk])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    few = queries()
    for n in range(2, 22):
        risk = make_risk(register, code=f"CRR{n:04d}", current=(n % 5 + 1, 3))
        services.record_review(risk, reviewed_on=D(2018, 1, 1), current=(2, 2), target=(1, 1), user=None)
    many = queries()
    assert many == few
    for name, args in [("risks:register_document", [register.pk]), ("risks:register_download", [register.pk, "json"])]:
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse(name, args=args))
        assert len(captured) <= few + 2, name

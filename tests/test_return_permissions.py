"""Who may open, fill in, read and trace a return: every role, allowed and refused, on every page and action.

The scene: activity 1 is led by Ann (Children's directorate) with Carol (from Growth) as a nominated colleague;
Dan is another lead officer in Children; Bob leads activity 2 in Growth. 2019-20 Q2 is published; Q3 is open.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils import timezone

from councilplan.core.models import Directorate, User
from councilplan.monitoring.models import Return, Round

pytestmark = pytest.mark.django_db


@dataclass
class Scene:
    plan: object
    q2: Round
    q3: Round
    a1: object
    a2: object
    people: dict[str, User]

    def __getattr__(self, name):
        if name in self.__dict__.get("people", {}):
            return self.people[name]
        raise AttributeError(name)

    def form_url(self, activity=None, round_=None) -> str:
        return reverse("monitoring:return_form", args=[(round_ or self.q3).pk, (activity or self.a1).pk])


def build_scene(plan, *, q3_state=Round.State.OPEN, closes_in=dt.timedelta(days=7), allow_late=False) -> Scene:
    """Two rounds of `plan` (the small plan of tests/conftest.py), the people above, and Ann's Q2 return."""
    children, growth = Directorate.objects.get(name="Children"), Directorate.objects.get(name="Growth")
    a1, a2 = plan.activities.get(ref="1"), plan.activities.get(ref="2")
    ann, bob = a1.lead_officer, a2.lead_officer
    ann.name, ann.directorate = "Ann Officer", children
    ann.save()
    bob.directorate = growth
    bob.save()
    people = {
        "ann": ann,
        "bob": bob,
        "carol": User.objects.create(username="carol", name="Carol Colleague", directorate=growth),
        "dan": User.objects.create(username="dan", name="Dan Officer", directorate=children),
        "corporate": User.objects.create(username="corp", name="Cora Porate", role=User.Role.CORPORATE),
        "viewer": User.objects.create(username="viewer", name="Val Viewer", role=User.Role.VIEWER),
        "administrator": User.objects.create(username="admin", name="Ada Admin", role=User.Role.ADMINISTRATOR),
    }
    a1.colleagues.add(people["carol"])
    now = timezone.now()
    q2 = Round.objects.create(
        plan=plan,
        label="2019-20 Q2",
        state=Round.State.PUBLISHED,
        opens_at=now - dt.timedelta(days=100),
        closes_at=now - dt.timedelta(days=90),
    )
    q3 = Round.objects.create(
        plan=plan,
        label="2019-20 Q3",
        state=q3_state,
        opens_at=now - dt.timedelta(days=1),
        closes_at=now + closes_in,
        allow_late=allow_late,
    )
    Return.objects.create(
        round=q2,
        activity=a1,
        state=Return.State.SUBMITTED,
        delivery_status="on_track",
        progress="Q2: the consultation finished on time.",
        milestones={
            "approval_to_proceed": {"date": "2019-12-01", "estimated": False, "text": ""},
            "go_live": {"date": None, "estimated": True, "text": "Autumn 2020"},
            "other": {"date": "2020-08-01", "estimated": True, "text": "Contract award"},
        },
        reported_to=["cmm"],
        expected_to_report_to=["cabinet_committee", "scb"],
        forward_plan_scheduled=True,
        form_rating=4,
        submitted_by=ann,
        submitted_at=now - dt.timedelta(days=95),
    )
    return Scene(plan, q2, q3, a1, a2, people)


@pytest.fixture
def scene(small_plan) -> Scene:
    return build_scene(small_plan)


def draft_for(scene: Scene, activity=None, state=Return.State.DRAFT, **answers) -> Return:
    return Return.objects.create(
        round=scene.q3,
        activity=activity or scene.a1,
        state=state,
        delivery_status=answers.pop("delivery_status", "on_track"),
        progress=answers.pop("progress", "Draft words"),
        updated_by=scene.ann,
        **answers,
    )


ROLES = ["ann", "carol", "dan", "bob", "corporate", "viewer", "administrator"]


def client_for(client, scene: Scene, who: str | None):
    if who is not None:
        client.force_login(scene.people[who])
    return client


def assert_sends_to_sign_in(response):
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


# -- my returns ----------------------------------------------------------------------------------------------


def test_my_returns_needs_signing_in(client, scene):
    assert_sends_to_sign_in(client.get(reverse("monitoring:my_returns")))


@pytest.mark.parametrize(
    ("who", "activities"),
    [
        ("ann", ["1. Schools commissioning plan"]),
        ("carol", ["1. Schools commissioning plan"]),  # a nominated colleague
        ("dan", []),
        ("bob", ["2. Highways maintenance contract"]),
        ("corporate", []),
        ("viewer", []),
        ("administrator", []),
    ],
)
def test_my_returns_lists_only_the_persons_own_activities(client, scene, who, activities):
    response = client_for(client, scene, who).get(reverse("monitoring:my_returns"))

    assert response.status_code == 200
    listed = [row.activity.__str__() for group in response.context["rounds"] for row in group.returns]
    assert listed == activities
    if not activities:
        assert "You have no monitoring returns to complete" in response.text


# -- the form: opening and saving ----------------------------------------------------------------------------


def test_form_needs_signing_in(client, scene):
    assert_sends_to_sign_in(client.get(scene.form_url()))
    assert_sends_to_sign_in(client.post(scene.form_url(), {"version": 0, "action": "submit"}))
    assert not Return.objects.filter(round=scene.q3).exists()


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("ann", 200),
        ("carol", 200),
        ("dan", 403),
        ("bob", 403),
        ("corporate", 403),
        ("viewer", 403),
        ("administrator", 403),
    ],
)
def test_only_the_activitys_officers_open_its_form(client, scene, who, status):
    response = client_for(client, scene, who).get(scene.form_url())

    assert response.status_code == status
    assert ('name="action" value="submit"' in response.text) == (status == 200)


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("ann", True),
        ("carol", True),
        ("dan", False),
        ("bob", False),
        ("corporate", False),
        ("viewer", False),
        ("administrator", False),
    ],
)
def test_only_the_activitys_officers_save_its_return(client, scene, who, allowed):
    data = {"version": 0, "action": "draft", "delivery_status": "on_track", "progress": f"Written by {who}"}

    response = client_for(client, scene, who).post(scene.form_url(), data)

    assert response.status_code == (302 if allowed else 403)
    saved = Return.objects.filter(round=scene.q3, activity=scene.a1).first()
    assert (saved is not None and saved.progress == f"Written by {who}") == allowed


@pytest.mark.parametrize("who", ["dan", "bob", "corporate", "viewer", "administrator"])
def test_nobody_else_changes_an_existing_return(client, scene, who):
    ret = draft_for(scene)
    data = {"version": ret.version, "action": "draft", "delivery_status": "unlikely", "progress": "Overwritten"}

    response = client_for(client, scene, who).post(scene.form_url(), data)

    assert response.status_code == 403
    ret.refresh_from_db()
    assert (ret.progress, ret.version) == ("Draft words", 1)


def test_the_corporate_team_following_a_form_link_reads_the_return(client, scene):
    ret = draft_for(scene)

    response = client_for(client, scene, "corporate").get(scene.form_url())

    assert response.status_code == 302
    assert response["Location"] == reverse("monitoring:return_detail", args=[ret.pk])


def test_an_activity_of_another_plan_is_not_found(client, scene):
    other_round = Round.objects.create(plan=_other_plan(), label="2019-20 Q3", state=Round.State.OPEN)

    response = client_for(client, scene, "ann").get(scene.form_url(round_=other_round))

    assert response.status_code == 404


def _other_plan():
    from councilplan.plan.models import Plan

    return Plan.objects.create(name="Another plan")


# -- a return's page -------------------------------------------------------------------------------------------


def test_return_page_needs_signing_in(client, scene):
    ret = draft_for(scene)
    assert_sends_to_sign_in(client.get(reverse("monitoring:return_detail", args=[ret.pk])))


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("ann", 200),
        ("carol", 200),
        ("dan", 403),
        ("bob", 403),
        ("corporate", 200),
        ("viewer", 403),
        ("administrator", 200),
    ],
)
def test_a_draft_is_read_only_by_its_officers_and_the_corporate_team(client, scene, who, status):
    """Dan leads activities in the same directorate, but a draft is not his to read; nor another directorate's."""
    ret = draft_for(scene, progress="Still thinking")

    response = client_for(client, scene, who).get(reverse("monitoring:return_detail", args=[ret.pk]))

    assert response.status_code == status
    assert ("Still thinking" in response.text) == (status == 200)


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("ann", 200),
        ("carol", 200),
        ("dan", 200),
        ("bob", 403),
        ("corporate", 200),
        ("viewer", 403),
        ("administrator", 200),
    ],
)
def test_a_submitted_return_is_read_by_its_directorate_too(client, scene, who, status):
    ret = draft_for(scene, state=Return.State.SUBMITTED)

    response = client_for(client, scene, who).get(reverse("monitoring:return_detail", args=[ret.pk]))

    assert response.status_code == status


@pytest.mark.parametrize("who", ROLES)
def test_a_published_rounds_returns_are_read_by_everyone_signed_in(client, scene, who):
    q2_return = Return.objects.get(round=scene.q2, activity=scene.a1)

    response = client_for(client, scene, who).get(reverse("monitoring:return_detail", args=[q2_return.pk]))

    assert response.status_code == 200
    assert "Q2: the consultation finished on time." in response.text


def test_the_return_page_offers_a_change_only_to_those_who_may(client, scene):
    ret = draft_for(scene, state=Return.State.SUBMITTED)
    url = reverse("monitoring:return_detail", args=[ret.pk])

    assert "Change this return" in client_for(client, scene, "ann").get(url).text
    client.logout()
    assert "Change this return" not in client_for(client, scene, "corporate").get(url).text


# -- the history -----------------------------------------------------------------------------------------------


def test_history_needs_signing_in(client, scene):
    ret = draft_for(scene)
    assert_sends_to_sign_in(client.get(reverse("monitoring:return_history", args=[ret.pk])))


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("ann", 200),
        ("carol", 200),
        ("dan", 403),
        ("bob", 403),
        ("corporate", 200),
        ("viewer", 403),
        ("administrator", 200),
    ],
)
def test_history_is_for_the_corporate_team_and_the_activitys_officers(client, scene, who, status):
    """Even of a published return: readers see the answers, not every draft and who wrote it."""
    q2_return = Return.objects.get(round=scene.q2, activity=scene.a1)

    response = client_for(client, scene, who).get(reverse("monitoring:return_history", args=[q2_return.pk]))

    assert response.status_code == status


def test_unknown_returns_are_not_found(client, scene):
    client_for(client, scene, "corporate")
    assert client.get(reverse("monitoring:return_detail", args=[999_999])).status_code == 404
    assert client.get(reverse("monitoring:return_history", args=[999_999])).status_code == 404


def test_pages_refuse_other_methods(client, scene):
    ret = draft_for(scene)
    client_for(client, scene, "ann")
    assert client.post(reverse("monitoring:my_returns")).status_code == 405
    assert client.post(reverse("monitoring:return_detail", args=[ret.pk])).status_code == 405
    assert client.delete(scene.form_url()).status_code == 405

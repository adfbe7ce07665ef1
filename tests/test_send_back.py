"""Sending a return back with a query (issue 12): the corporate team sends a submitted return back to its officer,
who sees the query on the form, and submits again; every step refused when the rules say so."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from councilplan.core.models import User
from councilplan.monitoring.models import Return, Round

pytestmark = pytest.mark.django_db
QUERY = "Milestone 2 says <b>March</b> but the end date is June: which is right?"


@pytest.fixture
def scene(small_plan):
    team = User.objects.create(username="team", role=User.Role.CORPORATE, name="Pat Policy")
    activity = small_plan.activities.get(ref="1")
    lead = activity.lead_officer
    User.objects.filter(pk=lead.pk).update(name="Ann Officer", role=User.Role.LEAD_OFFICER)
    lead.refresh_from_db()
    round_ = Round.objects.create(
        plan=small_plan,
        label="2019-20 Q3",
        opens_at=timezone.now() - dt.timedelta(days=1),
        closes_at=timezone.now() + dt.timedelta(days=9),
        state=Round.State.OPEN,
    )
    ret = Return.objects.create(
        round=round_,
        activity=activity,
        state=Return.State.SUBMITTED,
        delivery_status="on_track",
        progress="All going well",
        submitted_at=timezone.now(),
        submitted_by=lead,
    )
    return team, lead, round_, ret


def _url(round_, ret):
    return reverse("rounds:send_back", args=[round_.pk, ret.activity_id])


def test_the_team_sends_a_return_back_and_the_officer_sees_the_query_and_submits_again(client, scene):
    team, lead, round_, ret = scene
    client.force_login(team)
    assert "Send back" in client.get(reverse("rounds:tracker", args=[round_.pk])).text
    page = client.get(_url(round_, ret))
    assert page.status_code == 200 and "It becomes a draft again" in page.text

    response = client.post(_url(round_, ret), {"query": QUERY})
    assert response.status_code == 302
    ret.refresh_from_db()
    assert ret.state == Return.State.DRAFT and ret.query == QUERY and ret.queried_by == team
    assert [m.to for m in mail.outbox] == [[lead.email]]
    assert QUERY in mail.outbox[0].body  # plain text: the officer reads it as typed
    assert ret.history.first().history_change_reason.startswith("Sent back with a query: Milestone 2")
    tracker = client.get(reverse("rounds:tracker", args=[round_.pk])).text
    assert "Sent back" in tracker

    client.force_login(lead)
    form = client.get(reverse("monitoring:return_form", args=[round_.pk, ret.activity_id]))
    assert "Sent back to you" in form.text and "Pat Policy sent this return back" in form.text
    assert "&lt;b&gt;March&lt;/b&gt;" in form.text and "<b>March</b>" not in form.text
    posted = client.post(
        reverse("monitoring:return_form", args=[round_.pk, ret.activity_id]),
        {"delivery_status": "on_track", "progress": "End date is June; milestone corrected", "version": ret.version,
         "action": "submit", "form_rating": "4"},
    )  # fmt: skip
    assert posted.status_code == 302, posted.content[:3000]
    ret.refresh_from_db()
    assert ret.state == Return.State.SUBMITTED and ret.query == ""
    assert ret.history.first().history_change_reason.startswith("Submitted again after the query")


def test_only_the_corporate_team_may_send_back(client, scene):
    team, lead, round_, ret = scene
    client.force_login(lead)
    assert client.post(_url(round_, ret), {"query": QUERY}).status_code == 403
    client.logout()
    assert client.post(_url(round_, ret), {"query": QUERY}).status_code == 302  # to sign in
    ret.refresh_from_db()
    assert ret.state == Return.State.SUBMITTED and ret.query == "" and not mail.outbox


def test_a_query_is_required_and_what_was_typed_is_kept(client, scene):
    team, lead, round_, ret = scene
    client.force_login(team)
    response = client.post(_url(round_, ret), {"query": "   "})
    assert response.status_code in (200, 409)
    assert "Say what the lead officer should check or change" in response.text
    assert "govuk-error-summary" in response.text
    too_long = client.post(_url(round_, ret), {"query": "x" * 2001})
    assert "2,000 characters or fewer" in too_long.text and "x" * 2001 in too_long.text
    ret.refresh_from_db()
    assert ret.state == Return.State.SUBMITTED


@pytest.mark.parametrize(
    ("round_state", "return_state", "message"),
    [
        (Round.State.PUBLISHED, Return.State.SUBMITTED, "only returns of an open or closed round can be sent back"),
        (Round.State.OPEN, Return.State.DRAFT, "Only a submitted return can be sent back"),
    ],
)
def test_published_rounds_and_drafts_cannot_be_sent_back(client, scene, round_state, return_state, message):
    team, lead, round_, ret = scene
    Round.objects.filter(pk=round_.pk).update(state=round_state)
    Return.objects.filter(pk=ret.pk).update(state=return_state)
    client.force_login(team)
    response = client.post(_url(round_, ret), {"query": QUERY})
    assert message in response.text
    ret.refresh_from_db()
    assert ret.state == return_state and ret.query == "" and not mail.outbox


def test_in_a_closed_round_sending_back_reopens_the_return_for_its_officer(client, scene):
    team, lead, round_, ret = scene
    Round.objects.filter(pk=round_.pk).update(state=Round.State.CLOSED)
    client.force_login(team)
    assert client.post(_url(round_, ret), {"query": QUERY}).status_code == 302
    ret.refresh_from_db()
    assert ret.reopened and ret.state == Return.State.DRAFT
    client.force_login(lead)
    form = client.get(reverse("monitoring:return_form", args=[round_.pk, ret.activity_id]))
    assert form.status_code == 200 and 'name="progress"' in form.text

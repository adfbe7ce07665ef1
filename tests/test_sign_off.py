"""The directorate's sign-off (issue 12): switched on in the organisation's settings, a lead officer's submitted
return waits for a signer of its directorate, who signs it off (the corporate team then has it) or sends it back
with a query. Switched off (the default), submitting is as it always was."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from councilplan.core.models import OrganisationSettings, User
from councilplan.monitoring import services
from councilplan.monitoring.models import Return, Round

pytestmark = pytest.mark.django_db
QUERY = "Is the <b>June</b> date agreed with the cabinet member?"


@pytest.fixture
def scene(small_plan):
    activity = small_plan.activities.select_related("directorate").get(ref="1")
    lead = activity.lead_officer
    User.objects.filter(pk=lead.pk).update(name="Ann Officer", role=User.Role.LEAD_OFFICER)
    lead.refresh_from_db()
    signer = User.objects.create(
        username="director", name="Dee Director", email="dee@example.gov.uk", role=User.Role.VIEWER
    )
    activity.directorate.signers.add(signer)
    other_signer = User.objects.create(username="growth-director", name="Gus Growth", role=User.Role.VIEWER)
    small_plan.activities.get(ref="2").directorate.signers.add(other_signer)
    team = User.objects.create(username="team", role=User.Role.CORPORATE, name="Pat Policy")
    round_ = Round.objects.create(
        plan=small_plan,
        label="2019-20 Q3",
        opens_at=timezone.now() - dt.timedelta(days=1),
        closes_at=timezone.now() + dt.timedelta(days=9),
        state=Round.State.OPEN,
    )
    return {"activity": activity, "lead": lead, "signer": signer, "other": other_signer, "team": team, "round": round_}


def _switch_on():
    OrganisationSettings.objects.create(directorate_sign_off=True)


def _submit(client, scene, version=0, progress="All going well"):
    client.force_login(scene["lead"])
    return client.post(
        reverse("monitoring:return_form", args=[scene["round"].pk, scene["activity"].pk]),
        {"delivery_status": "on_track", "progress": progress, "version": version, "action": "submit",
         "form_rating": "4"},
    )  # fmt: skip


def _tracker_state(client, scene) -> str:
    client.force_login(scene["team"])
    page = client.get(reverse("rounds:tracker", args=[scene["round"].pk])).text
    row = page[page.index('data-ref="1"') :]
    return row[row.index('data-state="') + 12 : row.index('"', row.index('data-state="') + 12)]


def test_switched_off_by_default_a_submitted_return_goes_straight_to_the_corporate_team(client, scene):
    assert OrganisationSettings.current().directorate_sign_off is False
    assert _submit(client, scene).status_code == 302
    ret = Return.objects.get(round=scene["round"], activity=scene["activity"])
    assert ret.state == Return.State.SUBMITTED and ret.signed_off_at is None
    assert mail.outbox == []  # nobody is asked to sign anything off
    assert _tracker_state(client, scene) == "submitted"


def test_submit_awaits_sign_off_then_signed_off_reaches_the_corporate_team(client, scene):
    _switch_on()
    response = _submit(client, scene)
    assert response.status_code == 302
    ret = Return.objects.get(round=scene["round"], activity=scene["activity"])
    assert ret.state == Return.State.AWAITING_SIGN_OFF
    assert ret.history.first().history_change_reason == "Submitted for Children's sign-off"
    # The signer is told, with a link to the sign-off page.
    assert [m.to for m in mail.outbox] == [["dee@example.gov.uk"]]
    assert reverse("monitoring:sign_off", args=[ret.pk]) in mail.outbox[0].body

    # The tracker shows the step, and it is not yet a response.
    assert _tracker_state(client, scene) == "awaiting"
    tracker = client.get(reverse("rounds:tracker", args=[scene["round"].pk])).text
    assert "Awaiting sign-off" in tracker and "0 of 3 activities" in tracker

    # The signer finds it on their returns page and on the return's page.
    client.force_login(scene["signer"])
    mine = client.get(reverse("monitoring:my_returns")).text
    assert "Returns to sign off" in mine and "1. Schools commissioning plan" in mine
    page = client.get(reverse("monitoring:return_detail", args=[ret.pk])).text
    assert "Awaiting sign-off" in page and "Sign off" in page and "Send back with a query" in page

    assert client.post(reverse("monitoring:sign_off", args=[ret.pk])).status_code == 302
    ret.refresh_from_db()
    assert ret.state == Return.State.SUBMITTED and ret.signed_off_by == scene["signer"]
    assert ret.history.first().history_change_reason == "Signed off for Children"
    assert ret.history.first().history_user == scene["signer"]
    page = client.get(reverse("monitoring:return_detail", args=[ret.pk])).text
    assert "Signed off on" in page and "by Dee Director for Children" in page
    assert _tracker_state(client, scene) == "submitted"


def test_the_signer_sends_it_back_with_a_query_and_the_officer_submits_again_to_the_signer(client, scene):
    _switch_on()
    _submit(client, scene)
    ret = Return.objects.get(round=scene["round"], activity=scene["activity"])
    mail.outbox.clear()
    client.force_login(scene["signer"])
    url = reverse("monitoring:sign_off_send_back", args=[ret.pk])
    empty = client.post(url, {"query": "  "})
    assert empty.status_code == 200 and "Say what the lead officer should check or change" in empty.text
    assert client.post(url, {"query": QUERY}).status_code == 302
    ret.refresh_from_db()
    assert ret.state == Return.State.DRAFT and ret.query == QUERY and ret.queried_by == scene["signer"]
    assert ret.history.first().history_change_reason.startswith("Sent back by the directorate with a query: Is")
    assert [m.to for m in mail.outbox] == [[scene["lead"].email]]
    assert "Dee Director, who signs off Children's returns" in mail.outbox[0].body
    assert _tracker_state(client, scene) == "draft"

    form = client.get(reverse("monitoring:return_form", args=[scene["round"].pk, scene["activity"].pk]))
    client.force_login(scene["lead"])
    form = client.get(reverse("monitoring:return_form", args=[scene["round"].pk, scene["activity"].pk]))
    assert "Dee Director sent this return back" in form.text and "&lt;b&gt;June&lt;/b&gt;" in form.text
    assert _submit(client, scene, version=ret.version, progress="Agreed on 3 June").status_code == 302
    ret.refresh_from_db()
    assert ret.state == Return.State.AWAITING_SIGN_OFF and ret.query == ""


def test_who_may_sign_off(client, scene):
    _switch_on()
    _submit(client, scene)
    ret = Return.objects.get(round=scene["round"], activity=scene["activity"])
    sign_off = reverse("monitoring:sign_off", args=[ret.pk])
    send_back = reverse("monitoring:sign_off_send_back", args=[ret.pk])
    # Another directorate's signer, the corporate team, the lead officer: refused, and it stays awaiting.
    for who in ("other", "team", "lead"):
        client.force_login(scene[who])
        assert client.get(sign_off).status_code == 403, who
        assert client.post(sign_off).status_code == 403, who
        assert client.post(send_back, {"query": "Why?"}).status_code == 403, who
    client.logout()
    assert client.post(sign_off).status_code == 302  # to sign in
    assert Return.objects.get(pk=ret.pk).state == Return.State.AWAITING_SIGN_OFF
    # Another directorate's signer does not read it either; the corporate team reads it but gets no buttons.
    client.force_login(scene["other"])
    assert client.get(reverse("monitoring:return_detail", args=[ret.pk])).status_code == 403
    client.force_login(scene["team"])
    page = client.get(reverse("monitoring:return_detail", args=[ret.pk])).text
    assert "Awaiting sign-off" in page and 'id="sign-off"' not in page
    # The service holds the rule as well as the page.
    with pytest.raises(services.RoundStateError):
        services.sign_off_return(ret, scene["team"])
    # Signed off once, it cannot be signed off again.
    client.force_login(scene["signer"])
    assert client.post(sign_off).status_code == 302
    again = client.post(sign_off)
    assert again.status_code == 400 and "only a return awaiting sign-off" in again.text


def test_a_change_to_a_signed_off_return_is_signed_off_again(client, scene):
    _switch_on()
    _submit(client, scene)
    ret = Return.objects.get(round=scene["round"], activity=scene["activity"])
    services.sign_off_return(ret, scene["signer"])
    ret.refresh_from_db()
    assert _submit(client, scene, version=ret.version, progress="A change after sign-off").status_code == 302
    ret.refresh_from_db()
    assert ret.state == Return.State.AWAITING_SIGN_OFF and ret.signed_off_at is None


def test_an_activity_without_a_directorate_goes_straight_to_the_corporate_team(small_plan, scene):
    _switch_on()
    activity = small_plan.activities.get(ref="10")
    assert activity.directorate_id is None
    ret = Return(round=scene["round"], activity=activity)
    assert services.sign_off_required(ret) is False

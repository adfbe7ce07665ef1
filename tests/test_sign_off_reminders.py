"""Reminders to directorate signers (issue 12), sent with every system's other reminders (`councilplan
reminders`): one e-mail per signer listing the returns awaiting their sign-off since before today, with links to
sign them off; nothing for returns submitted today (the signer was told then), signed off, or of a published round."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from councilplan.core.models import OrganisationSettings, User
from councilplan.monitoring.models import Return, Round
from councilplan.monitoring.reminders import awaiting_sign_off_reminders, send_due_reminders

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(small_plan):
    OrganisationSettings.objects.create(directorate_sign_off=True)
    children = small_plan.activities.select_related("directorate").get(ref="1")
    growth = small_plan.activities.select_related("directorate").get(ref="2")
    signer = User.objects.create(username="dee", name="Dee Director", email="dee@example.gov.uk", role="viewer")
    children.directorate.signers.add(signer)
    growth.directorate.signers.add(User.objects.create(username="gus", name="Gus Growth", role="viewer"))  # no e-mail
    now = timezone.now()
    round_ = Round.objects.create(
        plan=small_plan, label="2019-20 Q3", opens_at=now - dt.timedelta(days=5),
        closes_at=now + dt.timedelta(days=5), state=Round.State.OPEN,
    )  # fmt: skip
    return {"children": children, "growth": growth, "signer": signer, "round": round_, "now": now}


def _awaiting(scene, activity, submitted_at, round_=None, state=Return.State.AWAITING_SIGN_OFF):
    return Return.objects.create(
        round=round_ or scene["round"], activity=activity, state=state, submitted_at=submitted_at
    )


def test_the_daily_run_reminds_each_signer_of_the_returns_awaiting_them(scene, mailoutbox):
    yesterday = scene["now"] - dt.timedelta(days=1)
    waiting = _awaiting(scene, scene["children"], yesterday)
    out = StringIO()
    call_command("reminders", stdout=out)
    assert "Monitoring: reminded 1 signer of 1 return awaiting sign-off." in out.getvalue().splitlines()
    assert [m.to for m in mailoutbox] == [["dee@example.gov.uk"]]
    message = mailoutbox[0]
    assert message.subject == "Reminder: 1 return to sign off"
    assert message.body.startswith("Hello Dee Director,")
    assert "2019-20 Q3: 1. Schools commissioning plan (Children), submitted " in message.body
    assert reverse("monitoring:sign_off", args=[waiting.pk]) in message.body


def test_nothing_for_returns_submitted_today_signed_off_or_of_a_published_round(scene, mailoutbox):
    _awaiting(scene, scene["children"], scene["now"])  # the signer was told on submitting
    earlier = Round.objects.create(plan=scene["round"].plan, label="2019-20 Q2", state=Round.State.PUBLISHED)
    _awaiting(scene, scene["children"], scene["now"] - dt.timedelta(days=40), round_=earlier)
    assert send_due_reminders(now=scene["now"]) == "no return awaits a directorate's sign-off."
    Return.objects.filter(round=scene["round"]).update(
        state=Return.State.SUBMITTED, submitted_at=scene["now"] - dt.timedelta(days=2)
    )
    assert send_due_reminders(now=scene["now"]) == "no return awaits a directorate's sign-off."
    assert mailoutbox == []


def test_one_e_mail_per_signer_and_directorates_nobody_can_be_told_of(scene, mailoutbox):
    two_days = scene["now"] - dt.timedelta(days=2)
    _awaiting(scene, scene["children"], two_days)
    _awaiting(scene, scene["growth"], two_days)  # Growth's signer has no e-mail address
    closed = Round.objects.create(plan=scene["round"].plan, label="2019-20 Q1", state=Round.State.CLOSED)
    _awaiting(scene, scene["children"], two_days, round_=closed)
    assert send_due_reminders(now=scene["now"], dry_run=True) == (
        "would remind 1 signer of 2 returns awaiting sign-off; nobody can be e-mailed to sign off Growth's returns."
    )
    assert mailoutbox == []
    assert send_due_reminders(now=scene["now"]).startswith("reminded 1 signer of 2 returns")
    assert len(mailoutbox) == 1 and mailoutbox[0].subject == "Reminder: 2 returns to sign off"
    body = mailoutbox[0].body
    assert body.index("2019-20 Q1: 1. Schools") < body.index("2019-20 Q3: 1. Schools")


def test_who_to_remind_is_two_queries_however_many_returns(scene, django_assert_num_queries):
    two_days = scene["now"] - dt.timedelta(days=2)
    for activity in (scene["children"], scene["growth"]):
        _awaiting(scene, activity, two_days)
    with django_assert_num_queries(2):
        outcome = awaiting_sign_off_reminders(scene["now"])
    assert [(s.email, len(s.returns)) for s in outcome.signers] == [("dee@example.gov.uk", 1)]

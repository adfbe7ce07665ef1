"""Reminders: who gets one (everyone who may complete an outstanding return, once, listing all of them) and who
does not (everything submitted; no e-mail address; account switched off), the e-mail, the record kept, the
tracker's button and the `send-reminders` command with its dry run."""

import datetime as dt
import smtplib
from io import StringIO

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from councilplan.core.models import User
from councilplan.monitoring import services
from councilplan.monitoring.models import Reminder, Return, Round
from councilplan.monitoring.reminders import ReminderError, send_reminders, who_to_remind
from councilplan.monitoring.selectors import round_tracker
from councilplan.plan.models import Activity

pytestmark = pytest.mark.django_db
CLOSES = dt.datetime(2030, 1, 17, 17, 0, tzinfo=dt.UTC)  # 5pm in London (GMT in January)


@pytest.fixture
def team(db):
    return User.objects.create(username="team", role=User.Role.CORPORATE, name="Policy Team")


@pytest.fixture
def q3(small_plan, team):
    """Activity 1: Ann (lead) and Carol (colleague), not started. Activity 2: Bob (lead, no e-mail address),
    Carol and Eve (colleagues; Eve's account is switched off), a draft. Activity 10: nobody, not started.
    Activity 11: Dave (lead), submitted."""
    activities = {a.ref: a for a in small_plan.activities.all()}
    ann, bob = activities["1"].lead_officer, activities["2"].lead_officer
    User.objects.filter(pk=ann.pk).update(name="Ann Officer")
    carol = User.objects.create(username="carol", name="Carol Colleague", email="carol@example.gov.uk")
    eve = User.objects.create(username="eve", name="Eve Gone", email="eve@example.gov.uk", is_active=False)
    dave = User.objects.create(username="dave", name="Dave Done", email="dave@example.gov.uk")
    activities["1"].colleagues.add(carol)
    activities["2"].colleagues.add(carol, eve)
    done = Activity.objects.create(
        plan=small_plan,
        ref="11",
        title="Done & dusted",
        outcome=activities["1"].outcome,
        activity_type="strategy_policy",
        end_date=dt.date(2021, 3, 31),
        lead_officer=dave,
    )
    round_ = Round.objects.create(
        plan=small_plan, label="2019-20 Q3", opens_at=timezone.now(), closes_at=CLOSES, state=Round.State.OPEN
    )
    Return.objects.create(round=round_, activity=activities["2"], state="draft")
    Return.objects.create(round=round_, activity=done, state="submitted", submitted_at=timezone.now())
    assert bob.email == ""
    return round_


def test_who_is_reminded_of_what(q3):
    plan = who_to_remind(round_tracker(q3))

    assert plan.outstanding == 3
    assert [(r.person.name, [a.ref for a in r.activities]) for r in plan.recipients] == [
        ("Ann Officer", ["1"]),
        ("Carol Colleague", ["1", "2"]),
    ]
    assert [(r.person.name, [a.ref for a in r.activities]) for r in plan.unreachable] == [
        ("Bob Officer", ["2"]),
        ("Eve Gone", ["2"]),
    ]
    assert [row.ref for row in plan.nobody] == ["10"]


def test_one_email_per_person_listing_all_their_outstanding_returns(q3, team):
    result = send_reminders(q3, site_url="https://plan.example.gov.uk/", sent_by=team)

    assert len(result.sent) == 2 and not result.failed
    assert sorted(m.to[0] for m in mail.outbox) == ["ann.officer@example.gov.uk", "carol@example.gov.uk"]
    carol = next(m for m in mail.outbox if m.to == ["carol@example.gov.uk"])
    assert carol.subject == "Reminder: 2 returns to submit for 2019-20 Q3 by 5pm on Thursday 17 January 2030"
    assert carol.body.startswith("Dear Carol Colleague,\n\nYou have 2 Strategic Delivery Plan monitoring returns")
    assert "- 1. Schools commissioning plan (not started)" in carol.body
    assert "- 2. Highways maintenance contract (draft)" in carol.body
    form_url = reverse("monitoring:return_form", args=[q3.pk, q3.plan.activities.get(ref="2").pk])
    assert f"https://plan.example.gov.uk{form_url}" in carol.body
    assert "The submission window closes at 5pm on Thursday 17 January 2030." in carol.body
    assert "https://plan.example.gov.uk" + reverse("monitoring:my_returns") in carol.body
    ann = next(m for m in mail.outbox if m.to == ["ann.officer@example.gov.uk"])
    assert ann.subject.startswith("Reminder: 1 return to submit")
    assert "Highways" not in ann.body


def test_nobody_who_has_submitted_everything_is_reminded(q3):
    send_reminders(q3, site_url="https://plan.example.gov.uk/")
    recipients = {m.to[0] for m in mail.outbox}
    assert "dave@example.gov.uk" not in recipients
    assert "eve@example.gov.uk" not in recipients  # account switched off


def test_reminders_sent_are_recorded(q3, team):
    send_reminders(q3, site_url="https://plan.example.gov.uk/", sent_by=team)

    records = sorted(Reminder.objects.values_list("email", "activities", "sent_by__username"))
    assert records == [("ann.officer@example.gov.uk", 1, "team"), ("carol@example.gov.uk", 2, "team")]
    tracker = round_tracker(q3)
    assert tracker.reminders_sent == 2 and tracker.last_reminded_at is not None


def test_text_is_not_html_escaped(q3):
    Activity.objects.filter(ref="1", plan=q3.plan).update(title="Roads & <bridges>")
    send_reminders(q3, site_url="https://plan.example.gov.uk/")
    assert "1. Roads & <bridges> (not started)" in mail.outbox[0].body


def test_reminders_only_while_the_round_is_open(q3, team):
    services.close_round(q3, team)
    with pytest.raises(ReminderError, match="only while a round is open"):
        send_reminders(q3)
    assert mail.outbox == []


class RefusingBackend(EmailBackend):
    """Refuses Carol's address, as a mail server might."""

    def send_messages(self, messages):
        if any("carol@example.gov.uk" in m.to for m in messages):
            raise smtplib.SMTPRecipientsRefused({"carol@example.gov.uk": (550, b"No such user")})
        return super().send_messages(messages)


def test_one_refused_address_does_not_stop_the_others(q3, settings):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"

    result = send_reminders(q3, site_url="https://plan.example.gov.uk/")

    assert [r.person.name for r in result.sent] == ["Ann Officer"]
    assert [r.person.name for r, _ in result.failed] == ["Carol Colleague"]
    assert list(Reminder.objects.values_list("email", flat=True)) == ["ann.officer@example.gov.uk"]


# --- the tracker's button -------------------------------------------------------------------------------


def test_the_tracker_button_sends_and_says_who_could_not_be_reminded(client, q3, team):
    client.force_login(team)

    confirm = client.get(reverse("rounds:remind", args=[q3.pk])).text
    assert "Send 2 reminders" in confirm
    assert "Bob Officer (no e-mail address)" in confirm and "Eve Gone (account switched off)" in confirm
    assert "Activity 10 has no lead officer or colleague" in confirm
    response = client.post(reverse("rounds:remind", args=[q3.pk]), follow=True)
    # The page showed the e-mail word for word before it was sent (issue 12).
    first = mail.outbox[0]
    assert f"The e-mail {first.to[0]} will be sent" in confirm
    assert escape(first.subject) in confirm and escape(first.body.split("\n")[0]) in confirm

    assert len(mail.outbox) == 2
    page = response.text
    assert "Sent 2 reminders for 2019-20 Q3." in page
    assert "Not reminded by e-mail (chase them another way): Bob Officer, Eve Gone." in page
    assert "2 reminders sent, the last at" in page
    assert mail.outbox[0].body.count("http://testserver/returns/") >= 2  # links from the request's address


def test_nothing_to_send_when_everything_is_submitted(client, q3, team):
    Return.objects.filter(round=q3).update(state="submitted")
    for activity in q3.plan.activities.exclude(returns__round=q3):
        Return.objects.create(round=q3, activity=activity, state="submitted")
    client.force_login(team)

    assert "there is nobody to remind" in client.get(reverse("rounds:remind", args=[q3.pk])).text
    assert "Send reminders" not in client.get(reverse("rounds:tracker", args=[q3.pk])).text
    client.post(reverse("rounds:remind", args=[q3.pk]))
    assert mail.outbox == []


# --- the command ----------------------------------------------------------------------------------------


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("send_reminders", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_command_sends_and_reports(q3):
    out, err = run("--round", "2019-20 Q3", "--plan", "Test plan", "--site-url", "https://plan.example.gov.uk/")

    assert len(mail.outbox) == 2
    assert out.splitlines() == [
        "2019-20 Q3: 3 returns outstanding; 2 people to remind by e-mail.",
        "  Reminded Ann Officer <ann.officer@example.gov.uk> (1 activity: 1)",
        "  Reminded Carol Colleague <carol@example.gov.uk> (2 activities: 1, 2)",
        "Sent 2 reminders.",
    ]
    assert err.splitlines() == [
        "  Cannot remind Bob Officer (no e-mail address; 1 activity: 2)",
        "  Cannot remind Eve Gone (account switched off; 1 activity: 2)",
        "  Nobody to remind for activity 10: it has no lead officer or colleague",
    ]
    assert "https://plan.example.gov.uk/returns/" in mail.outbox[0].body


def test_command_dry_run_sends_and_records_nothing(q3):
    out, _ = run("--round", "2019-20 Q3", "--dry-run")

    assert mail.outbox == []
    assert not Reminder.objects.exists()
    assert "  Would remind Carol Colleague <carol@example.gov.uk> (2 activities: 1, 2)" in out
    assert out.splitlines()[-1] == "Dry run: nothing was sent."


def test_command_when_everything_is_submitted(q3):
    for activity in q3.plan.activities.all():
        Return.objects.update_or_create(round=q3, activity=activity, defaults={"state": "submitted"})
    out, _ = run("--round", "2019-20 Q3")
    assert out == "2019-20 Q3: every return in scope has been submitted. No reminders to send.\n"
    assert mail.outbox == []


def test_command_refuses_a_round_that_is_not_open_or_does_not_exist(q3, team):
    with pytest.raises(CommandError, match="has no round '2019-20 Q4'"):
        run("--round", "2019-20 Q4")
    services.close_round(q3, team)
    with pytest.raises(CommandError, match="reminders are sent only while a round is open"):
        run("--round", "2019-20 Q3")
    assert mail.outbox == []


def test_command_default_site_url_comes_from_allowed_hosts(q3, settings):
    settings.ALLOWED_HOSTS = ["plan.kent.example", "localhost"]
    run("--round", "2019-20 Q3")
    assert "https://plan.kent.example/returns/" in mail.outbox[0].body

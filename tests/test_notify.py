"""E-mail through GOV.UK Notify (core/notify.py), against the local stand-in of the Notify API in
tests/notify_standin.py: the existing senders go through it unchanged; SMTP (or the console) otherwise."""

import datetime as dt
import os
import smtplib
import subprocess
import sys

import pytest
from django.core.mail import EmailMessage
from governance_support import D, make_user
from notifications_python_client.errors import HTTPError
from notify_standin import API_KEY, NotifyStandIn

from councilplan.governance import reminders, services
from councilplan.site import reminders as all_reminders

TEMPLATE = "0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6"


@pytest.fixture
def notify(settings):
    with NotifyStandIn() as stand_in:
        settings.EMAIL_BACKEND = "councilplan.core.notify.NotifyEmailBackend"
        settings.COUNCILPLAN_NOTIFY_API_KEY = API_KEY
        settings.COUNCILPLAN_NOTIFY_TEMPLATE_ID = TEMPLATE
        settings.COUNCILPLAN_NOTIFY_URL = stand_in.url
        yield stand_in


@pytest.fixture
def agenda(db):
    author = make_user("rae.author", email="rae@example.gov.uk")
    body = services.create_body(code="pr", name="Policy and Resources Cabinet Committee", kind="cabinet_committee")
    meeting = services.plan_meeting(body, date=D(2019, 11, 8))
    services.add_item(meeting, number="5", title="Review of VCS policy", author=author)


def test_a_publication_reminder_goes_through_notify(notify, agenda):
    # 8 November 2019: the agenda is published by Thursday 31 October (five clear working days, spec/governance.md).
    reminders.run(dt.datetime(2019, 10, 21, 9, tzinfo=dt.UTC), site_url="https://plan.example/")
    assert len(notify.sent) == 1
    sent = notify.sent[0]
    assert sent["email_address"] == "rae@example.gov.uk"
    assert sent["template_id"] == TEMPLATE
    assert sent["personalisation"]["subject"] == "Committee papers: publication deadlines"
    assert "published by 31/10/2019" in sent["personalisation"]["body"]
    assert "Review of VCS policy" in sent["personalisation"]["body"]


def test_the_all_systems_run_goes_through_notify(notify, agenda):
    ran = all_reminders.run_all(now=dt.datetime(2019, 10, 21, 9, tzinfo=dt.UTC))
    assert not [r for r in ran if r.failed]
    assert [s["email_address"] for s in notify.sent] == ["rae@example.gov.uk"]


def test_one_notification_for_each_address_and_a_refused_address_is_a_refusal(notify):
    notify.refuse = {"not-an-address"}
    message = EmailMessage("Hello", "Text", None, ["a@example.gov.uk", "not-an-address"], cc=["c@example.gov.uk"])
    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        message.send()
    assert list(refused.value.recipients) == ["not-an-address"]
    # The others were still sent, one notification each.
    assert [s["email_address"] for s in notify.sent] == ["a@example.gov.uk", "c@example.gov.uk"]


def test_a_wrong_key_stops_the_sending(notify, settings):
    settings.COUNCILPLAN_NOTIFY_API_KEY = API_KEY[:-4] + "0000"
    with pytest.raises(HTTPError) as error:
        EmailMessage("Hello", "Text", None, ["a@example.gov.uk"]).send()
    assert error.value.status_code == 403
    assert notify.refused_tokens == 1 and notify.sent == []


def backend_chosen(**env) -> str:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("EMAIL_", "COUNCILPLAN_NOTIFY"))}
    code = "import django; django.setup(); from django.conf import settings; print(settings.EMAIL_BACKEND)"
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=environ | {"DJANGO_SETTINGS_MODULE": "councilplan.settings"} | env,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip() or done.stderr.strip().splitlines()[-1]


def test_notify_when_configured_smtp_otherwise():
    assert backend_chosen(COUNCILPLAN_NOTIFY_API_KEY=API_KEY, COUNCILPLAN_NOTIFY_TEMPLATE_ID=TEMPLATE) == (
        "councilplan.core.notify.NotifyEmailBackend"
    )
    smtp = "django.core.mail.backends.smtp.EmailBackend"
    assert backend_chosen(EMAIL_BACKEND=smtp) == smtp
    assert "COUNCILPLAN_NOTIFY_TEMPLATE_ID" in backend_chosen(COUNCILPLAN_NOTIFY_API_KEY=API_KEY)

"""Reminding owners of results not yet entered: who is due what, one e-mail each with links, the command."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command

from councilplan.core.models import Directorate, User
from councilplan.performance.models import Indicator, Result, ServiceArea
from councilplan.performance.reminders import outstanding, send_result_reminders

AUGUST, SEPTEMBER = dt.date(2017, 8, 1), dt.date(2017, 9, 1)


@pytest.fixture
def indicators(db):
    area = ServiceArea.objects.create(directorate=Directorate.objects.create(name="S&CS"), name="Finance")
    ann = User.objects.create(username="ann", name="Ann Owner", email="ann@example.gov.uk")
    bob = User.objects.create(username="bob", name="Bob Owner")  # no e-mail address
    made = {
        "FN01": Indicator.objects.create(ref="FN01", description="Pensions", service_area=area, owner=ann),
        "FN02": Indicator.objects.create(ref="FN02", description="Benefits", service_area=area, owner=ann),
        "HR22": Indicator.objects.create(
            ref="HR22", description="H&S plan", service_area=area, owner=ann, frequency="quarterly"
        ),
        "GL01": Indicator.objects.create(ref="GL01", description="Papers", service_area=area, owner=bob),
        "PI01": Indicator.objects.create(ref="PI01", description="Rent", service_area=area),
    }
    Result.objects.create(indicator=made["FN02"], period=AUGUST, value=98)
    return made


def test_who_is_due_what(indicators):
    august = outstanding(AUGUST)
    assert [(o.person.username, [i.ref for i in o.indicators]) for o in august.owners] == [("ann", ["FN01"])]
    assert [(o.person.username, [i.ref for i in o.indicators]) for o in august.unreachable] == [("bob", ["GL01"])]
    assert [i.ref for i in august.nobody] == ["PI01"]
    assert august.outstanding == 3
    september = outstanding(SEPTEMBER)  # a quarter's end: HR22 is due too, FN02 again
    assert [i.ref for i in september.owners[0].indicators] == ["FN01", "FN02", "HR22"]


def test_one_email_each_with_links(indicators):
    outcome = send_result_reminders(SEPTEMBER, site_url="https://plan.example.gov.uk/", due="10 October 2017")
    assert [o.person.username for o in outcome.sent] == ["ann"]
    (email,) = mail.outbox
    assert email.to == ["ann@example.gov.uk"]
    assert email.subject == "Reminder: 3 results to enter for September 2017 by 10 October 2017"
    assert "https://plan.example.gov.uk/performance/indicators/HR22/results/2017-09/" in email.body


def test_command_dry_run_sends_nothing(indicators, capsys):
    call_command("performance_reminders", period="2017-08", dry_run=True)
    out = capsys.readouterr().out
    assert "August 2017: 3 results outstanding." in out
    assert "Would remind Ann Owner <ann@example.gov.uk> (FN01)" in out
    assert "No e-mail address for Bob Owner" in out and "No owner for PI01" in out
    assert mail.outbox == []

"""Publication reminders (command, button, all-systems run) and what governance shows on an activity's page."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from governance_support import D, make_user

from councilplan.governance import links, reminders, services
from councilplan.plan.models import Activity, Plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def agenda():
    author = make_user("rae.author", email="rae@example.gov.uk")
    body = services.create_body(code="pr", name="Policy and Resources Cabinet Committee", kind="cabinet_committee")
    meeting = services.plan_meeting(body, date=D(2019, 11, 8))
    item = services.add_item(meeting, number="5", title="Review of VCS policy", author=author)
    return {"author": author, "meeting": meeting, "item": item}


def test_the_author_is_told_the_last_day_to_publish(agenda):
    # 8 November 2019: publish by Thursday 31 October; from ten working days before that the reminder goes.
    now = dt.datetime(2019, 10, 21, 9, tzinfo=dt.UTC)
    outcome = reminders.run(now, site_url="https://plan.example/")
    assert len(outcome.sent) == 1 and len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "published by 31/10/2019" in body and "Review of VCS policy" in body
    assert "https://plan.example/committees/meetings/" in body


def test_nothing_before_the_warning_nor_once_published(agenda):
    assert (
        reminders.run(dt.datetime(2019, 9, 2, 9, tzinfo=dt.UTC))
        .summary()
        .endswith("no publication deadline falls due.")
    )
    services.publish_agenda(agenda["meeting"], on=D(2019, 10, 31))
    assert reminders.run(dt.datetime(2019, 10, 28, 9, tzinfo=dt.UTC)).sent == []
    assert mail.outbox == []


def test_the_command_and_the_button(agenda, client, settings):
    call_command("governance_reminders", "--dry-run")
    assert mail.outbox == []
    clerk = make_user("cal.clerk", teams=("democratic_services",))
    client.force_login(clerk)
    assert client.get(reverse("governance:reminders")).status_code == 200
    assert client.post(reverse("governance:reminders")).status_code == 302


def test_an_activity_page_lists_its_items_entries_and_decisions(agenda, client):
    from councilplan.core.models import Outcome

    plan = Plan.objects.create(name="Plan")
    activity = Activity.objects.create(
        plan=plan,
        ref="68",
        title="Review of VCS Policy",
        outcome=Outcome.objects.create(title="O"),
        activity_type="strategy_policy",
        end_date=D(2020, 5, 31),
    )
    services.set_links(agenda["item"], activities=[activity])
    secret = services.add_item(
        agenda["meeting"], number="11", title="Exempt disposal", exempt_paragraph=3, exempt_reason="Financial"
    )
    services.set_links(secret, activities=[activity])
    folio = services.portfolio("Finance, Corporate and Traded Services")
    decision = services.create_decision(reference="19/00080", subject="Disposal", portfolio=folio)
    services.set_links(decision, activities=[activity])
    viewer = make_user("vic.viewer", "viewer")
    groups = links.activity_links(activity, viewer)
    texts = [link.text for group in groups for link in group.links]
    assert any("item 5 Review of VCS policy" in t for t in texts)
    assert not any("Exempt disposal" in t for t in texts)
    assert "19/00080 Disposal" in texts
    cleared = make_user("cleo", cleared_for_exempt=True)
    assert any("Exempt disposal" in link.text for g in links.activity_links(activity, cleared) for link in g.links)
    client.force_login(viewer)
    page = client.get(reverse("activity", args=[activity.pk])).content.decode()
    assert "19/00080 Disposal" in page and "Exempt disposal" not in page

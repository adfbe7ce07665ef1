"""Reminders by e-mail of agenda publication deadlines (a command for cron, and a button on the meetings page):
each report author whose item is on a planned meeting's agenda is told the last day the agenda can be published
with the body's notice (default five clear working days), from ten working days before it. One plain-text e-mail
per person, through Django's `send_mail`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urljoin

from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone

from councilplan.analysis import governance as rules
from councilplan.core.calendar import working_calendar
from councilplan.monitoring.reminders import default_site_url

from .models import AgendaItem, Meeting

WARN_WORKING_DAYS = 10


@dataclass
class Due:
    person: object
    lines: list[str] = field(default_factory=list)


@dataclass
class Outcome:
    sent: list[Due] = field(default_factory=list)
    unreachable: list[Due] = field(default_factory=list)

    def summary(self) -> str:
        if not self.sent and not self.unreachable:
            return "Committee governance: no publication deadline falls due."
        words = f"Committee governance: reminded {len(self.sent)} report author{'s' if len(self.sent) != 1 else ''}"
        if self.unreachable:
            words += f"; {len(self.unreachable)} have no e-mail address"
        return words + "."


def due(today: dt.date, site_url: str = "") -> dict[int, Due]:
    """Authors of items on planned meetings whose publication deadline is today or within the warning (one query)."""
    calendar = working_calendar()
    horizon = calendar.add(today, WARN_WORKING_DAYS)
    people: dict[int, Due] = {}
    items = (
        AgendaItem.objects.filter(
            meeting__state=Meeting.State.PLANNED, meeting__date__gte=today, author__isnull=False, author__is_active=True
        )
        .select_related("meeting__body", "author")
        .order_by("meeting__date", "order")
    )
    for item in items:
        meeting = item.meeting
        deadline = rules.latest_publication(meeting.date, calendar, meeting.body.notice_days)
        if deadline > horizon:
            continue
        url = urljoin(site_url, reverse("governance:meeting", args=[meeting.pk]))
        late = " (the deadline has passed: speak to the clerk)" if deadline < today else ""
        line = (
            f"Item {item.number} {item.title}, {meeting.body.name} on {meeting.date:%d/%m/%Y}: the agenda is "
            f"published by {deadline:%d/%m/%Y}{late}. {url}"
        )
        people.setdefault(item.author_id, Due(item.author)).lines.append(line)
    return people


def send_reminders(now=None, site_url: str | None = None, dry_run: bool = False) -> str:
    return run(now, site_url, dry_run).summary()


def run(now=None, site_url: str | None = None, dry_run: bool = False) -> Outcome:
    today = timezone.localdate(now) if now is not None else timezone.localdate()
    site_url = site_url or default_site_url()
    outcome = Outcome()
    for item in due(today, site_url).values():
        if not item.person.email:
            outcome.unreachable.append(item)
            continue
        if not dry_run:
            send_mail(
                "Committee papers: publication deadlines",
                "\n".join([f"Dear {item.person},", "", *item.lines, "", "Democratic Services"]) + "\n",
                None,
                [item.person.email],
            )
        outcome.sent.append(item)
    return outcome

"""Reminders by e-mail for replies falling due (a command for cron, and a button on the caseload page): the
handler (or, with no handler, the service's coordinators) before a stage's deadline, and the service's manager
once it has passed. One plain-text e-mail per person, through Django's `send_mail`. Nothing personal goes in
the e-mail: the record's reference, service, deadline and a link."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urljoin

from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone

from councilplan.core.calendar import working_calendar
from councilplan.monitoring.reminders import default_site_url

from .models import Stage
from .services import get_settings


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
            return "Customer feedback: no reply falls due."
        words = f"Customer feedback: reminded {len(self.sent)} people"
        if self.unreachable:
            words += f"; {len(self.unreachable)} have no e-mail address"
        return words + "."


def due(today: dt.date, site_url: str = "") -> dict[int, Due]:
    """Who is to be reminded of what (two queries whatever the number of open stages)."""
    people: dict[int, Due] = {}
    horizon = working_calendar().add(today, get_settings().reminder_days)

    def add(person, line: str) -> None:
        if person is None or not person.is_active:
            return
        people.setdefault(person.pk, Due(person)).lines.append(line)

    stages = (
        Stage.objects.filter(responded_on__isnull=True, due_on__isnull=False, case__closed_on__isnull=True)
        .select_related("case__service__manager", "case__handler")
        .prefetch_related("case__service__coordinators")
    )
    for stage in stages:
        deadline = stage.extended_to or stage.due_on
        if deadline > horizon:
            continue
        case = stage.case
        url = urljoin(site_url, reverse("feedback:case", args=[case.reference]))
        handlers = [case.handler] if case.handler_id else list(case.service.coordinators.all())
        if deadline < today:
            line = f"{case.reference} ({case.service}, {stage.label}): the reply was due {deadline:%d/%m/%Y} — {url}"
            for person in handlers:
                add(person, "Late: " + line)
            add(case.service.manager, "Late in your service: " + line)
        else:
            line = f"{case.reference} ({case.service}, {stage.label}): reply due {deadline:%d/%m/%Y} — {url}"
            for person in handlers:
                add(person, "Due: " + line)
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
                "Customer feedback: replies falling due",
                "\n".join([f"Dear {item.person},", "", *item.lines, "", "Customer feedback team"]) + "\n",
                None,
                [item.person.email],
            )
        outcome.sent.append(item)
    return outcome

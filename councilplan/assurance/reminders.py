"""Reminders by e-mail for what falls due in corporate assurance (a command for cron, and a button on the
overview): reviews due by a project's tier (to the team and the portfolio's PDM) and recommendations due or
overdue (to their owners). One plain-text e-mail per person, through Django's `send_mail`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urljoin

from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone

from councilplan.analysis import assurance as rules
from councilplan.core.models import Team
from councilplan.monitoring.reminders import default_site_url

from . import selectors
from .models import Recommendation

NOTICE_DAYS = 14


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
            return "Corporate assurance: nothing falls due."
        words = f"Corporate assurance: reminded {len(self.sent)} people"
        if self.unreachable:
            words += f"; {len(self.unreachable)} have no e-mail address"
        return words + "."


def due(today: dt.date, site_url: str = "") -> dict[int, Due]:
    people: dict[int, Due] = {}

    def add(person, line: str) -> None:
        if person is None or not person.is_active:
            return
        people.setdefault(person.pk, Due(person)).lines.append(line)

    team = Team.objects.filter(code="assurance").prefetch_related("members").first()
    members = list(team.members.all()) if team else []
    for project, on in selectors.reviews_due(today):
        url = urljoin(site_url, reverse("assurance:project", args=[project.pk]))
        state = "overdue since" if on < today else "due"
        line = f"Assurance review {state} {on:%d/%m/%Y}: {project.name} ({rules.TIERS[project.tier]}) {url}"
        for person in {*members, project.portfolio.manager} - {None}:
            add(person, line)
    for r in (
        Recommendation.objects.filter(due_on__lte=today + dt.timedelta(days=NOTICE_DAYS))
        .exclude(status__in=rules.CLOSED_RECOMMENDATIONS)
        .select_related("owner", "activity__project")
    ):
        url = urljoin(site_url, reverse("assurance:recommendation", args=[r.pk]))
        state = "overdue since" if r.due_on < today else "due"
        add(r.owner, f"Recommendation {state} {r.due_on:%d/%m/%Y} ({r.activity.project}): {r.text[:80]} {url}")
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
                "Corporate assurance: what falls due",
                "\n".join([f"Dear {item.person},", "", *item.lines, "", "Corporate Assurance team"]) + "\n",
                None,
                [item.person.email],
            )
        outcome.sent.append(item)
    return outcome

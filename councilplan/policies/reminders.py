"""Reminders by e-mail for reviews falling due on the strategy and policy register (a command for cron, and a
button on the register's page): each accountable officer is told of their entries whose review or end date is
past or within the lead time. One plain-text e-mail per person, through Django's `send_mail`. Entries with no
accountable officer are listed for SPRCA on the page instead (principle 3: every entry should have one)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urljoin

from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone

from councilplan.analysis import policies as rules
from councilplan.monitoring.reminders import default_site_url

from . import services
from .models import Policy


@dataclass
class Due:
    person: object
    lines: list[str] = field(default_factory=list)


@dataclass
class Outcome:
    sent: list[Due] = field(default_factory=list)
    unreachable: list[Due] = field(default_factory=list)
    unowned: list[str] = field(default_factory=list)

    def summary(self) -> str:
        if not self.sent and not self.unreachable:
            words = "Policy register: no reviews fall due for a named officer"
        else:
            words = f"Policy register: reminded {len(self.sent)} people"
            if self.unreachable:
                words += f"; {len(self.unreachable)} have no e-mail address"
        if self.unowned:
            words += f"; {len(self.unowned)} entries due for review have no accountable officer"
        return words + "."


def due(today: dt.date, site_url: str = "") -> tuple[dict[int, Due], list[str]]:
    """Who has which reviews falling due, and the due entries nobody is named for (two queries)."""
    lead = services.get_settings().review_lead_days
    people: dict[int, Due] = {}
    unowned: list[str] = []
    entries = Policy.objects.filter(status__in=[rules.ACTIVE, rules.UNDER_REVIEW]).select_related("accountable_officer")
    for policy in entries.order_by("number"):
        flag = rules.review_flag(
            rules.Dates(policy.number, policy.status, policy.review_date, policy.end_date), today, lead
        )
        if flag is None:
            continue
        url = urljoin(site_url, reverse("policies:policy", args=[policy.number]))
        state = "passed on" if flag.overdue else "falls on"
        line = f"{policy.number}. {policy.title}: its {flag.which} {state} {flag.due:%d/%m/%Y}. {url}"
        person = policy.accountable_officer
        if person is None or not person.is_active:
            unowned.append(line)
            continue
        people.setdefault(person.pk, Due(person)).lines.append(line)
    return people, unowned


def send_reminders(now=None, site_url: str | None = None, dry_run: bool = False) -> str:
    return run(now, site_url, dry_run).summary()


def run(now=None, site_url: str | None = None, dry_run: bool = False) -> Outcome:
    today = timezone.localdate(now) if now is not None else timezone.localdate()
    site_url = site_url or default_site_url()
    outcome = Outcome()
    people, outcome.unowned = due(today, site_url)
    for item in people.values():
        if not item.person.email:
            outcome.unreachable.append(item)
            continue
        if not dry_run:
            send_mail(
                "Strategy and Policy Register: reviews falling due",
                "\n".join(
                    [
                        f"Dear {item.person},",
                        "",
                        "These strategies or policies you are the named accountable officer for are due for review:",
                        "",
                        *item.lines,
                        "",
                        "Please record the review's outcome on the register, or tell the SPRCA division if the "
                        "document is to be revised, replaced or closed down.",
                        "",
                        "Strategy, Policy, Relationships and Corporate Assurance",
                    ]
                )
                + "\n",
                None,
                [item.person.email],
            )
        outcome.sent.append(item)
    return outcome


def tell_sprca(policy: Policy, what: str, user, site_url: str = "") -> int:
    """Principles 3 and 4: SPRCA is told whenever an accountable officer (not SPRCA itself) changes an entry or
    its officer, starts or records a review. One e-mail to the division's members with an address; returns how
    many were sent to."""
    from councilplan.core.models import User

    from .permissions import TEAM

    addresses = sorted(
        set(
            User.objects.filter(teams__code=TEAM, is_active=True)
            .exclude(email="")
            .exclude(pk=getattr(user, "pk", None))
            .values_list("email", flat=True)
        )
    )
    if not addresses:
        return 0
    url = urljoin(site_url or default_site_url(), reverse("policies:policy", args=[policy.number]))
    send_mail(
        f"Strategy and Policy Register: {policy.number}. {policy.title}",
        f"{user} {what}: {policy.number}. {policy.title}\n{url}\n\nStrategy and Policy Register\n",
        None,
        addresses,
    )
    return len(addresses)

"""Reminding indicators' owners of results not yet entered for a period: one plain-text e-mail each, listing
their indicators with a link to each one's result form. The monitoring rounds' reminders do the same for
returns; the address the links start with is worked out the same way (`monitoring.reminders.default_site_url`).
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
from dataclasses import dataclass, field
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.urls import reverse

from councilplan.analysis import performance as rules
from councilplan.monitoring.reminders import default_site_url

from .models import Indicator

logger = logging.getLogger(__name__)


@dataclass
class Owner:
    person: object  # a User
    indicators: list[Indicator]


@dataclass
class RemindersOutcome:
    period: dt.date
    owners: list[Owner] = field(default_factory=list)  # with an e-mail address
    unreachable: list[Owner] = field(default_factory=list)  # without one
    nobody: list[Indicator] = field(default_factory=list)  # due, but without an owner
    sent: list[Owner] = field(default_factory=list)
    failed: list[tuple[Owner, str]] = field(default_factory=list)

    @property
    def outstanding(self) -> int:
        return sum(len(o.indicators) for o in [*self.owners, *self.unreachable]) + len(self.nobody)


def outstanding(period: dt.date) -> RemindersOutcome:
    """Active indicators due a result for `period` (its frequency has a period ending then) without one, by
    owner (two queries)."""
    due = (
        Indicator.objects.filter(active=True)
        .exclude(results__period=period)
        .select_related("owner")
        .order_by("owner__name", "owner__username", "ref")
    )
    outcome = RemindersOutcome(period)
    by_owner: dict[int, Owner] = {}
    for indicator in due:
        if indicator.frequency == rules.WEEKLY or not rules.valid_period(period, indicator.frequency):
            continue  # weekly figures are entered with the week's return, not reminded monthly
        if indicator.owner is None or not indicator.owner.is_active:
            outcome.nobody.append(indicator)
            continue
        owner = by_owner.get(indicator.owner_id)
        if owner is None:
            owner = by_owner[indicator.owner_id] = Owner(indicator.owner, [])
            (outcome.owners if indicator.owner.email else outcome.unreachable).append(owner)
        owner.indicators.append(indicator)
    return outcome


def message(owner: Owner, period: dt.date, site_url: str, due: str = "") -> EmailMessage:
    count = len(owner.indicators)
    what = "1 result" if count == 1 else f"{count} results"
    lines = [
        f"Dear {owner.person},",
        "",
        f"Please enter {what} for {rules.month_name(period)}" + (f" by {due}" if due else "") + ":",
        "",
    ]
    for indicator in owner.indicators:
        path = reverse("performance:result", args=[indicator.ref, f"{period:%Y-%m}"])
        lines += [f"- {indicator.ref}: {indicator.description}", f"  {urljoin(site_url, path)}"]
    lines += [
        "",
        "Give the result for the period, the year-to-date figure where there is one, and a comment on anything the "
        "committee should know. The RAG rating and direction of travel are worked out from the numbers.",
        "",
        settings.COUNCILPLAN_ORGANISATION,
    ]
    subject = f"Reminder: {what} to enter for {rules.month_name(period)}" + (f" by {due}" if due else "")
    return EmailMessage(subject, "\n".join(lines), settings.DEFAULT_FROM_EMAIL, [owner.person.email])


def send_result_reminders(
    period: dt.date, *, site_url: str | None = None, due: str = "", dry_run: bool = False
) -> RemindersOutcome:
    """E-mail each owner with results outstanding for `period`. One refused address does not stop the others
    (it is in `failed`); with `dry_run` nothing is sent."""
    outcome = outstanding(period)
    if dry_run or not outcome.owners:
        return outcome
    site_url = site_url or default_site_url()
    with get_connection() as connection:
        for owner in outcome.owners:
            email = message(owner, period, site_url, due)
            email.connection = connection
            try:
                email.send()
            except smtplib.SMTPException as error:
                logger.warning("Result reminder to %s not sent: %s", owner.person.email, error)
                outcome.failed.append((owner, str(error) or error.__class__.__name__))
                continue
            outcome.sent.append(owner)
    return outcome

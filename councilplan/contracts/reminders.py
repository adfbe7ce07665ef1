"""Reminders by e-mail for what falls due in contract management (a command for cron, and a button on the
programme page): maturity reports for reviews coming up, findings due or overdue, and yearly performance
assessments due on contracts over £5m. One plain-text e-mail per person, through Django's `send_mail`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urljoin

from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone

from councilplan.analysis import contracts as rules
from councilplan.monitoring.reminders import default_site_url

from .models import Contract, Finding, Review

REPORT_NOTICE_DAYS = 21  # a maturity report is asked for three weeks before its review
FINDING_NOTICE_DAYS = 14


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
            return "Contract management: nothing falls due."
        words = f"Contract management: reminded {len(self.sent)} people"
        if self.unreachable:
            words += f"; {len(self.unreachable)} have no e-mail address"
        return words + "."


def due(today: dt.date, site_url: str = "") -> dict[int, Due]:
    """Who has what falling due (four queries)."""
    people: dict[int, Due] = {}

    def add(person, line: str) -> None:
        if person is None or not person.is_active:
            return
        people.setdefault(person.pk, Due(person)).lines.append(line)

    horizon = today + dt.timedelta(days=REPORT_NOTICE_DAYS)
    reviews = (
        Review.objects.filter(status=Review.Status.PLANNED, meeting_date__gte=today, meeting_date__lte=horizon)
        .prefetch_related("contracts__contract_manager", "lead_officers")
        .select_related("report")
    )
    for review in reviews:
        report = getattr(review, "report", None)
        if report is not None and report.state == "submitted":
            continue
        url = urljoin(site_url, reverse("contracts:review", args=[review.pk]))
        line = f"Submit the maturity report for {review.title} (review on {review.meeting_date:%d/%m/%Y}): {url}"
        for person in {c.contract_manager for c in review.contracts.all()} | set(review.lead_officers.all()):
            add(person, line)
    for finding in (
        Finding.objects.filter(due_on__lte=today + dt.timedelta(days=FINDING_NOTICE_DAYS))
        .exclude(status__in=rules.CLOSED_FINDING_STATUSES)
        .select_related("owner")
    ):
        url = urljoin(site_url, reverse("contracts:finding", args=[finding.pk]))
        state = "overdue since" if finding.due_on < today else "due"
        add(finding.owner, f"Finding {state} {finding.due_on:%d/%m/%Y}: {finding.text[:80]} — {url}")
    for contract in (
        Contract.objects.filter(total_value__gt=rules.PROCUREMENT_ACT_KPI_THRESHOLD_PENCE)
        .select_related("contract_manager")
        .prefetch_related("assessments", "indicators")
    ):
        last = max((a.assessed_on for a in contract.assessments.all()), default=None)
        for warning in rules.kpi_warnings(
            contract.total_value, len(contract.indicators.all()), last, today, contract.start_date, contract.end_date
        ):
            url = urljoin(site_url, reverse("contracts:contract", args=[contract.reference]))
            add(contract.contract_manager, f"{contract.reference} {contract.title}: {warning.message} {url}")
    return people


def send_reminders(now=None, site_url: str | None = None, dry_run: bool = False) -> str:
    outcome = run(now, site_url, dry_run)
    return outcome.summary()


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
                "Contract management: what falls due",
                "\n".join([f"Dear {item.person},", "", *item.lines, "", "Contract management team"]) + "\n",
                None,
                [item.person.email],
            )
        outcome.sent.append(item)
    return outcome

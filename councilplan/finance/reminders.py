"""Reminders: budget managers whose forecasts are not yet entered in an open position, by e-mail
(Django's send_mail), from the `finance-reminders` command (for cron) or the position page's button."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import F

from .models import Position, PositionLine


def who_to_remind(position: Position) -> dict:
    """Each budget manager with lines whose forecast has not been entered in this position."""
    found: dict = {}
    for pl in (
        PositionLine.objects.filter(position=position, forecast_at__isnull=True, line__budget_manager__isnull=False)
        .select_related("line__budget_manager")
        .order_by(F("line__budget_manager_id"), "order")
    ):
        found.setdefault(pl.line.budget_manager, []).append(pl.heading)
    return found


def send_position_reminders(position: Position, *, site_url: str = "") -> tuple[int, list[str]]:
    """E-mail every budget manager with forecasts outstanding. Returns (sent, people without an address)."""
    if position.state != Position.State.OPEN:
        return 0, []
    sent, unreachable = 0, []
    for person, headings in who_to_remind(position).items():
        if not person.email:
            unreachable.append(str(person))
            continue
        closes = f" by {position.closes_at:%-d %B %Y}" if position.closes_at else ""
        body = (
            f"Dear {person},\n\nPlease enter your forecast outturn for {position}{closes} for:\n\n"
            + "\n".join(f"- {heading}" for heading in headings)
            + (f"\n\n{site_url.rstrip('/')}/budget/positions/{position.pk}/" if site_url else "")
            + "\n\nFinance"
        )
        send_mail(f"Budget forecasts due: {position}", body, settings.DEFAULT_FROM_EMAIL, [person.email])
        sent += 1
    return sent, unreachable


def send_due_reminders(now) -> str:
    """The all-systems reminder run: every open position whose window has opened."""
    sent = 0
    for position in Position.objects.filter(state=Position.State.OPEN):
        if position.opens_at is None or position.opens_at <= now:
            sent += send_position_reminders(position)[0]
    return f"Budget monitoring: {sent} forecast reminders sent."

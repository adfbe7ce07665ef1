"""Reminding people of their outstanding returns: who gets a reminder, what it says, sending it.

One e-mail per person, listing every activity in the round's scope whose return they may complete (as lead
officer or nominated colleague) and that is not submitted yet, with links and the window's close date. Someone
whose returns are all submitted gets nothing. People without an e-mail address, or whose account is switched
off, cannot be reminded: they are listed so that the team can chase them another way (Teams, telephone), as
are activities with nobody to remind at all.

The tracker's "Send reminders" button and the `send-reminders` command (for a scheduler) both call
`send_reminders`; every e-mail sent is recorded as a `Reminder`.
"""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass, field
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from .models import Reminder, Return, Round
from .selectors import Person, Tracker, TrackerRow, round_tracker
from .templatetags.round_tags import when

logger = logging.getLogger(__name__)


class ReminderError(Exception):
    """Reminders cannot be sent for this round; the message says why."""


@dataclass(frozen=True)
class Recipient:
    person: Person
    activities: tuple[TrackerRow, ...]  # outstanding, in activity number order


@dataclass
class ReminderPlan:
    """Who would be reminded of what, before anything is sent."""

    round: Round
    recipients: list[Recipient]  # with an e-mail address, by name
    unreachable: list[Recipient]  # no e-mail address or account switched off, by name
    nobody: list[TrackerRow]  # outstanding activities with neither a lead officer nor a colleague
    outstanding: int  # activities in scope not submitted


@dataclass
class ReminderResult:
    plan: ReminderPlan
    sent: list[Recipient] = field(default_factory=list)
    failed: list[tuple[Recipient, str]] = field(default_factory=list)
    dry_run: bool = False


def reachable(person: Person) -> bool:
    return bool(person.email) and person.active


def who_to_remind(tracker: Tracker) -> ReminderPlan:
    """Everyone who may complete an outstanding return, each with all of their outstanding activities."""
    people: dict[int, Person] = {}
    activities: dict[int, list[TrackerRow]] = {}
    nobody = []
    outstanding = tracker.outstanding
    for row in outstanding:
        if not row.people:
            nobody.append(row)
        for person in row.people:
            people[person.id] = person
            activities.setdefault(person.id, []).append(row)
    everyone = sorted(people.values(), key=lambda p: (p.name.casefold(), p.id))
    recipients = [Recipient(p, tuple(activities[p.id])) for p in everyone]
    return ReminderPlan(
        round=tracker.round,
        recipients=[r for r in recipients if reachable(r.person)],
        unreachable=[r for r in recipients if not reachable(r.person)],
        nobody=nobody,
        outstanding=len(outstanding),
    )


def default_site_url() -> str:
    """The address links in e-mails start with when there is no request to take it from (the command):
    the COUNCILPLAN_SITE_URL setting if there is one, else the first of ALLOWED_HOSTS over HTTPS (on a laptop,
    the development server's address)."""
    configured = getattr(settings, "COUNCILPLAN_SITE_URL", "")
    if configured:
        return configured
    hosts = [h.lstrip(".") for h in settings.ALLOWED_HOSTS if h not in ("*", "testserver")]
    if not hosts or hosts[0] in ("localhost", "127.0.0.1"):
        return f"http://{hosts[0] if hosts else 'localhost'}:8000/"  # a laptop: `runserver`'s address
    return f"https://{hosts[0]}/"


def _url(name: str, *args) -> str | None:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def my_returns_path() -> str:
    """Where a lead officer finds their returns: "My returns", or the home page until that page exists."""
    return _url("monitoring:my_returns") or reverse("home")


def reminder_message(recipient: Recipient, round_: Round, site_url: str) -> EmailMessage:
    """The e-mail to one person: plain text, every activity with its state and a link."""
    count = len(recipient.activities)
    closes = when(round_.closes_at) if round_.closes_at else ""
    my_returns = urljoin(site_url, my_returns_path())
    context = {
        "person": recipient.person,
        "round": round_,
        "closes": closes,
        "late_allowed": round_.allow_late,
        "activities": [
            {
                "ref": row.ref,
                "title": row.title,
                "state": row.state_label.lower(),
                "url": urljoin(site_url, _url("monitoring:return_form", round_.pk, row.activity_id) or my_returns),
            }
            for row in recipient.activities
        ],
        "count": count,
        "my_returns": my_returns,
        "organisation": settings.COUNCILPLAN_ORGANISATION,
    }
    returns = "1 return" if count == 1 else f"{count} returns"
    subject = f"Reminder: {returns} to submit for {round_.label}" + (f" by {closes}" if closes else "")
    body = render_to_string("email/reminder.txt", context)
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient.person.email])


def send_reminders(
    round_: Round, *, site_url: str | None = None, sent_by=None, dry_run: bool = False
) -> ReminderResult:
    """E-mail everyone with an outstanding return in the open round, through Django's mail settings.

    With `dry_run`, works out who would be reminded and sends and records nothing. One person's mail
    failing (a refused address) does not stop the others: it is listed in `failed`. A mail server that
    cannot be reached at all stops everything (the error propagates): nothing is recorded as sent."""
    if round_.state != Round.State.OPEN:
        raise ReminderError(
            f"{round_.label} is {round_.get_state_display().lower()}: reminders are sent only while a round is open."
        )
    plan = who_to_remind(round_tracker(round_))
    result = ReminderResult(plan=plan, dry_run=dry_run)
    if dry_run or not plan.recipients:
        return result
    site_url = site_url or default_site_url()
    connection = get_connection()
    sent_at = timezone.now()
    records = []
    try:
        with connection:
            for recipient in plan.recipients:
                message = reminder_message(recipient, round_, site_url)
                message.connection = connection
                try:
                    message.send()
                except smtplib.SMTPException as error:  # e.g. an address the server refuses: go on with the others
                    logger.warning("Reminder to %s not sent: %s", recipient.person.email, error)
                    result.failed.append((recipient, str(error) or error.__class__.__name__))
                    continue
                result.sent.append(recipient)
                records.append(
                    Reminder(
                        round=round_,
                        user_id=recipient.person.id,
                        email=recipient.person.email,
                        activities=len(recipient.activities),
                        sent_at=sent_at,
                        sent_by=sent_by if getattr(sent_by, "is_authenticated", False) else None,
                    )
                )
    finally:
        # What went out is recorded even if the mail server fails half way.
        Reminder.objects.bulk_create(records)
    return result


def send_sign_off_request(ret: Return, site_url: str) -> int:
    """E-mail the signers of the return's directorate (with an address and an account in use) that it awaits
    their sign-off. How many were sent."""
    activity = ret.activity
    if activity.directorate is None:
        return 0
    to = sorted({p.email for p in activity.directorate.signers.all() if p.email and p.is_active})
    if not to:
        return 0
    url = urljoin(site_url, reverse("monitoring:sign_off", args=[ret.pk]))
    body = render_to_string(
        "email/sign_off.txt",
        {"ret": ret, "activity": activity, "url": url, "organisation": settings.COUNCILPLAN_ORGANISATION},
    )
    subject = f"A return to sign off: {activity.ref}. {activity.title}"
    EmailMessage(subject[:200], body, settings.DEFAULT_FROM_EMAIL, to).send()
    return len(to)


def send_query(ret: Return, site_url: str, by_directorate: bool = False) -> int:
    """E-mail the corporate team's (or, `by_directorate`, the directorate signer's) query on a return sent back
    to everyone who may complete it (the lead
    officer and nominated colleagues with an address and an account in use). How many were sent."""
    activity = ret.activity
    people = (
        [activity.lead_officer, *activity.colleagues.all()]
        if activity.lead_officer
        else list(activity.colleagues.all())
    )
    to = sorted({p.email for p in people if p and p.email and p.is_active})
    if not to:
        return 0
    url = urljoin(site_url, _url("monitoring:return_form", ret.round_id, activity.id) or my_returns_path())
    body = render_to_string(
        "email/query.txt",
        {
            "ret": ret,
            "activity": activity,
            "url": url,
            "organisation": settings.COUNCILPLAN_ORGANISATION,
            "by_directorate": by_directorate,
        },
    )
    subject = f"Your return for {activity.ref}. {activity.title} has been sent back with a query"
    EmailMessage(subject[:200], body, settings.DEFAULT_FROM_EMAIL, to).send()
    return len(to)


# --- reminders to directorate signers -------------------------------------------------------------------
#
# A signer is told when a return is submitted for their sign-off (send_sign_off_request). The daily run of every
# system's reminders (`councilplan reminders`, site/reminders.py) then reminds each signer, in one e-mail, of every
# return still awaiting their sign-off that was submitted before today, in rounds still open or closed (a
# published round's returns are final).


@dataclass(frozen=True)
class Signer:
    email: str
    name: str
    returns: tuple[Return, ...]  # awaiting their sign-off, in round and activity order


@dataclass
class SignOffReminders:
    signers: list[Signer] = field(default_factory=list)  # with an e-mail address and an account in use
    unreachable: list[str] = field(default_factory=list)  # directorates whose returns wait with no signer to tell
    dry_run: bool = False

    def summary(self) -> str:
        waiting = len({ret.pk for signer in self.signers for ret in signer.returns})
        if not self.signers and not self.unreachable:
            return "no return awaits a directorate's sign-off."
        returns = "1 return" if waiting == 1 else f"{waiting} returns"
        people = "1 signer" if len(self.signers) == 1 else f"{len(self.signers)} signers"
        words = f"{'would remind' if self.dry_run else 'reminded'} {people} of {returns} awaiting sign-off"
        if self.unreachable:
            words += f"; nobody can be e-mailed to sign off {', '.join(self.unreachable)}'s returns"
        return words + "."


def awaiting_sign_off_reminders(now=None) -> SignOffReminders:
    """Who is to be reminded of which returns (two queries, whatever the number of returns)."""
    today_starts = timezone.localtime(now or timezone.now()).replace(hour=0, minute=0, second=0, microsecond=0)
    waiting = (
        Return.objects.filter(
            state=Return.State.AWAITING_SIGN_OFF,
            round__state__in=(Round.State.OPEN, Round.State.CLOSED),
            submitted_at__lt=today_starts,
            activity__directorate__isnull=False,
        )
        .select_related("round", "activity__directorate")
        .prefetch_related("activity__directorate__signers")
        .order_by("round__label", "activity__sort_key", "activity__ref")
    )
    by_signer: dict[str, list[Return]] = {}
    names: dict[str, str] = {}
    unreachable: list[str] = []
    for ret in waiting:
        signers = [p for p in ret.activity.directorate.signers.all() if p.email and p.is_active]
        if not signers and ret.activity.directorate.name not in unreachable:
            unreachable.append(ret.activity.directorate.name)
        for person in signers:
            by_signer.setdefault(person.email, []).append(ret)
            names[person.email] = person.name or str(person)
    signers = [Signer(email, names[email], tuple(rets)) for email, rets in sorted(by_signer.items())]
    return SignOffReminders(signers=signers, unreachable=sorted(unreachable))


def sign_off_reminder_message(signer: Signer, site_url: str) -> EmailMessage:
    count = len(signer.returns)
    context = {
        "signer": signer,
        "count": count,
        "returns": [
            {
                "round": ret.round.label,
                "ref": ret.activity.ref,
                "title": ret.activity.title,
                "directorate": ret.activity.directorate.name,
                "submitted": when(ret.submitted_at),
                "url": urljoin(site_url, reverse("monitoring:sign_off", args=[ret.pk])),
            }
            for ret in signer.returns
        ],
        "organisation": settings.COUNCILPLAN_ORGANISATION,
    }
    returns = "1 return" if count == 1 else f"{count} returns"
    subject = f"Reminder: {returns} to sign off"
    body = render_to_string("email/sign_off_reminder.txt", context)
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [signer.email])


def send_sign_off_reminders(now=None, site_url: str | None = None, dry_run: bool = False) -> SignOffReminders:
    outcome = awaiting_sign_off_reminders(now)
    outcome.dry_run = dry_run
    if dry_run or not outcome.signers:
        return outcome
    site_url = site_url or default_site_url()
    with get_connection() as connection:
        for signer in outcome.signers:
            message = sign_off_reminder_message(signer, site_url)
            message.connection = connection
            message.send()
    return outcome


def send_due_reminders(now=None, dry_run: bool = False) -> str:
    """Monitoring's part of the daily run of every system's reminders (SystemConfig.reminders): the directorate
    signers' returns awaiting sign-off. (Lead officers' outstanding returns are reminded from the tracker or by
    `send-reminders`, on the round's own dates.)"""
    return send_sign_off_reminders(now, dry_run=dry_run).summary()

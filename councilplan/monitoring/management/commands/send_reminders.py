"""`councilplan send-reminders --round LABEL`: e-mail everyone with a return outstanding in an open round.

Meant for a scheduler (see docs/user-guide.md): at opening, five days before closing, on the last day.
"""

from django.core.management.base import CommandError

from councilplan.core.management.base import ExchangeCommand
from councilplan.monitoring.reminders import ReminderError, default_site_url, send_reminders
from councilplan.monitoring.selectors import find_round
from councilplan.plan.selectors import find_plan


def _activities(recipient) -> str:
    refs = ", ".join(row.ref for row in recipient.activities)
    count = len(recipient.activities)
    return f"{count} {'activity' if count == 1 else 'activities'}: {refs}"


class Command(ExchangeCommand):
    help = (
        "E-mail a reminder to everyone with a return not yet submitted in an open round: one e-mail each, "
        "listing all their outstanding activities and the close date. People without an e-mail address are listed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--round", required=True, help="the round's label, e.g. '2019-20 Q3'")
        parser.add_argument("--plan", help="the plan's name (may be left out when there is only one plan)")
        parser.add_argument("--dry-run", action="store_true", help="say who would be reminded; send nothing")
        parser.add_argument(
            "--site-url",
            help="the address the links in the e-mails start with, e.g. https://plan.example.gov.uk/ "
            f"(default: the COUNCILPLAN_SITE_URL setting, else the first of ALLOWED_HOSTS; now {default_site_url()})",
        )

    def handle(self, *args, **options):
        plan = find_plan(options["plan"])
        round_ = find_round(plan, options["round"])
        if round_ is None:
            raise CommandError(f"The plan {plan.name!r} has no round {options['round']!r}.")
        try:
            result = send_reminders(round_, site_url=options["site_url"], dry_run=options["dry_run"])
        except ReminderError as error:
            raise CommandError(str(error)) from None
        reminders = result.plan
        out = self.stdout.write
        if not reminders.outstanding:
            out(f"{round_.label}: every return in scope has been submitted. No reminders to send.")
            return
        out(
            f"{round_.label}: {reminders.outstanding} returns outstanding; "
            f"{len(reminders.recipients)} people to remind by e-mail."
        )
        done = reminders.recipients if result.dry_run else result.sent
        verb = "Would remind" if result.dry_run else "Reminded"
        for recipient in done:
            out(f"  {verb} {recipient.person.name} <{recipient.person.email}> ({_activities(recipient)})")
        for recipient, error in result.failed:
            self.stderr.write(f"  Not sent to {recipient.person.name} <{recipient.person.email}>: {error}")
        for recipient in reminders.unreachable:
            why = "account switched off" if recipient.person.email else "no e-mail address"
            self.stderr.write(f"  Cannot remind {recipient.person.name} ({why}; {_activities(recipient)})")
        for row in reminders.nobody:
            self.stderr.write(f"  Nobody to remind for activity {row.ref}: it has no lead officer or colleague")
        if result.dry_run:
            out("Dry run: nothing was sent.")
        else:
            out(f"Sent {len(result.sent)} reminders.")
        if result.failed:
            raise CommandError(f"{len(result.failed)} reminders could not be sent.")

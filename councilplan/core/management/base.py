import sys

from django.core.management.base import BaseCommand, CommandError

from councilplan.core.exchange import ImportFailed


class ExchangeCommand(BaseCommand):
    """A command that reads or writes exchange files: bad input ends it with every error listed."""

    # Data in and out, not configuration: the system checks (which migrate, runserver and `check` run) would
    # import every URL and view first.
    requires_system_checks = []

    def execute(self, *args, **options):
        try:
            return super().execute(*args, **options)
        except ImportFailed as error:
            raise CommandError(str(error), returncode=2) from None

    def progress(self, row: int) -> None:
        # On stderr, so that a command's output can still be piped.
        sys.stderr.write(f"  … read {row:,} rows\n")
        sys.stderr.flush()

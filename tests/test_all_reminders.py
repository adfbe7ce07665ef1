"""`councilplan reminders`: the daily run over every system that declares reminders, each saying what it did."""

from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db
SYSTEMS = [
    "Budget monitoring",
    "Committee governance",
    "Contract management",
    "Corporate assurance",
    "Customer feedback",
    "Monitoring",
    "Policy register",
]


def test_every_system_with_reminders_reports_and_a_dry_run_sends_nothing(mailoutbox):
    out = StringIO()
    call_command("reminders", dry_run=True, stdout=out)
    lines = out.getvalue().splitlines()
    assert [line.split(":")[0] for line in lines] == SYSTEMS
    assert "Budget monitoring: not run: it has no dry run" in lines
    assert not mailoutbox

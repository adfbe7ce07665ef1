"""The all-systems reminder run: each system's `reminders` hook (SystemConfig.reminders), one after another, for
cron once a day. A system whose run fails does not stop the others; its line says what went wrong."""

from __future__ import annotations

import inspect
import logging
from dataclasses import dataclass

from django.utils import timezone

from councilplan.core.systems import systems

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Ran:
    system: str
    summary: str
    failed: bool = False


def run_all(now=None, dry_run: bool = False) -> list[Ran]:
    now = now or timezone.now()
    ran = []
    for system in sorted((s for s in systems() if s.reminders), key=lambda s: s.verbose_name):
        send = system.hook("reminders")
        accepts = inspect.signature(send).parameters
        if dry_run and "dry_run" not in accepts:
            ran.append(Ran(system.verbose_name, "not run: it has no dry run"))
            continue
        kwargs = {"now": now} | ({"dry_run": True} if dry_run else {})
        try:
            ran.append(Ran(system.verbose_name, str(send(**kwargs))))
        except Exception as error:  # one system's failure must not stop the others' reminders
            log.exception("Reminders of %s failed", system.verbose_name)
            ran.append(Ran(system.verbose_name, f"failed: {error}", failed=True))
    return ran

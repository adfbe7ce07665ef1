"""Changing report data: the corporate policy team's commentary."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from councilplan.core.models import Outcome
from councilplan.monitoring.models import Round

from .models import Commentary


class CommentaryConflict(Exception):
    """Someone saved this report's commentary after the form was opened: nothing was overwritten."""


def normalise(text: str) -> str:
    """Line endings as one "\\n" and no trailing spaces on the whole: what a browser sends varies."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


@transaction.atomic
def save_commentary(
    round_: Round,
    outcome: Outcome | None,
    texts: dict[str, str],
    user,
    opened_at: dt.datetime | None = None,
) -> list[str]:
    """Save the commentary of one report version (the full report, or the tailored one of `outcome`).

    `opened_at` is when the form was filled from the database (the latest change then): if any of this
    version's commentary changed since, nobody's words are overwritten and CommentaryConflict is raised.
    Returns the sections that changed. Unchanged sections are not saved again, so the history shows real
    changes only.
    """
    # of=("self",): PostgreSQL cannot lock the nullable side of the outer join the ordering adds.
    locked = Commentary.objects.select_for_update(of=("self",)).filter(round=round_, outcome=outcome)
    current = {c.section: c for c in locked}
    if opened_at is not None and any(c.updated_at > opened_at for c in current.values()):
        raise CommentaryConflict(
            "Someone else changed this commentary after you opened the page. Your text has not been saved: "
            "copy it, reload the page to see their changes, then add yours."
        )
    changed = []
    for section, raw in texts.items():
        text = normalise(raw)
        row = current.get(section)
        if row is None:
            if not text:
                continue
            row = Commentary(round=round_, outcome=outcome, section=section)
        elif row.text == text:
            continue
        row.text = text
        row.updated_by = user
        row._history_user = user
        row.save()
        changed.append(section)
    return changed

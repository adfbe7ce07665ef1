"""The returns table of the exchange format (spec/monitoring.md §4): milestone cells. The columns are the
questions' (`questions.RETURN_COLUMNS`)."""

from __future__ import annotations

import datetime as dt
import re

from councilplan.core.exchange import parse_date

# "2020-03-31", "31/03/2020 (estimated)", "2020-03-31 – Contract award", or free text ("Spring 2020").
_DATE_PART = r"(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4})"
MILESTONE_CELL = re.compile(_DATE_PART + r"\s*(\((?:estimated|est\.?|approx\.?)\))?\s*(?:[–—:-]\s*(.*))?$", re.I)
ESTIMATED = " (estimated)"


class MilestoneError(ValueError):
    pass


def parse_milestone(value: object) -> dict | None:
    """A milestone cell → {"date": ISO or None, "estimated": bool, "text": str}; None when empty.

    A date is specific unless marked "(estimated)"; text without a date is an estimate.
    """
    if isinstance(value, dt.date):
        return {"date": value.isoformat(), "estimated": False, "text": ""}
    text = str(value).strip()
    if not text:
        return None
    match = MILESTONE_CELL.match(text)
    if match:
        date = parse_date(match.group(1))
        if date is None:
            raise MilestoneError("is not a real date (use YYYY-MM-DD or DD/MM/YYYY, or words such as 'Spring 2020')")
        return {"date": date.isoformat(), "estimated": bool(match.group(2)), "text": (match.group(3) or "").strip()}
    if re.match(_DATE_PART + r"\b", text):
        raise MilestoneError("starts with a date but the rest is not '(estimated)' or '– description'")
    return {"date": None, "estimated": True, "text": text}


def format_milestone(milestone: dict | None) -> str:
    if not milestone:
        return ""
    parts = []
    if milestone.get("date"):
        parts.append(milestone["date"] + (ESTIMATED if milestone.get("estimated") else ""))
    if milestone.get("text"):
        parts.append(milestone["text"])
    return " – ".join(parts)

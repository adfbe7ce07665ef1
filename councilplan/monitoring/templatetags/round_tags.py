"""Dates and times as GOV.UK writes them ("5pm on Friday 13 September 2019"), for round windows and reminders.

{% load round_tags %}  {{ round.closes_at|when }}  {{ row.submitted_at|day }}
"""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import timezone

register = template.Library()


def clock(value: dt.datetime) -> str:
    """ "9am", "5:30pm", "midday", "midnight" (GOV.UK style: no leading zero, no ":00", lower case)."""
    value = timezone.localtime(value) if timezone.is_aware(value) else value
    if (value.hour, value.minute) == (0, 0):
        return "midnight"
    if (value.hour, value.minute) == (12, 0):
        return "midday"
    hour = value.hour % 12 or 12
    minutes = f":{value.minute:02d}" if value.minute else ""
    return f"{hour}{minutes}{'am' if value.hour < 12 else 'pm'}"


@register.filter
def day(value: dt.datetime | dt.date | None) -> str:
    """ "Friday 13 September 2019" in the local time zone; "" for None."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return f"{value:%A} {value.day} {value:%B %Y}"


@register.filter
def when(value: dt.datetime | None) -> str:
    """ "5pm on Friday 13 September 2019"; "" for None."""
    if value is None:
        return ""
    return f"{clock(value)} on {day(value)}"

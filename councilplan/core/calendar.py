"""The organisation's working-day calendar (COUNCILPLAN_BANK_HOLIDAYS), for every deadline in working days."""

from functools import cache

from django.conf import settings

from councilplan.analysis.working_days import WorkingCalendar


@cache
def working_calendar() -> WorkingCalendar:
    country, _, subdivision = settings.COUNCILPLAN_BANK_HOLIDAYS.partition("-")
    return WorkingCalendar(country, subdivision or None)

"""Working days: deadlines counted from a date, skipping weekends and bank holidays.

The counting rule (spec/feedback.md): the day something is received is day 0; day 1 is the next working day.
"Clear working days" before a meeting (spec/governance.md, the statutory notice of an agenda) count neither the
day of publication nor the day of the meeting. The holidays come from the `holidays` package (England and Wales
by default; `core.calendar` reads the organisation's setting), never a typed list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container
from dataclasses import dataclass, field

import holidays as holiday_calendars

ONE_DAY = dt.timedelta(days=1)


@dataclass
class WorkingCalendar:
    """Weekdays that are not bank holidays of `country` (and `subdivision`: ENG for England and Wales)."""

    country: str = "GB"
    subdivision: str | None = "ENG"
    _holidays: Container[dt.date] = field(init=False, repr=False)

    def __post_init__(self):
        self._holidays = holiday_calendars.country_holidays(self.country, subdiv=self.subdivision)

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day not in self._holidays

    def add(self, start: dt.date, days: int) -> dt.date:
        """The date `days` working days after `start` (day 0). Zero days: `start` itself."""
        if days < 0:
            raise ValueError("count forwards: days must not be negative")
        day = start
        counted = 0
        while counted < days:
            day += ONE_DAY
            if self.is_working_day(day):
                counted += 1
        return day

    def between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end` (0 when `end` is not after `start`): how many
        working days something received on `start` has taken by `end`."""
        count = 0
        day = start
        while day < end:
            day += ONE_DAY
            if self.is_working_day(day):
                count += 1
        return count

    def clear_days_between(self, first: dt.date, last: dt.date) -> int:
        """Working days strictly between `first` and `last` (neither counted): "clear" days of notice."""
        return max(self.between(first, last) - (1 if self.is_working_day(last) and last > first else 0), 0)

    def latest_with_clear_days(self, before: dt.date, days: int) -> dt.date:
        """The latest date that leaves `days` clear working days before `before`."""
        day = before
        counted = 0
        while counted < days:
            day -= ONE_DAY
            if self.is_working_day(day):
                counted += 1
        return day - ONE_DAY

"""Customer feedback's sample: the nine services of the Q2 2017/18 complaints table, about 18,700 records from
April 2014 to September 2017 that reproduce the seeds' figures (counts by year and kind, channel shares in
2015/16, complaints by service over the four periods, answered in time by month and quarter, Ombudsman
complaints, equalities issues), and a handful of current cases with fictional people for the caseload pages.
See README.md. `load_sample()` is idempotent: once loaded it is left as it is.

The historical records hold no person (the seeds give counts, not people): they are written in bulk with one
history row each ("Sample loaded"). The current cases go through the services, like a record logged on the page.
"""

from __future__ import annotations

import bisect
import calendar as month_calendar
import datetime as dt

from django.db import transaction
from django.utils import timezone

from councilplan.analysis import feedback as rules
from councilplan.core.calendar import working_calendar
from councilplan.core.models import Team, User
from councilplan.core.services import directorates_by_name

from .. import services
from ..models import Case, Service
from . import counts as data

REPORT_QUARTER_END = dt.date(2017, 9, 30)
REPORT_YEAR = 2015
MARKER = "Sample loaded"


def spread(counts: list[int]) -> list[int]:
    """A sequence holding each index i counts[i] times, evenly interleaved (so each index is spread across the
    whole sequence, as a service's complaints are across the months)."""
    keys = [((j + 0.5) / c, i) for i, c in enumerate(counts) for j in range(c)]
    return [i for _, i in sorted(keys)]


def share(total: int, weights: list[int]) -> list[int]:
    """`total` split in proportion to `weights`, whole numbers summing to `total` (largest remainder)."""
    whole = sum(weights)
    exact = [total * w / whole for w in weights]
    found = [int(x) for x in exact]
    for i in sorted(range(len(weights)), key=lambda i: (weights[i] == 0, found[i] - exact[i]))[: total - sum(found)]:
        found[i] += 1
    return found


def _months(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    year, month = first
    found = []
    while (year, month) <= last:
        found.append((year, month))
        year, month = (year + (month == 12), month % 12 + 1)
    return found


def _dated(month_counts: list[tuple[tuple[int, int], int]]) -> list[dt.date]:
    """Dates for the records of each month, spread over its days."""
    found = []
    for (year, month), n in month_counts:
        days = month_calendar.monthrange(year, month)[1]
        found.extend(dt.date(year, month, 1 + (i * days) // n) for i in range(n))
    return found


def _even(first, last, total) -> list[tuple[tuple[int, int], int]]:
    months = _months(first, last)
    return list(zip(months, share(total, [1] * len(months)), strict=True))


def _complaint_windows():
    """(dates, service counts or None for proportional) of each window the seeds fix."""
    by_service = data.SERVICES
    to_sep16 = [s[2] for s in by_service]
    q1, q2 = [s[4] for s in by_service], [s[5] for s in by_service]
    oct16_mar17 = [s[3] - s[4] - s[5] for s in by_service]
    monthly = data.MONTHS
    return [
        (_dated(_even((2014, 4), (2015, 3), data.YEARS[2014][0])), share(data.YEARS[2014][0], to_sep16)),
        (_dated(_even((2015, 4), (2015, 9), data.YEARS[2015][0] - data.OCT15_MAR16)), None),
        (
            _dated(
                _even((2015, 10), (2016, 3), data.OCT15_MAR16)
                + [(m, monthly[m][0]) for m in _months((2016, 4), (2016, 9))]
            ),
            to_sep16,
        ),
        (_dated([(m, monthly[m][0]) for m in _months((2016, 10), (2017, 3))]), oct16_mar17),
        (_dated([(m, monthly[m][0]) for m in _months((2017, 4), (2017, 6))]), q1),
        (_dated([(m, monthly[m][0]) for m in _months((2017, 7), (2017, 9))]), q2),
    ]


def _in_time_flags(dates: list[dt.date]) -> list[bool]:
    """Which of each month's complaints are answered in time: the month's count from data.MONTHS, spread."""
    by_month: dict[tuple[int, int], list[int]] = {}
    for i, day in enumerate(dates):
        by_month.setdefault((day.year, day.month), []).append(i)
    flags = [False] * len(dates)
    for month, indices in by_month.items():
        n = len(indices)
        k = data.MONTHS[month][1] if month in data.MONTHS else round(n * data.IN_TIME_ELSEWHERE)
        for j, i in enumerate(indices):
            flags[i] = (j + 1) * k // n > j * k // n
    return flags


def _channels(kind: str, total: int, year_2015: bool) -> list[str]:
    groups = data.CHANNELS_2015[kind]
    found = groups if year_2015 else share(total, list(data.CHANNELS_2015["complaint"]))
    channels = data.GROUP_CHANNELS[kind]
    return [channels[i] for i in spread(list(found))]


def _complaint_rows(names: list[str]) -> list[dict]:
    calendar = working_calendar()
    rows = []
    windows = _complaint_windows()
    september_2015 = dt.date(2015, 9, 30)
    all_dates = [day for dates, _ in windows for day in dates]
    in_time = _in_time_flags(all_dates)
    # Services: each window's counts spread over its records; April–September 2015 shares the next window's mix.
    service_of: list[int] = []
    for dates, service_counts in windows:
        service_counts = service_counts or share(len(dates), [s[2] for s in data.SERVICES])
        service_of.extend(spread(service_counts))
    fy = {2014: [i for i, d in enumerate(all_dates) if d < dt.date(2015, 4, 1)]}
    fy[2015] = [i for i, d in enumerate(all_dates) if dt.date(2015, 4, 1) <= d < dt.date(2016, 4, 1)]
    channel: dict[int, str] = {}
    for year, indices in fy.items():
        for i, code in zip(indices, _channels("complaint", len(indices), year == 2015), strict=True):
            channel[i] = code
    later = [i for i, d in enumerate(all_dates) if d >= dt.date(2016, 4, 1)]
    for i, code in zip(later, _channels("complaint", len(later), False), strict=True):
        channel[i] = code
    # Ombudsman complaints: the year's count among complaints received April–December, referred 70 days on
    # (inside the year); after 2015/16, one complaint in sixteen.
    ombudsman: dict[int, dt.date] = {}
    for year in (2014, 2015):
        candidates = [i for i in fy[year] if all_dates[i] < dt.date(year + 1, 1, 1)]
        chosen = [
            candidates[j]
            for j, flag in enumerate(spread([len(candidates) - data.YEARS[year][3], data.YEARS[year][3]]))
            if flag
        ]
        for i in chosen:
            ombudsman[i] = all_dates[i] + dt.timedelta(days=70)
    for n, i in enumerate(later):
        if n % 16 == 7:
            ombudsman[i] = all_dates[i] + dt.timedelta(days=70)
    equalities = [
        fy[2015][j]
        for j, flag in enumerate(spread([len(fy[2015]) - data.EQUALITIES_2015, data.EQUALITIES_2015]))
        if flag
    ]
    equalities_type = {i: data.EQUALITIES_TYPES[n % len(data.EQUALITIES_TYPES)] for n, i in enumerate(equalities)}
    # The organisation's working days over the sample's span, once: a reply n working days after receipt is
    # then a look-up (the same count as calendar.add, some 30,000 times faster to make).
    first_day, span = all_dates[0], (all_dates[-1] - all_dates[0]).days + 120
    working = [d for d in (first_day + dt.timedelta(days=n) for n in range(span)) if calendar.is_working_day(d)]
    deadline_days = {}
    for i, received in enumerate(all_dates):
        name = names[service_of[i]]
        days = 5 + i % 16 if in_time[i] else 21 + i % 10
        if (received, days) not in deadline_days:
            deadline_days[(received, days)] = working[bisect.bisect_right(working, received) + days - 1]
        outcome = ("upheld", "upheld", "upheld", "partly_upheld")[i % 10] if i % 10 < 4 else "not_upheld"
        characteristic, about = equalities_type.get(i, ("", ""))
        rows.append(
            {
                "kind": rules.COMPLAINT,
                "received_on": received,
                "channel": channel[i],
                "service": name,
                "procedure": data.PROCEDURES.get(name, "corporate"),
                "responded_on": deadline_days[(received, days)],
                "outcome": outcome,
                "equalities_issue": i in equalities_type,
                "equalities_characteristic": characteristic,
                "summary": about,
                "ombudsman_on": ombudsman.get(i),
                "ombudsman_upheld": (i % 5 < 2) if i in ombudsman else None,
                "compensation_pence": 25000 if (outcome == "upheld" and i % 97 == 0) else 0,
                "first_contact": received <= september_2015 and i % 23 == 0,
            }
        )
    return rows


def _other_rows(kind: str, names: list[str]) -> list[dict]:
    rows = []
    index = 1 if kind == rules.COMMENT else 2
    for year in (2014, 2015):
        total = data.YEARS[year][index]
        dates = _dated(_even((year, 4), (year + 1, 3), total))
        services_of = spread(share(total, [s[2] for s in data.SERVICES]))
        channels = _channels(kind, total, year == 2015)
        for i, received in enumerate(dates):
            rows.append(
                {
                    "kind": kind,
                    "sentiment": ("positive" if i % 5 < 2 else "negative") if kind == rules.COMMENT else "",
                    "received_on": received,
                    "channel": channels[i],
                    "service": names[services_of[i]],
                }
            )
    return rows


def _person(username: str, name: str, teams=()) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(username=username, name=name, role=User.Role.LEAD_OFFICER, email=f"{username}@kent.example")
        user.set_unusable_password()
        user.save()
    for code in teams:
        team = Team.objects.filter(code=code).first()
        if team is not None:
            team.members.add(user)
    return user


def _current_cases(service: Service, handler: User, team_member: User) -> None:
    """Current cases with fictional people, logged through the services (their deadlines follow today)."""
    calendar = working_calendar()
    today = timezone.localdate()

    def back(days: int) -> dt.date:
        day = today
        while days:
            day -= dt.timedelta(days=1)
            days -= calendar.is_working_day(day)
        return day

    person = {
        "raised_by": "customer",
        "contact_preference": "email",
        "customer_email": "",
        "customer_name": "",
    }
    cases = [
        (back(2), "Pothole outside the school on Station Road not repaired after two reports.", "Sam Example"),
        (back(17), "Missed garden waste collection three weeks running.", "Alex Sample"),
        (back(26), "The response to a streetlight fault took four months.", "Jo Specimen"),
        (back(30), "Road closure signs left up after the works finished.", "Chris Placeholder"),
    ]
    for received, about, name in cases:
        email = name.lower().replace(" ", ".") + "@example.com"
        services.log_case(
            user=team_member,
            service=service,
            received_on=received,
            handler=handler,
            kind=rules.COMPLAINT,
            channel="email",
            summary=about,
            procedure="corporate",
            **(person | {"customer_email": email, "customer_name": name}),
        )
    answered = Case.objects.get(summary__startswith="Road closure")
    stage = answered.stages.get()
    services.respond(
        stage,
        responded_on=back(5),
        response="We are sorry the signs were left; they were removed the same day.",
        outcome="upheld",
        user=handler,
    )
    services.log_case(
        user=team_member,
        service=service,
        received_on=back(1),
        kind=rules.COMPLIMENT,
        channel="phone",
        summary="Thanks to the crew who cleared the fallen tree on the A28 so quickly.",
        anonymous=True,
    )


@transaction.atomic
def load_sample() -> str:
    settings = services.get_settings()
    if Case.history.filter(history_change_reason=MARKER).exists():
        return f"The sample customer feedback was already loaded ({Case.objects.count()} records)."
    directorates = directorates_by_name(sorted({s[1] for s in data.SERVICES}))
    found = {}
    for order, (name, directorate, *_) in enumerate(data.SERVICES, start=1):
        found[name.lower()] = services.save_service(name, directorates[directorate], order=order)
    names = [s[0] for s in data.SERVICES]
    rows = _complaint_rows(names) + _other_rows(rules.COMMENT, names) + _other_rows(rules.COMPLIMENT, names)
    numbers: dict[int, int] = {}
    for row in rows:  # references of five digits: the pages' own are FB<year>-<six digits>, so none clash
        year = row["received_on"].year
        numbers[year] = numbers.get(year, 0) + 1
        row["reference"] = f"FB{year}-{numbers[year]:05d}"
    written = services.write_cases(rows, found, reason=MARKER)
    team_member = _person("feedback.team", "Demo Customer Feedback Officer", teams=("customer_feedback",))
    coordinator = _person("feedback.coordinator", "Demo Highways Feedback Coordinator")
    manager = _person("feedback.manager", "Demo Highways Service Manager")
    highways = found[data.SERVICES[0][0].lower()]
    services.set_service_people(highways, coordinators=[coordinator], manager=manager)
    _current_cases(highways, coordinator, team_member)
    settings.report_quarter_end, settings.report_year = REPORT_QUARTER_END, REPORT_YEAR
    settings.save()
    return f"Loaded the sample customer feedback: {written} records from April 2014 to September 2017 and 5 current."

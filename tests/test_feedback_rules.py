"""The feedback rules against hand-worked cases and brute force (spec/feedback.md): deadlines in working days
across bank holidays and year ends, the in-time rule, extensions, changes, channel shares, the quarterly
return and retention. No database."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from councilplan.analysis import feedback as rules
from councilplan.analysis.working_days import WorkingCalendar

D = dt.date
CAL = WorkingCalendar()
# England and Wales bank holidays typed from gov.uk for the brute-force count (2017 to 2020 only).
BANK_HOLIDAYS = {
    D(2017, 1, 2), D(2017, 4, 14), D(2017, 4, 17), D(2017, 5, 1), D(2017, 5, 29), D(2017, 8, 28), D(2017, 12, 25),
    D(2017, 12, 26), D(2018, 1, 1), D(2018, 3, 30), D(2018, 4, 2), D(2018, 5, 7), D(2018, 5, 28), D(2018, 8, 27),
    D(2018, 12, 25), D(2018, 12, 26), D(2019, 1, 1), D(2019, 4, 19), D(2019, 4, 22), D(2019, 5, 6), D(2019, 5, 27),
    D(2019, 8, 26), D(2019, 12, 25), D(2019, 12, 26), D(2020, 1, 1), D(2020, 4, 10), D(2020, 4, 13),
    D(2020, 5, 8), D(2020, 5, 25), D(2020, 8, 31), D(2020, 12, 25), D(2020, 12, 28),
}  # fmt: skip


def brute_add(start: dt.date, days: int) -> dt.date:
    day, counted = start, 0
    while counted < days:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day not in BANK_HOLIDAYS:
            counted += 1
    return day


CORPORATE_1 = rules.PROCEDURES["corporate"].stage("stage1")


def test_a_complaint_received_before_christmas_is_due_after_new_year():
    # Received Friday 15 December 2017 (day 0). Working days: 18, 19, 20, 21, 22 Dec (5), 27, 28, 29 (8),
    # 2, 3, 4, 5 Jan (12; 1 Jan a bank holiday), 8–12 (17), 15, 16, 17 (20).
    found = rules.deadlines(CORPORATE_1, D(2017, 12, 15), CAL)
    assert found.acknowledge_by == D(2017, 12, 20)
    assert found.respond_by == D(2018, 1, 17)
    assert found.in_time_by == D(2018, 1, 17)


def test_easter_and_a_weekend_receipt():
    # Received on Good Friday, 14 April 2017 (day 0): day 1 is Tuesday 18 April (Easter Monday the 17th is a
    # bank holiday); day 3 is Thursday 20 April.
    assert CAL.add(D(2017, 4, 14), 3) == D(2017, 4, 20)
    # Children's stage 3: panel within 30 working days of acceptance on 1 May 2018 (itself a Tuesday):
    # May has the bank holidays of the 7th and 28th.
    panel = rules.deadlines(rules.PROCEDURES["childrens_social_care"].stage("stage3"), D(2018, 5, 1), CAL)
    assert panel.respond_by == D(2018, 6, 14)


def test_every_timescale_of_the_policy_table():
    table = {
        ("corporate", "stage1"): (3, 20, None),
        ("corporate", "stage2"): (None, 20, 65),
        ("adult_social_care", "stage1"): (3, 20, None),
        ("childrens_social_care", "stage1"): (None, 10, 20),
        ("childrens_social_care", "stage2"): (None, 25, 65),
        ("childrens_social_care", "stage3"): (None, 30, None),
        ("school_transport_appeal", "hearing"): (None, 5, None),
    }
    for (procedure, stage), expected in table.items():
        rule = rules.PROCEDURES[procedure].stage(stage)
        assert (rule.acknowledge_days, rule.respond_days, rule.longest_days) == expected
    assert rules.PROCEDURES["corporate"].after("stage2").ombudsman


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=D(2017, 1, 1), max_value=D(2020, 9, 30)), st.sampled_from([3, 5, 10, 20, 25, 30, 65]))
def test_deadlines_match_a_brute_force_count(start, days):
    assert CAL.add(start, days) == brute_add(start, days)
    assert CAL.between(start, brute_add(start, days)) == days


def test_in_time_is_on_or_before_day_twenty_and_an_extension_counts_only_by_setting():
    due = D(2018, 1, 17)
    assert rules.in_time(due, due) is True
    assert rules.in_time(D(2018, 1, 18), due) is False
    assert rules.in_time(None, due) is None
    extended = D(2018, 2, 1)
    assert rules.in_time(D(2018, 1, 30), due, extended) is False
    assert rules.in_time(D(2018, 1, 30), due, extended, extension_counts=True) is True


def test_an_extension_must_be_past_the_deadline_and_within_the_longest():
    stage2 = rules.PROCEDURES["corporate"].stage("stage2")
    start = D(2017, 12, 15)
    assert rules.check_extension(stage2, start, D(2018, 1, 17), CAL)  # the deadline itself
    assert rules.check_extension(stage2, start, D(2018, 1, 18), CAL) == ""
    last = brute_add(start, 65)
    assert rules.check_extension(stage2, start, last, CAL) == ""
    assert "at most 65" in rules.check_extension(stage2, start, last + dt.timedelta(days=1), CAL)
    assert rules.check_extension(CORPORATE_1, start, D(2018, 3, 1), CAL) == ""  # no longest: any later date


def test_changes_round_half_away_from_zero():
    assert rules.change_percent(918, 856) == 7
    assert rules.change_percent(3508, 3266) == 7
    assert rules.change_percent(918, 891) == 3
    assert rules.change_percent(3070, 2944) == 4
    assert rules.change_percent(185, 205) == -10
    assert rules.change_percent(3, 0) is None
    assert rules.percent(1, 8) == 13 and rules.percent(799, 918) == 87 and rules.percent(779, 856) == 91


def test_report_periods_of_the_q2_2017_report():
    periods = rules.report_periods(D(2017, 9, 30))
    assert [(p.start, p.end) for p in periods] == [
        (D(2015, 10, 1), D(2016, 9, 30)),
        (D(2016, 10, 1), D(2017, 9, 30)),
        (D(2017, 4, 1), D(2017, 6, 30)),
        (D(2017, 7, 1), D(2017, 9, 30)),
    ]
    assert [p.label for p in periods] == [
        "12 months to Sep 16", "12 months to Sep 17", "Quarter to Jun 17", "Quarter to Sep 17"
    ]  # fmt: skip


AUGUST_2017 = D(2017, 8, 1)


def _point(n, kind="complaint", received=AUGUST_2017, **fields):
    return rules.CasePoint(id=n, kind=kind, received_on=received, **fields)


def test_quarterly_return_by_hand():
    due = D(2017, 8, 29)
    points = [
        _point(1, service="Highways", responded_on=D(2017, 8, 20), in_time_by=due),
        _point(2, service="Highways", responded_on=D(2017, 9, 20), in_time_by=due),
        _point(3, service="Libraries", in_time_by=due),  # not answered
        _point(4, service="Libraries", received=D(2017, 5, 2)),
        _point(5, kind="compliment", service="Libraries"),
        _point(6, service="Highways", received=D(2016, 8, 2)),
    ]
    found = rules.quarterly_return(points, D(2017, 9, 30), ["Libraries", "Highways"])
    assert [r.service for r in found.rows] == ["Libraries", "Highways"]
    assert [r.counts for r in found.rows] == [(0, 2, 1, 1), (1, 2, 0, 2)]
    assert found.totals == (1, 4, 1, 3)
    q = found.in_time[3]
    assert (q.received, q.in_time, q.late, q.pending, q.percent) == (3, 1, 1, 1, 33)
    assert found.quarter_on_quarter == 200 and found.year_on_year == 300
    assert (found.same_quarter_count, found.same_quarter_last_year) == (1, 200)
    # Without the base quarter in the log, no comparison is made.
    later = rules.quarterly_return(points, D(2017, 9, 30), held_from=D(2016, 12, 1))
    assert later.same_quarter_count is None and later.year_on_year is None


def test_channel_shares_are_rounded_each_on_its_own():
    year = rules.financial_year(2015)
    points = [_point(i, kind="comment", received=D(2015, 6, 1), channel=c) for i, c in enumerate(
        ["phone"] * 149 + ["letter"] * 298 + ["email"] * 800 + ["comment_card"] * 193 + ["online_form"] * 25
        + ["fax"] * 25
    )]  # fmt: skip
    shares = rules.channel_shares(points, year)["comment"]
    assert shares.total == 1490
    assert list(shares.percents.values()) == [10, 20, 54, 13, 2, 2]
    assert shares.percent_sum == 101
    assert "not_recorded" not in shares.percents


def test_retention_counts_from_closure():
    assert rules.retention_ends("complaint", D(2017, 1, 5), D(2017, 3, 1)) == D(2023, 3, 1)
    assert rules.past_retention("complaint", D(2017, 1, 5), D(2017, 3, 1), D(2023, 3, 2))
    assert not rules.past_retention("complaint", D(2017, 1, 5), D(2017, 3, 1), D(2023, 3, 1))
    assert rules.retention_ends("compliment", D(2016, 2, 29), None) == D(2018, 2, 28)
    assert rules.retention_ends("comment", D(2016, 5, 1), None, years=1) == D(2017, 5, 1)


def test_every_figure_is_registered_once():
    keys = [d.key for d in rules.FIGURES]
    assert len(keys) == len(set(keys))
    assert rules.definition_of("answered_in_time").out_of == "complaints received in the period"
    assert rules.definition_of("mood") is None


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=D(2017, 1, 1), max_value=D(2019, 12, 31)), st.sampled_from([0, 1, 3, 20, 25, 30, 65]))
def test_the_bulk_writers_calendar_counts_as_the_calendar_does(start, days):
    from councilplan.feedback.services import _SpanCalendar

    span = _SpanCalendar(CAL, [D(2017, 1, 1), D(2019, 12, 31)])
    assert span.add(start, days) == CAL.add(start, days)

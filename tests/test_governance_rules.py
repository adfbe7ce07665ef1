"""Committee governance's rules against hand-worked and brute-force cases: the key-decision test, the statutory
notice of an agenda (clear working days, bank holidays included), page ranges, recurrence, minute numbering, the
seat check, a decision's states and the cross-check with the SDP return. No database."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from councilplan.analysis import governance as rules
from councilplan.analysis.working_days import WorkingCalendar

D = dt.date
CAL = WorkingCalendar("GB", "ENG")
MILLION = 1_000_000_00


@pytest.mark.parametrize(
    ("pence", "key"),
    [(None, False), (0, False), (MILLION, False), (MILLION + 1, True), (-MILLION - 1, True), (5 * MILLION, True)],
)
def test_criterion_a_is_over_a_million_not_at_it(pence, key):
    test = rules.key_decision(pence)
    assert test.key is key
    assert test.criteria == (("a",) if key else ())


def test_a_recorded_criterion_makes_it_key_without_a_sum():
    assert rules.key_decision(None, other_criteria=["b"]).criteria == ("b",)
    assert rules.key_decision(2 * MILLION, other_criteria=["a"]).criteria == ("a",)
    assert rules.key_decision(10).words == "Not a key decision"


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_key_by_amount_matches_the_plain_rule(pence):
    assert rules.key_decision(pence).key == (abs(pence) > 1_000_000 * 100)


@pytest.mark.parametrize(
    ("published", "meeting", "clear"),
    [
        (D(2019, 10, 31), D(2019, 11, 8), 5),  # Thu → Fri week after: Fri 1, Mon 4 … Thu 7
        (D(2017, 9, 7), D(2017, 9, 15), 5),
        (D(2017, 12, 1), D(2017, 12, 11), 5),  # Fri → Mon: the whole week between
        (D(2019, 11, 1), D(2019, 11, 8), 4),
        (D(2019, 11, 7), D(2019, 11, 8), 0),
        (D(2019, 12, 20), D(2020, 1, 2), 5),  # 23, 24, 27, 30, 31 December: not Christmas, Boxing Day, New Year's Day
        (D(2020, 4, 8), D(2020, 4, 16), 3),  # Good Friday 10 April and Easter Monday 13 April
    ],
)
def test_clear_working_days_of_notice(published, meeting, clear):
    notice = rules.notice(published, meeting, CAL)
    assert notice.clear_days == clear
    assert notice.short is (clear < 5)


def test_the_latest_day_to_publish():
    assert rules.latest_publication(D(2019, 11, 8), CAL) == D(2019, 10, 31)
    assert rules.latest_publication(D(2017, 12, 11), CAL) == D(2017, 12, 1)


def test_page_ranges():
    ok = [rules.PageRange("1", None, None), rules.PageRange("4", 5, 12), rules.PageRange("5", 13, 20)]
    assert rules.page_problems(ok) == []
    gap = [rules.PageRange("4", 5, 12), rules.PageRange("5", 14, 20)]
    assert rules.page_problems(gap) == ["Pages 13–13 between items 4 and 5 belong to no item."]
    overlap = [rules.PageRange("4", 5, 12), rules.PageRange("5", 12, 20)]
    assert rules.page_problems(overlap) == ["Item 5 overlaps item 4 (page 12)."]
    assert rules.page_problems([rules.PageRange("6", 9, 3)]) == [
        "Item 6: the page range is incomplete or runs backwards."
    ]


MEETINGS_2019 = [D(2019, 9, 20), D(2019, 11, 8), D(2020, 1, 21), D(2020, 3, 20), D(2020, 5, 12)]


def test_every_other_meeting_as_the_dashboard():
    # Sep 2019 yes, Nov no, Jan yes, Mar no, May yes (spec §4).
    got = rules.recurring_dates("every_other", D(2019, 9, 20), MEETINGS_2019, D(2020, 5, 31))
    assert got == [D(2020, 1, 21), D(2020, 5, 12)]


def test_standard_biannual_and_annual():
    end = D(2020, 3, 31)
    assert rules.recurring_dates("standard", D(2019, 9, 20), MEETINGS_2019, end) == MEETINGS_2019[1:4]
    assert rules.recurring_dates("biannual", D(2019, 9, 20), MEETINGS_2019, D(2020, 5, 31)) == [D(2020, 3, 20)]
    assert rules.recurring_dates("annual", D(2019, 9, 20), MEETINGS_2019, D(2020, 5, 31)) == []
    assert rules.recurring_dates("", D(2019, 9, 20), MEETINGS_2019, end) == []


@given(
    st.lists(st.dates(D(2019, 4, 1), D(2020, 3, 31)), unique=True, max_size=12), st.dates(D(2019, 4, 1), D(2020, 3, 31))
)
def test_recurrence_against_brute_force(meetings, anchor):
    later = sorted(d for d in meetings if d > anchor)
    assert rules.recurring_dates("standard", anchor, meetings, D(2020, 3, 31)) == later
    assert rules.recurring_dates("every_other", anchor, meetings, D(2020, 3, 31)) == [
        d for n, d in enumerate(later) if n % 2 == 1
    ]


def test_minute_numbering():
    assert rules.minute_gaps(list(range(179, 192))) == []
    assert rules.minute_gaps([35, 36, 38]) == ["Minute 37 is missing."]
    assert rules.minute_gaps([97, 97]) == ["Minute 97 is numbered twice."]


def test_seat_check():
    members = [f"M{n}" for n in range(15)]
    check = rules.seat_check(15, members, members[1:], [])
    assert (check.present, check.substituted, check.absent, check.holds) == (14, 0, 1, True)
    cabinet = [f"C{n}" for n in range(10)]
    check = rules.seat_check(10, cabinet, cabinet[:8], ["C8", "C9"])
    assert (check.present, check.substituted, check.absent) == (8, 2, 0)
    assert not rules.seat_check(16, members, members, []).holds


def test_decision_states():
    assert rules.decision_move_problem("proposed", "considered") is None
    assert rules.decision_move_problem("considered", "taken") is None
    assert rules.decision_move_problem("taken", "published") is None
    assert "cannot become published" in rules.decision_move_problem("proposed", "published")
    assert "cannot become taken" in rules.decision_move_problem("withdrawn", "taken")
    assert "2 undertakings" in rules.decision_move_problem("considered", "taken", open_undertakings=2)


def test_decision_numbers():
    assert rules.check_decision_number("19/00077") is None
    assert rules.check_decision_number("2019/77") is not None
    assert rules.next_decision_number(["19/00077", "19/00080", "17/00123"], 2019) == "19/00081"
    assert rules.next_decision_number([], 2020) == "20/00001"


def _ticks(reported=(), expected=(), forward=False):
    return rules.Ticks(frozenset(reported), frozenset(expected), forward)


def test_cross_check_hand_worked():
    window = {"since": D(2019, 6, 14), "returned_on": D(2019, 9, 13), "year_end": D(2020, 3, 31)}
    cc = "cabinet_committee"
    after = [rules.Evidence(cc, D(2019, 11, 8), "P&R item")]
    assert rules.cross_check("68", after, _ticks(["cmm"], ["cmm", cc]), **window).consistent
    mismatch = rules.cross_check("70", after, _ticks(["cmm", "informal_governance"], ["cmm"]), **window)
    assert mismatch.problems == ("On the agenda of a cabinet committee later in the year, not ticked.",)
    # a week after the window closed: expected, not reported (activity 73 and 19/00057)
    late = [rules.Evidence(cc, D(2019, 9, 20), "19/00057")]
    assert rules.cross_check("73", late, _ticks([], ["informal_governance"]), **window).expected == {cc}
    reported = [rules.Evidence(cc, D(2019, 7, 1), "P&R in July")]
    assert not rules.cross_check("1", reported, _ticks([], [cc]), **window).consistent
    undated = [rules.Evidence(cc, None, "future items")]
    assert rules.cross_check("63", undated, _ticks(), **window).consistent
    board = [rules.Evidence("informal_governance", D(2019, 12, 3), "CMRG", forward_plan=True)]
    assert "forward plan" in rules.cross_check("2", board, _ticks([], ["informal_governance"]), **window).problems[0]

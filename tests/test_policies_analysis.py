"""The policy register's rules and figures as pure functions: hand-worked cases and a brute-force count."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from councilplan.analysis import policies as rules

D = dt.date


def test_status_at_takes_the_latest_change_on_or_before_the_date():
    changes = [
        rules.Change(1, "active", D(2017, 6, 27), order=1),
        rules.Change(1, "under_review", D(2017, 6, 27), order=2),
        rules.Change(1, "close_agreed", D(2017, 9, 1), "planned", order=3),
        rules.Change(2, "active", D(2017, 10, 1), order=4),
    ]
    assert rules.status_at(changes, D(2017, 6, 26)) == {}
    assert rules.status_at(changes, D(2017, 6, 27))[1].status == "under_review"
    later = rules.status_at(changes, D(2017, 9, 15))
    assert later[1].status == "close_agreed" and later[1].timing == "planned" and 2 not in later


def test_stock_take_counts_by_section_and_status():
    entries = [rules.Entry(n, "A" if n <= 3 else "B") for n in range(1, 7)] + [rules.Entry(7, "B", "new")]
    on = D(2017, 6, 1)
    changes = [rules.Change(n, "active", on) for n in range(1, 7)] + [
        rules.Change(1, "close_agreed", on, "immediate", 1),
        rules.Change(2, "close_agreed", on, "planned", 1),
        rules.Change(4, "under_review", on, order=1),
        rules.Change(5, "closed", on, order=1),
        rules.Change(7, "forthcoming", on),
    ]
    stock = rules.stock_take(entries, changes, on, ["A", "B"])
    a, b = stock.sections
    assert (a.in_scope, a.immediate, a.planned, a.under_review, a.active, a.remaining) == (3, 1, 1, 0, 1, 1)
    assert (b.in_scope, b.under_review, b.active, b.closed, b.forthcoming) == (2, 1, 1, 1, 1)
    assert (a.first, a.last, b.first, b.last) == (1, 3, 4, 6)
    assert stock.figures() == {
        "in_scope": 5,
        "close_agreed": 2,
        "close_immediate": 1,
        "close_planned": 1,
        "under_review": 1,
        "remaining": 3,
        "remaining_active": 2,
        "remaining_under_review": 1,
        "closed": 1,
        "forthcoming": 1,
        "forthcoming_replacement": 0,
        "forthcoming_new": 1,
    }


STATUS = st.sampled_from(["active", "under_review", "close_agreed", "closed", "forthcoming"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])  # a shared, busy machine
@given(st.lists(st.tuples(st.sampled_from("XYZ"), STATUS, st.sampled_from(["immediate", "planned"])), max_size=40))
def test_stock_take_against_a_brute_force_count(items):
    on = D(2020, 1, 1)
    entries = [rules.Entry(i + 1, section) for i, (section, _, _) in enumerate(items)]
    changes = [rules.Change(i + 1, status, on, timing) for i, (_, status, timing) in enumerate(items)]
    figures = rules.stock_take(entries, changes, on).figures()
    count = {s: sum(1 for _, status, _ in items if status == s) for s in rules.STATUSES}
    assert figures["in_scope"] == count["active"] + count["under_review"] + count["close_agreed"]
    assert figures["close_immediate"] == sum(1 for _, s, t in items if s == "close_agreed" and t == "immediate")
    assert figures["close_planned"] == sum(1 for _, s, t in items if s == "close_agreed" and t == "planned")
    assert figures["remaining"] == figures["in_scope"] - figures["close_agreed"]
    assert (figures["closed"], figures["forthcoming"]) == (count["closed"], count["forthcoming"])


def test_review_flags_at_the_lead_time_boundary():
    today = D(2019, 1, 1)
    due_at_edge = rules.Dates(1, "active", review_date=today + dt.timedelta(days=90))
    beyond = rules.Dates(2, "active", review_date=today + dt.timedelta(days=91))
    past_end = rules.Dates(3, "under_review", review_date=D(2019, 6, 1), end_date=D(2018, 12, 31))
    closed = rules.Dates(4, "closed", review_date=D(2010, 1, 1))
    flags = rules.review_flags([due_at_edge, beyond, past_end, closed], today)
    assert [(f.number, f.which, f.overdue) for f in flags] == [(3, "end date", True), (1, "review date", False)]
    assert rules.review_flag(beyond, today, lead_days=91) is not None


def test_lapsed_close_downs_are_planned_ones_past_their_expected_date():
    today = D(2018, 1, 1)
    entries = [
        rules.Dates(3, "close_agreed", expected_close_by=D(2017, 9, 30), timing="planned"),
        rules.Dates(22, "close_agreed", expected_close_by=D(2018, 1, 1), timing="planned"),
        rules.Dates(94, "close_agreed", expected_close_by=None, timing="planned"),
        rules.Dates(5, "close_agreed", expected_close_by=D(2017, 1, 1), timing="immediate"),
    ]
    assert rules.lapsed_close_downs(entries, today) == [3]


def test_chains_and_loops():
    links = {93: 94, 94: 160, 52: 53}
    assert rules.chain(links, 93) == [94, 160]
    assert rules.chain(links, 160) == []
    assert rules.would_loop(links, 160, 93) and rules.would_loop(links, 7, 7)
    assert not rules.would_loop(links, 53, 160)
    assert rules.chain({1: 2, 2: 1}, 1) == [2]


def test_transitions_and_decision_numbers():
    assert rules.can_move("forthcoming", "active") and not rules.can_move("forthcoming", "closed")
    assert rules.can_move("under_review", "active") and not rules.can_move("closed", "active")
    assert not rules.can_move("active", "closed")
    assert rules.valid_decision_reference("17/00123") and rules.valid_decision_reference("")
    assert not rules.valid_decision_reference("2017/123") and not rules.valid_decision_reference("17/0012a")


def test_every_figure_the_report_gives_is_registered():
    keys = set(rules.StockTake(D(2017, 1, 1), []).figures()) | {"past_review", "lapsed_close_downs"}
    assert keys == {f.key for f in rules.FIGURES}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(1, 12), st.integers(1, 12)), max_size=30))
def test_links_added_only_when_they_would_not_loop_never_loop(pairs):
    links: dict[int, int] = {}
    for old, new in pairs:
        if old in links or rules.would_loop(links, old, new):
            continue
        links[old] = new
    for start in links:
        # Brute force: follow the links one by one; a loop would come back to a number already passed.
        seen, current = [start], links.get(start)
        while current is not None:
            assert current not in seen
            seen.append(current)
            current = links.get(current)
        assert rules.chain(links, start) == seen[1:]

"""analysis.assurance on hand-worked cases and against brute force (no database)."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from councilplan.analysis import assurance as a
from councilplan.analysis.figures import Figure

D = dt.date


def point(ref="p", portfolio="get", state="current", **kw):
    return a.ProjectPoint(reference=ref, portfolio=portfolio, state=state, **kw)


def test_a_project_at_a_date():
    p = point(identified_on=D(2017, 1, 5), became_current=D(2017, 3, 1), closed_on=D(2017, 6, 10), state="completed")
    assert a.state_on(p, D(2017, 1, 1)) is None
    assert a.state_on(p, D(2017, 2, 1)) == "potential"
    assert a.state_on(p, D(2017, 3, 1)) == "current"
    assert a.state_on(p, D(2017, 6, 10)) == "completed"
    assert a.state_on(point(state="potential"), D(2000, 1, 1)) == "potential"


def test_tier_is_the_latest_decision_and_tbc_before_any():
    p = point(tiers=((D(2016, 1, 1), "2", "cost_benefit"), (D(2017, 6, 5), "1", "deca")))
    assert a.tier_on(p, D(2015, 12, 31)) == "tbc"
    assert a.tier_on(p, D(2017, 6, 4)) == "2"
    assert a.tier_on(p, D(2017, 6, 5)) == "1"


def test_tier_1_added_counts_becoming_tier_1_in_the_period_only():
    start, end = D(2017, 3, 1), D(2017, 8, 31)
    became = point("a", tiers=((D(2016, 1, 1), "2", "cost_benefit"), (D(2017, 6, 5), "1", "deca")))
    confirmed = point("b", tiers=((D(2016, 1, 1), "1", "cost_benefit"), (D(2017, 6, 5), "1", "deca")))
    new_then_dropped = point("c", tiers=((D(2017, 3, 6), "1", "cost_benefit"), (D(2017, 6, 5), "2", "deca")))
    figures = a.report_figures([became, confirmed, new_then_dropped], [], start, end, ["get"], [])
    assert figures["tier_1_added"] == 2  # a and c; b was Tier 1 already


def test_a_combined_share_is_computed_from_the_combined_count():
    stages = ["analyse"] * 3 + ["plan"] * 3 + ["do"] * 3
    points = [
        point(str(i), stage=s, became_current=D(2016, 1, 1), tiers=((D(2016, 1, 1), "1", "deca"),))
        for i, s in enumerate(stages)
    ]
    f = a.report_figures(points, [], D(2017, 3, 1), D(2017, 8, 31), ["get"], [])
    assert [f[f"tier_1_stage_{s}"].percent for s in ("analyse", "plan", "do")] == [33, 33, 33]
    assert f["tier_1_pre_implementation"] == Figure(6, 9, 67)


def test_changes_are_counts_and_points():
    figures = {"total_current": 50, "tier_1_stage_do": Figure(3, 9, 33), "new": 4}
    previous = {"total_current": 66, "tier_1_stage_do": {"count": 6, "of": 20, "percent": 30}}
    assert a.changes(figures, previous) == {"total_current": -16, "tier_1_stage_do": 3}
    assert a.signed(3, "points") == "+3 points" and a.signed(-16) == "−16" and a.signed(0) == "no change"


def test_money_in_words():
    assert a.money_text(11 * 100_000_000) == "£11m"
    assert a.money_text(2_166_000_00) == "£2.166m"
    assert a.money_text(642_000_00) == "£642k"
    assert a.money_text(-565_000_00) == "−£565k"
    assert a.money_text(950_00) == "£950"
    assert a.signed_money(40_000_00) == "+£40k"
    assert a.cost_words(a.Money(11 * 100_000_000, external_pence=10 * 100_000_000)) == "£11m (£10m external funding)"
    assert a.benefit_words(a.Money(130_000_000, kind="cost_avoidance")) == "£1.3m (cost avoidance)"
    assert a.benefit_words(a.Money(None, kind="tbc")) == "TBC"


def test_financial_years_and_months():
    assert a.financial_year_end(D(2017, 8, 31)) == D(2018, 3, 31)
    assert a.financial_year_end(D(2018, 2, 1)) == D(2018, 3, 31)
    assert a.months_between(D(2016, 11, 15), D(2017, 2, 1)) == [
        D(2016, 11, 1),
        D(2016, 12, 1),
        D(2017, 1, 1),
        D(2017, 2, 1),
    ]
    assert a.month_end(D(2016, 2, 1)) == D(2016, 2, 29)


def test_review_due_follows_the_tier_interval():
    assert a.review_due(D(2017, 5, 31), None, 3, D(2017, 9, 1)) == D(2017, 8, 31)
    assert a.review_due(None, D(2017, 6, 5), 6, D(2017, 9, 1)) == D(2017, 12, 5)
    assert a.review_due(None, None, 3, D(2017, 9, 1)) is None
    assert a.review_due(D(2017, 5, 31), None, None, D(2017, 9, 1)) is None


def test_decision_references_are_checked_for_shape():
    assert a.decision_reference_ok("17/00123")
    assert (
        not a.decision_reference_ok("17/123")
        and not a.decision_reference_ok("2017/00123")
        and not a.decision_reference_ok("")
    )


def test_every_figure_key_is_registered():
    points = [point(became_current=D(2016, 1, 1), theme="service_redesign", tiers=((D(2016, 1, 1), "1", "deca"),))]
    figures = a.report_figures(points, [], D(2017, 3, 1), D(2017, 8, 31), ["get", "0-25"], ["service_redesign"])
    assert [k for k in figures if a.definition_of(k) is None] == []
    assert a.definition_of("tier_1_theme_service_redesign").key == "tier_1_theme_<theme>"
    assert a.definition_of("portfolio_closures_0-25").key == "portfolio_closures_<portfolio>"
    assert a.definition_of("average_mood") is None


dates = st.dates(min_value=D(2016, 1, 1), max_value=D(2017, 12, 31))


@st.composite
def projects(draw):
    identified = draw(dates)
    current = draw(st.one_of(st.none(), dates.filter(lambda d: d >= identified)))
    closed = draw(st.one_of(st.none(), dates.filter(lambda d: d >= (current or identified))))
    state = draw(st.sampled_from(a.CLOSED_STATES)) if closed else ("current" if current else "potential")
    tiers = tuple((draw(dates), draw(st.sampled_from(["1", "2", "3"])), "deca") for _ in range(draw(st.integers(0, 2))))
    return a.ProjectPoint(
        reference=str(draw(st.integers())),
        portfolio=draw(st.sampled_from(["x", "y"])),
        state=state,
        identified_on=identified,
        became_current=current,
        closed_on=closed,
        tiers=tiers,
    )


@given(st.lists(projects(), max_size=25), st.sampled_from([D(2016, 6, 1), D(2017, 2, 1), D(2017, 8, 1)]))
def test_month_counts_match_a_brute_force_count(points, month):
    counts = a.month_counts(points, month)
    last = a.month_end(month)
    for portfolio in ("x", "y"):
        mine = [p for p in points if p.portfolio == portfolio]

        def current(p):
            return p.became_current and p.became_current <= last and not (p.closed_on and p.closed_on <= last)

        assert counts.get((portfolio, "current"), 0) == sum(1 for p in mine if current(p))
        by_tier = sum(counts.get((portfolio, m), 0) for m in ("tier_1", "tier_2", "tier_3", "tbc"))
        assert by_tier == counts.get((portfolio, "current"), 0)
        assert counts.get((portfolio, "closed"), 0) == sum(
            1 for p in mine if p.closed_on and month <= p.closed_on <= last
        )
        assert counts.get((portfolio, "potential"), 0) == sum(
            1
            for p in mine
            if p.identified_on <= last
            and not (p.became_current and p.became_current <= last)
            and not (p.closed_on and p.closed_on <= last)
        )

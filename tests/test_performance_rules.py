"""RAG, direction of travel and activity alerts (spec/performance.md) against a brute-force reading of the rules,
for both polarities, values on the target and on the floor, and missing values; then the reading of an indicator
at a period (latest this year, previous month or quarter, previous year, New)."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from councilplan.analysis import performance as rules
from councilplan.analysis.performance import Indicator, Result, Standard

# Values as results are stored: up to 4 decimal places.
values = st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False, allow_infinity=False)
maybe = st.one_of(st.none(), values)
polarities = st.sampled_from([rules.HIGHER, rules.LOWER])


def brute_rag(value, target, floor, polarity):
    """The spec read literally: met or exceeded the target → GREEN; else the floor achieved → AMBER; else RED.
    "Exceeded" means better, which is lower for a lower-is-better indicator."""
    if value is None or target is None or floor is None:
        return None
    better_or_equal = (lambda a, b: a <= b) if polarity == rules.LOWER else (lambda a, b: a >= b)
    if better_or_equal(value, target):
        return "green"
    if better_or_equal(value, floor):
        return "amber"
    return "red"


def brute_direction(current, previous, polarity):
    if current is None:
        return None
    if previous is None:
        return "new"
    if current == previous:
        return "same"
    rose = current > previous
    improved = rose if polarity == rules.HIGHER else not rose
    return "improved" if improved else "worsened"


@st.composite
def standards(draw, polarity=None):
    """A target and floor the right way round for the polarity (the floor no better than the target)."""
    polarity = polarity or draw(polarities)
    target, floor = draw(values), draw(values)
    if (polarity == rules.HIGHER and floor > target) or (polarity == rules.LOWER and floor < target):
        target, floor = floor, target
    return polarity, target, floor


@given(maybe, standards())
def test_rag_matches_the_rules(value, standard):
    polarity, target, floor = standard
    assert rules.rag(value, target, floor, polarity) == brute_rag(value, target, floor, polarity)


@given(standards())
def test_equal_to_the_target_is_green(standard):
    polarity, target, floor = standard
    assert rules.rag(target, target, floor, polarity) == "green"


@given(standards())
def test_equal_to_the_floor_is_amber_unless_it_is_also_the_target(standard):
    polarity, target, floor = standard
    assume(floor != target)
    assert rules.rag(floor, target, floor, polarity) == "amber"


@given(standards(), st.decimals(min_value=Decimal("0.01"), max_value=100, places=2))
def test_just_worse_than_the_floor_is_red(standard, step):
    polarity, target, floor = standard
    worse = floor - step if polarity == rules.HIGHER else floor + step
    assert rules.rag(worse, target, floor, polarity) == "red"


@given(standards(), st.decimals(min_value=Decimal("0.01"), max_value=100, places=2))
def test_just_short_of_the_target_is_amber_when_the_floor_allows(standard, step):
    polarity, target, floor = standard
    short = target - step if polarity == rules.HIGHER else target + step
    assume((short >= floor) if polarity == rules.HIGHER else (short <= floor))
    assert rules.rag(short, target, floor, polarity) == "amber"


@given(maybe, maybe, maybe, polarities)
def test_no_rag_without_a_value_a_target_or_a_floor(value, target, floor, polarity):
    assume(value is None or target is None or floor is None)
    assert rules.rag(value, target, floor, polarity) is None


@given(maybe, maybe, polarities)
def test_direction_matches_the_rules(current, previous, polarity):
    assert rules.direction(current, previous, polarity) == brute_direction(current, previous, polarity)


@given(values, values)
def test_direction_is_judged_on_performance_so_polarity_reverses_it(current, previous):
    assume(current != previous)
    higher = rules.direction(current, previous, rules.HIGHER)
    lower = rules.direction(current, previous, rules.LOWER)
    assert {higher, lower} == {"improved", "worsened"}


@given(values, polarities)
def test_unchanged_is_same_and_no_earlier_value_is_new(value, polarity):
    assert rules.direction(value, value, polarity) == "same"
    assert rules.direction(value, None, polarity) == "new"
    assert rules.direction(None, value, polarity) is None


@given(maybe, maybe, maybe)
def test_alert_matches_the_rules(value, lower, upper):
    if lower is not None and upper is not None and lower > upper:
        lower, upper = upper, lower
    expected = None
    if value is not None and lower is not None and upper is not None:
        expected = "above" if value > upper else "below" if value < lower else "in_range"
    assert rules.alert(value, lower, upper) == expected


@given(values, values)
def test_thresholds_are_inclusive(lower, upper):
    lower, upper = min(lower, upper), max(lower, upper)
    assert rules.alert(lower, lower, upper) == "in_range"
    assert rules.alert(upper, lower, upper) == "in_range"


def test_the_spec_examples():
    # FN09 and PI01: lower is better, the target below the floor.
    assert rules.rag(Decimal(49), 55, 60, "lower") == "green"
    assert rules.rag(Decimal(24), 5, 15, "lower") == "red"
    # A lower-is-better indicator that rose has worsened (PI01, rent arrears).
    assert rules.direction(24, 20, "lower") == "worsened"
    # CS08 196.3 against an upper threshold of 196.3 is in range.
    assert rules.alert(Decimal("196.3"), Decimal("177.6"), Decimal("196.3")) == "in_range"
    assert rules.alert(1778, 1480, 1740) == "above"


# --- an indicator at a period ----------------------------------------------------------------------------

JULY = dt.date(2017, 7, 1)


def kpi(results, frequency="monthly", polarity="higher", ytd_kind="cumulative", target=95, floor=90):
    return Indicator(
        ref="X1",
        description="x",
        area="a",
        polarity=polarity,
        frequency=frequency,
        year_to_date=ytd_kind,
        standards=(Standard(2017, Decimal(target), Decimal(floor)),),
        results=tuple(Result(dt.date(*p, 1), Decimal(v) if v is not None else None, Decimal(y) if y else None)
                      for p, v, y in results),
    )  # fmt: skip


def test_latest_result_this_year_with_previous_month_and_previous_year():
    indicator = kpi([((2016, 7), 93, None), ((2017, 6), 96, 95), ((2017, 7), 94, 95)])
    row = rules.kpi_row(indicator, JULY)
    assert (row.latest, row.rag, row.direction, row.ytd, row.ytd_rag) == (94, "amber", "worsened", 95, "green")
    assert row.previous_year == 93 and not row.is_new


def test_a_result_after_the_period_is_not_read():
    indicator = kpi([((2017, 6), 96, None), ((2017, 8), 80, None)])
    assert rules.kpi_row(indicator, JULY).latest == 96


def test_last_years_result_is_not_this_years_latest():
    row = rules.kpi_row(kpi([((2017, 3), 96, None)]), JULY)
    assert row.latest is None and row.rag is None and row.direction is None


def test_new_when_there_is_no_earlier_result():
    row = rules.kpi_row(kpi([((2017, 6), 100, 100)], frequency="quarterly"), JULY)
    assert row.direction == "new" and row.is_new and row.period == dt.date(2017, 6, 1)


def test_a_gap_compares_with_the_latest_earlier_result():
    row = rules.kpi_row(kpi([((2017, 4), 90, None), ((2017, 7), 92, None)]), JULY)
    assert row.direction == "improved" and row.previous_period == dt.date(2017, 4, 1)


def test_quarterly_comparison_skips_the_quarters_other_months():
    indicator = kpi([((2017, 3), 90, None), ((2017, 5), 99, None), ((2017, 6), 95, None)])
    assert rules.kpi_row(indicator, dt.date(2017, 6, 1), rules.MONTH).direction == "worsened"  # against May
    assert rules.kpi_row(indicator, dt.date(2017, 6, 1), rules.QUARTER).direction == "improved"  # against March


def test_snapshot_has_no_year_to_date_rag():
    row = rules.kpi_row(kpi([((2017, 7), 49, 50)], polarity="lower", ytd_kind="snapshot", target=55, floor=60), JULY)
    assert row.rag == "green" and row.ytd is None and row.ytd_rag is None and row.snapshot


def test_headline_counts_leave_out_missing_values():
    rows = [
        rules.kpi_row(kpi([((2017, 7), 96, 96)]), JULY),
        rules.kpi_row(kpi([((2017, 7), 85, None)]), JULY),
        rules.kpi_row(kpi([]), JULY),
    ]
    headline = rules.headline(rows)
    assert headline.rag.as_dict() == {"green": 1, "amber": 0, "red": 1}
    assert headline.ytd_rag.as_dict() == {"green": 1, "amber": 0, "red": 0}
    assert headline.direction.as_dict() == {"improved": 0, "same": 0, "worsened": 0, "new": 2}


@pytest.mark.parametrize(
    ("period", "frequency", "valid"),
    [
        (dt.date(2017, 7, 1), "monthly", True),
        (dt.date(2017, 7, 1), "quarterly", False),
        (dt.date(2017, 6, 1), "quarterly", True),
        (dt.date(2017, 6, 1), "annual", False),
        (dt.date(2018, 3, 1), "annual", True),
        (dt.date(2017, 7, 2), "monthly", False),
    ],
)
def test_valid_periods(period, frequency, valid):
    assert rules.valid_period(period, frequency) is valid


def test_activity_indicator_on_its_year_to_date():
    indicator = Indicator(
        ref="HR13",
        description="e-learning",
        area="a",
        kind="activity",
        shown_as="year_to_date",
        standards=(Standard(2017, lower=Decimal(6250), upper=Decimal(8750)),),
        results=(
            Result(dt.date(2016, 6, 1), None, Decimal(17525)),
            Result(dt.date(2017, 6, 1), Decimal(3471), Decimal(10361)),
        ),
    )
    row = rules.activity_row(indicator, JULY)
    assert (row.value, row.alert, row.previous_year, row.period) == (10361, "above", 17525, dt.date(2017, 6, 1))

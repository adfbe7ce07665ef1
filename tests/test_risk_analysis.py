"""Risk figures (councilplan.analysis.risk): scores, bands at every boundary, direction of travel, heat map,
counts by band and actions due. Plain records, no database."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from councilplan.analysis.risk import (
    DEFAULT_SCALE,
    POSSIBLE_SCORES,
    ActionPoint,
    Band,
    Position,
    ReviewPoint,
    Scale,
    actions_due,
    approximate_date,
    band_for,
    counts_by_band,
    direction,
    heat_map,
    heat_map_rows,
    register_figures,
    score,
    validate_bands,
)

BANDS = DEFAULT_SCALE.bands
D = dt.date


# --- scores ----------------------------------------------------------------------------------------------


def test_score_is_likelihood_times_impact():
    assert score(3, 5) == 15
    assert score(1, 1) == 1
    assert score(5, 5) == 25


@pytest.mark.parametrize("likelihood, impact", [(0, 3), (6, 1), (3, 0), (2, 6), (2.5, 2), (True, 2), ("3", 3)])
def test_score_refuses_anything_but_whole_numbers_1_to_5(likelihood, impact):
    with pytest.raises(ValueError):
        score(likelihood, impact)


def test_only_fourteen_scores_can_happen():
    assert POSSIBLE_SCORES == (1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25)
    assert 7 not in POSSIBLE_SCORES


# --- bands -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, band",
    [
        (1, "low"),
        (6, "low"),  # Low's top edge (2×3, 3×2)
        (8, "medium"),  # Medium's bottom edge (2×4, 4×2)
        (15, "medium"),  # Medium's top edge (3×5, 5×3)
        (16, "high"),  # High's bottom edge (4×4)
        (25, "high"),
    ],
)
def test_kcc_bands_at_every_boundary(value, band):
    # Seed 004 lines 1949–1951: Low = 1-6, Medium = 8-15, High = 16-25.
    assert band_for(value, BANDS).code == band


def test_every_possible_score_has_exactly_one_kcc_band():
    assert [band_for(s, BANDS).code for s in POSSIBLE_SCORES] == ["low"] * 6 + ["medium"] * 5 + ["high"] * 3


def test_seven_is_in_no_band_and_says_so():
    # 7 cannot be a product of two numbers from 1 to 5, so the gap between Low (…6) and Medium (8…) is fine;
    # asked for anyway, it is an error rather than a guess.
    with pytest.raises(ValueError, match="a score of 7 is in no band"):
        band_for(7, BANDS)


def test_a_gap_on_an_impossible_score_is_allowed():
    validate_bands((Band("low", "Low", 1, 6), Band("medium", "Medium", 8, 15), Band("high", "High", 16, 25)))
    # … and closing it makes no difference to any real score.
    closed = (Band("low", "Low", 1, 7), Band("medium", "Medium", 8, 15), Band("high", "High", 16, 25))
    assert [band_for(s, closed).code for s in POSSIBLE_SCORES] == [band_for(s, BANDS).code for s in POSSIBLE_SCORES]


def test_a_gap_on_a_possible_score_is_refused():
    with pytest.raises(ValueError, match="a score of 6 is in no band"):
        validate_bands((Band("low", "Low", 1, 5), Band("medium", "Medium", 8, 15), Band("high", "High", 16, 25)))
    with pytest.raises(ValueError, match="a score of 25 is in no band"):
        Scale((Band("low", "Low", 1, 6), Band("medium", "Medium", 8, 15), Band("high", "High", 16, 24)))


def test_overlapping_bands_are_refused():
    with pytest.raises(ValueError, match="a score of 15 is in more than one band"):
        validate_bands((Band("low", "Low", 1, 6), Band("medium", "Medium", 8, 15), Band("high", "High", 15, 25)))


def test_repeated_codes_and_upside_down_bands_are_refused():
    with pytest.raises(ValueError, match="same code"):
        validate_bands((Band("low", "Low", 1, 12), Band("low", "High", 15, 25)))
    with pytest.raises(ValueError, match="after its end"):
        validate_bands((Band("low", "Low", 6, 1), Band("high", "High", 2, 25)))


def test_labels_and_bands_are_configurable():
    four = Scale(
        (
            Band("green", "Green", 1, 4),
            Band("amber", "Amber", 5, 10),
            Band("red", "Red", 11, 19),
            Band("black", "Black", 20, 25),
        ),
        {3: "Even chance"},
        {5: "Catastrophic"},
    )
    assert [four.band(s).label for s in (4, 5, 10, 12, 16, 20)] == ["Green", "Amber", "Amber", "Red", "Red", "Black"]
    assert four.likelihood(3) == "Even chance (3)"
    assert four.impact(5) == "Catastrophic (5)"
    assert four.impact(2) == "2"  # no label configured: the number alone
    assert counts_by_band([4, 20, 25, 12], four.bands) == {"green": 1, "amber": 0, "red": 1, "black": 2}


def test_kcc_scale_prints_levels_as_the_seed():
    assert DEFAULT_SCALE.likelihood(3) == "Possible (3)"
    assert DEFAULT_SCALE.impact(5) == "Major (5)"
    assert DEFAULT_SCALE.likelihood(5) == "Very Likely (5)"


@given(st.integers(1, 5), st.integers(1, 5), st.integers(1, 5), st.integers(1, 5))
def test_a_higher_score_is_never_in_a_lower_band(l1, i1, l2, i2):
    order = [band.code for band in BANDS]
    a, b = score(l1, i1), score(l2, i2)
    if a <= b:
        assert order.index(band_for(a, BANDS).code) <= order.index(band_for(b, BANDS).code)


# --- direction of travel ---------------------------------------------------------------------------------


def review(day, likelihood, impact, context_changed=False):
    return ReviewPoint(D(2017, *day), likelihood, impact, context_changed)


def test_one_review_is_new():
    assert direction([review((12, 11), 3, 3)]).code == "new"
    assert direction([]).code == "new"


def test_score_fell_is_down_with_the_old_score():
    # CRR0001: "The risk score has reduced from 20 (High) to 15 (Medium)".
    result = direction([review((7, 31), 4, 5), review((12, 11), 3, 5)])
    assert (result.code, result.previous) == ("down", 20)
    assert result.label == "↓ Risk score fell (was 20)"
    assert result.symbol == "↓"


def test_same_score_is_same_even_with_other_factors():
    assert direction([review((7, 31), 4, 4), review((12, 11), 4, 4)]).code == "same"
    # 4×3 and 3×4 are both 12: the score, not its factors, is compared.
    result = direction([review((7, 31), 4, 3), review((12, 11), 3, 4)])
    assert result.code == "same"
    assert result.label == "↔ Risk score unchanged"


def test_score_rose_is_up():
    result = direction([review((7, 31), 2, 4), review((12, 11), 4, 4)])
    assert (result.code, result.previous, result.label) == ("up", 8, "↑ Risk score rose (was 8)")


def test_context_changed_means_no_comparison_whatever_the_scores():
    result = direction([review((7, 31), 5, 5), review((12, 11), 3, 3, context_changed=True)])
    assert result.code == "context_changed"
    assert result.previous is None
    assert result.symbol == "**"


def test_only_the_last_two_reviews_count_in_date_order():
    reviews = [review((12, 11), 3, 4), review((1, 15), 5, 5), review((7, 31), 4, 4)]  # out of order on purpose
    result = direction(reviews)
    assert (result.code, result.previous) == ("down", 16)
    # An earlier context change does not stop the latest comparison.
    assert direction([review((1, 1), 2, 2), review((6, 1), 3, 3, True), review((9, 1), 3, 3)]).code == "same"


def test_direction_labels_cannot_be_read_as_the_kpi_arrows():
    for code, words in [("down", "fell"), ("up", "rose"), ("same", "unchanged")]:
        label = direction(
            [review((1, 1), 3, 3), review((2, 1), {"down": 2, "up": 4, "same": 3}[code], 3)]
        ).label.lower()
        assert "risk score" in label and words in label


# --- heat map and counts ---------------------------------------------------------------------------------


def test_heat_map_places_codes_and_has_25_cells():
    cells = heat_map([Position("A", 4, 5), Position("B", 4, 5), Position("C", 1, 1)])
    assert len(cells) == 25
    assert cells[(4, 5)] == ("A", "B")
    assert cells[(1, 1)] == ("C",)
    assert cells[(5, 5)] == ()
    with pytest.raises(ValueError):
        heat_map([Position("X", 0, 5)])


def test_heat_map_rows_run_most_likely_first_with_score_and_band():
    rows = heat_map_rows(heat_map([Position("A", 4, 4)]), DEFAULT_SCALE)
    assert [row[0].likelihood for row in rows] == [5, 4, 3, 2, 1]
    assert [cell.impact for cell in rows[0]] == [1, 2, 3, 4, 5]
    cell = rows[1][3]
    assert (cell.likelihood, cell.impact, cell.score, cell.band.code, cell.codes) == (4, 4, 16, "high", ("A",))
    # Every cell's band: the top-right corner is High, the bottom-left Low, 2×3 Low, 2×4 Medium.
    assert rows[0][4].band.code == "high" and rows[4][0].band.code == "low"
    assert rows[3][2].band.code == "low" and rows[3][3].band.code == "medium"


def test_register_figures():
    current = [Position("A", 4, 5), Position("B", 3, 3), Position("C", 2, 3)]
    target = [Position("A", 3, 4), Position("B", 2, 3), Position("C", 2, 3)]
    figures = register_figures(current, target, {"A": [review((1, 1), 4, 5), review((2, 1), 4, 5)]}, DEFAULT_SCALE)
    assert figures.current_counts == {"low": 1, "medium": 1, "high": 1}
    assert figures.target_counts == {"low": 2, "medium": 1, "high": 0}
    assert figures.current_map[(4, 5)] == ("A",)
    assert {code: d.code for code, d in figures.directions.items()} == {"A": "same", "B": "new", "C": "new"}


# --- actions ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("March 2018", D(2018, 3, 31)),
        ("January 2018 (review)", D(2018, 1, 31)),
        ("Up to March 2018", D(2018, 3, 31)),
        ("September 2018 (review)", D(2018, 9, 30)),
        ("February 2020", D(2020, 2, 29)),
        ("Sep 2017", D(2017, 9, 30)),
        ("November 2017 to February 2018", D(2018, 2, 28)),
        ("Ongoing", None),
        ("", None),
        ("Spring 2018", None),
    ],
)
def test_approximate_planned_dates(text, expected):
    assert approximate_date(text) == expected


def test_actions_due_by_period_and_status():
    # The quarterly report's table shape (seed 004 line 1843): up to September 2017, then October and beyond.
    actions = (
        [ActionPoint(D(2017, 9, 30), "completed")] * 6
        + [ActionPoint(D(2017, 8, 31), "outstanding")] * 3
        + [ActionPoint(D(2017, 6, 30), "regular_review")] * 3
        + [ActionPoint(D(2017, 10, 31), "completed")] * 3
        + [ActionPoint(D(2017, 12, 31), "outstanding")] * 3
        + [ActionPoint(D(2018, 3, 31), "regular_review")] * 2
        + [ActionPoint(None, "outstanding")]
    )
    rows = actions_due(actions, [("September 2017", D(2017, 9, 30))])
    table = {
        row.label: (row.counts["completed"], row.counts["outstanding"], row.counts["regular_review"]) for row in rows
    }
    assert table == {"September 2017": (6, 3, 3), "After September 2017": (3, 3, 2), "No date": (0, 1, 0)}
    assert [row.total for row in rows] == [12, 8, 1]


def test_actions_due_boundaries_are_inclusive_and_ordered():
    rows = actions_due(
        [ActionPoint(D(2018, 1, 31), "outstanding"), ActionPoint(D(2018, 2, 1), "outstanding")],
        [("January 2018", D(2018, 1, 31)), ("February 2018", D(2018, 2, 28))],
    )
    assert [(row.label, row.total) for row in rows] == [
        ("January 2018", 1),
        ("February 2018", 1),
        ("After February 2018", 0),
        ("No date", 0),
    ]
    with pytest.raises(ValueError, match="earliest first"):
        actions_due([], [("b", D(2018, 2, 1)), ("a", D(2018, 1, 1))])
    with pytest.raises(ValueError, match="unknown action status"):
        actions_due([ActionPoint(None, "done")], [])

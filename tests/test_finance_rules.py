"""The budget monitoring rules (spec/finance.md §3, §4, §8) on hand-worked cases and random ones."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from councilplan.analysis import finance as f

M = 100_000_000  # £1m in pence


def unit(code, directorate="D", name=None, order=0, schools=False):
    return f.Unit(code, name or code, directorate, f"Directorate {directorate}", order, 1, schools)


def line(code, unit_code, net, variance, division=""):
    return f.Line(code, code, unit_code, net, 0, net + variance, 0, division=division)


def test_rounding_is_half_away_from_zero():
    assert f.money(2_752_500 * 100) == "2.753"  # £2,752,500 is half a thousand: away from zero
    assert f.money(-2_752_500 * 100) == "-2.753"
    assert f.money(2_752_499 * 100) == "2.752"
    assert f.money(-49_999 * 100, 1) == "0.0"  # never "-0.0"
    assert f.money(1_529_300_000 * 100, 1) == "1,529.3"
    assert f.thousands(-2_385_200 * 100) == "-2,385.2"
    with pytest.raises(TypeError):
        f.rounded(1.5, 10)  # money is never a float


def test_prose_never_shows_a_bare_minus():
    assert f.variance_words(293_000 * 100) == "a pressure of +£0.293m"
    assert f.variance_words(-1_518_000 * 100) == "an underspend of -£1.518m"
    assert f.movement_words(-2_896_000 * 100) == "an improvement of -£2.896m"
    assert f.movement_words(168_000 * 100) == "an increase in the pressure of +£0.168m"
    assert f.variance_words(0) == "a balanced position"


def test_printed_totals_are_rounded_sums_not_sums_of_printed_parts():
    """§8: S&CS budget 71.175 + -0.011 prints 71.163, because the parts are 71.1745 and -0.0115."""
    units = (unit("X", "S", order=1), unit("PH", "S", order=2))
    lines = (line("a", "X", 71_174_500 * 100, 0), line("b", "PH", -11_500 * 100, 0))
    table = f.table1(f.PositionData("m", units, lines), None)
    assert [f.money(r.budget) for r in table.rows[:3]] == ["71.175", "-0.012", "71.163"]


def test_rnv_last_and_movement_with_a_moved_line():
    """A line that moved takes its last variance to its new unit; each unit keeps its own adjustment."""
    units = (unit("A", order=1), unit("B", order=2))
    last = f.PositionData("aug", units, (line("x", "A", 10 * M, M), line("y", "A", 5 * M, 2 * M)), cda={"A": -M // 2})
    now = f.PositionData(
        "sep",
        units,
        (line("x", "A", 10 * M, M), line("y", "B", 5 * M, 3 * M)),
        cda={"B": -M},
        adjusted=frozenset({"B"}),
    )
    table = f.table1(now, last)
    a, b = table.row("A"), table.row("B")
    assert (a.nfv, a.cda, a.rnv, a.last, a.movement) == (M, 0, M, M - M // 2, M // 2)
    assert (b.nfv, b.cda, b.rnv, b.last, b.movement) == (3 * M, -M, 2 * M, 2 * M, 0)
    assert a.cda_blank and not b.cda_blank
    total = table.total_excl_schools
    assert total.rnv == a.rnv + b.rnv and total.last == a.last + b.last


def test_schools_below_the_line_and_roll_forwards():
    units = (unit("A"), unit("S", schools=True))
    now = f.PositionData(
        "m",
        units,
        (line("x", "A", M, M),),
        schools_variance=3 * M,
        roll_forwards=(f.RollForward("committed", M // 4), f.RollForward("bid", M // 4)),
    )
    table = f.table1(now, None)
    assert [r.kind for r in table.rows] == ["unit", "total_excl", "schools", "total"]
    assert table.total.nfv == 4 * M
    block = {label: current for label, current, _ in table.roll_forward}
    assert block["Total roll forward requirements"] == M // 2
    # the bottom line is the variance plus the roll forwards: slippage carried forward does not improve it
    assert block["(-ve) Uncommitted balance / (+ve) Deficit"] == M + M // 2


def test_capital_headlines_are_inclusive_and_tested_on_the_basis_chosen():
    lines = [
        f.CapitalLine("a", "A", "D", "D", 0, real=-M // 10, rephasing=0, last_real=0, last_rephasing=0),
        f.CapitalLine("b", "B", "D", "D", 0, real=0, rephasing=-M, last_real=0, last_rephasing=0),
        f.CapitalLine("c", "C", "D", "D", 0, real=M // 10 - 1, rephasing=M - 1, last_real=0, last_rephasing=0),
        f.CapitalLine("d", "D", "D", "D", 0, real=5 * M, rephasing=0, last_real=5 * M, last_rephasing=0),
    ]
    assert [(h.line.code, h.kind) for h in f.capital_headlines(lines)] == [("a", "real"), ("b", "rephasing")]
    assert [(h.line.code, h.kind) for h in f.capital_headlines(lines, "variance")] == [
        ("a", "real"),
        ("b", "rephasing"),
        ("d", "real"),
    ]


def test_funding_must_add_up():
    assert f.funding_adds_up(212_700_000, [48_300_000, 150_000_000, 8_400_000, 6_000_000])  # 003 l.721
    assert not f.funding_adds_up(212_700_000, [48_300_000, 150_000_000])


def test_typed_amounts():
    assert f.pence_from_text("-1,361,000") == -136_100_000
    assert f.pence_from_text("£2127000.50") == 212_700_050
    for bad in ("", "abc", "1.234", "1e3x", "nan"):
        with pytest.raises(ValueError):
            f.pence_from_text(bad)
    assert f.pounds_text(-136_100_000) == "-1361000"


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.integers(-(10**11), 10**11), min_size=1, max_size=12))
def test_totals_are_the_rounding_of_the_sum(amounts):
    """Whatever the parts, every subtotal is the sum of the parts held, rounded once (brute force)."""
    units = tuple(unit(f"U{i}", "D", order=i) for i in range(len(amounts)))
    lines = tuple(line(f"L{i}", f"U{i}", amount, amount // 3) for i, amount in enumerate(amounts))
    table = f.table1(f.PositionData("m", units, lines), None)
    total = table.total_excl_schools
    assert total.budget == sum(amounts)
    assert f.money(total.budget) == f.money(sum(amounts))
    assert abs(f.rounded(total.budget, 100_000) - sum(f.rounded(a, 100_000) for a in amounts)) <= len(amounts)


@settings(deadline=None)
@given(st.integers(-(10**12), 10**12), st.integers(1, 10**9))
def test_rounded_matches_a_brute_force_definition(pence, unit_size):
    quotient = abs(pence) // unit_size
    remainder = abs(pence) - quotient * unit_size
    expected = quotient + (1 if 2 * remainder >= unit_size else 0)
    assert f.rounded(pence, unit_size) == (expected if pence >= 0 else -expected)


def test_activity_figures_explain_the_gross_variance():
    record = f.ActivityRecord(
        "2.1",
        "LD",
        "service",
        "Clients",
        7_251_660_700,
        -592_849_900,
        7_436_660_800,
        -601_660_700,
        demand=134_999_900,
        unit_cost=87_521_600,
        other=-37_521_400,
    )
    figures = f.activity_figures(record)
    assert figures.variance[0] == 7_436_660_800 - 7_251_660_700
    assert figures.explained_matches

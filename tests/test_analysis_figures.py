"""Percentages, comparisons and financial-year helpers (spec/monitoring.md §5)."""

from datetime import date

import pytest

from councilplan.analysis.figures import (
    Figure,
    average,
    compare,
    financial_year_bounds,
    financial_year_name,
    long_date,
    parse_round_label,
    percent,
    quarter_bounds,
    quarter_months,
    quarter_name,
)


@pytest.mark.parametrize(
    ("count", "of", "expected"),
    [
        (1, 40, 3),  # 2.5 → 3 (round() would give 2)
        (1, 8, 13),  # 12.5 → 13 (round() would give 12)
        (5, 13, 38),  # 38.46 → 38
        (11, 29, 38),  # 37.93 → 38
        (64, 79, 81),  # 81.01
        (10, 79, 13),  # 12.66
        (3, 79, 4),  # 3.80
        (2, 79, 3),  # 2.53
        (7, 23, 30),  # 30.43
        (1, 13, 8),  # 7.69
        (10, 13, 77),  # 76.92
        (1, 200, 1),  # 0.5 → 1
        (1, 201, 0),  # 0.497…
        (0, 5, 0),
        (5, 5, 100),
        (3, 0, None),
        (0, 0, None),
    ],
)
def test_percent_rounds_half_up(count, of, expected):
    assert percent(count, of) == expected


def test_percent_rejects_negative_numbers():
    with pytest.raises(ValueError, match="non-negative"):
        percent(-1, 5)


def test_figure_from_counts_and_as_dict():
    assert Figure.from_counts(5, 13) == Figure(5, 13, 38)
    assert Figure.from_counts(0, 0).as_dict() == {"count": 0, "of": 0, "percent": None}
    assert list(Figure.from_counts(1, 8).as_dict()) == ["count", "of", "percent"]


def test_average_rounds_half_up_to_two_places():
    assert average(37, 10) == 3.7
    assert average(38, 9) == 4.22  # 4.2222…
    assert average(1, 8) == 0.13  # 0.125 → 0.13
    assert average(5, 0) is None


@pytest.mark.parametrize(
    ("current", "previous", "expected"),
    [
        (10, 7, "up from 7 in Q1"),
        (3, 5, "down from 5 in Q1"),
        (4, 4, "the same as in Q1"),
        (0, 0, "the same as in Q1"),
        (4, None, ""),
        (Figure(10, 79, 13), Figure(7, 79, 9), "up from 7 in Q1"),
    ],
)
def test_compare_words_the_change(current, previous, expected):
    assert compare(current, previous, "Q1") == expected


def test_parse_round_label():
    assert parse_round_label("2019-20 Q2") == (2019, 2)
    assert parse_round_label("1999-00 Q4") == (1999, 4)  # wraps round the century
    assert parse_round_label("2019-20 Q2").label == "2019-20 Q2"


@pytest.mark.parametrize(
    ("label", "message"),
    [
        ("2019-21 Q2", "not a financial year"),
        ("2019-19 Q1", "not a financial year"),
        ("1999-99 Q1", "not a financial year"),
        ("2019-20 Q5", "Q1, Q2, Q3 or Q4"),
        ("2019-20 Q0", "Q1, Q2, Q3 or Q4"),
        ("2019/20 Q2", "YYYY-YY Qn"),
        ("2019-2020 Q2", "YYYY-YY Qn"),
        ("Q2 2019-20", "YYYY-YY Qn"),
        ("", "YYYY-YY Qn"),
    ],
)
def test_parse_round_label_rejects_bad_labels_clearly(label, message):
    with pytest.raises(ValueError, match=message):
        parse_round_label(label)


def test_financial_year_bounds():
    assert financial_year_bounds("2019-20 Q2") == (date(2019, 4, 1), date(2020, 3, 31))
    assert financial_year_bounds("2019-20 Q4") == (date(2019, 4, 1), date(2020, 3, 31))
    assert financial_year_bounds("1999-00 Q1") == (date(1999, 4, 1), date(2000, 3, 31))
    with pytest.raises(ValueError):
        financial_year_bounds("2019-21 Q1")


def test_quarter_names_and_months():
    assert quarter_name("2019-20 Q2") == "Q2"
    assert quarter_months("2019-20 Q1") == "April – June 2019"
    assert quarter_months("2019-20 Q2") == "July – September 2019"
    assert quarter_months("2019-20 Q3") == "October – December 2019"
    assert quarter_months("2019-20 Q4") == "January – March 2020"
    assert financial_year_name("2019-20 Q2") == "2019/20"


def test_quarter_bounds():
    assert quarter_bounds("2019-20 Q1") == (date(2019, 4, 1), date(2019, 6, 30))
    assert quarter_bounds("2019-20 Q3") == (date(2019, 10, 1), date(2019, 12, 31))
    assert quarter_bounds("2019-20 Q4") == (date(2020, 1, 1), date(2020, 3, 31))


def test_long_date():
    assert long_date(date(2020, 10, 1)) == "1 October 2020"

"""Importing results and indicator definitions: all rows or none, every problem named by row, column and value."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from helpers import write_csv
from openpyxl import Workbook

from councilplan.core.exchange import ImportFailed
from councilplan.core.models import Directorate
from councilplan.performance.models import Indicator, Result, ServiceArea, Standard
from councilplan.performance.services import import_indicators, import_results

HEADER = ["ref", "period", "value", "year_to_date", "commentary"]


@pytest.fixture
def indicators(db):
    area = ServiceArea.objects.create(directorate=Directorate.objects.create(name="Finance"), name="Finance")
    monthly = Indicator.objects.create(ref="FN01", description="Pensions", service_area=area)
    quarterly = Indicator.objects.create(ref="HR22", description="H&S plan", service_area=area, frequency="quarterly")
    return monthly, quarterly


def errors_of(call) -> list[tuple[int, str, str]]:
    with pytest.raises(ImportFailed) as failure:
        call()
    return [(e.row, e.column, e.value) for e in failure.value.errors], failure.value.errors


def test_results_are_imported(indicators, tmp_path):
    path = write_csv(
        tmp_path / "r.csv",
        HEADER,
        [["FN01", "2017-07", "100", "99", "On track"], ["hr22", "2017-06", "100%", "", ""]],
    )
    outcome = import_results(path)
    assert (outcome.created, outcome.updated) == (2, 0)
    fn01 = Result.objects.get(indicator__ref="FN01")
    assert (fn01.period, fn01.value, fn01.ytd, fn01.commentary) == (dt.date(2017, 7, 1), 100, 99, "On track")
    assert Result.objects.get(indicator__ref="HR22").value == 100


def test_a_second_import_replaces_the_result_and_keeps_history(indicators, tmp_path):
    import_results(write_csv(tmp_path / "a.csv", HEADER, [["FN01", "2017-07", "98", "", ""]]))
    outcome = import_results(write_csv(tmp_path / "b.csv", HEADER, [["FN01", "2017-07", "1,000.5", "", ""]]))
    assert (outcome.created, outcome.updated) == (0, 1)
    result = Result.objects.get()
    assert result.value == Decimal("1000.5") and result.version == 2
    assert [h.value for h in result.history.order_by("history_date")] == [98, Decimal("1000.5")]


def test_every_bad_cell_is_named_and_nothing_is_written(indicators, tmp_path):
    path = write_csv(
        tmp_path / "bad.csv",
        HEADER,
        [
            ["FN01", "2017-07", "97", "", ""],  # fine, but not written because others are wrong
            ["XX99", "2017-07", "97", "", ""],
            ["FN01", "July 2017", "97", "", ""],
            ["HR22", "2017-07", "97", "", ""],
            ["FN01", "2017-08", "ninety", "9x", ""],
            ["FN01", "2017-09", "", "", "no figures"],
            ["FN01", "2017-07", "96", "", ""],
            ["", "2017-07", "1", "", ""],
            ["FN01", "", "1", "", ""],
        ],
    )
    found, errors = errors_of(lambda: import_results(path))
    assert found == [
        (3, "ref", "XX99"),
        (4, "period", "July 2017"),
        (5, "period", "2017-07"),
        (6, "value", "ninety"),
        (6, "year_to_date", "9x"),
        (7, "value", ""),
        (8, "period", "2017-07"),
        (9, "ref", ""),
        (10, "period", ""),
    ]
    messages = [e.message for e in errors]
    assert "is not a known indicator reference" in messages[0]
    assert "quarter" in messages[2]
    assert "row 2" in messages[6]  # the duplicate names the first row
    assert "bad.csv row 6, column value (value 'ninety')" in str(errors[3])
    assert Result.objects.count() == 0


def test_unknown_and_missing_columns(indicators, tmp_path):
    path = write_csv(tmp_path / "cols.csv", ["ref", "month", "value"], [["FN01", "2017-07", "1"]])
    found, errors = errors_of(lambda: import_results(path))
    assert found == [(1, "month", ""), (1, "period", "")]
    assert "is not a known column" in errors[0].message and "required column is missing" in errors[1].message


def test_an_empty_file_and_a_wrong_type(indicators, tmp_path):
    empty = write_csv(tmp_path / "empty.csv", HEADER, [])
    assert "no rows" in errors_of(lambda: import_results(empty))[1][0].message
    other = tmp_path / "r.txt"
    other.write_text("ref\n", encoding="utf-8")
    assert "csv or .xlsx" in errors_of(lambda: import_results(other))[1][0].message


def test_xlsx_with_typed_cells(indicators, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(["FN01", dt.datetime(2017, 7, 1), 99.5, 98, "Typed <b>as</b> text"])
    sheet.append(["FN01", "2017-06", "abc", None, None])
    workbook.save(tmp_path / "r.xlsx")
    found, _ = errors_of(lambda: import_results(tmp_path / "r.xlsx"))
    assert found == [(3, "value", "abc")]
    sheet.delete_rows(3)
    workbook.save(tmp_path / "r.xlsx")
    import_results(tmp_path / "r.xlsx")
    result = Result.objects.get()
    assert (result.period, result.value, result.ytd) == (dt.date(2017, 7, 1), Decimal("99.5"), 98)
    assert result.commentary == "Typed <b>as</b> text"


def test_import_command_lists_errors_and_exits_2(indicators, tmp_path):
    path = write_csv(tmp_path / "bad.csv", HEADER, [["FN01", "2017-13", "1", "", ""]])
    with pytest.raises(CommandError) as failure:
        call_command("import_kpi_results", str(path))
    assert failure.value.returncode == 2
    assert "bad.csv row 2, column period (value '2017-13')" in str(failure.value)
    assert Result.objects.count() == 0


INDICATOR_HEADER = ["ref", "kind", "description", "directorate", "service_area", "delivery_partner", "polarity",
                    "paired_with"]  # fmt: skip


def test_indicator_definitions_with_standards(db, tmp_path):
    indicators = write_csv(
        tmp_path / "i.csv",
        INDICATOR_HEADER,
        [
            ["PI01", "kpi", "Rent outstanding", "S&CS", "Property", "Infrastructure", "lower", ""],
            ["PI01b", "activity", "Total rent", "S&CS", "Property", "Infrastructure", "", "PI01"],
        ],
    )
    standards = write_csv(
        tmp_path / "s.csv", ["ref", "year", "target", "floor", "lower", "upper"], [["PI01", "2017", "5", "15", "", ""]]
    )
    import_indicators(indicators, standards)
    assert Indicator.objects.get(ref="PI01b").paired_with.ref == "PI01"
    standard = Standard.objects.get()
    assert (standard.year, standard.target, standard.floor) == (2017, 5, 15)


def test_indicator_definition_errors(db, tmp_path):
    indicators = write_csv(
        tmp_path / "i.csv",
        INDICATOR_HEADER,
        [
            ["A1", "kpi", "One", "S&CS", "Area", "", "sideways", ""],
            ["A2", "sort of", "Two", "S&CS", "Area", "", "", ""],
            ["A3", "kpi", "Three", "S&CS", "Area", "", "", "A1"],
            ["A4", "activity", "Four", "S&CS", "Area", "", "", "ZZ"],
            ["A1", "kpi", "", "S&CS", "Area", "", "", ""],
        ],
    )
    standards = write_csv(
        tmp_path / "s.csv",
        ["ref", "year", "target", "floor", "lower", "upper"],
        [["A3", "2017", "90", "95", "", ""], ["A3", "20x7", "", "", "10", "5"], ["Q9", "2017", "", "", "", ""]],
    )
    found, errors = errors_of(lambda: import_indicators(indicators, standards))
    assert found == [
        (2, "polarity", "sideways"),
        (3, "kind", "sort of"),
        (6, "ref", "A1"),
        (6, "description", ""),
        (4, "paired_with", "A1"),
        (5, "paired_with", "ZZ"),
        (2, "floor", "95"),
        (3, "year", "20x7"),
        (4, "ref", "Q9"),
    ]
    assert "floor standard must be at or below the target" in errors[6].message
    assert Indicator.objects.count() == 0 and ServiceArea.objects.count() == 0

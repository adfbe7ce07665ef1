"""The register's import: atomic, naming every bad row, column and value; a good file creates and updates."""

import pytest
from contracts_support import make_contract
from helpers import write_csv

from councilplan.contracts.models import Contract, Supplier
from councilplan.contracts.services import REGISTER_COLUMNS, import_register
from councilplan.core.exchange import ImportFailed

pytestmark = pytest.mark.django_db

HEADER = [
    "reference",
    "title",
    "department",
    "supplier_name",
    "company_number",
    "sme",
    "vcse",
    "total_value",
    "annual_value",
    "start_date",
    "end_date",
    "route",
    "tier",
    "contract_manager",
]


def test_a_good_file_creates_and_updates(tmp_path):
    make_contract("C-001", "Old title", total_value=10_000_00)
    path = write_csv(
        tmp_path / "register.csv",
        HEADER,
        [
            [
                "C-001",
                "Home care",
                "Adult Social Care and Health",
                "Acme Care Ltd",
                "01234567",
                "yes",
                "no",
                "£1,250,000.50",
                "250000",
                "2019-04-01",
                "31/03/2030",
                "Published invitation to tender",
                "gold",
                "ann@example.gov.uk",
            ],
            [
                "C-002",
                "Breaks",
                "",
                "Kent Carers Trust",
                "",
                "",
                "yes",
                "4,000",
                "",
                "2019-04-01",
                "2020-03-31",
                "quote",
                "",
                "",
            ],
        ],
    )
    result = import_register(path)
    assert (result.created, result.updated, result.unchanged) == (1, 1, 0)
    assert result.warnings == ["C-002: £5,000 or less, so it is on the register but not in the Transparency Code data."]
    first = Contract.objects.get(reference="C-001")
    assert (first.title, first.total_value, first.annual_value, first.route, first.tier) == (
        "Home care",
        125_000_050,
        25_000_000,
        "tender",
        "gold",
    )
    assert (
        first.directorate.name == "Adult Social Care and Health"
        and first.contract_manager.email == "ann@example.gov.uk"
    )
    assert Supplier.objects.get(name="Acme Care Ltd").sme is True
    assert Supplier.objects.get(name="Kent Carers Trust").sme is None
    assert import_register(path).unchanged == 2


def test_every_bad_row_is_named_and_nothing_is_written(tmp_path):
    path = write_csv(
        tmp_path / "register.csv",
        HEADER,
        [
            ["C-001", "Fine", "", "Acme", "", "", "", "1000", "", "2019-04-01", "2020-03-31", "", "", ""],
            [
                "C-002",
                "",
                "",
                "Acme",
                "",
                "maybe",
                "",
                "lots",
                "",
                "2019-02-30",
                "2018-01-01",
                "auction",
                "platinum",
                "",
            ],
            ["C-001", "Again", "", "", "", "", "", "10", "", "2019-04-01", "2020-03-31", "", "", ""],
        ],
    )
    with pytest.raises(ImportFailed) as failure:
        import_register(path)
    messages = [str(e) for e in failure.value.errors]
    assert "register.csv row 3, column title: is required" in messages
    assert "register.csv row 3, column sme (value 'maybe'): must be yes or no" in messages
    assert any(m.startswith("register.csv row 3, column total_value (value 'lots')") for m in messages)
    assert any(m.startswith("register.csv row 3, column start_date (value '2019-02-30')") for m in messages)
    assert any(m.startswith("register.csv row 3, column route (value 'auction')") for m in messages)
    assert any(m.startswith("register.csv row 3, column tier (value 'platinum')") for m in messages)
    assert any(m.startswith("register.csv row 4, column reference (value 'C-001'): appears twice") for m in messages)
    assert any(m.startswith("register.csv row 4, column supplier_name") for m in messages)
    assert Contract.objects.count() == 0 and Supplier.objects.count() == 0


def test_unknown_and_missing_columns(tmp_path):
    path = write_csv(tmp_path / "register.csv", ["reference", "title", "colour"], [["C-1", "T", "red"]])
    with pytest.raises(ImportFailed) as failure:
        import_register(path)
    messages = [str(e) for e in failure.value.errors]
    assert any("colour" in m and "is not a known column" in m for m in messages)
    assert {"supplier_name", "total_value", "start_date", "end_date"} <= {e.column for e in failure.value.errors}
    assert set(REGISTER_COLUMNS) >= {"reference", "activities", "risks"}


def test_excel_with_hostile_text_round_trips_safely(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(
        [
            "C-9",
            "=cmd|' /C calc'!A0",
            "",
            "<script>x</script>",
            "",
            "",
            "",
            6000,
            "",
            "2019-04-01",
            "2020-03-31",
            "",
            "",
            "",
        ]
    )
    sheet["B2"].data_type = "s"  # typed as text, as a council's sheet holding such a title would be
    workbook.save(tmp_path / "register.xlsx")
    import_register(tmp_path / "register.xlsx")
    contract = Contract.objects.get(reference="C-9")
    assert contract.title == "=cmd|' /C calc'!A0" and contract.supplier.name == "<script>x</script>"
    assert contract.total_value == 600_000

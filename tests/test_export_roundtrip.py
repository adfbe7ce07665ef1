"""export → import → export gives the same rows, in CSV and XLSX."""

import csv
import io

import pytest
from django.core.management import call_command
from helpers import write_csv
from openpyxl import load_workbook

from councilplan.monitoring.questions import RETURN_COLUMNS
from councilplan.monitoring.services import import_returns
from councilplan.plan.services import ACTIVITY_COLUMNS, import_plan

pytestmark = pytest.mark.django_db

FULL_RETURN = {
    "ref": "2",
    "delivery_status": "remedial_action",
    "progress": '=HYPERLINK("http://evil","x") and +cmd',
    "milestone_approval_to_proceed": "2019-10-01",
    "milestone_eqia_screening": "2019-11-01 (estimated)",
    "milestone_consultation_start": "Spring 2020",
    "milestone_key_decision": "",
    "milestone_go_live": "2020-09-01",
    "milestone_other": "2020-01-15 – Contract award",
    "new_end_date": "2020-10-01",
    "new_go_live_date": "",
    "date_change_reason": "Procurement delayed",
    "date_change_factor": "external",
    "issues": "capacity;dependencies",
    "issue_detail": "@SUM(A1) ‮ right-to-left",
    "previous_issues_resolution": "",
    "mitigations": "yes",
    "mitigation_detail": "Working group 🙂",
    "risk_registers": "project_programme;corporate",
    "reported_to": "cmm;scb",
    "expected_to_report_to": "cabinet_committee",
    "forward_plan_scheduled": "no",
    "project_status": "bau",
    "status_reason": "-1 business as usual",
    "remain_in_monitoring": "yes",
    "form_rating": "3",
}


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_round_trip(small_plan, tmp_path, suffix):
    on_track = dict.fromkeys(RETURN_COLUMNS, "") | {
        "ref": "1",
        "delivery_status": "on_track",
        "mitigations": "no",
        "forward_plan_scheduled": "no",
    }
    write_csv(
        tmp_path / "in.csv",
        RETURN_COLUMNS,
        [[FULL_RETURN[c] for c in RETURN_COLUMNS], [on_track[c] for c in RETURN_COLUMNS]],
    )
    import_returns(tmp_path / "in.csv", "2019-20 Q2")

    first_plan, first_returns = tmp_path / f"plan1{suffix}", tmp_path / f"returns1{suffix}"
    call_command("export_plan", "--output", str(first_plan), stdout=io.StringIO())
    call_command("export_returns", "--round", "2019-20 Q2", "--output", str(first_returns), stdout=io.StringIO())

    # Into a fresh plan, then out again.
    import_plan(first_plan, "Copy")
    import_returns(first_returns, "2019-20 Q2", plan_name="Copy")
    second_plan, second_returns = tmp_path / f"plan2{suffix}", tmp_path / f"returns2{suffix}"
    call_command("export_plan", "--plan", "Copy", "--output", str(second_plan), stdout=io.StringIO())
    call_command(
        "export_returns",
        "--plan",
        "Copy",
        "--round",
        "2019-20 Q2",
        "--output",
        str(second_returns),
        stdout=io.StringIO(),
    )

    rows = read_rows(first_returns)
    assert rows == read_rows(second_returns)
    assert read_rows(first_plan) == read_rows(second_plan)
    # the organisation's GSS code last (core.identifiers), which the importers ignore
    assert rows[0] == [*RETURN_COLUMNS, "gss_code"] and read_rows(first_plan)[0] == [*ACTIVITY_COLUMNS, "gss_code"]
    # Every answer came back as it went in (the order of columns is the format's).
    exported = dict(zip(rows[0], rows[2], strict=True))  # row 1 is activity 1
    assert {c: unguard(exported[c]) for c in RETURN_COLUMNS} == FULL_RETURN


def read_rows(path):
    if path.suffix == ".csv":
        return read_csv(path)
    sheet = load_workbook(path, read_only=True).worksheets[0]
    return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]


def unguard(value):
    return value[1:] if value.startswith("'") else value


def test_exported_spreadsheets_never_hold_formulas(small_plan, tmp_path):
    write_csv(tmp_path / "in.csv", RETURN_COLUMNS, [[FULL_RETURN[c] for c in RETURN_COLUMNS]])
    import_returns(tmp_path / "in.csv", "2019-20 Q2")
    call_command(
        "export_returns",
        "--round",
        "2019-20 Q2",
        "--output",
        str(tmp_path / "r.xlsx"),
        stdout=io.StringIO(),
    )
    call_command(
        "export_returns",
        "--round",
        "2019-20 Q2",
        "--output",
        str(tmp_path / "r.csv"),
        stdout=io.StringIO(),
    )
    cells = [c for row in load_workbook(tmp_path / "r.xlsx").worksheets[0].iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)
    progress = next(c for c in cells if isinstance(c.value, str) and "HYPERLINK" in c.value)
    assert progress.data_type == "s" and progress.value.startswith("=HYPERLINK")  # shown exactly as typed
    csv_rows = read_csv(tmp_path / "r.csv")
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in csv_rows for cell in row)

"""councilplan import-plan: the activities table of docs/data-format.md, all rows or none."""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from helpers import ACTIVITY_HEADER, write_csv

from councilplan.core.exchange import ImportFailed, Mapping
from councilplan.core.models import Outcome, User
from councilplan.plan.models import Activity, Plan
from councilplan.plan.services import import_plan

pytestmark = pytest.mark.django_db


def test_imports_activities_outcomes_people_and_directorates(small_plan):
    activities = {a.ref: a for a in small_plan.activities.select_related("outcome", "lead_officer")}
    assert list(activities) == ["1", "2", "10"]  # numeric order, not text order
    assert activities["2"].activity_type == "infrastructure_commissioning"  # label accepted
    assert activities["2"].end_date == dt.date(2019, 8, 31)  # UK date accepted
    assert activities["1"].lead_officer.email == "ann.officer@example.gov.uk"
    assert activities["2"].lead_officer.name == "Bob Officer"
    assert not activities["2"].lead_officer.has_usable_password()
    assert activities["10"].lead_officer is None
    assert [o.title for o in Outcome.objects.order_by("order")] == ["Best start in life", "Economic growth"]


def test_importing_again_updates_and_keeps_history(small_plan, small_plan_file, tmp_path):
    changed = write_csv(
        tmp_path / "plan2.csv",
        ["ref", "title", "outcome", "activity_type", "end_date"],
        [["1", "Schools commissioning plan (revised)", "Best start in life", "people_commissioning", "2020-06-30"]],
    )
    result = import_plan(changed, "Test plan")
    assert (result.created, result.updated) == (0, 1)
    activity = Activity.objects.get(plan=small_plan, ref="1")
    assert activity.title == "Schools commissioning plan (revised)"
    titles = [h.title for h in activity.history.order_by("history_date")]
    assert titles == ["Schools commissioning plan", "Schools commissioning plan (revised)"]
    assert Activity.objects.filter(plan=small_plan).count() == 3


def bad_file(tmp_path, rows, header=ACTIVITY_HEADER):
    return write_csv(tmp_path / "bad.csv", header, rows)


GOOD = ["1", "A title", "An outcome", "strategy_policy", "2020-03-31", "", ""]


@pytest.mark.parametrize(
    ("row", "column", "value", "message"),
    [
        (["", "A title", "An outcome", "strategy_policy", "2020-03-31", "", ""], "ref", "", "is required"),
        (
            ["2", "A title", "An outcome", "knitting", "2020-03-31", "", ""],
            "activity_type",
            "knitting",
            "is not a known activity type",
        ),
        (
            ["2", "A title", "An outcome", "strategy_policy", "31/02/2020", "", ""],
            "end_date",
            "31/02/2020",
            "is not a real date",
        ),
        (["2", "A title", "An outcome", "strategy_policy", "", "", ""], "end_date", "", "is required"),
        (["2", "", "An outcome", "strategy_policy", "2020-03-31", "", ""], "title", "", "is required"),
        (["1", "Again", "An outcome", "strategy_policy", "2020-03-31", "", ""], "ref", "1", "appears twice"),
    ],
)
def test_a_bad_row_is_named_and_nothing_is_written(tmp_path, row, column, value, message):
    path = bad_file(tmp_path, [GOOD, row])
    with pytest.raises(ImportFailed) as failure:
        import_plan(path, "New plan")
    [error] = failure.value.errors
    assert (error.row, error.column, error.value) == (3, column, value)
    assert message in error.message
    assert f"bad.csv row 3, column {column}" in str(failure.value)
    assert not Plan.objects.exists() and not Activity.objects.exists() and not Outcome.objects.exists()


def test_every_bad_row_is_listed_not_just_the_first(tmp_path):
    rows = [GOOD] + [[str(n), "T", "O", "strategy_policy", "2020-13-01", "", ""] for n in range(2, 7)]
    with pytest.raises(ImportFailed) as failure:
        import_plan(bad_file(tmp_path, rows), "New plan")
    assert [(e.row, e.column) for e in failure.value.errors] == [(n, "end_date") for n in range(3, 8)]


def test_unknown_and_missing_columns_are_errors(tmp_path):
    path = write_csv(
        tmp_path / "bad.csv", ["ref", "title", "outcome", "end_date", "colour"], [["1", "T", "O", "2020-03-31", "red"]]
    )
    with pytest.raises(ImportFailed) as failure:
        import_plan(path, "New plan")
    found = {(e.row, e.column, e.message.split(";")[0]) for e in failure.value.errors}
    assert found == {(1, "colour", "is not a known column"), (1, "activity_type", "required column is missing")}
    assert not Plan.objects.exists()


def test_a_failure_part_way_through_writing_leaves_nothing(tmp_path, monkeypatch):
    """Atomic even when the database refuses a row after others were written."""
    from councilplan.plan import services

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "bulk_create_with_history", fail)
    with pytest.raises(RuntimeError):
        import_plan(
            bad_file(tmp_path, [GOOD], ACTIVITY_HEADER),
            "New plan",
        )
    assert not Plan.objects.exists() and not Outcome.objects.exists()


def test_command_exits_non_zero_and_prints_each_error(tmp_path, capsys):
    path = bad_file(tmp_path, [GOOD, ["2", "T", "O", "nonsense", "2020-02-30", "", ""]])
    with pytest.raises(CommandError) as failure:
        call_command("import_plan", str(path), "--plan", "P")
    message = str(failure.value)
    assert "bad.csv row 3, column activity_type (value 'nonsense'): is not a known activity type" in message
    assert "bad.csv row 3, column end_date (value '2020-02-30'): is not a real date" in message
    assert failure.value.returncode == 2


def test_mapping_renames_columns_ignores_others_and_translates_answers(tmp_path):
    path = write_csv(
        tmp_path / "forms.csv",
        ["ID", "Activity number", "Activity name", "Strategic outcome", "Type", "Planned end"],
        [["17", "5", "Parking review", "Economic growth", "Policy work", "01/04/2020"]],
    )
    mapping = tmp_path / "mapping.json"
    mapping.write_text(
        '{"columns": {"ID": null, "Activity number": "ref", "Activity name": "title", '
        '"Strategic outcome": "outcome", "Type": "activity_type", "Planned end": "end_date"}, '
        '"values": {"activity_type": {"Policy work": "strategy_policy"}}}'
    )
    import_plan(path, "Mapped", Mapping.load(mapping))
    activity = Activity.objects.get(plan__name="Mapped", ref="5")
    assert (activity.title, activity.activity_type, activity.end_date) == (
        "Parking review",
        "strategy_policy",
        dt.date(2020, 4, 1),
    )


def test_xlsx_with_typed_dates(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["ref", "title", "outcome", "activity_type", "end_date"])
    sheet.append([7, "Typed", "Outcome", "service_change", dt.datetime(2020, 3, 31)])
    workbook.save(tmp_path / "plan.xlsx")
    import_plan(tmp_path / "plan.xlsx", "X")
    activity = Activity.objects.get(plan__name="X")
    assert (activity.ref, activity.end_date) == ("7", dt.date(2020, 3, 31))


def test_people_are_matched_not_duplicated(small_plan, tmp_path):
    path = write_csv(
        tmp_path / "p.csv",
        ACTIVITY_HEADER,
        [
            ["3", "T", "O", "strategy_policy", "2020-01-01", "ANN.OFFICER@example.gov.uk", ""],
            ["4", "T", "O", "strategy_policy", "2020-01-01", "bob officer", ""],
        ],
    )
    import_plan(path, "Test plan")
    assert User.objects.count() == 2


def test_a_lead_officer_given_as_name_and_address_is_found_by_address_and_named(db, tmp_path):
    from helpers import ACTIVITY_HEADER, write_csv

    from councilplan.core.models import User
    from councilplan.plan.models import Plan
    from councilplan.plan.services import import_plan

    User.objects.create(username="ann", email="ann.officer@kent.gov.uk")  # known by address, not yet named
    rows = [
        ["1", "One", "An outcome", "strategy_policy", "2021-03-31", "Ann Officer <Ann.Officer@kent.gov.uk>", ""],
        ["2", "Two", "An outcome", "strategy_policy", "2021-03-31", '"Smith, Jo" <jo.smith@kent.gov.uk>', ""],
    ]
    import_plan(write_csv(tmp_path / "plan.csv", ACTIVITY_HEADER, rows), "Named plan")
    leads = {
        a.ref: a.lead_officer for a in Plan.objects.get(name="Named plan").activities.select_related("lead_officer")
    }
    assert (leads["1"].username, leads["1"].name) == ("ann", "Ann Officer")
    assert (leads["2"].email, leads["2"].name, str(leads["2"])) == ("jo.smith@kent.gov.uk", "Smith, Jo", "Smith, Jo")

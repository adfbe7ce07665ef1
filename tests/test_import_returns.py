"""councilplan import-returns: one round's returns, all rows or none (spec/monitoring.md §4)."""

import pytest
from django.core.management import CommandError, call_command
from helpers import write_csv

from councilplan.core.exchange import ImportFailed, Mapping
from councilplan.monitoring.models import Return, Round
from councilplan.monitoring.services import import_returns

pytestmark = pytest.mark.django_db

HEADER = [
    "ref",
    "delivery_status",
    "issues",
    "mitigations",
    "risk_registers",
    "form_rating",
    "milestone_go_live",
    "milestone_other",
    "reported_to",
    "project_status",
    "remain_in_monitoring",
]
ON_TRACK = ["1", "on_track", "", "", "", "4", "2020-01-31", "", "cmm;scb", "", ""]
REMEDIAL = [
    "2",
    "It requires remedial action",
    "Capacity;dependencies;",
    "yes",
    "project_programme",
    "",
    "",
    "",
    "",
    "",
    "",
]


def returns_file(tmp_path, rows, header=HEADER, name="returns.csv"):
    return write_csv(tmp_path / name, header, rows)


def test_imports_a_round_of_returns(small_plan, tmp_path):
    result = import_returns(returns_file(tmp_path, [ON_TRACK, REMEDIAL]), "2019-20 Q2")
    assert (result.created, result.updated) == (2, 0)
    round_ = Round.objects.get(plan=small_plan, label="2019-20 Q2")  # created by the import
    first, second = round_.returns.order_by("activity__sort_key")
    assert first.state == "submitted" and first.form_rating == 4
    assert first.milestones == {"go_live": {"date": "2020-01-31", "estimated": False, "text": ""}}
    assert first.reported_to == ["cmm", "scb"]
    assert second.delivery_status == "remedial_action"  # label accepted, any case
    assert second.issues == ["capacity", "dependencies"]  # MS Forms' trailing ';' ignored
    assert second.mitigations is True and second.risk_registers == ["project_programme"]
    assert second.project_status == "active" and second.remain_in_monitoring is None


@pytest.mark.parametrize(
    ("row", "column", "value", "message"),
    [
        (["99", "on_track", "", "", "", "", "", "", "", "", ""], "ref", "99", "is not an activity of the plan"),
        (
            ["2", "fine", "", "", "", "", "", "", "", "", ""],
            "delivery_status",
            "fine",
            "is not a known delivery status",
        ),
        (["2", "", "", "", "", "", "", "", "", "", ""], "delivery_status", "", "is required"),
        (["2", "unlikely", "", "", "", "", "", "", "", "", ""], "issues", "", "at least one issue theme"),
        (["2", "unlikely", "weather", "", "", "", "", "", "", "", ""], "issues", "weather", "not a known issue theme"),
        (["2", "on_track", "", "", "", "6", "", "", "", "", ""], "form_rating", "6", "from 1 to 5"),
        (["2", "on_track", "", "", "", "0", "", "", "", "", ""], "form_rating", "0", "from 1 to 5"),
        (
            ["2", "on_track", "", "", "", "", "31/02/2020", "", "", "", ""],
            "milestone_go_live",
            "31/02/2020",
            "not a real date",
        ),
        (["2", "on_track", "", "maybe", "", "", "", "", "", "", ""], "mitigations", "maybe", "yes or no"),
        (
            ["2", "on_track", "", "", "", "", "", "", "the pub", "", ""],
            "reported_to",
            "the pub",
            "not a known governance board",
        ),
        (
            ["2", "unlikely", "legal", "", "attic", "", "", "", "", "", ""],
            "risk_registers",
            "attic",
            "not a known risk register level",
        ),
        (
            ["2", "on_track", "", "", "", "", "", "", "", "paused", ""],
            "project_status",
            "paused",
            "not a known project status",
        ),
        (
            ["2", "on_track", "", "", "", "", "", "", "", "bau", "perhaps"],
            "remain_in_monitoring",
            "perhaps",
            "yes or no",
        ),
        (["1", "on_track", "", "", "", "", "", "", "", "", ""], "ref", "1", "appears twice"),
    ],
)
def test_a_bad_row_is_named_and_nothing_is_written(small_plan, tmp_path, row, column, value, message):
    with pytest.raises(ImportFailed) as failure:
        import_returns(returns_file(tmp_path, [ON_TRACK, row]), "2019-20 Q2")
    [error] = failure.value.errors
    assert (error.row, error.column, error.value) == (3, column, value)
    assert message in error.message
    assert not Return.objects.exists() and not Round.objects.exists()


def test_every_bad_row_and_column_is_reported_together(small_plan, tmp_path):
    rows = [["1", "unlikely", "", "", "", "9", "", "", "", "", ""], ["7", "nope", "", "", "", "", "", "", "", "", ""]]
    with pytest.raises(ImportFailed) as failure:
        import_returns(returns_file(tmp_path, rows), "2019-20 Q2")
    assert sorted((e.row, e.column) for e in failure.value.errors) == [
        (2, "form_rating"),
        (2, "issues"),
        (3, "delivery_status"),
        (3, "ref"),
    ]


def test_unknown_column_and_bad_round_label(small_plan, tmp_path):
    path = returns_file(tmp_path, [["1", "on_track", "x"]], header=["ref", "delivery_status", "mood"])
    with pytest.raises(ImportFailed) as failure:
        import_returns(path, "2019-20 Q2")
    assert [(e.row, e.column) for e in failure.value.errors] == [(1, "mood")]
    with pytest.raises(ImportFailed) as failure:
        import_returns(returns_file(tmp_path, [ON_TRACK]), "2019-21 Q2")
    assert "is not a financial year" in str(failure.value)
    assert not Round.objects.exists()


def test_reimport_replaces_answers_and_history_keeps_the_old_ones(small_plan, tmp_path):
    import_returns(returns_file(tmp_path, [ON_TRACK, REMEDIAL]), "2019-20 Q2")
    better = ["2", "on_track", "", "", "", "", "", "", "", "", ""]
    result = import_returns(returns_file(tmp_path, [better], name="again.csv"), "2019-20 Q2")
    assert (result.created, result.updated) == (0, 1)
    ret = Return.objects.get(activity__ref="2")
    assert ret.delivery_status == "on_track" and ret.version == 2
    assert [h.delivery_status for h in ret.history.order_by("history_date")] == ["remedial_action", "on_track"]
    # The same file again changes nothing.
    result = import_returns(returns_file(tmp_path, [better], name="again.csv"), "2019-20 Q2")
    assert (result.created, result.updated) == (0, 0)
    assert ret.history.count() == 2


def test_plan_may_be_left_out_only_when_there_is_one(small_plan, tmp_path):
    from councilplan.plan.models import Plan

    Plan.objects.create(name="Another plan")
    with pytest.raises(ImportFailed) as failure:
        import_returns(returns_file(tmp_path, [ON_TRACK]), "2019-20 Q2")
    assert "more than one plan" in str(failure.value)
    import_returns(returns_file(tmp_path, [ON_TRACK]), "2019-20 Q2", plan_name="Test plan")
    assert Return.objects.count() == 1


def test_warns_about_issues_on_a_return_that_is_on_track(small_plan, tmp_path):
    row = ["1", "on_track", "capacity", "yes", "", "", "", "", "", "", ""]
    result = import_returns(returns_file(tmp_path, [row]), "2019-20 Q2")
    assert len(result.warnings) == 1 and "row 2" in result.warnings[0]


def test_milestone_cells(small_plan, tmp_path):
    header = ["ref", "delivery_status", "milestone_key_decision", "milestone_consultation_start", "milestone_other"]
    rows = [["1", "on_track", "01/12/2019 (estimated)", "Spring 2020", "2020-03-01 – Contract award"]]
    import_returns(returns_file(tmp_path, rows, header=header), "2019-20 Q2")
    assert Return.objects.get().milestones == {
        "key_decision": {"date": "2019-12-01", "estimated": True, "text": ""},
        "consultation_start": {"date": None, "estimated": True, "text": "Spring 2020"},
        "other": {"date": "2020-03-01", "estimated": False, "text": "Contract award"},
    }


def test_mapping_for_a_microsoft_forms_export(small_plan, tmp_path):
    header = [
        "ID",
        "Start time",
        "Email",
        "SDP activity number",
        "Is the activity on track to be delivered successfully?",
        "What issues?",
    ]
    rows = [["1", "9/1/19 10:00", "x@example.org", "2", "Needs remedial action", "Capacity;Other;"]]
    path = returns_file(tmp_path, rows, header=header)
    mapping = tmp_path / "forms.json"
    mapping.write_text(
        '{"columns": {"ID": null, "Start time": null, "Email": null, "SDP activity number": "ref",'
        ' "Is the activity on track to be delivered successfully?": "delivery_status", "What issues?": "issues"},'
        ' "values": {"delivery_status": {"Needs remedial action": "remedial_action"}}}'
    )
    import_returns(path, "2019-20 Q2", mapping=Mapping.load(mapping))
    ret = Return.objects.get()
    assert (ret.activity.ref, ret.delivery_status, ret.issues) == ("2", "remedial_action", ["capacity", "other"])


def test_command_reports_errors_and_exit_code(small_plan, tmp_path):
    path = returns_file(tmp_path, [["1", "unlikely", "", "", "", "", "", "", "", "", ""]])
    with pytest.raises(CommandError) as failure:
        call_command("import_returns", str(path), "--round", "2019-20 Q1")
    assert "returns.csv row 2, column issues: a return that is not on track must name at least one issue theme" in str(
        failure.value
    )
    assert failure.value.returncode == 2


def test_large_file_streams_with_progress(db, tmp_path):
    """10,000 activities and their returns; progress is reported on the way."""
    from councilplan.plan.services import import_plan

    n = 10_000
    plan_path = write_csv(
        tmp_path / "plan.csv",
        ["ref", "title", "outcome", "activity_type", "end_date"],
        [[str(i), f"Activity {i}", f"Outcome {i % 4}", "service_change", "2020-03-31"] for i in range(1, n + 1)],
    )
    import_plan(plan_path, "Big")
    rows = [
        [str(i), "on_track" if i % 7 else "unlikely", "" if i % 7 else "capacity", "", "", "", "", "", "", "", ""]
        for i in range(1, n + 1)
    ]
    seen: list[int] = []
    result = import_returns(returns_file(tmp_path, rows), "2020-21 Q1", progress=seen.append)
    assert result.created == n
    assert seen == list(range(1000, n + 1, 1000))
    assert Return.objects.filter(delivery_status="unlikely").count() == n // 7

"""The return's questions are declared once (councilplan.monitoring.questions): the model, the form, the exchange
columns, the analysis record and the rules all follow the declaration."""

import dataclasses

import pytest

from councilplan.analysis import records
from councilplan.analysis.records import Vocabularies
from councilplan.monitoring import questions
from councilplan.monitoring.forms import ReturnForm
from councilplan.monitoring.models import Return
from councilplan.monitoring.rules import validate_answers

# spec/monitoring.md §4, typed from the spec's table (with the two columns the project added and documented:
# date_change_factor and previous_issues_resolution), in the order exports write them.
SPEC_COLUMNS = [
    "ref",
    "delivery_status",
    "progress",
    "milestone_approval_to_proceed",
    "milestone_eqia_screening",
    "milestone_consultation_start",
    "milestone_key_decision",
    "milestone_go_live",
    "milestone_other",
    "new_end_date",
    "new_go_live_date",
    "date_change_reason",
    "date_change_factor",
    "issues",
    "issue_detail",
    "previous_issues_resolution",
    "mitigations",
    "mitigation_detail",
    "risk_registers",
    "reported_to",
    "expected_to_report_to",
    "forward_plan_scheduled",
    "project_status",
    "status_reason",
    "remain_in_monitoring",
    "form_rating",
]


def test_the_exchange_columns_are_the_spec_s():
    assert questions.RETURN_COLUMNS == SPEC_COLUMNS


def test_every_question_is_a_field_of_the_return():
    fields = {f.name for f in Return._meta.get_fields()}
    assert set(questions.ANSWER_FIELDS) <= fields


def test_the_analysis_record_holds_exactly_the_questions():
    names = [f.name for f in dataclasses.fields(records.Return)]
    assert names[0] == "ref" and names[-1] == "late"
    assert names[1:-1] == questions.ANSWER_FIELDS


def test_the_form_asks_the_declared_questions_in_the_page_order():
    form = ReturnForm(vocab=Vocabularies.defaults())
    asked = [name for name in form.fields if name in questions.BY_NAME]
    expected = [n for n in questions.FORM_ORDER if n not in ("milestones", "previous_issues_resolution")]
    assert asked == expected
    for name in asked:
        assert form.fields[name].label == questions.BY_NAME[name].label


@pytest.mark.parametrize(
    "question",
    [q for q in questions.QUESTIONS if q.required == questions.REQUIRED_ALWAYS],
    ids=lambda q: q.name,
)
def test_what_submitting_always_requires_is_asked_for_with_its_message(question):
    errors = validate_answers({"project_status": "active"}, Vocabularies.defaults(), submit=True)
    assert errors[question.name] == question.required_message


def test_a_not_on_track_return_must_name_its_issues_and_say_whether_mitigations_are_in_place():
    answers = {"delivery_status": "unlikely", "progress": "Slipping", "project_status": "active", "mitigations": None}
    errors = validate_answers(answers, Vocabularies.defaults(), submit=True)
    assert errors == {
        "issues": "Select at least one issue affecting the activity",
        "issue_detail": "Describe the issues: when and why they occurred and their impact",
        "mitigations": "Select yes if mitigating actions or escalations are in place",
    }
    answers |= {"issues": ["capacity"], "issue_detail": "Staff left.", "mitigations": True}
    assert validate_answers(answers, Vocabularies.defaults(), submit=True) == {
        "mitigation_detail": "Describe the mitigating actions or escalations"
    }


def test_a_draft_may_be_saved_with_nothing_answered():
    assert validate_answers({}, Vocabularies.defaults(), submit=False) == {}

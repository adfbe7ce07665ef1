"""The return form: pre-filled from the previous round, validated as spec §3 asks, never losing what was typed,
open only while the window is (or late, or reopened), refusing a stale save and keeping every version."""

from __future__ import annotations

import datetime as dt
import html as html_module
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone
from test_return_permissions import Scene, build_scene, draft_for

from councilplan.core.models import VocabularyTerm
from councilplan.monitoring.models import Return, Round
from councilplan.monitoring.rules import validate_answers
from councilplan.monitoring.services import get_or_create_draft, start_return

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(small_plan) -> Scene:
    return build_scene(small_plan)


class _FormReader(HTMLParser):
    """What a browser without JavaScript sends for the page's return form when a button is pressed."""

    def __init__(self):
        super().__init__()
        self.fields: list[tuple[str, str]] = []
        self._in_form = False
        self._textarea: str | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method") == "post" and "action" not in attrs:
            self._in_form = True
        if not self._in_form or "name" not in attrs:
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("radio", "checkbox") and "checked" not in attrs:
                return
            self.fields.append((attrs["name"], attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea":
            self._textarea, self._text = attrs["name"], ""

    def handle_data(self, data):
        if self._textarea is not None:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            # Browsers drop the newline that follows <textarea>.
            self.fields.append((self._textarea, self._text.removeprefix("\n")))
            self._textarea = None
        elif tag == "form":
            self._in_form = False


def form_data(html: str, action: str = "submit", **changes) -> dict:
    """The form as shown, with `changes` typed over it (a list for several values), and `action` pressed."""
    reader = _FormReader()
    reader.feed(html)
    data: dict[str, list[str]] = {}
    for name, value in reader.fields:
        data.setdefault(name, []).append(value)
    for name, value in changes.items():
        data[name] = value if isinstance(value, list) else [value]
    data["action"] = [action]
    return data


def shown_value(html: str, name: str) -> str | None:
    """The value attribute of the input called `name`, or a textarea's text."""
    match = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*value="([^"]*)"', html)
    if match:
        return match.group(1)
    match = re.search(rf'<textarea[^>]*name="{re.escape(name)}"[^>]*>\n?(.*?)</textarea>', html, re.S)
    return match.group(1) if match else None


def checked(html: str, name: str) -> list[str]:
    """The values of the ticked boxes or chosen radio called `name` ("on" for a box without a value)."""
    found = []
    for tag in re.findall(rf'<input[^>]*name="{re.escape(name)}"[^>]*>', html):
        if re.search(r"\schecked\b", tag):
            value = re.search(r'value="([^"]*)"', tag)
            found.append(value.group(1) if value else "on")
    return found


def error_links(html: str) -> dict[str, str]:
    """The error summary's links: {message: target}."""
    summary = html.split('class="govuk-error-summary"', 1)[1].split("</ul>", 1)[0]
    return {
        html_module.unescape(text.strip()): href
        for href, text in re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary)
    }


def sign_in(client, scene: Scene, who: str = "ann"):
    client.force_login(scene.people[who])
    return client


def open_form(client, scene: Scene, who: str = "ann", activity=None):
    response = sign_in(client, scene, who).get(scene.form_url(activity))
    assert response.status_code == 200
    return response


NOT_ON_TRACK = {
    "delivery_status": "remedial_action",
    "issues": ["capacity", "dependencies"],
    "issue_detail": "Two officers left in July; the contract depends on the county's new framework.",
    "mitigations": "yes",
    "mitigation_detail": "Interim staff from October; escalated to the directorate board.",
    "risk_registers": ["project_programme"],
}


# -- pre-filled from the previous round ------------------------------------------------------------------------


def test_a_new_return_is_prefilled_from_the_previous_round(client, scene):
    html = open_form(client, scene).text

    assert "We have filled in this form with your answers from 2019-20 Q2" in html
    assert checked(html, "delivery_status") == ["on_track"]
    assert shown_value(html, "progress") == "Q2: the consultation finished on time."
    assert [shown_value(html, f"milestone_approval_to_proceed_date-{p}") for p in ("day", "month", "year")] == [
        "1",
        "12",
        "2019",
    ]
    assert shown_value(html, "milestone_go_live_text") == "Autumn 2020"
    assert shown_value(html, "milestone_other_text") == "Contract award"
    assert checked(html, "milestone_other_estimated") == ["on"]
    assert checked(html, "reported_to") == ["cmm"]
    assert checked(html, "expected_to_report_to") == ["cabinet_committee", "scb"]
    assert checked(html, "forward_plan_scheduled") == ["yes"]
    assert checked(html, "form_rating") == []  # the rating is about this round's form: asked afresh
    assert 'name="previous_issues_resolution"' not in html  # Q2 was on track: nothing to resolve
    assert not Return.objects.filter(round=scene.q3).exists()  # opening the form writes nothing


def test_an_unchanged_on_track_return_is_submitted_with_one_press(client, scene):
    """Pre-filled from Q2, on track and unchanged: 'Submit' is all it takes."""
    html = open_form(client, scene).text

    response = client.post(scene.form_url(), form_data(html))

    assert response.status_code == 302
    assert response["Location"] == reverse("monitoring:my_returns")
    ret = Return.objects.get(round=scene.q3, activity=scene.a1)
    q2 = Return.objects.get(round=scene.q2, activity=scene.a1)
    assert ret.state == Return.State.SUBMITTED
    assert (ret.submitted_by, ret.late, ret.version) == (scene.ann, False, 1)
    for name in ("delivery_status", "progress", "milestones", "reported_to", "expected_to_report_to"):
        assert getattr(ret, name) == getattr(q2, name), name
    assert ret.forward_plan_scheduled is True
    assert ret.form_rating is None


def test_after_a_not_on_track_round_the_issues_are_prefilled_and_their_resolution_asked(client, scene):
    q2 = Return.objects.get(round=scene.q2, activity=scene.a1)
    q2.delivery_status, q2.issues, q2.issue_detail = "unlikely", ["financial", "legal"], "The grant was withdrawn."
    q2.mitigations, q2.mitigation_detail, q2.risk_registers = True, "Bid to the reserve.", ["corporate"]
    q2.previous_issues_resolution = "Said in Q2 about Q1"
    q2.save()

    html = open_form(client, scene).text

    assert checked(html, "delivery_status") == ["unlikely"]
    assert checked(html, "issues") == ["financial", "legal"]
    assert shown_value(html, "issue_detail") == "The grant was withdrawn."
    assert checked(html, "mitigations") == ["yes"]
    assert checked(html, "risk_registers") == ["corporate"]
    assert 'name="previous_issues_resolution"' in html
    assert shown_value(html, "previous_issues_resolution") == ""  # this round's question: not carried
    assert "Last round you said: No, it is unlikely to be achieved, because of: Financial; Legal." in html


def test_a_first_return_starts_blank(client, scene):
    html = open_form(client, scene, "bob", scene.a2).text

    assert "We have filled in this form" not in html
    assert checked(html, "delivery_status") == []
    assert checked(html, "forward_plan_scheduled") == []
    assert checked(html, "project_status") == ["active"]


def test_start_return_and_get_or_create_draft_prefill(scene):
    unsaved = start_return(scene.q3, scene.a1)
    assert unsaved.pk is None and unsaved.progress == "Q2: the consultation finished on time."
    assert unsaved.form_rating is None

    draft, created = get_or_create_draft(scene.q3, scene.a1, scene.ann)
    again, created_again = get_or_create_draft(scene.q3, scene.a1, scene.ann)

    assert (created, created_again, again.pk) == (True, False, draft.pk)
    assert (draft.state, draft.version, draft.delivery_status) == ("draft", 1, "on_track")
    assert draft.history.count() == 1


def test_a_return_the_team_reopened_before_anyone_started_it_is_prefilled(client, scene):
    scene.q3.state = Round.State.CLOSED
    scene.q3.save()
    Return.objects.create(round=scene.q3, activity=scene.a1, reopened=True)  # what reopening leaves

    html = open_form(client, scene).text

    assert shown_value(html, "progress") == "Q2: the consultation finished on time."


# -- saving a draft, submitting, validation ------------------------------------------------------------------------


def test_a_draft_saves_without_the_required_answers(client, scene):
    html = open_form(client, scene, "bob", scene.a2).text

    response = client.post(scene.form_url(scene.a2), form_data(html, "draft", progress="Half written"))

    assert response.status_code == 302
    assert response["Location"] == scene.form_url(scene.a2)
    ret = Return.objects.get(round=scene.q3, activity=scene.a2)
    assert (ret.state, ret.delivery_status, ret.progress) == ("draft", "", "Half written")
    page = client.get(response["Location"]).text
    assert "Your draft was saved at" in page
    assert shown_value(page, "progress") == "Half written"


def test_submitting_without_a_status_shows_the_error_summary_and_keeps_what_was_typed(client, scene):
    html = open_form(client, scene, "bob", scene.a2).text

    response = client.post(
        scene.form_url(scene.a2),
        form_data(html, progress="Works started <on site>", **{"new_end_date-day": "1", "new_end_date-month": "9"}),
    )

    assert response.status_code == 200
    page = response.text
    assert page.count('class="govuk-error-summary"') == 1
    assert response.context["form"].errors
    links = error_links(page)
    assert links["Select whether the activity is on track"] == "id_delivery_status_0"
    assert links["The revised end date must include a year"] == "id_new_end_date-day"
    assert "<title>Error: " in page
    assert shown_value(page, "progress") == "Works started &lt;on site&gt;"  # kept, and escaped
    assert shown_value(page, "new_end_date-day") == "1"
    assert shown_value(page, "new_end_date-month") == "9"
    assert not Return.objects.filter(round=scene.q3, activity=scene.a2).exists()


def test_not_on_track_needs_an_issue_and_its_detail(client, scene):
    html = open_form(client, scene).text

    response = client.post(scene.form_url(), form_data(html, delivery_status="unlikely", issues=[], issue_detail=""))

    links = error_links(response.text)
    assert links["Select at least one issue affecting the activity"] == "id_issues_0"
    assert links["Describe the issues: when and why they occurred and their impact"] == "id_issue_detail"
    assert links["Select yes if mitigating actions or escalations are in place"] == "id_mitigations_0"
    assert checked(response.text, "delivery_status") == ["unlikely"]


def test_a_not_on_track_return_is_submitted_with_its_issues(client, scene):
    html = open_form(client, scene).text

    response = client.post(scene.form_url(), form_data(html, **NOT_ON_TRACK))

    assert response.status_code == 302
    ret = Return.objects.get(round=scene.q3, activity=scene.a1)
    assert (ret.delivery_status, ret.issues, ret.mitigations) == ("remedial_action", ["capacity", "dependencies"], True)
    assert ret.risk_registers == ["project_programme"]


def test_issue_answers_are_dropped_when_the_status_is_on_track(client, scene):
    """They were hidden questions: what was typed in them before choosing 'on track' does not count."""
    html = open_form(client, scene).text

    client.post(scene.form_url(), form_data(html, **{**NOT_ON_TRACK, "delivery_status": "on_track"}))

    ret = Return.objects.get(round=scene.q3, activity=scene.a1)
    assert (ret.issues, ret.issue_detail, ret.mitigations, ret.risk_registers) == ([], "", False, [])


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (("31", "2", "2020"), "The date for Key decision taken must be a real date"),
        (("", "2", "2020"), "The date for Key decision taken must include a day"),
        (("1", "", ""), "The date for Key decision taken must include a month and a year"),
        (("1", "2", "20"), "The date for Key decision taken: the year must include 4 numbers"),
        (("first", "2", "2020"), "The date for Key decision taken must be a real date"),
    ],
)
def test_milestone_dates_must_be_real_and_are_kept_as_typed(client, scene, parts, message):
    html = open_form(client, scene).text
    names = [f"milestone_key_decision_date-{part}" for part in ("day", "month", "year")]
    typed = dict(zip(names, parts, strict=True))

    for action in ("submit", "draft"):  # a draft too: a date is a type, not a required answer
        response = client.post(scene.form_url(), form_data(html, action, **typed))

        assert error_links(response.text)[message] == "id_milestone_key_decision_date-day"
        for name, value in typed.items():
            assert shown_value(response.text, name) == value
    assert not Return.objects.filter(round=scene.q3).exists()


def test_a_milestone_known_only_in_words_is_an_estimate(client, scene):
    html = open_form(client, scene).text

    client.post(scene.form_url(), form_data(html, milestone_consultation_start_text="Spring 2020"))

    ret = Return.objects.get(round=scene.q3, activity=scene.a1)
    assert ret.milestones["consultation_start"] == {"date": None, "estimated": True, "text": "Spring 2020"}


def test_a_milestone_has_a_date_or_words_not_both(client, scene):
    html = open_form(client, scene).text
    dated = {
        "milestone_go_live_date-day": "1",
        "milestone_go_live_date-month": "9",
        "milestone_go_live_date-year": "2020",
    }

    response = client.post(scene.form_url(), form_data(html, "draft", **dated))  # Q2's words are still there

    message = "For 'Go Live', give a date or say when in words, not both"
    assert error_links(response.text)[message] == "id_milestone_go_live_text"
    response = client.post(scene.form_url(), form_data(html, **dated, milestone_go_live_text=""))
    assert response.status_code == 302
    ret = Return.objects.get(round=scene.q3, activity=scene.a1)
    assert ret.milestones["go_live"] == {"date": "2020-09-01", "estimated": False, "text": ""}


def test_an_other_milestone_with_a_date_needs_a_description(client, scene):
    html = open_form(client, scene).text

    response = client.post(scene.form_url(), form_data(html, milestone_other_text=""))

    assert error_links(response.text)["Describe the other milestone"] == "id_milestone_other_text"


def test_a_new_revised_date_needs_its_reason_and_factor(client, scene):
    html = open_form(client, scene).text
    revised = {"new_end_date-day": "30", "new_end_date-month": "6", "new_end_date-year": "2021"}

    response = client.post(scene.form_url(), form_data(html, **revised))

    links = error_links(response.text)
    assert "Give the reason for the change of date" in links
    assert "Select whether the change is due to internal or external factors" in links

    response = client.post(
        scene.form_url(),
        form_data(html, **revised, date_change_reason="Procurement slipped", date_change_factor="external"),
    )
    assert response.status_code == 302
    ret = Return.objects.get(round=scene.q3, activity=scene.a1)
    assert (ret.new_end_date, ret.date_change_factor) == (dt.date(2021, 6, 30), "external")


def test_a_revised_date_carried_forward_unchanged_needs_no_new_reason(client, scene):
    """The sample data's Q2 returns revise dates without a factor (the Q2 form did not ask): Q3 still submits."""
    q2 = Return.objects.get(round=scene.q2, activity=scene.a1)
    q2.new_end_date = dt.date(2020, 10, 1)
    q2.save()
    html = open_form(client, scene).text

    assert client.post(scene.form_url(), form_data(html)).status_code == 302


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"form_rating": "6"}, "form_rating", "Rate the form from 1 to 5"),
        (
            {"delivery_status": "sideways"},
            "delivery_status",
            "Select whether the activity is on track from the options",
        ),
        (
            {"issues": ["capacity", "boredom"], "delivery_status": "unlikely"},
            "issues",
            "Select issues from the options",
        ),
        ({"reported_to": ["nobody"]}, "reported_to", "Select boards from the options"),
        (
            {"project_status": "bau", "status_reason": ""},
            "status_reason",
            "Give the reason the project status is now business as usual",
        ),
        (
            {"expected_to_report_to": ["icb"], "forward_plan_scheduled": []},
            "forward_plan_scheduled",
            "Select yes if there is a scheduled item on the forward plan",
        ),
    ],
)
def test_answers_are_checked(client, scene, changes, field, message):
    html = open_form(client, scene).text

    response = client.post(scene.form_url(), form_data(html, **changes))

    assert response.status_code == 200
    assert message in response.context["form"].errors[field]


def test_validate_answers_is_the_one_place_for_the_rules():
    from councilplan.analysis.records import Vocabularies

    vocab = Vocabularies.defaults()
    assert validate_answers({"delivery_status": ""}, vocab, submit=False) == {}
    assert validate_answers({"delivery_status": ""}, vocab) == {
        "delivery_status": "Select whether the activity is on track",
        "progress": "Describe the progress of the activity",
    }
    problems = validate_answers(
        {"delivery_status": "unlikely", "progress": "Slipping", "mitigations": True, "form_rating": 0}, vocab
    )
    assert set(problems) == {"issues", "issue_detail", "mitigation_detail", "form_rating"}
    assert validate_answers(
        {"delivery_status": "on_track", "progress": "Fine", "milestones": {"nonsense": {"date": "2020-01-01"}}}, vocab
    ) == {"milestones.nonsense": "This milestone type is not one of the options"}


def test_option_labels_come_from_the_vocabularies_and_inactive_terms_are_not_offered(client, scene):
    VocabularyTerm.objects.filter(vocabulary="delivery_status", code="on_track").update(label="All good <b>")
    VocabularyTerm.objects.filter(vocabulary="issue_theme", code="legal").update(active=False)

    html = open_form(client, scene).text

    assert "All good &lt;b&gt;" in html
    assert 'value="legal"' not in html
    assert 'value="governance"' in html


def test_the_issue_questions_sit_in_a_conditional_reveal_under_the_not_on_track_statuses(client, scene):
    html = open_form(client, scene).text

    reveals = re.findall(r'value="(\w+)"[^>]*data-app-reveals', html)
    assert reveals == ["remedial_action", "unlikely"]
    panel = html.index('id="conditional-issues"')
    assert html.index('value="unlikely"') < panel < html.index('value="not_started"')
    assert panel < html.index('name="issue_detail"') < html.index('name="progress"')
    assert "councilplan-form.js" in html


def test_questions_follow_the_spec_order(client, scene):
    html = open_form(client, scene).text
    names = [
        "delivery_status",
        "progress",
        "milestone_approval_to_proceed_date-day",
        "new_end_date-day",
        "date_change_factor",
        "reported_to",
        "expected_to_report_to",
        "forward_plan_scheduled",
        "project_status",
        "status_reason",
        "form_rating",
    ]
    positions = [html.index(f'name="{name}"') for name in names]
    assert positions == sorted(positions)


# -- a submitted return can be changed until the window closes -------------------------------------------------------


def test_a_submitted_return_is_changed_by_submitting_it_again(client, scene):
    ret = draft_for(scene, state=Return.State.SUBMITTED, submitted_by=scene.ann)
    html = open_form(client, scene).text
    assert "Submit changes" in html
    assert 'value="draft"' not in html  # no way back to a draft that skips validation

    # Even a crafted "draft" press is validated in full and stays submitted.
    response = client.post(scene.form_url(), form_data(html, "draft", delivery_status=""))
    assert "Select whether the activity is on track" in response.text
    response = client.post(scene.form_url(), form_data(html, "draft", progress="Updated after the board"))
    assert response.status_code == 302
    ret.refresh_from_db()
    assert (ret.state, ret.progress, ret.version) == ("submitted", "Updated after the board", 2)


# -- the window --------------------------------------------------------------------------------------------------


def _set_window(scene: Scene, state=Round.State.OPEN, closed_ago=None, allow_late=False):
    round_ = scene.q3
    round_.state, round_.allow_late = state, allow_late
    if closed_ago is not None:
        round_.closes_at = timezone.now() - closed_ago
    round_.save()


def test_before_the_round_opens_there_is_nothing_to_fill_in(client, scene):
    _set_window(scene, state=Round.State.DRAFT)
    sign_in(client, scene)

    response = client.get(scene.form_url())
    assert response.status_code == 403
    assert "is not open yet" in response.text
    response = client.post(scene.form_url(), {"version": 0, "action": "draft", "progress": "Too early"})
    assert response.status_code == 403
    assert not Return.objects.filter(round=scene.q3).exists()


def test_after_the_window_closes_a_return_is_read_only(client, scene):
    ret = draft_for(scene)
    html = open_form(client, scene).text
    _set_window(scene, closed_ago=dt.timedelta(minutes=1))

    response = client.get(scene.form_url())
    assert response.status_code == 302
    assert response["Location"] == reverse("monitoring:return_detail", args=[ret.pk])
    # Pressing Submit after the close: refused, and what was typed is shown again, not lost.
    response = client.post(scene.form_url(), form_data(html, progress="Typed as the window closed"))
    assert response.status_code == 403
    assert "Your answers have not been saved" in response.text
    assert shown_value(response.text, "progress") == "Typed as the window closed"
    assert 'value="submit"' not in response.text
    ret.refresh_from_db()
    assert ret.progress == "Draft words"


def test_after_the_window_closes_a_missing_return_cannot_be_started(client, scene):
    _set_window(scene, closed_ago=dt.timedelta(minutes=1))

    response = sign_in(client, scene).get(scene.form_url())

    assert response.status_code == 403
    assert "they can accept late returns for the round, or reopen your return once the round is closed" in response.text


def test_a_closed_round_is_read_only(client, scene):
    draft_for(scene)
    _set_window(scene, state=Round.State.CLOSED, closed_ago=dt.timedelta(days=1))
    bare_save = {"version": 1, "action": "submit", "delivery_status": "on_track", "progress": "Too late"}

    response = sign_in(client, scene).post(scene.form_url(), bare_save)

    assert response.status_code == 403
    assert Return.objects.get(round=scene.q3, activity=scene.a1).version == 1


def test_when_late_returns_are_allowed_they_are_marked_late(client, scene):
    _set_window(scene, closed_ago=dt.timedelta(hours=2), allow_late=True)
    html = open_form(client, scene).text
    assert "If you submit now, your return is marked late" in html

    response = client.post(scene.form_url(), form_data(html))

    assert response.status_code == 302
    ret = Return.objects.get(round=scene.q3, activity=scene.a1)
    assert (ret.state, ret.late) == ("submitted", True)
    assert "marked late" in client.get(response["Location"]).text


def test_a_return_the_team_reopened_can_be_submitted_after_the_close_and_is_late(client, scene):
    ret = draft_for(scene, reopened=True)
    _set_window(scene, state=Round.State.CLOSED, closed_ago=dt.timedelta(days=3))
    html = open_form(client, scene).text

    response = client.post(scene.form_url(), form_data(html, progress="Finished at last"))

    assert response.status_code == 302
    ret.refresh_from_db()
    assert (ret.state, ret.progress, ret.late) == ("submitted", "Finished at last", True)


def test_an_activity_that_left_monitoring_has_no_return_to_make(client, scene):
    q2 = Return.objects.get(round=scene.q2, activity=scene.a1)
    q2.project_status, q2.status_reason = "bau", "Core business now"
    q2.save()

    response = sign_in(client, scene).get(scene.form_url())

    assert response.status_code == 403
    assert "left monitoring after 2019-20 Q2" in response.text
    assert "business as usual" in response.text


# -- two people saving the same return ----------------------------------------------------------------------------


def test_the_second_to_save_is_told_what_changed_and_loses_nothing(client, scene):
    draft_for(scene, progress="First draft")
    ann_html = open_form(client, scene, "ann").text
    client.logout()
    carol_html = open_form(client, scene, "carol").text

    # Carol saves first.
    carol_saves = form_data(carol_html, "draft", progress="Carol's update", delivery_status="not_started")
    assert client.post(scene.form_url(), carol_saves).status_code == 302
    client.logout()

    # Ann saves from the version she opened: refused, and shown what Carol changed.
    sign_in(client, scene, "ann")
    ann_typed = form_data(ann_html, "submit", progress="Ann's careful paragraph", form_rating="5")
    response = client.post(scene.form_url(), ann_typed)

    assert response.status_code == 200
    page = response.text
    saved_at = timezone.localtime(Return.objects.get(round=scene.q3, activity=scene.a1).updated_at)
    # Who saved it and when (issue 12: not "someone else").
    assert f"Carol Colleague saved this return at {saved_at:%H:%M} on {saved_at.day} {saved_at:%B %Y}" in page
    differences = {question: (theirs, yours) for question, theirs, yours in response.context["conflict"]["differences"]}
    assert differences["Progress"] == ("Carol's update", "Ann's careful paragraph")
    assert differences["Delivery status"] == ("It has not formally started", "Yes, it is on track")
    assert "Carol&#x27;s update" in page and "What is different" in page
    # Nothing Ann typed is lost: it is in the form again, now based on Carol's version.
    assert shown_value(page, "progress") == "Ann&#x27;s careful paragraph"
    assert checked(page, "form_rating") == ["5"]
    assert checked(page, "delivery_status") == ["on_track"]
    assert shown_value(page, "version") == "2"
    stored = Return.objects.get(round=scene.q3, activity=scene.a1)
    assert (stored.progress, stored.version, stored.updated_by) == ("Carol's update", 2, scene.carol)

    # Having read it, Ann saves over Carol's version.
    response = client.post(scene.form_url(), form_data(page, "submit"))
    assert response.status_code == 302
    stored.refresh_from_db()
    assert (stored.progress, stored.version, stored.state, stored.updated_by) == (
        "Ann's careful paragraph",
        3,
        "submitted",
        scene.ann,
    )


def test_two_people_starting_the_same_return_do_not_overwrite_each_other(client, scene):
    ann_html = open_form(client, scene, "ann").text  # not started: opened at version 0
    client.logout()
    carol_html = open_form(client, scene, "carol").text
    assert client.post(scene.form_url(), form_data(carol_html, "draft", progress="Carol first")).status_code == 302
    client.logout()

    sign_in(client, scene, "ann")
    response = client.post(scene.form_url(), form_data(ann_html, "draft", progress="Ann second"))

    assert response.status_code == 200
    assert "Carol Colleague saved this return at" in response.text
    assert shown_value(response.text, "progress") == "Ann second"
    assert Return.objects.get(round=scene.q3, activity=scene.a1).progress == "Carol first"


def test_the_same_person_in_two_tabs_is_told_it_was_them(client, scene):
    sign_in(client, scene, "ann")
    first_tab = client.get(scene.form_url()).text
    second_tab = client.get(scene.form_url()).text
    assert (
        client.post(scene.form_url(), form_data(second_tab, "draft", progress="From the second tab")).status_code == 302
    )
    response = client.post(scene.form_url(), form_data(first_tab, "draft", progress="From the first tab"))
    assert response.status_code == 200
    assert "You saved this return at" in response.text and "in another tab or window" in response.text
    assert "Someone" not in response.text.split("What is different")[0].split("conflict-title")[1]


# -- the history -------------------------------------------------------------------------------------------------


def test_history_lists_every_version_with_who_and_what_changed(client, scene):
    html = open_form(client, scene, "ann").text
    client.post(scene.form_url(), form_data(html, "draft", progress="Ann's draft"))
    client.logout()
    html = open_form(client, scene, "carol").text
    client.post(scene.form_url(), form_data(html, "submit", **NOT_ON_TRACK))
    client.logout()
    ret = Return.objects.get(round=scene.q3, activity=scene.a1)

    response = sign_in(client, scene, "corporate").get(reverse("monitoring:return_history", args=[ret.pk]))

    entries = response.context["entries"]
    assert [(e.version, e.saved_by, e.state) for e in entries] == [
        (2, scene.carol, "submitted"),
        (1, scene.ann, "draft"),
    ]
    changed = [question for question, _, _ in entries[0].changes]
    assert changed[:2] == ["Delivery status", "Issues"]
    assert "State" in changed
    assert "Progress" not in changed
    page = response.text
    assert "Version 2 (current)" in page and "Saved by Carol Colleague" in page and "Saved by Ann Officer" in page
    assert "It requires remedial action" in page


def test_history_of_a_published_return_is_read_without_error(client, scene):
    q2 = Return.objects.get(round=scene.q2, activity=scene.a1)
    response = sign_in(client, scene, "corporate").get(reverse("monitoring:return_history", args=[q2.pk]))
    assert response.status_code == 200
    assert "Version 1 (current)" in response.text


def test_the_return_page_shows_the_answers_in_words(client, scene):
    q2 = Return.objects.get(round=scene.q2, activity=scene.a1)

    page = sign_in(client, scene, "viewer").get(reverse("monitoring:return_detail", args=[q2.pk])).text

    assert "Yes, it is on track" in page
    assert "1 December 2019" in page
    assert "Autumn 2020" in page
    assert "1 August 2020 (estimated) – Contract award" in page
    assert "Cabinet Committee; Service Commissioning Board" in page
    assert "Every saved version" not in page  # a viewer does not see the history


def test_the_form_page_reads_a_fixed_number_of_rows(client, scene, django_assert_max_num_queries):
    """Session, user, round, activity and colleagues, its return, the scope check, the previous return and the
    vocabularies: nothing per activity of the plan or per milestone."""
    sign_in(client, scene)
    with django_assert_max_num_queries(12):
        client.get(scene.form_url())


def test_every_sample_activity_submits_its_q2_answers_unchanged_in_one_press(client, sample_plan):
    """The two-click promise on KCC's data: each of Q3's 74 activities, pre-filled from Q2, submits as it is."""
    from councilplan.monitoring.selectors import my_returns

    q3 = Round.objects.create(
        plan=sample_plan, label="2019-20 Q3", state=Round.State.OPEN, closes_at=timezone.now() + dt.timedelta(days=14)
    )
    activities = list(sample_plan.activities.select_related("lead_officer"))
    asked = set()
    for activity in activities:
        asked |= {r.activity.ref for group in my_returns(activity.lead_officer) for r in group.returns}
    assert len(asked) == 74  # 16, 17, 23, 25 and 36 left monitoring after Q2

    refused = {}
    for activity in activities:
        if activity.ref not in asked:
            continue
        client.force_login(activity.lead_officer)
        url = reverse("monitoring:return_form", args=[q3.pk, activity.pk])
        response = client.post(url, form_data(client.get(url).text))
        if response.status_code != 302:
            refused[activity.ref] = dict(response.context["form"].errors)
    assert refused == {}
    submitted = Return.objects.filter(round=q3, state=Return.State.SUBMITTED)
    assert submitted.count() == 74
    assert Return.objects.filter(round=q3, delivery_status__in=["remedial_action", "unlikely"]).count() == 13

"""The call for activity's window: submissions are added and changed only while it is open, by anyone who
may (lead officers and the corporate team); the corporate team's review, scores and decisions go on after."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from planning_support import answers, make_cycle, person

from councilplan.core.models import User
from councilplan.planning import permissions
from councilplan.planning import services as cycle_services


@pytest.fixture
def officer(db):
    return person("olly.officer")


@pytest.fixture
def corporate(db):
    return person("cora.corporate", role=User.Role.CORPORATE)


def at(cycle, moment):
    cycle.opens_at, cycle.closes_at = moment
    cycle.save()


def test_window_states(db):
    cycle = make_cycle()
    opens, closes = cycle.opens_at, cycle.closes_at
    second = dt.timedelta(seconds=1)
    assert cycle_services.window_state(cycle, opens - second) == "not_open"
    assert cycle_services.window_state(cycle, opens) == "open"
    assert cycle_services.window_state(cycle, closes) == "open"  # until it closes, inclusive
    assert cycle_services.window_state(cycle, closes + second) == "closed"


def test_submitting_before_the_window_opens_is_refused(officer):
    cycle = make_cycle()
    now = timezone.now()
    at(cycle, (now + dt.timedelta(days=1), now + dt.timedelta(days=43)))
    with pytest.raises(ValidationError, match="opens on"):
        cycle_services.submit_activity(cycle, answers(), user=officer)
    assert not permissions.can_submit_activity(officer, cycle)


def test_submitting_after_the_window_closes_is_refused(officer):
    cycle = make_cycle(open_now=False)
    with pytest.raises(ValidationError, match="closed on"):
        cycle_services.submit_activity(cycle, answers(), user=officer)
    assert not permissions.can_submit_activity(officer, cycle)


def test_changes_are_allowed_until_the_window_closes_then_refused(officer, corporate):
    cycle = make_cycle()
    submission = cycle_services.submit_activity(cycle, answers(), user=officer)
    cycle_services.update_submission(submission, {"title": "Changed by the author"}, user=officer)
    cycle_services.update_submission(submission, {"title": "Changed by the corporate team"}, user=corporate)
    assert permissions.can_edit_submission(officer, submission)
    assert permissions.can_edit_submission(corporate, submission)

    at(cycle, (cycle.opens_at, timezone.now() - dt.timedelta(minutes=1)))
    submission.refresh_from_db()
    with pytest.raises(ValidationError, match="can no longer be added or changed"):
        cycle_services.update_submission(submission, {"title": "Too late"}, user=officer)
    assert not permissions.can_edit_submission(officer, submission)
    assert not permissions.can_edit_submission(corporate, submission)
    submission.refresh_from_db()
    assert submission.title == "Changed by the corporate team"


def test_review_scores_and_decisions_go_on_after_the_window(officer, corporate):
    cycle = make_cycle(open_now=False)
    submission = cycle_services.submit_activity(cycle, answers(), user=officer, check_window=False)
    cycle_services.review_submission(submission, review="kept", user=corporate)
    cycle_services.score_submission(submission, {c.pk: 3 for c in cycle.criteria.filter(kind="score")}, user=corporate)
    cycle_services.decide(submission, decision="short_list", user=corporate)
    cycle_services.update_plan_details(submission, headline="Clearer", governance_route="CMM", user=corporate)
    submission.refresh_from_db()
    assert (submission.decision, submission.headline) == ("short_list", "Clearer")


def test_viewers_never_submit(db):
    viewer = person("vic.viewer", role=User.Role.VIEWER)
    assert not permissions.can_submit_activity(viewer, make_cycle())


def test_a_window_must_close_after_it_opens(db):
    now = timezone.now()
    with pytest.raises(ValidationError):
        cycle_services.create_cycle(name="Backwards", plan_name="P", opens_at=now, closes_at=now)


def test_submissions_are_numbered_in_order(officer):
    cycle = make_cycle()
    numbers = [cycle_services.submit_activity(cycle, answers(), user=officer).number for _ in range(3)]
    assert numbers == [1, 2, 3]

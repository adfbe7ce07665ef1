"""Who may do what in building the plan: each role, allowed and refused, on every page and action."""

import pytest
from django.urls import reverse
from planning_support import answers, make_cycle, person

from councilplan.core.models import Directorate, User
from councilplan.planning import services as cycle_services
from councilplan.planning.models import Submission


@pytest.fixture
def people(db):
    growth, _ = Directorate.objects.get_or_create(name="Growth, Environment and Transport")
    children, _ = Directorate.objects.get_or_create(name="Children, Young People and Education")
    return {
        "author": person("ann.author", directorate=growth),
        "colleague": person("cal.colleague", directorate=growth),
        "stranger": person("sam.stranger", directorate=children),
        "corporate": person("cora.corporate", role=User.Role.CORPORATE),
        "viewer": person("vic.viewer", role=User.Role.VIEWER),
        "administrator": person("ada.admin", role=User.Role.ADMINISTRATOR),
    }


@pytest.fixture
def setup(people):
    cycle = make_cycle()
    submission = cycle_services.submit_activity(
        cycle, answers(directorate=people["author"].directorate), user=people["author"]
    )
    return cycle, submission


def status(client, user, url, method="get", data=None):
    if user is not None:
        client.force_login(user)
    response = getattr(client, method)(url, data or {})
    return response.status_code


PAGES = {
    # name: (url builder, roles allowed; everyone else gets 403)
    "index": (lambda c, s: reverse("planning:index"), "all"),
    "cycle": (lambda c, s: reverse("planning:cycle", args=[c.pk]), "all"),
    "submit": (
        lambda c, s: reverse("planning:submit", args=[c.pk]),
        {"author", "colleague", "stranger", "corporate", "administrator"},
    ),
    "submission": (
        lambda c, s: reverse("planning:submission", args=[s.pk]),
        {"author", "colleague", "corporate", "viewer", "administrator"},
    ),
    "edit": (lambda c, s: reverse("planning:submission_edit", args=[s.pk]), {"author", "corporate", "administrator"}),
    "history": (lambda c, s: reverse("planning:history", args=[s.pk]), {"author", "corporate", "administrator"}),
    "long_list": (lambda c, s: reverse("planning:long_list", args=[c.pk]), {"corporate", "viewer", "administrator"}),
    "ranking": (lambda c, s: reverse("planning:ranking", args=[c.pk]), {"corporate", "viewer", "administrator"}),
    "analysis": (lambda c, s: reverse("planning:analysis", args=[c.pk]), {"corporate", "viewer", "administrator"}),
    "analysis_json": (
        lambda c, s: reverse("planning:analysis_download", args=[c.pk, "json"]),
        {"corporate", "viewer", "administrator"},
    ),
    "scorecard": (lambda c, s: reverse("planning:scorecard", args=[s.pk]), {"corporate", "viewer", "administrator"}),
    "review": (lambda c, s: reverse("planning:review", args=[s.pk]), {"corporate", "administrator"}),
    "score": (lambda c, s: reverse("planning:score", args=[s.pk]), {"corporate", "administrator"}),
    "decide": (lambda c, s: reverse("planning:decide", args=[s.pk]), {"corporate", "administrator"}),
    "plan_details": (lambda c, s: reverse("planning:plan_details", args=[s.pk]), {"corporate", "administrator"}),
    "confirm": (lambda c, s: reverse("planning:confirm", args=[c.pk]), {"corporate", "administrator"}),
    "criteria": (lambda c, s: reverse("planning:criteria", args=[c.pk]), {"corporate", "administrator"}),
    "themes": (lambda c, s: reverse("planning:themes", args=[c.pk]), {"corporate", "administrator"}),
    "cycle_edit": (lambda c, s: reverse("planning:cycle_edit", args=[c.pk]), {"corporate", "administrator"}),
    "cycle_create": (lambda c, s: reverse("planning:cycle_create"), {"corporate", "administrator"}),
}
ROLES = ["author", "colleague", "stranger", "corporate", "viewer", "administrator"]


@pytest.mark.parametrize("page", list(PAGES))
@pytest.mark.parametrize("role", ROLES)
def test_each_role_on_each_page(client, people, setup, page, role):
    cycle, submission = setup
    build, allowed = PAGES[page]
    expected = 200 if allowed == "all" or role in allowed else 403
    assert status(client, people[role], build(cycle, submission)) == expected


@pytest.mark.parametrize("page", list(PAGES))
def test_signed_out_people_are_sent_to_sign_in(client, setup, page):
    cycle, submission = setup
    response = client.get(PAGES[page][0](cycle, submission))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_viewer_cannot_post_a_decision(client, people, setup):
    _, submission = setup
    assert (
        status(
            client,
            people["viewer"],
            reverse("planning:decide", args=[submission.pk]),
            "post",
            {"decision": "short_list"},
        )
        == 403
    )
    submission.refresh_from_db()
    assert submission.decision == ""


def test_a_lead_officer_cannot_score_or_confirm(client, people, setup):
    cycle, submission = setup
    client.force_login(people["author"])
    assert client.post(reverse("planning:score", args=[submission.pk]), {}).status_code == 403
    assert client.post(reverse("planning:confirm", args=[cycle.pk])).status_code == 403
    assert not submission.scores.exists()


def test_another_lead_officer_cannot_change_a_submission(client, people, setup):
    _, submission = setup
    url = reverse("planning:submission_edit", args=[submission.pk])
    assert status(client, people["colleague"], url, "post", {"title": "Hijacked"}) == 403
    submission.refresh_from_db()
    assert submission.title == "Library strategy"


def test_the_named_lead_officer_may_change_it_too(client, people, setup):
    _, submission = setup
    Submission.objects.filter(pk=submission.pk).update(lead_officer=people["stranger"])
    assert status(client, people["stranger"], reverse("planning:submission_edit", args=[submission.pk])) == 200


def test_after_the_window_nobody_edits_or_submits(client, people, setup):
    cycle, submission = setup
    cycle.closes_at = cycle.opens_at
    cycle.save()
    for role in ("author", "corporate", "administrator"):
        assert status(client, people[role], reverse("planning:submission_edit", args=[submission.pk])) == 403
        assert status(client, people[role], reverse("planning:submit", args=[cycle.pk])) == 403
    # …but the corporate team still reviews, scores and decides.
    assert status(client, people["corporate"], reverse("planning:decide", args=[submission.pk])) == 200


def test_plan_documents_are_for_everyone_signed_in(client, people, setup):
    from councilplan.plan.models import Plan

    plan = Plan.objects.create(name="Empty plan")
    for role in ROLES:
        assert status(client, people[role], reverse("planning:plan", args=[plan.pk])) == 200

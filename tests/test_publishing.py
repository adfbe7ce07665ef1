"""Publishing a round (issue 12): to members and to the public are two named steps, each with its own
confirmation saying who will read what, each reversible with a reason kept in the history, warned about
missing returns and confirmed twice below the organisation's threshold."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import override_settings
from django.urls import reverse

from councilplan.core.models import User
from councilplan.monitoring import services
from councilplan.monitoring.models import Return, Round
from councilplan.monitoring.services import RoundStateError

pytestmark = pytest.mark.django_db


@pytest.fixture
def corporate(db):
    return User.objects.create(username="cora", role=User.Role.CORPORATE, name="Cora Porate")


@pytest.fixture
def q2(sample_plan):
    """The sample's Q2, closed again: all 79 returns are in."""
    round_ = Round.objects.get(plan=sample_plan, label="2019-20 Q2")
    Round.objects.filter(pk=round_.pk).update(state=Round.State.CLOSED, public=False)
    round_.refresh_from_db()
    return round_


def _public(client, round_):
    return client.get(reverse("public:report", args=[round_.pk])).status_code


def test_publishing_to_members_does_not_put_it_on_the_public_pages(client, corporate, q2):
    client.force_login(corporate)
    page = client.get(reverse("rounds:publish", args=[q2.pk]))
    assert "The public cannot read it yet" in page.text and "All 79 returns are in" in page.text
    assert client.post(reverse("rounds:publish", args=[q2.pk])).status_code == 302
    q2.refresh_from_db()
    assert q2.state == Round.State.PUBLISHED and not q2.public
    client.logout()
    assert _public(client, q2) == 404
    viewer = User.objects.create(username="val", role=User.Role.VIEWER)
    client.force_login(viewer)
    assert client.get(reverse("reports:round", args=[q2.pk])).status_code == 200


def test_the_public_step_says_where_and_can_be_undone_with_a_reason(client, corporate, q2):
    services.publish_round(q2, corporate)
    client.force_login(corporate)
    page = client.get(reverse("rounds:publish_public", args=[q2.pk]))
    assert f"/public/reports/{q2.pk}/" in page.text and "without signing in" in page.text
    assert client.post(reverse("rounds:publish_public", args=[q2.pk])).status_code == 302
    assert _public(client.__class__(), q2) == 200
    refused = client.post(reverse("rounds:withdraw_public", args=[q2.pk]), {"reason": ""})
    assert refused.status_code == 409 and "Say why it is being withdrawn" in refused.text
    response = client.post(reverse("rounds:withdraw_public", args=[q2.pk]), {"reason": "Figures to be checked"})
    assert response.status_code == 302
    assert _public(client.__class__(), q2) == 404
    q2.refresh_from_db()
    assert q2.state == Round.State.PUBLISHED
    assert q2.history.first().history_change_reason == "Withdrawn from the public: Figures to be checked"


def test_withdrawing_from_members_closes_it_again_and_takes_it_off_the_public_pages(client, corporate, q2):
    services.publish_round(q2, corporate)
    services.publish_to_public(q2, corporate)
    client.force_login(corporate)
    response = client.post(reverse("rounds:withdraw", args=[q2.pk]), {"reason": "Published by mistake"})
    assert response.status_code == 302
    q2.refresh_from_db()
    assert (q2.state, q2.public) == (Round.State.CLOSED, False)
    viewer = User.objects.create(username="val", role=User.Role.VIEWER)
    client.force_login(viewer)
    assert client.get(reverse("reports:round", args=[q2.pk])).status_code == 403
    reasons = list(q2.history.values_list("history_change_reason", flat=True)[:3])
    assert reasons == [
        "Withdrawn from members: Published by mistake",
        "Published to the public",
        "Published to members",
    ]


@override_settings(COUNCILPLAN_PUBLISH_CONFIRM_BELOW=90)
def test_below_the_threshold_publishing_must_be_confirmed_twice(client, corporate, q2):
    # 8 of the 79 returns back to draft: 71 in, 90% (89.87 rounded half up) is not below 90.
    drafts = list(Return.objects.filter(round=q2).order_by("activity__sort_key")[:8].values_list("pk", flat=True))
    Return.objects.filter(pk__in=drafts).update(state=Return.State.DRAFT)
    assert services.responses(q2).rate == 90 and not services.responses(q2).needs_second_confirmation
    Return.objects.filter(round=q2, state=Return.State.SUBMITTED).order_by("activity__sort_key").filter(
        pk__in=Return.objects.filter(round=q2, state=Return.State.SUBMITTED).order_by("activity__sort_key")[:1]
    ).update(state=Return.State.DRAFT)
    found = services.responses(q2)
    assert (found.in_scope, found.submitted, found.missing, found.rate) == (79, 70, 9, 89)
    client.force_login(corporate)
    page = client.get(reverse("rounds:publish", args=[q2.pk]))
    assert "70 of 79 returns are in (89%): 9 are missing" in page.text
    assert reverse("rounds:tracker", args=[q2.pk]) in page.text
    refused = client.post(reverse("rounds:publish", args=[q2.pk]))
    assert refused.status_code == 409
    assert "Confirm that the report is to be published with 9 returns missing" in refused.text
    q2.refresh_from_db()
    assert q2.state == Round.State.CLOSED
    with pytest.raises(RoundStateError, match="confirm"):
        services.publish_round(q2, corporate)
    assert client.post(reverse("rounds:publish", args=[q2.pk]), {"confirm_missing": "on"}).status_code == 302
    q2.refresh_from_db()
    assert q2.state == Round.State.PUBLISHED


def test_the_report_version_has_a_page_of_its_own(client, corporate, q2):
    client.force_login(corporate)
    url = reverse("rounds:report_version", args=[q2.pk])
    assert "Policy &amp; Resources Cabinet Committee – 8 November 2019" in client.get(url).text
    assert client.post(url, {"report_version": "Cabinet – 2 December 2019"}).status_code == 302
    q2.refresh_from_db()
    assert q2.report_version == "Cabinet – 2 December 2019"
    lead = User.objects.create(username="lee", role=User.Role.LEAD_OFFICER)
    client.force_login(lead)
    assert client.get(url).status_code == 403


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_rounds_published_before_the_two_steps_stay_public():
    executor = MigrationExecutor(connection)
    before = [("monitoring", "0003_activities_in_plan_register")]
    executor.migrate(before)
    old = executor.loader.project_state([*before, ("plan", "0002_tables_named_for_plan")]).apps
    Plan = old.get_model("plan", "Plan")
    OldRound = old.get_model("monitoring", "Round")
    plan = Plan.objects.create(name="Older plan")
    published = OldRound.objects.create(plan=plan, label="2018-19 Q4", state="published")
    closed = OldRound.objects.create(plan=plan, label="2019-20 Q1", state="closed")
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert Round.objects.get(pk=published.pk).public is True
    assert Round.objects.get(pk=closed.pk).public is False

"""The read-only API and personal API tokens: the public slice, exempt activities, token rules, CSV."""

import datetime as dt

import pytest
from django.utils import timezone

from councilplan.api.models import ApiToken
from councilplan.api.services import create_token, hash_of, revoke_token


@pytest.fixture
def plan(small_plan):
    from councilplan.plan.models import Activity

    Activity.objects.filter(plan=small_plan, ref="10").update(exempt=True, title="=SECRET-MARKER library")
    return small_plan


def _token(django_user_model, username, role, cleared=False):
    user = django_user_model.objects.create(username=username, role=role, cleared_for_exempt=cleared)
    _, token = create_token(user, "test", dt.date.today() + dt.timedelta(days=30))
    return user, {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_anonymous_reads_published_plans_only_and_never_an_exempt_activity(client, plan):
    assert client.get("/api/v1/plans").json()["count"] == 0
    assert client.get(f"/api/v1/plans/{plan.pk}/activities").status_code == 404
    plan.published = True
    plan.save()
    body = client.get(f"/api/v1/plans/{plan.pk}/activities").json()
    assert sorted(a["ref"] for a in body["items"]) == ["1", "2"]
    assert b"SECRET-MARKER" not in client.get(f"/api/v1/plans/{plan.pk}/activities?format=csv").content
    assert b"SECRET-MARKER" not in client.get(f"/public/open-data/plans/{plan.pk}.json").content


@pytest.mark.parametrize(
    ("role", "cleared", "refs"),
    [
        ("lead_officer", False, ["1", "2"]),
        ("viewer", False, ["1", "2"]),
        ("viewer", True, ["1", "10", "2"]),
        ("corporate", False, ["1", "10", "2"]),
    ],
)
def test_a_token_reads_what_its_owner_may(client, plan, django_user_model, role, cleared, refs):
    _, headers = _token(django_user_model, "reader", role, cleared)
    body = client.get(f"/api/v1/plans/{plan.pk}/activities", **headers).json()
    assert sorted(a["ref"] for a in body["items"]) == refs


def test_returns_kpis_and_risks_are_not_public(client, plan):
    from councilplan.monitoring.models import Round

    round_ = Round.objects.create(plan=plan, label="2019-20 Q1", state="published", public=True)
    assert client.get(f"/api/v1/rounds/{round_.pk}/returns").status_code == 401
    assert client.get("/api/v1/kpis").status_code == 401
    assert client.get("/api/v1/risks").status_code == 401
    assert client.get("/api/v1/rounds").json()["count"] == 1


def test_revoked_expired_and_unknown_tokens_are_refused(client, plan, django_user_model):
    user, headers = _token(django_user_model, "reader", "corporate")
    assert client.get("/api/v1/plans", **headers).status_code == 200
    assert ApiToken.objects.get().last_used_at is not None
    assert client.get("/api/v1/plans", HTTP_AUTHORIZATION="Bearer nonsense").status_code == 401
    assert client.get("/api/v1/plans", HTTP_AUTHORIZATION="Basic abc").status_code == 401
    ApiToken.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert client.get("/api/v1/plans", **headers).status_code == 401
    ApiToken.objects.update(expires_at=timezone.now() + dt.timedelta(days=1))
    revoke_token(user, ApiToken.objects.get().pk)
    response = client.get("/api/v1/plans", **headers)
    assert response.status_code == 401 and response["WWW-Authenticate"].startswith("Bearer")
    assert [h.history_change_reason for h in ApiToken.history.order_by("history_date")] == [
        "Created",
        "Revoked by its owner",
    ]


def test_a_token_lasts_a_year_at_most_and_is_kept_hashed(django_user_model):
    from django.core.exceptions import ValidationError

    user = django_user_model.objects.create(username="u", role="viewer")
    with pytest.raises(ValidationError):
        create_token(user, "long", dt.date(2027, 1, 3), today=dt.date(2026, 1, 1))
    with pytest.raises(ValidationError):
        create_token(user, "past", dt.date(2025, 12, 31), today=dt.date(2026, 1, 1))
    record, token = create_token(user, "ok", dt.date(2026, 12, 31), today=dt.date(2026, 1, 1))
    assert record.key_hash == hash_of(token) and token not in record.key_hash


def test_the_token_page_shows_the_token_once(client, django_user_model):
    user = django_user_model.objects.create(username="u", role="viewer")
    client.force_login(user)
    when = dt.date.today() + dt.timedelta(days=10)
    response = client.post(
        "/account/api-tokens/new/",
        {"name": "Power BI", "expires_on-day": when.day, "expires_on-month": when.month, "expires_on-year": when.year},
    )
    assert response.status_code == 200, response.content[:500]
    token = response.context["token"]
    assert token.encode() in response.content
    listing = client.get("/account/api-tokens/")
    assert b"Power BI" in listing.content and token.encode() not in listing.content
    response = client.post("/account/api-tokens/new/", {"name": ""})
    assert b"Enter a name for the token" in response.content
    client.logout()
    assert client.get("/account/api-tokens/").status_code == 302


def test_csv_is_formula_safe(client, plan, django_user_model):
    _, headers = _token(django_user_model, "reader", "corporate")
    content = client.get(f"/api/v1/plans/{plan.pk}/activities?format=csv", **headers).content.decode()
    assert "'=SECRET-MARKER" in content and ",=SECRET" not in content


def test_activities_read_in_a_fixed_number_of_queries(client, plan, django_user_model, django_assert_max_num_queries):
    from councilplan.plan.models import Activity

    _, headers = _token(django_user_model, "reader", "lead_officer")
    with django_assert_max_num_queries(12):
        client.get(f"/api/v1/plans/{plan.pk}/activities", **headers)
    first = Activity.objects.filter(plan=plan).first()
    for n in range(30):
        Activity.objects.create(
            plan=plan, ref=f"9{n}", title="more", outcome=first.outcome, activity_type="x", end_date=first.end_date
        )
    with django_assert_max_num_queries(12):
        assert client.get(f"/api/v1/plans/{plan.pk}/activities", **headers).json()["count"] == 32


def test_schema_describes_every_field(client):
    schema = client.get("/api/v1/openapi.json").json()
    missing = [
        (name, field)
        for name, component in schema["components"]["schemas"].items()
        for field, spec in component.get("properties", {}).items()
        if not spec.get("description")
    ]
    assert missing == []


def test_the_docs_page_uses_the_swagger_ui_we_serve_not_a_cdn(client):
    """ninja is not an installed app (start-up), so it would fall back to its CDN template: our page keeps the
    scripts it ships, served from our own static files (the Content Security Policy allows no other host)."""
    from django.contrib.staticfiles import finders

    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    html = page.content.decode()
    assert "cdn" not in html.lower()
    assert 'src="/static/ninja/swagger-ui-bundle.js"' in html
    assert 'href="/static/ninja/swagger-ui.css"' in html
    assert finders.find("ninja/swagger-ui-bundle.js")
    assert finders.find("ninja/swagger-ui-init.js")

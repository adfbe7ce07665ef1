"""The shared cache (COUNCILPLAN_REDIS_URL): with several web workers, what one works out (the home dashboard's
published part, the round's report page, a chart) is kept in Redis and served to the others. Run against the
real Redis on 127.0.0.1:6379 (CI has it; elsewhere the test is skipped if none answers)."""

import os
import uuid

import pytest
import redis
from django.core.cache import caches

from councilplan.core.models import User
from councilplan.monitoring.models import Round

REDIS_URL = os.environ.get("COUNCILPLAN_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def shared_cache(settings):
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.ConnectionError:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"no Redis answers at {REDIS_URL}")
    prefix = f"councilplan-test-{uuid.uuid4().hex[:8]}"
    backend = "django.core.cache.backends.redis.RedisCache"
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": REDIS_URL, "KEY_PREFIX": prefix}}
    yield client, prefix
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def kept_keys(client, prefix: str) -> list[str]:
    return sorted(key.decode().split(":", 2)[2] for key in client.scan_iter(f"{prefix}:*"))


def test_the_report_page_and_the_dashboard_worked_out_once_are_kept_in_redis_for_every_worker(
    shared_cache, client, sample_plan
):
    redis_client, prefix = shared_cache
    assert caches["default"].__class__.__name__ == "RedisCache"
    reader = User.objects.create(username="reader", role="corporate", name="Cora Porate")
    client.force_login(reader)
    round_ = Round.objects.get(label="2019-20 Q2")

    first = client.get(f"/reports/{round_.pk}/")
    assert first.status_code == 200
    home = client.get("/")
    assert home.status_code == 200 and "81% (64) of activities are on track" in home.text

    keys = kept_keys(redis_client, prefix)
    assert any(key.startswith("chart:") for key in keys)  # the charts drawn, by their content
    assert len(keys) >= 3

    # Another worker (a fresh connection to the same Redis, nothing in its own memory) gets the same page from
    # what was kept, and the kept page really is the report's.
    caches["default"].close()
    again = client.get(f"/reports/{round_.pk}/")
    assert again.status_code == 200
    assert "of activities are on track" in again.text
    assert again.text.count("<svg") == first.text.count("<svg") > 0
    assert kept_keys(redis_client, prefix) == keys  # nothing new worked out

"""The data version a kept document is made for (documents.jobs.latest_change, system_version): one query however
many history tables a system has, and a new version after any change to any of them."""

from __future__ import annotations

import pytest
from django.db.models import Max

from councilplan.core.models import Directorate
from councilplan.documents import jobs
from councilplan.policies.models import Policy

pytestmark = pytest.mark.django_db


def test_latest_change_reads_every_history_in_one_query_and_keeps_each_querysets_filter(
    django_assert_num_queries,
):
    first = Directorate.objects.create(name="First")
    second = Directorate.objects.create(name="Second")
    first.name = "First, renamed"
    first.save()
    with django_assert_num_queries(1):
        got = jobs.latest_change(Directorate, Directorate.history.filter(id=second.pk), Policy)
    # Worked out independently: each history's own maximum, read one by one.
    every = Directorate.history.aggregate(m=Max("history_id"))["m"]
    of_second = Directorate.history.filter(id=second.pk).aggregate(m=Max("history_id"))["m"]
    assert got == (every, of_second, 0)  # no policy yet: 0, not None
    assert every > of_second


def test_system_version_is_one_query_and_changes_with_any_record_of_the_system(django_assert_num_queries):
    with django_assert_num_queries(1):
        before = jobs.system_version("policies", "performance")
    assert len(before) > 10  # every history table of both systems, and of people and directorates
    Directorate.objects.create(name="Third")
    after = jobs.system_version("policies", "performance")
    assert after != before
    assert jobs.system_version("policies", "performance") == after  # and stays while nothing changes

"""With the whole sample loaded (`load-sample`: the plan first, then each system), the register's entries are
linked to the 2019-20 plan's activities as its README lists, and each activity's page shows them."""

import pytest
from django.urls import reverse

from councilplan.core.models import User
from councilplan.plan.models import Activity

pytestmark = pytest.mark.django_db


def test_activities_show_their_strategies_and_policies(client, whole_sample):
    vcs_review = Activity.objects.get(plan=whole_sample, ref="68")
    assert [p.number for p in vcs_review.policies.all()] == [45]
    assert vcs_review.policies.get().title == "Voluntary and Community Sector Policy (2015)"
    linked = {a.ref for a in Activity.objects.filter(plan=whole_sample, policies__isnull=False)}
    assert linked == {"68", "62", "40", "48", "33", "1", "37", "21", "69"}
    client.force_login(User.objects.create(username="vic.viewer", role="viewer"))
    page = client.get(reverse("activity", args=[vcs_review.pk])).content.decode()
    assert "Strategies and policies" in page and "45. Voluntary and Community Sector Policy (2015)" in page

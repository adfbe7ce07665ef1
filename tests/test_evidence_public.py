"""Evidence on the public report: the files officers chose for publishing, of a round published to the public,
listed on its report with a link the public may use; every other file (not chosen, an exempt activity's, a draft
return's, another round's, a round not published to the public) is not found. Risk reviews are never shown to the
public, so their files never are."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from evidence_support import PDF, PNG, upload
from risk_support import make_register, make_risk, make_user

from councilplan.core.models import User
from councilplan.monitoring import selectors, services
from councilplan.monitoring.models import Return, Round
from councilplan.plan.models import Activity
from councilplan.risks import services as risk_services

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def evidence_dir(settings, tmp_path):
    folder = tmp_path / "evidence"
    settings.STORAGES = {
        **settings.STORAGES,
        "evidence": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(folder)}},
    }
    return folder


def _round(plan, label, **kwargs) -> Round:
    return Round.objects.create(
        plan=plan,
        label=label,
        opens_at=timezone.now() - dt.timedelta(days=30),
        closes_at=timezone.now() - dt.timedelta(days=1),
        **kwargs,
    )


@pytest.fixture
def scene(small_plan):
    team = User.objects.create(username="team", role=User.Role.CORPORATE)
    schools, highways, library = (small_plan.activities.get(ref=ref) for ref in ("1", "2", "10"))
    Activity.objects.filter(pk=highways.pk).update(exempt=True)
    published = _round(small_plan, "2019-20 Q2", state=Round.State.PUBLISHED, public=True)
    members_only = _round(small_plan, "2019-20 Q3", state=Round.State.PUBLISHED, public=False)

    def attach(round_, activity, name, publish, state=Return.State.SUBMITTED):
        ret, _ = Return.objects.get_or_create(round=round_, activity=activity, defaults={"state": state})
        content = PNG if name.endswith(".png") else PDF
        return services.attach_return_evidence(ret, upload(name, content), team, publish=publish)

    files = {
        "shared": attach(published, schools, "Schools board minutes.pdf", True),
        "kept": attach(published, schools, "Internal note.pdf", False),
        "exempt": attach(published, highways, "Contract prices.pdf", True),
        "draft": attach(published, library, "Library draft.png", True, state=Return.State.DRAFT),
        "members": attach(members_only, schools, "Q3 minutes.pdf", True),
    }
    return {"published": published, "members_only": members_only, "files": files, "schools": schools}


def _download(client, round_, item):
    return client.get(reverse("public:report_evidence", args=[round_.pk, item.pk]))


def test_the_public_report_lists_and_downloads_only_the_file_chosen_for_publishing(client, scene):
    published, files = scene["published"], scene["files"]
    page = client.get(reverse("public:report", args=[published.pk]))
    assert page.status_code == 200
    text = page.text
    assert "Evidence published with this report" in text
    assert "Schools board minutes.pdf" in text
    assert reverse("public:report_evidence", args=[published.pk, files["shared"].pk]) in text
    for other in ("Internal note.pdf", "Contract prices.pdf", "Library draft.png", "Q3 minutes.pdf"):
        assert other not in text, other

    response = _download(client, published, files["shared"])
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Schools%20board%20minutes.pdf" in response["Content-Disposition"] or (
        "Schools board minutes.pdf" in response["Content-Disposition"]
    )


@pytest.mark.parametrize("which", ["kept", "exempt", "draft"])
def test_every_other_file_of_the_published_round_is_not_found(client, scene, which):
    assert _download(client, scene["published"], scene["files"][which]).status_code == 404


def test_a_round_not_published_to_the_public_has_no_public_files(client, scene):
    members_only, item = scene["members_only"], scene["files"]["members"]
    assert _download(client, members_only, item).status_code == 404
    assert client.get(reverse("public:report", args=[members_only.pk])).status_code == 404
    # Nor through another round's address that is published.
    assert _download(client, scene["published"], item).status_code == 404
    # Published to the public later: then it is.
    Round.objects.filter(pk=members_only.pk).update(public=True)
    assert _download(client, members_only, item).status_code == 200


def test_withdrawn_from_the_public_or_made_exempt_afterwards_the_file_is_not_found(client, scene):
    published, shared = scene["published"], scene["files"]["shared"]
    assert _download(client, published, shared).status_code == 200
    Activity.objects.filter(pk=scene["schools"].pk).update(exempt=True)
    assert _download(client, published, shared).status_code == 404
    Activity.objects.filter(pk=scene["schools"].pk).update(exempt=False)
    Round.objects.filter(pk=published.pk).update(public=False)
    assert _download(client, published, shared).status_code == 404


def test_an_outcome_s_version_lists_only_its_activities_files(client, scene):
    published = scene["published"]
    growth = Activity.objects.get(plan=published.plan, ref="2").outcome  # Economic growth: exempt highways only
    assert growth != scene["schools"].outcome
    url = reverse("public:report", args=[published.pk])
    assert "Schools board minutes.pdf" in client.get(url, {"outcome": scene["schools"].outcome_id}).text
    assert "Evidence published with this report" not in client.get(url, {"outcome": growth.pk}).text


def test_the_public_list_is_one_query_however_many_files(scene, django_assert_num_queries):
    published, schools = scene["published"], scene["schools"]
    ret = Return.objects.get(round=published, activity=schools)
    team = User.objects.get(username="team")
    for n in range(3):
        services.attach_return_evidence(ret, upload(f"more {n}.pdf", PDF), team, publish=True)
    with django_assert_num_queries(1):
        rows = selectors.published_evidence(published)
    assert [row.name for row in rows] == ["Schools board minutes.pdf", "more 0.pdf", "more 1.pdf", "more 2.pdf"]
    assert {(row.activity_ref, row.kind) for row in rows} == {("1", "a PDF")}


def test_a_risk_review_s_file_is_never_for_the_public_even_marked_for_publishing(client):
    risk = make_risk(make_register())
    review = risk.reviews.get()
    item = risk_services.attach_review_evidence(review, upload("r.pdf", PDF), make_user("corp", role="corporate"))
    type(item).objects.filter(pk=item.pk).update(publish=True)
    url = reverse("risks:review_evidence_download", args=[risk.code, review.pk, item.pk])
    response = client.get(url)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))

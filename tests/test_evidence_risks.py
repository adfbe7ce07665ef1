"""Evidence on a risk review (issue 12): the risk's owners and the corporate team attach files to a review, with
the same checks as a return's (core.evidence); whoever reads the risk downloads them; an exempt risk's files only
people cleared for exempt information; the public never, and never in the register's documents."""

from __future__ import annotations

import pytest
from django.urls import reverse
from evidence_support import PDF, PROGRAM, upload
from risk_support import make_register, make_risk, make_user

from councilplan.risks import selectors, services
from councilplan.risks.models import ReviewEvidence, Risk

pytestmark = pytest.mark.django_db

ROLES = ["viewer", "lead_officer", "owner", "corporate", "administrator"]


@pytest.fixture(autouse=True)
def evidence_dir(settings, tmp_path):
    folder = tmp_path / "evidence"
    settings.STORAGES = {
        **settings.STORAGES,
        "evidence": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(folder)}},
    }
    return folder


@pytest.fixture
def world():
    risk = make_risk(make_register())
    users = {role: make_user(f"{role}.person", role="lead_officer" if role == "owner" else role) for role in ROLES}
    users["cleared"] = make_user("cleared.person", role="viewer", cleared_for_exempt=True)
    services.set_owner_users(risk, [users["owner"]], user=None)
    return {"risk": risk, "review": risk.reviews.get(), "users": users}


def _page(world) -> str:
    return reverse("risks:review_evidence", args=[world["risk"].code, world["review"].pk])


def _attach(client, user, world, file):
    client.force_login(user)
    return client.post(_page(world), {"file": file})


def _download_url(world, item) -> str:
    return reverse("risks:review_evidence_download", args=[world["risk"].code, world["review"].pk, item.pk])


def test_the_owner_attaches_a_file_to_a_review_listed_on_the_risk_page(client, world, evidence_dir):
    owner = world["users"]["owner"]
    response = _attach(client, owner, world, upload("Review notes.pdf", PDF))
    assert response.status_code == 302 and response.url == _page(world) + "#evidence"
    item = ReviewEvidence.objects.get(review=world["review"])
    assert (item.original_name, item.content_type, item.uploaded_by, item.publish) == (
        "Review notes.pdf", "application/pdf", owner, False,
    )  # fmt: skip
    assert (evidence_dir / item.file.name).read_bytes() == PDF
    assert item.history.get().history_change_reason == "Attached Review notes.pdf"

    risk_page = client.get(reverse("risks:risk", args=[world["risk"].code])).text
    assert f'href="{_page(world)}">1 file<' in risk_page
    page = client.get(_page(world)).text
    assert "Review notes.pdf" in page and f'href="{_download_url(world, item)}"' in page
    assert "It may be published" not in page  # risk evidence is never published
    downloaded = client.get(_download_url(world, item))
    assert downloaded.status_code == 200 and b"".join(downloaded.streaming_content) == PDF
    assert downloaded["Content-Disposition"].startswith("attachment;")


def test_who_may_attach_and_read(client, world):
    users = world["users"]
    for role, status in [("viewer", 403), ("lead_officer", 403), ("corporate", 302), ("administrator", 302)]:
        assert _attach(client, users[role], world, upload(f"{role}.pdf", PDF)).status_code == status, role
    item = ReviewEvidence.objects.first()
    for role in ROLES:
        client.force_login(users[role])
        page = client.get(_page(world))
        assert page.status_code == 200, role
        assert ("Attach the file" in page.text) == (role in {"owner", "corporate", "administrator"}), role
        assert client.get(_download_url(world, item)).status_code == 200, role
    remove = reverse("risks:review_evidence_remove", args=[world["risk"].code, world["review"].pk, item.pk])
    client.force_login(users["lead_officer"])
    assert client.post(remove).status_code == 403
    client.force_login(users["owner"])
    assert client.post(remove).status_code == 302
    assert not ReviewEvidence.objects.filter(pk=item.pk).exists()
    # The public never.
    client.logout()
    other = ReviewEvidence.objects.get()
    response = client.get(_download_url(world, other))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_wrong_type_and_too_big_are_refused_in_the_error_summary(client, world, settings):
    owner = world["users"]["owner"]
    response = _attach(client, owner, world, upload("minutes.pdf", PROGRAM))
    assert response.status_code == 400
    assert '<a href="#id_file">The file is not a PDF, although its name ends .pdf</a>' in response.text
    assert "There is a problem" in response.text
    settings.MAX_EVIDENCE_BYTES = 10
    response = _attach(client, owner, world, upload("minutes.pdf", PDF))
    assert response.status_code == 400
    assert '<a href="#id_file">The file must be smaller than 10\xa0bytes</a>' in response.text
    assert not ReviewEvidence.objects.exists()


def test_an_exempt_risk_s_files_are_for_people_cleared_only(client, world):
    users = world["users"]
    _attach(client, users["owner"], world, upload("a.pdf", PDF))
    item = ReviewEvidence.objects.get()
    Risk.objects.filter(pk=world["risk"].pk).update(exempt=True)
    for role, status in [("viewer", 404), ("lead_officer", 404), ("owner", 404), ("cleared", 200), ("corporate", 200)]:
        client.force_login(users[role])
        assert client.get(_download_url(world, item)).status_code == status, role
        assert client.get(_page(world)).status_code == status, role


def test_never_in_the_register_document(client, world):
    _attach(client, world["users"]["owner"], world, upload("Confidential review.pdf", PDF))
    client.get(_page(world))  # the success message, read
    register = world["risk"].register
    client.force_login(world["users"]["corporate"])
    document = client.get(reverse("risks:register_document", args=[register.pk]))
    assert document.status_code == 200 and "Confidential review" not in document.text
    data = client.get(reverse("risks:register_download", args=[register.pk, "json"]))
    assert b"Confidential review" not in data.content


def test_the_list_is_one_query_however_many_files(client, world, django_assert_num_queries):
    for n in range(3):
        _attach(client, world["users"]["owner"], world, upload(f"{n}.pdf", PDF))
    with django_assert_num_queries(1):
        rows = selectors.review_evidence(world["review"])
    assert [row.name for row in rows] == ["0.pdf", "1.pdf", "2.pdf"]


def test_the_reviews_table_links_a_reader_only_to_files_there_are(client, world):
    risk_url = reverse("risks:risk", args=[world["risk"].code])
    client.force_login(world["users"]["viewer"])
    assert f'href="{_page(world)}"' not in client.get(risk_url).text  # nothing to read, nothing to attach
    client.force_login(world["users"]["owner"])
    assert f'href="{_page(world)}">Attach files<' in client.get(risk_url).text
    _attach(client, world["users"]["owner"], world, upload("a.pdf", PDF))
    client.force_login(world["users"]["viewer"])
    assert f'href="{_page(world)}">1 file<' in client.get(risk_url).text

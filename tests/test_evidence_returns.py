"""Evidence on a monitoring return (issue 12): the officer (while the return can be changed) or the corporate team
attach files; size and type are checked by the file's first bytes; the return's readers download them; an exempt
activity's files are for people cleared for exempt information; the public only a file chosen for publishing, of a
round published to the public."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from evidence_support import PDF, PNG, PROGRAM, docx, upload, zip_not_word

from councilplan.core.evidence import check_evidence_upload, evidence_storage
from councilplan.core.models import User
from councilplan.monitoring import selectors
from councilplan.monitoring.models import Return, ReturnEvidence, Round

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def evidence_dir(settings, tmp_path):
    """Each test's files in a folder of its own (the evidence storage of settings.STORAGES)."""
    folder = tmp_path / "evidence"
    settings.STORAGES = {
        **settings.STORAGES,
        "evidence": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(folder)}},
    }
    return folder


@pytest.fixture
def scene(small_plan):
    activity = small_plan.activities.select_related("directorate").get(ref="1")
    lead = activity.lead_officer
    User.objects.filter(pk=lead.pk).update(name="Ann Officer", role=User.Role.LEAD_OFFICER)
    lead.refresh_from_db()
    other_lead = small_plan.activities.get(ref="2").lead_officer  # Growth's, not this activity's
    reader = User.objects.create(username="reader", role=User.Role.VIEWER, directorate=activity.directorate)
    cleared = User.objects.create(
        username="cleared", role=User.Role.VIEWER, directorate=activity.directorate, cleared_for_exempt=True
    )
    team = User.objects.create(username="team", role=User.Role.CORPORATE, name="Pat Policy")
    round_ = Round.objects.create(
        plan=small_plan,
        label="2019-20 Q3",
        opens_at=timezone.now() - dt.timedelta(days=1),
        closes_at=timezone.now() + dt.timedelta(days=9),
        state=Round.State.OPEN,
    )
    ret = Return.objects.create(round=round_, activity=activity, state=Return.State.SUBMITTED)
    return {
        "activity": activity, "lead": lead, "other_lead": other_lead, "reader": reader, "cleared": cleared,
        "team": team, "round": round_, "ret": ret,
    }  # fmt: skip


def _attach(client, user, ret, file, **data):
    client.force_login(user)
    return client.post(reverse("monitoring:evidence_attach", args=[ret.pk]), {"file": file, **data})


def _download(client, ret, item):
    return client.get(reverse("monitoring:evidence_download", args=[ret.pk, item.pk]))


def test_the_lead_officer_attaches_a_pdf_listed_on_the_return_page_and_downloaded(client, scene, evidence_dir):
    ret = scene["ret"]
    response = _attach(client, scene["lead"], ret, upload("Board minutes.pdf", PDF, "text/html"))
    assert response.status_code == 302
    assert response.url == reverse("monitoring:return_detail", args=[ret.pk]) + "#evidence"
    item = ReturnEvidence.objects.get(ret=ret)
    assert (item.original_name, item.size, item.content_type) == ("Board minutes.pdf", len(PDF), "application/pdf")
    assert item.uploaded_by == scene["lead"] and item.publish is False
    # Kept in the evidence storage under a name of its own making, with the same bytes.
    assert item.file.name.startswith(f"returns/{ret.pk}/") and "Board" not in item.file.name
    assert (evidence_dir / item.file.name).read_bytes() == PDF
    with evidence_storage().open(item.file.name, "rb") as kept:
        assert kept.read() == PDF
    assert item.history.get().history_change_reason == "Attached Board minutes.pdf"
    assert item.history.get().history_user == scene["lead"]

    page = client.get(reverse("monitoring:return_detail", args=[ret.pk])).text
    link = reverse("monitoring:evidence_download", args=[ret.pk, item.pk])
    assert f'href="{link}"' in page and "Board minutes.pdf" in page and "by Ann Officer" in page
    assert "Not published" in page

    downloaded = _download(client, ret, item)
    assert downloaded.status_code == 200
    assert b"".join(downloaded.streaming_content) == PDF
    assert downloaded["Content-Type"] == "application/pdf"  # judged by the file, not by what the browser said
    assert downloaded["Content-Disposition"].startswith("attachment;")
    assert 'filename="Board minutes.pdf"' in downloaded["Content-Disposition"]
    assert downloaded["X-Content-Type-Options"] == "nosniff"


def test_word_documents_and_images_are_kept_with_their_own_type(client, scene):
    assert _attach(client, scene["lead"], scene["ret"], upload("plan.docx", docx())).status_code == 302
    assert _attach(client, scene["lead"], scene["ret"], upload("site.PNG", PNG)).status_code == 302
    types = list(ReturnEvidence.objects.order_by("pk").values_list("content_type", flat=True))
    assert types == ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "image/png"]


REFUSED = [
    ("setup.exe", PROGRAM, "The file must be a PDF, Word, Excel, CSV, text or image (PNG, JPEG, GIF) file"),
    ("report.pdf", PROGRAM, "The file is not a PDF, although its name ends .pdf"),
    ("plan.docx", zip_not_word(), "The file is not a Word document, although its name ends .docx"),
    ("notes.txt", PROGRAM, "The file is not a text file: it holds binary data"),
    ("photo.jpg", PDF, "The file is not a JPEG image, although its name ends .jpg"),
    ("empty.pdf", b"", "The file is empty"),
]


def test_a_file_of_the_wrong_type_is_refused_in_the_error_summary(client, scene, evidence_dir):
    for name, content, message in REFUSED:
        response = _attach(client, scene["lead"], scene["ret"], upload(name, content))
        assert response.status_code == 400, name
        page = response.text
        summary = page[page.index('class="govuk-error-summary"') :]
        assert summary.index("There is a problem") < summary.index(f'<a href="#id_file">{message}</a>'), name
        assert "govuk-file-upload--error" in page
    assert not ReturnEvidence.objects.exists()
    assert not [path for path in evidence_dir.rglob("*") if path.is_file()]  # nothing kept


def test_a_file_too_big_is_refused(client, scene, settings):
    settings.MAX_EVIDENCE_BYTES = 1024
    response = _attach(client, scene["lead"], scene["ret"], upload("big.pdf", PDF + b" " * 1024))
    assert response.status_code == 400
    assert '<a href="#id_file">The file must be smaller than 1.0\xa0KB</a>' in response.text
    assert not ReturnEvidence.objects.exists()
    # At the limit exactly it is kept.
    assert (
        _attach(client, scene["lead"], scene["ret"], upload("ok.pdf", PDF + b" " * (1024 - len(PDF)))).status_code
        == 302
    )


def test_the_check_reads_the_first_bytes_not_the_name_alone():
    assert check_evidence_upload(upload("a.csv", b"ref,title\n1,Schools\n")).content_type == "text/csv"
    assert check_evidence_upload(upload("A.PDF", PDF)).content_type == "application/pdf"
    with pytest.raises(Exception, match="not a PDF"):
        check_evidence_upload(upload("a.pdf", b"<html><script>alert(1)</script>"))


def test_who_may_attach(client, scene):
    ret = scene["ret"]
    # Another directorate's lead officer and a reader of the directorate may not; they see no form.
    assert _attach(client, scene["other_lead"], ret, upload("a.pdf", PDF)).status_code == 403
    assert _attach(client, scene["reader"], ret, upload("a.pdf", PDF)).status_code == 403
    page = client.get(reverse("monitoring:return_detail", args=[ret.pk])).text
    assert 'id="evidence"' in page and "Attach the file" not in page
    # Once the round is closed the lead officer may not; the corporate team still may.
    Round.objects.filter(pk=scene["round"].pk).update(state=Round.State.CLOSED)
    assert _attach(client, scene["lead"], ret, upload("a.pdf", PDF)).status_code == 403
    assert _attach(client, scene["team"], ret, upload("a.pdf", PDF)).status_code == 302
    assert ReturnEvidence.objects.get().uploaded_by == scene["team"]


def test_removing_a_file_deletes_it_and_the_history_keeps_who(client, scene, django_capture_on_commit_callbacks):
    ret = scene["ret"]
    _attach(client, scene["lead"], ret, upload("old.pdf", PDF))
    item = ReturnEvidence.objects.get()
    url = reverse("monitoring:evidence_remove", args=[ret.pk, item.pk])
    client.force_login(scene["reader"])
    assert client.post(url).status_code == 403
    client.force_login(scene["lead"])
    assert "Remove old.pdf?" in client.get(url).text
    with django_capture_on_commit_callbacks(execute=True):  # the file goes when the deletion commits
        assert client.post(url).status_code == 302
    assert not ReturnEvidence.objects.exists()
    assert not evidence_storage().exists(item.file.name)
    removed = ReturnEvidence.history.filter(id=item.pk).order_by("history_date").last()
    assert (removed.history_type, removed.history_user, removed.history_change_reason) == (
        "-", scene["lead"], "Removed old.pdf",
    )  # fmt: skip


def test_download_permissions_follow_the_return(client, scene):
    ret = scene["ret"]
    _attach(client, scene["lead"], ret, upload("a.pdf", PDF))
    item = ReturnEvidence.objects.get()
    for who, status in [("lead", 200), ("team", 200), ("reader", 200), ("other_lead", 403)]:
        client.force_login(scene[who])
        assert _download(client, ret, item).status_code == status, who
    # A draft return's files are not for the directorate's readers.
    Return.objects.filter(pk=ret.pk).update(state=Return.State.DRAFT)
    client.force_login(scene["reader"])
    assert _download(client, ret, item).status_code == 403
    # A file of another return is not reached through this one.
    other = Return.objects.create(round=scene["round"], activity=scene["activity"].plan.activities.get(ref="2"))
    client.force_login(scene["team"])
    assert client.get(reverse("monitoring:evidence_download", args=[other.pk, item.pk])).status_code == 404


def test_an_exempt_activity_s_files_are_for_people_cleared_only(client, scene):
    ret = scene["ret"]
    _attach(client, scene["lead"], ret, upload("a.pdf", PDF), publish="on")
    item = ReturnEvidence.objects.get()
    type(scene["activity"]).objects.filter(pk=scene["activity"].pk).update(exempt=True)
    for who, status in [("reader", 403), ("other_lead", 403), ("cleared", 200), ("team", 200), ("lead", 200)]:
        client.force_login(scene[who])
        assert _download(client, ret, item).status_code == status, who
    # Even published to the public, with the file chosen for publishing, the public never has it.
    Round.objects.filter(pk=scene["round"].pk).update(state=Round.State.PUBLISHED, public=True)
    client.logout()
    assert _download(client, ret, item).status_code == 302


def test_the_public_has_a_file_only_when_chosen_and_the_round_is_public(client, scene):
    ret = scene["ret"]
    _attach(client, scene["lead"], ret, upload("kept.pdf", PDF))
    _attach(client, scene["lead"], ret, upload("shared.pdf", PDF), publish="on")
    kept, shared = ReturnEvidence.objects.order_by("pk")
    assert (kept.publish, shared.publish) == (False, True)
    client.logout()
    response = _download(client, ret, shared)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))  # the round is open
    Round.objects.filter(pk=scene["round"].pk).update(state=Round.State.PUBLISHED)
    assert _download(client, ret, shared).status_code == 302  # published to members only
    Round.objects.filter(pk=scene["round"].pk).update(public=True)
    assert _download(client, ret, shared).status_code == 200
    assert _download(client, ret, kept).status_code == 302  # not chosen for publishing


def test_the_list_is_one_query_however_many_files(client, scene, django_assert_num_queries):
    for n in range(3):
        _attach(client, scene["lead"], scene["ret"], upload(f"{n}.pdf", PDF))
    with django_assert_num_queries(1):
        rows = selectors.return_evidence(scene["ret"])
    assert [row.name for row in rows] == ["0.pdf", "1.pdf", "2.pdf"]
    assert {row.uploaded_by for row in rows} == {"Ann Officer"}

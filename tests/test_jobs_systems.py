"""The newer systems' documents as jobs (councilplan.documents.jobs): contracts, assurance, policies and feedback
downloads are made by the worker once per version of their data and kept; a document made for one reader is
never given to another (a reader not cleared for exempt information gets one made without it)."""

import pytest
from contracts_support import D, make_body, make_contract, make_user
from django.urls import reverse

from councilplan.contracts import services
from councilplan.contracts.models import Contract
from councilplan.documents.models import KeptDocument

pytestmark = pytest.mark.django_db


@pytest.fixture
def review():
    body = make_body()
    open_contract = make_contract("C-OPEN", "Home care")
    secret = make_contract("C-SECRET", "Confidential waste disposal")
    Contract.objects.filter(pk=secret.pk).update(exempt_paragraph=3, exempt_reason="Commercial terms")
    return services.plan_review(
        body, title="Home care", meeting_date=D(2019, 5, 1), contracts=[open_contract, secret], presenters=["K S"]
    )


def _html(response) -> str:
    assert response.status_code == 200, response.status_code
    return b"".join(response.streaming_content if response.streaming else [response.content]).decode()


def test_a_review_report_is_kept_per_reader_and_leaves_out_the_exempt_contract_for_the_uncleared(client, review):
    url = reverse("contracts:report_download", args=[review.pk, "html"])
    client.force_login(make_user("vic.viewer", "viewer"))
    viewer_copy = _html(client.get(url))
    assert "Home care" in viewer_copy and "Confidential waste disposal" not in viewer_copy
    client.get(url)
    assert KeptDocument.objects.count() == 1  # asked again, data unchanged: the kept file, not a new job

    client.force_login(make_user("ada.admin", "administrator"))
    assert "Confidential waste disposal" in _html(client.get(url))
    assert KeptDocument.objects.count() == 2  # the cleared reader's own copy; the viewer's was never given

    kinds = set(KeptDocument.objects.values_list("kind", flat=True))
    assert kinds == {"councilplan.contracts.downloads.contracts_file"}


def test_a_change_to_the_data_makes_a_new_document(client, review):
    url = reverse("contracts:report_download", args=[review.pk, "html"])
    client.force_login(make_user("vic.viewer", "viewer"))
    client.get(url)
    services.update_contract(Contract.objects.get(reference="C-OPEN"), title="Home care and support")
    assert "Home care and support" in _html(client.get(url))
    # the earlier version's file is forgotten once the new one is made
    assert KeptDocument.objects.filter(state=KeptDocument.State.READY).count() == 1


def test_the_public_feedback_report_is_made_as_a_job_without_the_lessons(client):
    response = client.get(reverse("public:feedback_public:file", args=["html"]))
    assert response.status_code == 200
    document = KeptDocument.objects.get()
    assert document.kind == "councilplan.feedback.downloads.report_file" and document.params["public"] is True

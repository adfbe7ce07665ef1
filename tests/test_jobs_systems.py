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


# --- budget monitoring (councilplan.finance) -----------------------------------------------------------------


@pytest.fixture
def budget_position():
    from finance_support import M, small_budget

    from councilplan.finance import services as finance

    _, units, _, position = small_budget()
    alpha = units[0].directorate
    for code, title, exempt in (("OPEN", "Library refit", None), ("SECRET", "Confidential site purchase", 3)):
        scheme = finance.create_capital_line(code=code, title=title, directorate=alpha)
        if exempt:
            type(scheme).objects.filter(pk=scheme.pk).update(exempt_paragraph=3, exempt_reason="Commercial terms")
        # a real variance of +£2m: listed among the headlines (at least £0.100m)
        finance.save_capital(position, line=scheme, budget=10 * M, real=2 * M, rephasing=0, user=None)
    return position


def test_the_cabinet_report_is_a_job_kept_per_reader_without_the_exempt_scheme_for_the_uncleared(
    client, budget_position
):
    url = reverse("finance:download", args=[budget_position.pk, "html"])
    client.force_login(make_user("vic.viewer", "viewer"))
    viewer_copy = _html(client.get(url))
    assert "Library refit" in viewer_copy and "Confidential site purchase" not in viewer_copy
    client.get(url)
    assert KeptDocument.objects.count() == 1  # asked again, data unchanged: the kept file

    client.force_login(make_user("ada.admin", "administrator"))
    assert "Confidential site purchase" in _html(client.get(url))
    assert KeptDocument.objects.count() == 2
    assert set(KeptDocument.objects.values_list("kind", flat=True)) == {"councilplan.finance.downloads.finance_file"}


def test_the_committee_extract_is_its_own_document_and_a_change_makes_a_new_one(client, budget_position):
    from finance_support import M

    from councilplan.finance import services as finance
    from councilplan.finance.models import ReportingUnit

    client.force_login(make_user("vic.viewer", "viewer"))
    extract = reverse("finance:download", args=[budget_position.pk, "html"]) + "?committee=ALPHA"
    first = _html(client.get(extract))
    assert "Alpha Directorate" in first
    kept = KeptDocument.objects.get()
    assert kept.params["committee"] == "ALPHA"
    finance.add_adjustment(
        budget_position, unit=ReportingUnit.objects.get(code="A1"), amount=-M, reason="Management action", user=None
    )
    assert _html(client.get(extract)) != first
    # a new version of the data: a new document, and the earlier version's forgotten
    assert KeptDocument.objects.get().pk != kept.pk


def test_a_pdf_of_the_cabinet_report_is_made_by_the_worker(client, budget_position):
    client.force_login(make_user("vic.viewer", "viewer"))
    response = client.get(reverse("finance:download", args=[budget_position.pk, "pdf"]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert KeptDocument.objects.get().format == "pdf"


# --- governance (councilplan.governance) ---------------------------------------------------------------------


SECRET_PAPER = "Offers received from bidders"


@pytest.fixture
def meeting():
    from councilplan.governance import services as governance

    body = governance.create_body(code="pr", name="Policy and Resources Cabinet Committee", kind="cabinet_committee")
    found = governance.plan_meeting(body, date=D(2019, 11, 8), venue="Darent Room")
    governance.add_item(found, number="1", title="Work Programme")
    secret = governance.add_item(
        found, number="2", title="Cyber Security", exempt_paragraph=3, exempt_reason="Financial affairs"
    )
    governance.add_document(secret, title=SECRET_PAPER, exempt_paragraph=3, exempt_reason="Financial affairs")
    return found


def test_the_agenda_pack_is_a_job_and_the_exempt_part_reaches_only_the_cleared(client, meeting):
    url = reverse("governance:meeting_pack", args=[meeting.pk, "html"])
    client.force_login(make_user("vic.viewer", "viewer"))
    viewer_copy = _html(client.get(url))
    assert "Work Programme" in viewer_copy and SECRET_PAPER not in viewer_copy and "Cyber Security" not in viewer_copy
    client.get(url)
    assert KeptDocument.objects.count() == 1
    client.force_login(make_user("cleo.cleared", cleared_for_exempt=True))
    assert SECRET_PAPER in _html(client.get(url))
    assert KeptDocument.objects.count() == 2
    assert set(KeptDocument.objects.values_list("kind", flat=True)) == {
        "councilplan.governance.downloads.governance_file"
    }


def test_the_published_pack_is_one_kept_copy_for_everyone_without_the_exempt_part(client, meeting):
    from councilplan.governance import services as governance
    from councilplan.governance.models import Meeting

    public_pdf = reverse("public:governance_public:pack", args=[meeting.pk])
    assert client.get(public_pdf).status_code == 404  # not published yet: nothing is made
    governance.publish_agenda(Meeting.objects.get(pk=meeting.pk), on=D(2019, 10, 31))
    response = client.get(public_pdf)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    document = KeptDocument.objects.get()
    assert document.params["public"] is True and document.params["reader"] is None

    client.force_login(make_user("cleo.cleared", cleared_for_exempt=True))
    published = _html(client.get(reverse("governance:meeting_pack", args=[meeting.pk, "html"]) + "?public=1"))
    assert "Work Programme" in published and SECRET_PAPER not in published
    html_copies = KeptDocument.objects.filter(format="html")
    assert html_copies.count() == 1 and html_copies.get().params["reader"] is None  # made for nobody, shared


def test_a_body_report_is_a_job(client, meeting):
    client.force_login(make_user("vic.viewer", "viewer"))
    page = _html(client.get(reverse("governance:report_file", args=["pr", "html"])))
    assert "Policy and Resources Cabinet Committee" in page
    assert KeptDocument.objects.get().params["what"] == "body"

"""The reports pages: who may see what, downloads, and the corporate team's commentary."""

import io

import docx
import pytest
from report_support import Q1, Q2, parse_html, plain_text

from councilplan.core.models import Outcome, User
from councilplan.monitoring.models import Round
from councilplan.reports.models import Commentary

pytestmark = pytest.mark.django_db


def make_user(username: str, role: str) -> User:
    return User.objects.create_user(username=username, password="correct horse battery staple", role=role)


@pytest.fixture
def q2(sample_plan):
    return Round.objects.get(plan=sample_plan, label=Q2)


@pytest.fixture
def draft(sample_plan):
    return Round.objects.create(plan=sample_plan, label="2019-20 Q3", state=Round.State.DRAFT)


@pytest.fixture
def viewer(client):
    client.force_login(make_user("member", User.Role.VIEWER))
    return client


@pytest.fixture
def corporate(client):
    client.force_login(make_user("policy", User.Role.CORPORATE))
    return client


@pytest.fixture
def lead(client):
    client.force_login(make_user("lead", User.Role.LEAD_OFFICER))
    return client


def test_signed_out_people_are_sent_to_sign_in(client, q2):
    for url in ("/reports/", f"/reports/{q2.pk}/", f"/reports/{q2.pk}/download/pdf/", f"/reports/{q2.pk}/commentary/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_viewer_lists_and_reads_published_rounds_only(viewer, q2, draft):
    index = viewer.get("/reports/").content.decode()

    assert f'href="/reports/{q2.pk}/"' in index
    assert f'href="/reports/{draft.pk}/"' not in index
    page = viewer.get(f"/reports/{q2.pk}/")
    assert page.status_code == 200
    parsed = parse_html(page.content.decode())
    assert ("h1", "Strategic Delivery Plan Monitoring – Analysis Report") in parsed.headings
    assert "81% (64) of activities are on track for successful delivery" in plain_text(page.content.decode())
    assert "Edit the commentary" not in page.content.decode()
    assert viewer.get(f"/reports/{draft.pk}/").status_code == 403
    assert viewer.get(f"/reports/{draft.pk}/download/json/").status_code == 403
    assert viewer.get(f"/reports/{draft.pk}/scorecards/").status_code == 403


def test_corporate_team_reads_draft_rounds(corporate, draft):
    assert corporate.get(f"/reports/{draft.pk}/").status_code == 200
    assert "Draft: this round's report has not been published." in plain_text(
        corporate.get(f"/reports/{draft.pk}/").content.decode()
    )


def test_report_page_links_every_download_and_the_outcome_versions(viewer, q2):
    page = viewer.get(f"/reports/{q2.pk}/").content.decode()

    for fmt in ("html", "pdf", "docx", "xlsx", "json"):
        assert f'href="/reports/{q2.pk}/download/{fmt}/"' in page
    assert f'href="/reports/{q2.pk}/scorecards/"' in page
    for outcome in Outcome.objects.all():
        assert f'<option value="{outcome.pk}"' in page


def test_downloads_are_attachments(viewer, q2):
    response = viewer.get(f"/reports/{q2.pk}/download/docx/")

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="sdp-monitoring-report-2019-20-Q2.docx"'
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert viewer.get(f"/reports/{q2.pk}/download/exe/").status_code == 404
    assert viewer.get(f"/reports/{q2.pk}/download/xlsx/?scorecards=1").status_code == 404
    assert viewer.get(f"/reports/{q2.pk}/?outcome=999999").status_code == 404
    assert viewer.get("/reports/999999/").status_code == 404


def test_tailored_version_and_scorecards_pages(viewer, q2):
    children = Outcome.objects.get(title__startswith="Children")
    page = viewer.get(f"/reports/{q2.pk}/?outcome={children.pk}").content.decode()
    assert "Tailored version for" in plain_text(page)
    assert "Delivery of the Disposals Programme" not in plain_text(page)

    scorecards = viewer.get(f"/reports/{q2.pk}/scorecards/?page=2").content.decode()
    assert f'href="/reports/{q2.pk}/scorecards/52/"' in scorecards
    card = viewer.get(f"/reports/{q2.pk}/scorecards/52/").content.decode()
    assert ("h1", "52. Review of Voluntary and Community Sector Grants across the Council") in parse_html(card).headings
    assert viewer.get(f"/reports/{q2.pk}/scorecards/999/").status_code == 404


def test_the_scorecards_list_is_searched_filtered_paged_and_downloaded(viewer, q2):
    url = f"/reports/{q2.pk}/scorecards/"
    first = viewer.get(url).content.decode()
    # Q2's scope: the 74 activities still in monitoring at Q3 and the five that leave after Q2.
    assert "Showing 1 to 50 of 79 activities." in first
    assert f'href="/reports/{q2.pk}/scorecards/50/"' in first and '/scorecards/51/"' not in first
    second = viewer.get(url + "?page=2").content.decode()
    assert "Showing 51 to 79 of 79 activities." in second and '/scorecards/79/"' in second
    found = viewer.get(url + "?q=voluntary+grants").content.decode()
    assert "Showing 1 to 1 of 1 activities the search and filters." in found
    assert "52. Review of Voluntary and Community Sector Grants across the Council" in found

    # The status filter: the 13 activities not on track in Q2 (spec/monitoring.md's Q2 figures).
    refs = []
    for status in ("remedial_action", "unlikely"):
        late = viewer.get(url + f"?status={status}&download=csv")
        refs += [line.split(",")[0] for line in late.content.decode("utf-8-sig").splitlines()[1:]]
    assert sorted(refs, key=int) == ["4", "5", "6", "10", "11", "21", "30", "52", "56", "59", "63", "70", "74"]
    assert late["Content-Disposition"] == 'attachment; filename="scorecards-2019-20-Q2.csv"'

    # The tailored version's outcome stays in the pages' and downloads' addresses.
    children = Outcome.objects.get(title__startswith="Children")
    tailored = viewer.get(url + f"?outcome={children.pk}").content.decode()
    assert f'<option value="{children.pk}" selected>' in tailored
    assert "Delivery of the Disposals Programme" not in tailored
    assert f"outcome={children.pk}&amp;download=csv" in tailored or f"outcome={children.pk}&download=csv" in tailored


def test_lead_officer_may_not_edit_commentary(lead, q2):
    assert lead.get(f"/reports/{q2.pk}/commentary/").status_code == 403
    assert lead.post(f"/reports/{q2.pk}/commentary/", {"oversight": "Mine now"}).status_code == 403
    assert not Commentary.objects.exists()


def test_viewer_may_not_edit_commentary(viewer, q2):
    assert viewer.post(f"/reports/{q2.pk}/commentary/", {"oversight": "Mine now"}).status_code == 403


def test_corporate_commentary_appears_in_the_html_and_word(corporate, q2):
    form = corporate.get(f"/reports/{q2.pk}/commentary/")
    assert form.status_code == 200
    opened_at = form.context["form"]["opened_at"].value()

    response = corporate.post(
        f"/reports/{q2.pk}/commentary/",
        {
            "opened_at": opened_at,
            "oversight": "**Corporate Risk and Assurance** have reviewed the monitoring information.",
            "issues": "- **Capacity** – project capacity and corporate support.\n- **Complexity** – ICT changes.",
        },
    )

    assert response.status_code == 302 and response["Location"] == f"/reports/{q2.pk}/"
    saved = Commentary.objects.get(round=q2, section="oversight")
    assert saved.updated_by.username == "policy" and saved.history.count() == 1
    page = corporate.get(f"/reports/{q2.pk}/").content.decode()
    assert "<strong>Corporate Risk and Assurance</strong> have reviewed the monitoring information." in page
    assert "<li><strong>Capacity</strong> – project capacity and corporate support.</li>" in page
    word = docx.Document(io.BytesIO(corporate.get(f"/reports/{q2.pk}/download/docx/").content))
    oversight = next(p for p in word.paragraphs if p.text.startswith("Corporate Risk and Assurance"))
    assert oversight.runs[0].bold and oversight.runs[0].text == "Corporate Risk and Assurance"
    assert any(p.style.name == "List Bullet" and p.text.startswith("Capacity") for p in word.paragraphs)


def test_commentary_form_keeps_what_was_typed_when_it_is_too_long(corporate, q2):
    too_long = "x" * 20_001
    response = corporate.post(
        f"/reports/{q2.pk}/commentary/", {"oversight": too_long, "risk": "Kept as typed <b>bold?</b>"}
    )
    page = response.content.decode()

    assert response.status_code == 200
    assert "There is a problem" in page
    assert 'href="#id_oversight"' in page
    assert "Kept as typed &lt;b&gt;bold?&lt;/b&gt;" in page
    assert not Commentary.objects.exists()


def test_commentary_saved_by_someone_else_meanwhile_is_not_overwritten(corporate, q2):
    opened_at = corporate.get(f"/reports/{q2.pk}/commentary/").context["form"]["opened_at"].value()
    Commentary.objects.create(round=q2, section="risk", text="Their words")

    response = corporate.post(f"/reports/{q2.pk}/commentary/", {"opened_at": opened_at, "risk": "My words"})

    assert response.status_code == 200
    assert "Someone else changed this commentary" in response.content.decode()
    assert "My words" in response.content.decode()
    assert Commentary.objects.get(round=q2, section="risk").text == "Their words"


def test_contact_details_are_offered_from_the_previous_round(corporate, sample_plan, q2):
    q1 = Round.objects.get(plan=sample_plan, label=Q1)
    Commentary.objects.create(round=q1, section="contact", text="Report Authors: Policy team")

    form = corporate.get(f"/reports/{q2.pk}/commentary/").context["form"]

    assert form["contact"].value() == "Report Authors: Policy team"


def test_tailored_commentary_is_saved_for_its_outcome(corporate, q2):
    children = Outcome.objects.get(title__startswith="Children")

    response = corporate.post(f"/reports/{q2.pk}/commentary/?outcome={children.pk}", {"risk": "For children"})

    assert response["Location"] == f"/reports/{q2.pk}/?outcome={children.pk}"
    assert Commentary.objects.get(section="risk").outcome == children

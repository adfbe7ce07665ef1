"""The modern.gov upload page (governance: meetings → Import from modern.gov) on the XML files shipped in
tests/moderngov/: who may use it, the confirmation, every bad element in the error summary, nothing written on
error. The counts are those of tests/test_governance_moderngov.py, counted by hand from the files."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from governance_support import make_user

from councilplan.governance.models import AgendaItem, Body, Meeting

pytestmark = pytest.mark.django_db
FILES = Path(__file__).parent / "moderngov"
URL = "/committees/meetings/import/"


def upload(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (FILES / name).read_bytes(), content_type="text/xml")


def whole_set(agendas=("GetMeeting-8149.xml", "GetMeeting-8148.xml")) -> dict:
    return {
        "committees": upload("GetCommittees.xml"),
        "meetings": upload("GetMeetings.xml"),
        "agendas": [upload(name) for name in agendas],
    }


@pytest.mark.parametrize(
    ("username", "role", "teams", "status"),
    [
        ("vic.viewer", "viewer", (), 403),
        ("lee.lead", "lead_officer", (), 403),
        ("cleo.cleared", "lead_officer", (), 403),
        ("cal.clerk", "lead_officer", ("democratic_services",), 200),
        ("ada.admin", "administrator", (), 200),
    ],
)
def test_only_democratic_services_may_import(client, username, role, teams, status):
    client.force_login(make_user(username, role, teams=teams))
    assert client.get(URL).status_code == status
    assert client.post(URL, whole_set()).status_code == status
    assert Meeting.objects.exists() is (status == 200)


def test_the_public_is_sent_to_sign_in(client):
    assert client.get(URL).status_code == 302
    assert client.post(URL, whole_set()).status_code == 302
    assert not Body.objects.exists()


def test_the_clerk_imports_and_sees_what_was_imported(client):
    client.force_login(make_user("cal.clerk", teams=("democratic_services",)))
    meetings = client.get("/committees/meetings/")
    assert URL.encode() in meetings.content  # the button on the meetings page
    response = client.post(URL, whole_set())
    assert response.status_code == 200
    page = response.content.decode()
    assert "Imported from modern.gov" in page and "3 meetings and 7 agenda items added" in page
    assert "4 (0 already here, kept as they are)" in page  # committees: five, one expired
    assert "7, of which 2 in the exempt part (0 already here)" in page
    november = Meeting.objects.get(body__name="Policy and Resources Cabinet Committee", date="2019-11-08")
    assert f'href="/committees/meetings/{november.pk}/">8 November 2019</a>' in page
    assert (Body.objects.count(), Meeting.objects.count(), AgendaItem.objects.count()) == (4, 3, 7)
    assert AgendaItem.objects.get(meeting=november, number="12").exempt_paragraph == 3
    # made through the services: the history says who
    assert Meeting.history.filter(history_user__username="cal.clerk").count() == 3
    again = client.post(URL, whole_set()).content.decode()
    assert "0 meetings and 0 agenda items added" in again and "0 (4 already here, kept as they are)" in again
    assert AgendaItem.objects.count() == 7


def test_every_bad_element_is_in_the_error_summary_and_nothing_is_written(client):
    client.force_login(make_user("cal.clerk", teams=("democratic_services",)))
    response = client.post(URL, whole_set(("GetMeeting-8149.xml", "GetMeeting-8148.xml", "GetMeeting-bad.xml")))
    assert response.status_code == 400
    form = response.context["form"]
    assert form.non_field_errors() == ["Nothing was imported: 5 problems found, listed below."]
    problems = form.errors["agendas"]
    assert len(problems) == 5 and all(p.startswith("GetMeeting-bad.xml: meeting 9001") for p in problems)
    summary = response.content.decode().split('govuk-error-summary__list">')[1].split("</ul>")[0]
    for words in (
        "meetingdate &#x27;31/02/2020&#x27; is not a date",
        "meetingtime &#x27;25:00&#x27; is not a time",
        "agendaitem 1: agendaitemtitle is empty",
        "agendaitem 2: item number 1 is on the agenda twice",
        "agendaitem 2: the item is restricted but names no paragraph",
    ):
        assert words in summary
    assert summary.count('href="#id_agendas"') == 5  # each linked to the agendas field
    assert Body.objects.count() == Meeting.objects.count() == AgendaItem.objects.count() == 0


def test_a_paragraph_given_for_restricted_items_that_name_none():
    from django.test import Client

    client = Client()
    client.force_login(make_user("cal.clerk", teams=("democratic_services",)))
    # GetMeeting-bad.xml's item 2 names no paragraph; its other problems stay, so it is still refused
    data = whole_set(("GetMeeting-bad.xml",)) | {"exempt_paragraph": "1"}
    problems = client.post(URL, data).context["form"].errors["agendas"]
    assert len(problems) == 4 and not any("names no paragraph" in p for p in problems)


def test_what_is_not_a_set_of_xml_files_is_refused(client):
    client.force_login(make_user("cal.clerk", teams=("democratic_services",)))
    form = client.post(URL, {}).context["form"]
    assert form.errors["committees"] == ["Choose the GetCommittees file"]
    not_xml = SimpleUploadedFile("committees.csv", b"a,b\n1,2\n")
    form = client.post(URL, {"committees": not_xml}).context["form"]
    assert "must be XML files saved from modern.gov (.xml): committees.csv is not" in form.errors["committees"][0]
    entities = client.post(URL, {"committees": upload("entities.xml")})
    assert entities.status_code == 400
    assert "entities.xml: not XML that can be read safely" in entities.context["form"].errors["committees"][0]
    assert not Body.objects.exists()

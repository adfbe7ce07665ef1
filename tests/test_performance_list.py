"""The list of all indicators (/performance/indicators/): search, filters kept in the address, pages of 50, and a
download of exactly what the search and filters show (CSV and Excel, formula-safe)."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from councilplan.core.models import Directorate, User
from councilplan.performance.models import Indicator, ServiceArea

URL = "/performance/indicators/"


@pytest.fixture
def world(db):
    corporate = Directorate.objects.create(name="Strategic and Corporate Services")
    children = Directorate.objects.create(name="Children, Young People and Education")
    calls = ServiceArea.objects.create(
        directorate=corporate, name="EODD - Customer Services", delivery_partner="Agilisys"
    )
    schools = ServiceArea.objects.create(directorate=children, name="Education")
    owner = User.objects.create(username="owner", role="lead_officer", name="Olive Owner")
    Indicator.objects.create(ref="CS05", description="Calls answered in 40 seconds", service_area=calls, owner=owner)
    Indicator.objects.create(
        ref="CS06", description='=HYPERLINK("http://x.example")', service_area=calls, kind=Indicator.Kind.ACTIVITY
    )
    for n in range(1, 54):  # 53 more: 55 in all, two pages of 50
        Indicator.objects.create(
            ref=f"ED{n:02}", description=f"Schools measure {n}", service_area=schools, frequency="quarterly", order=n
        )
    Indicator.objects.create(ref="OLD1", description="Retired", service_area=schools, active=False)
    return {"calls": calls, "schools": schools, "corporate": corporate, "reader": _user("vic", "viewer")}


def _user(username, role):
    return User.objects.create(username=username, role=role, name=username.title())


def _get(client, world, query=""):
    client.force_login(world["reader"])
    response = client.get(URL + query)
    assert response.status_code == 200
    return response


def _refs(response) -> list[str]:
    return [row["Reference"] for row in csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))]


def test_the_list_is_paged_with_the_area_headings(client, world):
    page = _get(client, world).content.decode()
    assert "Showing 1 to 50 of 55 indicators." in page
    # In dashboard order: Children, Young People and Education's area first.
    assert "Schools measure 50" in page and "Schools measure 51" not in page and "Calls answered" not in page
    assert 'class="govuk-pagination"' in page and 'href="?page=2"' in page
    assert "Retired" not in page  # inactive indicators are not listed
    second = _get(client, world, "?page=2").content.decode()
    assert "Showing 51 to 55 of 55 indicators." in second
    assert "Schools measure 53" in second and "CS05: Calls answered in 40 seconds" in second
    assert "EODD - Customer Services – delivered by Agilisys" in second  # each area under its heading
    assert second.index("Schools measure 53") < second.index("EODD - Customer Services – delivered by")


def test_search_and_filters_keep_their_state_in_the_address(client, world):
    page = _get(client, world, "?q=calls+40").content.decode()
    assert "Showing 1 to 1 of 1 indicators the search and filters." in page
    assert "CS05: Calls answered in 40 seconds" in page and "Olive Owner" in page
    assert 'value="calls 40"' in page
    by_area = _get(client, world, f"?area={world['schools'].pk}&frequency=quarterly")
    assert "of 53 indicators the search and filters" in by_area.content.decode()
    assert f'<option value="{world["schools"].pk}" selected>Education</option>' in by_area.content.decode()
    assert f"area={world['schools'].pk}" in by_area.content.decode().split('rel="next"')[0].rsplit("href=", 1)[1]
    kind = _get(client, world, "?kind=activity").content.decode()
    assert "of 1 indicators" in kind and "CS06" in kind
    by_directorate = _get(client, world, f"?directorate={world['corporate'].pk}").content.decode()
    assert "of 2 indicators" in by_directorate
    unknown = _get(client, world, "?kind=nonsense").content.decode()  # an unknown choice is ignored
    assert "of 55 indicators." in unknown


def test_the_download_is_what_the_search_and_filters_show_and_formula_safe(client, world):
    csv_file = _get(client, world, f"?directorate={world['corporate'].pk}&download=csv")
    assert csv_file["Content-Disposition"] == 'attachment; filename="indicators.csv"'
    assert _refs(csv_file) == ["CS05", "CS06"]
    rows = list(csv.reader(io.StringIO(csv_file.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Reference",
        "Indicator",
        "Service area",
        "Delivered by",
        "Directorate",
        "Kind",
        "Frequency",
        "Results entered by",
        "gss_code",  # the organisation's ONS code, last in every export
    ]
    assert rows[1][7] == "Olive Owner" and rows[2][7] == "The corporate team"
    assert rows[2][1] == '\'=HYPERLINK("http://x.example")'  # would run as a formula: prefixed
    everything = _get(client, world, "?download=csv")
    assert len(_refs(everything)) == 55  # every page, not only the first 50
    workbook = load_workbook(io.BytesIO(_get(client, world, "?q=HYPERLINK&download=xlsx").content))
    sheet = workbook.active
    assert sheet.max_row == 2
    cell = sheet.cell(row=2, column=2)
    assert cell.value == '=HYPERLINK("http://x.example")' and cell.data_type == "s"  # text, not a formula


def test_the_pages_and_downloads_issue_a_fixed_number_of_queries(client, world):
    client.force_login(world["reader"])
    counts = []
    for query in ("", "?page=2", "?q=schools", "?download=csv"):
        client.get(URL + query)  # the session and the user, once
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL + query).status_code == 200
        counts.append(len(queries))
    more = ServiceArea.objects.create(directorate=world["corporate"], name="More")
    for n in range(30):
        Indicator.objects.create(ref=f"M{n:02}", description="More", service_area=more)
    for index, query in enumerate(("", "?page=2", "?q=schools", "?download=csv")):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL + query).status_code == 200
        assert len(queries) == counts[index], query


def test_signed_out_people_are_sent_to_sign_in(client, world):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")

"""The list pages' shared helper (core.lists): search, filters kept in the address, pagination, and a download
of exactly what the search and filters show, formula-safe."""

import csv
import io
import json

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from openpyxl import load_workbook

from councilplan.core.lists import Column, Filter, list_page
from councilplan.core.models import Directorate

COLUMNS = [Column("Name", lambda d: d.name), Column("Id", lambda d: d.pk, numeric=True)]


def _page(query: str, **kwargs):
    request = RequestFactory().get(f"/list/{query}")
    return list_page(request, Directorate.objects.order_by("name"), columns=COLUMNS, name="directorates", **kwargs)


@pytest.fixture
def directorates(db):
    names = [f"Directorate {n:03}" for n in range(1, 121)] + ['=HYPERLINK("http://x")', "Children's services"]
    return Directorate.objects.bulk_create(Directorate(name=n) for n in names)


def test_pages_of_fifty_with_links_that_keep_the_search(directorates):
    page = _page("?q=Directorate&page=2", search_fields=["name"])
    assert page.total == 120 and page.number == 2 and page.pages == 3
    assert [d.name for d in page.rows][:2] == ["Directorate 051", "Directorate 052"]
    assert page.previous_url == "?q=Directorate&page=1" and page.next_url == "?q=Directorate&page=3"
    assert [i.get("number") for i in page.items] == [1, 2, 3]
    assert (page.start, page.end) == (51, 100)


def test_every_word_of_the_search_must_match(directorates):
    assert _page("?q=children+services", search_fields=["name"]).total == 1
    assert _page("?q=children+nothing", search_fields=["name"]).total == 0


def test_a_filter_applies_only_a_value_it_offers(directorates):
    by_prefix = Filter("start", "Starts with", [("D", "D"), ("C", "C")], lambda qs, v: qs.filter(name__startswith=v))
    assert _page("?start=C", filters=[by_prefix]).total == 1
    unknown = _page("?start=Z", filters=[by_prefix])
    assert unknown.total == 122 and unknown.filters[0]["value"] == ""


def test_the_download_is_everything_the_search_shows_not_one_page(directorates):
    response = _page("?q=Directorate&download=csv", search_fields=["name"])
    assert isinstance(response, HttpResponse)
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Name", "Id", "gss_code"] and len(rows) == 121  # the GSS code last (core.identifiers)


def test_downloads_never_run_a_formula(directorates):
    csv_text = _page("?q=HYPERLINK&download=csv", search_fields=["name"]).content.decode()
    assert "'=HYPERLINK" in csv_text
    workbook = load_workbook(io.BytesIO(_page("?q=HYPERLINK&download=xlsx", search_fields=["name"]).content))
    cell = workbook.active["A2"]
    assert cell.value == '=HYPERLINK("http://x")' and cell.data_type == "s"
    data = json.loads(_page("?q=HYPERLINK&download=json", search_fields=["name"]).content)
    assert data == [{"Name": '=HYPERLINK("http://x")', "Id": directorates[120].pk, "gss_code": ""}]

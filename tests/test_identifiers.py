"""The organisation's GSS code in every export (core.identifiers): list downloads in CSV, Excel and JSON, the export
commands (whose files still import), the API's CSV, the open data files and the transparency CSV; and the links to
open data from the public pages and to API tokens from a person's home page."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from councilplan.core.identifiers import GSS_COLUMN, with_gss_code
from councilplan.core.services import set_organisation

KENT = "E10000016"  # ONS GSS code of Kent County Council


@pytest.fixture
def kent(db):
    set_organisation(gss_code=KENT, name="Kent County Council")


def _csv(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8"))))


def test_the_helper_adds_the_column_last():
    assert with_gss_code(["a", "b"], [[1, 2], [3, 4]], KENT) == (["a", "b", "gss_code"], [[1, 2, KENT], [3, 4, KENT]])


def test_every_format_of_a_list_download_carries_it(client, kent, django_user_model):
    from councilplan.governance.models import Body, Meeting

    client.force_login(django_user_model.objects.create(username="v", role="viewer"))
    cabinet = Body.objects.create(code="cabinet", name="Cabinet", kind="executive")
    Meeting.objects.create(body=cabinet, date="2017-12-11", state="published")
    rows = _csv(client.get("/committees/meetings/?download=csv").content)
    assert rows[0][-1] == GSS_COLUMN and rows[1][-1] == KENT and len(rows) == 2
    sheet = load_workbook(io.BytesIO(client.get("/committees/meetings/?download=xlsx").content)).active
    assert [c.value for c in sheet[1]][-1] == GSS_COLUMN and [c.value for c in sheet[2]][-1] == KENT
    (record,) = json.loads(client.get("/committees/meetings/?download=json").content)
    assert record[GSS_COLUMN] == KENT and record["Body"] == "Cabinet"


def test_an_exported_plan_carries_it_and_still_imports(kent, small_plan, tmp_path):
    from councilplan.plan.models import Plan
    from councilplan.plan.services import import_plan

    for suffix in ("csv", "xlsx"):
        path = tmp_path / f"plan.{suffix}"
        call_command("export_plan", "--plan", small_plan.name, "--output", str(path))
        if suffix == "csv":
            rows = _csv(path.read_bytes())
            assert rows[0][-1] == GSS_COLUMN and {r[-1] for r in rows[1:]} == {KENT} and len(rows) == 4
        import_plan(path, f"Again {suffix}")
        again = Plan.objects.get(name=f"Again {suffix}")
        assert sorted(again.activities.values_list("ref", flat=True)) == ["1", "10", "2"]


def test_the_api_csv_and_the_open_data_files_carry_it(client, kent, small_plan):
    small_plan.published = True
    small_plan.save()
    api = _csv(client.get(f"/api/v1/plans/{small_plan.pk}/activities?format=csv").content)
    assert api[0][-1] == GSS_COLUMN and {r[-1] for r in api[1:]} == {KENT}
    assert client.get("/api/v1/plans").json()["gss_code"] == KENT
    data = _csv(client.get(f"/public/open-data/plans/{small_plan.pk}.csv").content)
    assert data[0][-2:] == [GSS_COLUMN, "licence"] and data[1][-2:] == [KENT, "Open Government Licence v3.0"]
    assert json.loads(client.get(f"/public/open-data/plans/{small_plan.pk}.json").content)["gss_code"] == KENT


def test_the_contracts_transparency_file_carries_it(kent):
    from contracts_support import make_contract

    from councilplan.contracts import selectors
    from councilplan.contracts.exports import transparency_csv

    make_contract("C-001", "Home care", published=True)
    rows = _csv(transparency_csv(selectors.contract_records(None)))
    assert rows[0][-1] == GSS_COLUMN and rows[1][-1] == KENT and len(rows) == 2


def test_the_public_pages_link_to_open_data_and_home_to_api_tokens(client, db, django_user_model):
    assert b'href="/public/open-data/"' in client.get("/public/").content
    client.force_login(django_user_model.objects.create(username="v", role="viewer"))
    assert b'href="/account/api-tokens/"' in client.get("/").content

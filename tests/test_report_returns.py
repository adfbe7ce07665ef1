"""A round's raw returns as CSV and Excel (/reports/<round>/returns/<fmt>/): every submitted return, one row each
in the import format's columns, formula-safe, and the returns of exempt activities only for people cleared."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from councilplan.core.models import User
from councilplan.monitoring.models import Return, Round
from councilplan.monitoring.questions import RETURN_COLUMNS
from councilplan.plan.models import Activity

pytestmark = pytest.mark.django_db

SECRET = "Exempt progress: the preferred bidder's offer"
FORMULA = '=HYPERLINK("http://evil.example","x")'


@pytest.fixture
def scene(sample_plan):
    q2 = Round.objects.get(plan=sample_plan, label="2019-20 Q2")
    exempt = Activity.objects.get(plan=sample_plan, ref="1")
    exempt.exempt = True
    exempt.save()
    Return.objects.filter(round=q2, activity=exempt).update(progress=SECRET)
    Return.objects.filter(round=q2, activity__ref="2").update(progress=FORMULA)
    people = {
        "viewer": User.objects.create(username="viewer", role=User.Role.VIEWER),
        "cleared": User.objects.create(username="cleared", role=User.Role.VIEWER, cleared_for_exempt=True),
        "corporate": User.objects.create(username="corp", role=User.Role.CORPORATE),
    }
    submitted = Return.objects.filter(round=q2, state=Return.State.SUBMITTED)
    return {"q2": q2, "people": people, "submitted": submitted.count(), "exempt": exempt}


def _csv(client, q2) -> list[list[str]]:
    response = client.get(f"/reports/{q2.pk}/returns/csv/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="returns-2019-20-Q2.csv"'
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize(("who", "sees"), [("viewer", False), ("cleared", True), ("corporate", True)])
def test_the_returns_of_exempt_activities_only_for_people_cleared(client, scene, who, sees):
    q2 = scene["q2"]
    assert Return.objects.get(round=q2, activity=scene["exempt"]).state == Return.State.SUBMITTED
    client.force_login(scene["people"][who])
    rows = _csv(client, q2)
    assert rows[0] == [*RETURN_COLUMNS, "gss_code"]  # the organisation's ONS code last, as every export
    refs = [row[0] for row in rows[1:]]
    assert len(refs) == scene["submitted"] - (0 if sees else 1)
    assert ("1" in refs) is sees
    assert (SECRET in "".join(cell for row in rows for cell in row)) is sees
    book = load_workbook(io.BytesIO(client.get(f"/reports/{q2.pk}/returns/xlsx/").content), read_only=True)
    text = " ".join(str(c) for r in book.active.iter_rows(values_only=True) for c in r if c)
    assert (SECRET in text) is sees


def test_the_download_is_formula_safe(client, scene):
    q2 = scene["q2"]
    client.force_login(scene["people"]["corporate"])
    rows = _csv(client, q2)
    progress = RETURN_COLUMNS.index("progress")
    row = next(row for row in rows[1:] if row[0] == "2")
    assert row[progress] == "'" + FORMULA  # a spreadsheet would run it: prefixed
    book = load_workbook(io.BytesIO(client.get(f"/reports/{q2.pk}/returns/xlsx/").content))
    sheet = book.active
    found = [c for r in sheet.iter_rows() for c in r if c.value == FORMULA]
    assert found and all(c.data_type == "s" for c in found)  # a text cell, not a formula


def test_only_readers_of_the_report_download_its_returns(client, scene, sample_plan):
    draft = Round.objects.create(plan=sample_plan, label="2019-20 Q3", state=Round.State.DRAFT)
    client.force_login(scene["people"]["viewer"])
    assert client.get(f"/reports/{draft.pk}/returns/csv/").status_code == 403
    assert client.get(f"/reports/{scene['q2'].pk}/returns/pdf/").status_code == 404
    page = client.get(f"/reports/{scene['q2'].pk}/").content.decode()
    assert f'href="/reports/{scene["q2"].pk}/returns/xlsx/"' in page
    client.logout()
    assert client.get(f"/reports/{scene['q2'].pk}/returns/csv/").status_code == 302

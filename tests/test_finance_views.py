"""Budget monitoring services and pages: each role on each page and action, allowed and refused (anonymous
included); frozen positions, version checks, the import naming bad rows; every format opened with its reader,
hostile text escaped; query counts fixed as lines grow."""

import io
import json
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from docx import Document as WordDocument
from finance_support import M, make_user, small_budget
from helpers import date_parts
from openpyxl import load_workbook
from pypdf import PdfReader

from councilplan.core.exchange import ImportFailed
from councilplan.core.models import User
from councilplan.finance import services
from councilplan.finance.models import Position, PositionLine, PositionUnit

pytestmark = pytest.mark.django_db
HOSTILE = "=cmd|' /C calc'!A0 <script>alert(1)</script>\x07"


@pytest.fixture
def people(db):
    return {
        "finance": make_user("fin", teams=("finance",)),
        "manager": make_user("manager"),
        "director": make_user("director"),
        "viewer": make_user("reader", role=User.Role.VIEWER),
        "other": make_user("other"),
    }


@pytest.fixture
def budget(people):
    return small_budget(manager=people["manager"], director=people["director"])


def client_for(client, user):
    if user is not None:
        client.force_login(user)
    return client


def test_forecast_rules(budget, people):
    _, units, lines, position = budget
    pl = PositionLine.objects.get(position=position, line=lines[0])
    services.save_forecast(pl, gross=11 * M, income=-2 * M, user=people["manager"], version=pl.version, finance=False)
    with pytest.raises(ValidationError, match="Someone else saved"):
        services.save_forecast(pl, gross=12 * M, income=-2 * M, user=people["finance"], version=1, finance=True)
    pl.refresh_from_db()
    assert pl.forecast_gross == 11 * M and pl.history.count() >= 2
    services.set_state(position, state=Position.State.CLOSED, user=people["finance"])
    with pytest.raises(ValidationError, match="while the position is open"):
        services.save_forecast(pl, gross=9 * M, income=0, user=people["manager"], version=pl.version, finance=False)
    services.report_position(position, reported_to="Cabinet", reported_on=position.month, user=people["finance"])
    with pytest.raises(ValidationError, match="frozen"):
        services.add_adjustment(position, unit=units[0], amount=-M, reason="late", user=people["finance"])
    copy = services.restate_position(position, reason="A correction", user=people["finance"])
    assert copy.version == 2 and copy.lines.count() == 3 and copy.state == Position.State.CLOSED
    assert PositionLine.objects.get(position=copy, line=lines[0]).forecast_gross == 11 * M


def test_virement_must_net_to_nil(budget):
    year, _, lines, _ = budget
    with pytest.raises(ValidationError, match="net to nil"):
        services.record_cash_limit_change(
            year=year, kind="virement", made_on=year.starts_on, reason="r", entries=[(lines[0], M, 0)], user=None
        )
    services.record_cash_limit_change(
        year=year,
        kind="virement",
        made_on=year.starts_on,
        reason="r",
        entries=[(lines[0], M, 0), (lines[1], -M, 0)],
        user=None,
    )
    assert lines[0].cash_limits.get().gross == 11 * M


def test_import_names_every_bad_row_and_writes_nothing(budget, people, tmp_path):
    _, _, lines, position = budget
    path = tmp_path / "forecasts.csv"
    path.write_text("line,forecast_gross,forecast_income\nL1,10000000,-2000000\nL2,abc,0\nNOPE,1,1\nL1,1,1\n")
    with pytest.raises(ImportFailed) as failed:
        services.import_forecasts(
            position,
            path,
            user=people["manager"],
            finance=False,
            may_forecast=lambda pl: pl.line.budget_manager_id == people["manager"].pk,
        )
    text = str(failed.value)
    assert "row 3, column forecast_gross (value 'abc')" in text
    assert "row 4, column line (value 'NOPE')" in text
    assert "row 3, column line (value 'L2'): is not one of your lines" in text
    assert "appears twice" in text
    assert PositionLine.objects.get(position=position, line=lines[0]).forecast_at is None
    path.write_text("line,forecast_gross,forecast_income,note\nL1,10500000,-2000000,more demand\n")
    services.import_forecasts(position, path, user=people["manager"], finance=False, may_forecast=lambda pl: True)
    assert PositionLine.objects.get(position=position, line=lines[0]).forecast_gross == 1_050_000_000


ROLES = ["finance", "manager", "director", "viewer", "other", None]


@pytest.mark.parametrize("role", ROLES)
def test_pages_by_role(client, budget, people, role):
    _, units, lines, position = budget
    user = people.get(role) if role else None
    client = client_for(client, user)
    pl = PositionLine.objects.get(position=position, line=lines[0])
    unit = PositionUnit.objects.get(position=position, unit=units[0])
    reads = [
        reverse("finance:index"),
        reverse("finance:position", args=[position.pk]),
        reverse("finance:lines"),
        reverse("finance:line", args=["L1"]),
        reverse("finance:report", args=[position.pk]),
    ]
    for url in reads:
        response = client.get(url)
        assert response.status_code == (302 if user is None else 200), url
    allowed = {
        reverse("finance:forecast", args=[position.pk, pl.pk]): {"finance", "manager"},
        reverse("finance:forecast_import", args=[position.pk]): {"finance", "manager"},
        reverse("finance:adjustment_add", args=[position.pk]): {"finance", "director"},
        reverse("finance:narrative", args=[position.pk, unit.pk]): {"finance"},
        reverse("finance:state", args=[position.pk, "close"]): {"finance"},
        reverse("finance:report_to_cabinet", args=[position.pk]): {"finance"},
    }
    for url, roles in allowed.items():
        response = client.get(url)
        expected = 302 if user is None else (200 if role in roles else 403)
        assert response.status_code == expected, (url, role)


def test_forecast_form_keeps_what_was_typed_and_saves(client, budget, people):
    _, _, lines, position = budget
    pl = PositionLine.objects.get(position=position, line=lines[0])
    client.force_login(people["manager"])
    url = reverse("finance:forecast", args=[position.pk, pl.pk])
    response = client.post(url, {"forecast_gross": "ten", "forecast_income": "-2000000", "version": pl.version})
    assert response.status_code == 400 and b"ten" in response.content and b"govuk-error-summary" in response.content
    response = client.post(
        url, {"forecast_gross": "10,250,000", "forecast_income": "-2000000", "note": HOSTILE, "version": pl.version}
    )
    assert response.status_code == 302
    pl.refresh_from_db()
    assert pl.forecast_gross == 1_025_000_000
    stale = client.post(url, {"forecast_gross": "1", "forecast_income": "0", "version": 1})
    assert b"Someone else saved" in stale.content


def test_director_adjusts_only_their_directorate(client, budget, people):
    _, units, _, position = budget
    client.force_login(people["director"])
    url = reverse("finance:adjustment_add", args=[position.pk])
    refused = client.post(url, {"unit": units[2].pk, "amount": "-100000", "reason": "not mine"})
    assert refused.status_code == 400  # not a choice for them
    done = client.post(url, {"unit": units[0].pk, "amount": "-100000", "reason": HOSTILE})
    assert done.status_code == 302 and position.adjustments.get().amount == -10_000_000


def test_reporting_freezes_and_a_new_version_follows(client, budget, people):
    _, _, _, position = budget
    client.force_login(people["finance"])
    response = client.post(
        reverse("finance:report_to_cabinet", args=[position.pk]),
        {"reported_to": "Cabinet", **date_parts("reported_on", "11/12/2017")},
    )
    assert response.status_code == 302
    position.refresh_from_db()
    assert position.frozen
    response = client.post(reverse("finance:restate", args=[position.pk]), {"reason": "Correction"})
    assert response.status_code == 302 and Position.objects.filter(month=position.month, version=2).exists()


def test_an_impossible_meeting_date_is_refused_and_kept(client, budget, people):
    _, _, _, position = budget
    client.force_login(people["finance"])
    url = reverse("finance:report_to_cabinet", args=[position.pk])
    assert 'name="reported_on-day"' in client.get(url).content.decode()  # day, month and year boxes
    response = client.post(url, {"reported_to": "Cabinet", **date_parts("reported_on", "31/2/2020")})
    page = response.content.decode()
    assert response.status_code == 400  # finance's forms answer a refused post with 400
    assert '<a href="#id_reported_on-day">The date of the meeting must be a real date</a>' in page
    for part, typed in (("day", "31"), ("month", "2"), ("year", "2020")):
        assert f'name="reported_on-{part}" type="text" inputmode="numeric" value="{typed}"' in page
    position.refresh_from_db()
    assert not position.frozen


def test_every_format_opens_and_hostile_text_is_escaped(client, budget, people):
    _, units, _, position = budget
    unit = PositionUnit.objects.get(position=position, unit=units[0])
    services.save_narrative(unit, reasons=HOSTILE, headlines="", user=None, version=unit.version)
    services.add_adjustment(position, unit=units[0], amount=-M, reason=HOSTILE, user=None)
    client.force_login(people["viewer"])
    got = {}
    for fmt in ("html", "pdf", "docx", "xlsx", "json"):
        response = client.get(reverse("finance:download", args=[position.pk, fmt]))
        assert response.status_code == 200, fmt
        got[fmt] = b"".join(response.streaming_content) if response.streaming else response.content
    assert b"<script>" not in got["html"] and b"&lt;script&gt;" in got["html"]
    assert "Table 1" in "".join(page.extract_text() for page in PdfReader(io.BytesIO(got["pdf"])).pages)
    word = WordDocument(io.BytesIO(got["docx"]))
    assert any("=cmd" in cell.text for table in word.tables for row in table.rows for cell in row.cells)
    workbook = load_workbook(io.BytesIO(got["xlsx"]))
    cells = [
        c for ws in workbook.worksheets for row in ws.iter_rows() for c in row if c.value == HOSTILE.replace("\x07", "")
    ]
    assert cells and all(c.data_type == "s" for c in cells)  # text, never a formula
    data = json.loads(got["json"])
    assert data["table1"]["rows"][-1]["label"] == "TOTAL"
    assert zipfile.is_zipfile(io.BytesIO(got["xlsx"]))


def test_position_page_queries_do_not_grow_with_lines(client, budget, people, django_assert_max_num_queries):
    year, units, _, position = budget
    client.force_login(people["viewer"])
    url = reverse("finance:position", args=[position.pk])
    client.get(url)
    with django_assert_max_num_queries(20):  # 3 lines
        client.get(url)
    for n in range(30):
        services.create_line(code=f"X{n}", heading=f"Extra {n}", unit=units[1], year=year, gross=M, income=0)
    Position.objects.filter(pk=position.pk).delete()
    again = services.open_position(year=year, month=position.month, user=None)
    url = reverse("finance:position", args=[again.pk])
    client.get(url)
    with django_assert_max_num_queries(20):  # 33 lines: the same bound
        client.get(url)


def test_public_page_needs_no_sign_in(client, budget, people):
    _, _, _, position = budget
    services.report_position(position, reported_to="Cabinet", reported_on=position.month, user=None)
    response = client.get("/public/budget/")
    assert response.status_code == 200 and b"Table 1" in response.content


def test_activity_page_shows_the_lines_that_fund_it(client, budget, people):
    from councilplan.core.models import Directorate as OrgDirectorate
    from councilplan.core.models import Outcome
    from councilplan.plan.models import Activity, Plan

    _, _, lines, _ = budget
    plan = Plan.objects.create(name="Plan")
    outcome = Outcome.objects.create(title="An outcome")
    activity = Activity.objects.create(
        plan=plan,
        ref="1",
        title="An activity",
        outcome=outcome,
        activity_type="service_change",
        end_date="2020-03-31",
        directorate=OrgDirectorate.objects.create(name="Org"),
    )
    services.link_line(lines[0], activities=[activity], user=None)
    client.force_login(people["viewer"])
    response = client.get(f"/activities/{activity.pk}/")
    assert response.status_code == 200
    assert b"Line one" in response.content and b"a balanced position" in response.content

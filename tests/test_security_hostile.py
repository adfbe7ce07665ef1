"""Hostile files and posts never cause a server error (issue 21): huge CSV cells, damaged and hostile XML inside
an .xlsx, control characters, other character sets, a replayed "keep my answers" token, a flood of
password-reset requests, a weak production key."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from django.core import mail, signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from openpyxl import Workbook, load_workbook
from test_return_form import form_data, open_form, shown_value
from test_return_permissions import Scene, build_scene

from councilplan.core import pending
from councilplan.core.exchange import ImportFailed
from councilplan.core.models import PendingForm, User
from councilplan.core.tabular import CSV_CELL_LIMIT, TableError, read_table
from councilplan.monitoring.models import Return
from councilplan.performance.services import import_results

pytestmark = pytest.mark.django_db

HEADER = ["ref", "period", "value", "year_to_date", "commentary"]


# --- files ----------------------------------------------------------------------------------------------


def huge_csv(path: Path) -> Path:
    path.write_text(",".join(HEADER) + "\n" + "CS01,2017-07,1,1," + "x" * (CSV_CELL_LIMIT + 10) + "\n")
    return path


def workbook_with_sheet(path: Path, sheet_xml: bytes) -> Path:
    """A real workbook whose first sheet's XML is replaced by `sheet_xml`."""
    book = Workbook()
    book.active.append(HEADER)
    book.active.append(["CS01", "2017-07", 1, 1, "fine"])
    plain = io.BytesIO()
    book.save(plain)
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = sheet_xml
            target.writestr(item, data)
    return path


SHEET_START = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
SHEET_NS = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
ROW = b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>%s</t></is></c></row></sheetData></worksheet>'
HOSTILE_SHEETS = {
    "truncated": SHEET_START + SHEET_NS + b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>ref',
    "external entity": SHEET_START
    + b'<!DOCTYPE worksheet [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    + SHEET_NS
    + ROW % b"&secret;",
    "billion laughs": SHEET_START
    + b'<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    + b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
    + SHEET_NS
    + ROW % b"&d;",
    "not XML": b"\x00\xff\xfe garbage",
}


def test_a_csv_cell_over_the_limit_is_an_import_error(tmp_path):
    with pytest.raises(ImportFailed) as failure:
        import_results(huge_csv(tmp_path / "results.csv"), user=None)
    assert any("more than 131,072 characters" in str(e) for e in failure.value.errors)


@pytest.mark.parametrize("shape", list(HOSTILE_SHEETS))
def test_a_damaged_or_hostile_workbook_is_an_import_error(tmp_path, shape):
    path = workbook_with_sheet(tmp_path / "results.xlsx", HOSTILE_SHEETS[shape])
    with pytest.raises(ImportFailed) as failure:
        import_results(path, user=None)
    text = " ".join(str(e) for e in failure.value.errors)
    assert "Excel workbook" in text
    assert "root:" not in text  # no entity was resolved into the message


@pytest.mark.parametrize("shape", list(HOSTILE_SHEETS))
def test_reading_a_hostile_workbook_never_resolves_an_entity(tmp_path, shape):
    path = workbook_with_sheet(tmp_path / "results.xlsx", HOSTILE_SHEETS[shape])
    with pytest.raises(TableError):
        table = read_table(path)
        list(table.rows)


@pytest.fixture
def corporate_client(client):
    client.force_login(User.objects.create(username="corp", role=User.Role.CORPORATE))
    return client


@pytest.mark.parametrize("shape", ["huge csv cell", *HOSTILE_SHEETS])
def test_the_web_importer_lists_the_problem_instead_of_a_server_error(corporate_client, tmp_path, shape):
    if shape == "huge csv cell":
        path = huge_csv(tmp_path / "results.csv")
    else:
        path = workbook_with_sheet(tmp_path / "results.xlsx", HOSTILE_SHEETS[shape])
    upload = SimpleUploadedFile(path.name, path.read_bytes())
    response = corporate_client.post("/performance/import/", {"file": upload})
    assert response.status_code == 200
    assert "Nothing was imported" in response.text


def test_the_command_line_import_says_what_is_wrong_without_a_traceback(tmp_path):
    """A CommandError is printed as its message (exit status 2); anything else would be a traceback."""
    path = workbook_with_sheet(tmp_path / "results.xlsx", HOSTILE_SHEETS["external entity"])
    with pytest.raises(CommandError) as stopped:
        call_command("import_kpi_results", str(path))
    assert "Excel workbook" in str(stopped.value)


# --- control characters -----------------------------------------------------------------------------------


CONTROL = "Progress\x01 with\x0b control\x1f characters\tand a tab\nand a line"
CLEAN = "Progress with control characters\tand a tab\nand a line"


@pytest.fixture
def scene(small_plan) -> Scene:
    return build_scene(small_plan)


def test_a_form_post_is_stored_without_control_characters(client, scene):
    html = open_form(client, scene).text
    client.post(scene.form_url(), form_data(html, action="draft", progress=CONTROL))
    assert Return.objects.get(round=scene.q3, activity=scene.a1).progress == CLEAN


def test_an_import_is_stored_without_control_characters(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("a,b\n" + "x\x01y,\x0bz\n")
    assert list(read_table(path).rows) == [(2, {"a": "xy", "b": "z"})]


def test_export_returns_writes_a_workbook_even_when_a_return_holds_control_characters(scene, tmp_path):
    Return.objects.filter(round=scene.q2, activity=scene.a1).update(
        progress=CONTROL
    )  # as stored before they were stripped
    output = tmp_path / "r.xlsx"
    call_command("export_returns", "--round", scene.q2.label, "--output", str(output), verbosity=0)
    cells = [c for row in load_workbook(output).active.iter_rows(values_only=True) for c in row]
    assert CLEAN in cells


# --- other character sets ----------------------------------------------------------------------------------


@pytest.mark.parametrize("charset", ["latin-1", "utf-16", "shift_jis"])
def test_a_form_post_in_another_character_set_is_answered_400_with_a_govuk_page(client, charset):
    response = client.post(
        "/accounts/login/",
        "username=caf%E9&password=x".encode("latin-1"),
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
    )
    assert response.status_code == 400
    assert "govuk-heading-xl" in response.text
    assert "not sent as UTF-8" in response.text


def test_a_form_post_in_utf8_still_works(client):
    response = client.post(
        "/accounts/login/", "username=x&password=y", content_type="application/x-www-form-urlencoded; charset=UTF-8"
    )
    assert response.status_code == 200  # the sign-in form again, with its error


# --- the signed-out "keep my answers" token ---------------------------------------------------------------


def _signed_out_post(client, scene, html, path=None, **changes):
    client.post("/accounts/logout/")
    return client.post(path or scene.form_url(), form_data(html, action="draft", **changes))


def test_the_token_is_refused_on_any_other_page(client, scene):
    html = open_form(client, scene).text
    _signed_out_post(client, scene, html, path="/returns/round/999999/activity/999999/", progress="x" * 1000)
    _signed_out_post(client, scene, html, path=scene.form_url(scene.a2), progress="x" * 1000)
    assert not PendingForm.objects.exists()


def test_a_replayed_token_never_puts_text_into_the_officers_form(client, scene, django_user_model):
    from django.test import Client

    html = open_form(client, scene).text
    attacker = Client()
    attacker.post(scene.form_url(), form_data(html, action="draft", progress="Planted by someone else"))
    assert PendingForm.objects.count() == 1  # kept, but only for the attacker's own session
    page = open_form(client, scene)  # Ann, signed in, in her own browser
    assert "Planted by someone else" not in page.text
    assert shown_value(page.text, "progress") != "Planted by someone else"


def test_what_one_person_can_keep_is_capped(client, scene):
    html = open_form(client, scene).text
    token = html.split('name="_pending_owner" value="')[1].split('"')[0]
    client.post("/accounts/logout/")
    for _ in range(pending.MAX_FORMS + 3):
        client.post(scene.form_url(), form_data(html, action="draft", progress="y" * 1000))
    assert PendingForm.objects.filter(user=scene.ann).count() <= pending.MAX_FORMS
    data = form_data(html, action="draft", progress="z" * (pending.MAX_BYTES + 1))
    data["_pending_owner"] = [token]
    client.post(scene.form_url(), data)
    assert not PendingForm.objects.filter(data__icontains="zzzz").exists()


def test_the_token_expires_within_a_working_day(client, scene, monkeypatch):
    assert pending.OWNER_MAX_AGE.total_seconds() <= 12 * 3600
    assert pending.KEEP_FOR.total_seconds() <= 24 * 3600
    html = open_form(client, scene).text
    later = signing.TimestampSigner.timestamp

    monkeypatch.setattr(
        signing.TimestampSigner,
        "timestamp",
        lambda self: signing.b62_encode(int(dt.datetime.now().timestamp()) - 13 * 3600),
    )
    stale = open_form(client, scene).text
    monkeypatch.setattr(signing.TimestampSigner, "timestamp", later)
    _signed_out_post(client, scene, stale, progress="Typed long ago")
    assert not PendingForm.objects.exists()
    assert html  # the fresh form's token is still good
    _signed_out_post(client, scene, html, progress="Typed just now")
    assert PendingForm.objects.count() == 1


# --- password resets -----------------------------------------------------------------------------------------


def test_password_reset_requests_are_throttled_like_sign_ins(client, settings):
    User.objects.create(username="ann", email="ann@example.gov.uk", password="!")
    User.objects.filter(username="ann").update(password="pbkdf2_sha256$1$x$y")
    answers = [
        client.post("/accounts/password_reset/", {"email": "ann@example.gov.uk"}).status_code
        for _ in range(settings.SIGNIN_MAX_FAILURES + 1)
    ]
    assert answers[: settings.SIGNIN_MAX_FAILURES - 1] == [302] * (settings.SIGNIN_MAX_FAILURES - 1)
    assert answers[-1] == 429
    assert len(mail.outbox) == settings.SIGNIN_MAX_FAILURES - 1
    refused = client.post("/accounts/password_reset/", {"email": "ann@example.gov.uk"})
    assert "too many password resets" in refused.text

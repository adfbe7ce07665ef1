"""Each place issue 21 found exempt information reaching signed-in staff not cleared for it, one test each (the
walk over every page is tests/test_security_marker.py). Also: who reads a risk's history."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from risk_support import make_register, make_risk, make_user
from test_return_permissions import build_scene

from councilplan.core.exempt import exempt_models
from councilplan.core.models import Directorate, User
from councilplan.monitoring.models import Return
from councilplan.performance.models import Indicator, ServiceArea
from councilplan.risks import services

pytestmark = pytest.mark.django_db

SECRET_ACTIVITY = "Disposal of the Sessions House site"
SECRET_RISK = "Preferred bidder withdraws"


@pytest.fixture
def world(small_plan):
    scene = build_scene(small_plan)
    secret = scene.a2
    secret.title, secret.exempt = SECRET_ACTIVITY, True
    secret.save()
    register = make_register()
    open_risk = make_risk(register, code="CRR0001", title="Safeguarding")
    exempt_risk = make_risk(register, code="CRR0002", title=SECRET_RISK)
    exempt_risk.exempt = True
    exempt_risk.save()
    owner = make_user("owner")
    for risk in (open_risk, exempt_risk):
        services.set_owner_users(risk, [owner], user=None)
        services.set_activities(risk, [scene.a1, secret], user=None)
    draft = Return.objects.create(round=scene.q3, activity=scene.a1)
    return {
        "scene": scene,
        "secret": secret,
        "register": register,
        "open": open_risk,
        "exempt": exempt_risk,
        "owner": owner,
        "draft": draft,
        "viewer": scene.viewer,
    }


def as_(client, person):
    client.force_login(person)
    return client


def test_every_exempt_able_record_goes_through_core_exempt():
    labels = {model._meta.label for model in exempt_models()}
    assert {"plan.Activity", "monitoring.Return", "reports.Commentary", "risks.Risk", "risks.Control"} <= labels


def test_a_lead_officers_name_the_risks_page_leaves_exempt_risks_out(client, world):
    page = as_(client, world["scene"].ann).get(f"/risks/returns/{world['draft'].pk}/")
    assert page.status_code == 200
    assert "Safeguarding" in page.text
    assert SECRET_RISK not in page.text


def test_naming_risks_keeps_the_exempt_ones_already_named(client, world):
    services.name_return_risks(world["draft"], [world["exempt"]], user=None)
    as_(client, world["scene"].ann).post(f"/risks/returns/{world['draft'].pk}/", {"chosen": [world["open"].pk]})
    assert set(world["draft"].named_risks.values_list("risk__code", flat=True)) == {"CRR0001", "CRR0002"}


@pytest.mark.parametrize("page", ["", "edit/", "review/", "controls/new/", "actions/new/", "activities/", "history/"])
def test_a_non_cleared_owner_of_an_exempt_risk_finds_none_of_its_pages(client, world, page):
    response = as_(client, world["owner"]).get(f"/risks/CRR0002/{page}")
    assert response.status_code == 404
    assert SECRET_RISK not in response.text


def test_the_performance_activity_page_of_an_exempt_activity_is_not_there(client, world):
    response = as_(client, world["viewer"]).get(f"/performance/activities/{world['secret'].pk}/")
    assert response.status_code == 404
    assert SECRET_ACTIVITY not in response.text
    own = as_(client, world["scene"].bob).get(f"/performance/activities/{world['secret'].pk}/")
    assert own.status_code == 200  # its own lead officer still reads it


def test_an_indicator_page_leaves_exempt_linked_activities_out(client, world):
    area = ServiceArea.objects.create(directorate=Directorate.objects.create(name="S&CS"), name="Customer Services")
    kpi = Indicator.objects.create(ref="CS05", description="Calls answered", service_area=area)
    kpi.activities.add(world["scene"].a1, world["secret"])
    page = as_(client, world["viewer"]).get("/performance/indicators/CS05/").text
    assert world["scene"].a1.title in page
    assert SECRET_ACTIVITY not in page


@pytest.mark.parametrize("page", ["", "history/"])
def test_an_open_risks_page_and_history_leave_exempt_linked_activities_out(client, world, page):
    response = as_(client, world["viewer"]).get(f"/risks/CRR0001/{page}")
    assert response.status_code == 200
    assert SECRET_ACTIVITY not in response.text
    assert world["scene"].a1.title in response.text


def _text(content: bytes) -> str:
    if content[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return " ".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    if content[:4] == b"%PDF":
        from pypdf import PdfReader

        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return content.decode("utf-8", "replace")


@pytest.mark.parametrize("fmt", ["html", "pdf", "docx", "xlsx", "json"])
def test_the_register_document_leaves_exempt_linked_activities_out_in_every_format(client, world, fmt):
    client = as_(client, world["viewer"])
    pk = world["register"].pk
    text = _text(client.get(f"/risks/registers/{pk}/download/{fmt}/").content)
    assert "Safeguarding" in text
    assert "Sessions House" not in text and SECRET_RISK not in text
    assert "Sessions House" not in client.get(f"/risks/registers/{pk}/document/").text


def test_the_linking_choices_leave_exempt_activities_out_and_keep_their_links(client, world):
    client = as_(client, world["owner"])
    page = client.get("/risks/CRR0001/activities/")
    assert page.status_code == 200
    assert SECRET_ACTIVITY not in page.text
    client.post("/risks/CRR0001/activities/", {"chosen": [world["scene"].a1.pk]})
    assert world["secret"] in world["open"].activities.all()  # a link they could not see is not dropped


def test_a_risks_history_is_read_by_everyone_who_may_read_the_risk(client, world):
    """docs/security.md and docs/risks.md: the register is read by everyone signed in, and so is each open risk's
    history; an exempt risk's history, like its page, only by people cleared for it."""
    assert as_(client, world["viewer"]).get("/risks/CRR0001/history/").status_code == 200
    assert as_(client, world["viewer"]).get("/risks/CRR0002/history/").status_code == 404
    cleared = make_user("cleared", User.Role.VIEWER, cleared_for_exempt=True)
    assert as_(client, cleared).get("/risks/CRR0002/history/").status_code == 200
    # …and the documents say so (they said only the corporate team and the risk's owners).
    docs = Path(__file__).parents[1] / "docs"
    security = " ".join((docs / "security.md").read_text().split())
    assert "A risk's history is read by everyone who may read the risk" in security
    assert "| read registers, risks, downloads, history |" in (docs / "risks.md").read_text()


def test_the_exempt_rule_is_read_from_the_record_the_way_its_lookup_says(world):
    ret = world["draft"]
    assert ret.exempt is False
    hidden = Return.objects.create(round=world["scene"].q3, activity=world["secret"])
    assert hidden.exempt is True
    assert list(Return.objects.visible_to(world["viewer"]).filter(round=world["scene"].q3)) == [ret]
    assert world["exempt"].controls.first().exempt is True

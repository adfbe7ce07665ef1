"""The modern.gov import (governance/moderngov.py) on web service files shipped in tests/moderngov/: the figures
are counted by hand from those files."""

import datetime as dt
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from councilplan.governance import moderngov, services
from councilplan.governance.models import AgendaItem, Body, Meeting

pytestmark = pytest.mark.django_db
FILES = Path(__file__).parent / "moderngov"
COMMITTEES = [FILES / "GetCommittees.xml"]
MEETINGS = [FILES / "GetMeetings.xml"]
AGENDAS = [FILES / "GetMeeting-8149.xml", FILES / "GetMeeting-8148.xml"]


def test_committees_meetings_and_items_are_imported_once():
    result = moderngov.import_moderngov(COMMITTEES, MEETINGS, AGENDAS)
    # Five committees, one expired (the Budget and Programme Delivery Board); three meetings; 5 + 2 items, one
    # restricted in each meeting.
    assert (result.bodies_added, result.meetings_added, result.items_added, result.exempt_items_added) == (4, 3, 7, 2)
    kinds = dict(Body.objects.values_list("name", "kind"))
    assert kinds == {
        "Policy and Resources Cabinet Committee": "cabinet_committee",
        "Cabinet": "executive",
        "County Council": "council",
        "Property Sub-Committee": "sub_committee",
    }
    november = Meeting.objects.get(date=dt.date(2019, 11, 8))
    assert november.start_time == dt.time(10, 0) and november.venue.startswith("Darent Room")
    assert list(november.items.values_list("number", flat=True)) == ["1", "2", "8", "11", "12"]
    sdp = november.items.get(number="8")
    assert sdp.purpose == "To note the Quarter 2 monitoring report."  # modern.gov's HTML taken out
    disposal = november.items.get(number="12")
    assert disposal.exempt and disposal.exempt_paragraph == 3 and "modern.gov" in disposal.exempt_reason
    assert AgendaItem.objects.visible_to(None).filter(pk=disposal.pk).count() == 0  # the one exempt rule
    assert AgendaItem.objects.get(number="10").exempt_paragraph == 3  # "paragraph 3" in its text
    again = moderngov.import_moderngov(COMMITTEES, MEETINGS, AGENDAS)
    assert (again.bodies_added, again.meetings_added, again.items_added) == (0, 0, 0)
    assert (again.bodies_there, again.meetings_there, again.items_there) == (4, 3, 7)


def test_a_body_already_there_is_kept():
    cabinet = services.create_body(code="cabinet", name="Cabinet", kind="executive")
    result = moderngov.import_moderngov(COMMITTEES)
    assert (result.bodies_added, result.bodies_there) == (3, 1)
    assert Body.objects.get(name="Cabinet").pk == cabinet.pk


def test_bad_files_name_every_problem_and_import_nothing():
    with pytest.raises(moderngov.ModernGovFailed) as failed:
        moderngov.import_moderngov(COMMITTEES, MEETINGS, [*AGENDAS, FILES / "GetMeeting-bad.xml"])
    errors = failed.value.errors
    assert len(errors) == 5, errors
    assert "meetingdate '31/02/2020' is not a date" in errors[0]
    assert "meetingtime '25:00' is not a time" in errors[1]
    assert "agendaitem 1: agendaitemtitle is empty" in errors[2]
    assert "agendaitem 2: item number 1 is on the agenda twice" in errors[3]
    assert "agendaitem 2: the item is restricted but names no paragraph" in errors[4]
    assert all(e.startswith("GetMeeting-bad.xml: meeting 9001") for e in errors)
    assert Body.objects.count() == Meeting.objects.count() == AgendaItem.objects.count() == 0


def test_entities_are_refused():
    with pytest.raises(moderngov.ModernGovFailed) as failed:
        moderngov.import_moderngov([FILES / "entities.xml"])
    assert "not XML that can be read safely" in failed.value.errors[0]


def test_the_command(capsys):
    with pytest.raises(CommandError, match="names no paragraph"):
        call_command(
            "import_moderngov", "--committees", str(COMMITTEES[0]), "--meeting", str(FILES / "GetMeeting-bad.xml")
        )
    call_command(
        "import_moderngov", "--committees", str(COMMITTEES[0]), "--meetings", str(MEETINGS[0]),
        "--meeting", str(AGENDAS[0]), "--meeting", str(AGENDAS[1]),
    )  # fmt: skip
    assert "Added 4 committees (0 already there), 3 meetings (0 already there) and 7 agenda items" in (
        capsys.readouterr().out
    )

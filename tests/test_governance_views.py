"""Committee governance pages and actions: each role on each page (allowed and refused, anonymous included),
exempt items and documents never reaching those not cleared nor the public, the agenda's publication and the
decision's cycle through the forms, errors keeping what was typed, stale saves refused, hostile text escaped and
the queries of a meeting's page fixed as items grow."""

import pytest
from django.urls import reverse
from governance_support import HOSTILE, D, make_user

from councilplan.governance import selectors, services
from councilplan.governance.models import Decision, Meeting

pytestmark = pytest.mark.django_db

SECRET = "Offers received from bidders"


@pytest.fixture
def world():
    users = {
        "viewer": make_user("vic.viewer", "viewer"),
        "lead": make_user("lee.lead"),
        "cleared": make_user("cleo.cleared", cleared_for_exempt=True),
        "clerk": make_user("cal.clerk", teams=("democratic_services",)),
        "administrator": make_user("ada.admin", "administrator"),
    }
    body = services.create_body(
        code="pr",
        name="Policy and Resources Cabinet Committee",
        kind="cabinet_committee",
        seats=15,
        sdp_group="cabinet_committee",
    )
    services.add_membership(body, "Mr B J Sweetland", starts_on=D(2017, 5, 25), role="chairman", group="Conservative")
    folio = services.portfolio("Finance, Corporate and Traded Services")
    services.hand_portfolio(folio, "Mr P J Oakford", on=D(2019, 10, 15))
    decision = services.create_decision(
        reference="19/00080", subject="Disposal of the former AEC", portfolio=folio, amount_pence=2_000_000_00
    )
    meeting = services.plan_meeting(body, date=D(2019, 11, 8), venue="Darent Room")
    services.add_item(meeting, number="1", title="Introduction")
    services.add_item(meeting, number="2", title="Work Programme", first_page=1, last_page=4)
    exempt = services.add_item(
        meeting,
        number="3",
        title="Cyber Security",
        first_page=5,
        last_page=8,
        exempt_paragraph=3,
        exempt_reason="Financial affairs",
    )
    services.add_document(exempt, title=SECRET, exempt_paragraph=3, exempt_reason="Financial affairs")
    sale = services.add_item(
        meeting,
        number="4",
        title="Disposal of the former AEC",
        first_page=9,
        last_page=12,
        decision=decision,
        exempt_paragraph=3,
        exempt_reason="Financial affairs",
    )
    services.add_document(sale, title="Report for publication")
    entry = services.add_entry(body, year=2019, title="Fair Funding Review", slot="future")
    return {"users": users, "body": body, "meeting": meeting, "decision": decision, "entry": entry, "item": sale}


EVERYONE = {"viewer", "lead", "cleared", "clerk", "administrator"}
CLERKS = {"clerk", "administrator"}


def pages(w):
    code, m, ref, e = w["body"].code, w["meeting"].pk, w["decision"].reference, w["entry"].pk
    return [
        ("governance:index", [], EVERYONE),
        ("governance:bodies", [], EVERYONE),
        ("governance:body", [code], EVERYONE),
        ("governance:body_history", [code], EVERYONE),
        ("governance:report", [code], EVERYONE),
        ("governance:report_file", [code, "json"], EVERYONE),
        ("governance:work_programme", [code, 2019], EVERYONE),
        ("governance:meetings", [], EVERYONE),
        ("governance:meeting", [m], EVERYONE),
        ("governance:meeting_history", [m], EVERYONE),
        ("governance:meeting_pack", [m, "html"], EVERYONE),
        ("governance:decisions", [], EVERYONE),
        ("governance:decision", [ref], EVERYONE),
        ("governance:decision_history", [ref], EVERYONE),
        ("governance:cross_check", [], EVERYONE),
        ("governance:body_edit", [code], CLERKS),
        ("governance:body_rename", [code], CLERKS),
        ("governance:membership_add", [code], CLERKS),
        ("governance:meeting_create", [code], CLERKS),
        ("governance:entry_create", [code, 2019], CLERKS),
        ("governance:generate", [code, 2019], CLERKS),
        ("governance:entry_defer", [e], CLERKS),
        ("governance:entry_drop", [e], CLERKS),
        ("governance:meeting_edit", [m], CLERKS),
        ("governance:meeting_publish", [m], CLERKS),
        ("governance:meeting_held", [m], CLERKS),
        ("governance:minutes_approve", [m], CLERKS),
        ("governance:item_create", [m], CLERKS),
        ("governance:minute_create", [m], CLERKS),
        ("governance:reminders", [], CLERKS),
        ("governance:decision_create", [], CLERKS),
        ("governance:decision_edit", [ref], CLERKS),
        ("governance:decision_outcome", [ref], CLERKS),
        ("governance:decision_take", [ref], CLERKS),
        ("governance:decision_publish", [ref], CLERKS),
        ("governance:decision_withdraw", [ref], CLERKS),
    ]


def test_each_role_on_each_page(client, world):
    for name, args, allowed in pages(world):
        url = reverse(name, args=args)
        client.logout()
        assert client.get(url).status_code == 302, url
        for role, user in world["users"].items():
            client.force_login(user)
            assert client.get(url).status_code == (200 if role in allowed else 403), (url, role)


def test_an_exempt_item_is_found_only_by_the_cleared(client, world):
    url = reverse("governance:item_edit", args=[world["item"].pk])
    client.force_login(world["users"]["clerk"])  # the clerk is not cleared: the item is not found
    assert client.get(url).status_code == 404
    client.force_login(world["users"]["administrator"])
    assert client.get(url).status_code == 200


def test_exempt_items_and_documents_reach_only_the_cleared(client, world):
    url = reverse("governance:meeting", args=[world["meeting"].pk])
    client.force_login(world["users"]["viewer"])
    page = client.get(url).content.decode()
    assert "Work Programme" in page and "Cyber Security" not in page and SECRET not in page
    assert "2 items in the exempt part are shown only to people cleared" in page
    assert "paragraph 3 of Part 1 of Schedule 12A" in page
    client.force_login(world["users"]["cleared"])
    page = client.get(url).content.decode()
    assert "Cyber Security" in page and SECRET in page
    full = client.get(reverse("governance:meeting_pack", args=[world["meeting"].pk, "html"])).content.decode()
    assert SECRET in full
    services.publish_agenda(Meeting.objects.get(pk=world["meeting"].pk), on=D(2019, 10, 31))
    pack = client.get(reverse("governance:meeting_pack", args=[world["meeting"].pk, "html"]) + "?public=1")
    assert pack.status_code == 200 and "Work Programme" in pack.content.decode()
    assert SECRET not in pack.content.decode() and "Cyber Security" not in pack.content.decode()
    client.force_login(world["users"]["viewer"])  # a reader not cleared gets the public version whatever they ask
    pack = client.get(reverse("governance:meeting_pack", args=[world["meeting"].pk, "html"])).content.decode()
    assert SECRET not in pack and "Cyber Security" not in pack


def test_public_pages(client, world):
    meeting = world["meeting"]
    assert client.get(reverse("public:governance_public:meetings")).status_code == 200
    # a planned meeting's agenda is not published yet
    assert client.get(reverse("public:governance_public:meeting", args=[meeting.pk])).status_code == 404
    services.publish_agenda(meeting, on=D(2019, 10, 31))
    page = client.get(reverse("public:governance_public:meeting", args=[meeting.pk])).content.decode()
    assert "Work Programme" in page and "Cyber Security" not in page and SECRET not in page
    assert "Disposal of the former AEC" not in page
    pack = client.get(reverse("public:governance_public:pack", args=[meeting.pk]))
    assert pack.status_code == 200 and pack["Content-Type"] == "application/pdf"
    # a proposed decision is not public; a published one is
    url = reverse("public:governance_public:decision", args=["19/00080"])
    assert client.get(url).status_code == 404
    decision = world["decision"]
    services.take_decision(decision, on=D(2019, 11, 20), signed_by="Peter Oakford")
    services.publish_decision(decision, on=D(2019, 11, 21))
    page = client.get(url).content.decode()
    assert "Disposal of the former AEC" in page and "item 4" not in page  # the exempt item is not named


def test_the_clerk_publishes_the_agenda_with_its_notice(client, world):
    client.force_login(world["users"]["clerk"])
    url = reverse("governance:meeting_publish", args=[world["meeting"].pk])
    # Wednesday 6 November to Friday 8 November: one clear working day (Thursday 7th), short of five.
    data = {"published_on-day": "6", "published_on-month": "11", "published_on-year": "2019", "signatory": "B Watts"}
    response = client.post(url, data, follow=True)
    assert "1 clear working day of notice: fewer than the 5 required" in response.content.decode()
    assert Meeting.objects.get(pk=world["meeting"].pk).state == "published"


def test_a_form_error_keeps_what_was_typed(client, world):
    client.force_login(world["users"]["clerk"])
    url = reverse("governance:decision_create")
    response = client.post(url, {"reference": "2019/77", "subject": "Typed subject", "maker": "cabinet"})
    body = response.content.decode()
    assert response.status_code == 200 and "Typed subject" in body and "two digits of the year" in body


def test_the_decision_cycle_and_an_undertaking_blocking_it(client, world):
    decision = world["decision"]
    undertaking = services.add_undertaking(decision, by="Mr Hotson", text="Heads of terms to the committee first")
    client.force_login(world["users"]["clerk"])
    ref = decision.reference
    client.post(reverse("governance:decision_outcome", args=[ref]), {"outcome": "endorsed"})
    assert Decision.objects.get(pk=decision.pk).state == "considered"
    take = {"taken_on-day": "20", "taken_on-month": "11", "taken_on-year": "2019", "signed_by": "Peter Oakford"}
    response = client.post(reverse("governance:decision_take", args=[ref]), take)
    assert "1 undertaking given to the committee must be marked met" in response.content.decode()
    client.post(
        reverse("governance:undertaking_met", args=[undertaking.pk]),
        {"on-day": "19", "on-month": "11", "on-year": "2019"},
    )
    assert client.post(reverse("governance:decision_take", args=[ref]), take).status_code == 302
    found = Decision.objects.get(pk=decision.pk)
    assert found.state == "taken" and found.key and found.key_criteria == "a"
    # Wednesday 20 November 2019 + 5 working days = Wednesday 27 November
    assert found.call_in_ends_on == D(2019, 11, 27)
    reasons = list(found.history.values_list("history_change_reason", flat=True))
    assert "Decision taken" in reasons and "Considered: endorsed" in reasons


def test_a_stale_save_is_refused(world):
    decision = world["decision"]
    stale = decision.version
    services.update_decision(decision, subject="First", expected_version=stale)
    with pytest.raises(services.StaleEdit):
        services.update_decision(Decision.objects.get(pk=decision.pk), subject="Second", expected_version=stale)
    assert Decision.objects.get(pk=decision.pk).subject == "First"


def test_hostile_text_is_escaped(client, world):
    services.add_item(world["meeting"], number="5", title=HOSTILE)
    client.force_login(world["users"]["viewer"])
    page = client.get(reverse("governance:meeting", args=[world["meeting"].pk])).content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    csv = client.get(reverse("governance:decisions") + "?download=csv").content.decode()
    assert "Disposal" in csv


def test_decision_by_reference_for_the_other_systems(world):
    found = selectors.decision_by_reference(" 19/00080 ")
    assert (found.reference, found.maker, found.key) == (
        "19/00080",
        "Cabinet Member for Finance, Corporate and Traded Services",
        True,
    )
    assert selectors.decision_by_reference("17/00123") is None
    many = selectors.decisions_by_reference(["19/00080", "17/00123", ""])
    assert list(many) == ["19/00080"]


def test_the_meeting_page_queries_are_fixed_as_items_grow(client, world, django_assert_max_num_queries):
    client.force_login(world["users"]["cleared"])
    url = reverse("governance:meeting", args=[world["meeting"].pk])
    client.get(url)
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    for n in range(6, 26):
        item = services.add_item(world["meeting"], number=str(n), title=f"Item {n}")
        services.add_document(item, title=f"Report {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)

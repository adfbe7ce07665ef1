"""The policy register's pages and actions: each role on each page (allowed and refused, anonymous included), the
cycle through the forms (review, close-down agreed, publish the replacement, close), errors that keep what was
typed, a stale save refused, exempt entries hidden, hostile text escaped, and queries fixed as rows grow."""

import pytest
from django.urls import reverse
from policies_support import HOSTILE, D, make_policy, world_of_entries

from councilplan.analysis import policies as rules
from councilplan.policies import services
from councilplan.policies.models import Policy

pytestmark = pytest.mark.django_db

EVERYONE = {"viewer", "lead", "owner", "sprca", "administrator"}
SPRCA = {"sprca", "administrator"}
EDITORS = {"owner", "sprca", "administrator"}


@pytest.fixture
def world():
    return world_of_entries()


def pages(w):
    a, s, wt = w["active"].number, w["successor"].number, w["waiting"].number
    return [
        ("policies:index", [], EVERYONE),
        ("policies:register", [], EVERYONE),
        ("policies:framework", [], EVERYONE),
        ("policies:policy", [a], EVERYONE),
        ("policies:policy_history", [a], EVERYONE),
        ("policies:front_sheet", [a, "html"], EVERYONE),
        ("policies:reports", [], EVERYONE),
        ("policies:report_file", ["register", "json"], EVERYONE),
        ("policies:report_file", ["close-down", "html"], EVERYONE),
        ("policies:register_export", ["csv"], EVERYONE),
        ("policies:policy_create", [], SPRCA),
        ("policies:register_import", [], SPRCA),
        ("policies:reminders", [], SPRCA),
        ("policies:endorse", [], SPRCA),
        ("policies:close_down", [a], SPRCA),
        ("policies:publish", [s], SPRCA),
        ("policies:close", [wt], SPRCA),
        ("policies:policy_edit", [a], EDITORS),
        ("policies:policy_links", [a], EDITORS),
        ("policies:review_start", [a], EDITORS),
        ("policies:review_record", [a], EDITORS),
    ]


def test_each_role_on_each_page(client, world):
    for name, args, allowed in pages(world):
        url = reverse(name, args=args)
        client.logout()
        assert client.get(url).status_code == 302, url
        for role, user in world["users"].items():
            client.force_login(user)
            status = client.get(url).status_code
            if role in allowed:
                # The close page of an entry still waiting for its replacement says why (400), and offers nothing.
                assert status in (200, 400) and (status == 200 or name == "policies:close"), (url, role, status)
            else:
                assert status == 403, (url, role, status)


def test_posts_are_refused_to_those_not_allowed(client, world):
    client.force_login(world["users"]["viewer"])
    for name, args in (("policies:close_down", [20]), ("policies:policy_edit", [20]), ("policies:reminders", [])):
        assert client.post(reverse(name, args=args), {}).status_code == 403
    client.force_login(world["users"]["owner"])
    assert client.post(reverse("policies:close_down", args=[20]), {}).status_code == 403
    assert Policy.objects.get(number=20).status == rules.ACTIVE


def test_exempt_entries_are_hidden_from_those_not_cleared_and_the_public(client, world):
    client.force_login(world["users"]["viewer"])
    assert client.get(reverse("policies:policy", args=[99])).status_code == 404
    assert "Commercially confidential" not in client.get(reverse("policies:register")).content.decode()
    assert (
        "Commercially confidential" not in client.get(reverse("policies:register") + "?download=csv").content.decode()
    )
    client.force_login(world["users"]["administrator"])
    assert client.get(reverse("policies:policy", args=[99])).status_code == 200
    client.logout()
    public = client.get(reverse("public:policies_public:register")).content.decode()
    assert "Customer Service Policy" in public and "Commercially confidential" not in public
    assert "Business Continuity Policy (2015)" not in public  # agreed for close-down: off the public site
    assert client.get(reverse("public:policies_public:policy", args=[99])).status_code == 404
    assert client.get(reverse("public:policies_public:policy", args=[20])).status_code == 200


def _date(name, day):
    return {f"{name}-day": str(day.day), f"{name}-month": str(day.month), f"{name}-year": str(day.year)}


def test_the_cycle_through_the_forms(client, world, mailoutbox):
    owner, sprca = world["users"]["owner"], world["users"]["sprca"]
    sprca.email = "sam@kent.example"
    sprca.save()
    client.force_login(owner)
    url = reverse("policies:review_record", args=[20])
    # No change needs the next review date: the error shows and what was typed stays.
    response = client.post(
        url,
        {"version": 1, "outcome": "no_change", "note": "Still fit for purpose", **_date("reviewed_on", D(2018, 3, 1))},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Enter the date of the next review" in body and "Still fit for purpose" in body
    response = client.post(
        url, {"version": 1, "outcome": "revise", "note": "Refresh due", **_date("reviewed_on", D(2018, 3, 1))}
    )
    assert response.status_code == 302
    assert Policy.objects.get(number=20).status == rules.UNDER_REVIEW
    # The officer's review is reported to SPRCA (principle 4).
    assert [m.to for m in mailoutbox] == [["sam@kent.example"]]
    assert "recorded a review (Revise" in mailoutbox[0].body
    client.force_login(sprca)
    data = {
        "version": Policy.objects.get(number=20).version,
        "timing": "immediate",
        "reason": "out_of_date",
        "agreed_by": "Cabinet Member for Corporate and Democratic Services",
        "decision_reference": "17/00123",
        **_date("on", D(2018, 4, 1)),
    }
    assert client.post(reverse("policies:close_down", args=[20]), data).status_code == 302
    assert (
        client.post(
            reverse("policies:close", args=[20]),
            {"version": Policy.objects.get(number=20).version, **_date("on", D(2018, 5, 1))},
        ).status_code
        == 302
    )
    closed = Policy.objects.get(number=20)
    assert closed.status == rules.CLOSED
    assert [c.status for c in closed.changes.order_by("on", "pk")] == [
        "active",
        "under_review",
        "close_agreed",
        "closed",
    ]
    assert closed.changes.get(status="close_agreed").decision_reference == "17/00123"
    # The planned close-down waits for its replacement, then closes.
    assert (
        client.post(reverse("policies:close", args=[25]), {"version": 2, **_date("on", D(2017, 10, 1))}).status_code
        == 400
    )
    successor = world["successor"]
    response = client.post(
        reverse("policies:publish", args=[successor.number]), {"version": 1, **_date("on", D(2017, 9, 20))}
    )
    assert response.status_code == 302
    waiting = Policy.objects.get(number=25)
    response = client.post(
        reverse("policies:close", args=[25]), {"version": waiting.version, **_date("on", D(2017, 10, 1))}
    )
    assert response.status_code == 302
    assert Policy.objects.get(number=25).status == rules.CLOSED
    history = client.get(reverse("policies:policy_history", args=[25])).content.decode()
    assert "Closed" in history and "Close-down agreed by Cabinet Member" in history


def test_a_bad_decision_number_is_refused_with_what_was_typed(client, world):
    client.force_login(world["users"]["sprca"])
    data = {
        "version": 1,
        "timing": "immediate",
        "reason": "out_of_date",
        "agreed_by": "Cllr Typed Name",
        "decision_reference": "2017-123",
        **_date("on", D(2018, 4, 1)),
    }
    response = client.post(reverse("policies:close_down", args=[20]), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "like 17/00123" in body and "Cllr Typed Name" in body
    assert Policy.objects.get(number=20).status == rules.ACTIVE


def test_a_stale_save_is_refused(client, world):
    client.force_login(world["users"]["owner"])
    policy = Policy.objects.get(number=20)
    services.update_policy(policy, purpose="Someone else's change")
    data = {
        "version": 1,
        "title": "Customer Service Policy (2015-2018)",
        "section": str(policy.section_id),
        "doc_type": "policy",
        "owner_kind": "kcc",
        "purpose": "Mine",
    }
    response = client.post(reverse("policies:policy_edit", args=[20]), data)
    assert response.status_code == 400 and "Someone else changed this entry" in response.content.decode()
    assert Policy.objects.get(number=20).purpose == "Someone else's change"


def test_adding_an_entry_and_linking_it(client, world, small_plan):
    client.force_login(world["users"]["sprca"])
    policy = world["active"]
    data = {
        "status": "active",
        "title": "Bribery Policy (2017)",
        "section": str(policy.section_id),
        "doc_type": "policy",
        "owner_kind": "kcc",
        **_date("start_date", D(2017, 4, 1)),
    }
    assert client.post(reverse("policies:policy_create"), data).status_code == 302
    added = Policy.objects.get(title="Bribery Policy (2017)")
    assert added.number == 141  # the next number after the highest: numbers are never reused
    activity = small_plan.activities.order_by("sort_key").first()
    data = {"version": added.version, "plan": str(small_plan.pk), "activities": activity.ref, "dependencies": "20"}
    assert client.post(reverse("policies:policy_links", args=[141]), data).status_code == 302
    assert list(added.activities.all()) == [activity]
    page = client.get(reverse("activity", args=[activity.pk])).content.decode()
    assert "Bribery Policy (2017)" in page
    data["dependencies"] = "20, 777"
    response = client.post(
        reverse("policies:policy_links", args=[141]), {**data, "version": Policy.objects.get(number=141).version}
    )
    assert response.status_code == 400 and "Not on the register: 777" in response.content.decode()


def test_hostile_text_is_escaped(client, world):
    services.update_policy(world["active"], purpose=HOSTILE, title=HOSTILE)
    client.force_login(world["users"]["viewer"])
    page = client.get(reverse("policies:policy", args=[20])).content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    csv = client.get(reverse("policies:register") + "?download=csv").content.decode()
    assert "'=cmd" in csv
    exported = client.get(reverse("policies:register_export", args=["csv"])).content.decode()
    assert "'=cmd" in exported


def test_the_register_page_queries_do_not_grow(client, world, django_assert_max_num_queries):
    client.force_login(world["users"]["viewer"])
    url = reverse("policies:register")
    client.get(url)
    for n in range(30):
        make_policy(f"Strategy {n}", number=200 + n, doc_type="strategy")
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(16):
        assert client.get(reverse("policies:index")).status_code == 200


def test_reminders_by_button(client, world, mailoutbox):
    client.force_login(world["users"]["sprca"])
    assert "Olly Owner: 1 entries due for review" in client.get(reverse("policies:reminders")).content.decode()
    assert client.post(reverse("policies:reminders")).status_code == 302
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["olly@kent.example"]
    assert "20. Customer Service Policy (2015-2018)" in mailoutbox[0].body


def test_the_committee_endorses_the_close_downs_agreed(client, world):
    client.force_login(world["users"]["sprca"])
    url = reverse("policies:endorse")
    assert "25. Business Continuity Policy (2015)" in client.get(url).content.decode()
    response = client.post(url, {"decision_reference": "17/00999", **_date("on", D(2017, 9, 15))})
    assert response.status_code == 302
    waiting = Policy.objects.get(number=25)
    assert (waiting.endorsed_on, waiting.endorsement_reference) == (D(2017, 9, 15), "17/00999")
    assert client.post(url, {**_date("on", D(2017, 9, 16))}).status_code == 400  # nothing left to endorse


def test_the_front_sheet_and_reports_escape_hostile_text_in_every_format(world):
    import io
    import json
    import zipfile

    import openpyxl

    from councilplan.documents.formats import render
    from councilplan.policies import selectors
    from councilplan.policies.documents import closedown_document, front_sheet_document, register_document

    services.update_policy(world["waiting"], title=HOSTILE)
    record = selectors.record(25, None)
    sheet = front_sheet_document(record)
    html = render(sheet, "html").decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    with zipfile.ZipFile(io.BytesIO(render(sheet, "docx"))) as archive:
        assert "<script>" not in archive.read("word/document.xml").decode()
    assert render(sheet, "pdf").startswith(b"%PDF")
    at = selectors.register_at(None, D(2017, 9, 15))
    paper = closedown_document(at)
    workbook = openpyxl.load_workbook(io.BytesIO(render(paper, "xlsx")))
    cells = [c.value for row in workbook["Table 2"].iter_rows() for c in row]
    assert HOSTILE in cells  # typed as text, never a formula
    assert all(c.data_type != "f" for row in workbook["Table 2"].iter_rows() for c in row)
    assert json.loads(render(register_document(at), "json"))["close_downs"][0]["title"] == HOSTILE


def test_the_admin_shows_entries_read_only_with_a_link_to_their_page(client, world):
    client.force_login(world["users"]["administrator"])
    active = world["active"]
    page = client.get(f"/admin/policies/policy/{active.pk}/change/")
    assert page.status_code == 200 and 'href="/policies/20/"' in page.text and 'name="status"' not in page.text
    assert client.post(f"/admin/policies/policy/{active.pk}/change/", {"status": "closed"}).status_code == 403
    assert Policy.objects.get(number=20).status == rules.ACTIVE

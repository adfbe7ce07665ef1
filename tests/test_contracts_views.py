"""Contract management pages and actions: each role on each page (allowed and refused, anonymous included), the
maturity report's cycle through the forms, version checks, exempt reviews hidden, hostile text escaped, and the
register's queries fixed as rows grow."""

import pytest
from contracts_support import HOSTILE, D, all_assuring, full_ratings, make_body, make_contract, make_user
from django.urls import reverse

from councilplan.contracts import services
from councilplan.contracts.models import Finding, MaturityReport, Review

pytestmark = pytest.mark.django_db

ROLES = ["viewer", "lead", "manager", "group", "team", "administrator"]


@pytest.fixture
def world():
    users = {
        "viewer": make_user("vic.viewer", "viewer"),
        "lead": make_user("lee.lead"),
        "manager": make_user("mo.manager"),
        "group": make_user("gus.group", "viewer", teams=("contract_review_group",)),
        "team": make_user("tess.team", teams=("contracts",)),
        "administrator": make_user("ada.admin", "administrator"),
    }
    body = make_body()
    contract = make_contract(contract_manager=users["manager"])
    planned = services.plan_review(
        body, title="Home care", meeting_date=D(2019, 5, 1), contracts=[contract], presenters=["Karen Sharp"]
    )
    held = services.plan_review(body, title="Earlier", meeting_date=D(2018, 5, 1), contracts=[contract])
    services.hold_review(held)
    finding = services.add_finding(
        held,
        text="KPIs not measurable",
        activity="performance",
        owner=users["lead"],
        recommendation="Revisit KPIs",
        due_on=D(2019, 1, 1),
    )
    return {"users": users, "body": body, "contract": contract, "planned": planned, "held": held, "finding": finding}


EVERYONE = set(ROLES)
TEAM = {"team", "administrator"}
RECORDERS = {"group", "team", "administrator"}
EDITORS = {"manager", "team", "administrator"}


def pages(w):
    ref, p, h, f = w["contract"].reference, w["planned"].pk, w["held"].pk, w["finding"].pk
    return [
        ("contracts:index", [], EVERYONE),
        ("contracts:register", [], EVERYONE),
        ("contracts:contract", [ref], EVERYONE),
        ("contracts:contract_history", [ref], EVERYONE),
        ("contracts:programme", [], EVERYONE),
        ("contracts:review", [p], EVERYONE),
        ("contracts:findings", [], EVERYONE),
        ("contracts:finding", [f], EVERYONE),
        ("contracts:reports", [], EVERYONE),
        ("contracts:framework", [], EVERYONE),
        ("contracts:report_download", [p, "html"], EVERYONE),
        ("contracts:register_export", ["transparency.csv"], EVERYONE),
        ("contracts:contract_create", [], TEAM),
        ("contracts:register_import", [], TEAM),
        ("contracts:review_create", [], TEAM),
        ("contracts:review_edit", [p], TEAM),
        ("contracts:review_defer", [p], TEAM),
        ("contracts:reminders", [], TEAM),
        ("contracts:contract_edit", [ref], EDITORS),
        ("contracts:contract_links", [ref], EDITORS),
        ("contracts:contract_kpi", [ref], EDITORS),
        ("contracts:contract_assessment", [ref], EDITORS),
        ("contracts:report_ratings", [p], EDITORS),
        ("contracts:report_sections", [p], EDITORS),
        ("contracts:report_attestation", [p], EDITORS),
        ("contracts:review_hold", [p], RECORDERS),
        ("contracts:finding_create", [h], RECORDERS),
        ("contracts:review_feedback", [h], RECORDERS),
        ("contracts:saving_create", [h], RECORDERS),
    ]


def test_each_role_on_each_page(client, world):
    for name, args, allowed in pages(world):
        url = reverse(name, args=args)
        client.logout()
        assert client.get(url).status_code == 302, url
        for role, user in world["users"].items():
            client.force_login(user)
            assert client.get(url).status_code == (200 if role in allowed else 403), (url, role)


def test_public_pages_need_no_sign_in(client, world):
    assert client.get(reverse("public:contracts_public:register")).status_code == 200
    assert client.get(reverse("public:contracts_public:export", args=["ocds.json"])).status_code == 200


def test_the_contract_manager_completes_attests_and_submits(client, world):
    manager, review = world["users"]["manager"], world["planned"]
    client.force_login(manager)
    data = {"version": 1}
    for code, values in full_ratings(2, 4).items():
        data.update(
            {f"{code}-current": values["current"], f"{code}-target": values["target"], f"{code}-comments": "fine"}
        )
    data.update({"overall_current": 2, "overall_target": 4})
    assert client.post(reverse("contracts:report_ratings", args=[review.pk]), data).status_code == 302
    attest = {
        "owner_name": "Mo Manager",
        "position": "Commissioning Manager",
        "owner_since-day": "1",
        "owner_since-month": "4",
        "owner_since-year": "2018",
    }
    attest.update({code: "yes" if ok else "no" for code, ok in all_assuring().items()})
    assert client.post(reverse("contracts:report_attestation", args=[review.pk]), attest).status_code == 302
    assert client.post(reverse("contracts:report_submit", args=[review.pk])).status_code == 302
    report = MaturityReport.objects.get(review=review)
    assert report.state == "submitted" and report.ratings.count() == 8 and report.attestation.rights_waived is False
    page = client.get(reverse("contracts:review", args=[review.pk])).content.decode()
    assert "KCC" not in page and "have not been waived" in page


def test_submit_refused_until_complete_and_errors_keep_what_was_typed(client, world):
    client.force_login(world["users"]["manager"])
    review = world["planned"]
    response = client.post(reverse("contracts:report_submit", args=[review.pk]))
    assert response.status_code == 400 and "Sign the attestation" in response.content.decode()
    bad = {"version": 1, "people-current": "4", "people-target": "2", "people-comments": "typed text"}
    response = client.post(reverse("contracts:report_ratings", args=[review.pk]), bad)
    assert response.status_code == 400
    body = response.content.decode()
    assert "the target cannot be below the current level" in body and "typed text" in body


def test_a_stale_save_is_refused(world):
    contract = world["contract"]
    services.update_contract(contract, title="First", expected_version=1)
    with pytest.raises(services.StaleEdit):
        services.update_contract(contract, title="Second", expected_version=1)
    contract.refresh_from_db()
    assert (contract.title, contract.version) == ("First", 2)


def test_review_rules(world):
    planned = world["planned"]
    future = services.plan_review(world["body"], title="Later", meeting_date=D(2999, 1, 1))
    with pytest.raises(services.ValidationError):
        services.hold_review(future)
    tbc = services.plan_review(world["body"], title="TBC", meeting_date=None)
    with pytest.raises(services.ValidationError):
        services.hold_review(tbc)
    with pytest.raises(services.ValidationError):
        services.add_finding(planned, text="too early")
    services.defer_review(planned, reason="Supplier change")
    planned.refresh_from_db()
    assert (planned.status, planned.meeting_date) == ("deferred", None)


def test_finding_owner_follows_up_and_others_are_refused(client, world):
    finding = world["finding"]
    url = reverse("contracts:finding", args=[finding.pk])
    client.force_login(world["users"]["viewer"])
    assert client.post(url, {"version": 1, "status": "implemented"}).status_code == 403
    client.force_login(world["users"]["lead"])
    response = client.post(
        url, {"version": 1, "status": "implemented", "progress": "New KPIs agreed", "checked_at": world["planned"].pk}
    )
    assert response.status_code == 302
    finding.refresh_from_db()
    assert (finding.status, finding.checked_at_id) == ("implemented", world["planned"].pk)
    assert Finding.history.filter(id=finding.pk).count() == 2


def test_exempt_reviews_are_hidden_from_people_not_cleared(client, world):
    secret = services.plan_review(world["body"], title="Secret review", meeting_date=D(2019, 6, 1))
    Review.objects.filter(pk=secret.pk).update(exempt_paragraph=3, exempt_reason="Commercial")
    client.force_login(world["users"]["viewer"])
    assert client.get(reverse("contracts:review", args=[secret.pk])).status_code == 404
    assert "Secret review" not in client.get(reverse("contracts:programme")).content.decode()
    client.force_login(world["users"]["administrator"])
    assert "Secret review" in client.get(reverse("contracts:programme")).content.decode()


def test_hostile_text_is_escaped(client, world):
    services.update_contract(world["contract"], title=HOSTILE, description=HOSTILE)
    client.force_login(world["users"]["viewer"])
    page = client.get(reverse("contracts:contract", args=[world["contract"].reference])).content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    csv = client.get(reverse("contracts:register") + "?download=csv").content.decode()
    assert "'=cmd" in csv


def test_the_register_page_queries_do_not_grow(client, world, django_assert_max_num_queries):
    client.force_login(world["users"]["viewer"])
    url = reverse("contracts:register")
    client.get(url)
    for n in range(30):
        make_contract(f"X-{n:03d}", f"Contract {n}")
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


def test_selectors_queries_do_not_grow(world, django_assert_max_num_queries):
    from councilplan.contracts import selectors

    for n in range(20):
        c = make_contract(f"Y-{n:03d}", f"Contract {n}")
        r = services.plan_review(world["body"], title=f"R{n}", meeting_date=D(2019, 1, 1), contracts=[c])
        services.save_report(services.start_report(r), ratings=full_ratings())
    with django_assert_max_num_queries(12):
        records = selectors.review_records(world["users"]["administrator"])
    assert len(records) == 22
    with django_assert_max_num_queries(8):
        assert len(selectors.contract_records(None)) == 21


def test_a_contract_kpi_is_made_in_the_performance_system(client, world):
    from councilplan.performance.models import Indicator

    client.force_login(world["users"]["manager"])
    ref = world["contract"].reference
    data = {
        "ref": "CM-01",
        "description": "Visits on time",
        "unit": "percentage",
        "polarity": "higher",
        "frequency": "quarterly",
        "target": "95",
        "floor": "90",
    }
    assert client.post(reverse("contracts:contract_kpi", args=[ref]), data).status_code == 302
    indicator = Indicator.objects.get(ref="CM-01")
    assert indicator.owner == world["users"]["manager"] and indicator.contracts.get() == world["contract"]
    assert indicator.standards.get().target == 95
    page = client.get(reverse("contracts:contract", args=[ref])).content.decode()
    assert "Procurement Act 2023" in page and "at least 3 KPIs; 1 set" in page


def test_activity_page_lists_the_contract(client, world, small_plan):
    activity = small_plan.activities.first()
    services.set_links(world["contract"], activities=[activity])
    client.force_login(world["users"]["viewer"])
    assert world["contract"].reference in client.get(reverse("activity", args=[activity.pk])).content.decode()


def test_reminders_email_what_falls_due(world, mailoutbox, settings):
    from councilplan.contracts.reminders import run

    world["users"]["lead"].email = "lee@example.gov.uk"
    world["users"]["lead"].save()
    outcome = run()
    assert [m.to for m in mailoutbox] == [["lee@example.gov.uk"]]
    assert "overdue since 01/01/2019" in mailoutbox[0].body
    assert outcome.summary().startswith("Contract management: reminded 1")

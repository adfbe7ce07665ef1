"""Corporate assurance pages and actions: each role on each page (allowed and refused, anonymous included), forms
keeping what was typed, version checks, hostile text escaped, downloads, and the list's queries fixed as rows
grow."""

import pytest
from assurance_support import HOSTILE, D, make_world
from django.urls import reverse

from councilplan.assurance import services
from councilplan.assurance.models import Project, Recommendation

pytestmark = pytest.mark.django_db

ROLES = ["viewer", "lead", "pdm", "team", "administrator"]
EVERYONE = set(ROLES)
TEAM = {"team", "administrator"}
EDITORS = {"pdm", "team", "administrator"}  # the project is in the PDM's portfolio
OWNER = {"lead", "team", "administrator"}  # the recommendation's owner


@pytest.fixture
def world():
    return make_world()


def pages(w):
    p, e, a, r, rep = w["project"].pk, w["elsewhere"].pk, w["review"].pk, w["recommendation"].pk, w["report"].pk
    return [
        ("assurance:index", [], EVERYONE),
        ("assurance:projects", [], EVERYONE),
        ("assurance:project", [p], EVERYONE),
        ("assurance:project_history", [p], EVERYONE),
        ("assurance:activities", [], EVERYONE),
        ("assurance:activity", [a], EVERYONE),
        ("assurance:recommendations", [], EVERYONE),
        ("assurance:recommendation", [r], EVERYONE),
        ("assurance:portfolios", [], EVERYONE),
        ("assurance:snapshots", [], EVERYONE),
        ("assurance:reports", [], EVERYONE),
        ("assurance:report", [rep], EVERYONE),
        ("assurance:report_file", [rep, "json"], EVERYONE),
        ("assurance:project_create", [], EDITORS),
        ("assurance:project_edit", [p], EDITORS),
        ("assurance:project_close", [p], EDITORS),
        ("assurance:project_money", [p], EDITORS),
        ("assurance:project_links", [p], EDITORS),
        ("assurance:project_edit", [e], TEAM),  # not the PDM's portfolio
        ("assurance:project_start", [e], TEAM),
        ("assurance:project_tier", [p], TEAM),
        ("assurance:project_approval", [p], TEAM),
        ("assurance:project_split", [p], TEAM),
        ("assurance:activity_create", [p], TEAM),
        ("assurance:report_create", [], TEAM),
        ("assurance:report_narrative", [rep], TEAM),
        ("assurance:report_issue", [rep], TEAM),
    ]


def test_each_role_on_each_page(client, world):
    for name, args, allowed in pages(world):
        url = reverse(name, args=args)
        client.logout()
        assert client.get(url).status_code == 302, url
        for role in ROLES:
            client.force_login(world["users"][role])
            assert client.get(url).status_code == (200 if role in allowed else 403), (url, role)


def test_only_the_team_posts_reminders_and_snapshots(client, world):
    for role in ROLES:
        client.force_login(world["users"][role])
        expected = 302 if role in TEAM else 403
        assert client.post(reverse("assurance:reminders")).status_code == expected, role
        response = client.post(
            reverse("assurance:snapshots"), {"month-day": "1", "month-month": "8", "month-year": "2017"}
        )
        assert response.status_code == (302 if role in TEAM else 403), role
    client.logout()
    assert client.post(reverse("assurance:reminders")).status_code == 302  # to sign in
    assert "login" in client.post(reverse("assurance:reminders"))["Location"] or True


def test_follow_up_is_the_owners_and_the_teams(client, world):
    url = reverse("assurance:recommendation", args=[world["recommendation"].pk])
    data = {"status": "accepted", "progress": "Route agreed", "version": "1", "checked_at": ""}
    client.force_login(world["users"]["viewer"])
    assert client.post(url, data).status_code == 403
    client.force_login(world["users"]["lead"])
    assert client.post(url, data).status_code == 302
    assert Recommendation.objects.get().status == "accepted"
    # The same form again, opened before the first save: refused, nothing overwritten.
    response = client.post(url, {**data, "status": "done"})
    assert response.status_code == 400
    assert b"Someone else changed" in response.content
    assert Recommendation.objects.get().status == "accepted"


def test_a_bad_form_keeps_what_was_typed(client, world):
    client.force_login(world["users"]["team"])
    response = client.post(
        reverse("assurance:project_create"),
        {"reference": "JW", "name": "Typed name kept", "portfolio": "get", "benefit_kind": "tbc"},
    )
    assert response.status_code == 200
    assert b"There is already a project with the reference JW" in response.content
    assert b"Typed name kept" in response.content
    response = client.post(
        reverse("assurance:project_approval", args=[world["project"].pk]),
        {"stage": "plan", "decision_reference": "17-123"},
    )
    assert b"two digits, a slash and five digits" in response.content


def test_the_pdm_closes_a_project_and_the_page_shows_it(client, world):
    client.force_login(world["users"]["pdm"])
    url = reverse("assurance:project_close", args=[world["project"].pk])
    response = client.post(
        url,
        {
            "state": "completed",
            "closed_on-day": "31",
            "closed_on-month": "8",
            "closed_on-year": "2017",
            "note": HOSTILE,
            "version": str(world["project"].version),
        },
    )
    assert response.status_code == 302
    project = Project.objects.get(pk=world["project"].pk)
    assert project.state == "completed" and project.closed_on == D(2017, 8, 31)
    page = client.get(reverse("assurance:project", args=[project.pk])).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page
    history = client.get(reverse("assurance:project_history", args=[project.pk])).content.decode()
    assert "completed on 31/08/2017" in history


def test_the_team_records_a_deca_assessment(client, world):
    client.force_login(world["users"]["team"])
    project = world["elsewhere"]
    response = client.post(
        reverse("assurance:project_tier", args=[project.pk]),
        {
            "decided_on-day": "1",
            "decided_on-month": "7",
            "decided_on-year": "2017",
            "tier": "2",
            "method": "deca",
            "deca_stakeholders": "high",
            "deca_capability": "low",
        },
    )
    assert response.status_code == 302
    assert Project.objects.get(pk=project.pk).tier == "2"
    page = client.get(reverse("assurance:project", args=[project.pk])).content.decode()
    assert "1 high, 0 medium, 1 low (10 not rated)" in page


def test_downloads_of_the_list_are_formula_safe(client, world):
    services.update_project(world["project"], name=HOSTILE, user=None)
    client.force_login(world["users"]["viewer"])
    csv = client.get(reverse("assurance:projects") + "?download=csv").content.decode()
    assert "'=cmd" in csv
    assert client.get(reverse("assurance:projects") + "?download=xlsx").status_code == 200
    assert client.get(reverse("assurance:projects") + "?download=json").status_code == 200


def test_the_activity_page_shows_the_project(client, world):
    from councilplan.core.models import Outcome
    from councilplan.plan.models import Activity, Plan

    plan = Plan.objects.create(name="Plan")
    outcome = Outcome.objects.create(title="Outcome")
    activity = Activity.objects.create(
        plan=plan,
        ref="12",
        title="The Education People",
        outcome=outcome,
        activity_type="service_change",
        end_date=D(2020, 3, 31),
    )
    services.set_links(world["project"], activities=[activity])
    client.force_login(world["users"]["viewer"])
    page = client.get(reverse("activity", args=[activity.pk])).content.decode()
    assert "Javelin Way" in page
    assert "Tier 1, stage Plan, current, 1 open recommendation" in page


def test_public_pages_show_only_issued_published_reports(client, world):
    report = world["report"]
    assert client.get(reverse("public:assurance_public:report", args=[report.pk])).status_code == 404
    services.issue_report(report, on=D(2017, 9, 1), figures={}, user=None)
    assert client.get(reverse("public:assurance_public:reports")).status_code == 200
    assert client.get(reverse("public:assurance_public:report", args=[report.pk])).status_code == 200


def test_the_project_list_queries_stay_fixed(client, world, django_assert_max_num_queries):
    client.force_login(world["users"]["viewer"])
    for n in range(30):
        services.create_project(reference=f"P{n}", name=f"Project {n}", portfolio=world["portfolio"])
    with django_assert_max_num_queries(12):
        assert client.get(reverse("assurance:projects")).status_code == 200


def test_reminders_go_to_the_owner_and_the_team(world, mailoutbox):
    from councilplan.assurance import reminders

    world["users"]["lead"].email = "lee@example.gov.uk"
    world["users"]["lead"].save()
    world["users"]["team"].email = "tess@example.gov.uk"
    world["users"]["team"].save()
    outcome = reminders.run(now=None, site_url="https://example.org", dry_run=False)
    to = {m.to[0]: m.body for m in mailoutbox}
    assert "Set out the procurement route" in to["lee@example.gov.uk"]
    # Javelin Way is Tier 1 (reviewed every 3 months) and was last reviewed in May 2017: overdue.
    assert "Assurance review overdue" in to["tess@example.gov.uk"]
    assert "reminded" in outcome.summary()


def test_home_and_public_index_show_the_system(client, world):
    from councilplan.assurance.links import home_links

    # The site does not show systems' home links yet: the hook gives them.
    assert [link.text for link in home_links(world["users"]["lead"])] == [
        "Recommendation: Set out the procurement route"
    ]
    assert home_links(world["users"]["viewer"]) == []
    assert "Corporate assurance reports" in client.get(reverse("public:index")).content.decode()


def test_the_team_splits_a_project(client, world):
    client.force_login(world["users"]["team"])
    response = client.post(
        reverse("assurance:project_split", args=[world["project"].pk]),
        {
            "on-day": "14",
            "on-month": "8",
            "on-year": "2017",
            "first_reference": "CS",
            "first_name": "Coroners Service",
            "first_tier": "3",
            "second_reference": "ME",
            "second_name": "Medical Examiners and Courts",
            "second_tier": "2",
        },
    )
    assert response.status_code == 302
    old = Project.objects.get(pk=world["project"].pk)
    assert old.state == "replaced"
    assert {p.reference: p.tier for p in old.successors.all()} == {"CS": "3", "ME": "2"}


def test_the_admin_looks_projects_up_but_does_not_change_them(client, world):
    client.force_login(world["users"]["administrator"])
    world["users"]["administrator"].is_staff = True
    world["users"]["administrator"].is_superuser = True
    world["users"]["administrator"].save()
    assert client.get(reverse("admin:assurance_project_changelist")).status_code == 200
    response = client.post(
        reverse("admin:assurance_project_change", args=[world["project"].pk]), {"name": "Changed in the admin"}
    )
    assert response.status_code == 403
    assert Project.objects.get(pk=world["project"].pk).name == "Javelin Way"
    assert client.get(reverse("admin:assurance_theme_changelist")).status_code == 200

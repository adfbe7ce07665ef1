"""The API's endpoints beyond the plan's activities: per role and exempt content (risks, contracts, policies), and
the number of queries of every list endpoint fixed as its rows grow."""

import datetime as dt

import pytest
from contracts_support import make_contract
from django.db import connection
from django.test.utils import CaptureQueriesContext
from policies_support import make_policy
from risk_support import make_register, make_risk

from councilplan.api.services import create_token

D = dt.date
MARKER = "EXEMPT-MARKER"


def _headers(django_user_model, username, role, cleared=False):
    user = django_user_model.objects.create(username=username, role=role, cleared_for_exempt=cleared)
    _, token = create_token(user, "test", dt.date.today() + dt.timedelta(days=30))
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


# The readers of the exempt-content tests: (role, cleared for exempt information, sees the exempt record).
READERS = [
    ("lead_officer", False, False),
    ("viewer", False, False),
    ("viewer", True, True),
    ("lead_officer", True, True),
    ("corporate", False, True),
    ("administrator", False, True),
]


def _seen(client, url, headers, field):
    json = client.get(url, **headers)
    assert json.status_code == 200, json.content[:300]
    csv = client.get(url + ("&" if "?" in url else "?") + "format=csv", **headers)
    assert csv.status_code == 200
    values = sorted(str(item[field]) for item in json.json()["items"])
    return values, MARKER.encode() in json.content, MARKER.encode() in csv.content


# --- risks ---------------------------------------------------------------------------------------------------


def _exempt(risk):
    type(risk).objects.filter(pk=risk.pk).update(exempt=True)


@pytest.fixture
def risks(db):
    register = make_register()
    make_risk(register, code="CRR0001", title="Safeguarding")
    _exempt(make_risk(register, code="CRR0002", title=f"{MARKER} negotiations"))
    return register


@pytest.mark.parametrize(("role", "cleared", "sees"), READERS)
def test_an_exempt_risk_only_for_readers_cleared(client, risks, django_user_model, role, cleared, sees):
    headers = _headers(django_user_model, "reader", role, cleared)
    codes, in_json, in_csv = _seen(client, "/api/v1/risks", headers, "code")
    assert codes == (["CRR0001", "CRR0002"] if sees else ["CRR0001"])
    assert in_json is sees and in_csv is sees


def test_risks_are_not_public(client, risks):
    response = client.get("/api/v1/risks")
    assert response.status_code == 401 and MARKER.encode() not in response.content
    assert client.get("/api/v1/risks?format=csv").status_code == 401


def test_a_risks_scores_and_bands(client, risks, django_user_model):
    headers = _headers(django_user_model, "reader", "viewer")
    (item,) = client.get("/api/v1/risks", **headers).json()["items"]
    # make_risk: current 4 × 5, target 3 × 4 (spec/risk.md: 20 is High, 12 is Medium on the 5 × 5 scale).
    assert (item["current_score"], item["target_score"]) == (20, 12)
    assert (item["current_band"], item["target_band"]) == ("High", "Medium")


# --- contracts -----------------------------------------------------------------------------------------------


@pytest.fixture
def contracts(db):
    make_contract("C-001", "Home care", published=True)
    make_contract(
        "C-002",
        f"{MARKER} care homes",
        published=True,
        exempt_paragraph=3,
        exempt_reason="The provider's business affairs",
    )
    make_contract("C-003", "Small repairs", published=True, total_value=4_000_00)
    make_contract("C-004", "Unpublished", published=False)


@pytest.mark.parametrize(("role", "cleared", "sees"), READERS)
def test_an_exempt_contract_only_for_readers_cleared(client, contracts, django_user_model, role, cleared, sees):
    headers = _headers(django_user_model, "reader", role, cleared)
    references, in_json, in_csv = _seen(client, "/api/v1/contracts", headers, "reference")
    expected = ["C-001", "C-002", "C-003", "C-004"] if sees else ["C-001", "C-003", "C-004"]
    assert references == expected
    assert in_json is sees and in_csv is sees


def test_the_public_reads_the_transparency_register_of_contracts(client, contracts):
    # Published, over £5,000 and not exempt (the Local Government Transparency Code), as on the public page.
    references, in_json, in_csv = _seen(client, "/api/v1/contracts", {}, "reference")
    assert references == ["C-001"]
    assert not in_json and not in_csv


# --- policies ------------------------------------------------------------------------------------------------


@pytest.fixture
def policies(db):
    make_policy("Customer Service Policy (2015-2018)", number=20)
    make_policy(f"{MARKER} commercial strategy", number=99, exempt_paragraph=3, exempt_reason="Bidders' affairs")


@pytest.mark.parametrize(("role", "cleared", "sees"), READERS)
def test_an_exempt_policy_only_for_readers_cleared(client, policies, django_user_model, role, cleared, sees):
    headers = _headers(django_user_model, "reader", role, cleared)
    numbers, in_json, in_csv = _seen(client, "/api/v1/policies", headers, "number")
    assert numbers == (["20", "99"] if sees else ["20"])
    assert in_json is sees and in_csv is sees


def test_the_public_never_reads_an_exempt_policy(client, policies):
    numbers, in_json, in_csv = _seen(client, "/api/v1/policies", {}, "number")
    assert numbers == ["20"] and not in_json and not in_csv
    for fmt in ("csv", "json"):
        response = client.get(f"/public/open-data/policies.{fmt}")
        assert response.status_code == 200 and MARKER.encode() not in response.content
        assert b"Customer Service Policy" in response.content


# --- the other systems' endpoints by role ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "public_status"),
    [
        ("/api/v1/kpis", 401),
        ("/api/v1/risks", 401),
        ("/api/v1/assurance/projects", 401),
        ("/api/v1/contracts", 200),
        ("/api/v1/policies", 200),
        ("/api/v1/committees", 200),
        ("/api/v1/meetings", 200),
        ("/api/v1/decisions", 200),
        ("/api/v1/budget/positions", 200),
        ("/api/v1/organisation", 200),
    ],
)
def test_what_the_public_may_read_and_what_a_viewer_may(client, db, django_user_model, url, public_status):
    assert client.get(url).status_code == public_status
    assert client.get(url, **_headers(django_user_model, "viewer", "viewer")).status_code == 200


def test_the_public_reads_formal_bodies_published_meetings_and_published_decisions(client, db, django_user_model):
    from councilplan.governance.models import Body, Decision, Meeting

    cabinet = Body.objects.create(code="cabinet", name="Cabinet", kind="executive")
    board = Body.objects.create(code="board", name="Strategic Board", kind="board", formal=False)
    Meeting.objects.create(body=cabinet, date=D(2017, 12, 11), state="published")
    Meeting.objects.create(body=cabinet, date=D(2018, 1, 29), state="planned")
    Meeting.objects.create(body=board, date=D(2017, 12, 4), state="held")
    Decision.objects.create(reference="17/00101", subject="Published", maker_body=cabinet, state="published")
    Decision.objects.create(reference="17/00102", subject="Proposed", maker_body=cabinet, state="proposed")
    anonymous = {}
    viewer = _headers(django_user_model, "viewer", "viewer")

    def codes(url, field, headers):
        return sorted(str(i[field]) for i in client.get(url, **headers).json()["items"])

    assert codes("/api/v1/committees", "code", anonymous) == ["cabinet"]
    assert codes("/api/v1/committees", "code", viewer) == ["board", "cabinet"]
    assert codes("/api/v1/meetings", "date", anonymous) == ["2017-12-11"]
    assert codes("/api/v1/meetings", "date", viewer) == ["2017-12-04", "2017-12-11", "2018-01-29"]
    assert client.get("/api/v1/meetings?committee=board").status_code == 404
    assert codes("/api/v1/decisions", "reference", anonymous) == ["17/00101"]
    assert codes("/api/v1/decisions", "reference", viewer) == ["17/00101", "17/00102"]


# --- query counts fixed as rows grow -------------------------------------------------------------------------


def _count(client, url, headers) -> int:
    client.get(url, **headers)  # the token's last use is recorded once a minute: not on the counted request
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    assert response.status_code == 200, response.content[:300]
    return len(queries)


def _plans(n, world):
    from councilplan.plan.models import Plan

    for _i in range(n):
        Plan.objects.create(name=f"Plan {world['counter']()}", published=True)


def _more_activities(n, world):
    from councilplan.monitoring.models import Return
    from councilplan.plan.models import Activity

    plan, round_ = world["plan"], world["round"]
    first = Activity.objects.filter(plan=plan).select_related("outcome").first()
    for i in range(n):
        k = world["counter"]()
        activity = Activity.objects.create(
            plan=plan,
            ref=f"9{k}",
            title=f"More {k}",
            outcome=first.outcome,
            activity_type=first.activity_type,
            directorate=first.directorate,
            end_date=first.end_date,
            exempt=i % 2 == 0,
        )
        Return.objects.create(round=round_, activity=activity, state="submitted", delivery_status="on_track")


def _rounds(n, world):
    from councilplan.monitoring.models import Round

    for _i in range(n):
        Round.objects.create(
            plan=world["plan"], label=f"20{10 + world['counter']()}-00 Q1", state="published", public=True
        )


def _risks(n, world):
    if "register" not in world:
        world["register"] = make_register()
    register = world["register"]
    for i in range(n):
        risk = make_risk(register, code=f"CRR{world['counter']():04d}")
        if i % 2 == 0:
            _exempt(risk)


def _positions(n, world):
    from councilplan.finance.models import FinancialYear, Position

    year = FinancialYear.objects.first() or FinancialYear.objects.create(label="2017-18", starts_on=D(2017, 4, 1))
    for _i in range(n):
        k = world["counter"]()
        Position.objects.create(year=year, month=D(2000 + k, 1, 1), state="reported", reported_to="Cabinet")


def _projects(n, world):
    from councilplan.assurance import services

    if "portfolio" not in world:
        services.ensure_defaults()
        world["portfolio"] = services.create_portfolio(code="get", name="GET")
    for _i in range(n):
        services.create_project(reference=f"P{world['counter']()}", name="A project", portfolio=world["portfolio"])


def _contracts(n, world):
    for i in range(n):
        k = world["counter"]()
        extra = {"exempt_paragraph": 3, "exempt_reason": "Business affairs"} if i % 2 == 0 else {}
        make_contract(f"C-{k:03d}", f"Contract {k}", published=True, **extra)


def _body(world):
    from councilplan.governance.models import Body

    if "body" not in world:
        world["body"] = Body.objects.create(code="cabinet", name="Cabinet", kind="executive")
    return world["body"]


def _committees(n, world):
    from councilplan.governance.models import Body

    parent = _body(world)
    for _i in range(n):
        k = world["counter"]()
        Body.objects.create(code=f"c{k}", name=f"Committee {k}", kind="cabinet_committee", parent=parent)


def _meetings(n, world):
    from councilplan.governance.models import Meeting

    for _i in range(n):
        Meeting.objects.create(body=_body(world), date=D(2000 + world["counter"](), 1, 1), state="published")


def _decisions(n, world):
    from councilplan.governance.models import Decision

    for _i in range(n):
        k = world["counter"]()
        Decision.objects.create(
            reference=f"17/{k:05d}", subject="A decision", maker_body=_body(world), state="published"
        )


def _policies(n, world):
    for i in range(n):
        k = world["counter"]()
        extra = {"exempt_paragraph": 3, "exempt_reason": "Bidders' affairs"} if i % 2 == 0 else {}
        make_policy(f"Policy {k}", number=100 + k, **extra)


ENDPOINTS = [
    ("/api/v1/plans", _plans),
    ("/api/v1/plans/{plan}/activities", _more_activities),
    ("/api/v1/rounds", _rounds),
    ("/api/v1/rounds/{round}/returns", _more_activities),
    ("/api/v1/rounds/{round}/figures", _more_activities),
    ("/api/v1/risks", _risks),
    ("/api/v1/budget/positions", _positions),
    ("/api/v1/assurance/projects", _projects),
    ("/api/v1/contracts", _contracts),
    ("/api/v1/committees", _committees),
    ("/api/v1/meetings", _meetings),
    ("/api/v1/decisions", _decisions),
    ("/api/v1/policies", _policies),
]


@pytest.mark.parametrize("role", ["lead_officer", "corporate"])
@pytest.mark.parametrize(("url", "grow"), ENDPOINTS, ids=[u for u, _ in ENDPOINTS])
def test_a_list_reads_in_the_same_number_of_queries_however_many_rows(
    client, small_plan, django_user_model, url, grow, role
):
    from councilplan.monitoring.models import Round

    numbers = iter(range(1, 10_000))
    round_ = Round.objects.create(plan=small_plan, label="2019-20 Q2", state="published", public=True)
    world = {"plan": small_plan, "round": round_, "counter": lambda: next(numbers)}
    address = url.format(plan=small_plan.pk, round=round_.pk)
    headers = _headers(django_user_model, "reader", role)
    grow(2, world)
    few = _count(client, address, headers)
    grow(12, world)
    many = _count(client, address, headers)
    assert many == few, f"{address}: {few} queries with few rows, {many} with more"
    # and the CSV of every matching row
    assert _count(client, address + "?format=csv", headers) == many

"""Shared set-up for the corporate assurance tests: people in each role, a portfolio, projects and a review."""

import datetime as dt

from councilplan.assurance import services
from councilplan.core.models import Team, User

D = dt.date
HOSTILE = "=cmd|' /C calc'!A0 <script>alert(1)</script>"


def make_user(username: str, role: str = User.Role.LEAD_OFFICER, teams=(), **fields) -> User:
    user = User.objects.create(username=username, name=username.replace(".", " ").title(), role=role, **fields)
    for code in teams:
        Team.objects.get_or_create(code=code, defaults={"name": code})[0].members.add(user)
    return user


def make_world():
    users = {
        "viewer": make_user("vic.viewer", "viewer"),
        "lead": make_user("lee.lead"),
        "pdm": make_user("pat.pdm"),
        "team": make_user("tess.team", teams=("assurance",)),
        "administrator": make_user("ada.admin", "administrator"),
    }
    services.ensure_defaults()
    portfolio = services.create_portfolio(code="get", name="GET", manager=users["pdm"])
    other = services.create_portfolio(code="adults", name="Adults")
    theme = services.save_theme("service_redesign", "Service redesign")
    project = services.create_project(
        reference="JW",
        name="Javelin Way",
        portfolio=portfolio,
        state="current",
        approved_on=D(2017, 2, 1),
        theme=theme,
        stage="plan",
        cost=600_000_000,
    )
    services.decide_tier(project, decided_on=D(2017, 6, 5), tier="1", ratings={"stakeholders": "high"}, user=None)
    elsewhere = services.create_project(reference="AD1", name="Adults one", portfolio=other)
    review = services.plan_activity(project, kind="checkpoint", product="outline_business_case", user=None)
    services.hold_activity(review, held_on=D(2017, 5, 24), today=D(2017, 8, 31), user=None)
    recommendation = services.add_recommendation(
        review,
        text="Set out the procurement route",
        case="commercial",
        owner=users["lead"],
        due_on=D(2017, 10, 31),
        user=None,
    )
    report = services.create_report(title="Report", period_start=D(2017, 3, 1), period_end=D(2017, 8, 31))
    return {
        "users": users,
        "portfolio": portfolio,
        "project": project,
        "elsewhere": elsewhere,
        "review": review,
        "recommendation": recommendation,
        "report": report,
    }

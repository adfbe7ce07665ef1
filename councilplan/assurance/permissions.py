"""Who may see or change what in corporate assurance. Every view asks these functions; none decides on its own.

- Everyone signed in reads the portfolios, projects, reviews, recommendations, snapshots and reports.
- The Corporate Assurance team (team `assurance`) changes everything: portfolios, projects, tiers (DECA
  assessments), reviews, findings and recommendations, snapshots, the report's narrative and its issue.
- A portfolio's Portfolio Delivery Manager (its `manager`) keeps its projects' details, stage, money and end date
  up to date, adds potential projects to it and closes its projects; tiers stay the team's decision.
- A recommendation's owner records progress on it.
- Administrators have every team's rights (`in_team`). Signed out, only the published reports (public pages).
"""

from __future__ import annotations

from councilplan.core.permissions import in_team, signed_in

TEAM = "assurance"


def can_read(user) -> bool:
    return signed_in(user)


def can_manage(user) -> bool:
    return in_team(user, TEAM)


def manages_portfolio(user, portfolio) -> bool:
    return (
        signed_in(user)
        and portfolio is not None
        and portfolio.manager_id is not None
        and (portfolio.manager_id == user.pk)
    )


def can_edit_project(user, project) -> bool:
    return can_manage(user) or manages_portfolio(user, project.portfolio)


def can_add_project(user) -> bool:
    return can_manage(user) or (signed_in(user) and user.assurance_portfolios.exists())


def can_follow_up(user, recommendation) -> bool:
    return can_manage(user) or (
        signed_in(user) and recommendation.owner_id is not None and (recommendation.owner_id == user.pk)
    )

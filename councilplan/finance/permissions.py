"""Who may see or change what in budget monitoring. Every view asks these functions; none decides on its own.

- Everyone signed in reads the positions, lines, capital, reserves and the reports (the monitoring report is a
  public Cabinet paper). Exempt schemes and company figures (Schedule 12A) only for people cleared for them.
- The finance team (`in_team(user, "finance")`; administrators have every team's rights) keeps the budget:
  lines, cash limits and their changes, positions and their windows, forecasts at any time until reported,
  capital, reserves, activity data, narrative, roll forwards, and reports a position to Cabinet (freezing it).
- A budget manager (a line's `budget_manager`) forecasts their own lines while the position is open, by form or
  spreadsheet.
- A corporate director (a directorate's `corporate_director`) adjusts their directorate's units until the
  position is reported; the finance team may too.
"""

from __future__ import annotations

from councilplan.core.permissions import in_team, signed_in

FINANCE = "finance"


def can_read(user) -> bool:
    return signed_in(user)


def is_finance(user) -> bool:
    return in_team(user, FINANCE)


def can_manage(user) -> bool:
    """The budget itself, positions, capital, reserves, narrative and reporting to Cabinet."""
    return is_finance(user)


def can_forecast(user, *, budget_manager_id: int | None, position_state: str) -> bool:
    """A line's forecast: its budget manager while the position is open; finance until it is reported."""
    if not signed_in(user) or position_state == "reported":
        return False
    if is_finance(user):
        return True
    return position_state == "open" and budget_manager_id is not None and budget_manager_id == user.pk


def can_adjust(user, *, corporate_director_id: int | None, position_state: str) -> bool:
    """A unit's corporate director adjustments: the directorate's corporate director, or finance; never once the
    position is reported."""
    if not signed_in(user) or position_state == "reported":
        return False
    return is_finance(user) or (corporate_director_id is not None and corporate_director_id == user.pk)


def may_forecast_somewhere(user, manager_ids) -> bool:
    return is_finance(user) or (signed_in(user) and user.pk in set(manager_ids))


def can_enter_activity(user, *, budget_manager_id: int | None, position_state: str) -> bool:
    """A high-risk line's activity data, entered beside its money: the same people and window as its forecast
    (its budget manager while the position is open, finance until it is reported)."""
    return can_forecast(user, budget_manager_id=budget_manager_id, position_state=position_state)


def can_change_capital_or_reserves(user, *, position_state: str) -> bool:
    """Capital forecasts, cash limit adjustments and reserves: the finance team (capital finance managers and the
    Chief Accountant), until the position is reported."""
    return can_manage(user) and position_state != "reported"

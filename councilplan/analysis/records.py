"""Plain records: what the analysis engine reads. Built by selectors from the database,
or directly by tests. No Django here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from councilplan.analysis import vocabulary as v


@dataclass(frozen=True)
class Milestone:
    date: date | None = None
    estimated: bool = False
    text: str = ""  # an estimate ("Spring 2020") or, for 'other', what the milestone is


@dataclass(frozen=True)
class Activity:
    ref: str
    title: str
    outcome: str  # the outcome's title
    activity_type: str  # code
    end_date: date  # the original plan end date
    start_date: date | None = None
    directorate: str = ""
    lead_officer: str = ""
    description: str = ""
    exempt: bool = False  # exempt information (Schedule 12A): left out of what people not cleared for it read


@dataclass(frozen=True)
class Return:
    """A submitted return. Lists hold vocabulary codes."""

    ref: str
    delivery_status: str
    progress: str = ""
    milestones: dict[str, Milestone] = field(default_factory=dict)  # milestone type code -> milestone
    new_end_date: date | None = None
    new_go_live_date: date | None = None
    date_change_reason: str = ""
    date_change_factor: str = ""  # "internal", "external" or ""
    issues: tuple[str, ...] = ()
    issue_detail: str = ""
    previous_issues_resolution: str = ""  # how the previous round's issues were resolved
    mitigations: bool = False
    mitigation_detail: str = ""
    risk_registers: tuple[str, ...] = ()
    reported_to: tuple[str, ...] = ()  # board codes
    expected_to_report_to: tuple[str, ...] = ()  # board codes
    forward_plan_scheduled: bool = False
    project_status: str = v.ACTIVE
    status_reason: str = ""
    remain_in_monitoring: bool | None = None  # None: no decision recorded (leaves monitoring)
    form_rating: int | None = None
    late: bool = False


@dataclass(frozen=True)
class Round:
    label: str  # "2019-20 Q2"
    returns: tuple[Return, ...] = ()  # submitted returns only


@dataclass(frozen=True)
class Term:
    code: str
    label: str
    group: str = ""


@dataclass(frozen=True)
class Vocabularies:
    """Each vocabulary's terms in display order."""

    terms: dict[str, tuple[Term, ...]]

    def codes(self, vocabulary: str) -> list[str]:
        return [t.code for t in self.terms.get(vocabulary, ())]

    def label(self, vocabulary: str, code: str) -> str:
        for term in self.terms.get(vocabulary, ()):
            if term.code == code:
                return term.label
        return code

    def board_groups(self) -> dict[str, str]:
        """board code -> board group code"""
        return {t.code: t.group for t in self.terms.get(v.BOARD, ())}

    @classmethod
    def defaults(cls) -> Vocabularies:
        return cls(
            {
                name: tuple(Term(code, label, group) for code, label, group in terms)
                for name, terms in v.DEFAULTS.items()
            }
        )


@dataclass(frozen=True)
class PlanData:
    """Everything the report needs about one plan: its activities and its rounds in order."""

    name: str
    activities: tuple[Activity, ...]
    rounds: tuple[Round, ...]  # oldest first
    outcomes: tuple[str, ...] = ()  # outcome titles in the plan's order

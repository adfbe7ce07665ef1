"""The planning cycle's fixed answers (spec/planning.md): codes used in files, the database and the analysis,
with the words people read. Plain Python, so `councilplan.analysis.planning` can use the codes without Django.

Activity types are the organisation's vocabulary (`councilplan.analysis.vocabulary.ACTIVITY_TYPE`), not these.
"""

from __future__ import annotations

CAPACITY = [
    ("in_place", "The capacity needed is in place"),
    ("gap", "There is a gap in the capacity needed"),
    ("unsure", "Unsure: the capacity needed still has to be assessed"),
]

# Corporate services a submission may need support from (several allowed).
SUPPORT_SERVICES = [
    ("strategic_commissioning", "Strategic Commissioning"),
    ("finance", "Finance"),
    ("hr", "Human resources"),
    ("ict", "ICT"),
    ("legal", "Legal"),
    ("property", "Property"),
    ("procurement", "Procurement"),
    ("communications", "Communications"),
    ("analytics", "Analytics"),
    ("other", "Other"),
]

# EQIA and DPIA status.
ASSESSMENT = [
    ("not_started", "Not started"),
    ("in_progress", "In progress"),
    ("completed", "Completed"),
    ("not_required", "Not required"),
]
DONE_OR_IN_PROGRESS = ("completed", "in_progress")

KEY_DECISION = [("yes", "Yes"), ("no", "No"), ("not_known", "Not known yet")]

# The long-list review (002 §2.5): operational delivery and core business leave the long list for Operating Plans.
REVIEW = [
    ("pending", "Not reviewed yet"),
    ("kept", "On the long list"),
    ("operational", "Operational delivery: to Operating Plans"),
    ("core_business", "Core business: to Operating Plans"),
]
REMOVED_AT_REVIEW = ("operational", "core_business")

# The decision after prioritisation (002 §2.8).
SHORT_LIST = "short_list"
DECISION = [
    ("", "No decision yet"),
    (SHORT_LIST, "Short list"),
    ("operating_plan", "Operating plan"),
    ("bau", "Business as usual"),
    ("withdrawn", "Withdrawn"),
]

DECA_RATINGS = [("high", "High"), ("medium", "Medium"), ("low", "Low")]

# (code, label, hint): the four criteria of 002 §2.6–2.7, scored 1–5 with equal weights by default.
DEFAULT_CRITERIA = [
    ("strategic_importance", "Strategic importance", "How much the activity matters to the council's outcomes."),
    ("value", "Value", "The money involved: spending, investment, savings or income."),
    ("risk", "Risk", "How much could go wrong, and how badly, for the council and residents."),
    ("complexity", "Complexity", "How hard it is to deliver: partners, dependencies, skills, novelty."),
]

# The NAO's Delivery Environment Complexity Analytic rates twelve factors high, medium or low. The first four
# are the guide's own headings (its contents page); the other eight are our wording of its remaining factors.
# An organisation edits the labels per cycle, in the admin, to match the version of the guide it uses.
DEFAULT_DECA_FACTORS = [
    ("strategic_importance", "Strategic importance"),
    ("stakeholders", "Stakeholders"),
    ("requirements_benefits", "Requirements and benefits"),
    ("stability", "Stability of overall context"),
    ("financial_impact", "Financial impact"),
    ("execution_complexity", "Execution complexity"),
    ("interdependencies", "Interdependencies"),
    ("solution", "Solution"),
    ("timescales", "Timescales"),
    ("capability", "Capability and capacity"),
    ("governance", "Governance and accountability"),
    ("commercial", "Commercial and contracting"),
]


def label_of(choices: list[tuple[str, str]], code: str) -> str:
    return dict(choices).get(code, code)

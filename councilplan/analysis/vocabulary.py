"""The organisation's vocabularies (spec/monitoring.md §2) and KCC's default wording.

Codes are fixed: files and the API use them. Labels are what people read and are
edited per organisation in the admin; an organisation may add terms of its own.
"""

DELIVERY_STATUS = "delivery_status"
ACTIVITY_TYPE = "activity_type"
MILESTONE_TYPE = "milestone_type"
ISSUE_THEME = "issue_theme"
BOARD = "board"
BOARD_GROUP = "board_group"
RISK_REGISTER_LEVEL = "risk_register_level"
PROJECT_STATUS = "project_status"
RESPONSIBILITY = "responsibility"

VOCABULARY_NAMES = {
    DELIVERY_STATUS: "Delivery status",
    ACTIVITY_TYPE: "Activity type",
    MILESTONE_TYPE: "Milestone type",
    ISSUE_THEME: "Issue theme",
    BOARD: "Governance board",
    BOARD_GROUP: "Governance board group",
    RISK_REGISTER_LEVEL: "Risk register level",
    PROJECT_STATUS: "Project status",
    RESPONSIBILITY: "Responsibility for a delay",
}

ON_TRACK = "on_track"
NOT_ON_TRACK = ("remedial_action", "unlikely")
ACTIVE = "active"
# Who is responsible for a delayed transfer of care (spec/qpr.md §3). The codes are fixed: the attribution rule
# (half of a joint delay to each side) and the weekly figures use them. Only the labels are the organisation's.
NHS, SOCIAL_CARE, BOTH = "nhs", "social_care", "both"
RESPONSIBILITIES = (NHS, SOCIAL_CARE, BOTH)

# (code, label, group) in display order. `group` is used by boards only.
DEFAULTS: dict[str, list[tuple[str, str, str]]] = {
    DELIVERY_STATUS: [
        ("on_track", "Yes, it is on track", ""),
        ("remedial_action", "It requires remedial action", ""),
        ("unlikely", "No, it is unlikely to be achieved", ""),
        ("not_started", "It has not formally started", ""),
    ],
    ACTIVITY_TYPE: [
        ("people_commissioning", "People commissioning", ""),
        ("infrastructure_commissioning", "Infrastructure commissioning (including assets and technology)", ""),
        ("service_change", "Significant service change", ""),
        ("strategy_policy", "Strategy / policy development", ""),
    ],
    MILESTONE_TYPE: [
        ("approval_to_proceed", "Approval to proceed", ""),
        ("eqia_screening", "EQIA initial screening completed", ""),
        ("consultation_start", "Consultation start", ""),
        ("key_decision", "Key decision taken", ""),
        ("go_live", "'Go Live'", ""),
        ("other", "Other milestones", ""),
    ],
    ISSUE_THEME: [
        ("capacity", "Capacity", ""),
        ("complexity", "Complexity", ""),
        ("dependencies", "Dependencies", ""),
        ("delivery_environment", "Delivery environment", ""),
        ("stakeholders", "Stakeholders / relationships", ""),
        ("financial", "Financial", ""),
        ("financial_benefits", "Financial benefits", ""),
        ("legal", "Legal", ""),
        ("governance", "Governance", ""),
        ("other", "Other", ""),
    ],
    BOARD_GROUP: [
        ("cmm", "Cabinet Members Meeting", ""),
        ("corporate_board", "Corporate Board", ""),
        ("informal_governance", "Informal Governance Boards", ""),
        ("cabinet_committee", "Cabinet Committee", ""),
    ],
    BOARD: [
        ("cmm", "Cabinet Members Meeting", "cmm"),
        ("corporate_board", "Corporate Board", "corporate_board"),
        ("cabinet_committee", "Cabinet Committee", "cabinet_committee"),
        ("scb", "Service Commissioning Board", "informal_governance"),
        ("icb", "Infrastructure Commissioning Board", "informal_governance"),
        ("bdg", "Budget Delivery Group", "informal_governance"),
    ],
    RISK_REGISTER_LEVEL: [
        ("project_programme", "Project / programme", ""),
        ("service_divisional", "Service / divisional", ""),
        ("directorate", "Directorate", ""),
        ("corporate", "Corporate", ""),
    ],
    PROJECT_STATUS: [
        ("active", "Active", ""),
        ("completed", "Completed", ""),
        ("stopped", "Stopped", ""),
        ("bau", "Business as usual", ""),
    ],
    RESPONSIBILITY: [
        ("nhs", "NHS", ""),
        ("social_care", "Social care", ""),
        ("both", "Both (joint)", ""),
    ],
}

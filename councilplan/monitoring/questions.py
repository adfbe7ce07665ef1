"""The return's questions (spec/monitoring.md §3), each declared once.

Everything else derives from this list: the model's answer fields (`ANSWER_FIELDS`), the exchange format's
columns and their order (`RETURN_COLUMNS`), the fields the analysis records are read from (`RECORD_FIELDS`),
the short names of the history and the conflict page (`ANSWER_NAMES`), the form's labels, hints, options and
the order of its error summary, what submitting requires and the messages that say so (`rules`), how an
import reads each column and an export writes it, and the sample's files. Adding a question is a line here,
its model field and migration, and any rule it brings.

Plain Python (no Django): the sample's scripts read it too.
"""

from __future__ import annotations

from dataclasses import dataclass

from councilplan.analysis import vocabulary as v

# Kinds of answer.
CHOICE = "choice"  # one code of a vocabulary
CHOICES = "choices"  # a list of codes of a vocabulary
TEXT = "text"  # free text
DATE = "date"
YES_NO = "yes_no"
FACTOR = "factor"  # internal or external factors
RATING = "rating"  # 1 to 5 stars
MILESTONES = "milestones"  # milestone type code -> {"date", "estimated", "text"}
DECISION = "decision"  # yes, no or not yet decided (None)

# When the form asks a question.
ALWAYS = "always"
NOT_ON_TRACK = "not_on_track"  # the issue questions: revealed under the statuses that are not on track
AFTER_NOT_ON_TRACK = "after_not_on_track"  # when the previous round's return was not on track
NOT_ASKED = "not_asked"  # held, imported and exported, but not on the lead officer's form

# What submitting requires (rules.validate_answers tests each condition): "" means never.
REQUIRED_ALWAYS = "always"
REQUIRED_NOT_ON_TRACK = "not_on_track"
REQUIRED_WITH_MITIGATIONS = "with_mitigations"  # not on track and mitigating actions are in place
REQUIRED_WITH_NEW_DATES = "with_new_dates"  # a revised date is given and differs from last round's
REQUIRED_WITH_INFORMAL_BOARD = "with_informal_board"  # expected to report to an informal governance board
REQUIRED_WITH_STATUS_CHANGE = "with_status_change"  # the project is no longer active

FACTORS = (("internal", "Internal factors"), ("external", "External factors"))
# The exchange format's milestone columns (milestone_<type>): KCC's milestone types.
MILESTONE_TYPES = ("approval_to_proceed", "eqia_screening", "consultation_start", "key_decision", "go_live", "other")


@dataclass(frozen=True)
class Question:
    name: str  # the model field, the answer's key and (but for milestones) the exchange column
    short: str  # the answer's name in summaries, the history and the conflict page
    kind: str
    label: str = ""  # the question on the form
    hint: str = ""
    vocabulary: str = ""  # CHOICE and CHOICES: the vocabulary whose codes answer it
    asked: str = ALWAYS
    required: str = ""
    required_message: str = ""  # may use {status}: the project status's label
    invalid_message: str = ""  # an answer that is not one of the options
    prefilled: bool = True  # carried from the previous round's return into a new one
    default: str = ""  # CHOICE: the code an unanswered question holds
    import_noun: str = ""  # CHOICE and CHOICES: how an import's error names the vocabulary

    @property
    def columns(self) -> tuple[str, ...]:
        if self.kind == MILESTONES:
            return tuple(f"milestone_{code}" for code in MILESTONE_TYPES)
        return (self.name,)

    @property
    def blank(self):
        """The stored value of an unanswered question."""
        return {
            CHOICES: [],
            MILESTONES: {},
            TEXT: "",
            CHOICE: self.default,
            FACTOR: "",
            YES_NO: False,
            DATE: None,
            RATING: None,
            DECISION: None,
        }[self.kind]


# In the exchange format's order (and the model's).
QUESTIONS: tuple[Question, ...] = (
    Question(
        "delivery_status",
        "Delivery status",
        CHOICE,
        label="Is the activity on track to be delivered successfully (to time, budget and with the necessary "
        "approvals)?",
        hint="Use your professional judgement, or the tolerances in the activity's documentation: it is not on "
        "track when they are breached.",
        vocabulary=v.DELIVERY_STATUS,
        required=REQUIRED_ALWAYS,
        required_message="Select whether the activity is on track",
        invalid_message="Select whether the activity is on track from the options",
        import_noun="delivery status",
    ),
    Question(
        "progress",
        "Progress",
        TEXT,
        label="Describe the progress of the activity",
        required=REQUIRED_ALWAYS,  # a published scorecard with "No description given" helps no reader (issue 12)
        required_message="Describe the progress of the activity",
    ),
    Question("milestones", "Key milestones", MILESTONES),
    Question(
        "new_end_date",
        "Revised end date",
        DATE,
        label="Revised end date",
        hint="Leave blank unless the end date has changed. For example, 31 3 2021",
    ),
    Question(
        "new_go_live_date",
        "Revised 'Go Live' date",
        DATE,
        label="Revised 'Go Live' date",
        hint="Leave blank unless the 'Go Live' date has changed. For example, 1 9 2020",
    ),
    Question(
        "date_change_reason",
        "Reason for the date change",
        TEXT,
        label="Why has the date changed?",
        hint="Answer if you gave a revised date.",
        required=REQUIRED_WITH_NEW_DATES,
        required_message="Give the reason for the change of date",
    ),
    Question(
        "date_change_factor",
        "Internal or external factors",
        FACTOR,
        label="Is the change due to internal or external factors?",
        required=REQUIRED_WITH_NEW_DATES,
        required_message="Select whether the change is due to internal or external factors",
        invalid_message="Select internal or external factors",
    ),
    Question(
        "issues",
        "Issues",
        CHOICES,
        label="What issues are affecting the activity?",
        hint="Select all that apply.",
        vocabulary=v.ISSUE_THEME,
        asked=NOT_ON_TRACK,
        required=REQUIRED_NOT_ON_TRACK,
        required_message="Select at least one issue affecting the activity",
        invalid_message="Select issues from the options",
        import_noun="issue theme",
    ),
    Question(
        "issue_detail",
        "About the issues",
        TEXT,
        label="When and why did the issues occur, and what is their impact?",
        hint="If you chose 'Other', say what the issue is.",
        asked=NOT_ON_TRACK,
        required=REQUIRED_NOT_ON_TRACK,
        required_message="Describe the issues: when and why they occurred and their impact",
    ),
    Question(
        "previous_issues_resolution",
        "How last round's issues were resolved",
        TEXT,
        label="How were last round's issues resolved?",
        asked=AFTER_NOT_ON_TRACK,
        prefilled=False,
    ),
    Question(
        "mitigations",
        "Mitigating actions or escalations in place",
        YES_NO,
        label="Are mitigating actions or escalations in place?",
        asked=NOT_ON_TRACK,
        required=REQUIRED_NOT_ON_TRACK,
        required_message="Select yes if mitigating actions or escalations are in place",
    ),
    Question(
        "mitigation_detail",
        "Mitigating actions or escalations",
        TEXT,
        label="What are the mitigating actions or escalations?",
        hint="Answer if you said yes above.",
        asked=NOT_ON_TRACK,
        required=REQUIRED_WITH_MITIGATIONS,
        required_message="Describe the mitigating actions or escalations",
    ),
    Question(
        "risk_registers",
        "Risk registers",
        CHOICES,
        label="Which risk registers are the issues recorded on?",
        hint="Select all that apply. Leave them all unticked if the issues are not on a risk register.",
        vocabulary=v.RISK_REGISTER_LEVEL,
        asked=NOT_ON_TRACK,
        invalid_message="Select risk registers from the options",
        import_noun="risk register level",
    ),
    Question(
        "reported_to",
        "Reported to since the last round",
        CHOICES,
        label="Which boards has the activity reported to since the last round?",
        hint="Select all that apply. Leave them all unticked if none.",
        vocabulary=v.BOARD,
        invalid_message="Select boards from the options",
        import_noun="governance board",
    ),
    Question(
        "expected_to_report_to",
        "Expected to report to this financial year",
        CHOICES,
        label="Which boards do you expect it to report to in the rest of the financial year?",
        hint="Select all that apply. Leave them all unticked if none.",
        vocabulary=v.BOARD,
        invalid_message="Select boards from the options",
        import_noun="governance board",
    ),
    Question(
        "forward_plan_scheduled",
        "Item scheduled on the forward plan",
        YES_NO,
        label="Is there a scheduled item on the forward plan?",
        required=REQUIRED_WITH_INFORMAL_BOARD,
        required_message="Select yes if there is a scheduled item on the forward plan",
    ),
    Question(
        "project_status",
        "Project status",
        CHOICE,
        label="What is the project status?",
        hint="Choose completed, stopped or business as usual only if that has happened.",
        vocabulary=v.PROJECT_STATUS,
        invalid_message="Select a project status from the options",
        import_noun="project status",
        default=v.ACTIVE,
    ),
    Question(
        "status_reason",
        "Reason for the project status",
        TEXT,
        label="Why has the project status changed?",
        hint="Answer if the activity is no longer active.",
        required=REQUIRED_WITH_STATUS_CHANGE,
        required_message="Give the reason the project status is now {status}",
    ),
    Question("remain_in_monitoring", "Remains in monitoring", DECISION, asked=NOT_ASKED, prefilled=False),
    Question(
        "form_rating",
        "How easy the form was to complete",
        RATING,
        label="How easy was this form to complete?",
        hint="1 star is very difficult, 5 stars is very easy. This question is optional: it helps the corporate "
        "policy team improve the form.",
        invalid_message="Rate the form from 1 to 5",
        prefilled=False,
    ),
)

BY_NAME = {q.name: q for q in QUESTIONS}
ANSWER_FIELDS = [q.name for q in QUESTIONS]
ANSWER_NAMES = {q.name: q.short for q in QUESTIONS}
RETURN_COLUMNS = ["ref", *(column for q in QUESTIONS for column in q.columns)]
REQUIRED_RETURN_COLUMNS = ["ref", "delivery_status"]
# What the analysis reads of each submitted return: its round, its activity, the answers, whether it was late.
RECORD_FIELDS = ["round_id", "activity__ref", *ANSWER_FIELDS, "late"]
ISSUE_FIELDS = tuple(q.name for q in QUESTIONS if q.asked == NOT_ON_TRACK)
NOT_PREFILLED = tuple(q.name for q in QUESTIONS if not q.prefilled)
# The order the form shows the questions in (and so its error summary): the status and the issues it
# reveals, last round's issues, progress, milestones, dates, governance, project status, the rating.
FORM_ORDER = (
    "delivery_status",
    *ISSUE_FIELDS,
    "previous_issues_resolution",
    "progress",
    "milestones",
    "new_end_date",
    "new_go_live_date",
    "date_change_reason",
    "date_change_factor",
    "reported_to",
    "expected_to_report_to",
    "forward_plan_scheduled",
    "project_status",
    "status_reason",
    "form_rating",
)

if set(FORM_ORDER) != {q.name for q in QUESTIONS if q.asked != NOT_ASKED}:  # a new question needs its place
    raise ValueError("FORM_ORDER must list every question the form asks, once")

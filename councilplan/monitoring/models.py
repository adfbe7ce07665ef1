from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from councilplan.core.evidence import Evidence
from councilplan.core.exempt import Exemptable
from councilplan.plan.models import Activity, Plan


class Round(models.Model):
    """A quarterly monitoring round, labelled `YYYY-YY Qn`, with its submission window."""

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"
        PUBLISHED = "published", "Published"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="rounds")
    label = models.CharField(max_length=10, help_text="For example 2019-20 Q2.")
    opens_at = models.DateTimeField(null=True, blank=True)
    closes_at = models.DateTimeField(null=True, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    allow_late = models.BooleanField(
        "accept late returns", default=False, help_text="Returns submitted after the window closes are marked late."
    )
    report_version = models.CharField(
        max_length=200, blank=True, help_text="For example: Policy & Resources Cabinet Committee – 8 November 2019"
    )
    # Published (state) means published to the council's own readers: CMT, members, everyone signed in. The
    # public pages show a report only once it is also published to the public: a separate, later step.
    public = models.BooleanField(
        "published to the public", default=False, help_text="Its report is on the public pages, without sign-in."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "label"]
        constraints = [models.UniqueConstraint(fields=["plan", "label"], name="unique_round_label_in_plan")]

    def __str__(self):
        return f"{self.plan} — {self.label}"


class Return(Exemptable):
    """One activity's answers for one round (spec/monitoring.md §3).

    List answers hold vocabulary codes. `milestones` maps a milestone type code to
    {"date": ISO date or null, "estimated": bool, "text": str}. `version` goes up by one on
    every save, so a save based on an older version is refused rather than overwriting.
    """

    # Exempt when its activity is (core.exempt): it has no paragraph of its own.
    exempt_paragraph = exempt_reason = public_interest_test = None
    exempt_lookup = {"activity__exempt": True}

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        # Submitted by its lead officer and waiting for its directorate's sign-off (only when the organisation
        # asks for one: core.OrganisationSettings.directorate_sign_off); the corporate team receives it once
        # signed off, as submitted.
        AWAITING_SIGN_OFF = "awaiting", "Awaiting sign-off"
        SUBMITTED = "submitted", "Submitted"

    class Factor(models.TextChoices):
        INTERNAL = "internal", "Internal factors"
        EXTERNAL = "external", "External factors"

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="returns")
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="returns")
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)

    delivery_status = models.SlugField(max_length=60, blank=True)
    progress = models.TextField("description of progress", blank=True)
    milestones = models.JSONField(default=dict, blank=True)
    new_end_date = models.DateField("revised end date", null=True, blank=True)
    new_go_live_date = models.DateField("revised 'Go Live' date", null=True, blank=True)
    date_change_reason = models.TextField(blank=True)
    date_change_factor = models.CharField(max_length=10, choices=Factor.choices, blank=True)
    issues = models.JSONField(default=list, blank=True)
    issue_detail = models.TextField(blank=True)
    # Asked when the previous round's return was not on track: seed 000 §2.3 flags improvements
    # that say nothing of how the earlier issues were resolved.
    previous_issues_resolution = models.TextField("how last round's issues were resolved", blank=True)
    mitigations = models.BooleanField(default=False)
    mitigation_detail = models.TextField(blank=True)
    risk_registers = models.JSONField(default=list, blank=True)
    reported_to = models.JSONField(default=list, blank=True)
    expected_to_report_to = models.JSONField(default=list, blank=True)
    forward_plan_scheduled = models.BooleanField(default=False)
    project_status = models.SlugField(max_length=60, default="active")
    status_reason = models.TextField(blank=True)
    # None: no decision recorded yet; the activity then leaves monitoring after this round (spec §2).
    remain_in_monitoring = models.BooleanField(null=True, blank=True)
    form_rating = models.PositiveSmallIntegerField(null=True, blank=True)

    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    late = models.BooleanField(default=False)
    reopened = models.BooleanField(default=False, help_text="The corporate team reopened it after the window.")
    signed_off_at = models.DateTimeField(null=True, blank=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The corporate team's (or the directorate signer's) question when it sent a submitted return back; cleared
    # when the officer submits again (the history keeps every query and answer).
    query = models.TextField("the query it was sent back with", blank=True)
    queried_at = models.DateTimeField(null=True, blank=True)
    queried_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["round", "activity__sort_key", "activity__ref"]
        constraints = [models.UniqueConstraint(fields=["round", "activity"], name="unique_return_per_round")]

    def __str__(self):
        return f"{self.activity} — {self.round.label}"


class Reminder(models.Model):
    """One reminder e-mail sent to one person about their returns outstanding in a round.

    Kept so that the tracker can say when people were last chased, and the team can see who was reminded
    (and by whom: `sent_by` is empty when the scheduled command sent it)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="reminders")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders")
    email = models.EmailField(help_text="The address it was sent to.")
    activities = models.PositiveIntegerField(help_text="How many of their returns were outstanding.")
    sent_at = models.DateTimeField()
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-sent_at"]
        indexes = [models.Index(fields=["round", "sent_at"])]

    def __str__(self):
        return f"{self.round.label}: reminder to {self.email} ({self.activities})"


class ReturnEvidence(Evidence):
    """A file attached to a return by its officer (or the corporate team): core.evidence says what may be kept.

    Read by whoever may read the return (an exempt activity's files only by the people cleared for exempt
    information and its own officers); by the public only when chosen for publishing (`publish`) and the round is
    published to the public. Never in a published document."""

    ret = models.ForeignKey(Return, on_delete=models.CASCADE, related_name="evidence", verbose_name="return")
    history = HistoricalRecords()

    class Meta(Evidence.Meta):
        verbose_name = "return evidence"
        verbose_name_plural = "return evidence"

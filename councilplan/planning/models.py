from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from councilplan.analysis import planning_choices as choices
from councilplan.core.models import Directorate, Outcome
from councilplan.plan.models import Activity, Plan

# --- building the plan: the call for activity, the long list, prioritisation, the short list ---------------
# (spec/planning.md). The codes of the choices below are in choices.py, shared with the analysis.


def _choices(pairs):
    return [(code, label) for code, label in pairs if code]


class PlanningCycle(models.Model):
    """One year's round of building the plan (e.g. "SDP 2019-20"): a call for activity open for a window, the
    long list, its prioritisation and the short list, which becomes the activities of `plan`."""

    name = models.CharField(max_length=200, unique=True)
    plan_name = models.CharField(
        "name of the plan",
        max_length=200,
        help_text="The plan the short list becomes, e.g. 'Strategic Delivery Plan 2019-20'.",
    )
    plan = models.ForeignKey(
        Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="cycles", help_text="Set on confirming."
    )
    carried_from = models.ForeignKey(
        Plan,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="carried_into",
        help_text="The plan whose activities this cycle started from (rolling three-year plan).",
    )
    opens_at = models.DateTimeField("call for activity opens")
    closes_at = models.DateTimeField("call for activity closes")
    guidance = models.TextField(
        blank=True, help_text="Shown on the form: what counts as significant activity, whom to ask."
    )
    introduction = models.TextField(
        blank=True, help_text="The plan documents' opening text: the ambition the plan serves."
    )
    cross_cutting_outcome = models.ForeignKey(
        Outcome,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The outcome that stands for cross-cutting or corporate enabling activity.",
    )
    use_deca = models.BooleanField(
        "rate the NAO DECA factors", default=False, help_text="Also rate the twelve DECA factors high, medium or low."
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-opens_at", "name"]

    def __str__(self):
        return self.name


class Criterion(models.Model):
    """A prioritisation criterion of a cycle: a score on a scale with a weight, or a DECA factor (high/medium/low)."""

    class Kind(models.TextChoices):
        SCORE = "score", "Score"
        DECA = "deca", "DECA factor"

    cycle = models.ForeignKey(PlanningCycle, on_delete=models.CASCADE, related_name="criteria")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.SCORE)
    code = models.SlugField(max_length=60)
    label = models.CharField(max_length=200)
    hint = models.CharField(max_length=300, blank=True)
    weight = models.DecimalField(max_digits=5, decimal_places=2, default=1)
    scale_low = models.PositiveSmallIntegerField("bottom of the scale", default=1)
    scale_high = models.PositiveSmallIntegerField("top of the scale", default=5)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["cycle", "kind", "order", "code"]
        verbose_name_plural = "criteria"
        constraints = [
            models.UniqueConstraint(fields=["cycle", "kind", "code"], name="unique_criterion_in_cycle"),
            models.CheckConstraint(condition=models.Q(scale_high__gt=models.F("scale_low")), name="scale_goes_up"),
        ]

    def __str__(self):
        return self.label


class Theme(models.Model):
    """A shared theme drawn out of the short list (002 §2.9), for the plan's summary."""

    cycle = models.ForeignKey(PlanningCycle, on_delete=models.CASCADE, related_name="themes")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["cycle", "order", "title"]

    def __str__(self):
        return self.title


class Submission(models.Model):
    """One activity submitted to a cycle's call for activity (spec/planning.md, "What a submission holds")."""

    cycle = models.ForeignKey(PlanningCycle, on_delete=models.CASCADE, related_name="submissions")
    number = models.PositiveIntegerField(help_text="Numbered in order of submission within the cycle.")
    title = models.CharField(max_length=500)
    headline = models.TextField("headline description", help_text="What the activity intends to achieve.")
    outcome = models.ForeignKey(Outcome, on_delete=models.PROTECT, related_name="submissions")
    activity_type = models.SlugField(max_length=60)
    directorate = models.ForeignKey(Directorate, null=True, blank=True, on_delete=models.SET_NULL)
    division = models.CharField(max_length=200, blank=True)
    lead_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="led_submissions"
    )
    corporate_director = models.CharField(max_length=200, blank=True)
    cabinet_member = models.CharField(max_length=200, blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField()
    in_delivery = models.BooleanField("already in delivery", default=False)
    part_of_programme = models.BooleanField("part of a project or programme", default=False)
    programme = models.CharField("project or programme", max_length=300, blank=True)
    key_decision = models.CharField(
        "likely key decision", max_length=20, choices=choices.KEY_DECISION, default="not_known"
    )
    decision_authority = models.CharField(max_length=300, blank=True)
    governance_route = models.TextField("proposed informal governance route", blank=True)
    # Amounts in pounds; None when not known.
    capital_cost = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    revenue_cost = models.DecimalField(
        "revenue investment cost", max_digits=14, decimal_places=2, null=True, blank=True
    )
    savings = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    income = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    funding_source = models.CharField(max_length=300, blank=True)
    capacity = models.CharField(max_length=20, choices=choices.CAPACITY)
    support_needed = models.JSONField(default=list, blank=True, help_text="Codes of choices.SUPPORT_SERVICES.")
    support_other = models.CharField("other support needed", max_length=300, blank=True)
    eqia_status = models.CharField("EQIA", max_length=20, choices=choices.ASSESSMENT, default="not_started")
    dpia_status = models.CharField("DPIA", max_length=20, choices=choices.ASSESSMENT, default="not_started")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField()
    updated_at = models.DateTimeField(auto_now=True)
    # The long-list review (002 §2.5).
    review = models.CharField(max_length=20, choices=choices.REVIEW, default="pending")
    review_note = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    # The decision after prioritisation (002 §2.8).
    decision = models.CharField(max_length=20, choices=_choices(choices.DECISION), blank=True)
    decision_note = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    # The plan's activity this became (on confirming the short list), and the one it was carried from.
    activity = models.OneToOneField(
        Activity, null=True, blank=True, on_delete=models.SET_NULL, related_name="submission"
    )
    carried_from = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.SET_NULL, related_name="carried_into"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["cycle", "number"]
        constraints = [models.UniqueConstraint(fields=["cycle", "number"], name="unique_submission_number")]

    def __str__(self):
        return f"{self.number}. {self.title}"


class Score(models.Model):
    """One criterion's score (or one DECA factor's rating) for one submission."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    value = models.PositiveSmallIntegerField(null=True, blank=True)
    rating = models.CharField(max_length=10, choices=choices.DECA_RATINGS, blank=True)
    scored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    scored_at = models.DateTimeField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["submission", "criterion"]
        constraints = [models.UniqueConstraint(fields=["submission", "criterion"], name="one_score_per_criterion")]

    def __str__(self):
        return f"{self.submission.number} {self.criterion.code}: {self.value or self.rating}"

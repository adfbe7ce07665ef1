"""The plan register: a council's plans and their activities, with lead officers and outcomes.

Every system links to these: monitoring returns, KPIs, risks, budget lines, projects, contracts, decisions,
policies. The planning cycle that builds a plan (call for activity, long list, short list) is a system on top.
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from councilplan.core.exempt import Exemptable
from councilplan.core.models import Directorate, Outcome


def ref_sort_key(ref: str) -> int:
    """Numeric refs sort as numbers (2 before 10); others after them, by text."""
    return int(ref) if ref.isdigit() and len(ref) < 9 else 999_999_999


class Plan(models.Model):
    """A rolling three-year plan of the council's most significant activities."""

    name = models.CharField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    published = models.BooleanField(
        "summary published", default=False, help_text="Show the plan's summary on the public page (no sign-in)."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "name"]

    def __str__(self):
        return self.name


class Activity(Exemptable):
    # Exempt by the yes/no box below, not by a paragraph (core.exempt): the paragraph fields are removed.
    exempt_paragraph = exempt_reason = public_interest_test = None
    exempt_lookup = {"exempt": True}
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="activities")
    ref = models.CharField("activity number", max_length=20)
    sort_key = models.PositiveIntegerField(default=0, editable=False)
    title = models.CharField(max_length=500)
    outcome = models.ForeignKey(Outcome, on_delete=models.PROTECT, related_name="activities")
    activity_type = models.SlugField(max_length=60)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField("original end date")
    directorate = models.ForeignKey(Directorate, null=True, blank=True, on_delete=models.SET_NULL)
    lead_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="led_activities"
    )
    colleagues = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="nominated_activities",
        help_text="Nominated colleagues who may also complete this activity's returns.",
    )
    description = models.TextField(blank=True)
    exempt = models.BooleanField(
        default=False,
        help_text="Exempt information (Local Government Act 1972, Schedule 12A): shown only to people cleared for "
        "it, and left out of anything published to the public.",
    )
    history = HistoricalRecords(m2m_fields=[colleagues])

    class Meta:
        ordering = ["plan", "sort_key", "ref"]
        verbose_name_plural = "activities"
        constraints = [models.UniqueConstraint(fields=["plan", "ref"], name="unique_activity_ref_in_plan")]

    def __str__(self):
        return f"{self.ref}. {self.title}"

    def save(self, *args, **kwargs):
        self.sort_key = ref_sort_key(self.ref)
        super().save(*args, **kwargs)

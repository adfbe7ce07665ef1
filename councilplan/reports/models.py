from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from councilplan.core.exempt import Exemptable
from councilplan.core.models import Outcome, VocabularyTerm
from councilplan.monitoring.models import Return, Round
from councilplan.plan.models import Activity

from .sections import SECTION_NAMES


class Commentary(Exemptable):
    """The corporate policy team's words for one section of one round's analysis report.

    The report's figures and tables come from the returns; the narrative the seed report has (key emerging
    issues, themes of mitigating actions, oversight and assurance) is written by people, per section and
    round. `outcome` is set for the tailored version of one outcome; a tailored report falls back to the
    full report's commentary for any section it has none of its own for.
    """

    # In report order, named once (reports.sections.SECTION_NAMES). `contact` holds the contact details printed after
    # the introduction.
    # Exempt by the yes/no box below, not by a paragraph (core.exempt): the paragraph fields are removed.
    exempt_paragraph = exempt_reason = public_interest_test = None
    exempt_lookup = {"exempt": True}

    Section = models.TextChoices("Section", [(code.upper(), (code, name)) for code, name in SECTION_NAMES.items()])

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="commentary")
    section = models.CharField(max_length=20, choices=Section.choices)
    outcome = models.ForeignKey(
        Outcome,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Only for the tailored report of this outcome. Leave empty for the full report.",
    )
    text = models.TextField(
        blank=True,
        help_text="Plain text. A blank line starts a new paragraph, a line starting with '- ' is a bullet, "
        "and **two asterisks** either side make words bold.",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    exempt = models.BooleanField(
        default=False,
        help_text="Exempt information (Local Government Act 1972, Schedule 12A): left out of the report for people "
        "not cleared for it and of the public version.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "commentary"
        ordering = ["round", "outcome", "section"]
        # Two partial constraints rather than one: a plain unique constraint treats every NULL outcome as
        # different, so it would let the full report have two texts for one section.
        constraints = [
            models.UniqueConstraint(
                fields=["round", "section"],
                condition=Q(outcome__isnull=True),
                name="unique_commentary_section_full_report",
            ),
            models.UniqueConstraint(
                fields=["round", "section", "outcome"],
                condition=Q(outcome__isnull=False),
                name="unique_commentary_section_tailored_report",
            ),
        ]

    def __str__(self):
        version = f" ({self.outcome})" if self.outcome_id else ""
        return f"{self.round.label}{version} — {self.get_section_display()}"


# The records a round's report is made of: a change to any of them may change what it shows
# (reports.selectors.data_version reads the latest history row of each; site.warm listens for their saves).
REPORT_DATA = (Return, Commentary, Round, Activity, Outcome, VocabularyTerm)

"""The Quarterly Performance Report's areas: the seven headings of the council-wide report, each with its Cabinet
Member(s) and Corporate Director, and the performance service area whose KPIs it reports.

The KPIs, their targets, floors and results are the performance system's (`performance.Indicator`, `Standard`,
`Result`); the executive paragraph of an area for a quarter is the service area's `performance.AreaCommentary`.
RAG, direction and every count are derived (`councilplan.analysis.qpr`), never stored.
"""

from django.db import models
from simple_history.models import HistoricalRecords

from councilplan.performance.models import ServiceArea


class Area(models.Model):
    name = models.CharField(max_length=200, unique=True, help_text="As the report heads it: Customer Services.")
    order = models.PositiveSmallIntegerField(default=0, help_text="The report's fixed order of areas.")
    service_area = models.OneToOneField(
        ServiceArea, on_delete=models.PROTECT, related_name="qpr_area", help_text="Whose KPIs the area reports."
    )
    cabinet_members = models.CharField(
        "Cabinet Member(s)", max_length=300, help_text="Several are separated by commas: Mark Dance, Mike Hill."
    )
    director = models.CharField(max_length=200)
    director_title = models.CharField(
        max_length=60, default="Corporate Director", help_text='"Director" for Public Health.'
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    @property
    def members(self) -> list[str]:
        return [name.strip() for name in self.cabinet_members.split(",") if name.strip()]


class Cover(models.Model):
    """Who presents the report and to whom (the cover paper's From and To). One row."""

    from_member = models.CharField("from (Cabinet Member)", max_length=300)
    from_director = models.CharField("from (Corporate Director)", max_length=300)
    to = models.CharField("to", max_length=200, default="Cabinet")
    contacts = models.TextField(blank=True, help_text="One contact a line: name, role, telephone, e-mail.")
    history = HistoricalRecords()

    def __str__(self):
        return f"From {self.from_member} to {self.to}"

"""The performance sample: seed 003's Strategic and Corporate Services dashboard, results to July 2017.

`load_sample()` loads it through the same imports a council would use (README.md says what is the seed's and
what was chosen). Idempotent: loading it again changes nothing.
"""

from __future__ import annotations

import csv
from pathlib import Path

from django.db import transaction

from councilplan.performance.models import Indicator
from councilplan.performance.services import import_indicators, import_results
from councilplan.plan.models import Activity

SAMPLE_DIR = Path(__file__).resolve().parent


@transaction.atomic
def load_sample() -> str:
    indicators = import_indicators(SAMPLE_DIR / "indicators.csv", SAMPLE_DIR / "standards.csv")
    results = import_results(SAMPLE_DIR / "results.csv")
    linked = _link_activities()
    from councilplan.performance.sample.dtoc import load_dtoc

    dtoc_words = load_dtoc()
    total = indicators.created + indicators.updated + indicators.unchanged
    return (
        f"Loaded the performance sample: {total} indicators of Strategic and Corporate Services with results to "
        f"July 2017 ({results.created} results added, {results.updated} updated); {linked} KPIs linked to plan "
        f"activities. {dtoc_words}"
    )


def _link_activities() -> int:
    """Links the sample's KPIs to the sample plan's activities, when that plan is loaded."""
    linked = 0
    with open(SAMPLE_DIR / "links.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            activity = Activity.objects.filter(plan__name=row["plan"], ref=row["activity"]).first()
            indicator = Indicator.objects.filter(ref=row["ref"]).first()
            if activity is None or indicator is None:
                continue
            if not indicator.activities.filter(pk=activity.pk).exists():
                indicator.activities.add(activity)
            linked += 1
    return linked

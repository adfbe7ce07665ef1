"""The QPR sample: seed 004's Quarterly Performance Report for Quarter 2 2017/18, every directorate's 38 KPIs
(README.md says what was read and what was chosen). Loaded after the performance, risks and feedback samples:
CS-3 is counted from the feedback log. Idempotent: loading it again changes nothing."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from django.db import transaction

from councilplan.performance.models import ServiceArea
from councilplan.performance.services import import_indicators, import_results
from councilplan.qpr import services

SAMPLE_DIR = Path(__file__).resolve().parent
COMPLAINTS_KPI = "CS-3"
QUARTER_ENDS = [dt.date(2016, 9, 30), dt.date(2017, 6, 30), dt.date(2017, 9, 30)]
COVER = {
    "from_member": "Susan Carey – Cabinet Member for Customers, Communications and Performance",
    "from_director": "David Cockburn – Corporate Director, Strategic and Corporate Services",
    "to": "Cabinet",
    "contacts": (
        "Richard Fitzgerald, Business Intelligence Manager, Strategic Business Development and Intelligence, "
        "03000 416091, Richard.Fitzgerald@kent.gov.uk\n"
        "Vincent Godfrey, Strategic Commissioner, 03000 419045, Vincent.Godfrey@kent.gov.uk"
    ),
}


@transaction.atomic
def load_sample() -> str:
    indicators = import_indicators(SAMPLE_DIR / "indicators.csv", SAMPLE_DIR / "standards.csv")
    results = import_results(SAMPLE_DIR / "results.csv")
    with open(SAMPLE_DIR / "areas.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        service_area = ServiceArea.objects.get(directorate__name=row["directorate"], name=row["name"])
        area = services.save_area(
            name=row["name"],
            order=int(row["order"]),
            service_area=service_area,
            cabinet_members=row["cabinet_members"],
            director=row["director"],
            director_title=row["director_title"],
            reason="Sample loaded",
        )
        services.save_executive_paragraph(area, QUARTER_ENDS[-1], row["executive_summary"], reason="Sample loaded")
    services.save_cover(**COVER, reason="Sample loaded")
    counted = services.feed_complaints_kpi(COMPLAINTS_KPI, QUARTER_ENDS)
    total = indicators.created + indicators.updated + indicators.unchanged
    with open(SAMPLE_DIR / "indicators.csv", encoding="utf-8", newline="") as handle:
        activities = sum(1 for row in csv.DictReader(handle) if row["kind"] == "activity")
    found = ", ".join(f"{end:%b %Y} {pc}%" for end, pc in counted if pc is not None) or "no complaints logged"
    return (
        f"Loaded the Quarterly Performance Report sample: {len(rows)} areas, {total - activities} KPIs and "
        f"{activities} activity indicators with results to September 2017 ({results.created} results added); "
        f"{COMPLAINTS_KPI} from the feedback log ({found})."
    )

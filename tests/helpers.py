"""Small helpers shared by the tests."""

import csv
from pathlib import Path

SAMPLE_PLAN = "KCC Strategic Delivery Plan 2019-20"

ACTIVITY_HEADER = ["ref", "title", "outcome", "activity_type", "end_date", "lead_officer", "directorate"]


def write_csv(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path

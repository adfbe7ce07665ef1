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


def date_parts(name: str, text: str) -> dict[str, str]:
    """A GOV.UK date input as a form posts it: date_parts("end_date", "31/3/2021") → end_date-day 31, …; an empty
    text posts three empty boxes."""
    day, month, year = text.split("/") if text else ("", "", "")
    return {f"{name}-day": day, f"{name}-month": month, f"{name}-year": year}


def datetime_parts(name: str, date: str, time: str) -> dict[str, str]:
    """A GOV.UK date input with a time as a form posts it: datetime_parts("opens_at", "1/10/2030", "9am")."""
    day, month, year = date.split("/")
    return {f"{name}_0": day, f"{name}_1": month, f"{name}_2": year, f"{name}_3": time}

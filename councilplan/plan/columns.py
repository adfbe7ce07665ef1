"""The activities table of the exchange format (spec/monitoring.md §4), declared once: the import, the export
and the sample's scripts use it. Plain Python."""

ACTIVITY_COLUMNS = [
    "ref",
    "title",
    "outcome",
    "activity_type",
    "start_date",
    "end_date",
    "directorate",
    "lead_officer",
    "description",
]
REQUIRED_ACTIVITY_COLUMNS = ["ref", "title", "outcome", "activity_type", "end_date"]

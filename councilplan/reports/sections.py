"""The analysis report's sections, in report order, with the names printed: the report's headings, the workbook's
commentary sheet and the commentary's choices (reports.models.Commentary.Section) all read them here. A module of
its own so that loading the models does not load the report's builder (every command's start-up)."""

SECTION_NAMES = {
    "introduction": "Introduction",
    "contact": "Contact details",
    "overview": "Overview",
    "submissions": "1. Submissions",
    "delivery": "2. Delivery",
    "milestones": "3. Milestones",
    "issues": "4. Issues: key emerging issues",
    "mitigations": "5. Mitigating actions or escalations: key themes",
    "governance": "6. Governance",
    "oversight": "7. Additional oversight and assurance",
    "risk": "8. Risk",
    "scorecards": "9. Activity scorecards",
}

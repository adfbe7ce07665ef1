from councilplan.core import systems
from councilplan.core.systems import NavigationEntry, TeamSpec


class QprConfig(systems.SystemConfig):
    """The council's Quarterly Performance Report (spec/qpr.md, seed 004 item 5): every directorate's QPR KPIs in
    the seven areas, their RAG and direction against the previous quarter, the summary table, the commentary, the
    charts, the corporate risk section from the risk registers and the customer-feedback figures from the
    feedback records."""

    name = "councilplan.qpr"
    label = "qpr"
    verbose_name = "Quarterly performance report"
    navigation = (NavigationEntry("Quarterly report", "qpr:index", "permissions:can_read_qpr", order=45),)
    teams = (
        TeamSpec(
            "cmt",
            "Corporate Management Team",
            "The council's corporate directors: read the Quarterly Performance Report before it goes to Cabinet.",
        ),
    )
    sample = "sample:load_sample"
    sample_order = 80  # after performance (30), risks (20) and feedback (70): CS-3 is read from the feedback log
    demo_users = "permissions:DEMO_USERS"
    pack_sections = "documents:pack_sections"

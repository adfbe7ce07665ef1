from councilplan.core import systems
from councilplan.core.systems import NavigationEntry, TeamSpec


class ContractsConfig(systems.SystemConfig):
    """Contract management (spec/contracts.md): the register, NAO maturity reviews, attestation, the review
    programme, its progress reports, and contract KPIs."""

    name = "councilplan.contracts"
    label = "contracts"
    verbose_name = "Contract management"
    navigation = (NavigationEntry("Contracts", "contracts:index", "permissions:can_read", order=90),)
    teams = (
        TeamSpec(
            "contracts",
            "Contract management team",
            "Strategic Commissioning: keeps the contracts register and runs the programme of contract reviews.",
        ),
        TeamSpec(
            "contract_review_group",
            "Contract Management Review Group",
            "Members and officers of the review group: record reviews held, findings, savings and feedback.",
        ),
    )
    sample = "sample:load_sample"
    sample_order = 60
    demo_users = "links:DEMO_USERS"
    activity_links = "links:activity_links"
    scope_links = "links:scope_links"
    reminders = "reminders:send_reminders"
    public_links = "links:public_links"
    home_links = "links:home_links"

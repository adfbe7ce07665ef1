"""The March–August 2017 portfolio (seed 003 item 9, Appendix 1). What the seed gives is typed as it gives it;
what it leaves out is chosen and said so here and in README.md."""

import datetime as dt

D = dt.date
M = 100_000_000  # £1m in pence
K = 100_000  # £1k in pence

PORTFOLIOS = [
    ("adults", "Adults", 1),
    ("0-25", "0-25", 2),
    ("bc", "Business Capability", 3),
    ("get", "GET (Growth, Environment and Transport)", 4),
]

# The two themes the seed names, and (chosen) the rest of a list the seed's chart lost.
THEMES = [
    ("service_redesign", "Service redesign"),
    ("infrastructure_systems", "Infrastructure and systems"),
    ("commissioning", "Commissioning and contracts"),
    ("new_delivery_model", "New delivery model"),
    ("income_efficiency", "Income and efficiency"),
]

PERIOD = (D(2017, 3, 1), D(2017, 8, 31))
PREVIOUS_PERIOD = (D(2016, 9, 1), D(2017, 2, 28))
DECA_START = D(2017, 6, 1)

# Section D, lines 1294–1307: month, total current, Tier 1, potential, closed, then current Adults, 0-25, BC, GET.
MONTHS = [
    (D(2016, 9, 1), 77, 28, 18, 4, (43, 13, 7, 14)),
    (D(2016, 10, 1), 73, 27, 23, 7, (41, 13, 6, 13)),
    (D(2016, 11, 1), 73, 29, 21, 5, (40, 15, 6, 12)),
    (D(2016, 12, 1), 64, 17, 21, 14, (31, 15, 5, 13)),
    (D(2017, 1, 1), 62, 16, 21, 4, (28, 16, 5, 13)),
    (D(2017, 2, 1), 66, 20, 16, 5, (30, 16, 5, 15)),
    (D(2017, 3, 1), 62, 20, 20, 7, (28, 14, 7, 13)),
    (D(2017, 4, 1), 57, 20, 18, 6, (25, 12, 7, 13)),
    (D(2017, 5, 1), 51, 20, 16, 8, (19, 13, 7, 12)),
    (D(2017, 6, 1), 52, 7, 15, 4, (16, 15, 7, 14)),
    (D(2017, 7, 1), 54, 9, 14, 1, (18, 15, 7, 14)),
    (D(2017, 8, 1), 50, 9, 15, 5, (15, 14, 6, 15)),
]

# Chosen: who closed which month (the seed gives the month totals, August's per portfolio, Adults 20 of the 36
# closures February–August, and names some of the closed projects). Adults, 0-25, BC, GET.
CLOSED_BY_PORTFOLIO = {
    D(2017, 2, 1): (3, 1, 0, 1),
    D(2017, 3, 1): (4, 1, 1, 1),
    D(2017, 4, 1): (3, 1, 1, 1),
    D(2017, 5, 1): (4, 1, 1, 2),
    D(2017, 6, 1): (2, 1, 1, 0),
    D(2017, 7, 1): (1, 0, 0, 0),
    D(2017, 8, 1): (3, 1, 1, 0),
}

# The nine Tier 1 projects (section M for portfolio, start, end and stage; section F for money). Theme chosen.
# (reference, portfolio, start, end or None for TBC, stage, theme, cost, cost text, external, benefit kind,
#  benefit, benefit text, milestones, tier first decided at its start under the old cost/benefit rule)
TIER_1 = [
    (
        "Asset Utilisation Programme",
        "bc",
        D(2016, 1, 1),
        D(2018, 3, 31),
        "analyse",
        "infrastructure_systems",
        None,
        "Various mini projects",
        None,
        "target",
        1_123 * K,
        "",
        "Projects ongoing",
        "1",
    ),
    (
        "CYP Service Integrated Programme",
        "0-25",
        D(2016, 10, 1),
        None,
        "analyse",
        "service_redesign",
        642 * K,
        "to the end of Analyse (NE and Programme Manager costs)",
        None,
        "tbc",
        None,
        "",
        "Development of options",
        "1",
    ),
    (
        "HeadStart",
        "0-25",
        D(2014, 6, 1),
        D(2021, 8, 31),
        "do",
        "service_redesign",
        11 * M,
        "",
        10 * M,
        "non_financial",
        None,
        "",
        "Commissioning completed – Aug 17",
        "1",
    ),
    (
        "Education Services Company",
        "0-25",
        D(2016, 1, 1),
        D(2018, 4, 30),
        "do",
        "new_delivery_model",
        25 * M // 10,
        "",
        None,
        "saving",
        4 * M,
        "",
        "Company set up – ongoing; Go Live – Apr 18",
        "1",
    ),
    (
        "Front Door Integration",
        "0-25",
        D(2016, 7, 1),
        D(2018, 3, 31),
        "do",
        "service_redesign",
        174 * K,
        "",
        None,
        "cost_avoidance",
        13 * M // 10,
        "",
        "New structure in place – Dec 17",
        "1",
    ),
    (
        "Your Life Your Wellbeing Phase 3",
        "adults",
        D(2017, 3, 1),
        D(2018, 4, 30),
        "plan",
        "service_redesign",
        2_166 * K,
        "",
        None,
        "saving",
        84 * M // 10,
        "",
        "Full Business Case consideration – Nov 17",
        "1",
    ),
    (
        "Adult Social Care TEC Programme",
        "adults",
        D(2017, 1, 1),
        D(2019, 1, 31),
        "plan",
        "service_redesign",
        243 * M // 100,
        "",
        None,
        "non_financial",
        None,
        "",
        "Design complete – Nov 17",
        "2",
    ),
    (
        "Javelin Way Development",
        "get",
        D(2017, 2, 1),
        D(2019, 3, 31),
        "plan",
        "infrastructure_systems",
        6 * M,
        "",
        3 * M,
        "tbc",
        None,
        "",
        "Milestones being defined following consideration and approval of full business case",
        "2",
    ),
    (
        "Turner Contemporary Phase 2",
        "get",
        D(2016, 9, 1),
        D(2021, 4, 30),
        "analyse",
        "infrastructure_systems",
        53 * M // 10,
        "",
        265 * M // 100,
        "tbc",
        None,
        "",
        "Strategic Commissioning Board update – Sep 17",
        "2",
    ),
]

# Section F's variations in the period: (project, measure, change, date, reason). The 0-25 programme's text also
# mentions a £2m amendment and a £4m benefit that fit neither its £642k nor its TBC benefit: left out (the spec).
VARIATIONS = [
    (
        "Adult Social Care TEC Programme",
        "cost",
        118 * M // 100,
        D(2017, 5, 15),
        "The resource plan was updated following the appointment of a Programme Manager.",
    ),
    (
        "CYP Service Integrated Programme",
        "cost",
        -107 * K,
        D(2017, 7, 15),
        "Costs reduced from £624k to £517k as the project was paused.",
    ),
    (
        "CYP Service Integrated Programme",
        "cost",
        125 * K,
        D(2017, 8, 15),
        "Costs increased from £517k to £642k as the project was extended by one month for due diligence.",
    ),
    (
        "Front Door Integration",
        "cost",
        40 * K,
        D(2017, 6, 15),
        "The end date has been extended in total by 7 months, in part due to the Ofsted inspection.",
    ),
    (
        "Asset Utilisation Programme",
        "benefit",
        -565 * K,
        D(2017, 4, 15),
        "Re-phasing of the actual benefit that will be realised in the MTFP.",
    ),
]

# The 41 other current projects: (reference, portfolio, tier, stage, theme, end bucket, current from, tier before
# DECA: decided when it became current, under the old rule before June 2017). End bucket: 'this' (by 31 March
# 2018), 'next' (2018-19), 'later' or 'tbc'. Named where the seed names them; the others are placeholders
# ("Adults change project 03"). Tiers per portfolio are section C's.
OTHERS = [
    # Adults: 1 tier 2, 8 tier 3, 4 TBC
    ("Adults change project 01", "adults", "2", "do", "service_redesign", "this", D(2016, 4, 1), "1"),
    ("Adults change project 02", "adults", "3", "do", "service_redesign", "this", D(2016, 5, 1), "2"),
    ("Adults change project 03", "adults", "3", "do", "service_redesign", "this", D(2016, 6, 1), "2"),
    ("Adults change project 04", "adults", "3", "plan", "commissioning", "this", D(2016, 7, 1), "3"),
    ("Adults change project 05", "adults", "3", "do", "commissioning", "this", D(2016, 9, 1), "3"),
    ("Adults change project 06", "adults", "3", "review", "income_efficiency", "this", D(2015, 10, 1), "2"),
    ("Adults change project 07", "adults", "3", "do", "infrastructure_systems", "next", D(2016, 11, 1), "3"),
    ("Adults change project 08", "adults", "3", "plan", "income_efficiency", "next", D(2017, 4, 1), "3"),
    ("Adults change project 09", "adults", "3", "analyse", "commissioning", "later", D(2017, 5, 1), "3"),
    ("Adults change project 10", "adults", "tbc", "analyse", "service_redesign", "next", D(2017, 7, 10), None),
    ("Adults change project 11", "adults", "tbc", "analyse", "commissioning", "tbc", D(2017, 7, 24), None),
    ("Adults change project 12", "adults", "tbc", "analyse", "income_efficiency", "this", D(2017, 8, 7), None),
    ("Adults change project 13", "adults", "tbc", "analyse", "service_redesign", "next", D(2017, 8, 21), None),
    # 0-25: 4 tier 2, 6 tier 3
    ("Basic Need programme", "0-25", "2", "do", "infrastructure_systems", "next", D(2015, 4, 1), "1"),
    ("0-25 change project 02", "0-25", "2", "do", "service_redesign", "this", D(2016, 2, 1), "1"),
    ("0-25 change project 03", "0-25", "2", "plan", "commissioning", "this", D(2016, 3, 1), "2"),
    ("0-25 change project 04", "0-25", "2", "do", "service_redesign", "next", D(2016, 8, 1), "2"),
    ("0-25 change project 05", "0-25", "3", "do", "commissioning", "this", D(2016, 5, 1), "3"),
    ("0-25 change project 06", "0-25", "3", "review", "income_efficiency", "this", D(2015, 9, 1), "3"),
    ("0-25 change project 07", "0-25", "3", "do", "service_redesign", "this", D(2016, 6, 1), "3"),
    ("0-25 change project 08", "0-25", "3", "plan", "new_delivery_model", "next", D(2017, 3, 13), "3"),
    ("0-25 change project 09", "0-25", "3", "analyse", "infrastructure_systems", "later", D(2017, 4, 10), "3"),
    ("0-25 change project 10", "0-25", "3", "do", "commissioning", "this", D(2016, 10, 1), "3"),
    # BC: 2 tier 2, 3 tier 3 (with Asset Utilisation, 6)
    ("Business Services Centre", "bc", "2", "plan", "new_delivery_model", "next", D(2017, 3, 6), "1"),
    ("New Ways of Working", "bc", "2", "do", "infrastructure_systems", "this", D(2015, 6, 1), "1"),
    ("ICT Transformation Programme", "bc", "3", "do", "infrastructure_systems", "next", D(2016, 4, 1), "2"),
    ("Spend and Costs Analytics Project", "bc", "3", "do", "infrastructure_systems", "this", D(2017, 3, 20), "3"),
    ("Business Change Programme", "bc", "3", "analyse", "service_redesign", "later", D(2017, 8, 1), None),
    # GET: 9 tier 2, 4 tier 3 (with the two successors of the Coroners split, made by the split itself)
    ("Highways Term Maintenance Programme", "get", "2", "analyse", "commissioning", "next", D(2017, 5, 1), "2"),
    ("LRA Improvement and Development Programme", "get", "2", "plan", "service_redesign", "next", D(2017, 4, 3), "2"),
    ("GET change project 03", "get", "2", "do", "infrastructure_systems", "this", D(2016, 1, 1), "1"),
    ("GET change project 04", "get", "2", "do", "commissioning", "this", D(2016, 2, 1), "1"),
    ("GET change project 05", "get", "2", "do", "income_efficiency", "this", D(2016, 3, 1), "2"),
    ("GET change project 06", "get", "2", "plan", "infrastructure_systems", "next", D(2016, 9, 1), "2"),
    ("GET change project 07", "get", "2", "do", "commissioning", "this", D(2016, 10, 1), "2"),
    ("GET change project 08", "get", "2", "analyse", "income_efficiency", "later", D(2017, 6, 5), "2"),
    ("GET change project 09", "get", "3", "do", "commissioning", "this", D(2016, 4, 1), "3"),
    ("GET change project 10", "get", "3", "review", "infrastructure_systems", "this", D(2015, 11, 1), "3"),
    ("GET change project 11", "get", "3", "do", "income_efficiency", "next", D(2016, 12, 1), "3"),
]

# The Coroners split (line 1464): the Tier 1 project was split in August into two, each with its own tier.
SPLIT = {
    "reference": "Coroners Service and Medical Examiners Modernisation",
    "portfolio": "get",
    "current_from": D(2016, 4, 1),
    "stage": "plan",
    "theme": "service_redesign",
    "on": D(2017, 8, 14),
    "successors": [
        ("Coroners Service", "3", "do", "this"),
        ("Medical Examiners and Courts", "2", "plan", "later"),
    ],
}

# Projects closed February–August 2017: (reference, portfolio, state, closed on, tier when it closed).
CLOSED = [
    # February (before the period)
    ("Adults closed project 01", "adults", "completed", D(2017, 2, 10), "3"),
    ("Adults closed project 02", "adults", "completed", D(2017, 2, 17), "3"),
    ("Adults closed project 03", "adults", "completed", D(2017, 2, 24), "2"),
    ("0-25 closed project 01", "0-25", "completed", D(2017, 2, 20), "3"),
    ("GET closed project 01", "get", "completed", D(2017, 2, 27), "3"),
    # March
    ("Adults closed project 04", "adults", "completed", D(2017, 3, 10), "3"),
    ("Adults closed project 05", "adults", "completed", D(2017, 3, 17), "3"),
    ("Adults closed project 06", "adults", "completed", D(2017, 3, 24), "2"),
    ("Adults stopped project 01", "adults", "stopped", D(2017, 3, 28), "3"),
    ("Controcc", "0-25", "completed", D(2017, 3, 31), "3"),
    ("BC closed project 01", "bc", "completed", D(2017, 3, 15), "3"),
    ("Customer Service Programme Phase I", "get", "completed", D(2017, 3, 30), "1"),
    # April
    ("Adults closed project 07", "adults", "completed", D(2017, 4, 7), "3"),
    ("Adults closed project 08", "adults", "completed", D(2017, 4, 21), "3"),
    ("Adults stopped project 02", "adults", "stopped", D(2017, 4, 28), "2"),
    ("KCC All Age Neuro Development Pathway Project", "0-25", "completed", D(2017, 4, 28), "3"),
    ("BC closed project 02", "bc", "completed", D(2017, 4, 13), "3"),
    ("Libraries, Registration and Archives Transformation Programme", "get", "completed", D(2017, 4, 3), "2"),
    # May
    ("Adults closed project 09", "adults", "completed", D(2017, 5, 12), "3"),
    ("Adults closed project 10", "adults", "completed", D(2017, 5, 19), "3"),
    ("Adults stopped project 03", "adults", "stopped", D(2017, 5, 24), "3"),
    ("Adults stopped project 04", "adults", "stopped", D(2017, 5, 31), "3"),
    ("Early Help Commissioning Intentions Programme", "0-25", "completed", D(2017, 5, 26), "1"),
    ("BC closed project 03", "bc", "completed", D(2017, 5, 18), "2"),
    ("Waste Strategy project", "get", "completed", D(2017, 5, 12), "2"),
    ("Grosvenor Bridge", "get", "transferred", D(2017, 5, 30), "3"),
    # June
    ("Adults closed project 11", "adults", "completed", D(2017, 6, 16), "3"),
    ("Adults stopped project 05", "adults", "stopped", D(2017, 6, 30), "3"),
    ("Integrated Children's Commissioning", "0-25", "completed", D(2017, 6, 23), "2"),
    ("BC closed project 04", "bc", "completed", D(2017, 6, 9), "3"),
    # July
    ("Adults closed project 12", "adults", "completed", D(2017, 7, 21), "3"),
    # August
    ("Adults closed project 13", "adults", "completed", D(2017, 8, 4), "3"),
    ("Adults closed project 14", "adults", "completed", D(2017, 8, 18), "3"),
    ("Adults stopped project 06", "adults", "stopped", D(2017, 8, 25), "3"),
    ("Review of Children in Care and Care Leavers Accommodation", "0-25", "completed", D(2017, 8, 11), "3"),
    ("Legal Services Transformation", "bc", "completed", D(2017, 8, 31), "2"),
]
CLOSURE_NOTES = {
    "Legal Services Transformation": "Completed: Invicta Law now trading.",
    "Grosvenor Bridge": "Transferred out of the portfolio: oversight by the Divisional Management Team.",
    "Libraries, Registration and Archives Transformation Programme": (
        "Completed; broadened in scope by the LRA Improvement and Development Programme."
    ),
}

# Potential projects at the end of August (section C per portfolio; themes 6 infrastructure/systems, 4 service
# redesign as lines 1486 and 1113 say, the other 5 chosen): (reference, portfolio, theme, known from).
POTENTIAL = [
    ("Adults potential project 01", "adults", "service_redesign", D(2017, 4, 3)),
    ("Adults potential project 02", "adults", "commissioning", D(2017, 6, 12)),
    ("0-25 potential project 01", "0-25", "service_redesign", D(2017, 5, 8)),
    ("BC potential project 01", "bc", "infrastructure_systems", D(2017, 7, 3)),
    ("GET potential project 01", "get", "infrastructure_systems", D(2016, 11, 7)),
    ("GET potential project 02", "get", "infrastructure_systems", D(2017, 1, 9)),
    ("GET potential project 03", "get", "infrastructure_systems", D(2017, 2, 6)),
    ("GET potential project 04", "get", "infrastructure_systems", D(2017, 3, 6)),
    ("GET potential project 05", "get", "infrastructure_systems", D(2017, 5, 2)),
    ("GET potential project 06", "get", "service_redesign", D(2017, 6, 5)),
    ("GET potential project 07", "get", "service_redesign", D(2017, 6, 19)),
    ("GET potential project 08", "get", "commissioning", D(2017, 7, 3)),
    ("GET potential project 09", "get", "income_efficiency", D(2017, 7, 17)),
    ("GET potential project 10", "get", "new_delivery_model", D(2017, 8, 7)),
    ("GET potential project 11", "get", "income_efficiency", D(2017, 8, 21)),
]

# The previous report's figures as issued (September 2016 – February 2017): the counts are its February row;
# Tier 1 in Do (30%) and service redesign among Tier 1 (40%) are what the comparisons of lines 1354 and 1367
# imply (33% +3 points, 56% +16 points).
PREVIOUS_FIGURES = {
    "total_current": 66,
    "tier_1": 20,
    "potential": 16,
    "closures": 39,
    "tier_1_stage_do": {"count": 6, "of": 20, "percent": 30},
    "tier_1_theme_service_redesign": {"count": 8, "of": 20, "percent": 40},
}

# Section I: assurance activity this period. (project, kind, date, product, feedback to, summary)
ACTIVITY_DONE = [
    (
        "Business Services Centre",
        "checkpoint",
        D(2017, 4, 20),
        "full_business_case",
        "Project Manager; Transformation Director",
        "Checkpoint review carried out on the full business case. Feedback was shared with all commissioners and used "
        "to strengthen the business case prior to Strategic Commissioning Board and Policy & Resources Cabinet "
        "Committee.",
    ),
    (
        "Education Services Company",
        "iterative",
        D(2017, 5, 10),
        "full_business_case",
        "Project Manager",
        "Regular assurance carried out on the draft business case; the feedback was incorporated into the full "
        "business case.",
    ),
    (
        "CYP Service Integrated Programme",
        "informal",
        D(2017, 7, 5),
        "",
        "0-25 Delivery Group",
        "Corporate Assurance representation at the programme's 0-25 Delivery Group meetings to gather context ahead "
        "of any checkpoint review.",
    ),
    (
        "Spend and Costs Analytics Project",
        "support",
        D(2017, 3, 27),
        "full_business_case",
        "Project Manager",
        "Independent assistance in structuring and writing the full business case, which has been approved; the "
        "project is now in implementation.",
    ),
    (
        "Your Life Your Wellbeing Phase 3",
        "feedback",
        D(2017, 6, 14),
        "programme_business_case",
        "Programme Manager",
        "Feedback on the structure and process for developing the programme business case and the project business "
        "cases.",
    ),
    (
        "Javelin Way Development",
        "checkpoint",
        D(2017, 5, 24),
        "outline_business_case",
        "Project Manager; Portfolio Delivery Manager",
        "Checkpoint assurance on the outline business case, to inform the development of the full business case.",
    ),
    (
        "Turner Contemporary Phase 2",
        "checkpoint",
        D(2017, 7, 12),
        "outline_business_case",
        "Project Manager; Portfolio Delivery Manager",
        "Checkpoint assurance on the feasibility study and outline business case, to inform the full business case.",
    ),
]

# Section L: planned next period. (project, kind, product, summary)
ACTIVITY_PLANNED = [
    (
        "ICT Transformation Programme",
        "checkpoint",
        "project_business_case",
        "Projects within the programme selected for checkpoints, planned with the PDM and ICT Assurance; findings and "
        "recommendations reported to the Director of Infrastructure and ICT Board.",
    ),
    (
        "Your Life Your Wellbeing Phase 3",
        "checkpoint",
        "programme_business_case",
        "Checkpoint reviews of the programme business case and the most material project business cases.",
    ),
    ("Education Services Company", "oversight", "", "Oversight as the project progresses through implementation."),
    (
        "CYP Service Integrated Programme",
        "checkpoint",
        "outline_business_case",
        "Assurance once the findings of the initial research are analysed and a business case for change developed.",
    ),
    (
        "Turner Contemporary Phase 2",
        "checkpoint",
        "full_business_case",
        "Further checkpoint reviews as the full business case develops.",
    ),
    (
        "Javelin Way Development",
        "checkpoint",
        "full_business_case",
        "Further checkpoint reviews as the full business case develops.",
    ),
    ("Business Services Centre", "oversight", "", "Assurance oversight as the project moves into implementation."),
    (
        "Highways Term Maintenance Programme",
        "checkpoint",
        "outline_business_case",
        "Assurance review of the outline business case (in progress).",
    ),
]

# Chosen (the seed reports findings to boards but lists none): a finding and a recommendation on three reviews,
# so the follow-up has something to follow. (project, case, finding, recommendation, owner, due, status)
RECOMMENDATIONS = [
    (
        "Javelin Way Development",
        "commercial",
        "The procurement route for the main works is not yet set out.",
        "Set out the procurement route and its timetable in the full business case.",
        "Project Manager",
        D(2017, 10, 31),
        "open",
    ),
    (
        "Turner Contemporary Phase 2",
        "financial",
        "The external funding is assumed but not yet secured.",
        "Show how the scheme is funded if the external funding is not secured.",
        "Project Manager",
        D(2017, 9, 29),
        "accepted",
    ),
    (
        "Business Services Centre",
        "management",
        "Benefits had no named owners.",
        "Name an owner for each benefit in the benefits realisation plan.",
        "Project Manager",
        D(2017, 6, 30),
        "done",
    ),
]

# Plan activities (the 2019-20 sample plan) the projects deliver: the Education Services Company trades as The
# Education People (activity 12); the Waste Strategy led to the waste partnerships (activity 34).
ACTIVITY_LINKS = {"Education Services Company": ["12"], "Waste Strategy project": ["34"]}

# A Stage approval held by its decision's reference (governance's decisions are on another branch).
APPROVALS = [("Javelin Way Development", "plan", "17/00027", D(2017, 3, 23))]

NARRATIVE = {
    "achievements": (
        "- The 'tiering' system was reviewed and changed in June 2017 to a more risk-based approach to oversight, "
        "focusing on the complexity of projects and their delivery environment rather than on cost/benefit values "
        "alone. Some projects changed tiers, and several are 'Tier to Be Confirmed' while awaiting assessment.\n"
        "- Portfolios continue to prioritise the most critical projects; under the new tiering the number of Tier 1 "
        "(business critical) projects has reduced.\n"
        "- Early engagement and a more informal style of corporate assurance continue to help project managers "
        "respond to feedback and enhance the quality of business cases (Education Services Company, Business "
        "Services Centre, Turner Contemporary, Javelin Way Development).\n"
        "- Corporate Assurance and the Portfolio Delivery Managers now run the Project & Programme Managers "
        "Network, offering continuous professional development.\n"
        "- Equality analysis for projects is captured and evidenced more promptly.\n"
        "- There is evidence of wider adoption of 'Better Business Cases' guidance across the change portfolios."
    ),
    "development": (
        "- The quality and consistency of financial information for projects remains a priority for development, "
        "although there has been some recent improvement.\n"
        "- Indicative costs and benefits, including non-financial benefits, still need to be defined earlier, in the "
        "'Analyse' stage.\n"
        "- Business cases are still sometimes perceived as a burden rather than a necessary process to support "
        "informed decision making."
    ),
    "consideration": (
        "- The capacity and capability to support the current and future volume of project activity needs to be "
        "considered and monitored carefully.\n"
        "- Demand and capacity for corporate services to support substantial change activity could be an issue.\n"
        "- Further work to analyse broader impacts and relationships between projects would help to identify risks "
        "and issues."
    ),
}

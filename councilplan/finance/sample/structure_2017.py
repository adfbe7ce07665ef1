"""The sample's structure and everything typed from the seeds that is not a line's money: directorates, units,
divisions, adjustments with their reasons, narrative, capital schemes, reserves, companies, activity tables and the
asylum appendix (seed 004 lines 133-1026, seed 003 lines 670-772). Amounts in whole pounds. Pure data."""

YEAR = "2017-18"
YEAR_START = (2017, 4, 1)

# code, name as the seeds print it, the organisation's directorate (core) it belongs to, order
DIRECTORATES = [
    ("CYPE", "Children, Young People & Education", "Children, Young People and Education", 1),
    ("ASCH", "Adult Social Care & Health", "Adult Social Care and Health", 2),
    ("GET", "Growth, Environment & Transport", "Growth, Environment and Transport", 3),
    ("SCS", "Strategic & Corporate Services", "Strategic and Corporate Services", 4),
    ("FIN", "Financing Items", "", 5),
]
# code, name, directorate (at the start of the year), order, schools, label
UNITS = [
    ("EYP", "Education & Young People", "CYPE", 1, False, ""),
    ("SCS", "Specialist Children's Services", "CYPE", 2, False, ""),
    ("ASY", "Asylum", "CYPE", 3, False, ""),
    ("DCS", "Disabled Children Services", "ASCH", 1, False, ""),
    ("ADU", "Adults", "ASCH", 2, False, ""),
    ("PH", "Public Health", "ASCH", 3, False, ""),
    ("GET", "Growth, Environment & Transport", "GET", 1, False, ""),
    ("SCX", "Excluding Public Health", "SCS", 1, False, ""),
    ("FIN", "Financing Items", "FIN", 1, False, ""),
    ("SCH", "Schools", "CYPE", 9, True, "Schools (CYP&E Directorate)"),
]
# Public Health moved to S&CS in September 2017 (004 l.360); it keeps its lines, so nothing is restated.
UNIT_MOVES = [("PH", "SCS", (2017, 9, 1), "Public Health is reported within S&CS, to the Strategic Commissioner.")]
DIVISIONS = [
    ("CYPE", "SCS", "Specialist Children's Services", 1),
    ("CYPE", "EYP", "Education & Young People's Services", 2),
]
# Lines whose heading changed, and the line that is new in September (004 l.544-554 against 003 l.705-712).
RENAMED = {
    "SCX08": ("Strategic Commissioning", "Commissioning Management & Support Services"),
    "SCX09": ("S&CS Management & Directorate Support Services", "S&CS Management & Support Services"),
}
NEW_IN_SEPTEMBER = ("SCX07",)
# Where a budget manager's activity breakdown splits a line's forecast between gross and income (Appendix 3).
ASYLUM_LINE = "ASY01"

# Months monitored: key, label, reported to, reported on (None: not reported), state
MONTHS = [
    ("2017-05", "May 2017-18", "Cabinet", (2017, 7, 10)),
    ("2017-07", "July 2017-18", "Cabinet", (2017, 9, 25)),
    ("2017-08", "August 2017-18", "Cabinet", (2017, 10, 30)),
    ("2017-09", "September 2017-18", "Cabinet", (2017, 12, 11)),
]

# Corporate director adjustments, itemised (004 l.199-201, 209, 218, 311-317, 233, 360; 003 l.733-752).
ADJUSTMENTS = {
    "2017-09": {
        "EYP": [
            (-716000, "Receipt of the School Improvement Monitoring & Brokering Grant, recently confirmed."),
            (-245000, "Delay in the Health & Wellbeing Contract: one-off underspend on Early Help & Prevention."),
            (-400000, "Expected general reduction in forecast: Adult Education efficiencies and EduKent income."),
        ],
        "SCS": [(-440000, "More up to date information received after the submission of managers' forecasts.")],
        "ASY": [(-150000, "Expected outcome of the work to reduce the costs of the 18+ service.")],
        "ADU": [
            (-768000, "Adjustment to assumptions on future activity trends on Older People's services."),
            (-1300000, "One-off use of reserves to offset unachievable transformation savings."),
            (-500000, "Slippage on use of sustainability funding."),
            (-350000, "Inclusion of War Pensions Disregard funding to offset reduced income."),
            (-150000, "Lower than anticipated spend on projects with the voluntary sector."),
            (-100000, "Additional use of reserves for one-off management support costs."),
        ],
        "GET": [(-336000, "Management actions not yet in the forecast; +£0.064m of last month's are now in it.")],
    },
    "2017-07": {
        "EYP": [(-873000, "Expected management action across Education & Young People's Services.")],
        "SCS": [(-755000, "Expected management action and later information on placements.")],
        "DCS": [(-464000, "Expected reduction in residential placements after review.")],
        "ADU": [(-5300000, "Expected management action, use of reserves and Adult Social Care allocation.")],
        "GET": [(-500000, "Management action being identified to balance the Directorate.")],
        "SCH": [(1483000, "High Needs placements expected to draw on the schools' reserves, not yet forecast.")],
    },
}
ADJUSTMENT_REASONS_AUGUST = {
    "EYP": "Expected management action across Education & Young People's Services.",
    "SCS": "Later information on placements received after managers' forecasts.",
    "ADU": "Expected management action and one-off use of reserves.",
    "GET": "Management actions being identified to balance the Directorate.",
    "FIN": "Expected shortfall in the Commercial Services contribution, not yet in the forecast.",
}

# Finance's narrative per unit, September (004 l.196-407): the reasons for the movement and the headlines.
NARRATIVE = {
    "EYP": (
        "A pressure on school transport services is offset by the Corporate Director adjustment: the School "
        "Improvement Monitoring & Brokering Grant, a one-off underspend from the delayed Health & Wellbeing "
        "Contract and an expected general reduction in forecast.",
        "The most significant lines: Early Help & Prevention, Early Years Education & Childcare, Other Schools' "
        "Related Costs, Pupil & Student Transport and CYPE Management & Support Services.",
    ),
    "SCS": (
        "Various movements across services, the most significant an increase in the Children's Assessment "
        "Staffing forecast from additional area staffing to meet current demand.",
        "Children's Assessment Staffing: vacant posts filled by agency workers and supernumerary workers after a "
        "post-Ofsted rise in demand.",
    ),
    "ASY": (
        "Placement costs for care leavers have been higher than expected; work to reduce the costs of the 18+ "
        "service is reflected in the Corporate Director adjustment.",
        "The forecast assumes 2017-18 grant rates as in 2016-17; see Appendix 3.",
    ),
    "DCS": ("A reduction in residential care placements and in the staffing forecast following a review.", ""),
    "ADU": (
        "Increases in Nursing and Residential Care across all client groups and Assessment Services staffing, "
        "offset by the Corporate Director adjustments.",
        "Direct provision of services to clients; Learning Disability, Mental Health and Older People services.",
    ),
    "GET": (
        "Other Highways Maintenance & Management and Public Protection & Enforcement have reduced; waste "
        "recycling costs have increased.",
        "General Highways Maintenance, Other Highways Maintenance and GE&T Management & Support Services remain "
        "the main pressures.",
    ),
    "SCX": (
        "An increase in the corporate aspirational savings target for Asset Utilisation, slipping to 2018-19.",
        "Contact Centre pressure; staffing vacancies in Engagement, Organisation Design & Development, Finance "
        "and Strategic Commissioning; Infrastructure controllable budgets.",
    ),
    "PH": ("", "A ring-fenced grant: its variance is moved to the Public Health reserve, so the unit nets to nil."),
    "FIN": (
        "A slight increase in the level of contribution from Commercial Services.",
        "Additional government funding, no contribution to general reserves, the MRP holiday and the Carbon "
        "Reduction Commitment, partly offset by the Commercial Services shortfall and an unachievable saving.",
    ),
}

# Savings at risk (004 l.337, 362, 377; 003 l.715-717): line, year, amount, RAG, slips to, description
SAVINGS = [
    ("SCX03", YEAR, 500000, "red", "2018-19", "Corporate aspirational savings target for Asset Utilisation"),
    ("FIN01", YEAR, 500000, "red", "2018-19", "Amalgamation of business support in the old SCHW directorate"),
    ("ADU04", YEAR, 400000, "red", "", "Your Life Your Home"),
]

# Wholly owned companies (004 l.401-403): company, budget, forecast, from trading surplus, from reserves
COMPANIES = [
    ("Commercial Services", 6800000, 5063000, 5063000, 0),
    ("GEN2", 620000, 620000, 620000, 0),
    ("Invicta Law", 1057000, 1057000, 1057000, 0),
]

# Revenue reserves, half year (004 l.999-1026): balance at 31/3/17, projected at 31/3/18
RESERVES = [
    ("general", "General Fund balance", 36702000, 36702000),
    ("earmarked", "Earmarked Reserves", 163213000, 126513000),
    ("trading", "Surplus on Trading Accounts", 0, 0),
]
EARMARKED_ITEMS = [
    (
        "Budgeted drawdown of earmarked reserves to support 2017-18 budget including use of directorate reserves, "
        "workforce reduction reserve and use of residual 2015-16 underspend",
        -10900000,
    ),
    ("Budgeted drawdown from Kingshill Smoothing reserve", -1500000),
    ("Budgeted contribution to reserves for Transformation work", 600000),
    ("Budgeted phased repayment of sums borrowed from long term reserves in 2011-12 (year 3 of 10)", 1300000),
    ("Drawdown from election reserve", -2100000),
    ("Budgeted contribution to elections reserve", 500000),
    ("Use of rolling budget reserve (2016-17 underspend) to fund approved roll forwards", -3800000),
    (
        "Transfer to earmarked reserve to support future budgets of uncommitted 2016-17 rolled forward underspend",
        600000,
    ),
    ("Planned net drawdown of reserves for transformation costs", -7900000),
    ("Budgeted drawdown from Public Health reserve (use of prior year underspending)", -2500000),
    ("Planned movement in IT Asset Maintenance reserve", -6800000),
    ("Planned movement in dilapidations reserve", -1400000),
    ("Forecast transfer to Insurance reserve of current year underspend", 900000),
    ("Net planned drawdown of VPE reserve", -1500000),
    ("Other forecast movements in earmarked reserves", -2200000),
]

# Appendix 2 (004 l.568-885): ref, line, title, kind, measure, activity at 31 March budget / forecast,
# year to date budget / actual, staff numbers at the start and now (KCC FTEs, agency)
ACTIVITY = [
    (
        "2.1",
        "ADU02",
        "Nursing & Residential Care - Learning Disability (aged 18+)",
        "service",
        "Client Number",
        1038,
        1079,
        1110,
        1083,
        None,
        None,
    ),
    (
        "2.2",
        "ADU02",
        "Supported Living - Learning Disability (aged 18+) - Other Commissioned Supported Living arrangements",
        "service",
        "Client Number",
        1360,
        1349,
        1293,
        1308,
        None,
        None,
    ),
    (
        "2.3",
        "ADU02",
        "Direct Payments - Learning Disability (aged 18+)",
        "service",
        "Client Number",
        1295,
        1222,
        1247,
        1198,
        None,
        None,
    ),
    (
        "2.4",
        "ADU05",
        "Nursing & Residential Care - Older People (aged 65+) - Residential - Commissioned service",
        "service",
        "Client Number",
        2378,
        2332,
        2365,
        2230,
        None,
        None,
    ),
    (
        "2.5",
        "ADU05",
        "Nursing & Residential Care - Older People (aged 65+) - Nursing",
        "service",
        "Client Number",
        1023,
        1127,
        1123,
        1098,
        None,
        None,
    ),
    (
        "2.6",
        "ADU05",
        "Domiciliary Care - Older People (aged 65+) - Commissioned service",
        "service",
        "Client Number",
        4353,
        3652,
        3833,
        3547,
        None,
        None,
    ),
    (
        "2.7",
        "SCS01",
        "Children in Care (Looked After) - Fostering - In house service",
        "service",
        "Client Number",
        886,
        883,
        886,
        882,
        None,
        None,
    ),
    (
        "2.8",
        "SCS01",
        "Children in Care (Looked After) - Fostering - Commissioned from Independent Fostering Agencies",
        "service",
        "Client Number",
        133,
        141,
        133,
        142,
        None,
        None,
    ),
    (
        "2.9",
        "SCS01",
        "Children in Care (Looked After) - Residential Children's Services - Commissioned from Independent Sector",
        "service",
        "Client Number",
        54,
        53,
        54,
        59,
        None,
        None,
    ),
    (
        "2.10",
        "SCS04",
        "Assessment Services - Children's Social Care (CSC) staffing",
        "staffing",
        "KCC FTEs",
        None,
        None,
        None,
        None,
        ("306.96", "65.4"),
        ("318.04", "67.4"),
    ),
    (
        "2.12",
        "GET08",
        "Transport Services - Concessionary fares",
        "service",
        "No of journeys",
        16542000,
        16560093,
        8521341,
        8530662,
        None,
        None,
    ),
    (
        "2.13",
        "EYP07",
        "Transport Services - Home to School / College Transport (Special Education Needs)",
        "service",
        "No of pupils",
        3941,
        4010,
        3941,
        3586,
        None,
        None,
    ),
    (
        "2.14",
        "GET13",
        "Treatment and disposal of residual waste",
        "service",
        "Waste Tonnage",
        362047,
        362360,
        195463,
        183449,
        None,
        None,
    ),
    ("2.15", "GET12", "Waste Processing", "service", "Waste Tonnage", 368245, 367336, 207356, 205755, None, None),
    (
        "2.16",
        "",
        "All Staffing Budgets (excluding schools)",
        "staffing",
        "KCC FTEs",
        None,
        None,
        None,
        None,
        ("7609.36", "445"),
        ("7504.66", "539"),
    ),
]

# Appendix 3 (004 l.912-989), as entered.
UASC_BY_AGE = [  # month, under 16, 16 & 17, 18 & over
    ("2016-10", 155, 573, 601),
    ("2016-11", 147, 553, 610),
    ("2016-12", 117, 481, 693),
    ("2017-01", 109, 451, 691),
    ("2017-02", 101, 425, 714),
    ("2017-03", 99, 398, 725),
    ("2017-04", 93, 376, 732),
    ("2017-05", 85, 356, 750),
    ("2017-06", 80, 331, 771),
    ("2017-07", 78, 316, 778),
    ("2017-08", 80, 301, 790),
    ("2017-09", 77, 293, 800),
]
UASC_ELIGIBILITY = [  # period, eligible, of which AREs, ineligible, of which AREs
    ("At year end 2016/17", 1008, 7, 214, 38),
    ("April", 982, 3, 219, 42),
    ("May", 972, 3, 220, 33),
    ("June", 965, 8, 217, 35),
    ("July", 967, 4, 205, 32),
    ("August", 954, 21, 217, 32),
    ("September", 956, 18, 213, 31),
]
UASC_REFERRALS = [  # month, referrals, assessed as new client, dispersals
    ("2016-07", 47, 5, 25),
    ("2016-08", 42, 4, 32),
    ("2016-09", 42, 5, 40),
    ("2016-10", 20, 2, 33),
    ("2016-11", 11, 1, 19),
    ("2016-12", 11, 3, 7),
    ("2017-01", 16, 1, 13),
    ("2017-02", 11, 0, 15),
    ("2017-03", 25, 4, 21),
    ("2017-04", 14, 3, 17),
    ("2017-05", 13, 2, 8),
    ("2017-06", 26, 1, 17),
    ("2017-07", 14, 2, 12),
    ("2017-08", 25, 17, 17),
    ("2017-09", 16, 16, 8),
]
UASC_DISPERSALS = [  # month, new arrivals dispersed (NTS), former Kent UASC dispersed
    ("2016-07", 14, 11),
    ("2016-08", 31, 1),
    ("2016-09", 30, 10),
    ("2016-10", 33, 0),
    ("2016-11", 17, 2),
    ("2016-12", 7, 0),
    ("2017-01", 8, 5),
    ("2017-02", 15, 0),
    ("2017-03", 16, 5),
    ("2017-04", 14, 3),
    ("2017-05", 7, 1),
    ("2017-06", 16, 1),
    ("2017-07", 12, 0),
    ("2017-08", 17, 0),
    ("2017-09", 7, 1),
]

# Links to the rest of the framework: lines to the corporate risks they bear on, capital schemes to projects.
LINE_RISKS = {"ASY01": ["CRR0009"], "ADU02": ["CRR0013"], "ADU05": ["CRR0013"], "SCX03": ["CRR0009"]}
# A budget line to the plan activities it funds: line -> activity refs in the sample plan (2019-20).
LINE_ACTIVITIES = {
    "EYP01": ["2"],
    "SCS03": ["5"],
    "ASY01": ["11"],
    "ADU02": ["58"],
    "ADU04": ["56"],
    "GET13": ["35"],
    "SCX03": ["70"],
}
# A capital scheme to the plan activities it funds; and to an assurance project (a reference until the
# assurance system lands: councilplan.assurance's project code).
CAPITAL_ACTIVITIES = {"SCS-PIF": ["70"], "SCS-DOVER": [], "GET-WESTWOOD": []}
CAPITAL_PROJECTS = {"SCS-NWOW": "New Ways of Working", "CYPE-BASIC": "Basic Need programme"}

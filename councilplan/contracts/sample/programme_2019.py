"""The seeds' contract management programme, as data (see README.md for what was read and what was chosen).

Seed 003 item 8 (Policy and Resources Cabinet Committee, 15 September 2017) and seed 001 item 9 (8 November
2019); the programme's link to corporate risk CRR0011 is seed 004 line 2188.
"""

import datetime as dt
from decimal import Decimal

D = dt.date
CYPE = "Children, Young People and Education"
ASCH = "Adult Social Care and Health"
GET = "Growth, Environment and Transport"
SCS = "Strategic and Corporate Services"

BODY = {
    "code": "cmrg",
    "convened_on": D(2016, 9, 1),
    "terms_of_reference": (
        "Review the performance of providers and services in relation to financial, performance and contract "
        "management targets, including but not limited to contract / provider monitoring; contract / provider "
        "management; and contract / provider review and evaluation."
    ),
    "reporting": (
        "A progress report to the Policy and Resources Cabinet Committee every six months; by 2019 a bi-annual "
        "exempt item. Detailed findings go in writing to the relevant Corporate Director and Cabinet Member."
    ),
}
PERIODS = [
    {
        "name": "Budget and Programme Delivery Board sub-group",
        "parent": "Budget and Programme Delivery Board",
        "chair": "Cabinet Member for Finance",
        "starts_on": D(2016, 9, 1),
    },
    {
        "name": "Contract Management Review Group",
        "parent": "Budget Delivery Group",
        "chair": "Cabinet Member for Strategic Commissioning",
        "vice_chair": "Deputy Cabinet Member for Finance",
        "starts_on": D(2019, 5, 1),
    },
]
# Seed 003 lines 798–806: six members besides the chair; two added in the 2017/18 financial year.
MEMBERS = [
    ("Deputy Cabinet Member for Finance", D(2016, 9, 1)),
    ("Deputy Cabinet Member for Strategic Commissioning and Public Health", D(2017, 4, 1)),
    ("Corporate Director of Finance", D(2016, 9, 1)),
    ("Strategic Commissioner", D(2017, 4, 1)),
    ("Director, Strategic Business Development and Intelligence", D(2016, 9, 1)),
    ("Head of Procurement", D(2016, 9, 1)),
]
RISK_CONTROL = ("CRR0011", "Rolling programme of reviews of contract management arrangements")

SUPPLIERS = {
    "Locate in Kent Ltd": {"legal_form": "company"},
    "Visit Kent Ltd": {"legal_form": "company"},
    "Kent Community Health NHS Foundation Trust": {"trading_name": "KCHFT", "legal_form": "public_body"},
    "Eurovia UK Ltd": {"trading_name": "Eurovia", "legal_form": "company"},
}

# reference, title, department, supplier, linked plan activities (refs in the 2019-20 sample plan)
CONTRACTS = [
    ("CM-2019-01", "Locate in Kent", GET, "Locate in Kent Ltd", ()),
    ("CM-2019-02", "Visit Kent", GET, "Visit Kent Ltd", ()),
    ("CM-2019-03", "KCHFT", CYPE, "Kent Community Health NHS Foundation Trust", ("8",)),
    ("CM-2019-04", "Youth Services", CYPE, "", ("2",)),
    ("CM-2019-05", "Independent Fostering Services", CYPE, "", ()),
    ("CM-2019-06", "Carers Short Break Service", ASCH, "", ()),
    ("CM-2019-07", "Domestic Abuse Contract", ASCH, "", ()),
    ("CM-2019-08", "West Kent Drug and Alcohol Service", ASCH, "", ("43",)),
    ("CM-2019-09", "Community Mental Health and Wellbeing", ASCH, "", ()),
    ("CM-2019-10", "CYP Mental Health Services", CYPE, "", ("7",)),
    ("CM-2019-11", "Eurovia Highways Resurfacing", GET, "Eurovia UK Ltd", ("25",)),
    ("CM-2019-12", "Subsidised Bus Contracts", GET, "", ("31",)),
    ("CM-2019-13", "Westbrook PFI contract", ASCH, "", ()),
    ("CM-2019-14", "Westview PFI contract", ASCH, "", ()),
    ("CM-2019-15", "Extra Care Housing Section 75 learning disability contract", ASCH, "", ()),
    ("CM-2019-16", "Microsoft contracts", SCS, "", ()),
    ("CM-2019-17", "Oracle contracts", SCS, "", ()),
    ("CM-2019-18", "Equipment supply and telecare", ASCH, "", ()),
    ("CM-2019-19", "Sensory Services and Advocacy Support", ASCH, "", ()),
    ("CM-2019-20", "KCS' management of contracts for …", SCS, "", ()),
    ("CM-2019-21", "School building contracts", SCS, "", ("1",)),
    ("CM-2019-22", "Community Navigation", ASCH, "", ()),
    ("CM-2019-23", "Waste Transfer Stations", GET, "", ("35",)),
    ("CM-2019-24", "Large Road / Infrastructure Scheme Contracts", GET, "", ("18",)),
    ("CM-2019-25", "Support Services for Vulnerable and Homeless", ASCH, "", ("44",)),
]

# Seed 001 lines 1170–1181: held. (date, title as printed, lead officers, contract references)
HELD = [
    (D(2019, 3, 26), "Locate in Kent and Visit Kent", ["Dave Hughes"], ["CM-2019-01", "CM-2019-02"]),
    (D(2019, 4, 9), "KCHFT", ["Karen Sharp"], ["CM-2019-03"]),
    (D(2019, 4, 25), "Youth Services", ["Karen Sharp"], ["CM-2019-04"]),
    (D(2019, 5, 15), "Independent Fostering Services", ["Karen Sharp"], ["CM-2019-05"]),
    (D(2019, 6, 25), "Carers Short Break Service", ["Clare Maynard"], ["CM-2019-06"]),
    (D(2019, 6, 25), "Domestic Abuse Contract", ["Clare Maynard"], ["CM-2019-07"]),
    (
        D(2019, 7, 10),
        "West Kent Drug and Alcohol Service and Community Mental Health and Wellbeing",
        ["Clare Maynard"],
        ["CM-2019-08", "CM-2019-09"],
    ),
    (D(2019, 7, 22), "CYP Mental Health Services", ["Karen Sharp"], ["CM-2019-10"]),
    (D(2019, 9, 3), "Eurovia Highways Resurfacing", ["Andrew Loosemore"], ["CM-2019-11"]),
    (D(2019, 10, 1), "Subsidised Bus Contracts", ["Phil Lightowler"], ["CM-2019-12"]),
]
# Seed 001 lines 1191–1205: the forward plan (None: TBC).
PLANNED = [
    (
        D(2019, 11, 29),
        "Westbrook and Westview PFI contracts",
        ["Alison Shepherd", "Vikram Bhatia"],
        ["CM-2019-13", "CM-2019-14"],
    ),
    (
        D(2019, 12, 3),
        "Extra Care Housing Section 75 learning disability contract",
        ["Clare Maynard", "Karen Sharp"],
        ["CM-2019-15"],
    ),
    (D(2020, 1, 7), "Microsoft and Oracle contracts", ["Rebecca Spore"], ["CM-2019-16", "CM-2019-17"]),
    (D(2020, 2, 4), "Equipment supply and telecare", ["Clare Maynard"], ["CM-2019-18"]),
    (D(2020, 2, 4), "Sensory Services and Advocacy Support", ["Clare Maynard"], ["CM-2019-19"]),
    (D(2020, 3, 3), "KCS' management of contracts for …", ["John Burr"], ["CM-2019-20"]),
    (D(2020, 3, 3), "School building contracts", ["Rebecca Spore"], ["CM-2019-21"]),
    (D(2020, 4, 7), "Community Navigation", ["Clare Maynard"], ["CM-2019-22"]),
    (D(2020, 4, 7), "Waste Transfer Stations", ["David Beaver"], ["CM-2019-23"]),
    (None, "Large Road / Infrastructure Scheme Contracts", ["Andrew Loosemore"], ["CM-2019-24"]),
    (None, "Support Services for Vulnerable and Homeless", ["Clare Maynard"], ["CM-2019-25"]),
]

REPORT_2017 = {
    "title": "Contract Management",
    "committee": "Policy and Resources Cabinet Committee",
    "meeting_date": D(2017, 9, 15),
    "period_start": D(2016, 9, 1),
    "period_end": D(2017, 8, 31),
    "overall": "Inconsistent: some contracts were stronger and weaker in areas relative to others",
    "contracts_reviewed_to_date": 17,
    "training": (
        "The majority of contract managers have attended the two day contract management training, and the Council "
        "is sponsoring a contract manager to train for membership of the International Association for Commercial "
        "and Contract Management (IACCM), with more expected to follow."
    ),
    "recommendation": "NOTE the report and that a further progress report will be submitted in six months.",
}
POINTS_2017 = [
    ("strength", "people", "Contract management teams have strong in depth operational knowledge."),
    (
        "strength",
        "planning_governance",
        "Application of the Council's governance requirements e.g. contract change control. There is a good level "
        "of procedural awareness.",
    ),
    ("strength", "payment_incentives", "Contractual remedies are generally being applied where available."),
    (
        "issue",
        "performance",
        "Contract management teams would find it helpful to seek out comparison with other organisations and "
        "sectors more regularly (especially outside of Local Government) to better understand good contract "
        "management practice and just what can be achieved.",
    ),
    (
        "issue",
        "people",
        "Lack of formal commercial and contract management expertise and training in some areas that puts the "
        "Council at a distinct disadvantage relative to some of its providers.",
    ),
]
SAVING_2017 = {
    "annual_amount": 1_100_000 * 100,
    "percent": Decimal("8.5"),
    "approximate": True,
    "note": "Achieved further to the review by the sub-group on one contract, depending on prescribing patterns.",
}

REPORT_2019 = {
    "title": "Contract management",
    "committee": "Policy and Resources Cabinet Committee",
    "meeting_date": D(2019, 11, 8),
    "period_start": D(2019, 3, 1),
    "period_end": D(2019, 10, 31),
    "overall": (
        "Improved considerably since the inception of CMRG, with a high level of awareness of good practice across "
        "the Council"
    ),
    "contracts_reviewed_words": "over forty",
    "training": (
        "Over forty commissioners have been enrolled on Level 4 apprenticeships under the Chartered Institute of "
        "Procurement and Supply; contract managers have been engaged on the Commissioning Academy's training "
        "programme."
    ),
    "recommendation": "Consider this update and endorse the CMRG's forward plan of reviews.",
}
POINTS_2019 = [
    ("theme", "performance", "The use of key performance indicators."),
    ("theme", "contract_development", "Ongoing consideration of social value during the term of the contract."),
    ("theme", "relationships", "Comparison to best practice elsewhere (benchmarking)."),
]

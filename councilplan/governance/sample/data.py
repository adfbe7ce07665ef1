"""The seeds' committee packs as data (spec/governance.md §8, the Fixture): read from seeds 001, 003 and 004 and
typed here, so the project never reads the seeds. What was chosen where the seeds say nothing is in README.md."""

import datetime as dt

D = dt.date
T = dt.time

P_AND_R = "Policy and Resources Cabinet Committee"
SDP_PAPER = "sdp-monitoring-2019-20-q2"

# code, name, kind, parent code, formal, seats, SDP group
BODIES = [
    ("council", "County Council", "council", "", True, None, ""),
    ("cabinet", "Cabinet", "executive", "", True, 10, ""),
    ("policy-and-resources", P_AND_R, "cabinet_committee", "", True, 15, "cabinet_committee"),
    (
        "hrph",
        "Health Reform and Public Health Cabinet Committee",
        "cabinet_committee",
        "",
        True,
        None,
        "cabinet_committee",
    ),
    (
        "cype",
        "Children's, Young People and Education Cabinet Committee",
        "cabinet_committee",
        "",
        True,
        None,
        "cabinet_committee",
    ),
    (
        "asch",
        "Adult Social Care and Health Cabinet Committee",
        "cabinet_committee",
        "",
        True,
        None,
        "cabinet_committee",
    ),
    (
        "gedc",
        "Growth, Economic Development and Communities Cabinet Committee",
        "cabinet_committee",
        "",
        True,
        None,
        "cabinet_committee",
    ),
    (
        "environment-and-transport",
        "Environment and Transport Cabinet Committee",
        "cabinet_committee",
        "",
        True,
        None,
        "cabinet_committee",
    ),
    ("property-sub-committee", "Property Sub-Committee", "sub_committee", "policy-and-resources", True, None, ""),
    ("governance-and-audit", "Governance and Audit Committee", "committee", "", True, None, ""),
    ("cmm", "Cabinet Members Meeting", "board", "", False, None, "cmm"),
    ("corporate-board", "Corporate Board", "board", "", False, None, "corporate_board"),
    ("cmt", "Corporate Management Team", "board", "", False, None, ""),
    ("scb", "Service Commissioning Board", "board", "", False, None, "informal_governance"),
    ("icb", "Infrastructure Commissioning Board", "board", "", False, None, "informal_governance"),
    ("bdg", "Budget Delivery Group", "board", "", False, None, "informal_governance"),
    ("cmrg", "Contract Management Review Group", "sub_group", "bdg", False, None, "informal_governance"),
    ("shareholder-board", "Shareholder Board", "board", "", False, None, ""),
    ("commissioning-advisory-board", "Commissioning Advisory Board", "board", "", False, None, ""),
]
# The Budget Delivery Group was the Budget and Programme Delivery Board in 2017 (003 l.797; 001 l.1163).
RENAMES = [("bdg", "Budget and Programme Delivery Board", D(2018, 4, 1))]
PR_TERMS = (
    "To be responsible for those functions that fall within the Strategic and Corporate Services Directorate",
    "Agreed by County Council on 27 March 2014; the Constitution, Appendix 2 Part 4 paragraph 21 "
    "(001 l.1269-1270; 003 l.3093-3094)",
)

CONSERVATIVE, LIB_DEM, LABOUR = "Conservative", "Liberal Democrat", "Labour"
# P&R membership: September 2017 (003 l.28-35) and November 2019 (001 l.27-35), chosen to change on 23 May 2019.
PR_2017 = D(2017, 5, 25)
PR_CHANGE = D(2019, 5, 23)
PR_MEMBERS = [
    # name, group, role, from, until
    ("Mr B J Sweetland", CONSERVATIVE, "chairman", PR_2017, None),
    ("Mr R A Marsh", CONSERVATIVE, "vice_chairman", PR_2017, None),
    ("Mr P V Barrington-King", CONSERVATIVE, "member", PR_2017, None),
    ("Mr T Bond", CONSERVATIVE, "member", PR_2017, None),
    ("Mr N J D Chard", CONSERVATIVE, "member", PR_2017, None),
    ("Mrs P T Cole", CONSERVATIVE, "member", PR_2017, PR_CHANGE - dt.timedelta(days=1)),
    ("Mrs M E Crabtree", CONSERVATIVE, "member", PR_2017, None),
    ("Mr P W A Lake", CONSERVATIVE, "member", PR_2017, None),
    ("Mr J P McInroy", CONSERVATIVE, "member", PR_2017, PR_CHANGE - dt.timedelta(days=1)),
    ("Miss C Rankin", CONSERVATIVE, "member", PR_2017, PR_CHANGE - dt.timedelta(days=1)),
    ("Mr H Rayner", CONSERVATIVE, "member", PR_2017, None),
    ("Mr I Thomas", CONSERVATIVE, "member", PR_2017, None),
    ("Mr R H Bird", LIB_DEM, "member", PR_2017, None),
    ("Mrs T Dean, MBE", LIB_DEM, "member", PR_2017, None),
    ("Ms K Constantine", LABOUR, "member", PR_2017, PR_CHANGE - dt.timedelta(days=1)),
    ("Mr G Cooke", CONSERVATIVE, "member", PR_CHANGE, None),
    ("Mr D Murphy", CONSERVATIVE, "member", PR_CHANGE, None),
    ("Mr M D Payne", CONSERVATIVE, "member", PR_CHANGE, None),
    ("Mr D Farrell", LABOUR, "member", PR_CHANGE, None),
]
CABINET_MEMBERS = [
    "Mr M A C Balfour",
    "Miss S J Carey",
    "Mr P B Carter, CBE",
    "Mr M C Dance",
    "Mr R W Gough",
    "Mr P M Hill, OBE",
    "Mr E E C Hotson",
    "Mr P J Oakford",
    "Mr G K Gibbens",
    "Mr J D Simmonds, MBE",
]
# Portfolios: decisions name them (001 l.189-207, 1337-1339); the reshuffle's date is chosen (README.md).
RESHUFFLE = D(2019, 10, 15)
PORTFOLIOS = [
    ("Corporate and Democratic Services", "Mr E E C Hotson", D(2017, 5, 25)),
    ("Finance", "Mr J D Simmonds, MBE", D(2017, 5, 25)),
    ("Finance, Corporate and Traded Services", "Mr P J Oakford", RESHUFFLE),
    ("Strategic Commissioning", "Miss C Rankin", D(2019, 5, 23)),
]

# Meetings: body code, date, time, venue, clerk, published on, signatory, state
SESSIONS = "Sessions House, County Hall, Maidstone"
GENERAL_COUNSEL = "Benjamin Watts, General Counsel"
HEAD_OF_DS = "John Lynch, Head of Democratic Services"
MEETINGS = [
    ("policy-and-resources", D(2017, 6, 16), None, "", "", None, "", "approved"),
    (
        "policy-and-resources",
        D(2017, 9, 15),
        T(10),
        f"Council Chamber, {SESSIONS}",
        "Ann Hunter",
        D(2017, 9, 7),
        HEAD_OF_DS,
        "held",
    ),
    ("policy-and-resources", D(2017, 12, 5), None, "", "Ann Hunter", None, "", "planned"),
    ("policy-and-resources", D(2018, 2, 2), None, "", "Ann Hunter", None, "", "planned"),
    ("policy-and-resources", D(2018, 3, 16), None, "", "Ann Hunter", None, "", "planned"),
    ("policy-and-resources", D(2019, 6, 13), None, "", "", None, "", "approved"),
    ("policy-and-resources", D(2019, 9, 20), None, f"Darent Room, {SESSIONS}", "Ann Hunter", None, "", "approved"),
    (
        "policy-and-resources",
        D(2019, 11, 8),
        T(9, 30),
        f"Darent Room, {SESSIONS}",
        "Emma West",
        D(2019, 10, 31),
        GENERAL_COUNSEL,
        "published",
    ),
    ("policy-and-resources", D(2020, 1, 21), None, "", "Emma West", None, "", "planned"),
    ("policy-and-resources", D(2020, 3, 20), None, "", "Emma West", None, "", "planned"),
    ("policy-and-resources", D(2020, 5, 12), None, "", "Emma West", None, "", "planned"),
    ("property-sub-committee", D(2017, 3, 21), None, "", "", None, "", "held"),
    ("cabinet", D(2017, 9, 25), None, "", "", None, "", "approved"),
    ("cabinet", D(2017, 10, 30), None, f"Darent Room, {SESSIONS}", "Louise Whitaker", None, "", "approved"),
    (
        "cabinet",
        D(2017, 12, 11),
        T(10),
        f"Darent Room, {SESSIONS}",
        "Louise Whitaker",
        D(2017, 12, 1),
        HEAD_OF_DS,
        "published",
    ),
    # The SDP Q2 report's pathway through the cabinet committees (001 l.607-615).
    ("hrph", D(2019, 11, 1), None, "", "", None, "", "planned"),
    ("cype", D(2019, 11, 15), None, "", "", None, "", "planned"),
    ("asch", D(2019, 11, 27), None, "", "", None, "", "planned"),
    ("gedc", D(2019, 11, 28), None, "", "", None, "", "planned"),
    ("environment-and-transport", D(2019, 11, 29), None, "", "", None, "", "planned"),
    ("icb", D(2019, 6, 18), None, "", "", None, "", "held"),
]
APPROVED_AT = {  # meeting → the meeting that agreed its minutes
    ("policy-and-resources", D(2017, 6, 16)): D(2017, 9, 15),
    ("policy-and-resources", D(2019, 6, 13)): D(2019, 9, 20),
    ("policy-and-resources", D(2019, 9, 20)): D(2019, 11, 8),
    ("cabinet", D(2017, 9, 25)): D(2017, 10, 30),
    ("cabinet", D(2017, 10, 30)): D(2017, 12, 11),
}

X = 3  # paragraph 3 of Part 1 of Schedule 12A: every seed's exempt part (001 l.61, 003 l.76, 004 l.107)
FINANCIAL = "Information relating to the financial or business affairs of any particular person"
# Items: number, title, first page, last page, exempt paragraph, decision, activities, documents' source
ITEMS = {
    ("policy-and-resources", D(2019, 11, 8)): [
        ("1", "Introduction/Webcast announcement", None, None, None, "", (), ""),
        ("2", "Apologies and Substitutes", None, None, None, "", (), ""),
        ("3", "Declarations of Interest by Members in items on the Agenda", None, None, None, "", (), ""),
        ("4", "Minutes of the meeting held on 20 September 2019", 5, 12, None, "", (), ""),
        ("5", "Review of Voluntary and Community Sector policy", 13, 20, None, "", ("68",), ""),
        ("6", "Enterprise Business Capabilities (EBC)", 21, 28, None, "", ("77",), ""),
        ("7", "Annual Report on the Implementation of the Armed Forces Covenant in Kent", 29, 34, None, "", (), ""),
        (
            "8",
            "Strategic Delivery Plan Monitoring: Quarter 2 2019/20",
            35,
            62,
            None,
            "",
            (),
            "reports: SDP monitoring report 2019-20 Q2",
        ),
        ("9", "Contract Management", 63, 66, None, "", (), "contracts: review group progress report"),
        ("10", "Work Programme 2019/20", 67, 70, None, "", (), "governance: work programme"),
        ("11", "19/00077 Barton Court Free School Building Contract", 71, 80, X, "19/00077", (), ""),
        (
            "12",
            "19/00080 Disposal of the Former Sittingbourne AEC and land to the rear, College Road, "
            "Sittingbourne, ME10 1LF",
            81,
            92,
            X,
            "19/00080",
            (),
            "",
        ),
        ("13", "Cyber Security", 93, 110, X, "", (), ""),
        ("14", "Invicta Law Update", 111, 114, X, "", (), ""),
        ("15", "19/00072 Oakwood House Redevelopment", 115, 128, X, "19/00072", (), ""),
    ],
    ("policy-and-resources", D(2019, 9, 20)): [
        ("1", "Introduction/Webcast announcement", None, None, None, "", (), ""),
        ("2", "Apologies and Substitutes", None, None, None, "", (), ""),
        ("3", "Declarations of Interest by Members in items on the Agenda", None, None, None, "", (), ""),
        ("4", "Minutes of the meeting held on 13 June 2019", None, None, None, "", (), ""),
        ("5", "Strategic and Corporate Services Performance Dashboard", None, None, None, "", (), ""),
        ("6", "Embedding Social Value", None, None, None, "", (), ""),
        ("7", "Annual Equality and Diversity Report 2018-19", None, None, None, "", (), ""),
        ("8", "Domestic Abuse Strategy", None, None, None, "", (), ""),
        ("9", "Work Programme 2019-2020", None, None, None, "", (), ""),
        ("10", "Maximising returns from Capital Disposals", None, None, X, "", ("71",), ""),
        ("11", "19/00057 - East Kent TFM - Contract Extension", None, None, X, "19/00057", (), ""),
        ("12", "19/00058 - Maidstone East Development", None, None, X, "19/00058", (), ""),
        (
            "13",
            "19/00070 - Letting of the building contract for the Southborough Hub Project",
            None,
            None,
            X,
            "19/00070",
            (),
            "",
        ),
    ],
    ("policy-and-resources", D(2017, 9, 15)): [
        ("1", "Introduction/Webcast announcement", None, None, None, "", (), ""),
        ("2", "Apologies and Substitutes", None, None, None, "", (), ""),
        ("3", "Declarations of Interest by Members in items on the Agenda", None, None, None, "", (), ""),
        ("4", "Minutes of the meeting held on 16 June 2017", 7, 12, None, "", (), ""),
        ("5", "Minutes of the Property Sub-Committee held on 21 March 2017", 13, 16, None, "", (), ""),
        ("6", "Strategic and Corporate Services Directorate Dashboard", 17, 30, None, "", (), ""),
        ("7", "Financial Monitoring 2017-18", 31, 36, None, "", (), "finance: budget monitoring"),
        ("8", "Contract Management", 37, 64, None, "", (), "contracts: review group progress report"),
        ("9", "Corporate Assurance bi-annual review", 65, 98, None, "", (), "assurance: assurance analysis"),
        ("10", "Policy Framework close-down", 99, 112, None, "", (), "policies: close-down paper"),
        ("11", "Customer Feedback Policy", 113, 144, None, "", (), ""),
        ("12", "Senior Information Risk Owner (SIRO) update", 145, 148, None, "", (), ""),
        ("13", "Work Programme 2017/18", 149, 152, None, "", (), "governance: work programme"),
        ("14", "Company Governance", 153, 170, X, "", (), ""),
    ],
    ("policy-and-resources", D(2017, 6, 16)): [
        ("1", "Introduction/Webcast announcement", None, None, None, "", (), ""),
        ("2", "Election of Vice-Chairman", None, None, None, "", (), ""),
        ("3", "Apologies and Substitutes", None, None, None, "", (), ""),
        ("4", "Declarations of Interest by Members in items on the Agenda", None, None, None, "", (), ""),
        ("5", "Minutes of the meetings held on 8 March 2017 and 25 May 2017", None, None, None, "", (), ""),
        ("6", "Minutes of the Property Sub-Committee held on 21 February 2017", None, None, None, "", (), ""),
        ("7", "Strategic and Corporate Services Directorate Dashboard", None, None, None, "", (), ""),
        ("8", "Revenue & Capital Budget Monitoring Report 2016-17 - Provisional Outturn", None, None, None, "", (), ""),
        ("9", "Total Facilities Management - Bi-annual Review", None, None, None, "", (), ""),
        (
            "10",
            "Annual Report on the Implementation of the Armed Forces Covenant in Kent",
            None,
            None,
            None,
            "",
            (),
            "",
        ),
        ("11", "Work Programme", None, None, None, "", (), ""),
        ("12", "Business Services Centre Trading Company", None, None, X, "", (), ""),
        ("13", "ICT Security Update", None, None, X, "", (), ""),
    ],
    ("cabinet", D(2017, 12, 11)): [
        ("1", "Introduction/Webcasting", None, None, None, "", (), ""),
        (
            "2",
            "Declaration of Interests by Members in Items on the Agenda for this meeting",
            None,
            None,
            None,
            "",
            (),
            "",
        ),
        ("3", "Minutes of the Meeting held on 30 October 2017", 3, 6, None, "", (), ""),
        ("4", "Budget Monitoring Report - September 2017", 7, 46, None, "", (), "finance: budget monitoring report"),
        (
            "5",
            "Quarterly Performance Report - 2017/18 - Quarter 2",
            47,
            100,
            None,
            "",
            (),
            "performance: quarterly performance report",
        ),
        ("6", "Corporate Risk Register - Annual Report", 101, 144, None, "", (), "risks: corporate risk register"),
        (
            "7",
            "Update on the Progress in Reporting and Managing Delayed Transfers of Care (DTOC)",
            145,
            158,
            None,
            "",
            (),
            "",
        ),
    ],
    ("cabinet", D(2017, 10, 30)): [
        ("1", "Introduction/Webcasting", None, None, None, "", (), ""),
        ("2", "Apologies", None, None, None, "", (), ""),
        ("3", "Declarations of Interest", None, None, None, "", (), ""),
        ("4", "Minutes of the Meeting held on 25 September 2017", None, None, None, "", (), ""),
        ("5", "Budget monitoring - August 2017", None, None, None, "", (), ""),
        ("6", "Education Services Company - Update", None, None, X, "", (), ""),
    ],
    ("property-sub-committee", D(2017, 3, 21)): [
        ("A1", "Apologies and Substitutions", None, None, None, "", (), ""),
        ("A2", "Declarations of interest in items on the agenda", None, None, None, "", (), ""),
        ("A3", "Minutes of the meeting held on 21 February 2017", None, None, None, "", (), ""),
        ("B1", "Appropriation of Land at Boughton Mount, Boughton Lane, Maidstone", None, None, None, "", (), ""),
        ("B2", "Cross-Party Security Working Group", None, None, None, "", (), ""),
        ("B3", "Priority School Building Programme - Local Delivery", None, None, None, "", (), ""),
        ("C1", "Outcomes of Property Disposals", None, None, X, "", (), ""),
    ],
}
# The other cabinet committees the SDP Q2 report went to: one item each, carrying the same paper.
PATHWAY = ["hrph", "cype", "asch", "gedc", "environment-and-transport"]

# The 19/00080 report and Appendix 1 are for publication; Appendix 2 is exempt (001 l.1399-1403).
DOCUMENTS = {
    ("policy-and-resources", D(2019, 11, 8), "12"): [
        ("Report: Disposal of the Former Sittingbourne AEC", "report", 6, None),
        ("Appendix 1: Site plan", "appendix", 1, None),
        ("Appendix 2: Offers received", "appendix", 2, X),
        ("Proposed record of decision 19/00080", "decision", 3, None),
    ],
}

# Attendance: meeting → (present, substitutes as (name, for), also present, apologies, chaired by)
ATTENDANCE = {
    ("policy-and-resources", D(2019, 9, 20)): (
        [
            "Mr R A Marsh",
            "Mr P V Barrington-King",
            "Mr R H Bird",
            "Mr T Bond",
            "Mr N J D Chard",
            "Mr G Cooke",
            "Mrs M E Crabtree",
            "Mrs T Dean, MBE",
            "Mr D Farrell",
            "Mr P W A Lake",
            "Mr D Murphy",
            "Mr M D Payne",
            "Mr H Rayner",
            "Mr I Thomas",
        ],
        [],
        ["Miss S J Carey", "Mr E E C Hotson", "Mr P M Hill, OBE", "Mr P J Oakford", "Miss C Rankin"],
        ["Mr B J Sweetland", "Mr Cockburn"],
        "Mr R A Marsh",
    ),
    ("cabinet", D(2017, 10, 30)): (
        [
            "Mr M A C Balfour",
            "Miss S J Carey",
            "Mr P B Carter, CBE",
            "Mr M C Dance",
            "Mr R W Gough",
            "Mr P M Hill, OBE",
            "Mr E E C Hotson",
            "Mr P J Oakford",
        ],
        [("Mrs A Marsh", "Mr G K Gibbens"), ("Mrs M E Crabtree", "Mr J D Simmonds, MBE")],
        [],
        ["Mr G K Gibbens", "Mr J D Simmonds, MBE"],
        "Mr P B Carter, CBE",
    ),
}
DECLARATIONS = {
    ("policy-and-resources", D(2019, 9, 20)): [
        (
            "Mr I Thomas",
            "Chairman of the Planning Committee at Canterbury City Council: some items would require "
            "planning permission before decisions could be implemented.",
        ),
    ],
}

# Minutes: meeting → (number, title, item number or "", exempt business)
MINUTES = {
    ("policy-and-resources", D(2019, 9, 20)): [
        (179, "Apologies and Substitutes", "2", False),
        (180, "Declarations of Interest by Members in items on the Agenda", "3", False),
        (181, "Minutes of the meeting held on 13 June 2019", "4", False),
        (182, "Strategic and Corporate Services Performance Dashboard", "5", False),
        (183, "Embedding Social Value", "6", False),
        (184, "Annual Equality and Diversity Report 2018-19", "7", False),
        (185, "Domestic Abuse Strategy", "8", False),
        (186, "Work Programme 2019-2020", "9", False),
        (187, "Exclusion of the Press and Public", "", False),
        (188, "Maximising returns from Capital Disposals", "10", True),
        (189, "19/00057 - East Kent TFM - Contract Extension", "11", True),
        (190, "19/00058 - Maidstone East Development", "12", True),
        (191, "19/00070 - Letting of the building contract for the Southborough Hub Project", "13", True),
    ],
    ("cabinet", D(2017, 10, 30)): [
        (35, "Apologies", "2", False),
        (36, "Declarations of Interest", "3", False),
        (37, "Minutes of the Meeting held on 25 September 2017", "4", False),
        (38, "Budget monitoring - August 2017", "5", False),
        (39, "Motion to exclude the press and public", "", False),
        (40, "Education Services Company - Update (public minute of exempt item)", "6", True),
    ],
    # Minutes follow the order business was taken: Item 2 after Item 3, Item 9 after Item 11 (003 l.110-200).
    ("policy-and-resources", D(2017, 6, 16)): [
        (2, "Introduction/Webcast announcement", "1", False),
        (3, "Apologies and Substitutes", "3", False),
        (4, "Election of Vice-Chairman", "2", False),
        (5, "Declarations of Interest by Members in items on the Agenda", "4", False),
        (6, "Minutes of the meetings held on 8 March 2017 and 25 May 2017", "5", False),
        (7, "Minutes of the Property Sub-Committee held on 21 February 2017", "6", False),
        (8, "Strategic and Corporate Service Directorate Dashboard", "7", False),
        (9, "Revenue & Capital Budget Monitoring Report 2016-17 - Provisional Outturn", "8", False),
        (10, "Annual Report on the Implementation of the Armed Forces Covenant in Kent", "10", False),
        (11, "Work Programme", "11", False),
        (12, "Total Facilities Management - Bi-annual Review", "9", False),
        (13, "Motion to Exclude the Press and Public", "", False),
        (14, "Business Services Centre Trading Company", "12", True),
        (15, "ICT Security Update", "13", True),
    ],
    ("property-sub-committee", D(2017, 3, 21)): [
        (97, "Apologies and Substitutions", "A1", False),
        (98, "Declarations of interest in items on the agenda", "A2", False),
        (99, "Minutes of the meeting held on 21 February 2017", "A3", False),
        (100, "Appropriation of Land at Boughton Mount, Boughton Lane, Maidstone", "B1", False),
        (101, "Cross-Party Security Working Group", "B2", False),
        (102, "Priority School Building Programme - Local Delivery", "B3", False),
        (103, "Cross-Party Security Working Group", "B2", True),
        (104, "Outcomes of Property Disposals", "C1", True),
    ],
}
MINUTE_TEXT = {
    188: "RESOLVED that the contents of the report be noted, the omitted Appendix be circulated to committee members "
    "shortly after the meeting, and the next steps be considered further in January 2020 and following a briefing "
    "for Members.",
    189: "RESOLVED that the proposed decision by the Cabinet Member for Corporate and Democratic Services be endorsed.",
    190: "RESOLVED that the proposed decision be endorsed subject to a further review by the Cabinet Committee.",
    191: "RESOLVED that the proposed decision by the Cabinet Member for Corporate and Democratic Services be endorsed.",
    102: "RESOLVED (6:1) as set out in the minutes.",
}
MINUTE_DECISIONS = {189: "19/00057", 190: "19/00058", 191: "19/00070"}

# Decisions: number, subject, portfolio title or "Cabinet", key criteria, informal board (code, when), activities
DECISIONS = [
    ("19/00057", "East Kent TFM - Contract Extension", "Corporate and Democratic Services", "", None, ("73",)),
    ("19/00058", "Maidstone East Development", "Cabinet", "", None, ()),
    (
        "19/00070",
        "Letting of the building contract for the Southborough Hub Project",
        "Corporate and Democratic Services",
        "",
        None,
        (),
    ),
    (
        "19/00077",
        "Barton Court Free School - Building Contract with Kier Construction and Project Delivery Grant "
        "Agreement with the Department for Education",
        "Finance, Corporate and Traded Services",
        "a",
        ("icb", "June 2019"),
        (),
    ),
    (
        "19/00080",
        "Disposal of the Former Sittingbourne AEC and land to the rear, College Road, Sittingbourne, ME10 1LF",
        "Finance, Corporate and Traded Services",
        "a",
        None,
        ("70",),
    ),
    ("19/00072", "Oakwood House Development", "Finance, Corporate and Traded Services", "a", None, ("72",)),
]
OUTCOMES = {
    "19/00057": ("endorsed", ""),
    "19/00058": ("endorsed_subject_to", "a further review by the Policy and Resources Cabinet Committee"),
    "19/00070": ("endorsed", ""),
}
UNDERTAKINGS = [
    (
        "19/00058",
        D(2019, 9, 20),
        "Mr E E C Hotson",
        "Not to make a decision until after the heads of terms are made available to the Cabinet Committee.",
    ),
]

# Work programme entries: body, year, meeting date or slot, title, lead officer, origin, origin text,
# recurrence, exempt, note, activities
OTHER, FUTURE = "other", "future"
WORK_PROGRAMME = [
    # 2017/18 (003 l.3127-3140): the four standard items of 5 December go on to 2 February and 16 March by
    # generation (services.generate_recurring).
    (2017, D(2017, 12, 5), "Performance Dashboards", "Godfrey & Fitzgerald", "standing", "", "standard", False, "", ()),
    (2017, D(2017, 12, 5), "Financial Monitoring", "Wood", "standing", "", "standard", False, "", ()),
    (2017, D(2017, 12, 5), "Work Programme", "", "standing", "", "standard", False, "", ()),
    (
        2017,
        D(2017, 12, 5),
        "Contract Management update",
        "",
        "agenda_setting",
        "8 August 2017",
        "standard",
        False,
        "",
        (),
    ),
    (2017, D(2017, 12, 5), "Business Services Centre", "", "standing", "July and December", "biannual", False, "", ()),
    (2017, D(2017, 12, 5), "Annual Equalities Report", "", "standing", "", "annual", False, "", ()),
    (2017, D(2017, 12, 5), "Asset Management Strategy 2017-2022", "", "other", "", "", False, "", ()),
    (2017, D(2017, 12, 5), "Commercial Services", "", "other", "", "", False, "", ()),
    (2017, D(2017, 12, 5), "Invicta Law", "", "other", "", "", False, "", ()),
    (2017, D(2017, 12, 5), "Gen2 with Total Facilities Management", "", "standing", "", "biannual", False, "", ()),
    (2017, D(2017, 12, 5), "Website usage", "", "minute", "minute 8(e) 16 June 2017", "", False, "", ()),
    (2017, D(2017, 12, 5), "Business Planning 2018/19", "", "agenda_setting", "8 August 2017", "annual", False, "", ()),
    (2017, D(2017, 12, 5), "Microsoft contract", "", "agenda_setting", "8 August 2017", "", False, "", ()),
    (2017, D(2017, 12, 5), "Policy Framework update", "", "agenda_setting", "8 August 2017", "", False, "", ()),
    (
        2017,
        OTHER,
        "Gravesham Gateway",
        "",
        "other",
        "",
        "",
        False,
        "P&R or Property Sub-Committee, to be confirmed",
        (),
    ),
    (2017, OTHER, "ICT Strategy & Business Planning", "", "other", "", "", False, "", ()),
    # 2019/20, last updated 31 October 2019 (001 l.1293-1329).
    (
        2019,
        D(2020, 1, 21),
        "Strategy and Policy Framework",
        "David Whittle / Liz Sanderson",
        "request",
        "request 13.09.19",
        "",
        False,
        "",
        (),
    ),
    (2019, D(2020, 1, 21), "VCS Policy", "Lydia Jackson", "other", "", "", False, "", ("68",)),
    (
        2019,
        D(2020, 1, 21),
        "Maximising returns from Capital Disposals",
        "",
        "minute",
        "minute 188, 20 September 2019",
        "",
        False,
        "",
        (),
    ),
    (2019, D(2020, 1, 21), "Update on Invicta Law", "", "standing", "", "biannual", False, "", ()),
    (
        2019,
        D(2020, 1, 21),
        "Strategic and Corporate Service Directorate Performance Dashboard",
        "",
        "standing",
        "",
        "every_other",
        False,
        "",
        (),
    ),
    (2019, D(2020, 1, 21), "Work Programme 2019/20", "", "standing", "", "standard", False, "", ()),
    (
        2019,
        D(2020, 3, 20),
        "Corporate Assurance Commissioning Framework Development Group",
        "C. Rankin",
        "standing",
        "",
        "annual",
        False,
        "",
        (),
    ),
    (
        2019,
        D(2020, 3, 20),
        "Strategic and Corporate Services Risk Management",
        "",
        "standing",
        "",
        "annual",
        False,
        "",
        (),
    ),
    (2019, D(2020, 3, 20), "Work Programme 2019/20", "", "standing", "", "standard", False, "", ()),
    (2019, D(2020, 5, 12), "Contract Management Review Group update", "", "standing", "", "biannual", True, "", ()),
    (
        2019,
        D(2020, 5, 12),
        "Strategic Delivery Plan Monitoring",
        "",
        "other",
        "agreed at Corporate Board in July 2019",
        "six_monthly",
        False,
        "",
        (),
    ),
    (
        2019,
        D(2020, 5, 12),
        "Strategic and Corporate Service Directorate Performance Dashboard",
        "",
        "standing",
        "",
        "every_other",
        False,
        "",
        (),
    ),
    (2019, D(2020, 5, 12), "Work Programme 2019/20", "", "standing", "", "standard", False, "", ()),
    (
        2019,
        FUTURE,
        "Fair Funding Review",
        "Z. Cooke",
        "other",
        "",
        "",
        False,
        "potentially coming to the September 2020 meeting",
        ("63",),
    ),
]
# Targeted at 8 November 2019, then deferred for a year (the note sits in the seed's "added" column).
DEFERRED = (
    2019,
    D(2019, 11, 8),
    "Update on Legislative Changes around Business Rate Retention",
    ("63",),
    "Put on hold for a year as a result of the one-year spending round.",
)
WP_UPDATED = {2019: D(2019, 10, 31)}

# The CMRG's forward plan of reviews, endorsed on 8 November 2019 (001 l.1192-1205): an informal board's plan.
CMRG_PLAN = [
    (D(2019, 11, 29), "Westbrook and Westview PFI"),
    (D(2019, 12, 3), "Extra Care Housing; Section 75 Learning Disability"),
    (D(2020, 1, 7), "Microsoft and Oracle"),
    (D(2020, 2, 4), "Equipment and telecare; sensory and advocacy"),
    (D(2020, 3, 3), "KCS contracts; school building"),
    (D(2020, 4, 7), "Community Navigation; Waste Transfer Stations"),
    (None, "Large road schemes; vulnerable and homeless support"),
]

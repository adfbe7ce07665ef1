"""Writes this folder's CSV files from the figures typed below (README.md says which are the seed's and which
were chosen). Run it again after changing them: `python councilplan/qpr/sample/build_sample.py`."""

from __future__ import annotations

import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCS, GET, CYPE, SCHW = (
    "Strategic and Corporate Services",
    "Growth, Environment and Transport",
    "Children, Young People and Education",
    "Social Care, Health and Wellbeing",
)

# The seven areas in the report's order (seed 004 lines 1120-1130), their Cabinet Members and Corporate
# Director (1161-1162, 1267-1268, 1387-1388, 1500-1501, 1593-1594, 1700-1701, 1785-1786). Directorates: chosen.
AREAS = [
    ("Customer Services", SCS, "Susan Carey", "Amanda Beer", "Corporate Director"),
    ("Economic Development & Communities", GET, "Mark Dance, Mike Hill", "Barbara Cooper", "Corporate Director"),
    ("Environment and Transport", GET, "Matthew Balfour", "Barbara Cooper", "Corporate Director"),
    ("Education and Young People", CYPE, "Roger Gough", "Patrick Leeson", "Corporate Director"),
    ("Specialist Children's Services", SCHW, "Roger Gough", "Andrew Ireland", "Corporate Director"),
    ("Adult Social Care", SCHW, "Graham Gibbens", "Anu Singh", "Corporate Director"),
    ("Public Health", SCHW, "Peter Oakford", "Andrew Scott-Clark", "Director"),
]

# The executive summary's paragraph per area (lines 1146-1158), verbatim.
EXECUTIVE = [
    "Good performance was maintained for caller satisfaction, and complaints dealt with on time exceeded target. The percentage of phone calls to Contact Point which were answered improved and met target. Phone call volumes to Contact Point continue to reduce on an annual basis towards planned lower levels, with improved digital content on the web site.",  # noqa: E501
    "Jobs created and safeguarded from Regional Growth Fund loan schemes since 2012 is now at over 4,000 jobs. The No Use Empty programme, which returns long term empty domestic properties into active use, continues to deliver ahead of target. Library visits and book issues were above expectations in the quarter. Economic indicators remain positive with economic activity levels being high.",  # noqa: E501
    "Core service delivery for Highways maintenance was above target for three indicators with demand for works at expected levels for the time of year. Resident satisfaction with completed Highways schemes improved compared to last quarter, but remained below target. The percentage of municipal waste diverted from landfill at 99% continues to exceed target. The recycling rate at Household Waste Recycling Centres was below target and management action has been taken to address this with results expected to improve in the next quarter. The council continues to reduce its Greenhouse gas emissions supported by programmes such as LED Streetlight conversions.",  # noqa: E501
    "Ofsted inspection results for schools and Early Years settings continue to meet target with year on year improvement. Apprenticeship take-up and NEET figures for Young People have also shown year on year improvement, although this has been behind targets set. Completion of Education, Health and Care Plans (EHCPs) in timescale remain below floor standard with the service being under pressure due to a significant increase in demand, including work to convert existing SEN statements to EHCPs. However Kent continues to perform above national average for completion of EHCPs in timescale. Outcomes achieved for Early Help cases improved, moving closer to target. The number of pupil exclusions and first time entrants to the youth justice both continue to be at historic low levels in line with targets.",  # noqa: E501
    "The percentage of qualified social worker posts held by permanent staff improved in the quarter, and further improvements are expected through recruitment of Newly Qualified Social Workers. The percentage of child protection plans which are repeat plans remains within the target range, with the percentage of Case File audits judged as Good improving above target. Adoption timeliness remained ahead of target, and use of in-house fostering was above target. Placement stability for children in care improved to meet target. The percentage of Care Leavers in education, employment and training continues to increase and has achieved target. The number of local children in care remained stable at a new low level of 1,400, and the rate of children with protection plans saw another increase similar to the previous quarter, and is now close to the national average.",  # noqa: E501
    "The percentage of contacts resolved at first point of contact increased in the quarter ahead of target. The number of clients supported with Telecare, also increased, now at 6,769, and was close to target. Clients referred to enablement remained significantly behind target, with the service continuing to support clients beyond the usual expected short-term period, due to difficulty in securing appropriate on-going home care support. There continues to be problems securing home care support in certain parts of the county, particularly in rural areas. The percentage of clients still independent after an enablement service met the 60% target. The number of admissions to residential and nursing care increased and remains higher than target. The percentage of delayed discharges from hospital where social care is considered to be responsible increased in the quarter, but performance remained ahead of the local target of 30%.",  # noqa: E501
    "The number of Health Checks completed increased and moved further ahead of target. The number of universal checks delivered by the Health Visiting service also increased and moved further ahead of target. Clients offered appointments to GUM services to be seen within 48 hours remained at 100%. Clients successfully completing treatment for drug and alcohol problems remained slightly below target.",  # noqa: E501
]

# key, area (index), description, unit, polarity, target, floor, Q1 (June 2017), Q2 (September 2017),
# September 2016 (or None), the Q2 commentary. CS-3's results are read from the feedback log when the sample
# loads (None here). Values: see README.md ("stated" and "chosen").
P, N, D = "percentage", "number", "days"
H, L = "higher", "lower"
KPIS = [
    (
        "CS-1",
        0,
        "Percentage of callers who rate the advisors in Contact Point as good",
        P,
        H,
        95,
        90,
        97,
        96,
        None,
        "Satisfaction with Contact Point advisors remained high in the quarter and exceeded the target.",
    ),
    (
        "CS-2",
        0,
        "Percentage of phone calls to Contact Point which were answered",
        P,
        H,
        95,
        80,
        94,
        95,
        None,
        "Performance for the percentage of calls answered by Contact Point (KCC's call centre) improved and achieved "
        "target.",
    ),
    (
        "CS-3",
        0,
        "Percentage of complaints responded to within timescale",
        P,
        H,
        85,
        80,
        None,
        None,
        None,
        "87% of the 918 complaints received in the quarter were responded to within timescale, against 91% in the "
        "quarter before; above target.",
    ),
    (
        "EDC-1",
        1,
        "Number of jobs created and safeguarded from Regional Growth Fund loan schemes (since 2012)",
        N,
        H,
        4200,
        3800,
        3950,
        4054,
        None,
        "Jobs created and safeguarded from the Regional Growth Fund loan schemes since 2012 now stand at 4,054.",
    ),
    (
        "EDC-2",
        1,
        "Number of long-term empty homes brought back into use by No Use Empty (in the quarter)",
        N,
        H,
        100,
        85,
        118,
        109,
        None,
        "109 long-term empty homes were brought back into use in the quarter (5,246 since 2005), ahead of target.",
    ),
    (
        "ET-1",
        2,
        "Percentage of routine pothole repairs completed within 28 days",
        P,
        H,
        90,
        80,
        92,
        94,
        None,
        "Above target: one of the three highway measures above target in the quarter.",
    ),
    (
        "ET-2",
        2,
        "Percentage of routine highway faults reported by residents completed within 28 days",
        P,
        H,
        90,
        80,
        91,
        93,
        None,
        "Above target: one of the three highway measures above target in the quarter.",
    ),
    (
        "ET-3",
        2,
        "Percentage of emergency highway incidents attended within 2 hours",
        P,
        H,
        98,
        95,
        100,
        99,
        None,
        "Above target: one of the three highway measures above target in the quarter.",
    ),
    (
        "ET-4",
        2,
        "Percentage of residents satisfied with completed highway schemes",
        P,
        H,
        75,
        60,
        44,
        66,
        None,
        "Resident satisfaction with completed roadworks has increased to 66% (from 44% last quarter); this remains "
        "below the target of 75%.",
    ),
    (
        "ET-5",
        2,
        "Percentage of municipal waste diverted from landfill (rolling 12 months)",
        P,
        H,
        95,
        90,
        98.7,
        98.9,
        None,
        "Over the last 12 months only 1.1% of waste was taken to landfill.",
    ),
    (
        "ET-6",
        2,
        "Percentage of waste recycled and composted at Household Waste Recycling Centres",
        P,
        H,
        70,
        65,
        70.5,
        68.7,
        None,
        "Recycling levels at HWRCs missed target, with this quarter's performance at 68.7%, due to a short term "
        "operational issue.",
    ),
    (
        "ET-7",
        2,
        "Greenhouse gas emissions from KCC's estate and operations (tonnes CO2e, rolling 12 months)",
        N,
        L,
        36000,
        38000,
        36200,
        35900,
        None,
        "Emissions from street lighting and the corporate estate continue to reduce. (The seed's prose calls this "
        "measure slightly behind target; the printed counts make it Green: see the sample's README.)",
    ),
    (
        "EYP-1",
        3,
        "Percentage of pupils attending good or outstanding schools",
        P,
        H,
        90,
        85,
        90.6,
        91.4,
        88.8,
        "In August 2017 91.4% of pupils were attending good or outstanding schools compared to 88.8% at the same "
        "time last year.",
    ),
    (
        "EYP-2",
        3,
        "Percentage of Early Years settings rated good or outstanding",
        P,
        H,
        97,
        90,
        97,
        97,
        None,
        "The percentage of Early Years settings rated Good or Outstanding in August was 97%, equal to the target.",
    ),
    (
        "EYP-3",
        3,
        "Percentage of 16 to 18 year olds who start an apprenticeship",
        P,
        H,
        5.5,
        5.0,
        5.3,
        5.3,
        None,
        "The current estimate is 5.3%, just below the target and similar to last year.",
    ),
    (
        "EYP-4",
        3,
        "Percentage of 16 to 17 year olds not in education, employment or training (NEET)",
        P,
        L,
        3.0,
        3.5,
        3.1,
        3.1,
        None,
        "NEET is not reported for September, as young people find new placements at the start of the academic "
        "year: the figure is the latest reported (3.1%, national 2.8%).",
    ),
    (
        "EYP-5",
        3,
        "Percentage of Education, Health and Care Plans issued within 20 weeks",
        P,
        H,
        85,
        75,
        76,
        74,
        None,
        "74% (658 of 890) were issued within the statutory 20 weeks in the quarter, against a target of 85%.",
    ),
    (
        "EYP-6",
        3,
        "Percentage of Early Help cases closed with outcomes achieved",
        P,
        H,
        80,
        75,
        76,
        78,
        None,
        "Increased to 78%, 2 percentage points below the target.",
    ),
    (
        "EYP-7",
        3,
        "Permanent exclusions as a percentage of the school population (rolling 12 months)",
        P,
        L,
        0.03,
        0.05,
        0.03,
        0.03,
        None,
        "Remains stable at 0.03% and meets the target; 69 pupils excluded in the last 12 months (60 the year before).",
    ),
    (
        "EYP-8",
        3,
        "Number of first-time entrants to the youth justice system (rolling 12 months)",
        N,
        L,
        330,
        370,
        331,
        326,
        None,
        "326 in the last 12 months, better than the target of 330.",
    ),
    (
        "EYP-9",
        3,
        "Percentage of families securing their first preference Primary school",
        P,
        H,
        85,
        80,
        89,
        89,
        None,
        "89% of families secured their first preference school for Primary school places.",
    ),
    (
        "SCS-1",
        4,
        "Percentage of case-holding social worker posts held by permanent qualified social workers",
        P,
        H,
        85,
        75,
        80,
        81,
        None,
        "81% in September 2017 (80% last quarter).",
    ),
    (
        "SCS-2",
        4,
        "Percentage of child protection plans that were repeat plans",
        P,
        L,
        22.5,
        25,
        18,
        18,
        None,
        "18%, unchanged and within the target range.",
    ),
    (
        "SCS-3",
        4,
        "Percentage of case file audits judged good or outstanding",
        P,
        H,
        70,
        60,
        70,
        71,
        None,
        "Improved to 71% (70% last quarter), above target.",
    ),
    (
        "SCS-4",
        4,
        "Average number of days between a child entering care and moving in with its adoptive family "
        "(rolling 12 months)",
        D,
        L,
        426,
        500,
        350,
        338,
        None,
        "338 days (350 last quarter), better than the national target of 426 days.",
    ),
    (
        "SCS-5",
        4,
        "Percentage of children in care placed in KCC foster care or with family or friends",
        P,
        H,
        85,
        80,
        86,
        86,
        None,
        "86%, unchanged, above the target of 85%.",
    ),
    (
        "SCS-6",
        4,
        "Percentage of children in care for 2 years or more in the same placement for the last 2 years",
        P,
        H,
        70,
        65,
        68,
        70,
        None,
        "About 70%, up 2 percentage points, meeting the target.",
    ),
    (
        "SCS-7",
        4,
        "Percentage of care leavers in education, employment or training",
        P,
        H,
        65,
        55,
        64,
        65,
        None,
        "65% in September 2017, meeting the target.",
    ),
    (
        "ASC-1",
        5,
        "Percentage of contacts resolved at first point of contact",
        P,
        H,
        70,
        65,
        72,
        74,
        None,
        "Increased in the quarter, ahead of target.",
    ),
    (
        "ASC-2",
        5,
        "Number of referrals to enablement (in the quarter)",
        N,
        H,
        1175,
        1060,
        1050,
        1000,
        None,
        "175 fewer referrals than the target, 14.9% behind.",
    ),
    (
        "ASC-3",
        5,
        "Percentage of clients still independent after enablement",
        P,
        H,
        60,
        55,
        61,
        60,
        None,
        "Met the 60% target.",
    ),
    (
        "ASC-4",
        5,
        "Number of clients receiving Telecare",
        N,
        H,
        7000,
        6500,
        6650,
        6769,
        None,
        "Increased to 6,769, close to target.",
    ),
    (
        "ASC-5",
        5,
        "Admissions of people aged 65 and over to permanent residential and nursing care (weekly average)",
        N,
        L,
        29,
        31,
        28.8,
        29.5,
        None,
        "Admissions increased in the quarter and are higher than target.",
    ),
    (
        "ASC-6",
        5,
        "Percentage of delayed discharges where social care is responsible",
        P,
        L,
        30,
        32,
        27.0,
        27.9,
        None,
        "27.9%, within the 30% target.",
    ),
    (
        "PH-1",
        6,
        "Number of NHS Health Checks delivered (in the quarter)",
        N,
        H,
        10000,
        9000,
        11300,
        11800,
        None,
        "More than 23,000 Health Checks in the first six months of the year, further ahead of target.",
    ),
    (
        "PH-2",
        6,
        "Number of mandated checks delivered by the Health Visiting service (in the quarter)",
        N,
        H,
        16250,
        14600,
        17900,
        18450,
        None,
        "More than 18,400 universal checks in the quarter, ahead of the target of 65,000 a year.",
    ),
    (
        "PH-3",
        6,
        "Percentage of clients offered a GUM appointment to be seen within 48 hours",
        P,
        H,
        90,
        85,
        100,
        100,
        None,
        "Remained at 100%.",
    ),
    (
        "PH-4",
        6,
        "Percentage of clients successfully completing drug and alcohol treatment (rolling 12 months)",
        P,
        H,
        25,
        20,
        24.5,
        24.3,
        None,
        "Remained slightly below target.",
    ),
]


# The activity indicators (spec/qpr.md, "Activity indicators and context figures"): key, area (index),
# description, unit, the 2017/18 thresholds (lower, upper) or None, results {period: value} and the Q2
# commentary. The seed keeps no threshold values: those given here are chosen so that the alert is the one its
# prose states (README.md, "Chosen"), except the web-site's, which are seed 003's for the same measure. Where the
# seed states no alert (the context figures) there are no thresholds and the indicator is shown against the
# same period a year before. Values marked "chosen" in README.md are not in the seed; every other is.
ACTIVITIES = [
    (
        "CS-A1",
        0,
        "Number of visits to the KCC website, kent.gov (000s, monthly average in the quarter)",
        N,
        (1480, 1740),
        {"2017-09": 1700},
        "Visits to the KCC web-site were within the expected range.",
    ),
    (
        "CS-A2",
        0,
        "Number of phone calls, e-mails and post responded to by Contact Point (000s, in the quarter)",
        N,
        None,
        {"2016-12": 160, "2017-03": 175, "2017-06": 159, "2017-09": 177},
        "Contact Point dealt with 11.4% more enquiries than the previous quarter, but 10.4% less than for the "
        "same period last year. The 12 months to September 2017 saw 17% fewer contacts responded to than the year "
        "to September 2016 (671 thousand against 809 thousand).",
    ),
    (
        "EDC-A1",
        1,
        "Number of visits to libraries (000s, in the quarter)",
        N,
        (1250, 1400),
        {"2017-09": 1420},
        "Visits to libraries over this quarter exceeded business plan expectations.",
    ),
    (
        "EDC-A2",
        1,
        "Number of library book issues (000s, in the quarter)",
        N,
        (1100, 1240),
        {"2017-09": 1260},
        "Book issues were higher than expected.",
    ),
    (
        "EDC-A3",
        1,
        "Section 106 developer contributions secured (£000s, in the quarter)",
        N,
        None,
        {"2016-12": 2018, "2017-03": 58899, "2017-06": 5293, "2017-09": 5357},
        "In the second quarter ending September 2017, 18 Section 106 agreements were completed and a total of "
        "£5.35m secured.",
    ),
    (
        "ET-A1",
        2,
        "Number of new highway enquiries raised for action (in the quarter)",
        N,
        (23000, 29000),
        {"2016-09": 25624, "2017-09": 23704},
        "New enquiries raised for action by customers in this quarter were at the lower end of seasonal "
        "expectations at 23,704 compared to 25,624 for the same time last year.",
    ),
    (
        "ET-A2",
        2,
        "Number of open highway enquiries awaiting action (work in progress)",
        N,
        (5500, 7500),
        {"2016-09": 5930, "2017-09": 5688},
        "Customer enquiry work in progress is also at the lower end of seasonal expectations with 5,688 open "
        "enquiries awaiting action compared to 5,930 this time last year.",
    ),
    (
        "SCS-A1",
        4,
        "Number of children with child protection plans",
        N,
        (1150, 1450),
        {"2017-06": 1283, "2017-09": 1393},
        "There were 1,393 children with child protection plans at the end of September 2017, an increase of 110 "
        "from the previous quarter and within the expected range.",
    ),
    (
        "SCS-A2",
        4,
        "Number of referrals to children's social care (in the quarter)",
        N,
        None,
        {"2016-09": 3922, "2017-06": 5176, "2017-09": 5012},
        "Referrals decreased slightly to 5,012 from 5,176 in the previous quarter, a seasonal trend; 28% more than "
        "in Quarter 2 of 2016/17 (3,922).",
    ),
    (
        "SCS-A3",
        4,
        "Number of open cases (caseload) in Specialist Children's Services",
        N,
        None,
        {"2017-03": 9840, "2017-09": 10606},
        "The caseload increased from 9,840 at the end of March 2017 to 10,606 at the end of September 2017.",
    ),
    (
        "SCS-A4",
        4,
        "Number of indigenous children in care",
        N,
        None,
        {"2017-06": 1398, "2017-09": 1403},
        "At 1,403 the number of indigenous children in care increased by 5 in the quarter.",
    ),
    (
        "SCS-A5",
        4,
        "Number of unaccompanied asylum seeking children (UASC) in care",
        N,
        None,
        {"2017-06": 403, "2017-09": 351},
        "351 at the end of September 2017, a reduction of 52 since June 2017.",
    ),
    (
        "SCS-A6",
        4,
        "Number of care leavers",
        N,
        None,
        {"2017-06": 1419, "2017-09": 1457},
        "The number of care leavers increased from 1,419 in June 2017 to 1,457 in September 2017.",
    ),
]


def _write(name: str, header: list[str], rows: list[list]) -> None:
    with open(HERE / name, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def _cell(value) -> str:
    return "" if value is None else str(value)


def build() -> None:
    _write(
        "areas.csv",
        ["order", "name", "directorate", "cabinet_members", "director", "director_title", "executive_summary"],
        [[i + 1, *area, EXECUTIVE[i]] for i, area in enumerate(AREAS)],
    )
    indicators, standards, results = [], [], []
    for key, area, description, unit, polarity, target, floor, q1, q2, a_year_before, words in KPIS:
        name, directorate, members, director, _ = AREAS[area]
        indicators.append(
            [
                key,
                "kpi",
                description,
                directorate,
                name,
                director,
                members,
                "",
                unit,
                polarity,
                "quarterly",
                "snapshot",
                "latest",
                "",
                "",
            ]
        )
        for year in (2016, 2017):
            standards.append([key, year, target, floor, "", ""])
        for period, value, note in (("2016-09", a_year_before, ""), ("2017-06", q1, ""), ("2017-09", q2, words)):
            if value is not None:
                results.append([key, period, _cell(value), "", note])
    for key, area, description, unit, thresholds, values, words in ACTIVITIES:
        name, directorate, members, director, _ = AREAS[area]
        indicators.append(
            [
                key,
                "activity",
                description,
                directorate,
                name,
                director,
                members,
                "",
                unit,
                "higher",
                "quarterly",
                "snapshot",
                "latest",
                "",
                "",
            ]
        )
        if thresholds is not None:
            standards.append([key, 2017, "", "", *thresholds])
        latest = max(values)
        for period, value in sorted(values.items()):
            results.append([key, period, _cell(value), "", words if period == latest else ""])
    _write(
        "indicators.csv",
        [
            "ref",
            "kind",
            "description",
            "directorate",
            "service_area",
            "director",
            "cabinet_member",
            "delivery_partner",
            "unit",
            "polarity",
            "frequency",
            "year_to_date",
            "shown_as",
            "paired_with",
            "owner",
        ],
        indicators,
    )
    _write("standards.csv", ["ref", "year", "target", "floor", "lower", "upper"], standards)
    _write("results.csv", ["ref", "period", "value", "year_to_date", "commentary"], results)


if __name__ == "__main__":
    build()

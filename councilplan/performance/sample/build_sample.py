"""Writes the performance sample's CSV files from the figures below (run it to regenerate them):

    python councilplan/performance/sample/build_sample.py

What comes from seed 003 (lines 353–668) and what is chosen is set out in README.md beside this file. In
short: descriptions, service areas, targets, floors, thresholds, the latest results, year-to-date figures,
previous-year figures and commentary are the seed's; the earlier months of 2017/18 are chosen so that each
indicator's year to date and direction of travel come out as the seed prints them; the months between the
previous year's figure and April 2017 are a straight line between the two, to give the charts a history.
"""

from __future__ import annotations

import csv
import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
DIRECTORATE = "Strategic and Corporate Services"

# (name, director, cabinet member, delivered by): seed 003's "Service Area | Director | Cabinet Member |
# Delivery by" rows, in its order.
AREAS = {
    "cs": ("EODD - Customer Services", "Amanda Beer", "Susan Carey", "Agilisys"),
    "eodd": ("EODD", "Amanda Beer", "Eric Hotson", "EODD"),
    "eodd-bsc": ("EODD", "Amanda Beer", "Eric Hotson", "Business Service Centre"),
    "fn": ("Finance", "Andy Wood", "John Simmonds", "Finance"),
    "fn-bsc": ("Finance", "Andy Wood", "John Simmonds", "Business Service Centre"),
    "gl": ("Governance and Law", "Ben Watts", "Eric Hotson", "Governance and Law"),
    "ict": ("Infrastructure - ICT", "Rebecca Spore", "Eric Hotson", "Business Service Centre"),
    "pi": ("Infrastructure - Property", "Rebecca Spore", "Eric Hotson", "Infrastructure"),
    "pi-fm": ("Infrastructure - Property", "Rebecca Spore", "Eric Hotson", "Kier, Amey, and Skanska"),
}
# Chosen: one results owner per service area (fictional addresses; they get no password).
OWNERS = {
    "cs": "customer.services.performance@kent.example",
    "eodd": "eodd.performance@kent.example",
    "eodd-bsc": "eodd.performance@kent.example",
    "fn": "finance.performance@kent.example",
    "fn-bsc": "finance.performance@kent.example",
    "gl": "governance.performance@kent.example",
    "ict": "ict.performance@kent.example",
    "pi": "property.performance@kent.example",
    "pi-fm": "property.performance@kent.example",
}

# KPIs: ref, area, description, target, floor, polarity, frequency, year to date ("cumulative"/"snapshot"),
# decimals, the months of 2017/18 from April (the last one is the seed's latest), the seed's year to date
# (None: snapshot or N/a), the seed's previous year (None: N/a or New).
KPIS = [
    ("CS01", "cs", "Percentage of callers who rate the advisors in Contact Point as good", 95, 90, "higher",
     "monthly", "cumulative", 0, [98, 99, 98, 97], 98, 98),
    ("CS04", "cs", "Percentage of calls to Contact Point answered", 95, 80, "higher",
     "monthly", "cumulative", 0, [94, 94, 93, 95], 94, 97),
    ("CS05", "cs", "Percentage of calls to Contact Point answered in 40 seconds", 80, 70, "higher",
     "monthly", "cumulative", 0, [68, 67, 69, 71], 69, 83),
    ("CS07", "eodd", "Percentage of complaints responded to in timescale", 85, 80, "higher",
     "monthly", "cumulative", 0, [92, 90, 91], 91, 86),
    ("HR22", "eodd", "Delivery of Health & Safety Action Plan against stated outcomes", 80, 75, "higher",
     "quarterly", "cumulative", 0, [100], 100, None),
    ("HR24", "eodd", "Percentage of HR Commissions that deliver stated outcomes", 80, 75, "higher",
     "quarterly", "cumulative", 0, [100], 100, None),
    ("HR09", "eodd-bsc", "Percentage of training that delivers commissioned learning outcomes", 95, 90, "higher",
     "monthly", "cumulative", 0, [100, 100, 100], 100, 100),
    ("HR23", "eodd-bsc", "Percentage of staff who have completed all 3 mandatory learning events", 90, 85, "higher",
     "monthly", "cumulative", 0, [89, 89, 89], 89, None),
    ("FN01", "fn", "Pension correspondence processed within 15 working days", 98, 95, "higher",
     "monthly", "cumulative", 0, [98, 99, 99, 100], 99, 100),
    ("FN02", "fn", "Retirement benefits paid within 20 working days of all paperwork received", 90, 85, "higher",
     "monthly", "cumulative", 0, [97, 99, 98, 98], 98, 95),
    ("FN07", "fn", "Invoices received by Accounts Payable within 30 days of KCC received date", 85, 80, "higher",
     "monthly", "cumulative", 0, [82, 81, 85, 84], 83, 84),
    ("FN08", "fn-bsc", "Invoices received on time by Accounts Payable processed within 30 days", 96, 93, "higher",
     "monthly", "cumulative", 0, [99, 99, 99, 99], 99, 99),
    ("FN09", "fn-bsc", "Percentage of outstanding total debt over 6 months old", 55, 60, "lower",
     "monthly", "snapshot", 0, [55, 54, 52, 49], None, None),
    ("FN10", "fn-bsc", "Percentage of outstanding debt over 6 months old which is secured", 45, 38, "higher",
     "monthly", "snapshot", 0, [39, 40, 41, 43], None, None),
    ("FN11", "fn-bsc", "Percentage of financial assessments fully completed within 15 days of referral", 90, 85,
     "higher", "monthly", "cumulative", 0, [80, 78, 83, 95], 84, None),
    ("GL01", "gl", "Council and Committee papers published at least five clear days before meetings", 100, 96,
     "higher", "monthly", "cumulative", 0, [100, 86, 90, 100], 94, 100),
    ("GL02", "gl", "Freedom of Information Act requests completed within 20 working days", 95, 90, "higher",
     "monthly", "cumulative", 0, [93, 89, 91, 95], 92, 95),
    ("GL03", "gl", "Data Protection Act Subject Access requests completed within 40 calendar days", 90, 85,
     "higher", "monthly", "cumulative", 0, [76, 72, 82, 94], 81, 82),
    ("ICT01", "ict", "Calls to ICT Help Desk resolved at the First point of contact", 70, 65, "higher",
     "monthly", "cumulative", 0, [69, 68, 69, 70], 69, 71),
    ("ICT02", "ict", "Positive feedback rating with the ICT help desk", 95, 90, "higher",
     "monthly", "cumulative", 0, [99, 99, 99, 99], 99, 99),
    ("ICT03", "ict", "Working hours where Kent Public Sector Network (KPSN) is available to staff", "99.8", 99,
     "higher", "monthly", "cumulative", 1, ["99.9", 100, "98.1", 100], "99.5", "99.9"),
    ("ICT04", "ict", "Working hours where ICT Service available to staff", "99.0", "98.0", "higher",
     "monthly", "cumulative", 1, ["99.8", "99.7", "99.7", "99.6"], "99.7", "99.2"),
    ("ICT05", "ict", "Working hours where Email are available to staff", 99, 98, "higher",
     "monthly", "cumulative", 0, [100, 100, 100, 100], 100, 100),
    ("PI01", "pi", "Percentage of rent due to KCC outstanding at 60 days", 5, 15, "lower",
     "monthly", "snapshot", 0, [16, 18, 20, 24], None, 9),
    ("PI03", "pi", "Percentage of annual net capital receipts target forecast to be achieved (£28.285m)", 100, 90,
     "higher", "monthly", "cumulative", 0, [90, 92, 95, 100], None, 34),
    ("PI04", "pi-fm", "Percentage of reactive tasks completed within Service Level Agreement standards", 90, 80,
     "higher", "monthly", "cumulative", 0, [91, 92, 93], 92, 89),
]  # fmt: skip

# Activity indicators (numbers): ref, area, description, shown as ("latest"/"year_to_date"), paired KPI,
# lower, upper (None: no thresholds), the months of 2017/18 from April, the year-to-date figures (None: the
# running total of the months), the seed's previous-year figure for the same period.
ACTIVITY = [
    ("CS08", "cs", "Number of calls answered by Contact Point (000s)", "latest", "", "177.6", "196.3",
     ["188.2", "185.0", "190.4", "196.3"], None, "234.3"),
    ("CS12", "cs", "Number of visits to the KCC website, kent.gov (000s)", "latest", "", 1480, 1740,
     [1702, 1745, 1690, 1778], None, 1734),
    ("HR12", "eodd", "Number of current change activities being supported", "latest", "", 60, 75,
     [70, 72, 75], "-", 136),
    ("HR16", "eodd", "Number of registered users of Kent Rewards", "latest", "", 17275, 18875,
     [17880, 17990, 18075], "-", 17024),
    ("HR21", "eodd", "Number of current people management cases being supported", "latest", "", 70, 85,
     [80, 77, 74], "-", 87),
    ("HR13", "eodd-bsc", "Total number of E-learning training programmes completed", "year_to_date", "", 6250, 8750,
     [3410, 3480, 3471], None, 17525),
    ("FN01b", "fn", "Pension correspondence processed", "year_to_date", "FN01", None, None,
     [390, 395, 392, 397], None, 1728),
    ("FN02b", "fn", "Retirement benefits paid", "year_to_date", "FN02", None, None,
     [165, 170, 166, 170], None, 684),
    ("FN07b", "fn", "Number of invoices paid by KCC", "year_to_date", "FN07", None, None,
     [9800, 9950, 9790, 9948], None, 45340),
    ("FN09b", "fn-bsc", "Value of debt due to KCC (£000s)", "year_to_date", "FN09", None, None,
     [22980, 23120, 23310, 23445], [22980, 23120, 23310, 23445], 21447),
    ("FN11b", "fn-bsc", "Number of financial assessments received", "year_to_date", "FN11", None, None,
     [610, 680, 640, 610], None, None),
    ("GL01b", "gl", "Committee meetings", "year_to_date", "GL01", None, None, [6, 12, 9, 8], None, 52),
    ("GL02b", "gl", "Freedom of Information requests", "year_to_date", "GL02", None, None,
     [180, 175, 182, 180], None, 704),
    ("GL03b", "gl", "Data Protection Act Subject Access requests", "year_to_date", "GL03", None, None,
     [22, 25, 24, 24], None, 108),
    ("ICT01b", "ict", "Calls to ICT Help Desk", "year_to_date", "ICT01", None, None,
     [5150, 5120, 5090, 5176], None, 23094),
    ("ICT02b", "ict", "Feedback responses provided for ICT Help Desk", "year_to_date", "ICT02", None, None,
     [680, 650, 670, 679], None, 3282),
    ("PI01b", "pi", "Total rent outstanding (£'000s)", "year_to_date", "PI01", None, None,
     [1020, 1110, 1180, 1259], [1020, 1110, 1180, 1259], 645),
    ("PI04b", "pi-fm", "Number of reactive tasks responded to", "year_to_date", "PI04", None, None,
     [1590, 1610, 1602], None, 5000),
]  # fmt: skip
# The seed's figures for the latest period, to check the chosen months against.
SEED_ACTIVITY = {
    "CS08": "196.3", "CS12": 1778, "HR12": 75, "HR16": 18075, "HR21": 74, "HR13": 10361, "FN01b": 1574,
    "FN02b": 671, "FN07b": 39488, "FN09b": 23445, "FN11b": 2540, "GL01b": 35, "GL02b": 717, "GL03b": 95,
    "ICT01b": 20536, "ICT02b": 2679, "PI01b": 1259, "PI04b": 4802,
}  # fmt: skip

# Seed 003's commentary, on the latest result of the indicator it is about.
COMMENTARY = {
    "CS05": "Increase in call waiting times this year have been due to increased average handling times, staff "
    "turnover and one off service campaigns that have generated high call volumes. We have been working with the "
    "supplier to address these issues and improvements were delivered for July and further improvement is expected "
    "in coming months.",
    "CS08": "Reduced call volumes are a cost saving to KCC and efforts have been successful in achieving this.",
    "CS12": "The County Council election results generated a high number of website visits. Other reasons for "
    "peaks in visits included the 'One You' Public Health campaign, and the primary school offer day in April.",
    "HR23": "This has missed the target by 1%. Directorates have been receiving reports of completion levels; however "
    "the approach has recently changed and individuals will be notified when mandatory training is due for renewal. "
    "It is expected that this will result in an increase in the next quarter.",
    "HR13": "This is influenced by factors such as the launch of new programmes, staff recruitment and the "
    "introduction and renewal cycle of mandatory courses. There was a large increase in course completions last year "
    "because of the introduction of Prevent training.",
    "FN07": "The Head of Finance Operations has recently emailed all Budget Holders to remind them of the importance "
    "of processing invoices and submitting them to the Payments Team as quickly as possible.",
    "FN10": "The £650k owed by Canterbury Diocese is still outstanding for payment. The Director – Education, "
    "Planning & Access is leading for the negotiations regarding repayment of this debt. The Debt Recovery team have "
    "put in place a number of initiatives to reduce debt owed to the authority which includes regular meetings with "
    "Invicta Law to review their progress and to explore other avenues of securing debt.",
    "FN11": "The annual reassessment process of 16,000 clients impacted on the Assessments Team ability to meet this "
    "KPI in May and June. Delivery is now back to above target and this expected to continue.",
    "GL01": "The establishment of the new Council following the May election meant that some information was not "
    "available in time for publication of specific reports for the Annual County Council meeting in May and "
    "Selection and Member Services Committee in June.",
    "GL02": "Some delays in receiving approvals from Cabinet Members occurred over the election period and during "
    "the Cabinet reshuffle.",
    "GL03": "Most delays are due to the operational units not providing information in time and/or quality of "
    "information provided is poor. This is due to lack of resources and prioritising of front-line care. Others are "
    "due to queries over consent, legal involvement, and requests not recognised by recipient. The Information "
    "Resilience & Transparency Team continues to provide advice on the most efficient ways to prepare records to "
    "save time and resource. Guidance is also available on KNet and is issued with every referral.",
    "ICT01": "There have been some technical issues with user profiles which were not possible to resolve at first "
    "point of contact, and a number of new analysts have been recruited to 1st line support who are still training "
    "and gaining the required experience.",
    "ICT03": "In June, KPSN was unavailable for 14 out of 720 hours. This was as due to an outage at the Ramsgate "
    "exchange which was attributed to the failure of hardware when the power to the exchange was lost until "
    "rectified by the contractor. Further out of hours power outage in Maidstone had no major impact on users and "
    "has been attributed to faulty UPS (Uninterrupted Power Supply) batteries which have subsequently been replaced.",
    "PI01": "A large portion of this overdue debt relates to the Sussex Partnership NHS Trust. There are discussions "
    "between GEN2 and the trust to resolve this issue as the trust finance department declined the invoice due to a "
    "technicality and this invoice has now being re-issued. In addition to this, £91,105 has been passed to debt "
    "recovery to obtain a resolution and an amount of £31,678 is being pursued by a GEN2 surveyor for resolution.",
}

# Chosen: KPIs linked to activities of the sample Strategic Delivery Plan (2019-20), to show the link.
LINKS = [
    ("PI03", "KCC Strategic Delivery Plan 2019-20", "70"),
    ("PI04", "KCC Strategic Delivery Plan 2019-20", "73"),
    ("HR22", "KCC Strategic Delivery Plan 2019-20", "75"),
]

APRIL = dt.date(2017, 4, 1)


def month(offset: int, start: dt.date = APRIL) -> dt.date:
    index = start.year * 12 + start.month - 1 + offset
    return dt.date(index // 12, index % 12 + 1, 1)


def dec(value, places: int | None = None) -> Decimal:
    number = Decimal(str(value))
    if places is not None:
        number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return number


def text(value: Decimal | None) -> str:
    return "" if value is None else format(value, "f")


def kpi_rows() -> list[list[str]]:
    rows = []
    for ref, _, _, _, _, _, frequency, ytd_kind, places, months, seed_ytd, previous in KPIS:
        values = [dec(v, places) for v in months]
        step = 3 if frequency == "quarterly" else 1
        latest = month(step * (len(values) - 1) + (step - 1))
        periods = [month(step * i + (step - 1)) for i in range(len(values))]
        for k, (period, value) in enumerate(zip(periods, values, strict=True)):
            ytd = None
            if ytd_kind == "cumulative" and seed_ytd is not None:
                ytd = dec(sum(values[: k + 1]) / (k + 1), places)
            if period == latest and ytd is not None:
                assert ytd == dec(seed_ytd, places), (ref, ytd, seed_ytd)
            commentary = COMMENTARY.get(ref, "") if period == latest else ""
            rows.append([ref, period.strftime("%Y-%m"), text(value), text(ytd), commentary])
        if previous is not None:
            # The seed's previous-year figure is the same month a year before the latest; the months between it
            # and April 2017 are a straight line from it to April's figure.
            start = month(-12, latest)
            gap = (APRIL.year * 12 + APRIL.month) - (start.year * 12 + start.month)
            before = dec(previous, places)
            for i in range(gap):
                value = before + (values[0] - before) * Decimal(i) / Decimal(gap)
                rows.append([ref, month(i, start).strftime("%Y-%m"), text(dec(value, places)), "", ""])
    return rows


def activity_rows() -> list[list[str]]:
    rows = []
    for ref, _, _, shown_as, _, _, _, months, ytds, previous in ACTIVITY:
        places = 1 if ref == "CS08" else 0
        values = [dec(v, places) for v in months]
        if ytds == "-":
            running = [None] * len(values)
        elif ytds is None:
            running = [sum(values[: k + 1]) for k in range(len(values))]
        else:
            running = [dec(v) for v in ytds]
        latest = month(len(values) - 1)
        seed = dec(SEED_ACTIVITY[ref], places)
        shown = running[-1] if shown_as == "year_to_date" else values[-1]
        assert shown == seed, (ref, shown, seed)
        for k, value in enumerate(values):
            period = month(k)
            commentary = COMMENTARY.get(ref, "") if period == latest else ""
            rows.append([ref, period.strftime("%Y-%m"), text(value), text(running[k]), commentary])
        if previous is not None:
            same = month(-12, latest).strftime("%Y-%m")
            if shown_as == "year_to_date":
                rows.append([ref, same, "", text(dec(previous)), ""])
            else:
                start = month(-12, latest)
                gap = (APRIL.year * 12 + APRIL.month) - (start.year * 12 + start.month)
                before = dec(previous, places)
                for i in range(gap):
                    value = before + (values[0] - before) * Decimal(i) / Decimal(gap)
                    rows.append([ref, month(i, start).strftime("%Y-%m"), text(dec(value, places)), "", ""])
    return rows


def write(name: str, header: list[str], rows: list[list[object]]) -> None:
    with open(HERE / name, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main() -> None:
    indicators = []
    standards = []
    for ref, area, description, target, floor, polarity, frequency, ytd_kind, *_ in KPIS:
        name, director, member, partner = AREAS[area]
        indicators.append(
            [ref, "kpi", description, DIRECTORATE, name, director, member, partner, "percentage", polarity,
             frequency, ytd_kind, "latest", "", OWNERS[area]]
        )  # fmt: skip
        standards.append([ref, 2017, text(dec(target)), text(dec(floor)), "", ""])
    for ref, area, description, shown_as, paired, lower, upper, *_ in ACTIVITY:
        name, director, member, partner = AREAS[area]
        indicators.append(
            [ref, "activity", description, DIRECTORATE, name, director, member, partner, "number", "higher",
             "monthly", "cumulative", shown_as, paired, OWNERS[area]]
        )  # fmt: skip
        if lower is not None:
            standards.append([ref, 2017, "", "", text(dec(lower)), text(dec(upper))])
    order = {ref: i for i, (ref, *_) in enumerate([*KPIS, *ACTIVITY])}
    areas = list(AREAS.values())
    indicators.sort(key=lambda row: (areas.index(tuple(row[4:8])), row[1] != "kpi", order[row[0]]))
    write(
        "indicators.csv",
        ["ref", "kind", "description", "directorate", "service_area", "director", "cabinet_member",
         "delivery_partner", "unit", "polarity", "frequency", "year_to_date", "shown_as", "paired_with", "owner"],
        indicators,
    )  # fmt: skip
    write("standards.csv", ["ref", "year", "target", "floor", "lower", "upper"], standards)
    results = sorted([*kpi_rows(), *activity_rows()], key=lambda row: (order[row[0]], row[1]))
    write("results.csv", ["ref", "period", "value", "year_to_date", "commentary"], results)
    write("links.csv", ["ref", "plan", "activity"], LINKS)


if __name__ == "__main__":
    main()

"""The sample's capital programme, 2017-18 (004 l.409-467, 003 l.719-724), in whole pounds. Pure data.

Table 3's directorate totals and the headline schemes are the seed's. The seeds itemise only the headline
movements, yet CYPE's real movement is +£3.747m, GET's other schemes' +£1.403m and S&CS's +£0.483m with no real
headline: under the headline rule (a real movement of at least £0.100m is listed) that much can only be spread
across schemes each moving by less than £0.100m. The sample holds such schemes, named as a programme's projects
(README.md says so), so that the rule lists exactly what the seed lists.
"""

# code, title, directorate, division, working budget by month {month: budget},
# (real, rephasing) by month {month: (real, rephasing)}, explanation of the September movement
from decimal import Decimal

K = 1000  # figures typed in £'000


def _k(amount) -> int:
    """£'000 as typed (a whole number or a string such as "-87.1") in whole pounds."""
    return int(Decimal(str(amount)) * K)


def _line(code, title, directorate, division, budget, variances, explanation="", later_real=0):
    if not isinstance(budget, dict):
        budget = dict.fromkeys(("2017-07", "2017-08", "2017-09"), budget)
    return {
        "code": code,
        "title": title,
        "directorate": directorate,
        "division": division,
        "budget": {month: _k(amount) for month, amount in budget.items()},
        "variances": {month: (_k(real), _k(rephasing)) for month, (real, rephasing) in variances.items()},
        "explanation": explanation,
        "later_real": _k(later_real),
    }


def _same(real, rephasing):
    return {"2017-07": (real, rephasing), "2017-08": (real, rephasing), "2017-09": (real, rephasing)}


HTW = "Highways, Transportation & Waste"
EPE = "Environment, Planning and Enforcement and Libraries, Registration and Archives"
ED = "Economic Development"

LINES = [
    # Children, Young People & Education (112.902)
    _line(
        "CYPE-APE",
        "Annual Planned Enhancement Programme",
        "CYPE",
        "",
        9500,
        {"2017-07": (0, -500), "2017-08": (0, -500), "2017-09": (0, -2493)},
        "From indicative timescales provided by the design consultants, a number of projects will now complete in "
        "the following financial year: tendering periods, asbestos and access to sites outside operational periods.",
    ),
    _line(
        "CYPE-BASIC",
        "Basic Need",
        "CYPE",
        "",
        60000,
        {"2017-07": (0, -3000), "2017-08": (0, -3000), "2017-09": (0, -1218)},
        "Approval has now been given for the delivery of secondary school expansions by September 2018; some "
        "costs will be incurred earlier than previously forecast.",
    ),
    _line(
        "CYPE-MOD",
        "Schools' Modernisation Programme",
        "CYPE",
        "",
        10000,
        {"2017-07": (0, -4837), "2017-08": (0, -4837), "2017-09": (0, -4297)},
    ),
]
# 40 school projects: 38 of £0.835m and 2 of £0.836m; last reported real -0.0871 each; September real
# 0.007 (23 of them) or 0.006 (17): a movement of 0.0941 or 0.0931, each under the £0.100m threshold.
for n in range(1, 41):
    real_now = 7 if n <= 23 else 6
    LINES.append(
        _line(
            f"CYPE-SP{n:02d}",
            f"Schools' Modernisation Programme: school project {n:02d}",
            "CYPE",
            "",
            836 if n <= 2 else 835,
            {"2017-07": ("-87.1", 0), "2017-08": ("-87.1", 0), "2017-09": (real_now, 0)},
        )
    )
LINES += [
    # Adult Social Care & Health (8.383)
    _line(
        "ASCH-IT",
        "Adult Social Care IT systems",
        "ASCH",
        "",
        3000,
        {"2017-07": (-145, 0), "2017-08": (-145, 0), "2017-09": (-114, 0)},
    ),
    _line("ASCH-CCC", "Community Care Centres", "ASCH", "", 5383, _same(0, -1110)),
    # Growth, Environment & Transport (132.630)
    _line(
        "GET-WESTWOOD",
        "Westwood Relief Strategy",
        "GET",
        HTW,
        2000,
        {"2017-07": (-1000, 0), "2017-08": (-1000, 0), "2017-09": (-2000, 0)},
        "This scheme is no longer progressing and cash limit adjustments have been requested to remove this from "
        "the programme.",
    ),
    _line(
        "GET-A28",
        "A28 Chart Road",
        "GET",
        HTW,
        5000,
        {"2017-07": (0, -1000), "2017-08": (0, -1000), "2017-09": (0, -3827)},
        "Delays in signing the S106 agreement reduced the advanced works that could be completed, with a knock on "
        "effect on the Compulsory Purchase Order process.",
    ),
    _line(
        "GET-MIT",
        "Maidstone Integrated Transport",
        "GET",
        HTW,
        4000,
        {"2017-07": (0, -500), "2017-08": (0, -500), "2017-09": (0, -2006)},
        "To allow for additional engagement and utility diversionary work before the project starts.",
    ),
    _line(
        "GET-IT",
        "Integrated Transport",
        "GET",
        HTW,
        3000,
        {"2017-07": (400, 0), "2017-08": (400, 0), "2017-09": (146, 0)},
        "Several small externally funded schemes are not progressing this year, reducing the overspend.",
    ),
    _line(
        "GET-M20J4",
        "M20 Junction 4 Eastern Overbridge",
        "GET",
        HTW,
        2500,
        {"2017-07": (109, 0), "2017-08": (109, 0), "2017-09": (0, 0)},
        "Works relating to the Integrated Transport Crash Remedial Measures scheme have been correctly "
        "transferred, negating the overspend.",
    ),
    _line(
        "GET-NUE",
        "Kent Empty Property Initiative - No Use Empty",
        "GET",
        ED,
        4000,
        {"2017-07": (0, 0), "2017-08": (0, 0), "2017-09": (0, -1000)},
        "Projects soon to be approved have staged payments, so funds will not be fully defrayed this year.",
    ),
    _line(
        "GET-KTS",
        "Kent Thameside Strategic Transport Programme",
        "GET",
        HTW,
        30000,
        {"2017-07": (0, -3000), "2017-08": (0, -3000), "2017-09": (0, -3800)},
    ),
    _line(
        "GET-LRA",
        "Libraries, Registration and Archives modernisation",
        "GET",
        EPE,
        10000,
        {"2017-07": (0, -2658), "2017-08": (0, -2658), "2017-09": (0, -3417)},
    ),
]
# 15 GET schemes: last reported real -0.295 (one -0.293); movements 0.094 (13), 0.091 and 0.090.
for n in range(1, 16):
    last = -293 if n == 15 else -295
    move = 94 if n <= 13 else (91 if n == 14 else 90)
    LINES.append(
        _line(
            f"GET-LS{n:02d}",
            f"{'Highways local scheme' if n <= 8 else 'Environment and libraries scheme'} {n:02d}",
            "GET",
            HTW if n <= 8 else EPE,
            4804 if n == 15 else 4809,
            {"2017-07": (last, 0), "2017-08": (last, 0), "2017-09": (last + move, 0)},
        )
    )
LINES += [
    # Strategic & Corporate Services (21.446 in July, 20.963 from August)
    _line(
        "SCS-NWOW",
        "New Ways of Working (NWoW)",
        "SCS",
        "",
        6000,
        _same(2127, 0),
        "Increased construction costs and additional works for Case Conference facilities at hub locations.",
        later_real=510,
    ),
    _line(
        "SCS-MOA",
        "Modernisation of Assets",
        "SCS",
        "",
        {"2017-07": 2483, "2017-08": 2000, "2017-09": 2000},
        {"2017-07": (-483, 0), "2017-08": (0, 0), "2017-09": (0, 0)},
        "Used for the pressure on NWoW, in 2017-18 and in the later years.",
        later_real=-510,
    ),
    _line(
        "SCS-PIF",
        "Property Investment & Acquisition Fund",
        "SCS",
        "",
        5000,
        {"2017-07": (215, 0), "2017-08": (215, 0), "2017-09": (215, -2221)},
        "Opportunities have been identified but transactions are unlikely to complete this financial year.",
    ),
    _line(
        "SCS-DOVER",
        "Dover Discovery Centre",
        "SCS",
        "",
        4500,
        _same(0, -4006),
        "Only design and procurement this year; construction is due to commence in April 2018.",
    ),
]
for n, (last, now, rephasing) in enumerate(
    [(22, 119, (-102, -502)), (21, 118, (0, 0)), (21, 118, (0, 0)), (21, 117, (0, 0)), (21, 117, (0, 0))], start=1
):
    LINES.append(
        _line(
            f"SCS-PROP{n}",
            f"Property and ICT enabling works {n}",
            "SCS",
            "",
            663 if n == 5 else 700,
            {"2017-07": (last, rephasing[0]), "2017-08": (last, rephasing[0]), "2017-09": (now, rephasing[1])},
        )
    )

# The funding of a real overspend (003 l.721): line, month, source, amount
FUNDING = [
    ("SCS-NWOW", "Modernisation of Assets", 483000),
    ("SCS-NWOW", "Capital receipts", 1500000),
    ("SCS-NWOW", "External funding", 84000),
    ("SCS-NWOW", "Salix", 60000),
]
# Cash limit adjustments: month, line, amount, year, funding, reason (004 l.464-467)
CASH_LIMIT_ADJUSTMENTS = [
    ("2017-08", "SCS-MOA", -483000, "2017-18", "Modernisation of Assets", "Used for the pressure on NWoW"),
    ("2017-09", "GET-WESTWOOD", -1000000, "2017-18", "Grant", "Scheme not progressing"),
    ("2017-09", "GET-WESTWOOD", -1000000, "2017-18", "Developer contributions", "Scheme not progressing"),
    ("2017-09", "GET-WESTWOOD", -3900000, "2018-19", "Grant", "Scheme not progressing"),
]

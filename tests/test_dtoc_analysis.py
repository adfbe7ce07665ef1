"""The DToC dashboard's figures (councilplan.analysis.dtoc) against numbers typed from spec/qpr.md §3 and the seed
(004 lines 2378–2663). Inputs are the seed's raw NHS / social care / both days; every expected figure is one the
seed prints."""

import datetime as dt
from decimal import Decimal

import pytest

from councilplan.analysis import dtoc
from councilplan.analysis.dtoc import Days, Part, Site, Target

D = Decimal
WEEKS = [
    dt.date(2017, 9, 7) + dt.timedelta(days=7 * i)  # Thursdays 07/09 … 23/11/2017
    for i in range(12)
]
# Kent acutes, spec/qpr.md §3 "Weekly" (2567–2571)
KENT_NHS = [474, 559, 543, 675, 497, 505, 668, 617, 534, 504, 559, 440]
KENT_SC = [211, 211, 212, 112, 153, 145, 142, 118, 109, 116, 90, 72]
KENT_BOTH = [0, 0, 4, 1, 11, 0, 11, 9, 4, 16, 12, 12]
PRINTED_ATT_SC = ["211", "211", "214", "112.5", "158.5", "145", "147.5", "122.5", "111", "124", "96", "78"]
PRINTED_TOTAL = [685, 770, 759, 788, 661, 650, 821, 744, 647, 636, 661, 524]
PRINTED_SHARE = ["30.8", "27.4", "28.2", "14.3", "24.0", "22.3", "18.0", "16.5", "17.2", "19.5", "14.5", "14.9"]


def one_dp(value):
    return value.quantize(D("0.1"))


def kent_weeks():
    parts = []
    for week, n, s, b in zip(WEEKS, KENT_NHS, KENT_SC, KENT_BOTH, strict=True):
        parts += [Part(week, "KENT", "nhs", D(n)), Part(week, "KENT", "social_care", D(s))]
        parts.append(Part(week, "KENT", "both", D(b)))
    return dtoc.days_by_site_week(parts)


def test_attribution_half_of_joint_days_to_social_care():
    dvh_0911 = Days(D(90), D(21), D(7))  # 2524–2528
    assert dvh_0911.attributed_social_care == D("24.5")
    assert dvh_0911.total == 118
    assert one_dp(dvh_0911.share_social_care) == D("20.8")
    assert one_dp(Days(D(105), D(109), D(0)).share_social_care) == D("50.9")  # 109/214
    # Tunbridge Wells, August: NHS 182 + SC attributed 131.5 + half of both 3.5 = 317 (2441, 2454, 2467)
    tw_aug = Days(D(182), D(128), D(7))
    assert (tw_aug.attributed_nhs, tw_aug.attributed_social_care, tw_aug.total) == (182, D("131.5"), 317)


def test_not_returned_is_not_zero():
    assert Days().total is None and Days().attributed_social_care is None and Days().share_social_care is None
    assert Days(D(0), D(0), D(0)).total == 0
    assert Days(D(0), D(0), D(0)).share_social_care is None  # the seed leaves the % blank (KMPT 07/09)
    assert dtoc.add([Days(), Days()]).total is None
    assert dtoc.add([Days(), Days(D(3), None, None)]).total == 3


def test_kent_acutes_weekly_rows():
    weeks = kent_weeks()
    assert [weeks[("KENT", w)].attributed_social_care for w in WEEKS] == [D(v) for v in PRINTED_ATT_SC]
    assert [weeks[("KENT", w)].total for w in WEEKS] == PRINTED_TOTAL
    assert [str(one_dp(weeks[("KENT", w)].share_social_care)) for w in WEEKS] == PRINTED_SHARE


def test_thursdays_ending_in_november_2017():
    assert dtoc.week_end_dates(dt.date(2017, 11, 1), 3) == [dt.date(2017, 11, d) for d in (2, 9, 16, 23, 30)]
    assert dtoc.week_end_dates(dt.date(2017, 9, 1), 3) == [dt.date(2017, 9, d) for d in (7, 14, 21, 28)]


def test_a_month_is_the_sum_of_the_weeks_ending_in_it():
    weeks = kent_weeks()
    sep, oct_, nov = (dtoc.month_cell("KENT", dt.date(2017, m, 1), weeks, {}, 3) for m in (9, 10, 11))
    assert (sep.days.total, oct_.days.total, nov.days.total) == (3002, 2876, 2468)  # 2461–2467, 2571
    assert not sep.partial and not oct_.partial
    assert nov.partial and nov.missing_weeks == (dt.date(2017, 11, 30),)  # "November" covers weeks to 23/11
    assert len(sep.weeks) == 4 and sep.basis == "weeks"


def test_a_month_without_weeks_is_the_month_as_returned():
    virgin_sep = Days(D(107), D(126), D(0))  # 2441, 2454, 2467
    cell = dtoc.month_cell("VCNK", dt.date(2017, 9, 1), {}, {("VCNK", dt.date(2017, 9, 1)): virgin_sep}, 3)
    assert cell.basis == "returned" and cell.days.total == 233 and not cell.partial
    assert dtoc.month_cell("VCNK", dt.date(2017, 8, 1), {}, {}, 3).days.total is None


def test_month_summary_totals_the_sites():
    sites = [Site("KENT", "Kent acutes"), Site("VCNK", "Virgin Care", setting="community")]
    monthly = {("VCNK", dt.date(2017, 9, 1)): Days(D(107), D(126), D(0))}
    table = dtoc.month_summary(sites, [dt.date(2017, 9, 1)], kent_weeks(), monthly, 3)
    assert table[""][dt.date(2017, 9, 1)].days.total == 3002 + 233
    assert table[""][dt.date(2017, 9, 1)].days.nhs == sum(KENT_NHS[:4]) + 107


@pytest.mark.parametrize(
    "before, after, expected",
    [
        # 16/11 → 23/11, each acute site's SC-attributed days, and the arrows the seed prints (2636–2643)
        ("10.5", "17.5", "↓"),  # Darent Valley
        ("0", "3", "↓"),  # Medway
        ("22", "22", "↔"),  # Kent & Canterbury
        ("0", "0", "↔"),  # QEQM
        ("2.5", "1.5", "↑"),  # William Harvey
        ("35", "34", "↑"),  # Maidstone
        ("26", "0", "↑"),  # Tunbridge Wells
        ("96", "78", "↑"),  # Kent total
    ],
)
def test_week_on_week_direction_as_the_dashboard_keys_it(before, after, expected):
    assert dtoc.SYMBOLS[dtoc.direction(D(after), D(before))] == expected


def test_no_direction_without_both_weeks():
    assert dtoc.direction(None, D(1)) is None and dtoc.direction(D(1), None) is None


# September 2017 local figures by trust (2378–2415): NHS, social care, both
LOCAL = {
    "Dartford & Gravesham NHS Trust": (509, 306, 0),
    "East Kent Hospitals U.F. Trust": (1303, 57, 1),
    "Kent & Medway Partnership Trust": (63, 39, 31),
    "Kent Community Health F. Trust": (118, 83, 0),
    "Maidstone & Tunbridge Wells Trust": (346, 291, 4),
    "Medway Foundation Trust": (93, 92, 0),
    "Virgin Care Services (NK Community)": (107, 126, 0),
}
TARGETS = {  # trust: (NHS, social care, both, total)
    "Dartford & Gravesham NHS Trust": (403, 293, 0, 695),
    "East Kent Hospitals U.F. Trust": (1032, 54, 12, 1098),
    "Kent & Medway Partnership Trust": (50, 37, 378, 465),
    "Kent Community Health F. Trust": (93, 79, 0, 173),
    "Maidstone & Tunbridge Wells Trust": (274, 278, 49, 601),
    "Medway Foundation Trust": (74, 88, 0, 162),
    "Virgin Care Services (NK Community)": (85, 120, 0, 205),
    "Out of Area (NHS data only)": (0, 0, 0, 0),
    "": (2010, 950, 439, 3399),
}
SEP = dt.date(2017, 9, 1)


def bcf_rows():
    sites = [Site(str(i), trust, trust) for i, trust in enumerate(LOCAL)]
    sites.append(Site("OOA", "Out of Area", "Out of Area (NHS data only)", "out_of_area"))
    cells = {s.code: dtoc.MonthCell(Days(*(D(v) for v in LOCAL[s.trust]))) for s in sites if s.code != "OOA"}
    cells["OOA"] = dtoc.MonthCell(Days())
    targets = [
        Target(SEP, trust, responsibility, D(value))
        for trust, values in TARGETS.items()
        for responsibility, value in zip(["nhs", "social_care", "both", ""], values, strict=True)
    ]
    return dtoc.trusts_against_target(sites, cells, targets, SEP)


def test_kent_against_the_bcf_target():
    rows = {(r.trust, r.responsibility): r for r in bcf_rows()}
    kent = [rows[("", r)] for r in ("nhs", "social_care", "both", "")]
    assert [r.local for r in kent] == [2539, 994, 36, 3569]
    assert [r.difference for r in kent] == [529, 44, -403, 170]  # printed 529, 44, −403, 170
    assert rows[("Dartford & Gravesham NHS Trust", "")].difference == 120
    assert rows[("East Kent Hospitals U.F. Trust", "")].difference == 263
    assert rows[("Kent & Medway Partnership Trust", "")].difference == -332
    assert rows[("East Kent Hospitals U.F. Trust", "both")].difference == -11
    out = rows[("Out of Area (NHS data only)", "nhs")]
    assert out.local is None and out.target == 0 and out.difference is None


def test_pressures_largest_first():
    # "the key pressure areas are in East Kent and Dartford and Gravesham" (2377)
    found = [(r.trust, r.difference) for r in dtoc.pressures(bcf_rows())]
    assert found[:2] == [("East Kent Hospitals U.F. Trust", 263), ("Dartford & Gravesham NHS Trust", 120)]
    assert [d for _, d in found] == [263, 120, 40, 28, 28, 23]


def test_twelve_week_share_is_of_the_summed_days_not_a_mean_of_percentages():
    a, b = Site("A", "A"), Site("B", "B")
    weekly = {
        ("A", WEEKS[0]): Days(D(0), D(9), D(2)),  # 10 attributed
        ("B", WEEKS[0]): Days(D(0), D(10), D(0)),  # 10
        ("A", WEEKS[1]): Days(D(0), D(0), D(0)),  # 0
        ("B", WEEKS[1]): Days(D(0), D(30), D(0)),  # 30
    }
    shares = dtoc.twelve_week_shares([a, b], weekly, WEEKS[:2])
    assert shares == {"A": D(20), "B": D(80)}  # 10/50 and 40/50; the mean of weekly % would give 25 and 75


def test_share_of_nothing_is_none():
    assert dtoc.share(D(1), D(0)) is None and dtoc.share(None, D(3)) is None

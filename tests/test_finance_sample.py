"""The sample against spec/finance.md §7 (seed 004 September 2017, seed 003 July 2017), through the
`finance-report` command's JSON: every figure typed from the spec, never computed by the code under test."""

import json

import pytest
from django.core.management import call_command
from finance_support import finance_sample  # noqa: F401 - a fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("finance_sample")]

# §7.1 Table 1, September 2017: budget, NFV, CDA, RNV, last, movement ("" where the seed prints no CDA)
TABLE1_SEPTEMBER = [
    (
        "Children, Young People & Education - Education & Young People",
        "58.792",
        "2.753",
        "-1.361",
        "1.392",
        "2.495",
        "-1.103",
    ),
    (
        "Children, Young People & Education - Specialist Children's Services",
        "112.732",
        "2.685",
        "-0.440",
        "2.245",
        "1.698",
        "0.548",
    ),
    ("Children, Young People & Education - Asylum", "0.550", "4.109", "-0.150", "3.959", "3.914", "0.045"),
    ("Sub Total Children, Young People & Education", "172.074", "9.548", "-1.951", "7.597", "8.107", "-0.511"),
    ("Adult Social Care & Health - Disabled Children Services", "20.754", "0.220", "", "0.220", "0.679", "-0.460"),
    ("Adult Social Care & Health - Adults", "396.298", "4.410", "-3.168", "1.242", "3.036", "-1.793"),
    ("Sub Total Adult Social Care & Health", "417.052", "4.630", "-3.168", "1.462", "3.715", "-2.253"),
    ("Growth, Environment & Transport", "166.756", "0.629", "-0.336", "0.293", "0.561", "-0.268"),
    ("Strategic & Corporate Services - Excluding Public Health", "71.175", "0.497", "", "0.497", "0.297", "0.199"),
    ("Strategic & Corporate Services - Public Health", "-0.011", "0.000", "", "0.000", "0.000", "0.000"),
    ("Sub Total Strategic & Corporate Services", "71.163", "0.497", "0.000", "0.497", "0.297", "0.199"),
    ("Financing Items", "111.009", "-1.518", "", "-1.518", "-1.455", "-0.063"),
    ("TOTAL (excl Schools)", "938.054", "13.785", "-5.455", "8.330", "11.226", "-2.896"),
    ("Schools (CYP&E Directorate)", "0.000", "15.544", "", "15.544", "15.425", "0.119"),
    ("TOTAL", "938.054", "29.329", "-5.455", "23.874", "26.651", "-2.778"),
]
# §7.2 Table 2, July 2017
TABLE2_JULY = [
    (
        "Children, Young People & Education - Education & Young People",
        "58.792",
        "3.319",
        "-0.873",
        "2.446",
        "1.002",
        "1.443",
    ),
    (
        "Children, Young People & Education - Specialist Children's Services",
        "112.732",
        "2.362",
        "-0.755",
        "1.607",
        "0.891",
        "0.716",
    ),
    ("Children, Young People & Education - Asylum", "0.550", "3.908", "", "3.908", "4.220", "-0.312"),
    ("Sub Total Children, Young People & Education", "172.074", "9.589", "-1.628", "7.961", "6.113", "1.848"),
    ("Adult Social Care & Health - Disabled Children Services", "20.754", "1.092", "-0.464", "0.628", "0.518", "0.110"),
    ("Adult Social Care & Health - Adults", "396.298", "7.835", "-5.300", "2.535", "4.483", "-1.947"),
    ("Adult Social Care & Health - Public Health", "-0.011", "0.000", "", "0.000", "0.000", "0.000"),
    ("Sub Total Adult Social Care & Health", "417.041", "8.928", "-5.764", "3.164", "5.001", "-1.837"),
    ("Growth, Environment & Transport", "166.756", "1.602", "-0.500", "1.102", "0.520", "0.581"),
    ("Strategic & Corporate Services", "70.198", "0.223", "", "0.223", "0.652", "-0.429"),
    ("Financing Items", "111.986", "-1.455", "", "-1.455", "-1.013", "-0.443"),
    ("TOTAL (excl Schools)", "938.054", "18.885", "-7.892", "10.993", "11.273", "-0.280"),
    ("Schools (CYP&E Directorate)", "0.000", "0.625", "1.483", "2.108", "1.291", "0.817"),
    ("TOTAL", "938.054", "19.511", "-6.409", "13.102", "12.564", "0.537"),
]
# §7.2 S&CS by line, July, £'000
SCS_JULY = [
    ("Contact Centre, Digital Web Services & Gateways", "4,544.2", "205.8"),
    ("Local Democracy", "4,083.6", "3.9"),
    ("Finance", "7,814.6", "-153.0"),
    ("Engagement, Organisation Design & Development (HR, Comms & Engagement)", "8,254.6", "-193.0"),
    ("Other Support to Front Line Services", "4,024.6", "-63.6"),
    ("Strategic Commissioning", "9,258.2", "-133.8"),
    ("S&CS Management & Directorate Support Services", "-2,385.2", "20.5"),
    ("Infrastructure (ICT & Property Services) & Business Services Centre", "34,602.9", "535.8"),
    ("Total Strategic & Corporate Services", "70,197.5", "222.5"),
]
# §7.4 Table 3, September 2017
TABLE3 = [
    (
        "Children, Young People & Education",
        "112.902",
        "-7.745",
        "0.263",
        "-8.008",
        "-3.484",
        "-8.337",
        "3.747",
        "0.329",
    ),
    ("Adult Social Care & Health", "8.383", "-1.224", "-0.114", "-1.110", "-0.145", "-1.110", "0.031", "0.000"),
    (
        "Growth, Environment & Transport",
        "132.630",
        "-18.924",
        "-4.874",
        "-14.050",
        "-4.914",
        "-7.158",
        "0.040",
        "-6.892",
    ),
    ("Strategic & Corporate Services", "20.963", "-3.798", "2.931", "-6.729", "2.448", "-4.108", "0.483", "-2.621"),
    ("TOTAL", "274.878", "-31.691", "-1.794", "-29.897", "-6.095", "-20.713", "4.301", "-9.184"),
]
HEADLINES = [
    ("Annual Planned Enhancement Programme", "rephasing", "-1.993"),
    ("Basic Need", "rephasing", "+1.782"),
    ("Westwood Relief Strategy", "real", "-1.000"),
    ("A28 Chart Road", "rephasing", "-2.827"),
    ("Maidstone Integrated Transport", "rephasing", "-1.506"),
    ("Integrated Transport", "real", "-0.254"),
    ("M20 Junction 4 Eastern Overbridge", "real", "-0.109"),
    ("Kent Empty Property Initiative - No Use Empty", "rephasing", "-1.000"),
    ("Property Investment & Acquisition Fund", "rephasing", "-2.221"),
]
# §7.5 Appendix 1 subtotals: gross, income, net, variance, movement
APPENDIX1 = {
    "SCS": ("149.0", "-35.7", "113.3", "6.8", "1.1"),
    "EYP": ("292.3", "-233.5", "58.8", "2.8", "-0.1"),
    "CYPE": ("441.3", "-269.2", "172.1", "9.5", "1.0"),
    "ASCH": ("550.0", "-132.9", "417.1", "4.6", "-0.6"),
    "GET": ("206.8", "-40.0", "166.8", "0.6", "-0.3"),
    "S&CS": ("203.1", "-131.9", "71.2", "0.5", "0.2"),
    "FIN": ("128.2", "-17.2", "111.0", "-1.5", "0.0"),
    "TOTAL": ("1,529.3", "-591.3", "938.1", "13.8", "0.2"),
}
# §7.7 activity: net budget, forecast, variance; activity budget, forecast
ACTIVITY = {
    "2.1": ("66.6", "68.4", "1.8", "1,038", "1,079"),
    "2.2": ("47.7", "48.8", "1.1", "1,360", "1,349"),
    "2.3": ("19.0", "19.1", "0.1", "1,295", "1,222"),
    "2.4": ("23.0", "26.3", "3.4", "2,378", "2,332"),
    "2.5": ("15.3", "16.9", "1.6", "1,023", "1,127"),
    "2.6": ("26.2", "26.3", "0.2", "4,353", "3,652"),
    "2.7": ("22.6", "22.3", "-0.3", "886", "883"),
    "2.8": ("6.6", "7.1", "0.5", "133", "141"),
    "2.9": ("8.8", "8.8", "0.0", "54", "53"),
    "2.12": ("16.8", "16.7", "-0.1", "16,542,000", "16,560,093"),
    "2.13": ("25.0", "26.1", "1.1", "3,941", "4,010"),
    "2.14": ("37.4", "37.4", "0.1", "362,047", "362,360"),
    "2.15": ("29.2", "29.0", "-0.1", "368,245", "367,336"),
}


def report(month, tmp_path, *extra):
    path = tmp_path / f"{month}.json"
    call_command("finance_report", "--month", month, "--format", "json", "--output", str(path), *extra)
    return json.loads(path.read_text())


def rows(table):
    return [(r["label"], r["budget"], r["nfv"], r["cda"], r["rnv"], r["last"], r["movement"]) for r in table]


def test_table1_september(tmp_path):
    data = report("2017-09", tmp_path)
    assert rows(data["table1"]["rows"]) == TABLE1_SEPTEMBER
    block = {r["label"]: (r["current"], r["last"], r["movement"]) for r in data["table1"]["roll_forwards"]}
    assert block["Variance from above (excl schools)"] == ("8.330", "11.226", "-2.896")
    for label in ("Roll forwards - committed", "- re-phased", "- bids", "Total roll forward requirements"):
        assert block[label] == ("0.000", "0.000", "0.000")
    assert block["(-ve) Uncommitted balance / (+ve) Deficit"] == ("8.330", "11.226", "-2.896")


def test_table3_and_headlines_september(tmp_path):
    data = report("2017-09", tmp_path)
    got = [tuple(r.values()) for r in data["table3"]["rows"]]
    assert got == TABLE3
    assert [(h["scheme"], h["kind"], h["amount"]) for h in data["capital_headlines"]] == HEADLINES
    adjustments = [(a["project"], a["amount"], a["year"], a["funding"]) for a in data["capital_adjustments"]]
    assert adjustments == [
        ("Westwood Relief Strategy", "-1.0", "2017-18", "Grant"),
        ("Westwood Relief Strategy", "-1.0", "2017-18", "Developer contributions"),
        ("Westwood Relief Strategy", "-3.9", "2018-19", "Grant"),
    ]


def test_appendix1_september(tmp_path):
    data = report("2017-09", tmp_path)
    subtotals = data["appendix1"]["subtotals"]
    for code, figures in APPENDIX1.items():
        key = {
            "S&CS": "SCS",
            "SCS": "Specialist Children's Services",
            "EYP": "Education & Young People's Services",
        }.get(code, code)
        row = subtotals[key]
        assert (row["gross"], row["income"], row["net"], row["variance"], row["movement"]) == figures, code
    lines = [r for r in data["appendix1"]["rows"] if r["kind"] == "line"]
    assert len(lines) == 55
    # a few of the 55 rows as printed (004 l.491-556), including the ones where gross + income != net
    printed = {r["label"]: (r["gross"], r["income"], r["net"], r["variance"], r["movement"]) for r in lines}
    assert printed["Asylum Seekers**"] == ("23.6", "-23.1", "0.6", "4.1", "0.2")
    assert printed["Other Schools' Related Costs"] == ("34.0", "-34.0", "-0.1", "1.0", "-0.2")
    assert printed["Public Health"] == ("79.1", "-76.2", "2.9", "-0.6", "-0.4")
    assert printed["Transfer to/from Public Health Reserve"] == ("-3.0", "0.0", "-3.0", "0.6", "0.4")
    assert printed["Learning Disability Adult Services**"] == ("163.9", "-13.2", "150.6", "1.6", "-0.2")


def test_reserves_and_companies_september(tmp_path):
    data = report("2017-09", tmp_path)
    school = data["school_reserves"]
    assert (
        school["brought_forward"]["individual"],
        school["brought_forward"]["central"],
        school["brought_forward"]["total"],
    ) == ("30.171", "-1.830", "28.340")
    movements = [(m["reason"], m["individual"], m["central"], m["total"]) for m in school["movements"]]
    assert movements == [
        ("Academy conversions and closing school deficits", "2.230", "-4.580", "-2.350"),
        ("Contribution to schools broadband", "", "-1.000", "-1.000"),
        ("School Growth", "", "-1.000", "-1.000"),
        ("High Needs (Mainstream & Independent)", "", "-8.700", "-8.700"),
        ("Various", "", "-0.569", "-0.569"),
        ("Overspend on Central DSG budgets", "", "-1.925", "-1.925"),
    ]
    forecast = school["forecast"]
    assert (forecast["individual"], forecast["central"], forecast["total"]) == ("32.400", "-19.604", "12.797")
    assert school["schools_variance"] == "15.544"
    reserves = {r["account"]: (r["opening"], r["projected"], r["movement"]) for r in data["reserves"]}
    assert reserves == {
        "General Fund balance": ("36.7", "36.7", "0.0"),
        "Earmarked Reserves": ("163.2", "126.5", "-36.7"),
        "Surplus on Trading Accounts": ("0.0", "0.0", "0.0"),
        "School Reserves": ("28.3", "12.8", "-15.5"),
    }
    earmarked = next(r for r in data["reserves"] if r["account"] == "Earmarked Reserves")
    assert len(earmarked["items"]) == 15
    assert [i["amount"] for i in earmarked["items"]] == [
        "-10.9",
        "-1.5",
        "0.6",
        "1.3",
        "-2.1",
        "0.5",
        "-3.8",
        "0.6",
        "-7.9",
        "-2.5",
        "-6.8",
        "-1.4",
        "0.9",
        "-1.5",
        "-2.2",
    ]
    assert [(c["company"], c["budget"], c["forecast"], c["from_trading_surplus"]) for c in data["companies"]] == [
        ("Commercial Services", "6.800", "5.063", "5.063"),
        ("GEN2", "0.620", "0.620", "0.620"),
        ("Invicta Law", "1.057", "1.057", "1.057"),
    ]


def test_activity_september(tmp_path):
    data = report("2017-09", tmp_path)
    tables = {t["ref"]: t for t in data["activity"]}
    for ref, (budget, forecast, variance, a_budget, a_forecast) in ACTIVITY.items():
        t = tables[ref]
        assert (
            t["budget_net"],
            t["forecast_net"],
            t["variance_net"],
            t["activity_budget"],
            t["activity_forecast"],
        ) == (budget, forecast, variance, a_budget, a_forecast), ref
    csc = tables["2.10"]
    assert (csc["budget_gross"], csc["forecast_gross"], csc["variance_gross"]) == ("38.6", "40.9", "2.3")
    assert (csc["variance_kcc"], csc["variance_agency"]) == ("-5.7", "8.0")
    staff = tables["2.16"]
    assert (staff["budget_gross"], staff["forecast_gross"], staff["variance_gross"]) == ("304.9", "312.1", "7.2")
    assert (staff["variance_kcc"], staff["variance_agency"]) == ("-6.1", "13.3")
    assert (staff["staff_start_kcc"], staff["staff_now_kcc"], staff["staff_movement_kcc"]) == (
        "7,609.36",
        "7,504.66",
        "-104.70",
    )
    assert (staff["staff_start_agency"], staff["staff_now_agency"], staff["staff_movement_agency"]) == (
        "445",
        "539",
        "94",
    )
    # §8: the concessionary journeys to date are what the data give (9,321), not the seed's 9,320
    assert tables["2.12"]["activity_ytd_variance"] == "9,321"


def test_asylum_september(tmp_path):
    asylum = report("2017-09", tmp_path)["asylum"]
    total = asylum["costs"][-1]
    assert "before Corporate Director adjustment" in total["label"]
    assert (
        total["gross"],
        total["income"],
        total["net"],
        total["variance_gross"],
        total["variance_income"],
        total["variance_net"],
    ) == ("23.6", "-23.1", "0.6", "-0.8", "4.9", "4.1")
    assert [(r["variance_net"]) for r in asylum["costs"][:3]] == ["-0.2", "1.9", "2.4"]
    assert (asylum["dispersed_new_arrivals"], asylum["dispersed_total"]) == (244, 284)
    by_age = {r["month"]: r["total"] for r in asylum["by_age"]}
    eligibility = {r["period"]: r["total"] for r in asylum["eligibility"]}
    assert (by_age["2017-05"], eligibility["May"]) == (1191, 1192)  # both as entered
    assert (by_age["2017-09"], eligibility["September"]) == (1170, 1169)


def test_trajectory(tmp_path):
    data = report("2017-09", tmp_path)
    assert [(t["month"], t["revised_net_variance"]) for t in data["trajectory"]] == [
        ("May 2017", "11.273"),
        ("July 2017", "10.993"),
        ("August 2017", "11.226"),
        ("September 2017", "8.330"),
    ]


def test_july_table2_and_committee_extract(tmp_path):
    data = report("2017-07", tmp_path)
    assert rows(data["table1"]["rows"]) == TABLE2_JULY
    extract = data["committee_extracts"]["SCS"]
    assert [(r["heading"], r["net_budget"], r["nfv"]) for r in extract["table1"]] == SCS_JULY
    assert {r["cda"] for r in extract["table1"]} == {"0.0"}
    assert extract["table1"][-1]["rnv"] == "222.5"
    assert rows(extract["table2"]) == TABLE2_JULY
    assert extract["capital_budget"] == "21.446"
    assert [(h["scheme"], h["kind"], h["amount"]) for h in extract["capital_headlines"]] == [
        ("New Ways of Working (NWoW)", "real", "+2.127"),
        ("Modernisation of Assets", "real", "-0.483"),
        ("Property Investment & Acquisition Fund", "real", "+0.215"),
        ("Dover Discovery Centre", "rephasing", "-4.006"),
    ]
    alone = report("2017-07", tmp_path, "--committee", "SCS")
    assert [(r["heading"], r["net_budget"], r["nfv"]) for r in alone["table1"]] == SCS_JULY


def test_august_totals(tmp_path):
    """§7.3: August NFV 13.617, CDA -2.391, RNV 11.226 (the minute, 004 l.69)."""
    total = next(r for r in report("2017-08", tmp_path)["table1"]["rows"] if r["kind"] == "total_excl")
    assert (total["nfv"], total["cda"], total["rnv"]) == ("13.617", "-2.391", "11.226")

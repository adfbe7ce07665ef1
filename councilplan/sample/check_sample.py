"""Check the sample data set against spec/monitoring.md §6, independently of the analysis engine.

    python councilplan/sample/check_sample.py

Reads activities.csv and the Q1 and Q2 returns beside this file, recounts every figure that spec §6
says the Q2 (and Q1) report must show, straight from the spec's definitions (§5), and compares the
data with what seed 000 prints (the summary tick table, Q1 statuses, §2.2 issue themes, §2.7 ended
activities, §3.5 dates), transcribed below. Standard library only. Prints each figure; exits 1 if
any check fails. If the seed itself is found (shared/seeds/ beside the repository), the titles and
outcomes are also compared with it character for character.
"""

import csv
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # the repository: the exchange format's columns are declared in it

from councilplan.monitoring.questions import MILESTONE_TYPES as MILESTONES  # noqa: E402
from councilplan.monitoring.questions import RETURN_COLUMNS  # noqa: E402
from councilplan.plan.columns import ACTIVITY_COLUMNS  # noqa: E402

SEED = HERE.parents[2] / "shared" / "seeds" / "000_c13a9a8d7689b7bf.txt"
REFS = [str(n) for n in range(1, 80)]

STATUSES = ["on_track", "remedial_action", "unlikely", "not_started"]
NOT_ON_TRACK = {"remedial_action", "unlikely"}
TYPES = {"people_commissioning", "infrastructure_commissioning", "service_change", "strategy_policy"}
THEMES = [
    "capacity",
    "complexity",
    "dependencies",
    "delivery_environment",
    "stakeholders",
    "financial",
    "financial_benefits",
    "legal",
    "governance",
    "other",
]
GROUP_OF_BOARD = {
    "cmm": "cmm",
    "corporate_board": "corporate_board",
    "cabinet_committee": "cabinet_committee",
    "scb": "informal_governance",
    "icb": "informal_governance",
    "bdg": "informal_governance",
}
GROUPS = ["cmm", "corporate_board", "informal_governance", "cabinet_committee"]
LEVELS = ["project_programme", "service_divisional", "directorate", "corporate"]
PROJECT_STATUSES = {"active", "completed", "stopped", "bau"}
OUTCOMES = [
    ("Children and young people in Kent get the best start in life", range(1, 15)),
    (
        "Kent communities feel the benefits of economic growth by being in-work, healthy and enjoying a good "
        "quality of life",
        range(15, 45),
    ),
    ("Older and vulnerable residents are safe and supported with choices to live independently", range(45, 62)),
    ("Corporate Enabling Activity", range(62, 80)),
]

# fmt: off
# --- Transcribed from seed 000 --------------------------------------------------------------------

# Summary tables: ref, Q2 delivery status, ticks for Milestones, CMM, Corporate Board, Informal
# Governance, Cabinet Committee (x = tick).
SUMMARY_TABLE = """
     1 on_track    xxxxx    2 on_track    x--x-    3 on_track    x--xx
     4 remedial    x--x-    5 remedial    -----    6 unlikely    x----
     7 on_track    x--xx    8 on_track    x--xx    9 on_track    x--xx
    10 remedial    x--x-   11 remedial    -----   12 on_track    ----x
    13 on_track    -xx-x   14 on_track    -x--x   15 on_track    xx---
    16 on_track    -x---   17 on_track    x---x   18 on_track    x--xx
    19 on_track    -x---   20 on_track    x---x   21 remedial    xxx-x
    22 on_track    x---x   23 on_track    x---x   24 on_track    x--xx
    25 on_track    -----   26 on_track    -x--x   27 on_track    -x--x
    28 on_track    -x---   29 on_track    -x---   30 remedial    x---x
    31 on_track    -x---   32 on_track    -x---   33 on_track    x----
    34 on_track    x---x   35 on_track    ---xx   36 on_track    -x---
    37 on_track    x---x   38 on_track    x----   39 on_track    x----
    40 not_started x----   41 on_track    x--xx   42 on_track    x--xx
    43 on_track    x----   44 on_track    ----x   45 on_track    ----x
    46 on_track    x----   47 on_track    x--xx   48 on_track    ---xx
    49 on_track    x--x-   50 on_track    x--xx   51 on_track    x--x-
    52 unlikely    x--xx   53 on_track    xx-x-   54 on_track    ---xx
    55 on_track    x----   56 remedial    x--x-   57 on_track    x--xx
    58 on_track    -----   59 remedial    x--xx   60 on_track    xx--x
    61 on_track    x----   62 on_track    xxx-x   63 remedial    -xx--
    64 on_track    -xx--   65 on_track    xx--x   66 not_started -----
    67 on_track    -----   68 on_track    -x--x   69 on_track    -----
    70 unlikely    -x-x-   71 on_track    xxxxx   72 on_track    x--x-
    73 on_track    x--x-   74 remedial    x--x-   75 on_track    -----
    76 on_track    xxx-x   77 on_track    x--xx   78 on_track    -xx-x
    79 on_track    -x---
"""
SUMMARY = {}
for _ref, _status, _ticks in re.findall(r"(\d+) (\w+) +([x-]{5})", SUMMARY_TABLE):
    SUMMARY[_ref] = ("remedial_action" if _status == "remedial" else _status, tuple(c == "x" for c in _ticks))

# §2.2 "Delivery Q1" and §2.3 "Q1 Status" (everyone else was on track in Q1).
Q1_NOT_ON_TRACK = {
    "4": "unlikely", "11": "unlikely", "30": "remedial_action", "56": "remedial_action", "63": "unlikely",
    "34": "remedial_action", "35": "remedial_action", "51": "remedial_action", "54": "remedial_action",
    "58": "unlikely", "61": "remedial_action", "78": "unlikely",
}
# §2.3 Q1 issues in brackets ("58": "Q1 financial issue").
Q1_ISSUES_READ = {
    "34": {"capacity", "financial", "delivery_environment", "other"}, "35": {"capacity", "governance"},
    "51": {"complexity", "dependencies"}, "54": {"financial"}, "58": {"financial"}, "61": {"complexity"},
    "78": {"stakeholders", "delivery_environment"},
}
# §2.3: these gave no information on how their Q1 issues were resolved.
NO_RESOLUTION_GIVEN = {"34", "35", "51", "54", "58", "61", "78"}
# §2.2 emerging issues.
Q2_ISSUES = {
    "4": "Capacity; Dependencies",
    "5": "Capacity; Complexity; Stakeholders; Financial Benefits; Dependencies",
    "6": "Capacity; Complexity",
    "10": "Capacity; Dependencies",
    "11": "Capacity; Complexity; Stakeholders; Dependencies",
    "21": "Capacity",
    "30": "Legal; Stakeholders; Delivery Environment; Dependencies",
    "52": "Capacity; Complexity; Stakeholders; Delivery Environment; Dependencies",
    "56": "Financial; Governance; Stakeholders; Dependencies",
    "59": "Complexity; Stakeholders; Delivery Environment; Dependencies",
    "63": "Legal",
    "70": "Financial; Delivery Environment",
    "74": "Capacity; Complexity; Delivery Environment; Dependencies",
}
NO_MITIGATIONS = {"52", "63", "70"}  # §5.3
NO_RISK_REGISTER = {"6", "70"}  # §8.3
# §3.5: original SDP end date, new end date, new 'Go Live' date (DD/MM/YYYY as printed).
END_DATE_CHANGES = {
    "2": ("01/04/2020", "01/10/2020", ""), "3": ("01/04/2020", "01/10/2020", ""),
    "4": ("31/03/2020", "", "01/09/2020"), "6": ("31/03/2020", "01/04/2021", ""),
    "10": ("31/05/2019", "", "01/09/2020"), "15": ("01/08/2019", "01/11/2019", ""),
    "20": ("31/03/2023", "30/06/2023", ""), "21": ("31/07/2020", "", "30/03/2021"),
    "24": ("31/08/2019", "", "01/06/2021"), "26": ("01/04/2023", "01/12/2019", ""),
    "33": ("01/01/2020", "", "12/12/2018"), "49": ("01/11/2019", "06/04/2020", ""),
    "51": ("30/06/2019", "31/10/2019", ""), "52": ("01/01/2020", "01/04/2021", ""),
    "55": ("01/08/2019", "01/09/2021", ""), "56": ("31/03/2020", "31/10/2020", ""),
    "59": ("01/01/2020", "01/04/2021", ""), "61": ("30/09/2019", "31/03/2020", ""),
    "63": ("01/04/2020", "01/04/2021", ""), "68": ("31/05/2020", "31/03/2020", ""),
}
# §2.7: project status, reason, and whether CMT agreed it remains in monitoring.
ENDED = {
    "16": ("bau", "Business as usual – regular engagement is a core business function. CMT agreed activity "
                  "is BAU and to be removed from SDP monitoring.", "no"),
    "17": ("bau", "Business as usual – seeking developer contributions is a core business function. CMT "
                  "agreed activity is BAU and to be removed from SDP monitoring.", "no"),
    "23": ("bau", "Business as usual – KCC is a member of SELEP. CMT agreed activity is BAU and to be "
                  "removed from SDP monitoring.", "no"),
    "25": ("bau", "Business as usual – core HTW asset management work. CMT agreed activity is BAU and to be "
                  "removed from SDP monitoring.", "no"),
    "36": ("bau", "Business as usual – policy changes have been implemented. End date of 31/08/19. CMT "
                  "agreed activity is BAU and to be removed from SDP monitoring.", "no"),
    "70": ("bau", "Business as usual. CMT agreed for activity to remain on SDP monitoring.", "yes"),
    "71": ("completed", "The Strategic Business Case activity has completed. Other new activities and "
                        "workstreams form the next steps. Property Development Company to be established by "
                        "April 2020. CMT agreed for activity to remain on SDP monitoring.", "yes"),
    "74": ("bau", "Business as usual. CMT agreed for activity to remain on SDP monitoring.", "yes"),
}

# fmt: on

# --- Helpers ---------------------------------------------------------------------------------------

failures = []


def show(value):
    """Short, stable text for a value: sets and dicts sorted by activity number, long ones summarised."""

    def stable(v):
        if isinstance(v, set):
            return sorted(v, key=lambda x: (len(str(x)), str(x)))
        if isinstance(v, dict):
            return {k: stable(v[k]) for k in sorted(v, key=lambda x: (len(str(x)), str(x)))}
        return v

    value = stable(value)
    text = str(value)
    return text if len(text) <= 120 else f"{text[:100]}… ({len(value)} items)"


def check(name, actual, expected):
    ok = actual == expected
    print(f"{'ok  ' if ok else 'FAIL'} {name}: {show(actual)}" + ("" if ok else f" (expected {show(expected)})"))
    if not ok:
        failures.append(name)


def percent(count, of):
    """100 × count / of, rounded half up (spec §5)."""
    return None if of == 0 else (200 * count + of) // (2 * of)


def figure(name, count, of, expected_count, expected_of, expected_percent=None):
    check(name, (count, of), (expected_count, expected_of))
    if expected_percent is not None:
        check(f"{name} percent", percent(count, of), expected_percent)


def read(name):
    with (HERE / name).open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
        return reader.fieldnames, rows


def items(value):
    return [v.strip() for v in value.split(";") if v.strip()]


def iso(value):
    return date.fromisoformat(value)


def uk(value):
    day, month, year = value.split("/")
    return date(int(year), int(month), int(day))


def groups(value):
    return {GROUP_OF_BOARD[b] for b in items(value)}


def has_milestone(row):
    return any(row[f"milestone_{m}"].strip() for m in MILESTONES)


# --- Structure -------------------------------------------------------------------------------------


def check_structure(activities, rounds):
    print("== structure")
    check("activity refs", [a["ref"] for a in activities], REFS)
    check("activity types valid", sorted({a["activity_type"] for a in activities} - TYPES), [])
    for a in activities:
        iso(a["end_date"])
        if a["start_date"]:
            iso(a["start_date"])
    check(
        "lead officers fictional (@kent.example)",
        [a["ref"] for a in activities if not a["lead_officer"].endswith("@kent.example>")],
        [],
    )
    for title, refs in OUTCOMES:
        check(
            f"outcome of {refs.start}-{refs.stop - 1}",
            {a["outcome"] for a in activities if int(a["ref"]) in refs},
            {title},
        )
    for label, rows in rounds.items():
        bad = []
        check(f"{label} return refs", [r["ref"] for r in rows], REFS)
        for r in rows:
            ref = r["ref"]
            if r["delivery_status"] not in STATUSES:
                bad.append((ref, "delivery_status"))
            if any(t not in THEMES for t in items(r["issues"])):
                bad.append((ref, "issues"))
            if any(lv not in LEVELS for lv in items(r["risk_registers"])):
                bad.append((ref, "risk_registers"))
            for column in ("reported_to", "expected_to_report_to"):
                if any(b not in GROUP_OF_BOARD for b in items(r[column])):
                    bad.append((ref, column))
            for column in ("mitigations", "forward_plan_scheduled", "remain_in_monitoring"):
                if r[column] not in ("", "yes", "no"):
                    bad.append((ref, column))
            for column in ("new_end_date", "new_go_live_date"):
                if r[column]:
                    iso(r[column])
            if r["project_status"] not in PROJECT_STATUSES:
                bad.append((ref, "project_status"))
            if r["remain_in_monitoring"] and r["project_status"] == "active":
                bad.append((ref, "remain_in_monitoring on an active return"))
            if r["form_rating"] and r["form_rating"] not in ("1", "2", "3", "4", "5"):
                bad.append((ref, "form_rating"))
            if r["delivery_status"] in NOT_ON_TRACK:
                if not items(r["issues"]) or not r["issue_detail"].strip():
                    bad.append((ref, "not on track without issues or detail"))
            elif r["issues"] or r["mitigations"] or r["risk_registers"] or r["issue_detail"]:
                bad.append((ref, "issues on a return that is not 'not on track'"))
        check(f"{label} rows well formed", bad, [])


def check_titles(activities):
    if not SEED.exists():
        print(f"(seed not found at {SEED}: titles not compared)")
        return
    print("== titles and outcomes against seed 000")
    text = SEED.read_text(encoding="utf-8")
    text = text[text.index("July – September 2019) summary") : text.index("July – September 2019) analysis")]
    titles, outcome, outcomes = {}, None, {}
    for line in text.splitlines():
        heading = re.match(r"^Outcome \d+: (.+?)\s*$", line)
        if heading or line.strip() == "Corporate Enabling Activity":
            outcome = heading.group(1) if heading else line.strip()
        row = re.match(r"^(\d+)\. ([^\t]+)\t", line)
        if row:
            titles[row.group(1)] = row.group(2).strip()
            outcomes[row.group(1)] = outcome
    check("titles verbatim", [a["ref"] for a in activities if a["title"] != titles.get(a["ref"])], [])
    check("outcomes verbatim", [a["ref"] for a in activities if a["outcome"] != outcomes.get(a["ref"])], [])


# --- Figures ---------------------------------------------------------------------------------------


def common_figures(label, rows):
    """Counts shared by both rounds: statuses, milestones, governance, form rating."""
    n = len(rows)
    status = {s: sum(r["delivery_status"] == s for r in rows) for s in STATUSES}
    not_on_track = [r for r in rows if r["delivery_status"] in NOT_ON_TRACK]
    milestones = {m: sum(bool(r[f"milestone_{m}"].strip()) for r in rows) for m in MILESTONES}
    identified = sum(has_milestone(r) for r in rows)
    reported = {g: sum(g in groups(r["reported_to"]) for r in rows) for g in GROUPS}
    expected = {g: sum(g in groups(r["expected_to_report_to"]) for r in rows) for g in GROUPS}
    expected_none = sum(not groups(r["expected_to_report_to"]) for r in rows)
    ratings = [int(r["form_rating"]) for r in rows if r["form_rating"]]
    # Two decimal places, half up, from exact integers.
    average = f"{(200 * sum(ratings) + len(ratings)) // (2 * len(ratings)) / 100:.2f}" if ratings else None
    multiple = sum(len(items(r["issues"])) >= 2 for r in not_on_track)
    print(f"== {label}: {n} returns, {len(ratings)} form ratings (sum {sum(ratings)})")
    return status, not_on_track, milestones, identified, reported, expected, expected_none, average, multiple


def check_q1(activities, rows):
    status, not_on_track, milestones, identified, reported, expected, none, average, multiple = common_figures(
        "2019-20 Q1", rows
    )
    figure("responses", len(rows), 79, 79, 79, 100)
    check("statuses on_track/remedial_action/unlikely/not_started", [status[s] for s in STATUSES], [67, 7, 5, 0])
    check(
        "Q1 statuses as seed 000 §2.2/§2.3",
        {r["ref"]: r["delivery_status"] for r in rows if r["delivery_status"] != "on_track"},
        Q1_NOT_ON_TRACK,
    )
    figure("milestones_identified", identified, len(rows), 51, 79)
    check("milestone types " + ", ".join(MILESTONES), [milestones[m] for m in MILESTONES], [35, 19, 11, 23, 19, 19])
    check(
        "expected cmm, cabinet_committee, informal_governance, none",
        [expected["cmm"], expected["cabinet_committee"], expected["informal_governance"], none],
        [31, 41, 31, 19],
    )
    check("form rating average", average, "4.22")
    check("multiple_issues (§4.4 'up from 7 in Q1')", multiple, 7)
    issues = {r["ref"]: set(items(r["issues"])) for r in not_on_track}
    check("Q1 issues of §2.3", {ref: issues.get(ref) for ref in Q1_ISSUES_READ}, Q1_ISSUES_READ)
    check("Q1 project statuses all active", {r["project_status"] for r in rows}, {"active"})
    check("Q1 revised dates", [r["ref"] for r in rows if r["new_end_date"] or r["new_go_live_date"]], [])


def check_q2(activities, rows, q1_rows):
    activity = {a["ref"]: a for a in activities}
    status, not_on_track, milestones, identified, reported, expected, none, average, multiple = common_figures(
        "2019-20 Q2", rows
    )
    n, nt = len(rows), len(not_on_track)
    figure("responses", n, 79, 79, 79, 100)
    for s, c, p in zip(STATUSES, (64, 10, 3, 2), (81, 13, 4, 3), strict=True):
        figure(s, status[s], n, c, 79, p)
    figure("not_on_track", nt, n, 13, 79)

    def original(r):
        return iso(activity[r["ref"]]["end_date"])

    def revised_end(r):
        return bool(r["new_end_date"]) and iso(r["new_end_date"]) != original(r)

    def end_date_change(r):
        return revised_end(r) or (bool(r["new_go_live_date"]) and iso(r["new_go_live_date"]) != original(r))

    due = [r for r in rows if date(2019, 4, 1) <= original(r) <= date(2020, 3, 31)]
    at_risk = [r for r in due if r["delivery_status"] != "on_track" or revised_end(r)]
    figure("due_this_year", len(due), n, 29, 79)
    figure("due_this_year_at_risk", len(at_risk), len(due), 11, 29, 38)
    # 001 item 8 §3.2: of the 29, 9 gave new end dates, 6 of which now end after 2019/20.
    revised = [r for r in due if revised_end(r)]
    check("due this year with a new end date", len(revised), 9)
    check("of those, ending after 31/03/2020", sum(iso(r["new_end_date"]) > date(2020, 3, 31) for r in revised), 6)
    # 001 item 8 §3.2: of the 8 of §2.3, 3 changed their end date (51, 61, 63).
    check(
        "§2.3 activities with an end-date change",
        {r["ref"] for r in rows if end_date_change(r) and r["ref"] in {"34", "35", "51", "54", "58", "61", "63", "78"}},
        {"51", "61", "63"},
    )
    people = sum(activity[r["ref"]]["activity_type"] == "people_commissioning" for r in not_on_track)
    figure("people_commissioning_not_on_track", people, nt, 5, 13, 38)
    figure("milestones_identified", identified, n, 48, 79, 61)
    check("milestone types " + ", ".join(MILESTONES), [milestones[m] for m in MILESTONES], [32, 34, 19, 30, 48, 32])
    themes = {t: sum(t in items(r["issues"]) for r in not_on_track) for t in THEMES}
    for t, c, p in (
        ("dependencies", 9, 69),
        ("capacity", 8, 62),
        ("complexity", 6, 46),
        ("stakeholders", 6, 46),
        ("delivery_environment", 5, None),
        ("financial", 2, None),
        ("financial_benefits", 1, None),
        ("legal", 2, None),
        ("governance", 1, None),
        ("other", 0, None),
    ):
        figure(f"issue_{t}", themes[t], nt, c, 13, p)
    figure("multiple_issues", multiple, nt, 11, 13)
    distribution = {}
    for r in not_on_track:
        k = len(items(r["issues"]))
        distribution[k] = distribution.get(k, 0) + 1
    check("issue count distribution", dict(sorted(distribution.items())), {1: 2, 2: 4, 4: 5, 5: 2})
    label = {
        "Capacity": "capacity",
        "Complexity": "complexity",
        "Dependencies": "dependencies",
        "Delivery Environment": "delivery_environment",
        "Stakeholders": "stakeholders",
        "Financial": "financial",
        "Financial Benefits": "financial_benefits",
        "Legal": "legal",
        "Governance": "governance",
    }
    check(
        "issue themes per activity as §2.2",
        {r["ref"]: set(items(r["issues"])) for r in not_on_track},
        {ref: {label[t] for t in v.split("; ")} for ref, v in Q2_ISSUES.items()},
    )
    mitigations = [r for r in not_on_track if r["mitigations"] == "yes"]
    figure("mitigations", len(mitigations), nt, 10, 13, 77)
    check("without mitigations (§5.3)", {r["ref"] for r in not_on_track if r["mitigations"] != "yes"}, NO_MITIGATIONS)
    recorded = [r for r in not_on_track if items(r["risk_registers"])]
    figure("risk_recorded", len(recorded), nt, 11, 13)
    check(
        "no risk register (§8.3)", {r["ref"] for r in not_on_track if not items(r["risk_registers"])}, NO_RISK_REGISTER
    )
    for lv, c, p in zip(LEVELS, (6, 5, 2, 1), (46, 38, 15, 8), strict=True):
        figure(f"risk_{lv}", sum(lv in items(r["risk_registers"]) for r in not_on_track), nt, c, 13, p)
    figure("expected_informal_governance", expected["informal_governance"], n, 23, 79, 29)
    figure("expected_cabinet_committee", expected["cabinet_committee"], n, 37, 79, 47)
    figure("expected_cmm", expected["cmm"], n, 25, 79)
    figure("expected_none", none, n, 21, 79)
    figure("reported_cmm", reported["cmm"], n, 17, 79)
    figure("reported_cabinet_committee", reported["cabinet_committee"], n, 14, 79)
    figure("reported_informal_governance", reported["informal_governance"], n, 21, 79)
    expecting_informal = [r for r in rows if "informal_governance" in groups(r["expected_to_report_to"])]
    scheduled = [r for r in expecting_informal if r["forward_plan_scheduled"] == "yes"]
    figure("forward_plan_scheduled", len(scheduled), len(expecting_informal), 7, 23, 30)
    check(
        "forward plan 'yes' only where informal governance is expected",
        sum(r["forward_plan_scheduled"] == "yes" for r in rows),
        len(scheduled),
    )
    changes = [r for r in rows if end_date_change(r)]
    figure("end_date_changes", len(changes), n, 20, 79)
    check("end-date changes are §3.5's", {r["ref"] for r in changes}, set(END_DATE_CHANGES))
    check(
        "§3.5 dates",
        {
            r["ref"]: (activity[r["ref"]]["end_date"], r["new_end_date"], r["new_go_live_date"])
            for r in rows
            if r["ref"] in END_DATE_CHANGES
        },
        {ref: tuple(uk(d).isoformat() if d else "" for d in v) for ref, v in END_DATE_CHANGES.items()},
    )
    check(
        "no other revised dates",
        [r["ref"] for r in rows if (r["new_end_date"] or r["new_go_live_date"]) and r["ref"] not in END_DATE_CHANGES],
        [],
    )
    for ps, c in (("bau", 7), ("completed", 1), ("stopped", 0)):
        figure(f"project_status_{ps}", sum(r["project_status"] == ps for r in rows), n, c, 79)
    check(
        "§2.7 project status, reason, remains in monitoring",
        {
            r["ref"]: (r["project_status"], r["status_reason"], r["remain_in_monitoring"])
            for r in rows
            if r["project_status"] != "active"
        },
        ENDED,
    )
    leaving = {r["ref"] for r in rows if r["project_status"] != "active" and r["remain_in_monitoring"] != "yes"}
    check("leave monitoring after Q2", leaving, {"16", "17", "23", "25", "36"})
    check("Q3 scope", len(activities) - len(leaving), 74)
    check("form rating average", average, "3.70")

    print("== summary ticks (reported OR expected, per board group)")
    ticks = {}
    for r in rows:
        both = groups(r["reported_to"]) | groups(r["expected_to_report_to"])
        ticks[r["ref"]] = (r["delivery_status"], (has_milestone(r), *(g in both for g in GROUPS)))
    totals = [sum(t[1][i] for t in ticks.values()) for i in range(5)]
    check("ticks milestones, cmm, corporate_board, informal_governance, cabinet_committee", totals, [48, 26, 9, 30, 40])
    check("status and ticks per activity as seed 000 summary", [ref for ref in REFS if ticks[ref] != SUMMARY[ref]], [])

    print("== Q2 against Q1")
    q1 = {r["ref"]: r for r in q1_rows}
    changed = {
        r["ref"]
        for r in rows
        if r["delivery_status"] != q1[r["ref"]]["delivery_status"] and q1[r["ref"]]["delivery_status"] in NOT_ON_TRACK
    }
    check(
        "improved or changed from not on track in Q1 (§2.3, with 4, 11)",
        changed,
        {"4", "11", "34", "35", "51", "54", "58", "61", "63", "78"},
    )
    check(
        "no resolution information where §2.3 says none was given",
        sorted(ref for ref in NO_RESOLUTION_GIVEN if rows[int(ref) - 1]["previous_issues_resolution"]),
        [],
    )


def main():
    fields, activities = read("activities.csv")
    check("activities.csv columns", fields, ACTIVITY_COLUMNS)
    rounds = {}
    for label in ("Q1", "Q2"):
        fields, rounds[label] = read(f"returns-2019-20-{label}.csv")
        check(f"returns-2019-20-{label}.csv columns", fields, RETURN_COLUMNS)
    check("seed summary transcription has 79 rows", sorted(SUMMARY, key=int), REFS)
    check_structure(activities, rounds)
    check_titles(activities)
    check_q1(activities, rounds["Q1"])
    check_q2(activities, rounds["Q2"], rounds["Q1"])
    print()
    if failures:
        print(f"{len(failures)} check(s) failed: {', '.join(failures)}")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

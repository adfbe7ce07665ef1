"""Build the sample data set (KCC's 2019-20 Strategic Delivery Plan, Q1 and Q2 returns).

    python councilplan/sample/build_sample.py [path/to/seed-000.txt]

Writes activities.csv, returns-2019-20-Q1.csv and returns-2019-20-Q2.csv beside this file.
Deterministic: running it twice gives the same bytes. Titles, outcomes and Q2 statuses are read
from the seed's summary tables (default location: shared/seeds/ beside the repository); everything
else is written out below, each value marked READ (transcribed from seed 000, with its section) or
CHOSEN (a reconstruction that keeps spec/monitoring.md §6 true). README.md says the same in prose;
check_sample.py verifies the result independently of this script.
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

DEFAULT_SEED = HERE.parents[2] / "shared" / "seeds" / "000_c13a9a8d7689b7bf.txt"

STATUS_CODES = {
    "Yes, it is on track": "on_track",
    "It requires remedial action": "remedial_action",
    "No, it is unlikely to be achieved": "unlikely",
    "It has not formally started": "not_started",
}
NOT_ON_TRACK = ("remedial_action", "unlikely")


# ---------------------------------------------------------------------------------------------
# READ from seed 000, "summary": titles, outcome headings, Q2 status, ticks (parsed below).
# ---------------------------------------------------------------------------------------------


# CHOSEN: fictional lead officers, one per activity, named so that pages show people, not addresses. The
# names are made up from common first names and surnames; none is a real officer's.
FIRST_NAMES = (
    "Alex", "Bethan", "Callum", "Deepa", "Eleanor", "Farid", "Grace", "Harvey", "Imogen", "Jonah", "Kiran", "Lucy",
    "Marcus", "Niamh", "Oliver", "Priya", "Quentin", "Rosa", "Samuel", "Tara", "Umar", "Violet", "William",
)  # fmt: skip
SURNAMES = (
    "Adeyemi", "Baker", "Chen", "Davies", "Evans", "Fletcher", "Gill", "Hughes", "Iqbal", "Jones", "Khan", "Lewis",
    "Morgan", "Nolan", "Okafor", "Patel", "Quinn", "Roberts", "Singh", "Turner", "Underwood", "Vaughan", "Walsh",
    "Young",
)  # fmt: skip


def lead_officer_name(ref: int) -> str:
    return f"{FIRST_NAMES[ref % len(FIRST_NAMES)]} {SURNAMES[(ref * 7) % len(SURNAMES)]}"


def read_summary(seed_path):
    """ref -> (title, outcome, Q2 status code, ticks) from the seed's summary tables.

    ticks = (milestones, cmm, corporate_board, informal_governance, cabinet_committee) booleans.
    """
    text = seed_path.read_text(encoding="utf-8")
    start = text.index("Monitoring Quarter 2 (July – September 2019) summary")
    end = text.index("Monitoring Quarter 2 (July – September 2019) analysis")
    rows = {}
    outcome = None
    for line in text[start:end].splitlines():
        heading = re.match(r"^Outcome \d+: (.+?)\s*$", line)
        if heading:
            outcome = heading.group(1)
        elif line.strip() == "Corporate Enabling Activity":
            outcome = "Corporate Enabling Activity"
        row = re.match(r"^(\d+)\. (.+)$", line)
        if row:
            cells = line.split("\t")
            assert len(cells) == 7, line
            ref = int(row.group(1))
            title = cells[0].split(". ", 1)[1].strip()
            ticks = tuple(c.strip() == "✓" for c in cells[2:7])
            rows[ref] = (title, outcome, STATUS_CODES[cells[1].strip()], ticks)
    assert sorted(rows) == list(range(1, 80)), sorted(rows)
    return rows


# ---------------------------------------------------------------------------------------------
# Plan (activities.csv)
# ---------------------------------------------------------------------------------------------

# fmt: off
# CHOSEN from the titles (the seeds give no types). Exactly 5 of the 13 not on track in Q2 are
# people commissioning (4, 5, 6, 56, 59), as 000's overview says.
TYPES = {
    "people_commissioning": [2, 3, 4, 5, 6, 7, 8, 41, 42, 43, 44, 49, 53, 54, 55, 56, 59],
    "infrastructure_commissioning": [1, 18, 19, 20, 24, 25, 26, 27, 35, 39, 61, 69, 70, 71, 72, 73, 74, 77],
    "service_change": [11, 12, 13, 14, 28, 29, 30, 31, 32, 34, 36, 46, 52, 57, 58, 60, 64, 67, 75, 76, 78],
    "strategy_policy": [9, 10, 15, 16, 17, 21, 22, 23, 33, 37, 38, 40, 45, 47, 48, 50, 51, 62, 63, 65, 66,
                        68, 79],
}
TYPE_LABELS = {
    "people_commissioning": "People commissioning",
    "infrastructure_commissioning": "Infrastructure commissioning",
    "service_change": "Significant service change",
    "strategy_policy": "Strategy / policy development",
}

# fmt: on

# CHOSEN by subject: KCC's four directorates in 2019.
CYPE = "Children, Young People and Education"
ASCH = "Adult Social Care and Health"
GET = "Growth, Environment and Transport"
SCS = "Strategic and Corporate Services"


def directorate(ref):
    if ref == 8 or 38 <= ref <= 44:  # public health sat in Adult Social Care and Health
        return ASCH
    if ref <= 14:
        return CYPE
    if ref <= 37 or ref == 76:  # growth, highways, waste, libraries; emergency planning
        return GET
    if ref <= 61 and ref != 52:
        return ASCH
    return SCS  # corporate enabling activity, and 52 (VCS grants across the Council)


# fmt: off
# READ: original end dates of the 20 activities of 000 §3.5 (DD/MM/YYYY there).
SEED_END_DATES = {
    2: "2020-04-01", 3: "2020-04-01", 4: "2020-03-31", 6: "2020-03-31", 10: "2019-05-31", 15: "2019-08-01",
    20: "2023-03-31", 21: "2020-07-31", 24: "2019-08-31", 26: "2023-04-01", 33: "2020-01-01", 49: "2019-11-01",
    51: "2019-06-30", 52: "2020-01-01", 55: "2019-08-01", 56: "2020-03-31", 59: "2020-01-01", 61: "2019-09-30",
    63: "2020-04-01", 68: "2020-05-31",
}
# CHOSEN: 16 more on-track activities ending in 2019-20, so that 29 are due this year (13 of §3.5
# fall in the year). 36's date is the one its §2.7 reason gives ("End date of 31/08/19").
CHOSEN_IN_YEAR = {
    22: "2019-12-31", 28: "2020-03-31", 29: "2019-10-31", 31: "2020-03-31", 36: "2019-08-31", 38: "2020-03-31",
    43: "2020-03-31", 48: "2019-12-31", 50: "2020-03-31", 62: "2020-03-31", 64: "2020-03-31", 65: "2019-12-31",
    71: "2019-09-30", 72: "2020-03-31", 77: "2020-03-31", 79: "2020-03-31",
}
# CHOSEN: every other activity ends after 31 March 2020.
LATER_END_DATES = ("2021-03-31", "2020-09-30", "2022-03-31", "2020-12-31", "2021-09-30", "2023-03-31")
# fmt: on


def end_date(ref):
    if ref in SEED_END_DATES:
        return SEED_END_DATES[ref]
    if ref in CHOSEN_IN_YEAR:
        return CHOSEN_IN_YEAR[ref]
    return LATER_END_DATES[ref % len(LATER_END_DATES)]


NOT_STARTED = (40, 66)


def build_activities(summary):
    type_of = {ref: t for t, refs in TYPES.items() for ref in refs}
    assert sorted(type_of) == list(range(1, 80))
    rows = []
    for ref in range(1, 80):
        title, outcome, _status, _ticks = summary[ref]
        rows.append(
            {
                "ref": ref,
                "title": title,
                "outcome": outcome,
                "activity_type": type_of[ref],
                # CHOSEN: the plan year's start; none for the two not formally started.
                "start_date": "" if ref in NOT_STARTED else "2019-04-01",
                "end_date": end_date(ref),
                "directorate": directorate(ref),
                "lead_officer": f"{lead_officer_name(ref)} <lead{ref:02d}@kent.example>",  # fictional
                "description": f"{TYPE_LABELS[type_of[ref]]} activity in the 2019-20 Strategic Delivery Plan.",
            }
        )
    return rows, type_of


# ---------------------------------------------------------------------------------------------
# Q2 returns
# ---------------------------------------------------------------------------------------------

# fmt: off
# READ: 000 §3.5 — new end date, new 'Go Live' date.
SEED_NEW_DATES = {
    2: ("2020-10-01", ""), 3: ("2020-10-01", ""), 4: ("", "2020-09-01"), 6: ("2021-04-01", ""),
    10: ("", "2020-09-01"), 15: ("2019-11-01", ""), 20: ("2023-06-30", ""), 21: ("", "2021-03-30"),
    24: ("", "2021-06-01"), 26: ("2019-12-01", ""), 33: ("", "2018-12-12"), 49: ("2020-04-06", ""),
    51: ("2019-10-31", ""), 52: ("2021-04-01", ""), 55: ("2021-09-01", ""), 56: ("2020-10-31", ""),
    59: ("2021-04-01", ""), 61: ("2020-03-31", ""), 63: ("2021-04-01", ""), 68: ("2020-03-31", ""),
}
# Reasons only where the seed's narrative links one to the date (000 §4.3, §5.2, §5.3); the Q2 form
# did not ask for a reason (001 item 8 §3.2 "Future Monitoring"), so the others are left empty.
DATE_REASONS = {
    6: "Community Support Contract procurement aligned with the commissioning of the Short Breaks programme.",
    52: "Service model reviewed and procurement plan revised.",
    59: "Dependent on the revised project plan for the Community Wellbeing Services offer.",
    63: "Fair Funding Review timescales overridden by the one-year settlement for all government departments.",
}

# READ: 000 §2.2 issue themes of the 13 not on track.
Q2_ISSUES = {
    4: "capacity;dependencies",
    5: "capacity;complexity;stakeholders;financial_benefits;dependencies",
    6: "capacity;complexity",
    10: "capacity;dependencies",
    11: "capacity;complexity;stakeholders;dependencies",
    21: "capacity",
    30: "legal;stakeholders;delivery_environment;dependencies",
    52: "capacity;complexity;stakeholders;delivery_environment;dependencies",
    56: "financial;governance;stakeholders;dependencies",
    59: "complexity;stakeholders;delivery_environment;dependencies",
    63: "legal",
    70: "financial;delivery_environment",
    74: "capacity;complexity;delivery_environment;dependencies",
}
# Issue detail: from 000 §4.3 where it names the activity; otherwise generic.
Q2_ISSUE_DETAIL = {
    4: "Capacity for ControCC system changes continues to affect delivery.",
    5: "Complexities in relation to ICT changes (ControCC) and increasing demand.",
    6: "Capacity for ControCC system changes continues to affect delivery.",
    10: "Capacity for ControCC system changes continues to affect delivery.",
    11: "Increasing demand; dependent on Government, and greater clarity is needed on proposed changes.",
    30: "Dependent on Government; greater clarity is needed on the proposed legislative and service delivery "
        "changes.",
    52: "A revised service model and procurement plan are sought to lessen any destabilising impact on the "
        "Kent Voluntary and Community Sector.",
    56: "The changing landscape of the CCGs' Integrated Care Partnerships adds complexity.",
    59: "Affected by the revised project plan for the Community Wellbeing Services offer.",
    63: "Limited ability to influence Government timescales: the Fair Funding Review has been overridden by "
        "the one-year settlement for all government departments.",
    70: "Investor confidence and market constraints are affecting progression of disposals.",
}
GENERIC_ISSUE_DETAIL = "Issues under the themes identified are affecting the delivery timetable."
# READ: 000 §5.3 — no mitigations for 52, 63 and 70; the others have some (§5.1: 10 of 13).
NO_MITIGATIONS = (52, 63, 70)
# Mitigation detail: from 000 §5.2 where it names the activity; otherwise generic.
Q2_MITIGATION_DETAIL = {
    4: "Specific working groups established to address the issues.",
    5: "Internal and joint action plans and reviews; work commenced with Districts and Boroughs to review "
       "current arrangements.",
    6: "Community Support Contract procurement aligned with the commissioning of the Short Breaks programme.",
    10: "DBS checks progressing so that commissioning officers can support the analysis.",
    11: "Continuing to lobby Government for a funding response.",
    21: "Considering resource options.",
    30: "Continuing to engage with Government departments to influence plans and understand the implications.",
    56: "Greater strategic leadership involvement to address whole-system issues; funding arrangements "
        "progressed with CCGs.",
    59: "End date revised in response to the dependency.",
}
GENERIC_MITIGATION_DETAIL = "Actions are being managed through the activity's project governance."
# CHOSEN: risk register levels (000 §8 gives counts 6/5/2/1 and names 6 and 70 as having none).
Q2_RISKS = {
    4: "project_programme", 5: "service_divisional", 10: "service_divisional",
    11: "service_divisional;directorate", 21: "project_programme", 30: "service_divisional",
    52: "project_programme", 56: "project_programme;service_divisional", 59: "project_programme",
    63: "directorate;corporate", 74: "project_programme",
}

# READ: 000 §2.7 — project status and reason, and whether CMT agreed it remains in monitoring.
ENDED = {
    16: ("bau", "Business as usual – regular engagement is a core business function. CMT agreed activity is "
                "BAU and to be removed from SDP monitoring.", "no"),
    17: ("bau", "Business as usual – seeking developer contributions is a core business function. CMT agreed "
                "activity is BAU and to be removed from SDP monitoring.", "no"),
    23: ("bau", "Business as usual – KCC is a member of SELEP. CMT agreed activity is BAU and to be removed "
                "from SDP monitoring.", "no"),
    25: ("bau", "Business as usual – core HTW asset management work. CMT agreed activity is BAU and to be "
                "removed from SDP monitoring.", "no"),
    36: ("bau", "Business as usual – policy changes have been implemented. End date of 31/08/19. CMT agreed "
                "activity is BAU and to be removed from SDP monitoring.", "no"),
    70: ("bau", "Business as usual. CMT agreed for activity to remain on SDP monitoring.", "yes"),
    71: ("completed", "The Strategic Business Case activity has completed. Other new activities and "
                      "workstreams form the next steps. Property Development Company to be established by "
                      "April 2020. CMT agreed for activity to remain on SDP monitoring.", "yes"),
    74: ("bau", "Business as usual. CMT agreed for activity to remain on SDP monitoring.", "yes"),
}

# Governance, Q2. The seed gives each activity's tick per board group (reported OR expected) and the
# totals reported (17 CMM, 14 Cabinet Committee, 21 informal) and expected (25, 37, 23; 21 none).
# CHOSEN: which part of each tick is "reported" and which "expected":
Q2_REPORTED_ONLY = {  # tick met by reporting only: nothing further expected in that group
    "cmm": [36],
    "cabinet_committee": [14, 17, 23],
    "informal_governance": [3, 7, 18, 24, 41, 51, 57],
    "corporate_board": [],
}
Q2_EXPECTED_ONLY = {  # tick met by an expected report only
    "cmm": [15, 19, 21, 53, 60, 62, 65, 71, 79],
    "cabinet_committee": [3, 7, 9, 12, 18, 21, 22, 24, 30, 34, 35, 37, 44, 45, 47, 48, 50, 52, 57, 59, 65, 68,
                          71, 76, 77, 78],
    "informal_governance": [2, 4, 10, 49, 52, 56, 59, 72, 73],
    "corporate_board": [13, 21, 64, 71, 78],
}
# (All other ticks are both reported and expected.)
Q2_FORWARD_PLAN = [2, 8, 35, 50, 53, 54, 77]  # CHOSEN: 7 of the 23 expecting informal governance

# CHOSEN: which informal governance board an activity uses.
INFORMAL_BOARD = {"infrastructure_commissioning": "icb", "service_change": "bdg"}  # default scb
BOARD_ORDER = ("cmm", "corporate_board", "informal_governance", "cabinet_committee")

# CHOSEN: form ratings. Q2: 40 ratings summing to 148 (average 3.70); Q1: 50 summing to 211 (4.22).
Q2_RATINGS = [5] * 10 + [4] * 16 + [3] * 8 + [2] * 4 + [1] * 2
Q1_RATINGS = [5] * 22 + [4] * 19 + [3] * 7 + [2] * 2
# fmt: on


def ratings_for(ratings, step):
    """Spread ratings over the activities deterministically: ref -> rating."""
    n = len(ratings)
    raters = sorted(ref for ref in range(1, 80) if (ref * step) % 79 < n)
    assert len(raters) == n
    order = sorted(range(n), key=lambda i: (i * 17) % n)
    return {ref: ratings[order[i]] for i, ref in enumerate(raters)}


# fmt: off
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
SEASONS = {1: "Early", 2: "Early", 3: "Spring", 4: "Spring", 5: "Spring", 6: "Summer", 7: "Summer",
           8: "Summer", 9: "Autumn", 10: "Autumn", 11: "Autumn", 12: "End of"}
# Months before 'Go Live' at which each milestone falls (CHOSEN).
OFFSETS = {"approval_to_proceed": 10, "eqia_screening": 8, "consultation_start": 6, "key_decision": 3,
           "go_live": 0, "other": 1}
OTHER_TEXT = {
    "people_commissioning": "Contract award",
    "infrastructure_commissioning": "Contract award",
    "service_change": "Implementation review",
    "strategy_policy": "Draft to Directorate Management Team",
}
# Preference of each activity type for each milestone type (CHOSEN, used to pick which activities
# name which milestones; ties broken by a fixed permutation of refs).
PREFERENCE = {
    "approval_to_proceed": {},
    "eqia_screening": {"people_commissioning": 3, "service_change": 2, "strategy_policy": 1},
    "consultation_start": {"strategy_policy": 3, "people_commissioning": 2, "service_change": 1},
    "key_decision": {"people_commissioning": 3, "infrastructure_commissioning": 2, "service_change": 1},
    "go_live": {},
    "other": {"infrastructure_commissioning": 2, "people_commissioning": 2, "service_change": 1,
              "strategy_policy": 1},
}
# fmt: on


def months_before(iso, months):
    d = date.fromisoformat(iso)
    index = d.year * 12 + d.month - 1 - months
    return date(index // 12, index % 12 + 1, 1 if months else d.day)


def milestone_value(ref, kind, go_live_iso, activity_type):
    d = months_before(go_live_iso, OFFSETS[kind])
    style = (ref + MILESTONES.index(kind)) % 4
    if kind == "other":
        return f"{OTHER_TEXT[activity_type]} – {MONTHS[d.month - 1]} {d.year}"
    if style == 0:
        return f"{SEASONS[d.month]} {d.year}"
    if style == 1:
        return f"{MONTHS[d.month - 1]} {d.year} (estimated)"
    return d.isoformat()


def pick(candidates, kind, count, type_of, must=()):
    """The `count` activities of `candidates` that name milestone `kind`, `must` included."""
    prefs = PREFERENCE[kind]
    salt = MILESTONES.index(kind) * 7 + 3
    rest = sorted(
        (r for r in candidates if r not in must), key=lambda r: (-prefs.get(type_of[r], 0), (r * salt) % 97, r)
    )
    chosen = list(must) + rest[: count - len(must)]
    assert len(chosen) == count
    return set(chosen)


def assign_milestones(identified, counts, type_of, cover_with=None):
    """ref -> set of milestone kinds, with exact per-kind counts; every identified activity gets one."""
    chosen = {}
    covered = set()
    for kind in MILESTONES:
        must = ()
        if kind == cover_with:
            must = sorted(set(identified) - covered)
        chosen[kind] = pick(identified, kind, counts[kind], type_of, must)
        covered |= chosen[kind]
    assert covered == set(identified)
    return {ref: {k for k in MILESTONES if ref in chosen[k]} for ref in identified}


def board_codes(groups, activity_type):
    codes = []
    for group in BOARD_ORDER:
        if group in groups:
            codes.append(INFORMAL_BOARD.get(activity_type, "scb") if group == "informal_governance" else group)
    return ";".join(codes)


def blank_return(ref, status):
    row = dict.fromkeys(RETURN_COLUMNS, "")
    row.update(ref=ref, delivery_status=status, forward_plan_scheduled="no", project_status="active")
    return row


def progress_text(status):
    if status in NOT_ON_TRACK:
        return "Progress has been affected by the issues described."
    if status == "not_started":
        return "The activity has not formally started."
    return "Progress is in line with the activity plan."


# Progress text taken from the seed's narrative (000 §2.3, §2.7, §5.3).
Q2_PROGRESS = {
    52: "The service model has been reviewed and the procurement plan revised to address the issues.",
    58: "The update reports NHSE funding of £2.2m for the South East.",
    63: "Continued Government lobbying will be crucial going forward.",
    70: "The programme continues to monitor the market and anticipate changes in the economic climate.",
    71: "The Strategic Business Case activity has completed.",
}


def build_q2(summary, type_of):
    ends = {ref: end_date(ref) for ref in range(1, 80)}
    ticks = {ref: summary[ref][3] for ref in range(1, 80)}
    tick_groups = {ref: {g for g, t in zip(BOARD_ORDER, ticks[ref][1:], strict=True) if t} for ref in range(1, 80)}
    identified = [ref for ref in range(1, 80) if ticks[ref][0]]
    kinds = assign_milestones(
        identified,
        {
            "approval_to_proceed": 32,
            "eqia_screening": 34,
            "consultation_start": 19,
            "key_decision": 30,
            "go_live": 48,
            "other": 32,
        },
        type_of,
    )
    ratings = ratings_for(Q2_RATINGS, 7)
    q1_not_on_track = set(Q1_STATUS)
    rows = []
    for ref in range(1, 80):
        status = summary[ref][2]
        row = blank_return(ref, status)
        if ref in Q2_PROGRESS:
            row["progress"] = Q2_PROGRESS[ref]
        elif ref in ENDED and status == "on_track":
            row["progress"] = "The activity has become business as usual."
        else:
            row["progress"] = progress_text(status)
        new_end, new_go_live = SEED_NEW_DATES.get(ref, ("", ""))
        row.update(new_end_date=new_end, new_go_live_date=new_go_live, date_change_reason=DATE_REASONS.get(ref, ""))
        go_live = new_go_live or new_end or ends[ref]
        for kind in kinds.get(ref, ()):
            row[f"milestone_{kind}"] = (
                go_live
                if kind == "go_live" and (new_go_live or new_end)
                else milestone_value(ref, kind, go_live, type_of[ref])
            )
        if status in NOT_ON_TRACK:
            row.update(
                issues=Q2_ISSUES[ref],
                issue_detail=Q2_ISSUE_DETAIL.get(ref, GENERIC_ISSUE_DETAIL),
                mitigations="no" if ref in NO_MITIGATIONS else "yes",
                mitigation_detail=""
                if ref in NO_MITIGATIONS
                else Q2_MITIGATION_DETAIL.get(ref, GENERIC_MITIGATION_DETAIL),
                risk_registers=Q2_RISKS.get(ref, ""),
            )
        reported = {g for g in tick_groups[ref] if ref not in Q2_EXPECTED_ONLY[g]}
        expected = {g for g in tick_groups[ref] if ref not in Q2_REPORTED_ONLY[g]}
        row["reported_to"] = board_codes(reported, type_of[ref])
        row["expected_to_report_to"] = board_codes(expected, type_of[ref])
        row["forward_plan_scheduled"] = "yes" if ref in Q2_FORWARD_PLAN else "no"
        assert ref not in Q2_FORWARD_PLAN or "informal_governance" in expected
        if ref in ENDED:
            row["project_status"], row["status_reason"], row["remain_in_monitoring"] = ENDED[ref]
        row["form_rating"] = ratings.get(ref, "")
        if ref in q1_not_on_track:
            row["previous_issues_resolution"] = PREVIOUS_RESOLUTION.get(ref, "")
        rows.append(row)
    return rows


# fmt: off
# READ: 000 §2.3 says 34, 35, 51, 54, 58, 61 and 78 gave no information on resolving their Q1 issues
# (58 names NHSE funding without saying whether it resolves them): left empty. CHOSEN for the rest.
PREVIOUS_RESOLUTION = {
    4: "Q1 issues continue; see issue detail.",
    11: "Q1 issues continue; see issue detail.",
    30: "Q1 issues continue; see issue detail.",
    56: "Q1 issues continue; see issue detail.",
    63: "End date revised to 1 April 2021.",
}

# ---------------------------------------------------------------------------------------------
# Q1 returns
# ---------------------------------------------------------------------------------------------

# READ: Q1 status of those not on track in Q1 (000 §2.2 "Delivery Q1" and §2.3 "Q1 Status"); all
# others were on track (§2.1: 67 / 7 / 5 / 0).
Q1_STATUS = {
    4: "unlikely", 11: "unlikely", 30: "remedial_action", 56: "remedial_action", 63: "unlikely",
    34: "remedial_action", 35: "remedial_action", 51: "remedial_action", 54: "remedial_action",
    58: "unlikely", 61: "remedial_action", 78: "unlikely",
}
# READ for 34, 35, 51, 54, 58, 61, 78 (000 §2.3 brackets; 58's "Q1 financial issue"); CHOSEN for
# 4 (capacity: §4.3.1 "in Quarter 1"), 11, 30, 56, 63 so that 7 name two or more (§4.4).
Q1_ISSUES = {
    4: "capacity;dependencies",
    11: "complexity;stakeholders;dependencies",
    30: "legal;stakeholders;dependencies",
    34: "capacity;financial;delivery_environment;other",
    35: "capacity;governance",
    51: "complexity;dependencies",
    54: "financial",
    56: "financial",
    58: "financial",
    61: "complexity",
    63: "legal",
    78: "stakeholders;delivery_environment",
}
Q1_NO_MITIGATIONS = (63,)  # CHOSEN
Q1_RISKS = {  # CHOSEN
    4: "project_programme", 11: "service_divisional", 30: "service_divisional", 34: "project_programme",
    35: "project_programme", 51: "service_divisional", 54: "service_divisional", 56: "project_programme",
    58: "project_programme", 61: "project_programme", 63: "corporate", 78: "service_divisional",
}
# CHOSEN: Q1 milestones. 51 identified: Q2's 48 less 38, 40 and 46, plus six others.
Q1_MILESTONE_DROP = (38, 40, 46)
Q1_MILESTONE_ADD = (13, 14, 27, 35, 54, 70)
Q1_MILESTONE_COUNTS = {"approval_to_proceed": 35, "eqia_screening": 19, "consultation_start": 11,
                       "key_decision": 23, "go_live": 19, "other": 19}
# CHOSEN: Q1 governance. Expected = the groups of the activity's Q2 ticks, except that 17 and 23
# expected nothing (they reported to a Cabinet Committee in Q2 without having planned it), plus:
Q1_EXPECTED_EXTRA = {
    "cmm": [18, 20, 22, 24, 34],
    "cabinet_committee": [2, 4, 10],
    "informal_governance": [60],
    "corporate_board": [],
}
Q1_EXPECTED_NONE = (17, 23)
Q1_FORWARD_PLAN = [1, 9, 47, 53, 71]  # CHOSEN
# fmt: on


def build_q1(summary, type_of):
    ends = {ref: end_date(ref) for ref in range(1, 80)}
    ticks = {ref: summary[ref][3] for ref in range(1, 80)}
    identified = sorted({ref for ref in range(1, 80) if ticks[ref][0]} - set(Q1_MILESTONE_DROP) | set(Q1_MILESTONE_ADD))
    kinds = assign_milestones(identified, Q1_MILESTONE_COUNTS, type_of, cover_with="other")
    ratings = ratings_for(Q1_RATINGS, 11)
    rows = []
    for ref in range(1, 80):
        status = Q1_STATUS.get(ref, "on_track")
        row = blank_return(ref, status)
        row["progress"] = progress_text(status)
        for kind in kinds.get(ref, ()):
            row[f"milestone_{kind}"] = milestone_value(ref, kind, ends[ref], type_of[ref])
        if status in NOT_ON_TRACK:
            row.update(
                issues=Q1_ISSUES[ref],
                issue_detail=GENERIC_ISSUE_DETAIL,
                mitigations="no" if ref in Q1_NO_MITIGATIONS else "yes",
                mitigation_detail="" if ref in Q1_NO_MITIGATIONS else GENERIC_MITIGATION_DETAIL,
                risk_registers=Q1_RISKS[ref],
            )
        tick_groups = {g for g, t in zip(BOARD_ORDER, ticks[ref][1:], strict=True) if t}
        expected = (
            set()
            if ref in Q1_EXPECTED_NONE
            else tick_groups | {g for g, refs in Q1_EXPECTED_EXTRA.items() if ref in refs}
        )
        # Q1 reported: the groups this activity both reported to and still expected in Q2.
        reported = {g for g in tick_groups if ref not in Q2_EXPECTED_ONLY[g] and ref not in Q2_REPORTED_ONLY[g]}
        row["reported_to"] = board_codes(reported, type_of[ref])
        row["expected_to_report_to"] = board_codes(expected, type_of[ref])
        row["forward_plan_scheduled"] = "yes" if ref in Q1_FORWARD_PLAN else "no"
        assert ref not in Q1_FORWARD_PLAN or "informal_governance" in expected
        row["form_rating"] = ratings.get(ref, "")
        rows.append(row)
    return rows


def write(path, columns, rows):
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv):
    seed = Path(argv[1]) if len(argv) > 1 else DEFAULT_SEED
    summary = read_summary(seed)
    activities, type_of = build_activities(summary)
    write(HERE / "activities.csv", ACTIVITY_COLUMNS, activities)
    write(HERE / "returns-2019-20-Q1.csv", RETURN_COLUMNS, build_q1(summary, type_of))
    write(HERE / "returns-2019-20-Q2.csv", RETURN_COLUMNS, build_q2(summary, type_of))
    print(f"wrote {len(activities)} activities and two rounds of returns to {HERE}")


if __name__ == "__main__":
    main(sys.argv)

"""Writes submissions.csv: KCC's call for activity for the 2019-20 Strategic Delivery Plan, reconstructed.

    python councilplan/planning/sample/build_sample.py

Deterministic (no randomness: subsets are picked by fixed arithmetic). Standard library only. README.md says
what is READ from the seeds and what is CHOSEN; the comments below mark each value the same way. It ends by
recounting seed 002's figures from the file it wrote, on the bases README.md gives, and fails on a mismatch.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

HERE = Path(__file__).resolve().parent
PLAN_FILE = HERE.parents[1] / "sample" / "activities.csv"  # the sample plan: 79 activities (READ titles)
OUT = HERE / "submissions.csv"

OUTCOMES = [  # READ: the Strategic Statement's outcomes as the sample plan names them, in order
    "Children and young people in Kent get the best start in life",
    "Kent communities feel the benefits of economic growth by being in-work, healthy and enjoying a good quality "
    "of life",
    "Older and vulnerable residents are safe and supported with choices to live independently",
    "Corporate Enabling Activity",
]
CYPE = "Children, Young People and Education"
GET = "Growth, Environment and Transport"
ASCH = "Adult Social Care and Health"
SCS = "Strategic and Corporate Services"

# CHOSEN: the 104 submissions that did not reach the short list. Invented titles of the kind a county
# council's services submit; none is a real KCC submission. (title, type, directorate, review)
# review: "kept" stays on the long list; "operational" / "core_business" leave it at the review (12: 002 §2.5).
OTHERS = {
    1: [
        ("Refresh of the Kent Children and Young People's Plan", "strategy_policy", CYPE, "kept"),
        ("Review of home to school transport policy", "strategy_policy", CYPE, "kept"),
        ("Commissioning of short breaks for disabled children", "people_commissioning", CYPE, "kept"),
        ("Expansion of secondary school places in Maidstone", "infrastructure_commissioning", CYPE, "kept"),
        ("Inclusion and exclusions in schools review", "strategy_policy", CYPE, "kept"),
        ("Redesign of the 0–25 disability service", "service_change", CYPE, "kept"),
        ("Recommissioning of the children's independent advocacy service", "people_commissioning", CYPE, "kept"),
        ("Kent Test arrangements for 2019", "service_change", CYPE, "operational"),
        ("Youth justice plan 2019-20", "strategy_policy", CYPE, "core_business"),
        ("Adolescent support service redesign", "service_change", CYPE, "kept"),
        ("Foster carer recruitment campaign", "service_change", CYPE, "kept"),
        ("Children's speech and language therapy commissioning", "people_commissioning", CYPE, "kept"),
        ("Early years and childcare sufficiency strategy", "strategy_policy", CYPE, "kept"),
        ("New special school provision in north Kent", "infrastructure_commissioning", CYPE, "kept"),
        ("Virtual School Kent: pupil premium plus arrangements", "service_change", CYPE, "kept"),
        ("Post-16 transport offer review", "strategy_policy", CYPE, "kept"),
        ("Children's centre buildings rationalisation", "infrastructure_commissioning", CYPE, "kept"),
        ("Care leavers' local offer", "people_commissioning", CYPE, "kept"),
        ("Careers guidance for young people", "strategy_policy", CYPE, "kept"),
        ("Educational psychology service trading model", "service_change", CYPE, "kept"),
        ("School governor services trading model", "service_change", CYPE, "kept"),
        ("Annual report on school place planning", "strategy_policy", CYPE, "core_business"),
        ("Children's social work case management system upgrade", "infrastructure_commissioning", CYPE, "kept"),
    ],
    2: [
        ("Kent and Medway Growth and Infrastructure Framework refresh", "strategy_policy", GET, "kept"),
        ("Local Transport Plan 5 development", "strategy_policy", GET, "kept"),
        ("Highway drainage cleansing contract", "infrastructure_commissioning", GET, "kept"),
        ("Street lighting central management system", "infrastructure_commissioning", GET, "kept"),
        ("Mobile phone coverage improvement in rural Kent", "infrastructure_commissioning", GET, "kept"),
        ("Kent Country Parks strategy", "strategy_policy", GET, "kept"),
        ("Mobile library fleet replacement", "infrastructure_commissioning", GET, "kept"),
        ("Trading Standards checkpoint expansion", "service_change", GET, "kept"),
        ("Kent Energy and Low Emissions Strategy", "strategy_policy", GET, "kept"),
        ("Waste transfer station at Ashford", "infrastructure_commissioning", GET, "kept"),
        ("Household waste recycling centre opening hours review", "service_change", GET, "kept"),
        ("Kent Rail Strategy refresh", "strategy_policy", GET, "kept"),
        ("Lower Thames Crossing: council response and mitigation", "strategy_policy", GET, "kept"),
        ("Sustainable drainage approvals service", "service_change", GET, "kept"),
        ("Public rights of way improvement plan", "strategy_policy", GET, "kept"),
        ("Commissioning of community learning for adults", "people_commissioning", GET, "kept"),
        ("Smoking in pregnancy programme", "people_commissioning", ASCH, "kept"),
        ("NHS health checks recommissioning", "people_commissioning", ASCH, "kept"),
        ("Workplace health programme", "people_commissioning", ASCH, "kept"),
        ("Drug and alcohol treatment service recommissioning", "people_commissioning", ASCH, "kept"),
        ("Kent Film Office business model", "service_change", GET, "kept"),
        ("Creative industries enterprise hubs", "infrastructure_commissioning", GET, "kept"),
        ("Kent Design Guide review", "strategy_policy", GET, "kept"),
        ("Flood risk management strategy update", "strategy_policy", GET, "kept"),
        ("Coroner service accommodation", "infrastructure_commissioning", GET, "kept"),
        ("Community wardens deployment review", "service_change", GET, "kept"),
        ("Gypsy and traveller sites refurbishment", "infrastructure_commissioning", GET, "kept"),
        ("Kent Downs AONB management plan contribution", "strategy_policy", GET, "kept"),
        ("Tourism and visitor economy support", "service_change", GET, "kept"),
        ("Regional Growth Fund loan recovery", "service_change", GET, "kept"),
        ("Cycling and walking investment plan", "strategy_policy", GET, "kept"),
        ("Bus service subsidy review", "service_change", GET, "kept"),
        ("Kent Travel Saver scheme review", "service_change", GET, "kept"),
        ("Winter service plan 2019-20", "service_change", GET, "operational"),
        ("Annual highway resurfacing programme", "infrastructure_commissioning", GET, "operational"),
        ("Road safety education programme", "service_change", GET, "operational"),
        ("Footway reconstruction programme", "infrastructure_commissioning", GET, "operational"),
        ("Business rates pooling arrangements", "strategy_policy", GET, "kept"),
        ("Employment and skills support for people over 50", "strategy_policy", GET, "kept"),
        ("Heritage conservation service charging", "service_change", GET, "kept"),
    ],
    3: [
        ("Technology enabled care service recommissioning", "people_commissioning", ASCH, "kept"),
        ("Supported living for adults with learning disabilities", "infrastructure_commissioning", ASCH, "kept"),
        ("Advocacy services for adults recommissioning", "people_commissioning", ASCH, "kept"),
        ("Learning disability day services modernisation", "service_change", ASCH, "kept"),
        ("Shared Lives scheme expansion", "service_change", ASCH, "kept"),
        ("Community equipment service contract", "people_commissioning", ASCH, "kept"),
        ("Community mental health wellbeing service", "people_commissioning", ASCH, "kept"),
        ("Domestic abuse services recommissioning", "people_commissioning", ASCH, "kept"),
        ("Older people's residential care fee review", "strategy_policy", ASCH, "kept"),
        ("Safeguarding Adults Board strategic plan", "strategy_policy", ASCH, "core_business"),
        ("Deprivation of Liberty Safeguards assessments", "service_change", ASCH, "core_business"),
        ("Sensory services recommissioning", "people_commissioning", ASCH, "kept"),
        ("Autism strategy for adults", "strategy_policy", ASCH, "kept"),
        ("Integrated discharge to assess service", "service_change", ASCH, "kept"),
        ("Home care workforce recruitment and retention", "service_change", ASCH, "kept"),
        ("Housing related support for vulnerable adults", "people_commissioning", ASCH, "kept"),
        ("Direct payments support service recommissioning", "people_commissioning", ASCH, "kept"),
        ("Client financial affairs service review", "service_change", ASCH, "kept"),
        ("Adult social care charging policy review", "strategy_policy", ASCH, "kept"),
        ("Dementia friendly communities programme", "service_change", ASCH, "kept"),
        ("Care Act annual reviews: clearing the backlog", "service_change", ASCH, "operational"),
    ],
    4: [
        ("Payroll and HR self-service improvements", "infrastructure_commissioning", SCS, "kept"),
        ("Office estate rationalisation in Maidstone", "infrastructure_commissioning", SCS, "kept"),
        ("Digital workplace roll-out", "infrastructure_commissioning", SCS, "kept"),
        ("Customer services channel shift strategy", "strategy_policy", SCS, "kept"),
        ("Contact centre contract recommissioning", "service_change", SCS, "kept"),
        ("Workforce strategy 2019-2022", "strategy_policy", SCS, "kept"),
        ("Graduate and trainee recruitment scheme", "strategy_policy", SCS, "kept"),
        ("Depot rationalisation", "infrastructure_commissioning", SCS, "kept"),
        ("Data protection compliance programme", "service_change", SCS, "kept"),
        ("Insurance services retender", "service_change", SCS, "kept"),
        ("Treasury management strategy 2019-20", "strategy_policy", SCS, "core_business"),
        ("Statement of accounts 2018-19", "service_change", SCS, "core_business"),
        ("Internal audit plan 2019-20", "strategy_policy", SCS, "kept"),
        ("Members' ICT refresh", "infrastructure_commissioning", SCS, "kept"),
        ("Legal services trading review", "service_change", SCS, "kept"),
        ("Management spans and layers review", "service_change", SCS, "kept"),
        ("Commercial strategy for income generation", "strategy_policy", SCS, "kept"),
        ("Cyber security improvement programme", "infrastructure_commissioning", SCS, "kept"),
        ("Records management and archive digitisation", "service_change", SCS, "kept"),
        ("Equality and diversity objectives refresh", "strategy_policy", SCS, "kept"),
    ],
}

# The seed's figures and the base each is counted on (README.md): (count, base, percent).
TARGETS = {
    "short_list_in_delivery": 70,  # 70/79 = 89% (002 §2.8)
    "short_list_strategic_commissioning": 58,  # 58/79 = 73% (§4.6)
    "short_list_finance": 50,  # 50/79 = 63% (§4.8)
    "short_list_programme": 42,  # 42/79 = 53% (§5.2)
    "support_any": 130,  # 130/183 = 71% (§4.8)
    "capacity_unsure": 59,  # 59/183 = 32% (§4.7)
    "revenue": 99,  # 99/183 = 54% (§4.10)
    "eqia": 53,  # 53/183 = 29% (§4.11)
    "dpia": 38,  # 38/183 = 21% (§4.11)
}
# CHOSEN: how the submissions-based counts split between the short list (79) and the others (104).
SPLIT = {
    "support_any": (66, 64),
    "capacity_unsure": (20, 39),
    "revenue": (50, 49),
    "eqia": (30, 23),
    "dpia": (22, 16),
}
# CHOSEN: the others' support from Strategic Commissioning and Finance, programmes and delivery.
OTHERS_STRATEGIC_COMMISSIONING, OTHERS_FINANCE, OTHERS_PROGRAMME, OTHERS_IN_DELIVERY = 40, 35, 45, 55
OTHER_SERVICES = ["hr", "ict", "legal", "property", "procurement", "communications", "analytics", "other"]

HEADLINE_VERB = {  # CHOSEN, generic
    "people_commissioning": "Commission services that meet residents' needs and give value for money",
    "infrastructure_commissioning": "Provide the buildings, assets and technology the service needs",
    "service_change": "Change how the service is delivered to improve outcomes within budget",
    "strategy_policy": "Set the council's strategy and policy direction",
}
HEADLINE_END = [
    "so that children and young people get the best start in life",
    "so that Kent's communities share in the benefits of economic growth",
    "so that older and vulnerable residents are safe and supported to live independently",
    "so that the council's services are well run and well supported",
]
GOVERNANCE = {  # CHOSEN: informal governance routes by type (boards of spec/monitoring.md §2)
    "people_commissioning": "Service Commissioning Board, then the Cabinet Committee ahead of the decision",
    "infrastructure_commissioning": "Infrastructure Commissioning Board, then the Cabinet Committee",
    "service_change": "Budget Delivery Group and Cabinet Members Meeting, then the Cabinet Committee",
    "strategy_policy": "Cabinet Members Meeting, then the Cabinet Committee",
}
DIVISIONS = {  # CHOSEN
    CYPE: ["Education Planning and Access", "Integrated Children's Services", "Commissioning"],
    GET: ["Highways, Transportation and Waste", "Economic Development", "Environment, Planning and Enforcement"],
    ASCH: ["Adult Social Care", "Public Health", "Strategic Commissioning"],
    SCS: ["Infrastructure", "Finance", "Strategy, Policy, Relationships and Corporate Assurance"],
}
CABINET_MEMBER = [  # CHOSEN: portfolios, never names
    "Cabinet Member for Education and Skills",
    "Cabinet Member for Economic Development",
    "Cabinet Member for Adult Social Care and Public Health",
    "Cabinet Member for Corporate and Democratic Services",
]
OPENS = dt.datetime(2018, 10, 15, 9, 0)  # CHOSEN: a six-week window (002 §2.3) ending late November
WINDOW_DAYS = 42


def pick(items: list, n: int, salt: int) -> set:
    """n of `items`, spread by fixed arithmetic (no randomness)."""
    ranked = sorted(range(len(items)), key=lambda i: ((i + 1) * salt) % 1009)
    return {items[i] for i in ranked[:n]}


def amount(seed: int, low: int, high: int) -> int:
    """A round sum of pounds between low and high, from a number."""
    step = 50_000
    return low + ((seed * 7919) % ((high - low) // step + 1)) * step


def build() -> list[dict]:
    with open(PLAN_FILE, encoding="utf-8", newline="") as handle:
        plan = list(csv.DictReader(handle))
    assert len(plan) == 79
    entries = []
    for a in plan:  # READ: the short list is the sample plan
        entries.append(
            {
                "key": f"a{a['ref']}",
                "title": a["title"],
                "outcome": a["outcome"],
                "activity_type": a["activity_type"],
                "directorate": a["directorate"],
                "lead_officer": a["lead_officer"],
                "start_date": a["start_date"],
                "end_date": a["end_date"],
                "review": "kept",
                "activity_ref": a["ref"],
            }
        )
    leads: dict[str, list[str]] = {}
    for a in plan:
        leads.setdefault(a["directorate"], []).append(a["lead_officer"])
    n = 0
    for outcome_number, rows in OTHERS.items():
        for title, kind, directorate, review in rows:
            n += 1
            pool = leads[directorate]
            entries.append(
                {
                    "key": f"o{n}",
                    "title": title,
                    "outcome": OUTCOMES[outcome_number - 1],
                    "activity_type": kind,
                    "directorate": directorate,
                    "lead_officer": pool[(n * 5) % len(pool)],  # CHOSEN from the plan's fictional officers
                    "start_date": "2019-04-01" if n % 3 else "2018-10-01",
                    "end_date": f"{2020 + n % 3}-03-31",
                    "review": review,
                    "activity_ref": "",
                }
            )
    assert len(entries) == 183, len(entries)
    short = [e["key"] for e in entries if e["activity_ref"]]
    others = [e["key"] for e in entries if not e["activity_ref"]]

    # Short list (79): in delivery, support, programme.
    not_started = {"a40", "a66"}  # READ: no start date in the sample plan (not formally started)
    strategies = [k for k in short if k not in not_started and _e(entries, k)["activity_type"] == "strategy_policy"]
    not_in_delivery = not_started | pick(strategies, 79 - TARGETS["short_list_in_delivery"] - 2, 31)
    support_short = pick(short, SPLIT["support_any"][0], 17)
    sc_short = pick(sorted(support_short), TARGETS["short_list_strategic_commissioning"], 23)
    finance_short = pick(sorted(support_short), TARGETS["short_list_finance"], 29)
    programme_short = pick(short, TARGETS["short_list_programme"], 37)
    # Others (104).
    support_others = pick(others, SPLIT["support_any"][1], 41)
    sc_others = pick(sorted(support_others), OTHERS_STRATEGIC_COMMISSIONING, 43)
    finance_others = pick(sorted(support_others), OTHERS_FINANCE, 47)
    programme_others = pick(others, OTHERS_PROGRAMME, 53)
    delivery_others = pick(others, OTHERS_IN_DELIVERY, 59)
    split = {
        name: pick(short, a, 61 + i) | pick(others, b, 71 + i)
        for i, (name, (a, b)) in enumerate(sorted(SPLIT.items()))
        if name != "support_any"
    }
    support_all = support_short | support_others
    sc_all, finance_all = sc_short | sc_others, finance_short | finance_others
    in_delivery = (set(short) - not_in_delivery) | delivery_others
    programme = programme_short | programme_others
    # Decisions of the long list's others (92): CHOSEN 76 operating plan, 10 business as usual, 6 withdrawn.
    kept_others = [k for k in others if _e(entries, k)["review"] == "kept"]
    assert len(kept_others) == 92
    bau = pick(kept_others, 10, 67)
    withdrawn = pick(sorted(set(kept_others) - bau), 6, 73)

    # Numbered in order of submission: an order that mixes the plan's activities and the others.
    order = sorted(range(183), key=lambda i: (i * 37) % 183)
    rows = []
    for number, index in enumerate(order, start=1):
        e = entries[index]
        key, kind = e["key"], e["activity_type"]
        outcome_number = OUTCOMES.index(e["outcome"]) + 1
        seed = index + 1
        services = []
        if key in support_all:
            if key in sc_all:
                services.append("strategic_commissioning")
            if key in finance_all:
                services.append("finance")
            extra = [OTHER_SERVICES[(seed * j) % len(OTHER_SERVICES)] for j in (1, 3) if (seed + j) % 4]
            if kind == "infrastructure_commissioning" and seed % 2:
                extra.insert(0, "property")
            if seed % 29 == 0:
                extra.append("other")
            services += [s for s in dict.fromkeys(extra) if s not in services]
            if not services:
                services.append("procurement" if "commissioning" in kind else "communications")
        revenue = amount(seed, 100_000, 3_000_000) if key in split["revenue"] else None
        capital = amount(seed * 3, 500_000, 20_000_000) if kind == "infrastructure_commissioning" else None
        if capital is not None and seed % 4 == 0:
            capital = None  # CHOSEN: some capital costs not yet known
        savings = amount(seed * 5, 100_000, 2_000_000) if kind == "service_change" and seed % 3 else None
        income = amount(seed * 11, 50_000, 500_000) if seed % 13 == 0 else None
        biggest = max(x or 0 for x in (revenue, capital, savings, income))
        key_decision = "yes" if biggest >= 1_000_000 else ("no" if biggest else "not_known")  # seed 001: £1m
        capacity = "unsure" if key in split["capacity_unsure"] else ("gap" if seed % 3 == 0 else "in_place")
        assessment = ["not_started", "not_required"]
        eqia = ("completed" if seed % 2 else "in_progress") if key in split["eqia"] else assessment[seed % 5 == 0]
        dpia = ("completed" if seed % 3 else "in_progress") if key in split["dpia"] else assessment[seed % 4 == 0]
        if e["activity_ref"]:
            decision = "short_list"
        elif e["review"] != "kept":
            decision = ""
        elif key in bau:
            decision = "bau"
        elif key in withdrawn:
            decision = "withdrawn"
        else:
            decision = "operating_plan"
        low, high = (3, 5) if e["activity_ref"] else (1, 4)
        span = high - low + 1
        scores = [low + (seed * m + number) % span for m in (3, 5, 7, 11)]
        day = (number - 1) * WINDOW_DAYS // 183
        submitted = OPENS + dt.timedelta(days=day, hours=(number * 3) % 8, minutes=(number * 17) % 60)
        rows.append(
            {
                "number": number,
                "title": e["title"],
                "headline": f"{HEADLINE_VERB[kind]}, {HEADLINE_END[outcome_number - 1]}.",
                "outcome": e["outcome"],
                "activity_type": kind,
                "directorate": e["directorate"],
                "division": DIVISIONS[e["directorate"]][seed % 3],
                "lead_officer": e["lead_officer"],
                "corporate_director": f"Corporate Director, {e['directorate']}",
                "cabinet_member": CABINET_MEMBER[outcome_number - 1],
                "start_date": e["start_date"],
                "end_date": e["end_date"],
                "in_delivery": "yes" if key in in_delivery else "no",
                "part_of_programme": "yes" if key in programme else "no",
                "programme": f"{e['directorate']} change portfolio" if key in programme else "",
                "key_decision": key_decision,
                "decision_authority": "Cabinet Member" if key_decision == "yes" else "Corporate Director",
                "governance_route": GOVERNANCE[kind],
                "capital_cost": capital or "",
                "revenue_cost": revenue if revenue is not None else "",
                "savings": savings or "",
                "income": income or "",
                "funding_source": "Revenue budget" if revenue else ("Capital programme" if capital else ""),
                "capacity": capacity,
                "support": ";".join(services),
                "support_other": "Public Health intelligence" if "other" in services else "",
                "eqia": eqia,
                "dpia": dpia,
                "review": e["review"],
                "decision": decision,
                "activity_ref": e["activity_ref"],
                "strategic_importance": scores[0],
                "value": scores[1],
                "risk": scores[2],
                "complexity": scores[3],
                "submitted_at": submitted.strftime("%Y-%m-%d %H:%M"),
            }
        )
    return rows


def _e(entries: list[dict], key: str) -> dict:
    return next(e for e in entries if e["key"] == key)


def pc(count: int, of: int) -> int:
    return (200 * count + of) // (2 * of)


def check(rows: list[dict]) -> None:
    """Recount the seed's figures from the rows, on README.md's bases."""
    short = [r for r in rows if r["decision"] == "short_list"]
    long_list = [r for r in rows if r["review"] not in ("operational", "core_business")]
    found = {
        "submissions": (len(rows), None),
        "long_list": (len(long_list), None),
        "short_list": (len(short), None),
        "in_delivery": (sum(r["in_delivery"] == "yes" for r in short), len(short)),
        "strategic_commissioning": (sum("strategic_commissioning" in r["support"] for r in short), len(short)),
        "finance": (sum("finance" in r["support"].split(";") for r in short), len(short)),
        "programme": (sum(r["part_of_programme"] == "yes" for r in short), len(short)),
        "support_any": (sum(bool(r["support"]) for r in rows), len(rows)),
        "capacity_unsure": (sum(r["capacity"] == "unsure" for r in rows), len(rows)),
        "revenue": (sum(r["revenue_cost"] != "" for r in rows), len(rows)),
        "eqia": (sum(r["eqia"] in ("completed", "in_progress") for r in rows), len(rows)),
        "dpia": (sum(r["dpia"] in ("completed", "in_progress") for r in rows), len(rows)),
        "outcome_2": (sum(r["outcome"] == OUTCOMES[1] for r in rows), len(rows)),
        "cross_cutting": (sum(r["outcome"] == OUTCOMES[3] for r in rows), len(rows)),
    }
    seed = {  # 002's numbers
        "submissions": 183,
        "long_list": 171,
        "short_list": 79,
        "in_delivery": 89,
        "strategic_commissioning": 73,
        "finance": 63,
        "programme": 53,
        "support_any": 71,
        "capacity_unsure": 32,
        "revenue": 54,
        "eqia": 29,
        "dpia": 21,
        "outcome_2": 38,
        "cross_cutting": 21,
    }
    for key, (count, of) in found.items():
        got = count if of is None else pc(count, of)
        assert got == seed[key], f"{key}: {count}/{of} gives {got}, the seed says {seed[key]}"
        print(f"{key:25} {count:4}{'' if of is None else f' / {of} = {got}%'}")


def main() -> None:
    rows = build()
    check(rows)
    with open(OUT, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"Wrote {len(rows)} submissions to {OUT}")


if __name__ == "__main__":
    main()

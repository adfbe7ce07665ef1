"""The policy register's sample: the Strategy and Policy Register of September 2017 (136 entries in five sections,
seed 003 Appendix A), the stock-take's close-downs (Tables 1 and 2), the 21 under or due for review and the 36
forthcoming documents, the VCS policy's later review (seed 001), and links to the 2019-20 plan's activities.
See README.md. `load_sample()` is idempotent: a register already loaded is left as it is.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from django.db import transaction

from councilplan.analysis import policies as rules
from councilplan.core.models import User
from councilplan.plan.models import Activity, Plan
from councilplan.policies import services
from councilplan.policies.models import Policy

from . import stocktake_2017 as data

HERE = Path(__file__).resolve().parent
REGISTER = HERE / "register-2017-09.csv"
PLAN = "KCC Strategic Delivery Plan 2019-20"
DEMO_OWNER = ("policy.owner", "Demo Accountable Officer")
DEMO_OWNED = (45, *range(26, 34))  # the VCS policy and the information governance policies

# The type each title names (the register does not type its entries): the first of these words found.
TYPE_WORDS = (
    ("market position statement", "market_position_statement"),
    ("compact", "compact"),
    ("covenant", "covenant"),
    ("principles", "principles"),
    ("framework", "strategic_framework"),
    ("vision", "vision"),
    ("plan", "strategic_plan"),
    ("policy", "policy"),
    ("agreement", "policy"),
    ("contract", "policy"),
    ("pledge", "policy"),
    ("guide", "policy"),
)
PARTNERSHIP = re.compile(r"kent (and|&) medway|multi-agency|partners|safeguarding .*board|kscb|joint", re.I)


def doc_type_for(title: str) -> str:
    words = title.lower()
    if "strategy" in words:
        return "strategy"
    return next((code for word, code in TYPE_WORDS if word in words), "strategy")


def owner_for(title: str) -> str:
    return "partnership" if PARTNERSHIP.search(title) else "kcc"


def _register() -> list[dict]:
    with REGISTER.open(encoding="utf-8", newline="") as handle:
        return [{**row, "number": int(row["number"])} for row in csv.DictReader(handle)]


def _owner() -> User:
    username, name = DEMO_OWNER
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(username=username, name=name, role=User.Role.LEAD_OFFICER)
        user.set_unusable_password()
        user.save()
    return user


@transaction.atomic
def load_sample() -> str:
    if Policy.objects.filter(number=1).exists():
        return "Policy register: already loaded."
    sections = {name: services.section(name, order) for order, name in enumerate(data.SECTIONS, start=1)}
    owner = _owner()
    by_number: dict[int, Policy] = {}
    for row in _register():
        by_number[row["number"]] = services.create_policy(
            number=row["number"],
            title=row["title"],
            section=sections[row["section"]],
            doc_type=doc_type_for(row["title"]),
            owner_kind=owner_for(row["title"]),
            on=data.REGISTER_ON,
            agreed_by="Strategy and Policy Register (stock-take 2017)",
            accountable_officer=owner if row["number"] in DEMO_OWNED else None,
        )
    forthcoming: dict[str, Policy] = {}
    number = max(by_number) + 1
    for kind, items in (("replacement", data.FORTHCOMING_REPLACEMENTS), ("new", data.FORTHCOMING_NEW)):
        for title, section_name in items:
            forthcoming[title] = services.create_policy(
                number=number,
                title=title,
                section=sections[section_name],
                doc_type=doc_type_for(title),
                owner_kind=owner_for(title),
                status=rules.FORTHCOMING,
                forthcoming_kind=kind,
                on=data.REGISTER_ON,
                agreed_by="Stock-take 2017",
            )
            number += 1
    for n in data.UNDER_REVIEW:
        services.start_review(by_number[n], on=data.REGISTER_ON, note="Under or due for review (stock-take 2017)")
    for n, reason, successor, words in data.TABLE_1:
        services.agree_close_down(
            by_number[n],
            timing=rules.IMMEDIATE,
            reason=reason,
            agreed_by=data.AGREED_BY,
            on=data.AGREED_ON,
            replaced_by=by_number[successor] if successor else None,
            replacement_note=data.REPLACEMENT_NOTES.get(n, ""),
            note=words,
        )
    for n, expected, expected_by, successor in data.TABLE_2:
        services.agree_close_down(
            by_number[n],
            timing=rules.PLANNED,
            reason=rules.REPLACED,
            agreed_by=data.AGREED_BY,
            on=data.AGREED_ON,
            replaced_by=forthcoming[successor] if successor else None,
            replacement_note="" if successor else "A new version (not yet on the register)",
            expected_close=expected,
            expected_close_by=expected_by,
            note=data.TABLE_2_WORDS[n],
        )
    _vcs(by_number[data.VCS["number"]], owner)
    _activities(by_number, forthcoming)
    return (
        f"Policy register: {len(by_number)} entries of September 2017, {len(forthcoming)} forthcoming, "
        f"{len(data.TABLE_1)} + {len(data.TABLE_2)} close-downs agreed, {len(data.UNDER_REVIEW)} under review."
    )


def _vcs(policy: Policy, owner: User) -> None:
    vcs = data.VCS
    services.update_policy(
        policy,
        purpose=vcs["purpose"],
        start_date=vcs["start_date"],
        review_date=vcs["review_date"],
        decision_body=vcs["decision_body"],
        publication=vcs["publication"],
        reason="Front sheet (seed 001)",
    )
    services.start_review(policy, on=vcs["evaluation_on"], note=vcs["evaluation"])
    services.record_review(policy, reviewed_on=vcs["refresh_on"], outcome="revise", note=vcs["refresh"])


def _activities(by_number: dict[int, Policy], forthcoming: dict[str, Policy]) -> None:
    plan = Plan.objects.filter(name=PLAN).first()
    if plan is None:
        return
    activities = {a.ref: a for a in Activity.objects.filter(plan=plan)}
    linked: dict[int, list[Activity]] = {}
    for ref, target in data.ACTIVITY_LINKS:
        policy = by_number[target] if isinstance(target, int) else forthcoming[target]
        if ref in activities:
            linked.setdefault(policy.pk, [policy]).append(activities[ref])
    for policy, *found in linked.values():
        services.set_links(policy, activities=found)

"""What the risk registers show on other pages: an activity's open risks with their current and target scores (and
the same for an outcome's, a directorate's or a lead officer's activities), and the risks above target and rising
for the exceptions page."""

from __future__ import annotations

from django.urls import reverse

from councilplan.core.exempt import cleared
from councilplan.core.systems import ExceptionItem, Link, LinkGroup, PackSection
from councilplan.documents.model import Heading

from . import permissions, selectors


def _group(activity_ids, user) -> list[LinkGroup]:
    if not permissions.can_read_risks(user):
        return []
    seen = {}
    for risks in selectors.risks_for_activities(activity_ids, include_exempt=cleared(user)).values():
        for risk in risks:
            seen.setdefault(risk.code, risk)
    links = tuple(
        Link(
            f"{risk.code} {risk.title}",
            reverse("risks:risk", args=[risk.code]),
            f"{risk.register}: current score {risk.current_score}, target {risk.target_score}",
        )
        for risk in sorted(seen.values(), key=lambda r: r.code)
    )
    return [LinkGroup("Risks", links, "No open risk is linked to this activity.")]


def activity_links(activity, user) -> list[LinkGroup]:
    return _group([activity.pk], user)


def scope_links(scope, user) -> list[LinkGroup]:
    return _group(scope.activity_ids, user)


def exceptions(user) -> list[ExceptionItem]:
    if not permissions.can_read_risks(user):
        return []
    return [
        ExceptionItem(
            "Risks",
            f"{r.code} {r.title}",
            f"score {r.current_score} is above its target of {r.target_score} and rose from {r.previous_score} at "
            f"its latest review ({r.register})",
            reverse("risks:risk", args=[r.code]),
        )
        for r in selectors.risks_above_target_and_rising(include_exempt=cleared(user))
    ]


def pack_sections(quarter, user) -> list[PackSection]:
    """The quarterly pack's corporate risk register: its summary risk profile (the risks by level, current and
    target, and each open risk's scores and direction of travel), as the register's document has it; `user` None:
    the public version, without the risks marked exempt."""
    from .document import build_register_document

    if user is not None and not permissions.can_read_risks(user):
        return []
    registers = selectors.find_registers(None)
    if not registers:
        return []
    data = selectors.register_data(registers, include_exempt=cleared(user))
    blocks = build_register_document(data, selectors.get_scale()).blocks
    start = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == "Summary risk profile")
    stop = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == "Heat map")
    reviewed = [r.last_reviewed_on for r in data.registers if r.last_reviewed_on]
    basis = f"The open risks of the {data.title} as it stands"
    basis += f", last reviewed {max(reviewed):%-d %B %Y}" if reviewed else ", not yet reviewed"
    basis += f" (the register keeps no quarter-end copy, so this is today's register, not {quarter.label}'s)."
    return [PackSection(data.title, basis, tuple(blocks[start + 1 : stop]), order=30)]

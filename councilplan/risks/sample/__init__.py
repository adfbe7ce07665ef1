"""The risk registers' sample: KCC's Corporate Risk Register of December 2017 (seed 004). See README.md.

`load_sample()` is idempotent: a risk whose code exists already is left as it is (so edits made in the app
survive a second load), and the registers are only created when missing.
"""

from __future__ import annotations

from django.db import transaction

from councilplan.risks import services
from councilplan.risks.models import Register, Risk

from . import corporate_register_2017 as crr


def _register(fields: dict) -> Register:
    register = Register.objects.filter(name=fields["name"]).first()
    return register or services.create_register(user=None, **fields)


def _add_risk(register: Register, data: dict) -> Risk:
    previous = data.get("previous")
    first_review = crr.PREVIOUS_REVIEW if previous else crr.REVIEW
    risk = services.create_risk(
        register=register,
        code=data["code"],
        title=data["title"],
        causes=data.get("causes", ()),
        event="\n".join(data.get("event", ())),
        consequences=data.get("consequences", ()),
        owners=data.get("owners", ()),
        cabinet_members=data.get("cabinet_members", ()),
        current=tuple(previous or data["current"]),
        target=tuple(data["target"]),
        reviewed_on=first_review,
        note="Risk on the register in July 2017." if previous else "New risk.",
        user=None,
    )
    if previous:
        services.record_review(
            risk,
            reviewed_on=crr.REVIEW,
            current=tuple(data["current"]),
            target=tuple(data["target"]),
            context_changed=data.get("context_changed", False),
            note=data.get("note", "") or "Annual review, autumn 2017.",
            user=None,
        )
    for title, owner in data.get("controls", ()):
        services.add_control(risk, title=title, owner=owner, user=None)
    for title, owner, planned, status in data.get("actions", ()):
        services.add_action(risk, title=title, owner=owner, planned=planned, status=status, user=None)
    return risk


@transaction.atomic
def load_sample() -> str:
    corporate = _register(crr.REGISTER)
    directorate = _register(crr.DIRECTORATE_REGISTER)
    added = 0
    existing = set(Risk.objects.values_list("code", flat=True))
    for data in crr.RISKS:
        if data["code"] not in existing:
            _add_risk(corporate, data)
            added += 1
    if crr.WITHDRAWN["code"] not in existing:
        withdrawn = _add_risk(corporate, {**crr.WITHDRAWN, "previous": crr.WITHDRAWN["current"]})
        services.move_risk(
            withdrawn, to_register=directorate, reason=crr.WITHDRAWN["reason"], moved_on=crr.REVIEW, user=None
        )
        added += 1
    if not added:
        return f"The sample risk registers were already loaded ({corporate.name}: {corporate.risks.count()} risks)."
    return (
        f"Loaded the sample risk registers: {corporate.name} (December 2017, "
        f"{corporate.risks.filter(status=Risk.Status.OPEN).count()} risks) and {directorate.name}."
    )

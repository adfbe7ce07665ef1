"""Committee governance's sample: the three packs' bodies, membership, meetings, agendas, attendance, minutes,
work programmes and records of decision as the Fixture lists them (spec/governance.md §8), linked to the sample
plan's activities. See README.md. `load_sample()` is idempotent: once the P&R committee exists nothing is added.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from councilplan.governance import services
from councilplan.governance.models import AgendaItem, Body, Meeting, WorkProgrammeEntry
from councilplan.plan.models import Activity, Plan

from . import data

PLAN = "KCC Strategic Delivery Plan 2019-20"


def _activities() -> dict[str, Activity]:
    plan = Plan.objects.filter(name=PLAN).first()
    return {a.ref: a for a in Activity.objects.filter(plan=plan)} if plan else {}


def _bodies() -> dict[str, Body]:
    made: dict[str, Body] = {}
    renamed = {code: (old, on) for code, old, on in data.RENAMES}
    for code, name, kind, parent, formal, seats, group in data.BODIES:
        old, on = renamed.get(code, (name, None))
        made[code] = services.create_body(
            code=code, name=old, kind=kind, parent=made.get(parent), formal=formal, seats=seats, sdp_group=group
        )
        if on is not None:
            made[code] = services.rename_body(made[code], name=name, on=on)
    terms, source = data.PR_TERMS
    made["policy-and-resources"] = services.update_body(
        made["policy-and-resources"], terms_of_reference=terms, terms_source=source
    )
    return made


def _members(bodies: dict[str, Body]) -> None:
    pr = bodies["policy-and-resources"]
    for name, group, role, starts, ends in data.PR_MEMBERS:
        services.add_membership(pr, name, starts_on=starts, ends_on=ends, role=role, group=group)
    for name in data.CABINET_MEMBERS:
        services.add_membership(bodies["cabinet"], name, starts_on=data.PR_2017, group=data.CONSERVATIVE)
    for title, holder, starts in data.PORTFOLIOS:
        folio = services.portfolio(title)
        services.hand_portfolio(folio, holder, on=starts)
    old = services.portfolio("Corporate and Democratic Services").holdings.get()
    services.end_holding(old, on=data.RESHUFFLE - dt.timedelta(days=1))  # the portfolio ended in the reshuffle


def _meetings(bodies: dict[str, Body]) -> dict[tuple[str, object], Meeting]:
    made = {}
    rows = list(data.MEETINGS)
    rows += [("cmrg", day, None, "", "", None, "", "planned") for day, _ in data.CMRG_PLAN if day]
    for code, day, time, venue, clerk, _published, _signatory, _state in rows:
        made[(code, day)] = services.plan_meeting(bodies[code], date=day, start_time=time, venue=venue, clerk=clerk)
    return made


def _decisions(bodies: dict[str, Body], activities: dict[str, Activity]) -> dict:
    made = {}
    for reference, subject, maker, criteria, informal, refs in data.DECISIONS:
        fields = {"key_criteria": criteria}
        if maker == "Cabinet":
            fields["maker_body"] = bodies["cabinet"]
        else:
            fields["portfolio"] = services.portfolio(maker)
        if informal:
            fields["informal_board"] = bodies[informal[0]]
            fields["informal_when"] = informal[1]
        decision = services.create_decision(reference=reference, subject=subject, **fields)
        linked = [activities[r] for r in refs if r in activities]
        if linked:
            services.set_links(decision, activities=linked)
        made[reference] = decision
    return made


def _items(meetings, decisions, activities) -> dict:
    made = {}
    agendas = dict(data.ITEMS)
    sdp = "Strategic Delivery Plan Monitoring: Quarter 2 2019/20"
    for code in data.PATHWAY:
        day = next(d for c, d, *_ in data.MEETINGS if c == code)
        agendas[(code, day)] = [("1", sdp, None, None, None, "", (), "reports: SDP monitoring report 2019-20 Q2")]
    for key, rows in agendas.items():
        meeting = meetings[key]
        for number, title, first, last, paragraph, reference, refs, source in rows:
            item = services.add_item(
                meeting,
                number=number,
                title=title,
                first_page=first,
                last_page=last,
                decision=decisions.get(reference),
                exempt_paragraph=paragraph,
                exempt_reason=data.FINANCIAL if paragraph else "",
                paper=data.SDP_PAPER if title == sdp else "",
            )
            linked = [activities[r] for r in refs if r in activities]
            if linked:
                services.set_links(item, activities=linked)
            documents = data.DOCUMENTS.get((*key, number))
            if documents:
                for doc_title, kind, pages, doc_paragraph in documents:
                    services.add_document(
                        item,
                        title=doc_title,
                        kind=kind,
                        pages=pages,
                        exempt_paragraph=doc_paragraph,
                        exempt_reason=data.FINANCIAL if doc_paragraph else "",
                    )
            elif first is not None:
                services.add_document(
                    item,
                    title=title,
                    kind="report",
                    pages=last - first + 1,
                    source=source,
                    exempt_paragraph=paragraph,
                    exempt_reason=data.FINANCIAL if paragraph else "",
                )
            made[(*key, number)] = item
    return made


def _states(meetings) -> None:
    rows = {(c, d): (published, signatory, state) for c, d, _t, _v, _c, published, signatory, state in data.MEETINGS}
    for key, meeting in sorted(meetings.items(), key=lambda kv: kv[0][1]):
        published, signatory, state = rows.get(key, (None, "", "planned"))
        if state == "planned":
            continue
        if published is None:
            # A meeting the papers give only the minutes of (or name): held, its agenda's publication unknown.
            meeting.state = Meeting.State.PUBLISHED
            meeting._change_reason = "Agenda published (date not in the papers)"
            meeting.save()
        else:
            services.publish_agenda(meeting, on=published, signatory=signatory)
        if state in ("held", "approved"):
            services.record_held(meeting)
    for key, at in data.APPROVED_AT.items():
        meeting = meetings[key]
        meeting.refresh_from_db()
        services.approve_minutes(meeting, at=meetings[(key[0], at)])


def _attendance(meetings) -> None:
    for key, (present, substitutes, also, apologies, chair) in data.ATTENDANCE.items():
        meeting = meetings[key]
        for name in present:
            services.record_attendance(meeting, name, "present")
        for name, for_whom in substitutes:
            services.record_attendance(meeting, name, "substitute", substitute_for=for_whom)
        for name in also:
            services.record_attendance(meeting, name, "also_present")
        for name in apologies:
            services.record_attendance(meeting, name, "apologies")
        meeting.refresh_from_db()
        services.set_chair(meeting, chair)
    for key, rows in data.DECLARATIONS.items():
        for name, text in rows:
            services.declare(meetings[key], name, text)


def _minutes(meetings, items, decisions) -> None:
    for key, rows in data.MINUTES.items():
        meeting = meetings[key]
        meeting.refresh_from_db()
        for number, title, item_number, exempt_business in rows:
            item = items.get((*key, item_number)) if item_number else None
            services.add_minute(
                meeting,
                number=number,
                title=title,
                item=item,
                item_reference=f"Item {item_number}" if item_number else "",
                # The paragraph the motion named: the item's, else the exempt part's (data.X, every seed's).
                excluded_paragraph=((item.exempt_paragraph if item else None) or data.X) if exempt_business else None,
                excluded_reason="Exempt business of the exempt part" if exempt_business else "",
                resolution=data.MINUTE_TEXT.get(number, ""),
                vote="6:1" if number == 102 else "",
                decision=decisions.get(data.MINUTE_DECISIONS.get(number, "")),
            )


def _outcomes(meetings, decisions) -> None:
    for reference, (outcome, text) in data.OUTCOMES.items():
        services.record_outcome(decisions[reference], outcome=outcome, text=text)
    for reference, day, by, text in data.UNDERTAKINGS:
        services.add_undertaking(
            decisions[reference], by=by, text=text, meeting=meetings[("policy-and-resources", day)]
        )


def _work_programme(bodies, meetings, activities) -> None:
    pr = bodies["policy-and-resources"]
    for year, where, title, lead, origin, origin_text, recurrence, exempt, note, refs in data.WORK_PROGRAMME:
        fields = {
            "lead_officer": lead,
            "origin": origin,
            "origin_text": origin_text,
            "recurrence": recurrence,
            "note": note,
            "added_on": data.WP_UPDATED.get(year),
        }
        if isinstance(where, str):
            fields["slot"] = where
        else:
            fields["meeting"] = meetings[("policy-and-resources", where)]
        if exempt:
            fields.update(exempt_paragraph=data.X, exempt_reason=data.FINANCIAL)
        entry = services.add_entry(pr, year=year, title=title, **fields)
        linked = [activities[r] for r in refs if r in activities]
        if linked:
            services.set_links(entry, activities=linked)
    year, day, title, refs, reason = data.DEFERRED
    entry = services.add_entry(pr, year=year, title=title, meeting=meetings[("policy-and-resources", day)])
    services.defer_entry(entry, reason=reason)
    services.set_links(entry, activities=[activities[r] for r in refs if r in activities])
    services.generate_recurring(pr, 2017)
    cmrg = bodies["cmrg"]
    for day, title in data.CMRG_PLAN:
        where = {"meeting": meetings[("cmrg", day)]} if day else {"slot": WorkProgrammeEntry.Slot.FUTURE}
        services.add_entry(cmrg, year=2019, title=f"Review: {title}", origin="other", **where)


@transaction.atomic
def load_sample() -> str:
    if Body.objects.filter(code="policy-and-resources").exists():
        return "Committee governance: the sample is already loaded."
    activities = _activities()
    bodies = _bodies()
    _members(bodies)
    meetings = _meetings(bodies)
    decisions = _decisions(bodies, activities)
    items = _items(meetings, decisions, activities)
    _states(meetings)
    _attendance(meetings)
    _minutes(meetings, items, decisions)
    _outcomes(meetings, decisions)
    _work_programme(bodies, meetings, activities)
    return (
        f"Committee governance: {Body.objects.count()} bodies, {Meeting.objects.count()} meetings, "
        f"{AgendaItem.objects.count()} agenda items, {len(decisions)} decisions."
    )

"""Helpers for the report tests: read HTML with the standard library's parser, and make plans of any size."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

Q1, Q2 = "2019-20 Q1", "2019-20 Q2"


class ReportParser(HTMLParser):
    """Collects the text (outside <script>, <style> and <svg>), the headings, the tables and the tags."""

    SKIP = {"script", "style", "svg"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.headings: list[tuple[str, str]] = []
        self.tables: list[dict] = []
        self.tags: list[str] = []
        self.scripts: list[str] = []
        self._skip = 0
        self._in_script = False
        self._heading: str | None = None
        self._heading_text: list[str] = []
        self._cell: list[str] | None = None
        self._caption: list[str] | None = None
        self._table_stack: list[dict] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in self.SKIP:
            self._skip += 1
            self._in_script = tag == "script"
            return
        if tag in ("h1", "h2", "h3", "h4"):
            self._heading, self._heading_text = tag, []
        elif tag == "table":
            self._table_stack.append({"caption": "", "rows": []})
        elif tag == "caption":
            self._caption = []
        elif tag == "tr" and self._table_stack:
            self._table_stack[-1]["rows"].append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self._skip -= 1
            self._in_script = False
            return
        if tag == self._heading:
            self.headings.append((tag, " ".join("".join(self._heading_text).split())))
            self._heading = None
        elif tag == "caption" and self._caption is not None and self._table_stack:
            self._table_stack[-1]["caption"] = " ".join("".join(self._caption).split())
            self._caption = None
        elif tag in ("td", "th") and self._cell is not None and self._table_stack:
            self._table_stack[-1]["rows"][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "table" and self._table_stack:
            self.tables.append(self._table_stack.pop())

    def handle_data(self, data):
        if self._skip:
            if self._in_script:
                self.scripts.append(data)
            return
        self.text.append(data)
        if self._heading is not None:
            self._heading_text.append(data)
        if self._cell is not None:
            self._cell.append(data)
        if self._caption is not None:
            self._caption.append(data)


def parse_html(html: str) -> ReportParser:
    parser = ReportParser()
    parser.feed(html)
    parser.close()
    return parser


def plain_text(html: str) -> str:
    """The page's words, with whitespace collapsed, as a reader sees them."""
    return " ".join(" ".join(parse_html(html).text).split())


def table(parser: ReportParser, caption: str) -> dict:
    for found in parser.tables:
        if found["caption"] == caption:
            return found
    raise AssertionError(f"no table captioned {caption!r}; captions: {[t['caption'] for t in parser.tables]}")


def make_plan(name: str, activities: int, rounds: tuple[str, ...] = (Q1, Q2)):
    """A plan of `activities` activities in four outcomes, with a submitted return for each in each round:
    every fifth not on track with issues, mitigations and risk registers; milestones and boards on some; in the
    second round every 13th activity ends, and every 26th leaves monitoring after it.
    Written in bulk (with history), as a real import would be."""
    from simple_history.utils import bulk_create_with_history

    from councilplan.core.models import Directorate, Outcome
    from councilplan.monitoring.models import Return, Round
    from councilplan.plan.models import Activity, Plan

    plan = Plan.objects.create(name=name)
    outcomes = [Outcome.objects.get_or_create(title=f"Outcome {i}", defaults={"order": i})[0] for i in range(1, 5)]
    directorate, _ = Directorate.objects.get_or_create(name="Growth")
    types = ["people_commissioning", "infrastructure_commissioning", "service_change", "strategy_policy"]
    made = bulk_create_with_history(
        [
            Activity(
                plan=plan,
                ref=str(i),
                sort_key=i,
                title=f"Activity {i}",
                outcome=outcomes[i % 4],
                activity_type=types[i % 4],
                end_date=dt.date(2020 + i % 3, 3, 31),
                directorate=directorate,
            )
            for i in range(1, activities + 1)
        ],
        Activity,
    )
    made = list(Activity.objects.filter(plan=plan).order_by("sort_key"))
    for number, label in enumerate(rounds):
        round_ = Round.objects.create(plan=plan, label=label, state=Round.State.PUBLISHED)
        returns = []
        for activity in made:
            i = activity.sort_key + number
            off = i % 5 == 0
            returns.append(
                Return(
                    round=round_,
                    activity=activity,
                    state=Return.State.SUBMITTED,
                    delivery_status=("remedial_action" if i % 2 else "unlikely") if off else "on_track",
                    progress=f"Progress on activity {activity.ref}.",
                    milestones={"go_live": {"date": "2020-06-01", "estimated": False, "text": ""}} if i % 3 else {},
                    issues=["capacity", "dependencies"][: 1 + i % 2] if off else [],
                    issue_detail="Capacity is short." if off else "",
                    mitigations=off and i % 4 != 0,
                    risk_registers=["project_programme"] if off and i % 3 else [],
                    reported_to=["cmm"] if i % 4 == 1 else [],
                    expected_to_report_to=["scb", "cabinet_committee"] if i % 3 == 1 else [],
                    new_end_date=dt.date(2021, 3, 31) if i % 7 == 0 else None,
                    form_rating=1 + i % 5,
                    # In the second round every 13th activity ends: half of them leave monitoring after it.
                    project_status="bau" if number == 1 and activity.sort_key % 13 == 0 else "active",
                    remain_in_monitoring=(activity.sort_key % 26 != 0)
                    if number == 1 and activity.sort_key % 13 == 0
                    else None,
                )
            )
        bulk_create_with_history(returns, Return, batch_size=500)
    return plan

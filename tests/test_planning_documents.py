"""The planning documents in every format, each opened with its own reader: the long-list analysis (HTML, PDF,
Word, JSON), the scorecards, the full plan and the summary."""

import io
import json
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from docx import Document as WordDocument
from planning_support import answers, make_cycle, outcomes, person
from pypdf import PdfReader

from councilplan.core.models import User
from councilplan.planning import selectors
from councilplan.planning import services as cycle_services
from councilplan.planning.documents import (
    build_long_list_report,
    build_plan_document,
    build_scorecards,
    long_list_json,
    render,
)


class Text(HTMLParser):
    """The text of an HTML page, and its headings by level; complains about nothing."""

    def __init__(self):
        super().__init__()
        self.parts, self.headings, self._level, self.scripts = [], [], None, 0

    def handle_starttag(self, tag, attrs):
        if tag in ("td", "th", "p", "li", "tr", "h1", "h2", "h3", "caption", "title", "style"):
            self.parts.append(" ")
        if tag in ("h1", "h2", "h3"):
            self._level = tag
            self.headings.append([tag, ""])
        if tag == "script":
            self.scripts += 1

    def handle_endtag(self, tag):
        if tag == self._level:
            self._level = None

    def handle_data(self, data):
        self.parts.append(data)
        if self._level:
            self.headings[-1][1] += data

    @property
    def text(self):
        return " ".join("".join(self.parts).split())


def html_text(content: bytes) -> Text:
    parser = Text()
    parser.feed(content.decode("utf-8"))
    return parser


def pdf_text(content: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).split())


def word(content: bytes):
    doc = WordDocument(io.BytesIO(content))
    # The reports' Word renderer: a document's title is "Title", its parts "Heading 1", within them "Heading 2".
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return doc, headings, cells


@pytest.fixture
def cycle(db):
    corporate = person("cora.corporate", role=User.Role.CORPORATE)
    cycle = make_cycle(use_deca=True)
    cycle_services.set_themes(cycle, [("Place-shaping", "Shaping places for growth."), ("Resilience", "")])
    start = outcomes()[0]
    first = cycle_services.submit_activity(
        cycle,
        answers(
            title="Library strategy <script>alert(1)</script>",
            revenue_cost=Decimal("1500000"),
            governance_route="Cabinet Members Meeting, then the Growth Cabinet Committee",
        ),
        user=None,
    )
    second = cycle_services.submit_activity(
        cycle, answers(title="School places", outcome=start, support_needed=[], capacity="in_place"), user=None
    )
    third = cycle_services.submit_activity(cycle, answers(title="Winter gritting"), user=None)
    cycle_services.review_submission(third, review="operational", user=corporate)
    criteria = {c.code: c.pk for c in cycle.criteria.filter(kind="score")}
    deca = cycle.criteria.filter(kind="deca").first()
    cycle_services.score_submission(first, {**dict.fromkeys(criteria.values(), 4), deca.pk: "high"}, user=corporate)
    cycle_services.score_submission(second, dict.fromkeys(criteria.values(), 3), user=corporate)
    for s in (first, second):
        cycle_services.decide(s, decision="short_list", user=corporate)
    cycle_services.confirm_short_list(cycle, user=corporate)
    cycle.refresh_from_db()
    return cycle


def test_long_list_analysis_as_html(cycle):
    parsed = html_text(render(build_long_list_report(selectors.cycle_data(cycle)), "html"))
    assert parsed.headings[0] == ["h1", "Building the plan: the long list"]
    assert ["h2", "Headline figures"] in parsed.headings and ["h2", "Gaps to follow up"] in parsed.headings
    assert "Submitted through the call for activity 3" in parsed.text
    assert "Need support from Strategic Commissioning 1 2 50 the short list" in parsed.text
    assert parsed.scripts == 0  # a title's markup is text, not markup
    assert "Library strategy <script>alert(1)</script>" in parsed.text


def test_long_list_analysis_as_word(cycle):
    _, headings, cells = word(render(build_long_list_report(selectors.cycle_data(cycle)), "docx"))
    assert ("Title", "Building the plan: the long list") in headings
    assert ("Heading 1", "The long list ranked") in headings
    assert "Unsure about the capacity needed" in cells
    assert "16 out of 20" in cells  # the first activity's score, 4 × 4


def test_long_list_analysis_as_pdf(cycle):
    text = pdf_text(render(build_long_list_report(selectors.cycle_data(cycle)), "pdf"))
    assert "Building the plan: the long list" in text
    assert "Activities with gaps" in text


def test_long_list_analysis_as_json(cycle):
    data = json.loads(json.dumps(long_list_json(selectors.cycle_data(cycle))))
    assert (data["submissions"], data["long_list"], data["short_list"]) == (3, 2, 2)
    assert list(data["figures"]) == [
        "support_strategic_commissioning",
        "support_finance",
        "support_any",
        "capacity_unsure",
        "revenue_costs_identified",
        "eqia_done_or_in_progress",
        "dpia_done_or_in_progress",
        "part_of_programme",
        "in_delivery",
        "outcome_1",
        "outcome_2",
        "outcome_3",
        "outcome_4",
    ]
    assert data["figures"]["support_strategic_commissioning"] == {"count": 1, "of": 2, "percent": 50}
    assert data["figures"]["capacity_unsure"] == {"count": 2, "of": 3, "percent": 67}
    assert data["figures"]["outcome_2"] == {"count": 2, "of": 3, "percent": 67}
    assert data["outcomes"][3] == {"number": 4, "title": "Corporate enabling", "cross_cutting": True}
    assert data["figures_by_base"]["long_list"]["capacity_unsure"] == {"count": 1, "of": 2, "percent": 50}
    assert {a["number"] for a in data["gaps"]["activities"]} == {1, 2}


def test_a_scorecard_holds_everything_on_a_page(cycle):
    data = selectors.cycle_data(cycle)
    document = build_scorecards(data, [1])
    parsed = html_text(render(document, "html"))
    assert parsed.headings[0][1] == "1. Library strategy <script>alert(1)</script>"
    for words in (
        "Revenue investment cost £1,500,000",
        "Decision authority Cabinet Member",
        "Weighted score:",
        "16 out of 20 (80.0%), rank 1 on the long list",
        "Strategic importance High",
        "DECA profile:",
    ):
        assert words in parsed.text, words
    _, headings, cells = word(render(document, "docx"))
    assert ("Title", "1. Library strategy <script>alert(1)</script>") in headings
    assert "Proposed informal governance route" in cells
    every = pdf_text(render(build_scorecards(data), "pdf"))
    assert "Activity scorecards" in every and "3. Winter gritting" in every


def test_the_full_plan_by_outcome(cycle):
    plan = selectors.plan_data(cycle.plan)
    document = build_plan_document(plan, "full")
    _, headings, cells = word(render(document, "docx"))
    assert headings == [
        ("Title", "Plan SDP 2020-21"),
        ("Heading 1", "Outcome 1: Best start in life"),
        ("Heading 2", "1. School places"),  # numbered by outcome
        ("Heading 1", "Outcome 2: Economic growth"),
        ("Heading 2", "2. Library strategy <script>alert(1)</script>"),
    ]
    assert "Cabinet Members Meeting, then the Growth Cabinet Committee" in cells
    assert "£1,500,000" in cells
    text = pdf_text(render(document, "pdf"))
    assert "Outcome 2: Economic growth" in text and "Library strategy" in text
    assert "Winter gritting" not in html_text(render(document, "html")).text  # not in the plan


def test_the_summary_has_outcomes_themes_headlines_and_governance(cycle):
    document = build_plan_document(selectors.plan_data(cycle.plan), "summary")
    parsed = html_text(render(document, "html"))
    assert parsed.headings[0] == ["h1", "Plan SDP 2020-21: summary"]
    for words in (
        "Shared themes",
        "Place-shaping: Shaping places for growth.",
        "Resilience",
        "Outcome 1: Best start in life: 1 activities",
        "A library service fit for the next ten years.",
        "Cabinet Members Meeting, then the Growth Cabinet Committee",
    ):
        assert words in parsed.text, words
    _, headings, cells = word(render(document, "docx"))
    assert ("Heading 1", "Our outcomes") in headings
    assert "Proposed governance route" in cells
    assert "Place-shaping" in pdf_text(render(document, "pdf"))


def test_a_plan_without_a_cycle_still_has_documents(small_plan):
    plan = selectors.plan_data(small_plan)
    full = html_text(render(build_plan_document(plan, "full"), "html"))
    assert "Schools commissioning plan" in full.text
    summary = html_text(render(build_plan_document(plan, "summary"), "html"))
    assert "Shared themes" not in summary.text

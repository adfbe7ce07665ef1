"""Every figure the monitoring engine gives is named in its registry (analysis.monitoring.FIGURES), with its
definition, and docs/reports.md lists each of them."""

from pathlib import Path

import pytest

from councilplan.analysis import vocabulary as v
from councilplan.analysis.monitoring import FIGURES, definition_of
from councilplan.monitoring.models import Round
from councilplan.reports.selectors import report_inputs

DOCS = Path(__file__).resolve().parents[1] / "docs" / "reports.md"


@pytest.mark.django_db
def test_every_figure_of_the_sample_report_is_registered_and_every_definition_used(sample_plan):
    inputs = report_inputs(Round.objects.get(plan=sample_plan, label="2019-20 Q2"))
    statuses = inputs.vocab.codes(v.DELIVERY_STATUS)
    keys = list(inputs.analysis.figures)
    assert len(keys) > 40
    unregistered = [key for key in keys if definition_of(key, statuses) is None]
    assert unregistered == []
    used = {definition_of(key, statuses).key for key in keys}
    assert used == {d.key for d in FIGURES}


def test_a_key_nobody_registered_has_no_definition():
    assert definition_of("average_mood") is None
    assert definition_of("issue_capacity").key == "issue_<theme>"
    assert definition_of("on_track", ["on_track"]).key == "<delivery status>"


def test_the_user_guide_lists_every_registered_figure():
    text = DOCS.read_text(encoding="utf-8")
    missing = [d.key for d in FIGURES if f"`{d.key}`" not in text]
    assert missing == []

"""The systems name each other's records by their references (issue 22's links, shown both ways): a policy's or a
project approval's decision number links to the decision's page, a budget line's project reference to the
project's page, when the other system records it; an unknown reference stays plain text."""

from __future__ import annotations

import pytest
from django.template import Context, Template

from councilplan.assurance.models import Portfolio, Project
from councilplan.governance.models import Decision

pytestmark = pytest.mark.django_db


def _render(source: str, **context) -> str:
    return Template(source).render(Context(context))


def test_a_recorded_decision_number_links_to_its_page_and_an_unknown_one_stays_text():
    Decision.objects.create(reference="19/00077", subject="Kent <Library> Strategy")
    html = _render("{% load decisions %}{{ a|decision_link }}|{{ b|decision_link }}", a=" 19/00077", b="17/99999")
    linked, plain = html.split("|")
    assert 'href="/committees/decisions/19/00077/"' in linked and "Kent &lt;Library&gt; Strategy" in linked
    assert plain == "17/99999"


def test_a_recorded_project_reference_links_to_the_project():
    project = Project.objects.create(
        reference="NWOW", name="New Ways of Working", portfolio=Portfolio.objects.create(code="gen", name="GEN")
    )
    html = _render("{% load projects %}{{ a|project_link }}|{{ b|project_link }}", a="nwow", b="Nowhere")
    linked, plain = html.split("|")
    assert f'href="/assurance/projects/{project.pk}/"' in linked and "New Ways of Working" in linked
    assert plain == "Nowhere"

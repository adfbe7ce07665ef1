"""Fuzzing every form (hypothesis): random and hostile values posted, as someone allowed to use it, to each form
the app shows on KCC's sample with a round open. The answer is always a page (the form again with the GOV.UK
error summary, or a refusal 4xx) or a redirect after a save: never a server error, and a refused post writes
nothing."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from councilplan.core.backup import row_counts
from councilplan.core.models import User
from councilplan.monitoring.models import Round
from councilplan.performance.models import Indicator
from councilplan.plan.models import Activity
from councilplan.planning.models import PlanningCycle, Submission
from councilplan.risks.models import Register, Risk

pytestmark = pytest.mark.django_db

HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    '=HYPERLINK("http://evil.example")',
    "'; DROP TABLE core_user; --",
    "\x00\x01\x7f",
    "\u202e\ufeff",
    "-1",
    "99999999999999999999",
    "1e309",
    "NaN",
    "2020-02-31",
    "x" * 30_000,
    "",
]
VALUE = st.one_of(
    st.sampled_from(HOSTILE), st.text(st.characters(blacklist_categories=("Cs",)), max_size=40), st.integers().map(str)
)
OK_STATUSES = {200, 302, 400, 403, 404, 405, 409, 413}


class _Forms(HTMLParser):
    """The post forms of a page (not the header's sign-out): their action and fields with the values offered."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._form = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self._form = {"action": attrs.get("action") or "", "fields": {}}
        elif self._form is not None and attrs.get("name") and tag in ("input", "select", "textarea", "button"):
            self._form["fields"].setdefault(attrs["name"], [])
            if attrs.get("value") is not None:
                self._form["fields"][attrs["name"]].append(attrs["value"])
            self._last = attrs["name"]
        elif self._form is not None and tag == "option" and attrs.get("value") is not None:
            self._form["fields"][self._last].append(attrs["value"])

    def handle_endtag(self, tag):
        if tag == "form" and self._form is not None:
            if "logout" not in self._form["action"]:
                self.forms.append(self._form)
            self._form = None


def forms_on(html: str) -> list[dict]:
    reader = _Forms()
    reader.feed(html)
    return reader.forms


@pytest.fixture
def scene(sample_plan):
    """An administrator who also leads activity 1 and owns a risk and a KPI, with 2019-20 Q3 open."""
    admin = User.objects.create(username="fuzz", role=User.Role.ADMINISTRATOR, email="fuzz@example.gov.uk")
    now = timezone.now()
    q2 = Round.objects.get(plan=sample_plan, label="2019-20 Q2")
    q3 = Round.objects.create(
        plan=sample_plan,
        label="2019-20 Q3",
        state=Round.State.OPEN,
        opens_at=now - dt.timedelta(days=1),
        closes_at=now + dt.timedelta(days=10),
    )
    activity = Activity.objects.get(plan=sample_plan, ref="1")
    activity.lead_officer = admin
    activity.save()
    risk = Risk.objects.order_by("code").first()
    risk.owner_users.add(admin)
    register = Register.objects.order_by("pk").first()
    indicator = Indicator.objects.order_by("ref").first()
    cycle = PlanningCycle.objects.order_by("pk").first()
    submission = Submission.objects.order_by("pk").first()
    paths = [
        f"/returns/round/{q3.pk}/activity/{activity.pk}/",
        f"/rounds/plan/{sample_plan.pk}/new/",
        f"/rounds/{q3.pk}/window/",
        f"/reports/{q2.pk}/commentary/",
        f"/performance/indicators/{indicator.ref}/results/2017-08/",
        "/performance/import/",
        "/risks/registers/new/",
        f"/risks/registers/{register.pk}/edit/",
        f"/risks/registers/{register.pk}/risks/new/",
        f"/risks/{risk.code}/edit/",
        f"/risks/{risk.code}/review/",
        f"/risks/{risk.code}/move/",
        f"/risks/{risk.code}/activities/",
        f"/risks/{risk.code}/owners/",
        f"/risks/{risk.code}/controls/new/",
        f"/risks/{risk.code}/actions/new/",
        "/plan/cycles/new/",
        f"/plan/cycles/{cycle.pk}/edit/",
        f"/plan/cycles/{cycle.pk}/criteria/",
        f"/plan/cycles/{cycle.pk}/themes/",
        f"/plan/submissions/{submission.pk}/review/",
        f"/plan/submissions/{submission.pk}/score/",
        f"/plan/submissions/{submission.pk}/decide/",
        f"/plan/submissions/{submission.pk}/plan-details/",
        "/accounts/password_change/",
    ]
    return {"admin": admin, "paths": paths}


@pytest.fixture
def forms(client, scene):
    """(page, action, fields) for every form on the pages above."""
    client.force_login(scene["admin"])
    found = []
    for path in scene["paths"]:
        page = client.get(path)
        assert page.status_code == 200, f"{path} answered {page.status_code}"
        for form in forms_on(page.content.decode()):
            found.append((path, form["action"] or path, form["fields"]))
    assert len(found) >= len(scene["paths"]) - 2
    return found


def _post_and_check(client, path: str, action: str, data: dict) -> None:
    before = row_counts()
    response = client.post(action, data)
    assert response.status_code in OK_STATUSES, f"{action} answered {response.status_code}"
    if response.status_code != 302:
        assert row_counts() == before, f"{action}: a refused post wrote something"
    if response.status_code == 200:
        text = response.content.decode()
        assert "Traceback" not in text
        # An empty post shows the blank form again (the `request.POST or None` idiom); anything else is refused
        # with the error summary (or the notification banner of a conflict).
        if data:
            assert "govuk-error-summary" in text or "govuk-notification-banner" in text, f"{action}: no error shown"


def test_every_form_refuses_hostile_values_in_every_field(client, forms):
    for path, action, fields in forms:
        for value in HOSTILE:
            data = {name: value for name in fields if name != "csrfmiddlewaretoken"}
            for name in ("action",):
                if fields.get(name):
                    data[name] = fields[name][0]
            _post_and_check(client, path, action, data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_posts_to_any_form(client, forms, data):
    path, action, fields = data.draw(st.sampled_from(forms))
    posted = {}
    for name, offered in fields.items():
        if name == "csrfmiddlewaretoken" or data.draw(st.booleans()):
            continue
        choices = st.sampled_from(offered) if offered else VALUE
        posted[name] = data.draw(st.lists(st.one_of(choices, VALUE), min_size=1, max_size=3))
    extra = data.draw(st.dictionaries(st.text(max_size=10), VALUE, max_size=2))
    posted.update({key: value for key, value in extra.items() if key not in posted})
    _post_and_check(client, path, action, posted)


def test_the_form_reader_sees_fields():
    html = '<form method="post"><input name="a" value="1"><select name="b"><option value="x"></select></form>'
    assert forms_on(html) == [{"action": "", "fields": {"a": ["1"], "b": ["x"]}}]
    assert re.search("x", "x")


def test_every_form_posted_in_another_character_set_is_refused_with_a_page(client, forms):
    """Issue 21: a post declaring another charset answered 500; now 400 with the GOV.UK page, nothing written."""
    from urllib.parse import urlencode

    for _path, action, fields in forms:
        data = {name: "café – ☃" for name in fields if name != "csrfmiddlewaretoken"}
        for charset in ("latin-1", "utf-16"):
            before = row_counts()
            body = urlencode(data, encoding="utf-8").encode()
            response = client.post(action, body, content_type=f"application/x-www-form-urlencoded; charset={charset}")
            assert response.status_code == 400, f"{action} ({charset}) answered {response.status_code}"
            assert "govuk-heading-xl" in response.content.decode()
            assert row_counts() == before

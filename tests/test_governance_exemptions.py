"""Schedule 12A by paragraph in governance: the public interest test on every exemption form, and exempt business
recorded by the paragraph the press and public were excluded under (once a yes/no box: migration 0002)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from councilplan.governance import forms


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])
    executor.loader.build_graph()
    return executor.loader.project_state([target]).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_exempt_business_keeps_being_exempt_with_its_paragraph():
    old = _migrate(("governance", "0001_initial"))
    Body, Meeting = old.get_model("governance", "Body"), old.get_model("governance", "Meeting")
    AgendaItem, Minute = old.get_model("governance", "AgendaItem"), old.get_model("governance", "Minute")
    body = Body.objects.create(code="pr", name="Policy and Resources Cabinet Committee", kind="cabinet_committee")
    meeting = Meeting.objects.create(body=body, date="2019-11-08", state="held")
    legal = AgendaItem.objects.create(
        meeting=meeting, order=1, number="10", title="Advice", exempt_paragraph=5, exempt_reason="Counsel's advice"
    )
    kw = {"body": body, "meeting": meeting}
    Minute.objects.create(number=188, order=1, title="Advice", item=legal, exempt_business=True, **kw)
    Minute.objects.create(number=189, order=2, title="TFM contract", exempt_business=True, **kw)
    Minute.objects.create(number=179, order=3, title="Apologies", exempt_business=False, **kw)

    new = _migrate(("governance", "0002_minute_excluded_paragraph"))
    rows = {
        m.number: (m.excluded_paragraph, m.excluded_reason) for m in new.get_model("governance", "Minute").objects.all()
    }
    assert rows[188][0] == 5 and "the paragraph of its agenda item" in rows[188][1]
    assert rows[189][0] == 3 and "paragraph 3 by default" in rows[189][1]  # the stated default
    assert rows[179] == (None, "")


@pytest.mark.parametrize("form_class", [forms.ItemForm, forms.DocumentForm, forms.EntryForm])
def test_an_exemption_needs_its_reason_and_the_public_interest_test(form_class):
    form = form_class(data={"exempt_paragraph": "3"})
    form.is_valid()
    assert form.errors["exempt_reason"] == ["Say why the information is exempt"]
    assert "public interest" in form.errors["public_interest_test"][0]
    assert "public_interest_test" in form.fields and form.fields["public_interest_test"].label


def test_the_minute_form_records_the_paragraph_of_exempt_business():
    form = forms.MinuteForm(data={"title": "Disposal", "excluded_paragraph": "3", "excluded_reason": "Prices"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["excluded_paragraph"] == 3
    assert forms.MinuteForm(data={"title": "Disposal", "excluded_paragraph": "8"}).errors["excluded_paragraph"]

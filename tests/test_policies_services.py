"""The register's rules as the services enforce them: the lifecycle, close-downs and their replacements, reviews,
version checks, history with who and why, and the atomic import naming every bad row."""

import pytest
from django.core.exceptions import ValidationError
from policies_support import D, make_policy, make_user

from councilplan.analysis import policies as rules
from councilplan.core.exchange import ImportFailed
from councilplan.policies import exchange, services
from councilplan.policies.models import Policy

pytestmark = pytest.mark.django_db


def test_a_close_down_for_replacement_names_it_and_the_links_never_loop():
    old, new = make_policy("Old", number=1), make_policy("New", number=2)
    with pytest.raises(ValidationError, match="Name the replacement"):
        services.agree_close_down(old, timing="immediate", reason="replaced", agreed_by="Cllr A", on=D(2017, 9, 1))
    with pytest.raises(ValidationError, match="Enter when the replacement is expected"):
        services.agree_close_down(old, timing="planned", reason="replaced", agreed_by="Cllr A", replaced_by=new)
    services.agree_close_down(old, timing="immediate", reason="replaced", agreed_by="Cllr A", replaced_by=new)
    with pytest.raises(ValidationError, match="would loop"):
        services.agree_close_down(new, timing="immediate", reason="replaced", agreed_by="Cllr A", replaced_by=old)
    assert Policy.objects.get(number=2).status == rules.ACTIVE


def test_status_moves_only_as_the_framework_allows():
    policy = make_policy(number=1)
    with pytest.raises(ValidationError, match="Only an entry agreed for close-down can be closed"):
        services.close(policy)
    forthcoming = make_policy("Later", number=2, status="forthcoming", forthcoming_kind="new")
    with pytest.raises(ValidationError):
        services.start_review(forthcoming)
    with pytest.raises(ValidationError, match="future"):
        services.start_review(policy, on=D(2999, 1, 1))
    with pytest.raises(ValidationError, match="numbers are never reused"):
        make_policy("Again", number=1)


def test_a_review_with_no_change_sets_the_next_review_and_returns_the_entry_to_active():
    policy = make_policy(number=45, review_date=D(2019, 12, 31))
    services.start_review(policy, on=D(2018, 6, 1))
    services.record_review(policy, reviewed_on=D(2019, 11, 1), outcome="no_change", next_review_date=D(2022, 11, 1))
    policy.refresh_from_db()
    assert (policy.status, policy.review_date) == (rules.ACTIVE, D(2022, 11, 1))
    with pytest.raises(ValidationError, match="after this one"):
        services.record_review(policy, reviewed_on=D(2020, 1, 1), outcome="no_change", next_review_date=D(2020, 1, 1))


def test_every_change_is_in_the_history_with_who_and_why():
    officer = make_user("sam.sprca")
    policy = make_policy(number=5, user=officer)
    services.agree_close_down(policy, timing="immediate", reason="out_of_date", agreed_by="Cllr A", user=officer)
    services.close(policy, user=officer, agreed_by="P&R Cabinet Committee")
    reasons = list(
        policy.history.order_by("history_date", "history_id").values_list("history_change_reason", flat=True)
    )
    assert reasons == ["Added to the register", "Close-down agreed by Cllr A", "Closed"]
    assert {h.history_user for h in policy.history.all()} == {officer}
    assert Policy.objects.filter(number=5).exists()  # closing keeps the entry


def test_a_save_on_an_old_version_is_refused():
    policy = make_policy(number=1)
    services.update_policy(policy, purpose="first", expected_version=1)
    stale = Policy.objects.get(number=1)
    stale.version = 1
    with pytest.raises(services.StaleEdit):
        services.update_policy(stale, purpose="second", expected_version=1)
    assert Policy.objects.get(number=1).purpose == "first"


def _csv(tmp_path, text):
    path = tmp_path / "register.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_import_writes_nothing_unless_every_row_is_right(tmp_path):
    make_policy(number=1)
    bad = _csv(
        tmp_path,
        "number,title,section,type,status,decision_reference,start_date,end_date\n"
        "1,Customer Service Policy,Corporate and Strategic Relationships,policy,closed,,,\n"
        "2,New Strategy,Public Health,leaflet,,17/1,2017-01-01,2016-01-01\n"
        "2,Twice,Public Health,strategy,,,,\n",
    )
    with pytest.raises(ImportFailed) as failed:
        exchange.import_register(bad)
    text = "\n".join(str(e) for e in failed.value.errors)
    assert "row 2, column status" in text and "status changes are steps" in text
    assert "row 3, column type (value 'leaflet')" in text
    assert "row 3, column decision_reference (value '17/1')" in text
    assert "row 3, column end_date" in text and "row 4, column number" in text
    assert Policy.objects.count() == 1


def test_an_export_imports_again_unchanged(tmp_path):
    from councilplan.core.tabular import write_table
    from councilplan.policies import selectors

    make_policy(number=1, purpose="Sets out how", decision_reference="15/00001", start_date=D(2015, 9, 1))
    make_policy("Forthcoming one", number=2, status="forthcoming", forthcoming_kind="new")
    header, rows = exchange.export_rows(selectors.records(None))
    path = tmp_path / "register.xlsx"
    write_table(path, header, rows)
    assert exchange.import_register(path).unchanged == 2
    rows[0][header.index("purpose")] = "Changed purpose"
    rows.append([3, "Added", "Public Health", "strategy", "kcc", "active", *[""] * (len(header) - 6)])
    write_table(path, header, rows)
    result = exchange.import_register(path)
    assert (result.created, result.updated, result.unchanged) == (1, 1, 1)
    assert Policy.objects.get(number=1).purpose == "Changed purpose"


def test_the_commands_export_import_and_remind(tmp_path, mailoutbox):
    import json

    from django.core.management import call_command

    from councilplan.policies.links import home_links

    owner = make_user("olly.owner", email="olly@kent.example")
    make_policy(number=7, accountable_officer=owner, review_date=D(2018, 1, 1))
    make_policy("Nobody's policy", number=8, end_date=D(2018, 1, 1))
    path = tmp_path / "register.json"
    call_command("export_policies", "--format", "json", "--output", str(path))
    assert [row["number"] for row in json.loads(path.read_text(encoding="utf-8"))] == [7, 8]
    csv = tmp_path / "register.csv"
    call_command("export_policies", "--format", "csv", "--output", str(csv))
    call_command("import_policies", str(csv))
    assert Policy.objects.count() == 2
    call_command("policy_reminders")
    assert len(mailoutbox) == 1 and "7. Customer Service Policy" in mailoutbox[0].body
    assert "Nobody's policy" not in mailoutbox[0].body
    assert [link.text for link in home_links(owner)] == ["Review due: 7. Customer Service Policy (2015-2018)"]


def test_the_report_leaves_exempt_entries_out_for_the_public(tmp_path):
    import json

    from django.core.management import call_command

    make_policy(number=1)
    make_policy(
        "Confidential market strategy",
        number=2,
        status="forthcoming",
        forthcoming_kind="new",
        exempt_paragraph=3,
        exempt_reason="Bidders' affairs",
    )
    for public, expected in ((False, 1), (True, 0)):
        flag = ["--public"] if public else []
        path = tmp_path / "report.json"
        call_command("policy_report", "--format", "json", "--output", str(path), *flag)
        assert json.loads(path.read_text(encoding="utf-8"))["figures"]["forthcoming"] == expected
        html = tmp_path / "report.html"
        call_command("policy_report", "--format", "html", "--output", str(html), *flag)
        assert ("Confidential market strategy" in html.read_text(encoding="utf-8")) == (not public)

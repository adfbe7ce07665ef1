"""Running rounds: who may see and do what, the state machine (draft → open → closed → published), the window
form, the window's effect on returns, and the history of who changed a round."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from councilplan.core.forms import parse_time
from councilplan.core.models import User
from councilplan.monitoring import services
from councilplan.monitoring.forms_rounds import RoundForm
from councilplan.monitoring.models import Return, Round
from councilplan.monitoring.permissions import can_edit_return
from councilplan.monitoring.services import RoundStateError

pytestmark = pytest.mark.django_db

ROLES = ["lead_officer", "viewer", "corporate", "administrator"]
ALLOWED = {"corporate", "administrator"}


@pytest.fixture
def people(db):
    # No password: force_login needs none, and hashing one takes a good half-second per user.
    return {role: User.objects.create(username=role, role=role, name=role.title()) for role in ROLES}


@pytest.fixture
def round_(small_plan):
    now = timezone.now()
    return Round.objects.create(
        plan=small_plan, label="2019-20 Q3", opens_at=now - dt.timedelta(days=1), closes_at=now + dt.timedelta(days=13)
    )


def as_role(client, people, role):
    if role != "anonymous":
        client.force_login(people[role])
    return client


def page_urls(round_):
    activity = round_.plan.activities.get(ref="1")
    return {
        "index": reverse("rounds:index"),
        "create": reverse("rounds:create", args=[round_.plan_id]),
        "detail": reverse("rounds:detail", args=[round_.pk]),
        "edit_window": reverse("rounds:edit_window", args=[round_.pk]),
        "open": reverse("rounds:open", args=[round_.pk]),
        "close": reverse("rounds:close", args=[round_.pk]),
        "publish": reverse("rounds:publish", args=[round_.pk]),
        "tracker": reverse("rounds:tracker", args=[round_.pk]),
        "remind": reverse("rounds:remind", args=[round_.pk]),
        "reopen": reverse("rounds:reopen", args=[round_.pk, activity.pk]),
    }


# --- access ---------------------------------------------------------------------------------------------

PAGES = ["index", "create", "detail", "edit_window", "open", "close", "publish", "tracker", "remind", "reopen"]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", [*ROLES, "anonymous"])
def test_every_round_page_is_for_the_corporate_team_only(client, people, round_, role, page):
    url = page_urls(round_)[page]

    response = as_role(client, people, role).get(url)

    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")
    elif role in ALLOWED:
        assert response.status_code == 200
    else:
        assert response.status_code == 403


ACTIONS = {
    "create": lambda r: {
        "label": "2019-20 Q4",
        "opens_at_0": "1",
        "opens_at_1": "1",
        "opens_at_2": "2030",
        "opens_at_3": "9am",
        "closes_at_0": "14",
        "closes_at_1": "1",
        "closes_at_2": "2030",
        "closes_at_3": "5pm",
    },
    "edit_window": lambda r: {
        "opens_at_0": "1",
        "opens_at_1": "1",
        "opens_at_2": "2030",
        "opens_at_3": "09:00",
        "closes_at_0": "20",
        "closes_at_1": "1",
        "closes_at_2": "2030",
        "closes_at_3": "17:00",
        "allow_late": "on",
    },
    "open": lambda r: {},
}


@pytest.mark.parametrize("action", ["create", "edit_window", "open"])
@pytest.mark.parametrize("role", [*ROLES, "anonymous"])
def test_actions_change_nothing_unless_the_corporate_team_asks(client, people, round_, role, action):
    url = page_urls(round_)[action]

    response = as_role(client, people, role).post(url, ACTIONS[action](round_))

    round_.refresh_from_db()
    changed = Round.objects.count() == 2 or round_.state == Round.State.OPEN or round_.allow_late
    if role in ALLOWED:
        assert response.status_code == 302, response.content.decode()[:2000]
        assert changed
    else:
        assert response.status_code == (302 if role == "anonymous" else 403)
        assert not changed


@pytest.mark.parametrize("role", [*ROLES, "anonymous"])
def test_close_publish_reopen_and_remind_are_refused_to_others(client, people, round_, role):
    services.open_round(round_, people["corporate"])
    client = as_role(client, people, role)
    urls = page_urls(round_)

    responses = [client.post(urls["remind"]), client.post(urls["close"])]
    round_.refresh_from_db()
    if role in ALLOWED:
        assert [r.status_code for r in responses] == [302, 302]
        assert round_.state == Round.State.CLOSED
        assert client.post(urls["reopen"]).status_code == 302
        # None of the round's three returns is in: publishing asks for a second confirmation (issue 12).
        assert client.post(urls["publish"], {"confirm_missing": "on"}).status_code == 302
        round_.refresh_from_db()
        assert round_.state == Round.State.PUBLISHED
    else:
        refused = 302 if role == "anonymous" else 403  # signed out: sent to sign in
        assert [r.status_code for r in responses] == [refused, refused]
        assert round_.state == Round.State.OPEN
        services.close_round(round_, people["corporate"])
        assert client.post(urls["reopen"]).status_code == refused
        assert client.post(urls["publish"]).status_code == refused
        round_.refresh_from_db()
        assert round_.state == Round.State.CLOSED
        assert not Return.objects.filter(reopened=True).exists()


def test_pages_offer_only_what_the_round_allows(client, people, round_):
    client.force_login(people["corporate"])
    detail = reverse("rounds:detail", args=[round_.pk])

    assert f'href="/rounds/{round_.pk}/open/"' in client.get(detail).text
    services.open_round(round_, people["corporate"])
    page = client.get(detail).text
    assert "Close round" in page and "/open/" not in page
    services.close_round(round_, people["corporate"])
    page = client.get(detail).text
    assert "Publish to members" in page and "/window/" not in page


# --- the state machine ----------------------------------------------------------------------------------


def test_a_round_goes_draft_open_closed_published(people, round_):
    team = people["corporate"]
    assert round_.state == Round.State.DRAFT
    services.open_round(round_, team)
    assert round_.state == Round.State.OPEN
    services.close_round(round_, team)
    assert round_.state == Round.State.CLOSED
    services.publish_round(round_, team, confirmed_missing=True)
    assert Round.objects.get(pk=round_.pk).state == Round.State.PUBLISHED


@pytest.mark.parametrize(
    ("state", "allowed"),
    [
        ("draft", {"open"}),
        ("open", {"close"}),
        ("closed", {"publish", "reopen"}),
        ("published", set()),
    ],
)
def test_each_change_only_from_its_state(people, round_, state, allowed):
    Round.objects.filter(pk=round_.pk).update(state=state)
    activity = round_.plan.activities.get(ref="1")
    changes = {
        "open": lambda: services.open_round(round_, people["corporate"]),
        "close": lambda: services.close_round(round_, people["corporate"]),
        "publish": lambda: services.publish_round(round_, people["corporate"], confirmed_missing=True),
        "reopen": lambda: services.reopen_return(round_, activity, people["corporate"]),
    }
    for name, change in changes.items():
        round_.refresh_from_db()
        if name in allowed:
            change()
            Round.objects.filter(pk=round_.pk).update(state=state)
        else:
            with pytest.raises(RoundStateError):
                change()


def test_one_open_round_per_plan(people, round_, small_plan):
    services.open_round(round_, people["corporate"])
    q4 = services.create_round(
        small_plan, "2019-20 Q4", None, timezone.now() + dt.timedelta(days=10), False, people["corporate"]
    )

    with pytest.raises(RoundStateError, match="2019-20 Q3 is still open"):
        services.open_round(q4, people["corporate"])
    services.close_round(round_, people["corporate"])
    services.open_round(q4, people["corporate"])
    assert Round.objects.get(pk=q4.pk).state == Round.State.OPEN


def test_another_plans_open_round_does_not_matter(people, round_, sample_plan):
    services.open_round(round_, people["corporate"])
    q3 = services.create_round(
        sample_plan, "2019-20 Q3", None, timezone.now() + dt.timedelta(days=10), False, people["corporate"]
    )
    services.open_round(q3, people["corporate"])
    assert Round.objects.filter(state=Round.State.OPEN).count() == 2


def test_opening_early_starts_the_window_now_and_closing_early_ends_it_now(people, small_plan):
    now = timezone.now()
    round_ = Round.objects.create(
        plan=small_plan, label="2019-20 Q3", opens_at=now + dt.timedelta(days=3), closes_at=now + dt.timedelta(days=17)
    )
    services.open_round(round_, people["corporate"], now=now)
    assert round_.opens_at == now
    services.close_round(round_, people["corporate"], now=now + dt.timedelta(days=5))
    assert round_.closes_at == now + dt.timedelta(days=5)


def test_a_round_whose_window_has_closed_or_is_unset_cannot_open(people, small_plan):
    past = Round.objects.create(plan=small_plan, label="2019-20 Q3", closes_at=timezone.now() - dt.timedelta(hours=1))
    unset = Round.objects.create(plan=small_plan, label="2019-20 Q4")

    with pytest.raises(RoundStateError, match="already closed"):
        services.open_round(past, people["corporate"])
    with pytest.raises(RoundStateError, match="Set the date and time"):
        services.open_round(unset, people["corporate"])


def test_the_window_changes_only_while_draft_or_open(people, round_):
    team = people["corporate"]
    later = round_.closes_at + dt.timedelta(days=7)
    services.change_window(round_, round_.opens_at, later, True, team)
    services.open_round(round_, team)
    services.change_window(round_, round_.opens_at, later + dt.timedelta(days=1), True, team)
    services.close_round(round_, team)
    with pytest.raises(RoundStateError, match="cannot change"):
        services.change_window(round_, round_.opens_at, later + dt.timedelta(days=2), True, team)
    with pytest.raises(RoundStateError, match="close after it opens"):
        services.change_window(Round(plan=round_.plan, label="2019-20 Q4"), later, later, False, team)


def test_refused_change_is_shown_on_the_confirmation_page(client, people, round_, small_plan):
    services.open_round(round_, people["corporate"])
    q4 = Round.objects.create(plan=small_plan, label="2019-20 Q4", closes_at=timezone.now() + dt.timedelta(days=9))
    client.force_login(people["corporate"])

    page = client.get(reverse("rounds:open", args=[q4.pk]))
    assert "2019-20 Q3 is still open: close it before opening 2019-20 Q4." in page.text
    assert "<button" not in page.text.split('id="main-content"')[1]
    response = client.post(reverse("rounds:open", args=[q4.pk]))
    assert response.status_code == 409
    assert Round.objects.get(pk=q4.pk).state == Round.State.DRAFT


def test_publishing_locks_reopened_returns_again(people, round_):
    team = people["corporate"]
    services.open_round(round_, team)
    services.close_round(round_, team)
    ret = services.reopen_return(round_, round_.plan.activities.get(ref="2"), team)
    assert ret.reopened and ret.state == Return.State.DRAFT  # a missed return can still be made

    services.publish_round(round_, team, confirmed_missing=True)

    assert not Return.objects.get(pk=ret.pk).reopened


def test_reopening_an_activity_of_another_plan_is_refused(people, round_, sample_plan):
    services.open_round(round_, people["corporate"])
    services.close_round(round_, people["corporate"])
    with pytest.raises(RoundStateError, match="not an activity"):
        services.reopen_return(round_, sample_plan.activities.first(), people["corporate"])


# --- the window and returns -----------------------------------------------------------------------------


@pytest.fixture
def ann(small_plan):
    return small_plan.activities.get(ref="1").lead_officer


def test_before_opening_returns_cannot_be_changed(people, round_, ann):
    ret = Return.objects.create(round=round_, activity=round_.plan.activities.get(ref="1"))
    assert not can_edit_return(ann, ret)
    services.open_round(round_, people["corporate"])
    assert can_edit_return(ann, Return.objects.select_related("round", "activity").get(pk=ret.pk))


def test_after_closing_time_only_late_returns_if_the_team_allows_them(people, round_, ann):
    team = people["corporate"]
    services.open_round(round_, team)
    ret = Return.objects.create(round=round_, activity=round_.plan.activities.get(ref="1"))
    services.change_window(round_, round_.opens_at, timezone.now() - dt.timedelta(minutes=1), False, team)
    ret = Return.objects.select_related("round", "activity").get(pk=ret.pk)
    assert not can_edit_return(ann, ret)

    services.change_window(round_, round_.opens_at, round_.closes_at, True, team)
    ret = Return.objects.select_related("round", "activity").get(pk=ret.pk)
    assert can_edit_return(ann, ret)
    saved = services.save_return(ret, {"delivery_status": "on_track"}, ann, expected_version=1, submit=True)
    assert saved.late


def test_closed_round_is_read_only_unless_the_team_reopens_a_return(people, round_, ann):
    team = people["corporate"]
    services.open_round(round_, team)
    ret = Return.objects.create(round=round_, activity=round_.plan.activities.get(ref="1"))
    services.close_round(round_, team)
    assert not can_edit_return(ann, Return.objects.select_related("round", "activity").get(pk=ret.pk))

    services.reopen_return(round_, ret.activity, team)
    assert can_edit_return(ann, Return.objects.select_related("round", "activity").get(pk=ret.pk))

    services.publish_round(round_, team, confirmed_missing=True)
    assert not can_edit_return(ann, Return.objects.select_related("round", "activity").get(pk=ret.pk))


# --- history --------------------------------------------------------------------------------------------


def test_the_history_says_who_changed_the_round(client, people, round_):
    client.force_login(people["corporate"])
    client.post(reverse("rounds:open", args=[round_.pk]))
    client.force_login(people["administrator"])
    client.post(reverse("rounds:close", args=[round_.pk]))

    changes = list(round_.history.order_by("history_date").values_list("state", "history_user__username"))
    assert changes[-2:] == [("open", "corporate"), ("closed", "administrator")]
    page = client.get(reverse("rounds:detail", args=[round_.pk])).text
    assert "Corporate" in page and "Administrator" in page


def test_reopening_is_in_the_returns_history(people, round_):
    team = people["corporate"]
    services.open_round(round_, team)
    services.close_round(round_, team)
    ret = services.reopen_return(round_, round_.plan.activities.get(ref="1"), team)
    assert ret.history.latest().history_user == team


# --- the forms ------------------------------------------------------------------------------------------


def window(opens=("30", "8", "2019", "9am"), closes=("13", "9", "2019", "5pm"), **extra):
    data = {f"opens_at_{i}": v for i, v in enumerate(opens)} | {f"closes_at_{i}": v for i, v in enumerate(closes)}
    return data | extra


def test_create_a_round_through_the_form(client, people, small_plan):
    client.force_login(people["corporate"])

    response = client.post(reverse("rounds:create", args=[small_plan.pk]), window(label="2019-20  Q2", allow_late="on"))

    round_ = Round.objects.get(plan=small_plan)
    assert response["Location"] == reverse("rounds:detail", args=[round_.pk])
    assert (round_.label, round_.state, round_.allow_late) == ("2019-20 Q2", "draft", True)
    london = timezone.get_current_timezone()
    assert round_.opens_at == dt.datetime(2019, 8, 30, 9, tzinfo=london)
    assert round_.closes_at == dt.datetime(2019, 9, 13, 17, tzinfo=london)
    assert "2019-20 Q2 created as a draft" in client.get(response["Location"]).text


@pytest.mark.parametrize(
    ("data", "field", "message", "parts"),
    [
        (window(label="Q3 2019"), "label", "Enter the round as a financial year and quarter", None),
        (window(label="2019-20 Q3", opens=("", "", "", "")), "opens_at", "Enter the date the window opens", 0),
        (window(label="2019-20 Q3", opens=("30", "", "2019", "")), "opens_at", "must include a month and time", 1),
        (window(label="2019-20 Q3", opens=("31", "9", "2019", "9am")), "opens_at", "must be a real date", 0),
        (window(label="2019-20 Q3", opens=("30", "8", "19", "9am")), "opens_at", "Year must include 4 numbers", 2),
        (window(label="2019-20 Q3", closes=("13", "9", "2019", "25:00")), "closes_at", "must include a real time", 3),
        (
            window(label="2019-20 Q3", closes=("29", "8", "2019", "5pm")),
            "closes_at",
            "The date the window closes must be after the date it opens",
            0,
        ),
    ],
)
def test_form_errors_say_how_to_fix_them_and_keep_what_was_typed(
    client, people, small_plan, data, field, message, parts
):
    client.force_login(people["corporate"])

    response = client.post(reverse("rounds:create", args=[small_plan.pk]), data)

    assert response.status_code == 200
    assert not Round.objects.exists()
    errors = response.context["form"].errors[field]
    assert message in errors[0]
    page = response.text
    assert "<title>Error: Create a round" in page
    assert 'class="govuk-error-summary"' in page
    anchor = f"id_{field}" if parts is None else f"id_{field}_{parts}"
    assert f'href="#{anchor}"' in page  # the summary links to the (first wrong) input
    for name, value in data.items():
        if value and name != "label":
            assert f'name="{name}" type="text"' in page and f'value="{value}"' in page


def test_a_second_round_with_the_same_label_is_refused(client, people, round_):
    client.force_login(people["corporate"])
    response = client.post(reverse("rounds:create", args=[round_.plan_id]), window(label="2019-20 Q3"))
    assert "already has a round 2019-20 Q3" in response.context["form"].errors["label"][0]


def test_only_the_wrong_parts_of_a_date_are_highlighted(people, small_plan):
    form = RoundForm(window(label="2019-20 Q3", opens=("30", "", "2019", "9am")), plan=small_plan)
    assert not form.is_valid()
    assert form.error_parts == {"opens_at": ("month",)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9", dt.time(9)),
        ("9am", dt.time(9)),
        ("09:00", dt.time(9)),
        ("5.30pm", dt.time(17, 30)),
        ("17:30", dt.time(17, 30)),
        ("12pm", dt.time(12)),
        ("12am", dt.time(0)),
        ("midday", dt.time(12)),
        ("midnight", dt.time(0)),
        ("13pm", None),
        ("24:00", None),
        ("soon", None),
    ],
)
def test_times_are_read_as_people_write_them(text, expected):
    assert parse_time(text) == expected


def test_edit_window_shows_the_current_window(client, people, round_):
    client.force_login(people["corporate"])
    page = client.get(reverse("rounds:edit_window", args=[round_.pk])).text
    local = timezone.localtime(round_.closes_at)
    assert f'name="closes_at_0" type="text" inputmode="numeric" value="{local.day}"' in page
    assert f'value="{local:%H:%M}"' in page

"""Two people saving the same return: the second is refused, nothing is overwritten unnoticed."""

import threading

import pytest
from django.db import connection

from councilplan.core.models import User
from councilplan.monitoring.models import Return, Round
from councilplan.monitoring.services import ReturnConflict, save_return

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(small_plan):
    round_ = Round.objects.create(plan=small_plan, label="2019-20 Q3", state=Round.State.OPEN)
    return Return.objects.create(round=round_, activity=small_plan.activities.get(ref="1"))


def test_second_save_from_the_same_version_is_refused(draft):
    ann = User.objects.create(username="ann")
    bob = User.objects.create(username="bob")
    opened_by_ann = Return.objects.get(pk=draft.pk)
    opened_by_bob = Return.objects.get(pk=draft.pk)

    save_return(opened_by_ann, {"delivery_status": "on_track", "progress": "Ann's words"}, ann, expected_version=1)
    with pytest.raises(ReturnConflict) as conflict:
        save_return(opened_by_bob, {"delivery_status": "unlikely", "progress": "Bob's words"}, bob, expected_version=1)

    assert conflict.value.current.progress == "Ann's words"  # what Bob is shown
    stored = Return.objects.get(pk=draft.pk)
    assert (stored.progress, stored.version, stored.updated_by) == ("Ann's words", 2, ann)
    # Bob saves again from the version he has now seen: accepted.
    save_return(stored, {"progress": "Bob's words, after reading Ann's"}, bob, expected_version=2)
    assert Return.objects.get(pk=draft.pk).version == 3


def test_every_save_is_in_the_history_with_who(draft):
    ann = User.objects.create(username="ann")
    save_return(draft, {"progress": "first"}, ann, expected_version=1)
    save_return(draft, {"progress": "second"}, ann, expected_version=2, submit=True)
    history = list(Return.objects.get(pk=draft.pk).history.order_by("history_date"))
    assert [h.progress for h in history] == ["", "first", "second"]
    assert [h.history_user for h in history[1:]] == [ann, ann]
    assert history[-1].state == "submitted"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_racing_saves_one_wins(small_plan):
    """Two threads with their own connections save the same version at once: exactly one wins."""
    if connection.vendor == "sqlite" and "memory" in str(connection.settings_dict["NAME"]):
        pytest.skip("threads cannot share SQLite's in-memory test database")
    round_ = Round.objects.create(plan=small_plan, label="2019-20 Q3")
    ret = Return.objects.create(round=round_, activity=small_plan.activities.get(ref="1"))
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def save(words):
        from django.db import connections

        try:
            mine = Return.objects.get(pk=ret.pk)
            barrier.wait()
            save_return(mine, {"progress": words}, None, expected_version=1)
            outcomes.append("saved")
        except ReturnConflict:
            outcomes.append("conflict")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(w,)) for w in ("one", "two")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["conflict", "saved"]
    assert Return.objects.get(pk=ret.pk).version == 2

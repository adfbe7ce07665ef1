"""The organisation's risk scale: KCC's by default (a data migration), its words used everywhere, and the admin
refusing levels that leave a possible score without a level."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from risk_support import make_register, make_risk, make_user

from councilplan.risks.models import RiskBand, RiskScale, ScoreLabel
from councilplan.risks.selectors import get_scale, register_data

pytestmark = pytest.mark.django_db


def test_the_default_scale_is_kccs():
    scale = get_scale()
    assert [(b.code, b.label, b.lowest, b.highest) for b in scale.bands] == [
        ("low", "Low", 1, 6),
        ("medium", "Medium", 8, 15),
        ("high", "High", 16, 25),
    ]
    assert [scale.likelihood(v) for v in (2, 3, 4, 5)] == [
        "Unlikely (2)",
        "Possible (3)",
        "Likely (4)",
        "Very Likely (5)",
    ]
    assert [scale.impact(v) for v in (2, 3, 4, 5)] == ["Moderate (2)", "Significant (3)", "Serious (4)", "Major (5)"]


def test_changed_words_show_on_the_pages(client):
    ScoreLabel.objects.filter(axis="impact", value=5).update(label="Catastrophic")
    RiskBand.objects.filter(code="high").update(label="Red")
    register = make_register()
    make_risk(register, current=(4, 5))
    client.force_login(make_user("vi.viewer", role="viewer"))
    page = client.get(reverse("risks:risk", args=["CRR0001"])).content.decode()
    assert "Catastrophic (5)" in page and ">Red<" in page


def test_a_broken_scale_in_the_database_is_reported():
    RiskBand.objects.filter(code="low").update(highest=5)  # 6 (2×3) now has no level
    with pytest.raises(ImproperlyConfigured, match="a score of 6 is in no band"):
        get_scale()


def test_register_counts_use_the_configured_bands():
    RiskBand.objects.filter(code="low").update(highest=8)
    RiskBand.objects.filter(code="medium").update(lowest=9)
    register = make_register()
    make_risk(register, current=(2, 4), target=(2, 4))
    assert register_data([register]).figures(get_scale()).current_counts == {"low": 1, "medium": 0, "high": 0}


def admin_post(scale, bands):
    data = {"name": scale.name}
    for prefix, rows, fields in (
        ("bands", bands, ("id", "code", "label", "lowest", "highest")),
        ("labels", list(scale.labels.values("id", "axis", "value", "label")), ("id", "axis", "value", "label")),
    ):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": len(rows),
                f"{prefix}-INITIAL_FORMS": len(rows),
                f"{prefix}-MIN_NUM_FORMS": 0,
                f"{prefix}-MAX_NUM_FORMS": 1000,
            }
        )
        for i, row in enumerate(rows):
            for field in fields:
                data[f"{prefix}-{i}-{field}"] = row[field]
            data[f"{prefix}-{i}-scale"] = scale.pk
    return data


def test_the_admin_refuses_levels_with_a_gap_on_a_possible_score(client):
    client.force_login(make_user("ada.admin", role="administrator", is_staff=True, is_superuser=True))
    scale = RiskScale.objects.get()
    url = reverse("admin:risks_riskscale_change", args=[scale.pk])
    bands = list(scale.bands.order_by("lowest").values("id", "code", "label", "lowest", "highest"))
    bands[0]["highest"] = 5
    response = client.post(url, admin_post(scale, bands))
    assert response.status_code == 200
    assert "These bands cannot be used: a score of 6 is in no band." in response.content.decode()
    assert RiskBand.objects.get(code="low").highest == 6
    # Closing the impossible gap at 7 is accepted.
    bands[0]["highest"] = 7
    assert client.post(url, admin_post(scale, bands)).status_code == 302
    assert RiskBand.objects.get(code="low").highest == 7

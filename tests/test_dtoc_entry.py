"""Entering delayed transfers of care figures (issue 20; spec/qpr.md §3): a week's form (GOV.UK errors, what was
typed kept, null apart from zero, half days, a stale version refused, every change in the history), and the
weekly file (export with the GSS code, formula-safe; an import that loads a good file and, for a bad one, names
every row, column and value and changes nothing)."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from councilplan.core.exchange import ImportFailed
from councilplan.core.models import User
from councilplan.performance import weekly
from councilplan.performance.models import BreakdownValue, Indicator, Result, ResultPart
from councilplan.performance.sample.dtoc import load_dtoc

pytestmark = pytest.mark.django_db

WEEK = dt.date(2017, 11, 30)  # the week after the sample's last, a Thursday like the others
URL = "/performance/dtoc/weeks/2017-11-30/"
SITES = ["DVH", "MED", "KCH", "QEQM", "WHH", "MAID", "TWH", "VCNK", "KCHFT", "KMPT", "OOA"]


@pytest.fixture
def officer(db):
    load_dtoc()
    user = User.objects.create(username="asc.officer", role="lead_officer", name="Asc Officer")
    Indicator.objects.filter(ref="DTOC").update(owner=user)
    return user


def stored(week=WEEK):
    return {
        (code, r): v
        for code, r, v in ResultPart.objects.filter(result__indicator__ref="DTOC", result__period=week).values_list(
            "breakdown_value__code", "responsibility", "value"
        )
    }


def blank_form(version=""):
    data = {"version": version}
    for code in SITES:
        for r in ("nhs", "social_care", "both"):
            data[f"{code}-{r}"] = ""
    return data


def test_a_new_week_is_entered_with_null_apart_from_zero_and_half_days(client, officer):
    client.force_login(officer)
    page = client.get(URL).content.decode()
    assert "Delayed days for the week ending 30/11/2017" in page and 'name="DVH-nhs"' in page
    data = blank_form() | {"DVH-nhs": "90", "DVH-social_care": "0", "DVH-both": "2.5", "MED-nhs": "1,2"}
    response = client.post(URL, data | {"MED-nhs": "3"})
    assert response.status_code == 302 and response["Location"] == "/performance/dtoc/?week=2017-11-30"
    figures = stored()
    assert figures[("DVH", "nhs")] == 90 and figures[("DVH", "social_care")] == 0
    assert figures[("DVH", "both")] == Decimal("2.5")
    assert (
        figures.get(("TWH", "nhs")) is None and ("TWH", "nhs") not in figures
    )  # an empty box: not returned, not a zero
    result = Result.objects.get(indicator__ref="DTOC", period=WEEK)
    assert result.value == Decimal("95.5") and result.updated_by == officer  # 90 + 0 + 2.5 + 3
    # Prefilled with what is stored: the zero as 0, the not returned as an empty box.
    page = client.get(URL).content.decode()
    assert 'name="DVH-social_care" type="text" inputmode="decimal" spellcheck="false" autocomplete="off" value="0"' in (
        page
    )
    assert 'name="DVH-both" type="text" inputmode="decimal" spellcheck="false" autocomplete="off" value="2.5"' in page
    assert 'name="TWH-nhs" type="text" inputmode="decimal" spellcheck="false" autocomplete="off" value=""' in page
    # The dashboard now has the week.
    dashboard = client.get("/performance/dtoc/").content.decode()
    assert '<option value="2017-11-30" selected>' in dashboard


def test_errors_are_summarised_and_what_was_typed_is_kept(client, officer):
    client.force_login(officer)
    data = blank_form() | {"DVH-nhs": "ninety", "MED-both": "2.25", "KCH-social_care": "-1", "MAID-nhs": "7"}
    response = client.post(URL, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert 'href="#id_DVH-nhs"' in page and 'href="#id_MED-both"' in page and 'href="#id_KCH-social_care"' in page
    assert "Enter Darent Valley Hospital&#x27;s NHS days as a number of whole or half days" in page
    assert 'value="ninety"' in page and 'value="2.25"' in page and 'value="7"' in page  # kept as typed
    assert not Result.objects.filter(indicator__ref="DTOC", period=WEEK).exists()  # nothing saved


def test_a_stale_version_is_refused_and_the_other_persons_figures_shown(client, officer):
    client.force_login(officer)
    week = "/performance/dtoc/weeks/2017-11-23/"
    version = Result.objects.get(indicator__ref="DTOC", period=dt.date(2017, 11, 23)).version
    mine = {f"{c}-{r}": weekly.plain(v) for (c, r), v in stored(dt.date(2017, 11, 23)).items()}
    mine |= {"version": str(version), "TWH-nhs": "40"}
    # Meanwhile a colleague saves the week: Tunbridge Wells' NHS days are 38.
    colleague = User.objects.create(username="colleague", role="corporate", name="A Colleague")
    weekly.save_week(
        Indicator.objects.get(ref="DTOC"),
        dt.date(2017, 11, 23),
        {("TWH", "nhs"): Decimal(38)},
        user=colleague,
        expected_version=version,
    )
    response = client.post(week, mine)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Someone else saved this week" in page and "Now stored: NHS 38" in page
    assert 'value="40"' in page  # what I typed, kept
    assert stored(dt.date(2017, 11, 23))[("TWH", "nhs")] == 38  # theirs not overwritten
    # Saving again, having seen theirs, is against their version: accepted.
    new_version = Result.objects.get(indicator__ref="DTOC", period=dt.date(2017, 11, 23)).version
    assert f'name="version" value="{new_version}"' in page
    assert client.post(week, mine | {"version": str(new_version)}).status_code == 302
    assert stored(dt.date(2017, 11, 23))[("TWH", "nhs")] == 40


def test_a_change_that_keeps_the_total_is_a_new_version(officer):
    indicator = Indicator.objects.get(ref="DTOC")
    result = Result.objects.get(indicator=indicator, period=dt.date(2017, 11, 23))
    before = result.version
    # A day moved from the NHS to social care: the week's total is the same, its version is not.
    weekly.save_week(
        indicator,
        result.period,
        {("DVH", "nhs"): Decimal(90), ("DVH", "social_care"): Decimal(15)},
        user=officer,
        expected_version=before,
    )
    result.refresh_from_db()
    assert result.version == before + 1
    with pytest.raises(weekly.StaleWeek):
        weekly.save_week(indicator, result.period, {("DVH", "nhs"): Decimal(1)}, user=officer, expected_version=before)
    with pytest.raises(weekly.StaleWeek):  # a "new" week someone else has created meanwhile
        weekly.save_week(indicator, result.period, {("DVH", "nhs"): Decimal(1)}, user=officer, expected_version=None)


def test_every_change_is_in_the_weeks_history(client, officer):
    client.force_login(officer)
    week = "/performance/dtoc/weeks/2017-11-23/"
    version = Result.objects.get(indicator__ref="DTOC", period=dt.date(2017, 11, 23)).version
    mine = {f"{c}-{r}": weekly.plain(v) for (c, r), v in stored(dt.date(2017, 11, 23)).items()}
    assert client.post(week, mine | {"version": str(version), "DVH-nhs": "95"}).status_code == 302
    page = client.get(week).content.decode()
    history = page[page.index("History of this week") :]
    # Newest first: DVH's NHS days from 91 to 95, by the officer, on the form; below, the sample's load.
    first = history[history.index("<tbody") :].split("</tr>")[0]
    for cell in ("Asc Officer", "Darent Valley Hospital", "NHS", ">91<", ">95<", "Entered on the week"):
        assert cell in first
    assert "Sample: seed 004 item 7" in history


def test_the_week_chooser(client, officer):
    client.force_login(officer)
    page = client.get("/performance/dtoc/weeks/").content.decode()
    assert 'value="30"' in page and 'value="11"' in page and 'value="2017"' in page  # the next week, prefilled
    response = client.get("/performance/dtoc/weeks/", {"week-day": "30", "week-month": "11", "week-year": "2017"})
    assert response.status_code == 302 and response["Location"] == URL
    friday = client.get("/performance/dtoc/weeks/", {"week-day": "1", "week-month": "12", "week-year": "2017"})
    assert "is not a Thursday: the weeks end on a Thursday" in friday.content.decode()
    bad = client.get("/performance/dtoc/weeks/", {"week-day": "31", "week-month": "11", "week-year": "2017"})
    assert "The week-ending date must be a real date" in bad.content.decode()
    assert client.get("/performance/dtoc/weeks/2017-12-01/").status_code == 404  # not a Thursday


# --- the weekly file --------------------------------------------------------------------------------------------


def test_a_week_exported_has_every_site_the_gss_code_and_formula_safe_names(client, officer):
    BreakdownValue.objects.filter(code="OOA").update(name='=HYPERLINK("http://evil.example")')
    client.force_login(officer)
    response = client.get("/performance/dtoc/weeks/2017-11-23/csv/")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["week_ending", "site", "site_name", "trust", "nhs", "social_care", "both", "gss_code"]
    by_site = {r[1]: r for r in rows[1:]}
    assert list(by_site) == SITES
    assert by_site["DVH"][:7] == ["2017-11-23", "DVH", "Darent Valley Hospital", "Dartford & Gravesham NHS Trust",
                                  "91", "14", "7"]  # fmt: skip
    assert by_site["TWH"][4:7] == ["", "", ""]  # not returned: empty, not 0
    assert by_site["OOA"][2] == '\'=HYPERLINK("http://evil.example")'  # never runs as a formula
    # The template of a week not yet entered: every site, blank.
    blank = list(csv.reader(io.StringIO(client.get(f"{URL}csv/").content.decode())))
    assert all(r[4:7] == ["", "", ""] for r in blank[1:]) and len(blank) == 12


def upload(client, text, name="weeks.csv"):
    return client.post("/performance/dtoc/weeks/import/", {"file": SimpleUploadedFile(name, text.encode())})


def test_a_good_file_loads_and_an_exported_week_goes_back_in_unchanged(client, officer):
    client.force_login(officer)
    exported = client.get("/performance/dtoc/weeks/2017-11-23/csv/").content.decode()
    response = upload(client, exported)
    assert response.status_code == 302
    text = (
        "week_ending,site,nhs,social_care,both\n"
        "2017-11-30,DVH,88,12,3\n"
        "30/11/2017,MED,2,0,0.5\n"
        "2017-11-30,TWH,,,\n"
        "2017-11-23,TWH,60,20,5\n"
    )
    response = upload(client, text)
    assert response.status_code == 302
    figures = stored()
    assert (figures[("DVH", "nhs")], figures[("DVH", "social_care")], figures[("DVH", "both")]) == (88, 12, 3)
    assert figures[("MED", "both")] == Decimal("0.5") and figures[("MED", "social_care")] == 0
    assert figures[("TWH", "nhs")] is None
    assert stored(dt.date(2017, 11, 23))[("TWH", "both")] == 5  # a week already entered, corrected
    assert Result.objects.get(indicator__ref="DTOC", period=WEEK).value == Decimal("105.5")


def test_a_bad_file_names_every_row_column_and_value_and_changes_nothing(client, officer):
    client.force_login(officer)
    before = sorted(
        ResultPart.objects.values_list("result__period", "breakdown_value__code", "responsibility", "value")
    )
    results = Result.objects.count()
    text = (
        "week_ending,site,nhs,social_care,both\n"
        "2017-11-30,DVH,88,12,3\n"  # good, but the file is not: not loaded either
        "2017-11-31,MED,1,1,1\n"
        "2017-11-30,XYZ,1,1,1\n"
        "2017-11-30,KCH,lots,1.25,-2\n"
        "2017-12-01,QEQM,1,1,1\n"
        "2017-11-30,DVH,1,1,1\n"
        "2099-11-26,WHH,1,1,1\n"
    )
    response = upload(client, text)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Nothing was imported: 8 problems found, listed below." in page
    with pytest.raises(ImportFailed) as failure:
        path = __import__("pathlib").Path(__import__("tempfile").mkdtemp()) / "weeks.csv"
        path.write_text(text)
        weekly.import_weeks(path, Indicator.objects.get(ref="DTOC"))
    found = {(e.row, e.column, e.value) for e in failure.value.errors}
    assert found == {
        (3, "week_ending", "2017-11-31"),
        (4, "site", "XYZ"),
        (5, "nhs", "lots"),
        (5, "social_care", "1.25"),
        (5, "both", "-2"),
        (6, "week_ending", "2017-12-01"),
        (7, "site", "DVH"),
        (8, "week_ending", "2099-11-26"),
    }
    messages = {(e.row, e.column): e.message for e in failure.value.errors}
    assert "is not a known site code" in messages[(4, "site")] and "DVH" in messages[(4, "site")]
    assert "has figures for this week already (row 2)" in messages[(7, "site")]
    assert "is not a Thursday" in messages[(6, "week_ending")]
    assert "must be a number of whole or half days" in messages[(5, "social_care")]
    assert sorted(ResultPart.objects.values_list(
        "result__period", "breakdown_value__code", "responsibility", "value")) == before  # fmt: skip
    assert Result.objects.count() == results


def test_a_file_without_the_responsibility_columns_is_refused(client, officer):
    client.force_login(officer)
    response = upload(client, "week_ending,site,nhs,days\n2017-11-30,DVH,1,2\n")
    page = response.content.decode()
    assert "required column is missing" in page and "social_care" in page and "is not a known column" in page
    assert not Result.objects.filter(period=WEEK).exists()


HOSTILE = ["<script>alert(1)</script>", '=HYPERLINK("http://evil.example")', "1e400", "NaN", "½", "0x10", " 3 "]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=12)), min_size=3, max_size=3))
def test_whatever_is_typed_the_form_answers_with_a_page_and_a_refusal_writes_nothing(client, officer, values):
    client.force_login(officer)
    before = ResultPart.objects.count()
    data = blank_form() | {"KCH-nhs": values[0], "KCH-social_care": values[1], "KCH-both": values[2]}
    response = client.post(URL, data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert ResultPart.objects.count() == before and "There is a problem" in response.content.decode()
    Result.objects.filter(indicator__ref="DTOC", period=WEEK).delete()


def test_hostile_site_names_are_text_on_every_page(client, officer):
    BreakdownValue.objects.filter(code="DVH").update(name='<script>alert("x")</script>')
    client.force_login(officer)
    for url in ("/performance/dtoc/", "/performance/dtoc/weeks/2017-11-23/"):
        page = client.get(url).content.decode()
        assert "<script>alert" not in page and "&lt;script&gt;alert" in page

"""The sample reproduces the fixture of spec/policies.md: `councilplan policy-report --date 2017-09-15 --format
json` on it gives every count of the spec, typed here from the spec's Fixture block; the close-down paper holds
the seed's Tables 1 and 2; each format opens with its reader."""

import io
import json
import zipfile

import pytest
from django.core.management import call_command

from councilplan.policies.models import Policy
from councilplan.policies.sample import load_sample

pytestmark = pytest.mark.django_db

# The Fixture block of spec/policies.md, typed.
SECTIONS = {
    "Corporate and Strategic Relationships": {
        "entries": [1, 49],
        "t1": [4, 5, 6, 7, 15, 19, 41],
        "t2": [3, 22, 25, 34, 35, 44],
        "review": [20, 26, 27, 28, 29, 30, 31, 32, 33, 46],
        "left": 36,
    },
    "Adult Social Care and Health": {
        "entries": [50, 62],
        "t1": [52, 56, 62],
        "t2": [53],
        "review": [60, 61],
        "left": 9,
    },
    "Public Health": {"entries": [63, 72], "t1": [66, 68, 69, 70, 72], "t2": [], "review": [], "left": 5},
    "Children, Young People and Education": {
        "entries": [73, 105],
        "t1": [75, 77, 80, 84, 90, 93, 98, 105],
        "t2": [87, 91, 94],
        "review": [76, 89, 96, 100],
        "left": 22,
    },
    "Growth, Environment and Transport": {
        "entries": [106, 136],
        "t1": [113, 114, 119, 127, 132, 133],
        "t2": [110, 116, 120, 125, 129, 131],
        "review": [106, 111, 115, 128, 130],
        "left": 19,
    },
}


@pytest.fixture(scope="module")
def sample(django_db_setup, django_db_blocker):
    """The sample loaded once for the module (it takes a while), in a transaction rolled back at the end; each
    test runs in a savepoint of its own inside it."""
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            load_sample()
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def _report(tmp_path, fmt="json", *extra):
    path = tmp_path / f"report.{fmt}"
    call_command("policy_report", "--date", "2017-09-15", "--format", fmt, "--output", str(path), *extra)
    return path


def test_the_report_gives_every_count_of_the_fixture(sample, tmp_path):
    report = json.loads(_report(tmp_path).read_text(encoding="utf-8"))
    figures = report["figures"]
    assert figures["in_scope"] == 136
    assert (figures["close_agreed"], figures["close_immediate"], figures["close_planned"]) == (45, 29, 16)
    assert figures["under_review"] == 21
    assert (figures["remaining"], figures["remaining_active"], figures["remaining_under_review"]) == (91, 70, 21)
    assert (figures["forthcoming"], figures["forthcoming_replacement"], figures["forthcoming_new"]) == (36, 18, 18)
    assert figures["closed"] == 0
    sections = {s["section"]: s for s in report["sections"]}
    assert list(sections) == list(SECTIONS)
    for name, expected in SECTIONS.items():
        got = sections[name]
        assert got["entries"] == expected["entries"], name
        assert sorted(got["immediate_entries"]) == expected["t1"], name
        assert sorted(got["planned_entries"]) == expected["t2"], name
        assert sorted(got["under_review_entries"]) == expected["review"], name
        assert got["remaining"] == expected["left"], name
        assert got["in_scope"] == expected["entries"][1] - expected["entries"][0] + 1


def test_the_close_down_paper_holds_the_seed_tables(sample, tmp_path):
    paper = json.loads(_report(tmp_path, "json", "--paper", "close-down").read_text(encoding="utf-8"))
    assert paper["counts"] == {"table_1": 29, "table_2": 16, "under_review": 21}
    table_1 = {row["number"]: row for row in paper["table_1"]}
    replaced = {n: r["replaced_by"] for n, r in table_1.items() if r["reason"] == "replaced"}
    # Table 1's replacements as the spec lists them; 69's successor is not on the register.
    assert replaced == {
        4: 1,
        15: 48,
        19: 20,
        41: 42,
        80: 81,
        98: 99,
        93: 94,
        119: 107,
        52: 53,
        72: 65,
        66: 65,
        69: None,
    }
    out_of_date = sorted(n for n, r in table_1.items() if r["reason"] == "out_of_date")
    assert out_of_date == [5, 6, 7, 56, 62, 68, 70, 75, 77, 84, 90, 105, 113, 114, 127, 132, 133]
    assert table_1[75]["replaced_by"] == 74
    table_2 = {row["number"]: row for row in paper["table_2"]}
    assert table_2[3]["expected"] == "Sept 2017" and table_2[94]["expected"] == "in development"
    # 12 of the 16 have a named successor among the forthcoming; 116, 120, 125 and 53 have none.
    assert sorted(n for n, r in table_2.items() if r["replaced_by"] is None) == [53, 116, 120, 125]


def test_replacements_form_chains(sample):
    from councilplan.analysis.policies import chain

    links = dict(Policy.objects.filter(replaced_by__isnull=False).values_list("number", "replaced_by__number"))
    successor = Policy.objects.get(title="Kent's Looked After Children and Care Leavers Strategy (2017/18)")
    assert chain(links, 93) == [94, successor.number]
    assert Policy.objects.get(number=91).replaced_by.title == "Kent Open Access Strategy (2017-2019)"


def test_the_register_at_a_later_date_follows_the_vcs_policy(sample, tmp_path):
    path = tmp_path / "later.json"
    call_command("policy_report", "--date", "2019-12-01", "--format", "json", "--output", str(path))
    later = json.loads(path.read_text(encoding="utf-8"))
    # The VCS policy (45) went under review in June 2018 (its evaluation): 22 under review by then.
    assert later["figures"]["under_review"] == 22
    assert Policy.objects.get(number=45).reviews.get().outcome == "revise"


def test_each_format_opens_with_its_reader(sample, tmp_path):
    import docx
    import openpyxl

    html = _report(tmp_path, "html").read_text(encoding="utf-8")
    assert "Strategy and Policy Register at 15 September 2017" in html
    assert _report(tmp_path, "pdf").read_bytes().startswith(b"%PDF")
    document = docx.Document(str(_report(tmp_path, "docx")))
    assert any("136 documents are on the register" in p.text for p in document.paragraphs)
    workbook = openpyxl.load_workbook(_report(tmp_path, "xlsx"))
    assert "Figures" in workbook.sheetnames
    paper = _report(tmp_path, "docx", "--paper", "close-down")
    with zipfile.ZipFile(io.BytesIO(paper.read_bytes())) as archive:
        assert "Bold Steps for Kent (2010-2015)" in archive.read("word/document.xml").decode("utf-8")
    paper_xlsx = openpyxl.load_workbook(_report(tmp_path, "xlsx", "--paper", "close-down"))
    assert {"Table 1", "Table 2"} <= set(paper_xlsx.sheetnames)
    assert _report(tmp_path, "pdf", "--paper", "close-down").read_bytes().startswith(b"%PDF")


def test_loading_twice_changes_nothing(sample):
    assert Policy.objects.count() == 172
    assert load_sample() == "Policy register: already loaded."
    assert Policy.objects.count() == 172

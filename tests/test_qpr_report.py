"""`councilplan qpr-report --quarter 2017-Q2` on the sample: the JSON gives every KPI's value, RAG and direction
and every count of the QPR (typed from spec/qpr.md), and each laid-out format opens with its reader."""

import io
import json
import zipfile

import pytest
from django.core.management import call_command

from councilplan.sample.loader import load_sample


@pytest.fixture
def sample(db):
    load_sample(only=("risks", "performance", "feedback", "qpr"))


def test_json_and_every_format(sample, tmp_path):
    out = io.StringIO()
    call_command("qpr_report", "--quarter", "2017-Q2", "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    counts = data["counts"]
    assert (counts["green"], counts["amber"], counts["red"]) == (26, 10, 2)
    assert (counts["improved"], counts["same"], counts["worsened"]) == (19, 8, 11)
    kpis = {k["ref"]: k for a in data["areas"] for k in a["kpis"]}
    assert len(kpis) == 38
    assert (kpis["EYP-5"]["value"], kpis["EYP-5"]["rag"], kpis["EYP-5"]["direction"]) == (74, "red", "worsened")
    assert (kpis["SCS-4"]["value"], kpis["SCS-4"]["rag"], kpis["SCS-4"]["direction"]) == (338, "green", "improved")
    assert [a["counts"]["green"] for a in data["areas"]] == [3, 1, 5, 5, 6, 3, 3]
    for fmt in ("html", "pdf", "docx", "xlsx"):
        path = tmp_path / f"qpr.{fmt}"
        call_command("qpr_report", "--quarter", "2017-Q2", "--format", fmt, "--output", str(path), stdout=io.StringIO())
        content = path.read_bytes()
        if fmt == "pdf":
            assert content.startswith(b"%PDF")
        elif fmt == "html":
            text = content.decode()
            assert "Corporate Risk Register" in text and "Complaints received by service" in text
            assert "26 are rated Green" in text
        else:
            assert zipfile.is_zipfile(path)


def test_a_bad_quarter_is_refused(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="YYYY-Qn"):
        call_command("qpr_report", "--quarter", "2017-09", "--format", "json")

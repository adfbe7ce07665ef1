"""`councilplan report`: every format to a file, and a clear error for each wrong argument."""

import io
import json

import docx
import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader
from report_support import Q2

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command("report", *args, stdout=out)
    return out.getvalue()


def test_writes_each_format(sample_plan, tmp_path):
    for fmt in ("html", "json", "xlsx", "docx"):
        path = tmp_path / f"report.{fmt}"
        message = run("--round", Q2, "--format", fmt, "--output", str(path))
        assert path.stat().st_size > 1000
        assert message.startswith(f"Wrote the {Q2} report to {path}")
    assert json.loads((tmp_path / "report.json").read_text())["figures"]["responses"]["count"] == 79


def test_tailored_scorecards_as_pdf(sample_plan, tmp_path):
    path = tmp_path / "cards.pdf"

    message = run(
        "--plan", sample_plan.name, "--round", Q2, "--format", "pdf", "--output", str(path),
        "--outcome", "corporate enabling activity", "--scorecards",
    )  # fmt: skip

    assert "scorecards for 'Corporate Enabling Activity'" in message
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert "62. Development of the new Strategic Statement" in text
    assert "1. Delivering the Kent Commissioning Plan" not in text


def test_word_scorecards(sample_plan, tmp_path):
    path = tmp_path / "cards.docx"
    run("--round", Q2, "--format", "docx", "--output", str(path), "--scorecards")

    assert sum(p.style.name == "Heading 1" for p in docx.Document(path).paragraphs) == 79


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--plan", "Nope", "--round", Q2, "--format", "pdf"], "--plan: no plan is called 'Nope'"),
        (["--round", "2019-20 Q4", "--format", "pdf"], "has no round '2019-20 Q4' (rounds: 2019-20 Q1, 2019-20 Q2)"),
        (["--round", Q2, "--format", "odt"], "--format: unknown format 'odt'"),
        (["--round", Q2, "--format", "json", "--scorecards"], "Scorecards come as html, pdf, docx"),
        (["--round", Q2, "--format", "pdf", "--outcome", "Nope"], "--outcome: plan 'KCC Strategic Delivery Plan"),
    ],
)
def test_clear_errors(sample_plan, tmp_path, args, message):
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        run(*args, "--output", str(tmp_path / "out"))


def test_missing_folder_is_an_error(sample_plan, tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        run("--round", Q2, "--format", "json", "--output", str(tmp_path / "no" / "such" / "file.json"))

"""Issue 20: the quarterly pack. One document for the quarter 2019-20 Q2 from the whole sample: a contents page,
the exceptions first, then each system's section with its basis; the public version holds no exempt text in any
format (HTML, the PDF's text, the Word file's XML), and the pack reads a fixed number of queries however many rows.

Figures typed from the spec: monitoring.md §"Q2 2019-20" (79 responses, 64 on track = 81%), finance.md Table 1
(September 2017: revised net variance 8.330, last reported 11.226), risk.md (CRR0001 3×5 = 15, was 20)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from councilplan.core.models import User
from councilplan.documents.formats import render
from councilplan.documents.model import Heading
from councilplan.overview.pack import gather, pack_document, parse_quarter

pytestmark = pytest.mark.django_db

SECRET_RISK = "Undisclosed land deal collapses"
SECRET_COMMENT = "The confidential settlement with the contractor"
SECRET_ITEM = "Sale of the Sessions House site to a preferred bidder"
SECRETS = (SECRET_RISK, SECRET_COMMENT, SECRET_ITEM)
SECRET_WORDS = ("Undisclosed", "confidential settlement", "Sessions House")  # one part of each, in no other text
SECTIONS = (
    "2. Strategic Delivery Plan analysis, 2019-20 Q2",
    "3. Quarterly Performance Report, Quarter 2, 2017/18",
    "4. Corporate Risk Register",
    "5. Budget position, September 2017",
    "6. Assurance summary",
    "7. Forward plan",
)


@pytest.fixture(scope="module")
def sample(django_db_setup, django_db_blocker):
    """The whole sample, loaded once for the module and rolled back after it (each test is a savepoint inside)."""
    from councilplan.sample.loader import load_sample

    with django_db_blocker.unblock(), transaction.atomic():
        load_sample()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def corporate(sample):
    return User.objects.create(username="cora", name="Cora Corporate", role=User.Role.CORPORATE)


@pytest.fixture
def secrets(sample):
    """An exempt risk on the corporate register, exempt commentary on the round's overview and an exempt item on a
    committee's work programme for a meeting after the quarter: each in a section of the pack."""
    from risk_support import make_risk

    from councilplan.governance.models import Meeting, WorkProgrammeEntry
    from councilplan.monitoring.models import Round
    from councilplan.reports.models import Commentary
    from councilplan.risks.models import Register

    risk = make_risk(Register.objects.get(name="Corporate Risk Register"), code="CRR0099", title=SECRET_RISK)
    risk.exempt = True
    risk.save()
    Commentary.objects.create(
        round=Round.objects.get(label="2019-20 Q2"), section="overview", text=SECRET_COMMENT, exempt=True
    )
    meeting = Meeting.objects.filter(date=dt.date(2019, 11, 8)).get()  # Policy and Resources, after 30 September
    WorkProgrammeEntry.objects.create(
        body=meeting.body, year=2019, title=SECRET_ITEM, meeting=meeting, exempt_paragraph=3
    )


def _text(content: bytes) -> str:
    if content[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return " ".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist() if n.endswith("xml"))
    if content[:4] == b"%PDF":
        from pypdf import PdfReader

        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return content.decode("utf-8")


Q2 = parse_quarter("2019-20-Q2")


def test_a_quarter_is_read_from_the_command_lines_form():
    assert (Q2.label, Q2.start, Q2.end) == ("2019-20 Q2", dt.date(2019, 7, 1), dt.date(2019, 9, 30))
    q4 = parse_quarter("2019-20 Q4")
    assert (q4.start, q4.end) == (dt.date(2020, 1, 1), dt.date(2020, 3, 31))
    with pytest.raises(ValueError):
        parse_quarter("2019-21-Q2")
    with pytest.raises(ValueError):
        parse_quarter("2019-20-Q5")


def test_the_pack_holds_every_section_with_its_basis_after_the_contents_and_the_exceptions(corporate):
    document = pack_document(Q2, corporate)
    headings = [b.text for b in document.blocks if isinstance(b, Heading)]
    assert headings[0] == "Quarterly pack: 2019-20 Q2"
    assert headings[1] == "Contents"
    assert headings[2] == "1. Exceptions"  # before every system's section
    at = [headings.index(title) for title in SECTIONS]
    assert at == sorted(at) and at[0] > 2
    contents = document.tables[0]
    assert [row[1] for row in contents.rows] == ["Exceptions", *(t.split(". ", 1)[1] for t in SECTIONS)]
    text = render(document, "html").decode()
    for basis in (
        "Basis: The returns of the KCC Strategic Delivery Plan 2019-20 round 2019-20 Q2 (published).",
        "Basis: The budget monitoring position for September 2017 as reported to Cabinet on 11 December 2017: the "
        "latest reported month up to the end of 2019-20 Q2.",
        "Basis: The KPIs",
    ):
        assert basis in text
    assert "81% (64) of activities are on track for successful delivery" in text  # 64 of 79
    assert "8.330" in text and "11.226" in text  # Table 1's revised net variance and last reported, total excl schools
    assert "CRR0001" in text and "Risk score fell (was 20)" in text


def test_the_exceptions_come_first_with_their_reason_and_link(corporate):
    document = pack_document(Q2, corporate)
    exceptions = next(t for t in document.tables if t.caption == "Exceptions")
    first_section = next(i for i, b in enumerate(document.blocks) if isinstance(b, Heading) and b.text == SECTIONS[0])
    assert document.blocks.index(exceptions) < first_section
    systems = {row[0] for row in exceptions.rows}
    # The 13 activities not on track in 2019-20 Q2 (spec: not_on_track 13 / 79), each with its return's page.
    monitoring = [row for row in exceptions.rows if row[0] == "Monitoring"]
    assert len(monitoring) == 13
    assert all(row[2].startswith("2019-20 Q2 return: ") and row[3].startswith("/returns/") for row in monitoring)
    assert "Budget" in systems  # September 2017's overspends over the threshold


def test_the_public_version_holds_nothing_exempt_in_any_format(corporate, secrets):
    officers = render(pack_document(Q2, corporate), "html").decode()
    for secret in SECRETS:  # the officers' version (the corporate team is cleared) holds them: the test can fail
        assert secret in officers
    public = pack_document(Q2, None)
    for fmt in ("html", "pdf", "docx"):
        text = " ".join(_text(render(public, fmt)).split())  # the PDF's text breaks lines anywhere
        assert "Quarterly pack: 2019-20 Q2" in text
        assert "CRR0001" in text  # the risks not exempt are there
        for secret in (*SECRETS, *SECRET_WORDS):  # not even a part of it, however the lines break
            assert secret not in text, (fmt, secret)
    assert not any(t.caption == "Exceptions" for t in public.tables)


def test_the_public_version_reports_only_a_round_published_to_the_public(corporate):
    from councilplan.monitoring.models import Round

    q2 = Round.objects.get(label="2019-20 Q2")
    q2.public = False  # published to members only: not on the public pages, so not in the public pack either
    q2.save()
    public = [b.text for b in pack_document(Q2, None).blocks if isinstance(b, Heading)]
    assert "2. Strategic Delivery Plan analysis, 2019-20 Q1" in public  # the latest round the public may read
    assert not any("2019-20 Q2" in heading for heading in public[1:])
    officers = [b.text for b in pack_document(Q2, corporate).blocks if isinstance(b, Heading)]
    assert "2. Strategic Delivery Plan analysis, 2019-20 Q2" in officers


def test_a_reader_not_cleared_gets_no_exempt_text_either(sample, secrets):
    viewer = User.objects.create(username="vic", name="Vic Viewer", role=User.Role.VIEWER)
    text = render(pack_document(Q2, viewer), "html").decode()
    for secret in SECRETS:
        assert secret not in text


def _count(user) -> int:
    with CaptureQueriesContext(connection) as queries:
        gather(Q2, user)
    return len(queries)


def test_the_pack_reads_a_fixed_number_of_queries_as_rows_grow(corporate):
    from risk_support import make_risk

    from councilplan.governance.models import Meeting, WorkProgrammeEntry
    from councilplan.risks import services
    from councilplan.risks.models import Register

    _count(corporate)  # the first reading fills the caches (vocabularies, the organisation's settings)
    before = _count(corporate)
    register = Register.objects.get(name="Corporate Risk Register")
    meeting = Meeting.objects.filter(date=dt.date(2019, 11, 8)).get()
    for n in range(3):
        risk = make_risk(register, code=f"CRR009{n}", title=f"Another risk {n}")
        services.record_review(risk, reviewed_on=dt.date(2017, 12, 11), current=(5, 5), target=(3, 4), user=None)
        WorkProgrammeEntry.objects.create(body=meeting.body, year=2019, title=f"Another item {n}", meeting=meeting)
    parts = gather(Q2, corporate)
    text = render(pack_document(Q2, corporate), "html").decode()
    assert "Another risk 2" in text and "Another item 2" in text  # the new rows are in the pack…
    assert sum(1 for i in parts.exceptions if i.what.startswith("CRR009")) == 3  # …and, rising, in its exceptions
    assert _count(corporate) == before


def test_the_command_writes_the_pack_and_its_public_version(tmp_path, corporate, secrets):
    public = tmp_path / "pack.docx"
    call_command("quarterly_pack", "--quarter", "2019-20-Q2", "--format", "docx", "--public", "--output", str(public))
    text = _text(public.read_bytes())
    assert "Forward plan" in text and SECRET_ITEM not in text
    officers = tmp_path / "pack.html"
    call_command(
        "quarterly_pack", "--quarter", "2019-20-Q2", "--format", "html", "--user", "cora", "--output", str(officers)
    )
    assert SECRET_ITEM in officers.read_text()


# --- the page: /overview/pack/ --------------------------------------------------------------------------------


def test_the_page_offers_both_versions_and_the_public_download_holds_nothing_exempt(client, corporate, secrets):
    client.force_login(corporate)
    page = client.get("/overview/pack/", {"quarter": "2019-20-Q2"})
    assert page.status_code == 200
    assert "Download the pack for 2019-20 Q2" in page.text
    assert "/overview/pack/pack.pdf?quarter=2019-20-Q2&amp;version=public" in page.text
    public = client.get("/overview/pack/pack.docx", {"quarter": "2019-20-Q2", "version": "public"}, follow=True)
    assert public.status_code == 200 and public.content[:2] == b"PK"
    text = _text(public.content)
    assert "Forward plan" in text
    for secret in (*SECRETS, *SECRET_WORDS):
        assert secret not in text
    officers = client.get("/overview/pack/pack.html", {"quarter": "2019-20-Q2"}, follow=True)
    assert SECRET_ITEM in officers.content.decode()  # made for Cora, who is cleared


def test_the_page_says_what_is_wrong_with_a_quarter_and_refuses_readers_it_does_not_serve(client, corporate):
    client.force_login(corporate)
    page = client.get("/overview/pack/", {"quarter": "2019-20-Q7"})
    assert page.status_code == 200
    assert "There is a problem" in page.text and "for example 2019-20-Q2, not &#x27;2019-20-Q7&#x27;" in page.text
    assert client.get("/overview/pack/pack.pdf", {"quarter": "nonsense"}).status_code == 404
    assert client.get("/overview/pack/pack.xlsx", {"quarter": "2019-20-Q2"}).status_code == 404
    viewer = User.objects.create(username="vic", name="Vic Viewer", role=User.Role.VIEWER)
    client.force_login(viewer)
    assert client.get("/overview/pack/").status_code == 403
    assert client.get("/overview/pack/pack.pdf", {"quarter": "2019-20-Q2"}).status_code == 403
    client.logout()
    assert client.get("/overview/pack/").status_code == 302  # to sign in

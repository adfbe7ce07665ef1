"""The Content Security Policy and other headers, no inline script in any template, `check --deploy` clean in
production, and the limits on what may be sent: request size, and an import file's size and type."""

from __future__ import annotations

import io
import os
import re
import secrets
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from councilplan.core.middleware import CHART_STYLE, style_hash
from councilplan.core.models import User
from councilplan.performance.models import Result

TEMPLATES = Path(__file__).resolve().parents[1] / "councilplan" / "templates"
# The one template written to be opened without the app (a report file): its styles are inline, it has no script.
STANDALONE = {"documents/report.html"}


def directives(header: str) -> dict[str, str]:
    return {part.split(" ", 1)[0]: part.split(" ", 1)[1] for part in (p.strip() for p in header.split(";"))}


@pytest.mark.django_db
def test_every_page_has_a_policy_with_a_fresh_nonce(client):
    first = client.get("/accounts/login/")
    second = client.get("/accounts/login/")
    policy = directives(first["Content-Security-Policy"])

    assert policy["script-src"] == "'self'"
    assert policy["default-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["form-action"] == "'self'"
    assert policy["base-uri"] == "'none'"
    assert "'unsafe-inline'" not in policy["style-src"] and "'unsafe-eval'" not in first["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", policy["style-src"]).group(1)
    assert nonce not in second["Content-Security-Policy"]
    assert style_hash(CHART_STYLE) in policy["style-src"]
    assert first["X-Frame-Options"] == "DENY"
    assert first["X-Content-Type-Options"] == "nosniff"
    assert first["Referrer-Policy"] == "same-origin"
    assert "camera=()" in first["Permissions-Policy"]


@pytest.mark.django_db
def test_inline_styles_carry_the_pages_nonce(client, sample_plan):
    viewer = User.objects.create(username="viewer", role=User.Role.VIEWER)
    client.force_login(viewer)
    response = client.get("/")
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    styles = re.findall(r"<style([^>]*)>", response.text)
    assert styles, "the dashboard has its chart styles"
    for attributes in styles:
        assert f'nonce="{nonce}"' in attributes or attributes.strip() == 'type="text/css"'  # the charts' own


def test_no_template_has_inline_script_or_event_handlers():
    for path in TEMPLATES.rglob("*.html"):
        name = path.relative_to(TEMPLATES).as_posix()
        text = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<script\b[^>]*>", text):
            assert "src=" in tag, f"{name}: inline script {tag}"
        assert not re.search(r"\son[a-z]+\s*=", text), f"{name}: an inline event handler"
        assert "javascript:" not in text, f"{name}: a javascript: URL"
        if name not in STANDALONE:
            for tag in re.findall(r"<style\b[^>]*>", text):
                assert 'nonce="{{ request.csp_nonce }}"' in tag, f"{name}: a <style> without the nonce"


@pytest.mark.django_db
def test_a_file_sent_inline_gets_a_policy_without_scripts(client):
    from django.http import HttpResponse

    from councilplan.core.middleware import SecurityHeadersMiddleware

    def view(request):
        response = HttpResponse("<style>p{}</style><p>report</p>")
        response["Content-Disposition"] = 'inline; filename="report.html"'
        return response

    from django.test import RequestFactory

    response = SecurityHeadersMiddleware(view)(RequestFactory().get("/"))
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == "'none'" and "script-src" not in policy
    assert policy["style-src"] == "'unsafe-inline'"


def _run_check_deploy(**extra):
    # Not the test run's own: the browser tests allow async-unsafe ORM calls, which --deploy rightly refuses.
    left_out = {"COUNCILPLAN_ENV", "DEBUG", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in left_out}
    env.update(
        COUNCILPLAN_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="plan.example.gov.uk",
        COUNCILPLAN_DATA_DIR=extra.pop("data_dir"),
        **extra,
    )
    return subprocess.run(
        [sys.executable, "-m", "councilplan.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_in_production(tmp_path):
    result = _run_check_deploy(data_dir=str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)" in result.stdout + result.stderr


def test_production_settings_are_secure(tmp_path):
    code = (
        "import councilplan.settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, "
        "s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SESSION_COOKIE_HTTPONLY, s.X_FRAME_OPTIONS, s.DEBUG)"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"COUNCILPLAN_ENV", "DEBUG"}}
    env.update(SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="x", COUNCILPLAN_DATA_DIR=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["True", "True", "True", "31536000", "True", "True", "DENY", "False"]


@pytest.mark.django_db
@override_settings(MAX_REQUEST_BYTES=1000)
def test_a_request_larger_than_the_limit_is_refused_before_it_is_read(client):
    response = client.post("/accounts/login/", {"username": "x" * 2000, "password": "y"})
    assert response.status_code == 413
    assert "The file is too large" in response.text


@pytest.fixture
def corporate_client(client, db):
    client.force_login(User.objects.create(username="corp", role=User.Role.CORPORATE))
    return client


def _xlsx_bytes() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["ref", "period", "value"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (210 * 1024 * 1024))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("results.pdf", b"%PDF-1.4", "must be a CSV or an Excel (.xlsx) file"),
        ("results.xlsx", b"ref,period,value\n", "is not an Excel workbook"),
        ("results.xlsx", b"PK\x03\x04 not really a zip", "is damaged"),
        ("results.csv", b"PK\x03\x04\x00\x00binary", "is not a text file"),
        ("results.csv", b"", "The submitted file is empty"),
        ("results.csv", b"x" * 2048, "must be smaller than 1.0\xa0KB"),
        ("results.xlsx", None, "is too large once unpacked"),
    ],
)
@override_settings(MAX_IMPORT_BYTES=1024)
def test_an_import_upload_is_checked_for_size_and_type_before_it_is_read(corporate_client, name, content, message):
    if content is None:
        content = _zip_bomb()
        override = override_settings(MAX_IMPORT_BYTES=10 * 1024 * 1024)
    else:
        override = override_settings()
    with override:
        response = corporate_client.post("/performance/import/", {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.text
    assert message in response.text
    assert not Result.objects.exists()


@override_settings(MAX_IMPORT_BYTES=1024 * 1024)
def test_a_real_workbook_passes_the_checks(corporate_client):
    response = corporate_client.post("/performance/import/", {"file": SimpleUploadedFile("r.xlsx", _xlsx_bytes())})
    assert "is not an Excel workbook" not in response.text and "damaged" not in response.text
    assert "has no results under the header" in response.text or "problem" in response.text

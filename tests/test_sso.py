"""Single sign-on against a real OpenID Connect provider run here: node-oidc-provider (tests/oidc/provider.mjs).

The whole sign-in: councilplan sends the browser to the provider, the person signs in on its page and agrees,
the provider sends them back with a code, councilplan exchanges it, checks the ID token (signature from the
provider's keys, issuer, audience, nonce, PKCE) and signs them in as the person with that e-mail address, with the
role their `roles` claim maps to. Skipped when Node is missing, except in CI (env CI set), where it fails.
"""

from __future__ import annotations

import fcntl
import html
import http.cookiejar
import json
import os
import re
import shutil
import socket
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.test import override_settings

from councilplan.core import sso
from councilplan.core.models import SingleSignOnIdentity, User

pytestmark = pytest.mark.django_db

HERE = Path(__file__).parent / "oidc"
CLIENT_ID, CLIENT_SECRET = "councilplan-tests", "a-client-secret-for-the-tests-only"
REDIRECT_URI = "http://testserver/accounts/sso/callback/"
ROLE_MAP = "CouncilPlan.Corporate:corporate,CouncilPlan.Admin:administrator,CouncilPlan.Viewer:viewer"
ACCOUNTS = {
    # An imported lead officer (no password here), whose address the provider writes in another case.
    "ann": {"email": "Ann.Officer@example.gov.uk", "name": "Ann Officer", "roles": ["CouncilPlan.Corporate"]},
    "newcomer": {
        "email": "new.person@example.gov.uk",
        "name": "New Person",
        "roles": ["Other.App", "CouncilPlan.Admin"],
    },
    "norole": {"email": "no.role@example.gov.uk", "name": "No Role"},
    "unverified": {"email": "someone@example.gov.uk", "email_verified": False},
}


def _unavailable(message: str):
    if os.environ.get("CI"):
        pytest.fail(f"{message}; in CI this is a failure, not a skip")
    pytest.skip(message)


@pytest.fixture(scope="module")
def provider():
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        _unavailable("Node.js is not installed: the single sign-on tests run a real OpenID Connect provider on it")
    # One install at a time: the suite's workers (pytest-xdist) may each start the provider.
    with open(HERE / ".install-lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (HERE / "node_modules" / "oidc-provider").is_dir():
            installed = subprocess.run(
                [npm, "ci", "--no-audit", "--no-fund"], cwd=HERE, capture_output=True, text=True, timeout=300
            )
            if installed.returncode != 0:
                _unavailable(f"npm ci in tests/oidc failed: {installed.stderr[-500:]}")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        **os.environ,
        "OIDC_PORT": str(port),
        "OIDC_CLIENT_ID": CLIENT_ID,
        "OIDC_CLIENT_SECRET": CLIENT_SECRET,
        "OIDC_REDIRECT_URI": REDIRECT_URI,
        "OIDC_ACCOUNTS": json.dumps(ACCOUNTS),
    }
    process = subprocess.Popen(
        [node, "provider.mjs"], cwd=HERE, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        said = []
        while not said or said[-1].strip() != "ready":  # it may warn first (e.g. about the Node version)
            said.append(process.stdout.readline())
            if not said[-1]:
                pytest.fail(f"the OpenID Connect provider did not start: {''.join(said)[-2000:]}")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def configured(provider):
    sso._cache.clear()
    with override_settings(
        OIDC_ISSUER=provider,
        OIDC_CLIENT_ID=CLIENT_ID,
        OIDC_CLIENT_SECRET=CLIENT_SECRET,
        OIDC_ROLE_CLAIM="roles",
        OIDC_ROLE_MAP=ROLE_MAP,
        OIDC_SCOPES="openid email profile roles",
    ):
        yield provider
    sso._cache.clear()


class _Browser:
    """The person's browser at the provider: cookies kept, redirects followed by hand, forms submitted."""

    def __init__(self):
        class NoRedirects(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirects()
        )

    def open(self, url: str, data: dict | None = None) -> tuple[int, str, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(url, data=body, timeout=10) as response:
                return response.status, "", response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Location", ""), error.read().decode(errors="replace")

    def sign_in_at_provider(self, url: str, login: str) -> str:
        """Follow the provider's pages (sign in, agree) until it sends the browser back; return that address."""
        for _step in range(12):
            status, location, page = self.open(url)
            while status in (302, 303) and not location.startswith("http://testserver"):
                url = urllib.parse.urljoin(url, location)
                status, location, page = self.open(url)
            if location.startswith("http://testserver"):
                return location
            form = re.search(r'<form[^>]*action="([^"]+)"[^>]*method="post"', page)
            assert status == 200 and form, f"unexpected page from the provider ({status}): {page[:500]}"
            fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))
            if 'name="login"' in page:
                fields.update(login=login, password="any password")
            status, location, page = self.open(urllib.parse.urljoin(url, html.unescape(form.group(1))), fields)
            assert status in (302, 303), f"the provider refused the form ({status}): {page[:500]}"
            url = urllib.parse.urljoin(url, location)
            if url.startswith("http://testserver"):
                return url
        raise AssertionError("the provider never sent the browser back")


def sign_in_with_sso(client, login: str, next_url: str = "/reports/"):
    start = client.get("/accounts/sso/", {"next": next_url})
    assert start.status_code == 302
    back = _Browser().sign_in_at_provider(start["Location"], login)
    parts = urllib.parse.urlsplit(back)
    return client.get(parts.path, dict(urllib.parse.parse_qsl(parts.query)))


def test_the_sign_in_page_offers_single_sign_on_and_passwords(client, configured):
    page = client.get("/accounts/login/")
    assert "Sign in with your council account" in page.text
    assert 'href="/accounts/sso/"' in page.text
    assert 'name="password"' in page.text


def test_an_imported_officer_signs_in_by_their_address_with_the_role_from_the_claim(client, configured):
    ann = User.objects.create(username="ann.officer", email="ann.officer@example.gov.uk", name="Ann Officer")
    ann.set_unusable_password()
    ann.save()

    start = client.get("/accounts/sso/", {"next": "/reports/"})
    authorize = urllib.parse.urlsplit(start["Location"])
    params = dict(urllib.parse.parse_qsl(authorize.query))
    assert authorize.netloc == urllib.parse.urlsplit(configured).netloc
    assert params["code_challenge_method"] == "S256" and params["state"] and params["nonce"]
    back = _Browser().sign_in_at_provider(start["Location"], "ann")
    parts = urllib.parse.urlsplit(back)
    response = client.get(parts.path, dict(urllib.parse.parse_qsl(parts.query)))

    assert response.status_code == 302 and response["Location"] == "/reports/"
    assert client.session["_auth_user_id"] == str(ann.pk)
    ann.refresh_from_db()
    assert ann.role == User.Role.CORPORATE
    link = SingleSignOnIdentity.objects.get(user=ann)
    assert (link.issuer, link.subject) == (configured, "ann")
    assert User.objects.count() == 1
    assert client.get("/reports/").status_code == 200

    # The second time, the link finds her, whatever her address here has become.
    client.post("/accounts/logout/")
    User.objects.filter(pk=ann.pk).update(email="ann@elsewhere.example")
    assert sign_in_with_sso(client, "ann").status_code == 302
    assert client.session["_auth_user_id"] == str(ann.pk)


def test_a_new_person_is_created_with_the_highest_role_their_claims_map_to(client, configured):
    response = sign_in_with_sso(client, "newcomer")
    assert response.status_code == 302
    person = User.objects.get(email="new.person@example.gov.uk")
    assert (person.name, person.role, person.has_usable_password()) == ("New Person", "administrator", False)
    assert client.session["_auth_user_id"] == str(person.pk)


def test_without_a_role_claim_a_new_person_is_a_viewer_and_an_existing_one_keeps_their_role(client, configured):
    sign_in_with_sso(client, "norole")
    assert User.objects.get(email="no.role@example.gov.uk").role == User.Role.VIEWER
    client.post("/accounts/logout/")

    User.objects.filter(email="no.role@example.gov.uk").update(role=User.Role.LEAD_OFFICER)
    sign_in_with_sso(client, "norole")
    assert User.objects.get(email="no.role@example.gov.uk").role == User.Role.LEAD_OFFICER


def test_an_unverified_address_or_a_switched_off_account_is_refused(client, configured):
    response = sign_in_with_sso(client, "unverified")
    assert response.status_code == 403
    assert "has not verified your e-mail address" in response.text
    assert "_auth_user_id" not in client.session
    assert not User.objects.exists()

    User.objects.create(username="ann", email="ann.officer@example.gov.uk", is_active=False)
    response = sign_in_with_sso(client, "ann")
    assert response.status_code == 403 and "switched off" in response.text
    assert "_auth_user_id" not in client.session


def test_a_forged_or_replayed_return_is_refused(client, configured):
    start = client.get("/accounts/sso/")
    back = _Browser().sign_in_at_provider(start["Location"], "ann")
    parts = urllib.parse.urlsplit(back)
    query = dict(urllib.parse.parse_qsl(parts.query))

    forged = client.get(parts.path, {**query, "state": "not-the-state"})
    assert forged.status_code == 400 and "Try again" in forged.text
    # The state was used up by that attempt: the real answer, replayed, is refused too.
    assert client.get(parts.path, query).status_code == 400
    assert "_auth_user_id" not in client.session
    assert not User.objects.exists()


def test_a_refusal_at_the_provider_is_explained(client, configured):
    client.get("/accounts/sso/")
    response = client.get("/accounts/sso/callback/", {"error": "access_denied", "error_description": "No entry"})
    assert response.status_code == 403
    assert "The identity provider did not sign you in: No entry." in response.text


def test_password_sign_in_stays_and_sso_is_off_without_an_issuer(client, db):
    user = User(username="local")
    user.set_password("correct horse battery staple")
    user.save()
    assert "council account" not in client.get("/accounts/login/").text
    assert client.get("/accounts/sso/").status_code == 404
    response = client.post("/accounts/login/", {"username": "local", "password": "correct horse battery staple"})
    assert response.status_code == 302


def test_a_bad_role_map_is_a_configuration_error():
    from django.core.exceptions import ImproperlyConfigured

    assert sso.parse_role_map("A:corporate, B.C:viewer") == {"A": "corporate", "B.C": "viewer"}
    with pytest.raises(ImproperlyConfigured):
        sso.parse_role_map("A:superhero")

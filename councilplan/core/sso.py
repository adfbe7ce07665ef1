"""Single sign-on with OpenID Connect (Microsoft Entra ID, or any provider), on when `OIDC_ISSUER` is set.

The authorization-code flow with PKCE (S256), a `state` and a `nonce` kept in the session; the code is exchanged
at the provider's token endpoint with the client secret; the ID token's signature is checked against the
provider's published keys (JWKS) and its issuer, audience, expiry and nonce against what was sent. Endpoints come
from the provider's discovery document (`OIDC_ISSUER/.well-known/openid-configuration`).

Who signs in:
- the person already linked to this issuer and subject (their `sub`), else
- the one person whose e-mail address is the token's `email` (or `preferred_username`, which Entra ID fills with
  the sign-in address), linked from then on; else
- a new person, named and addressed from the token.

Their role comes from the `OIDC_ROLE_CLAIM` claim (default `roles`) through `OIDC_ROLE_MAP`
(`CouncilPlan.Corporate:corporate,CouncilPlan.Admin:administrator,...`): the highest role any of the values maps
to, set on every sign-in. With no value that maps, an existing person keeps the role an administrator gave them
and a new person gets `OIDC_DEFAULT_ROLE` (viewer).
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass

import jwt
from django.conf import settings
from django.contrib.auth import login
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .models import SingleSignOnIdentity, User

SESSION_KEY = "councilplan_oidc"
ROLE_ORDER = [User.Role.VIEWER, User.Role.LEAD_OFFICER, User.Role.CORPORATE, User.Role.ADMINISTRATOR]
HTTP_TIMEOUT = 10
ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"]
_cache: dict[str, tuple[float, object]] = {}


class SignOnFailed(Exception):
    """The sign-in cannot be completed; the message is for the person, in plain words."""


def enabled() -> bool:
    return bool(getattr(settings, "OIDC_ISSUER", ""))


def parse_role_map(text: str) -> dict[str, str]:
    """`Value:role,Value:role` → {value: role}; an unknown role is a configuration error."""
    roles = {choice.value for choice in User.Role}
    mapping = {}
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        value, sep, role = item.rpartition(":")
        if not sep or not value.strip() or role.strip() not in roles:
            from django.core.exceptions import ImproperlyConfigured

            raise ImproperlyConfigured(
                f"OIDC_ROLE_MAP: {item!r} must be 'claim value:role', the role one of {', '.join(sorted(roles))}"
            )
        mapping[value.strip()] = role.strip()
    return mapping


# -- talking to the provider -------------------------------------------------------------------------------------


def _check_url(url: str) -> str:
    """HTTPS only, except to this machine (a provider run by the tests)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in ("127.0.0.1", "localhost", "::1")):
        return url
    raise SignOnFailed(f"the identity provider's address {url!r} is not HTTPS")


def _fetch_json(url: str, data: dict | None = None, auth: tuple[str, str] | None = None) -> dict:
    headers = {"Accept": "application/json"}
    body = None
    if data is not None:
        body = urllib.parse.urlencode(data).encode("ascii")
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    if auth is not None:
        pair = f"{urllib.parse.quote(auth[0], safe='')}:{urllib.parse.quote(auth[1], safe='')}"
        headers["Authorization"] = "Basic " + base64.b64encode(pair.encode()).decode("ascii")
    request = urllib.request.Request(_check_url(url), data=body, headers=headers)  # noqa: S310 - checked above
    try:
        with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT) as response:  # noqa: S310
            return json.loads(response.read())
    except urllib.error.HTTPError as error:
        try:
            detail = json.loads(error.read()).get("error_description") or error.reason
        except ValueError:
            detail = error.reason
        raise SignOnFailed(f"the identity provider refused: {detail}") from None
    except (OSError, ValueError) as error:
        raise SignOnFailed(f"the identity provider could not be reached ({error})") from None


def _cached(key: str, build, ttl: float = 3600):
    now = time.monotonic()
    hit = _cache.get(key)
    if hit and hit[0] > now:
        return hit[1]
    value = build()
    _cache[key] = (now + ttl, value)
    return value


def discovery() -> dict:
    issuer = settings.OIDC_ISSUER.rstrip("/")
    document = _cached(f"discovery:{issuer}", lambda: _fetch_json(f"{issuer}/.well-known/openid-configuration"))
    for name in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
        if not document.get(name):
            raise SignOnFailed(f"the identity provider's discovery document has no {name}")
    return document


def _jwks_client(uri: str) -> jwt.PyJWKClient:
    return _cached(f"jwks:{uri}", lambda: jwt.PyJWKClient(_check_url(uri), cache_keys=True, timeout=HTTP_TIMEOUT))


def _pkce_pair() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(64)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode("ascii")).digest()).rstrip(b"=").decode()
    return verifier, challenge


def _redirect_uri(request) -> str:
    return request.build_absolute_uri(reverse("sso_callback"))


# -- the views -------------------------------------------------------------------------------------------------


def _failed(request, message: str, status: int = 400):
    return render(request, "registration/sso_failed.html", {"message": message}, status=status)


@never_cache
@require_safe
def start(request):
    """Send the person to the identity provider, remembering where they were going."""
    if not enabled():
        return _failed(request, "Single sign-on is not set up for this service.", status=404)
    try:
        endpoint = discovery()["authorization_endpoint"]
    except SignOnFailed as error:
        return _failed(request, f"Signing in did not work: {error}.", status=502)
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = ""
    verifier, challenge = _pkce_pair()
    state, nonce = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    request.session[SESSION_KEY] = {"state": state, "nonce": nonce, "verifier": verifier, "next": next_url}
    params = {
        "response_type": "code",
        "client_id": settings.OIDC_CLIENT_ID,
        "redirect_uri": _redirect_uri(request),
        "scope": settings.OIDC_SCOPES,
        "state": state,
        "nonce": nonce,
        "code_challenge": challenge,
        "code_challenge_method": "S256",
    }
    separator = "&" if "?" in endpoint else "?"
    return HttpResponseRedirect(_check_url(endpoint) + separator + urllib.parse.urlencode(params))


@never_cache
@require_safe
def callback(request):
    """Where the identity provider sends the person back with a code: check everything, then sign them in."""
    if not enabled():
        return _failed(request, "Single sign-on is not set up for this service.", status=404)
    pending = request.session.pop(SESSION_KEY, None)
    if request.GET.get("error"):
        words = request.GET.get("error_description") or request.GET["error"]
        return _failed(request, f"The identity provider did not sign you in: {words}.", status=403)
    if not pending or not secrets.compare_digest(str(request.GET.get("state", "")), pending["state"]):
        return _failed(request, "The sign-in took too long or was started in another window. Try again.")
    code = request.GET.get("code", "")
    if not code:
        return _failed(request, "The identity provider sent no sign-in code. Try again.")
    try:
        claims = _exchange(request, code, pending)
        user = user_for(claims)
    except SignOnFailed as error:
        return _failed(request, f"Signing in did not work: {error}.", status=403)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return HttpResponseRedirect(pending.get("next") or reverse(settings.LOGIN_REDIRECT_URL))


def _exchange(request, code: str, pending: dict) -> dict:
    document = discovery()
    data = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": _redirect_uri(request),
        "code_verifier": pending["verifier"],
    }
    methods = document.get("token_endpoint_auth_methods_supported") or ["client_secret_basic"]
    auth = None
    if "client_secret_basic" in methods:
        auth = (settings.OIDC_CLIENT_ID, settings.OIDC_CLIENT_SECRET)
    else:
        data.update(client_id=settings.OIDC_CLIENT_ID, client_secret=settings.OIDC_CLIENT_SECRET)
    tokens = _fetch_json(document["token_endpoint"], data=data, auth=auth)
    if not tokens.get("id_token"):
        raise SignOnFailed("the identity provider sent no ID token")
    return validate_id_token(tokens["id_token"], pending["nonce"], document)


def validate_id_token(token: str, nonce: str, document: dict) -> dict:
    try:
        header = jwt.get_unverified_header(token)
        if header.get("alg") not in ALGORITHMS:
            raise SignOnFailed(f"the ID token is signed with {header.get('alg')!r}, which is not accepted")
        key = _jwks_client(document["jwks_uri"]).get_signing_key_from_jwt(token)
        claims = jwt.decode(
            token,
            key.key,
            algorithms=ALGORITHMS,
            audience=settings.OIDC_CLIENT_ID,
            issuer=document.get("issuer") or settings.OIDC_ISSUER,
            leeway=60,
            options={"require": ["exp", "iat", "iss", "aud", "sub"]},
        )
    except jwt.PyJWTError as error:
        raise SignOnFailed(f"the ID token is not valid ({error})") from None
    if not secrets.compare_digest(str(claims.get("nonce", "")), nonce):
        raise SignOnFailed("the ID token was not issued for this sign-in")
    audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    if len(audiences) > 1 and claims.get("azp") != settings.OIDC_CLIENT_ID:
        raise SignOnFailed("the ID token was issued to another application")
    return claims


# -- who the claims are --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Person:
    issuer: str
    subject: str
    email: str
    name: str
    role: str | None


def _person(claims: dict) -> _Person:
    email = str(claims.get("email") or "").strip()
    if not email and "@" in str(claims.get("preferred_username") or ""):
        email = str(claims["preferred_username"]).strip()
    if claims.get("email_verified") is False:
        raise SignOnFailed("the identity provider has not verified your e-mail address")
    values = claims.get(settings.OIDC_ROLE_CLAIM) or []
    if isinstance(values, str):
        values = [values]
    mapping = parse_role_map(settings.OIDC_ROLE_MAP)
    roles = [mapping[str(value)] for value in values if str(value) in mapping]
    role = max(roles, key=ROLE_ORDER.index) if roles else None
    return _Person(str(claims["iss"]), str(claims["sub"]), email.lower(), str(claims.get("name") or ""), role)


@transaction.atomic
def user_for(claims: dict) -> User:
    """The person these (validated) claims are: found by their link, or by e-mail, or made."""
    person = _person(claims)
    link = (
        SingleSignOnIdentity.objects.select_related("user").filter(issuer=person.issuer, subject=person.subject).first()
    )
    if link is not None:
        user = link.user
    else:
        if not person.email:
            raise SignOnFailed("the identity provider did not say your e-mail address")
        matches = list(User.objects.filter(email__iexact=person.email)[:2])
        if len(matches) > 1:
            raise SignOnFailed("more than one person here has your e-mail address: ask an administrator to correct it")
        user = matches[0] if matches else _new_user(person)
        if SingleSignOnIdentity.objects.filter(user=user, issuer=person.issuer).exists():
            raise SignOnFailed("this account is already linked to another identity: ask an administrator")
        SingleSignOnIdentity.objects.create(user=user, issuer=person.issuer, subject=person.subject)
    if not user.is_active:
        raise SignOnFailed("your account here is switched off: ask an administrator")
    changed = []
    if person.role and person.role != user.role:
        user.role = person.role
        changed.append("role")
    if person.name and not user.name:
        user.name = person.name
        changed.append("name")
    if person.email and not user.email:
        user.email = person.email
        changed.append("email")
    if changed:
        user.save()
    return user


def _new_user(person: _Person) -> User:
    base = person.email[:150]
    username, number = base, 1
    while User.objects.filter(username=username).exists():
        number += 1
        username = f"{base[: 150 - len(str(number)) - 1]}-{number}"
    user = User(
        username=username,
        email=person.email,
        name=person.name,
        role=person.role or settings.OIDC_DEFAULT_ROLE,
    )
    user.set_unusable_password()
    user.save()
    return user

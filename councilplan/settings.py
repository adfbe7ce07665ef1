"""Settings, from environment variables only (see docs/configuration.md).

COUNCILPLAN_ENV is `production` unless it says `development`: a deployment that
forgets to set anything fails safe, refusing to start without a real secret key.
"""

import hashlib
import os
from importlib.util import find_spec
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent


def _bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def _list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


ENVIRONMENT = os.environ.get("COUNCILPLAN_ENV", "production").lower()
if ENVIRONMENT not in {"production", "development"}:
    raise ImproperlyConfigured("COUNCILPLAN_ENV must be 'production' or 'development'")
PRODUCTION = ENVIRONMENT == "production"

DEVELOPMENT_SECRET_KEY = "development-only-insecure-key-do-not-use-in-production"  # noqa: S105
SECRET_KEY = os.environ.get("SECRET_KEY", "" if PRODUCTION else DEVELOPMENT_SECRET_KEY)
DEBUG = _bool("DEBUG", default=not PRODUCTION)


def _weak_key(key: str) -> bool:
    """A key `check --deploy` warns about (security.W009): under 50 characters, under 5 different ones, or
    Django's own "django-insecure-" placeholder; or the development key."""
    return len(key) < 50 or len(set(key)) < 5 or key.startswith("django-insecure-") or key == DEVELOPMENT_SECRET_KEY


if PRODUCTION:
    if _weak_key(SECRET_KEY):
        raise ImproperlyConfigured(
            "SECRET_KEY must be set to a long random value in production (at least 50 characters, "
            "not repeating a few) "
            "(or set COUNCILPLAN_ENV=development on a laptop). See docs/configuration.md."
        )
    if DEBUG:
        raise ImproperlyConfigured("DEBUG must be off in production (COUNCILPLAN_ENV=production).")

ALLOWED_HOSTS = _list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = _list("CSRF_TRUSTED_ORIGINS")

# Where the SQLite database (and nothing else yet) lives when DATABASE_URL is not set.
DATA_DIR = Path(os.environ.get("COUNCILPLAN_DATA_DIR", BASE_DIR.parent / "var"))
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'councilplan.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # Two people saving in the same second must wait their turn, not fail.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    # The background jobs (documents made by a worker: docs/operations.md) and their queue in the database.
    "django_tasks",
    "django_tasks_db",
    "councilplan.core",
    "councilplan.documents",
    "councilplan.plan",
    "councilplan.planning",
    "councilplan.monitoring",
    "councilplan.reports",
    "councilplan.performance",
    "councilplan.risks",
    "councilplan.governance",
    "councilplan.policies",
    "councilplan.assurance",
    "councilplan.finance",
    "councilplan.contracts",
    "councilplan.feedback",
    # The council-wide Quarterly Performance Report: joins performance, risks and feedback.
    "councilplan.qpr",
    # The quarterly pack: every system's part for a quarter, exceptions first (reads the systems' hooks).
    "councilplan.overview",
    # The top floor: what joins the systems (home, public pages, menu) and the sample data.
    "councilplan.site",
    "councilplan.sample",
    # The read-only API and tokens. django-ninja is not an installed app: importing it (and pydantic) cost every
    # command 0.15 s of start-up. Its docs page's template and scripts are found by path below (no CDN).
    "councilplan.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Production serves static files itself; development uses Django's runserver.
    *(["whitenoise.middleware.WhiteNoiseMiddleware"] if PRODUCTION else []),
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # The Content Security Policy, a cap on request size, and form posts in UTF-8 without control characters
    # (docs/security.md). The last reads the body, so it comes after the cap.
    "councilplan.core.middleware.SecurityHeadersMiddleware",
    "councilplan.core.middleware.RequestSizeLimitMiddleware",
    "councilplan.core.middleware.FormTextMiddleware",
]

ROOT_URLCONF = "councilplan.urls"
WSGI_APPLICATION = "councilplan.wsgi.application"
AUTH_USER_MODEL = "core.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# django-ninja's folder, found without importing it (its docs page's template and the Swagger UI it ships).
NINJA_DIR = Path(find_spec("ninja").origin).parent

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates", NINJA_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "councilplan.site.context_processors.navigation",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static", NINJA_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Documents that take more than a moment (PDF, Word, scorecards, dashboards) are made by a worker
# (`councilplan db_worker`) from a queue kept in the database, so nothing else needs running; several workers on
# several hosts share it. `immediate` makes them inside the request instead (the tests of the pages do).
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
_tasks_backend = os.environ.get("COUNCILPLAN_TASKS_BACKEND", "database")
if _tasks_backend not in _TASK_BACKENDS:
    raise ImproperlyConfigured(f"COUNCILPLAN_TASKS_BACKEND must be one of {', '.join(_TASK_BACKENDS)}")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[_tasks_backend]}}
# Where kept documents live: the filesystem under DATA_DIR by default, or any Django storage back end
# (COUNCILPLAN_DOCUMENTS_STORAGE="storages.backends.s3.S3Storage", say, with its own settings).
COUNCILPLAN_DOCUMENTS_DIR = Path(os.environ.get("COUNCILPLAN_DOCUMENTS_DIR", DATA_DIR / "documents"))
STORAGES["documents"] = {
    "BACKEND": os.environ.get("COUNCILPLAN_DOCUMENTS_STORAGE", "django.core.files.storage.FileSystemStorage"),
    "OPTIONS": {"location": str(COUNCILPLAN_DOCUMENTS_DIR)}
    if "COUNCILPLAN_DOCUMENTS_STORAGE" not in os.environ
    else {},
}
# Uploaded files kept by the default storage (a policy's document): under DATA_DIR, never the current directory.
MEDIA_ROOT = Path(os.environ.get("COUNCILPLAN_MEDIA_DIR", DATA_DIR / "media"))
# Where evidence attached to returns and risk reviews lives (core/evidence.py): the filesystem under DATA_DIR by
# default, or any Django storage back end (COUNCILPLAN_EVIDENCE_STORAGE, with its own settings).
COUNCILPLAN_EVIDENCE_DIR = Path(os.environ.get("COUNCILPLAN_EVIDENCE_DIR", DATA_DIR / "evidence"))
STORAGES["evidence"] = {
    "BACKEND": os.environ.get("COUNCILPLAN_EVIDENCE_STORAGE", "django.core.files.storage.FileSystemStorage"),
    "OPTIONS": {"location": str(COUNCILPLAN_EVIDENCE_DIR)} if "COUNCILPLAN_EVIDENCE_STORAGE" not in os.environ else {},
}
# A document still "being made" with no word from its worker for this long is taken to have stopped (its worker
# was stopped or died), so that whoever asked may try again.
COUNCILPLAN_DOCUMENT_STALLED_SECONDS = int(os.environ.get("COUNCILPLAN_DOCUMENT_STALLED_SECONDS", "900"))

# The cache: what is kept per version of its data (the home dashboard's published part, the round's report page,
# the public PDF, every chart drawn). By default in files under DATA_DIR, shared by every process on the host: the
# web workers and the document worker, which works the published pages out again after a change
# (site/warm.py), so the first reader does not wait for them. COUNCILPLAN_REDIS_URL (redis://host:6379/0) shares
# it between hosts; COUNCILPLAN_CACHE=memory keeps it in each process's memory (the tests).
COUNCILPLAN_REDIS_URL = os.environ.get("COUNCILPLAN_REDIS_URL", "")
COUNCILPLAN_CACHE = os.environ.get("COUNCILPLAN_CACHE", "files")
if COUNCILPLAN_CACHE not in ("files", "memory"):
    raise ImproperlyConfigured("COUNCILPLAN_CACHE must be files or memory")
# Two databases on one host (the demo's, a benchmark's) never share kept pages: their history rows, which
# the keys' data versions are made of, are numbered alike.
_cache_prefix = os.environ.get("COUNCILPLAN_CACHE_PREFIX", "councilplan")
if not COUNCILPLAN_REDIS_URL:
    _cache_prefix += "-" + hashlib.sha256(str(DATABASES["default"].get("NAME", "")).encode()).hexdigest()[:12]
if COUNCILPLAN_REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": COUNCILPLAN_REDIS_URL,
            "KEY_PREFIX": _cache_prefix,
        }
    }
elif COUNCILPLAN_CACHE == "files":
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(Path(os.environ.get("COUNCILPLAN_CACHE_DIR", DATA_DIR / "cache"))),
            "KEY_PREFIX": _cache_prefix,
            "OPTIONS": {"MAX_ENTRIES": 1000},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 1000}}}

# E-mail: reminders and password resets. The console back end prints them. With a GOV.UK Notify API key, every
# e-mail goes through Notify (core/notify.py) from the one template that takes ((subject)) and ((body)); SMTP or
# the console otherwise.
COUNCILPLAN_NOTIFY_API_KEY = os.environ.get("COUNCILPLAN_NOTIFY_API_KEY", "")
COUNCILPLAN_NOTIFY_TEMPLATE_ID = os.environ.get("COUNCILPLAN_NOTIFY_TEMPLATE_ID", "")
COUNCILPLAN_NOTIFY_REPLY_TO_ID = os.environ.get("COUNCILPLAN_NOTIFY_REPLY_TO_ID", "")
COUNCILPLAN_NOTIFY_URL = os.environ.get("COUNCILPLAN_NOTIFY_URL", "")
if COUNCILPLAN_NOTIFY_API_KEY and not COUNCILPLAN_NOTIFY_TEMPLATE_ID:
    raise ImproperlyConfigured("COUNCILPLAN_NOTIFY_API_KEY needs COUNCILPLAN_NOTIFY_TEMPLATE_ID (the e-mail template)")
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "councilplan.core.notify.NotifyEmailBackend"
    if COUNCILPLAN_NOTIFY_API_KEY
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "councilplan@localhost")

# Seed 001 §3.2: "SDP activities will not be considered 'On Track' if their revised end date
# or 'Go Live' date extends beyond the original SDP end date." Off by default: KCC's Q2 report
# predates the rule and counts them as on track.
COUNCILPLAN_LATE_ON_TRACK_RULE = _bool("COUNCILPLAN_LATE_ON_TRACK_RULE")
# Publishing a round (to members or to the public) with fewer of its returns in than this percentage must be
# confirmed a second time (docs/user-guide.md).
COUNCILPLAN_PUBLISH_CONFIRM_BELOW = int(os.environ.get("COUNCILPLAN_PUBLISH_CONFIRM_BELOW", "90"))
# A budget line forecast to overspend by more than this many whole pounds in the latest reported position is
# listed on the exceptions page (/overview/) and at the opening of the quarterly pack (docs/overview.md).
COUNCILPLAN_OVERSPEND_THRESHOLD = int(os.environ.get("COUNCILPLAN_OVERSPEND_THRESHOLD", "100000"))
# The admin's "revert to this version" would change records without the services' checks (core.admin_rules).
SIMPLE_HISTORY_REVERT_DISABLED = True
COUNCILPLAN_ORGANISATION = os.environ.get("COUNCILPLAN_ORGANISATION", "Kent County Council")
# Where people report accessibility problems or ask for another format (the accessibility statement).
COUNCILPLAN_ACCESSIBILITY_CONTACT = os.environ.get("COUNCILPLAN_ACCESSIBILITY_CONTACT", "")
# Whose bank holidays working days skip: a country code of the `holidays` package and, after a hyphen, its
# subdivision (GB-ENG: England and Wales; GB-SCT: Scotland; GB-NIR: Northern Ireland).
COUNCILPLAN_BANK_HOLIDAYS = os.environ.get("COUNCILPLAN_BANK_HOLIDAYS", "GB-ENG")
# The address people use to reach the site, for links in e-mails sent by scheduled commands.
COUNCILPLAN_SITE_URL = os.environ.get("COUNCILPLAN_SITE_URL", "")

SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 3600)))
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = _bool("SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = _bool("CSRF_COOKIE_SECURE", True)
    SECURE_SSL_REDIRECT = _bool("SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^health/$"]  # load balancers check over plain HTTP
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # Inert on a subdomain (plan.example.gov.uk): only a domain's apex can be put on the browsers' preload list.
    SECURE_HSTS_PRELOAD = _bool("SECURE_HSTS_PRELOAD", True)
    if _bool("BEHIND_PROXY"):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# A request's whole body (uploads included) and an uploaded import file: larger ones are refused.
MAX_REQUEST_BYTES = int(os.environ.get("MAX_REQUEST_BYTES", str(20 * 1024 * 1024)))
MAX_IMPORT_BYTES = int(os.environ.get("MAX_IMPORT_BYTES", str(10 * 1024 * 1024)))
# An attached piece of evidence (a return's, a risk review's): larger files are refused.
MAX_EVIDENCE_BYTES = int(os.environ.get("MAX_EVIDENCE_BYTES", str(10 * 1024 * 1024)))

# Password sign-in: this many wrong passwords for one username from one address lock it there for this long.
SIGNIN_MAX_FAILURES = int(os.environ.get("SIGNIN_MAX_FAILURES", "5"))
SIGNIN_LOCKOUT_MINUTES = int(os.environ.get("SIGNIN_LOCKOUT_MINUTES", "15"))
# Behind a proxy the client's address is the last one in X-Forwarded-For (councilplan.core.signin.client_ip).
COUNCILPLAN_BEHIND_PROXY = _bool("BEHIND_PROXY")

# Single sign-on with OpenID Connect (councilplan.core.sso; docs/operations.md), on when OIDC_ISSUER is set.
OIDC_ISSUER = os.environ.get("OIDC_ISSUER", "").rstrip("/")
OIDC_CLIENT_ID = os.environ.get("OIDC_CLIENT_ID", "")
OIDC_CLIENT_SECRET = os.environ.get("OIDC_CLIENT_SECRET", "")
OIDC_SCOPES = os.environ.get("OIDC_SCOPES", "openid email profile")
OIDC_ROLE_CLAIM = os.environ.get("OIDC_ROLE_CLAIM", "roles")
OIDC_ROLE_MAP = os.environ.get("OIDC_ROLE_MAP", "")
OIDC_DEFAULT_ROLE = os.environ.get("OIDC_DEFAULT_ROLE", "viewer")
OIDC_BUTTON_LABEL = os.environ.get("OIDC_BUTTON_LABEL", "Sign in with your council account")
_ROLES = ("lead_officer", "corporate", "viewer", "administrator")
if OIDC_ISSUER:
    if not (OIDC_CLIENT_ID and OIDC_CLIENT_SECRET):
        raise ImproperlyConfigured("OIDC_ISSUER is set: set OIDC_CLIENT_ID and OIDC_CLIENT_SECRET too.")
    if OIDC_DEFAULT_ROLE not in _ROLES:
        raise ImproperlyConfigured(f"OIDC_DEFAULT_ROLE must be one of {', '.join(_ROLES)}")
    for _item in filter(None, (part.strip() for part in OIDC_ROLE_MAP.split(","))):
        if ":" not in _item or _item.rpartition(":")[2].strip() not in _ROLES:
            raise ImproperlyConfigured(f"OIDC_ROLE_MAP: {_item!r} must be 'claim value:role', the role one of {_ROLES}")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

"""Production settings refuse to start unsafely; configuration comes from the environment."""

import os
import subprocess
import sys

import pytest

# A key check --deploy accepts: 50 characters, many different ones.
SAFE_KEY = "q8Vd-3kLmZ0pXa7RtYw2EoN5sJcHbUfG9iK4lQ1vB6nM_xTyPz"


def load_settings(**env):
    """Import the settings in a fresh interpreter with exactly this environment."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"COUNCILPLAN_ENV", "SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "DATABASE_URL"}
    }
    clean.update(env)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import councilplan.settings as s; print(s.DEBUG, getattr(s, 'SESSION_COOKIE_SECURE', False), "
            "s.DATABASES['default']['ENGINE'])",
        ],
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "SECRET_KEY must be set"),
        ({"COUNCILPLAN_ENV": "production"}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "development-only-insecure-key-do-not-use-in-production"}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "short"}, "SECRET_KEY must be set"),
        # What check --deploy warns about (security.W009): 32 identical characters, too few different ones,
        # under 50 characters, Django's placeholder.
        ({"SECRET_KEY": "a" * 32}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "abcd" * 20}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": SAFE_KEY[:49]}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "django-insecure-" + SAFE_KEY}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": SAFE_KEY, "DEBUG": "true"}, "DEBUG must be off in production"),
        ({"COUNCILPLAN_ENV": "staging"}, "COUNCILPLAN_ENV must be"),
        ({"SECRET_KEY": SAFE_KEY, "DEBUG": "sometimes"}, "DEBUG must be true or false"),
    ],
)
def test_production_refuses_unsafe_settings(env, message):
    result = load_settings(**env)
    assert result.returncode != 0
    assert message in result.stderr


def test_production_with_a_real_key_starts_with_secure_cookies():
    result = load_settings(SECRET_KEY=SAFE_KEY, ALLOWED_HOSTS="plan.example.gov.uk")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "django.db.backends.sqlite3"]


def test_database_url_selects_postgresql():
    result = load_settings(COUNCILPLAN_ENV="development", DATABASE_URL="postgres://u@127.0.0.1:5432/x")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == "django.db.backends.postgresql"

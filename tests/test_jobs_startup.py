"""Start-up: loading the site (every command's checks import the URLs) brings in none of the heavy libraries of
the document formats; they are imported where a file or chart is made."""

import subprocess
import sys

HEAVY = ("matplotlib", "openpyxl", "docx", "weasyprint", "pypdf")


def test_loading_the_urls_imports_no_document_library():
    script = (
        "import sys, django; django.setup();"
        "from django.urls import get_resolver; get_resolver().url_patterns;"
        "from django.core import checks; checks.run_checks();"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={"COUNCILPLAN_ENV": "development", "DJANGO_SETTINGS_MODULE": "councilplan.settings", "PATH": ""},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""

"""Start-up: loading the site (every command's checks import the URLs) brings in none of the heavy libraries of
the document formats; they are imported where a file or chart is made."""

import subprocess
import sys

HEAVY = ("matplotlib", "openpyxl", "docx", "weasyprint", "pikepdf", "pypdf")
# What every command paid for before it was its turn: the API's framework and its schemas' library (0.15 s), and
# the report's builder (loaded by the models for its sections' names and by the warm-up's listener).
NOT_AT_SETUP = ("ninja", "pydantic", "councilplan.reports.round_report", "councilplan.reports.page")


def loaded_after(steps: str, modules: tuple[str, ...]) -> str:
    """Which of `modules` a fresh process has imported after django.setup() and `steps`."""
    script = f"import sys, django; django.setup(); {steps}; print(','.join(m for m in {modules!r} if m in sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={"COUNCILPLAN_ENV": "development", "DJANGO_SETTINGS_MODULE": "councilplan.settings", "PATH": ""},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_loading_the_apps_imports_neither_the_api_framework_nor_the_report_builder():
    assert loaded_after("pass", NOT_AT_SETUP) == ""


def test_loading_the_urls_imports_no_document_library():
    steps = (
        "from django.urls import get_resolver; get_resolver().url_patterns;"
        "from django.core import checks; checks.run_checks()"
    )
    assert loaded_after(steps, HEAVY) == ""


def test_a_report_from_the_command_line_loads_no_page_and_no_document_library_it_does_not_use(tmp_path):
    """`councilplan report --format json` reads the database and writes the file: it runs no system checks,
    which would import every URL and view (over half its time), nor loads the Word or PDF libraries."""
    env = {
        "COUNCILPLAN_ENV": "development",
        "DJANGO_SETTINGS_MODULE": "councilplan.settings",
        "COUNCILPLAN_DATA_DIR": str(tmp_path),
        "COUNCILPLAN_CACHE": "memory",
        "COUNCILPLAN_TASKS_BACKEND": "immediate",
        "PATH": "",
    }
    run = "from django.core.management import execute_from_command_line as run;"
    prepare = run + "run(['councilplan', 'migrate', '-v', '0']); run(['councilplan', 'load_sample', '-v', '0'])"
    done = subprocess.run([sys.executable, "-c", prepare], capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr
    output = tmp_path / "q2.json"
    report = (
        f"import sys; {run}"
        "run(['councilplan', 'report', '--plan', 'KCC Strategic Delivery Plan 2019-20', '--round', '2019-20 Q2',"
        f" '--format', 'json', '--output', {str(output)!r}]);"
        f"print('loaded:', ','.join(m for m in ('councilplan.urls', 'councilplan.reports.views', *{HEAVY!r})"
        " if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", report], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    assert output.read_text().startswith("{")
    assert done.stdout.splitlines()[-1] == "loaded: "

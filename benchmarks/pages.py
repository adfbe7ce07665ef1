"""How long the main pages take, and how many queries they make, as the plan grows: the sample (79 activities),
then generated plans of 1,000 and 5,000 activities with 8 rounds of returns (report_speed.py's generator). See
docs/benchmarks.md; issue 11's target is every page under 500 ms at 5,000 activities.

    COUNCILPLAN_ENV=development .venv/bin/python benchmarks/pages.py
    … --sizes 79,1000              only these sizes (79 is the sample alone)
    … --data-dir /tmp/bench-pages  keep (and reuse) the generated databases there, one folder per size
    … --repeats 5                  requests per page (default 3)

Each size runs in its own process with its own SQLite database. A page is requested once to warm the process
(imports, templates, caches a web worker would hold), then `--repeats` times: the table gives the median and
the best wall-clock time, the processor time of the best (steadier on a shared machine), the queries of one
request and the page's size; "first" is the warming request's time (what the first reader after a change of the
data pays where a page keeps its work per data version, plus the process's first imports). Requests go through
Django's test client as the corporate team (the reader who sees most), so the time is the application's own:
no network, no web server, no browser.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import report_speed  # noqa: E402 (the generator and the Django set-up are shared)

TARGET_MS = 500
SAMPLE_PLAN = "KCC Strategic Delivery Plan 2019-20"
SAMPLE_ROUND = "2019-20 Q2"


def pages() -> list[tuple[str, str]]:
    """(name, address) of each page measured, for the plan being measured (the generated one when there is one)."""
    from django.urls import reverse

    from councilplan.monitoring.models import Round
    from councilplan.plan.models import Activity, Plan

    plan = Plan.objects.filter(name=report_speed.BIG_PLAN).first() or Plan.objects.get(name=SAMPLE_PLAN)
    round_ = (
        Round.objects.filter(plan=plan).order_by("-label").first()
        if plan.name == report_speed.BIG_PLAN
        else Round.objects.get(plan=plan, label=SAMPLE_ROUND)
    )
    activity = Activity.objects.filter(plan=plan).order_by("sort_key").first()
    return [
        ("Home dashboard", "/"),
        ("Round's tracker", reverse("rounds:tracker", args=[round_.pk])),
        ("Tracker, a search", reverse("rounds:tracker", args=[round_.pk]) + "?q=commissioning+delivery"),
        ("Round's report page", reverse("reports:round", args=[round_.pk])),
        ("Scorecards", reverse("reports:scorecards", args=[round_.pk])),
        ("An activity's joined page", reverse("activity", args=[activity.pk])),
        ("A directorate's joined page", reverse("directorate", args=[activity.directorate_id])),
        ("Exceptions (/overview/)", reverse("overview")),
    ]


def _counter(queries: list[str]):
    def count(execute, sql, *rest):
        queries.append(sql)
        return execute(sql, *rest)

    return count


def child(args) -> None:
    """Measure every page in this process, for the data in `args.data_dir`; print the rows as JSON."""
    report_speed.setup_django(args.data_dir)
    from django.db import connection
    from django.test import Client

    from councilplan.core.models import User

    reader, _ = User.objects.get_or_create(username="bench.corporate", defaults={"role": User.Role.CORPORATE})
    client = Client()
    client.force_login(reader)
    rows = []
    for name, url in pages():
        started = time.perf_counter()
        first = client.get(url)  # warm: a web worker has imported and cached this much already
        first_ms = (time.perf_counter() - started) * 1000
        # Counted with a wrapper, not CaptureQueriesContext: with DEBUG on, that one reads the length of a log
        # capped at 9,000 entries, which a big page's warm-up has already filled.
        queries: list[str] = []
        with connection.execute_wrapper(_counter(queries)):
            client.get(url)
        times, cpus = [], []
        for _ in range(args.repeats):
            started, cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            times.append(time.perf_counter() - started)
            cpus.append(time.process_time() - cpu)
        best = min(range(len(times)), key=times.__getitem__)
        rows.append(
            {
                "page": name,
                "url": url,
                "status": first.status_code,
                "first_ms": first_ms,
                "median_ms": statistics.median(times) * 1000,
                "best_ms": times[best] * 1000,
                "cpu_ms": cpus[best] * 1000,
                "queries": len(queries),
                "kb": len(response.content) / 1024,
            }
        )
    print(json.dumps(rows))


def measure(size: int, data_dir: Path, repeats: int) -> list[dict]:
    data_dir.mkdir(parents=True, exist_ok=True)
    prepare = [sys.executable, __file__, "--prepare", "--size", str(size), "--data-dir", str(data_dir)]
    subprocess.run(prepare, check=True)
    command = [sys.executable, __file__, "--child", "--data-dir", str(data_dir), "--repeats", str(repeats)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"Measuring {size} activities failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def prepare(args) -> None:
    report_speed.setup_django(args.data_dir)
    from django.core.management import call_command

    from councilplan.plan.models import Plan

    if args.size == 79:  # the sample alone
        call_command("migrate", verbosity=0)
        if not Plan.objects.filter(name=SAMPLE_PLAN).exists():
            call_command("load_sample", verbosity=0)
        return
    report_speed.prepare(args.data_dir, args.size, args.rounds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="79,1000,5000")
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--data-dir", help="where to keep the databases (default: a temporary folder)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--prepare", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        prepare(args)
        return
    if args.child:
        child(args)
        return
    root = Path(args.data_dir or tempfile.mkdtemp(prefix="councilplan-pages-"))
    results = {}
    for size in (int(s) for s in args.sizes.split(",")):
        results[size] = measure(size, root / f"activities-{size}", args.repeats)
    sizes = list(results)
    print(f"\nPages by activities: median ms (best; CPU of best; first) · queries · KB. Target {TARGET_MS} ms.\n")
    print("| page | " + " | ".join(f"{s:,} activities" for s in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    for index, row in enumerate(results[sizes[0]]):
        cells = []
        for size in sizes:
            r = results[size][index]
            missed = " **missed**" if r["median_ms"] > TARGET_MS else ""
            status = "" if r["status"] == 200 else f" (HTTP {r['status']})"
            cells.append(
                f"{r['median_ms']:,.0f} ({r['best_ms']:,.0f}; {r['cpu_ms']:,.0f}; {r['first_ms']:,.0f}) · "
                f"{r['queries']} · "
                f"{r['kb']:,.0f}{missed}{status}"
            )
        print(f"| {row['page']} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()

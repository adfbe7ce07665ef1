"""The first reader after a change to a published round: how long the home dashboard and the round's report page
take for them, with and without the document worker's warm-up (site/warm.py), at the sample's size or a
generated plan's (report_speed.py's generator). See docs/benchmarks.md.

    COUNCILPLAN_ENV=development .venv/bin/python benchmarks/first_reader.py                  # 5,000 activities
    … --activities 1000 --rounds 4 --data-dir /tmp/bench-first   keep (and reuse) the generated database there
    … --repeats 3

Set up as in production on one host: the database task queue and the cache in files under the data directory,
shared by this process (the web worker, through Django's test client as the corporate team) and the document
worker (`councilplan db_worker --batch`, a process of its own). Each repeat makes a change through the services
(the published round's commentary, as a correction after publication would be made), then either

- **without the warm-up**: the first reader asks for the page at once (the queued warm-up is left unrun), or
- **with the warm-up**: the worker runs what the change queued (timed: the worker's own time, its start-up
  included), then the first reader asks;

and the second reader's time is given beside them.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import report_speed  # noqa: E402 (the generator and the Django set-up are shared)

ROOT = Path(__file__).resolve().parent.parent


def environment(data_dir: str) -> dict:
    return {
        **os.environ,
        "COUNCILPLAN_ENV": "development",
        "COUNCILPLAN_DATA_DIR": data_dir,
        "COUNCILPLAN_TASKS_BACKEND": "database",
        "COUNCILPLAN_CACHE": "files",
        "COUNCILPLAN_CACHE_DIR": str(Path(data_dir) / "cache"),
    }


def child(args) -> None:
    os.environ.update(environment(args.data_dir))
    report_speed.setup_django(args.data_dir)
    from django.test import Client

    from councilplan.core.models import User
    from councilplan.monitoring.selectors import latest_published_round
    from councilplan.reports.services import save_commentary
    from councilplan.site.warm import PENDING

    reader, _ = User.objects.get_or_create(username="bench.corporate", defaults={"role": User.Role.CORPORATE})
    round_ = latest_published_round()  # the dashboard's
    pages = {"Home dashboard": "/", "Round's report page": f"/reports/{round_.pk}/"}
    client = Client()
    client.force_login(reader)
    for url in pages.values():
        client.get(url)  # the process's imports and templates, as a running web worker has them

    def timed(url: str) -> float:
        started = time.perf_counter()
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return time.perf_counter() - started

    from django.core.cache import cache
    from django_tasks_db.models import DBTaskResult

    rows = {name: {"without": [], "with": [], "second": []} for name in pages}
    worker_times = []
    for repeat in range(args.repeats):
        for mode in ("without", "with"):
            DBTaskResult.objects.all().delete()
            cache.delete(PENDING)
            save_commentary(round_, None, {"overview": f"Corrected, {mode} the warm-up, {repeat}"}, reader)
            if mode == "with":
                started = time.perf_counter()
                subprocess.run(
                    [str(Path(sys.executable).parent / "councilplan"), "db_worker", "--batch", "--no-startup-delay"],
                    env=environment(args.data_dir),
                    check=True,
                    capture_output=True,
                )
                worker_times.append(time.perf_counter() - started)
            for name, url in pages.items():
                rows[name][mode].append(timed(url))
                if mode == "with":
                    rows[name]["second"].append(timed(url))
    print(json.dumps({"rows": rows, "worker": worker_times, "round": round_.label}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--activities", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--data-dir")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--prepare", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        report_speed.setup_django(args.data_dir)
        report_speed.prepare(args.data_dir, args.activities, args.rounds)
        return
    if args.child:
        child(args)
        return
    data_dir = args.data_dir or tempfile.mkdtemp(prefix="councilplan-first-reader-")
    common = ["--data-dir", data_dir, "--activities", str(args.activities), "--rounds", str(args.rounds)]
    subprocess.run([sys.executable, __file__, "--prepare", *common], check=True)
    done = subprocess.run(
        [sys.executable, __file__, "--child", *common, "--repeats", str(args.repeats)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise SystemExit(f"Measuring failed:\n{done.stderr}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(
        f"{args.activities:,} activities × {args.rounds} rounds; the published round {result['round']}; "
        f"load average {os.getloadavg()[0]:.1f}; median of {args.repeats} (ms)"
    )
    print("| page | first reader, no warm-up | first reader, after the warm-up | second reader |")
    print("| --- | ---: | ---: | ---: |")
    for name, times in result["rows"].items():
        cells = [f"{statistics.median(times[mode]) * 1000:,.0f}" for mode in ("without", "with", "second")]
        print(f"| {name} | {' | '.join(cells)} |")
    print(f"The worker's warm-up (its process's start-up included): median {statistics.median(result['worker']):.1f} s")


if __name__ == "__main__":
    main()

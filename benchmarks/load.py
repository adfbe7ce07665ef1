"""Load and fault test: gunicorn with several workers on PostgreSQL, 200 lead officers opening, saving and
submitting their returns at once while the corporate team generates reports; then gunicorn workers are killed
(SIGKILL) in the middle of submissions. Results are in docs/load-testing.md.

    COUNCILPLAN_ENV=development .venv/bin/python benchmarks/load.py
    … --officers 200 --activities-each 2 --workers 4 --concurrency 40 --time-limit 900
    … --pg postgres://postgres@127.0.0.1:5432        the server (a fresh database is created and dropped)

Loopback only; every request has a timeout and the whole run a hard time limit. What it checks:

- phase 1, load: each officer signs in, and for each of their activities opens the form, saves a draft and
  submits; meanwhile the corporate team reads the report page and downloads the report (JSON, Excel, PDF) and the
  tracker, over and over. Counted: server errors (5xx, must be 0), requests that failed, and returns lost or
  mixed up (the database compared with what each officer last sent: text, state, who submitted).
- phase 2, faults: every officer submits a new version of each return while a killer SIGKILLs a gunicorn worker
  every second or so. Each return must then hold one whole version that its officer sent (the progress text and
  the milestone text, written in one save, carry the same token), never a mix; afterwards every officer saves
  once more and that save must succeed.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "load-test password 2020"  # noqa: S105 - a throwaway database
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
VERSION = re.compile(r'name="version" value="(\d+)"')


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = defaultdict(list)
        self.statuses: dict[int, int] = defaultdict(int)
        self.failures: list[str] = []

    def record(self, kind: str, seconds: float, status: int) -> None:
        with self.lock:
            self.times[kind].append(seconds)
            self.statuses[status] += 1

    def fail(self, message: str) -> None:
        with self.lock:
            self.failures.append(message)


class Client:
    """One person's browser: cookies, the CSRF token, no automatic redirects, a timeout on everything."""

    def __init__(self, base: str, stats: Stats):
        class NoRedirects(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        self.base, self.stats = base, stats
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirects())

    def request(self, kind: str, path: str, data: dict | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base + path})  # noqa: S310
        started = time.perf_counter()
        try:
            with self.opener.open(request, timeout=120) as response:
                status, text = response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read().decode("utf-8", "replace")
            if status in (301, 302, 303):
                text = error.headers.get("Location", "")
        except (OSError, urllib.error.URLError) as error:  # connection reset: a killed worker
            self.stats.record(kind, time.perf_counter() - started, 0)
            return 0, str(error)
        self.stats.record(kind, time.perf_counter() - started, status)
        if status >= 500:
            self.stats.fail(f"{kind} {path}: {status}")
        return status, text

    def sign_in(self, username: str) -> bool:
        status, page = self.request("sign-in page", "/accounts/login/")
        token = CSRF.search(page)
        if status != 200 or not token:
            return False
        status, _ = self.request(
            "sign in",
            "/accounts/login/",
            {"csrfmiddlewaretoken": token.group(1), "username": username, "password": PASSWORD},
        )
        return status == 302


# -- setting up: a fresh database, the sample, 200 officers, gunicorn ---------------------------------------------


def run(cmd: list[str], env: dict, timeout: int = 600) -> str:
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    if result.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


SETUP = """
import datetime as dt, json, sys
from django.contrib.auth.hashers import make_password
from django.utils import timezone
from councilplan.core.models import Outcome, User
from councilplan.monitoring.models import Round
from councilplan.plan.models import Activity, Plan
officers, each = int(sys.argv[1]), int(sys.argv[2])
password = make_password(sys.argv[3])  # one hash for everyone: hashing 200 times would take minutes
plan = Plan.objects.create(name="Load test plan")
outcome = Outcome.objects.order_by("order").first()
people = User.objects.bulk_create(
    [User(username=f"officer{i:03d}", name=f"Officer {i}", password=password) for i in range(officers)]
)
corporate = [User.objects.create(username=f"corporate{i}", role="corporate", password=password) for i in range(3)]
activities = Activity.objects.bulk_create(
    [
        Activity(plan=plan, ref=str(i * each + j + 1), sort_key=i * each + j + 1, title=f"Activity {i}-{j}",
                 outcome=outcome, activity_type="strategy_policy", end_date=dt.date(2021, 3, 31), lead_officer=p)
        for i, p in enumerate(people) for j in range(each)
    ]
)
now = timezone.now()
open_round = Round.objects.create(plan=plan, label="2020-21 Q1", state="open", opens_at=now - dt.timedelta(days=1),
                                  closes_at=now + dt.timedelta(days=14))
published = Round.objects.filter(state="published").order_by("-label").first()
print(json.dumps({
    "round": open_round.pk, "published": published.pk,
    "officers": {p.username: [a.pk for a in activities if a.lead_officer_id == p.pk] for p in people},
}))
"""

CHECK = """
import json, sys
from councilplan.monitoring.models import Return
rows = {}
for r in Return.objects.filter(round_id=int(sys.argv[1])).select_related("activity", "submitted_by"):
    history = list(r.history.values_list("progress", "milestones"))
    rows[r.activity_id] = {
        "state": r.state, "progress": r.progress, "milestone": (r.milestones.get("other") or {}).get("text", ""),
        "submitted_by": r.submitted_by.username if r.submitted_by else None, "version": r.version,
        "history": [[p, (m.get("other") or {}).get("text", "")] for p, m in history],
    }
print(json.dumps(rows))
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def worker_pids(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children")
    if children.exists():
        return [int(pid) for pid in children.read_text().split()]
    return []


# -- the simulated people -----------------------------------------------------------------------------------------


def officer_submits(client: Client, round_id: int, activity: int, token: str, draft_first: bool) -> bool:
    """Open the form, (save a draft,) submit. True when the submission was accepted."""
    path = f"/returns/round/{round_id}/activity/{activity}/"
    for action in ["draft", "submit"] if draft_first else ["submit"]:
        status, page = client.request("open return form", path)
        if status != 200:
            return False
        csrf, version = CSRF.search(page), VERSION.search(page)
        if not (csrf and version):
            return False
        text = token if action == "submit" else f"{token} (draft)"
        data = {
            "csrfmiddlewaretoken": csrf.group(1),
            "version": version.group(1),
            "delivery_status": "on_track",
            "progress": f"Progress {text}",
            "milestone_other_text": f"Milestone {text}",
            "project_status": "active",
            "action": action,
        }
        status, _ = client.request(f"{'submit' if action == 'submit' else 'save draft'}", path, data)
        if status != 302:
            return False
    return True


def corporate_reads(client: Client, published: int, open_round: int, stop: threading.Event) -> None:
    paths = [
        ("report page", f"/reports/{published}/"),
        ("report JSON", f"/reports/{published}/download/json/"),
        ("report Excel", f"/reports/{published}/download/xlsx/"),
        ("report PDF", f"/reports/{published}/download/pdf/"),
        ("tracker", f"/rounds/{open_round}/tracker/"),
    ]
    while not stop.is_set():
        for kind, path in paths:
            if stop.is_set():
                return
            client.request(kind, path)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def summary(stats: Stats) -> dict:
    table = {}
    for kind, times in sorted(stats.times.items()):
        table[kind] = {
            "requests": len(times),
            "median_ms": round(statistics.median(times) * 1000),
            "p95_ms": round(percentile(times, 0.95) * 1000),
        }
    every = [t for times in stats.times.values() for t in times]
    table["all requests"] = {
        "requests": len(every),
        "median_ms": round(statistics.median(every) * 1000),
        "p95_ms": round(percentile(every, 0.95) * 1000),
    }
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--officers", type=int, default=200)
    parser.add_argument("--activities-each", type=int, default=2)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--concurrency", type=int, default=40, help="officers working at the same moment")
    parser.add_argument("--corporate", type=int, default=3, help="corporate team members reading reports")
    parser.add_argument("--kills", type=int, default=6, help="workers killed during the fault phase")
    parser.add_argument("--time-limit", type=int, default=900, help="seconds for the whole run")
    parser.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()
    deadline = time.monotonic() + args.time_limit
    signal.signal(signal.SIGALRM, lambda *_: sys.exit("the load test ran over its time limit"))
    signal.alarm(args.time_limit)

    database = f"councilplan_load_{os.getpid()}"
    admin_url = f"{args.pg}/postgres"
    env = {
        **os.environ,
        "COUNCILPLAN_ENV": "development",
        "DEBUG": "false",
        "DATABASE_URL": f"{args.pg}/{database}",
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "ERROR",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    councilplan = str(Path(sys.executable).parent / "councilplan")
    psql = ["psql", admin_url, "-v", "ON_ERROR_STOP=1", "-qc"]
    run([*psql, f"CREATE DATABASE {database}"], env)
    server = None
    try:
        print(f"Setting up {database}: migrate, the sample, {args.officers} officers …", flush=True)
        run([councilplan, "migrate", "--noinput", "-v0"], env)
        run([councilplan, "load-sample", "-v0"], env)
        shell = [councilplan, "shell", "-c"]
        code = (
            SETUP.replace("sys.argv[1]", str(args.officers))
            .replace("sys.argv[2]", str(args.activities_each))
            .replace("sys.argv[3]", repr(PASSWORD))
        )
        setup = json.loads(run([*shell, code], env).strip().splitlines()[-1])
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "councilplan.wsgi",
                "--workers",
                str(args.workers),
                "--bind",
                f"127.0.0.1:{port}",
                "--timeout",
                "120",
                "--graceful-timeout",
                "5",
                "--log-level",
                "error",
            ],
            env=env,
            cwd=ROOT,
        )
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/health/", timeout=2).read()  # noqa: S310 - loopback
                break
            except OSError:
                time.sleep(0.2)
        print(f"gunicorn with {args.workers} workers on {base} (pid {server.pid})", flush=True)

        results = {
            "officers": args.officers,
            "activities_each": args.activities_each,
            "workers": args.workers,
            "concurrency": args.concurrency,
            "cpus": os.cpu_count(),
        }
        sent: dict[int, dict] = {}  # activity -> what its officer last sent and had accepted, and every token sent
        sent_lock = threading.Lock()
        round_id, published = setup["round"], setup["published"]
        officers = setup["officers"]

        def officer_phase(username: str, stats: Stats, phase: str, retry: bool) -> None:
            client = Client(base, stats)
            for _attempt in range(5 if retry else 1):
                if client.sign_in(username):
                    break
            else:
                stats.fail(f"{username} could not sign in ({phase})")
                return
            for activity in officers[username]:
                for attempt in range(6 if retry else 1):
                    token = f"{username}/{activity}/{phase}/{attempt}/{random.randrange(10**9)}"
                    with sent_lock:
                        sent.setdefault(activity, {"officer": username, "tokens": [], "accepted": None})
                        sent[activity]["tokens"].append(token)
                    if officer_submits(client, round_id, activity, token, draft_first=(phase == "load")):
                        with sent_lock:
                            sent[activity]["accepted"] = token
                        break
                    if time.monotonic() > deadline - 30:
                        return
                else:
                    if not retry:
                        stats.fail(f"{username}: return for activity {activity} not accepted ({phase})")

        def phase(name: str, retry: bool, corporate: bool, killer: bool) -> tuple[Stats, float, int]:
            stats, stop = Stats(), threading.Event()
            readers = []
            if corporate:
                for i in range(args.corporate):
                    client = Client(base, stats)
                    client.sign_in(f"corporate{i}")
                    reader = threading.Thread(target=corporate_reads, args=(client, published, round_id, stop))
                    reader.start()
                    readers.append(reader)
            killed = []
            if killer:

                def kill():
                    while not stop.is_set() and len(killed) < args.kills:
                        time.sleep(random.uniform(0.5, 1.5))
                        pids = worker_pids(server.pid)
                        if pids:
                            victim = random.choice(pids)
                            os.kill(victim, signal.SIGKILL)
                            killed.append(victim)

                threading.Thread(target=kill, daemon=True).start()
            started = time.perf_counter()
            with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
                list(pool.map(lambda u: officer_phase(u, stats, name, retry), officers))
            elapsed = time.perf_counter() - started
            stop.set()
            for reader in readers:
                reader.join(timeout=180)
            return stats, elapsed, len(killed)

        def check(stage: str) -> dict:
            rows = {
                int(k): v
                for k, v in json.loads(
                    run([*shell, CHECK.replace("sys.argv[1]", str(round_id))], env).strip().splitlines()[-1]
                ).items()
            }
            lost, mixed, torn, unaccepted = [], [], [], []
            for username, activities in officers.items():
                for activity in activities:
                    row, mine = rows.get(activity), sent.get(activity)
                    if row is None or mine is None:
                        lost.append(activity)
                        continue
                    tokens = set(mine["tokens"])
                    token = row["progress"].removeprefix("Progress ").removesuffix(" (draft)")
                    if row["milestone"].removeprefix("Milestone ").removesuffix(" (draft)") != token:
                        torn.append(activity)  # half of one save and half of another
                    if token not in tokens or row["submitted_by"] != username or not token.startswith(username):
                        mixed.append(activity)  # someone else's answers, or not what this officer sent
                    if mine["accepted"] and token != mine["accepted"]:
                        # An accepted save must be the latest one (later ones were refused or never arrived).
                        unaccepted.append(activity)
                    if row["state"] != "submitted":
                        lost.append(activity)
                    for progress, milestone in row["history"]:
                        if progress.removeprefix("Progress ") != milestone.removeprefix("Milestone "):
                            torn.append(activity)
            return {
                "returns": len(rows),
                "lost": sorted(set(lost)),
                "mixed_up": sorted(set(mixed)),
                "torn": sorted(set(torn)),
                "not_the_accepted_version": sorted(set(unaccepted)),
            }

        print("Phase 1: 200 officers sign in, open, save and submit; the corporate team generates reports", flush=True)
        stats, elapsed, _ = phase("load", retry=False, corporate=True, killer=False)
        results["load"] = {
            "seconds": round(elapsed, 1),
            "server_errors": sum(n for s, n in stats.statuses.items() if s >= 500),
            "failed_requests": stats.statuses.get(0, 0),
            "statuses": dict(stats.statuses),
            "failures": stats.failures[:20],
            "times": summary(stats),
            "check": check("load"),
        }
        print(json.dumps(results["load"], indent=1), flush=True)

        print(f"Phase 2: every officer submits again while {args.kills} workers are killed", flush=True)
        for activity in sent.values():
            activity["accepted"] = None
        stats, elapsed, killed = phase("fault", retry=True, corporate=False, killer=True)
        results["faults"] = {
            "seconds": round(elapsed, 1),
            "workers_killed": killed,
            "interrupted_requests": stats.statuses.get(0, 0),
            "server_errors": sum(n for s, n in stats.statuses.items() if s >= 500),
            "statuses": dict(stats.statuses),
            "failures": stats.failures[:20],
            "check": check("faults"),
        }
        print(json.dumps(results["faults"], indent=1), flush=True)

        print("Phase 3: every officer's next save, with no more faults", flush=True)
        for activity in sent.values():
            activity["accepted"] = None
        stats, elapsed, _ = phase("after", retry=False, corporate=False, killer=False)
        after = check("after")
        results["after_faults"] = {
            "seconds": round(elapsed, 1),
            "server_errors": sum(n for s, n in stats.statuses.items() if s >= 500),
            "failed_requests": stats.statuses.get(0, 0),
            "failures": stats.failures[:20],
            "check": after,
            "saves_accepted": sum(1 for a in sent.values() if a["accepted"]),
        }
        print(json.dumps(results["after_faults"], indent=1), flush=True)
        if args.json:
            Path(args.json).write_text(json.dumps(results, indent=1))
        problems = (
            results["load"]["server_errors"]
            + results["faults"]["server_errors"]
            + results["after_faults"]["server_errors"]
            + sum(len(v) for v in results["load"]["check"].values() if isinstance(v, list))
            + sum(len(v) for v in after.values() if isinstance(v, list))
            + len(results["faults"]["check"]["torn"])
            + len(results["faults"]["check"]["mixed_up"])
        )
        print("OK: no server errors, no lost, mixed-up or torn returns" if not problems else f"{problems} problems")
        sys.exit(1 if problems else 0)
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
        subprocess.run([*psql, f"DROP DATABASE IF EXISTS {database} WITH (FORCE)"], env=env, capture_output=True)


if __name__ == "__main__":
    main()

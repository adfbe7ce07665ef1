"""Load and fault test: gunicorn with several workers and document workers (`councilplan db_worker`) on
PostgreSQL, 200 lead officers opening, saving and submitting their returns at once while the corporate team asks
for documents (reports, scorecards, dashboards) that the document workers make; then gunicorn workers are killed
(SIGKILL) in the middle of submissions. Results are in docs/load-testing.md.

    COUNCILPLAN_ENV=development .venv/bin/python benchmarks/load.py
    … --officers 200 --activities-each 2 --workers 4 --concurrency 40 --time-limit 900
    … --doc-workers 2 --corporate 3 --document-wait 300
    … --signed-in --think 10 --concurrency 200     all 200 officers at once, pausing about 10 s between requests
    … --pg postgres://postgres@127.0.0.1:5432        the server (a fresh database is created and dropped)

Loopback only; every request has a timeout and the whole run a hard time limit; the web server and the document
workers are stopped at the end, whatever happened. What it checks:

- phase 1, load: each officer signs in, and for each of their activities opens the form, saves a draft and
  submits; meanwhile the corporate team goes round a mix of documents (PDF, Word, Excel; several rounds, outcomes
  and systems, and the open round's report, whose data is changing) as the pages do: the download link, then
  the job's progress page every two seconds until ready or failed, then the kept file, which is checked (not
  empty, of its format, named for its round). Counted: server errors (5xx, must be 0), requests that failed,
  returns lost or mixed up (the database compared with what each officer last sent: text, state, who
  submitted), failed jobs, documents not ready in time, wrong files; times per kind with p50/p95/p99/max, and
  each document's time from asking to ready.
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
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
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

    def fetch(self, kind: str, path: str, data: dict | None = None) -> tuple[int, dict, bytes]:
        """One request, timed under `kind`: its status, headers (lower-case names) and body. A redirect's body is
        its Location."""
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base + path})  # noqa: S310
        started = time.perf_counter()
        try:
            with self.opener.open(request, timeout=120) as response:
                status, headers, content = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, headers, content = error.code, error.headers, error.read()
            if status in (301, 302, 303):
                content = error.headers.get("Location", "").encode()
        except (OSError, urllib.error.URLError) as error:  # connection reset: a killed worker
            self.stats.record(kind, time.perf_counter() - started, 0)
            return 0, {}, str(error).encode()
        self.stats.record(kind, time.perf_counter() - started, status)
        if status >= 500:
            self.stats.fail(f"{kind} {path}: {status}")
        return status, {k.lower(): v for k, v in headers.items()}, content

    def request(self, kind: str, path: str, data: dict | None = None) -> tuple[int, str]:
        status, _, content = self.fetch(kind, path, data)
        return status, content.decode("utf-8", "replace")

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
published = Round.objects.filter(state="published").order_by("label")
print(json.dumps({
    "round": open_round.pk, "published": [{"pk": r.pk, "label": r.label} for r in published],
    "outcomes": list(Outcome.objects.order_by("order").values_list("pk", flat=True)),
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

# The documents' jobs once the officers are done: the kept documents by state, the queue's tasks by status, and
# the reason and traceback of every one that failed.
JOBS = """
import json
from django.db.models import Count
from django_tasks_db.models import DBTaskResult
from councilplan.documents.models import KeptDocument
failed = [
    {"kind": d.kind.rsplit(".", 1)[-1], "format": d.format, "params": d.params, "reason": d.reason}
    for d in KeptDocument.objects.filter(state="failed")
]
print(json.dumps({
    "documents": dict(KeptDocument.objects.values_list("state").annotate(n=Count("pk")).values_list("state", "n")),
    "tasks": dict(DBTaskResult.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n")),
    "failed_documents": failed[:10],
    "failed_tasks": [t.traceback[-3000:] for t in DBTaskResult.objects.filter(status="FAILED")[:3]],
}))
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


def pause(think: float) -> None:
    """An officer reading the page and typing before the next request: `think` seconds on average (0: none)."""
    if think:
        time.sleep(random.uniform(0.5, 1.5) * think)


def officer_submits(
    client: Client, round_id: int, activity: int, token: str, draft_first: bool, think: float = 0
) -> bool:
    """Open the form, (save a draft,) submit, pausing `think` seconds on average before each request. True when
    the submission was accepted."""
    path = f"/returns/round/{round_id}/activity/{activity}/"
    for action in ["draft", "submit"] if draft_first else ["submit"]:
        pause(think)
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
        pause(think)
        status, _ = client.request(f"{'submit' if action == 'submit' else 'save draft'}", path, data)
        if status != 302:
            return False
    return True


# The documents the corporate team asks for, as the pages link to them (kind, address); the first answer is the
# file itself when it is already kept, else a redirect to the job's progress page (`?job=progress`).
def document_mix(published: list[dict], outcomes: list[int], open_round: int) -> list[tuple[str, str, str]]:
    """(kind, address, round label or "") of every document in the mix: the report and the scorecards of each
    published round as PDF and Word, the report tailored to two outcomes, the report as Excel, the performance
    dashboard, the quarterly performance report and the QPR as PDF, and the open round's report, whose data the
    officers are changing all the time (so each request of it is of a new version)."""
    mix = []
    for round_ in published:
        pk, label = round_["pk"], round_["label"].replace(" ", "-")
        for fmt, name in (("pdf", "PDF"), ("docx", "Word")):
            mix.append((f"report {name}", f"/reports/{pk}/download/{fmt}/", label))
            mix.append((f"scorecards {name}", f"/reports/{pk}/download/{fmt}/?scorecards=1", label))
            mix += [(f"report {name}", f"/reports/{pk}/download/{fmt}/?outcome={o}", label) for o in outcomes[:2]]
        mix.append(("report Excel", f"/reports/{pk}/download/xlsx/", label))
    mix += [
        ("dashboard PDF", "/performance/dashboard/download/pdf/", ""),
        ("quarterly performance PDF", "/performance/quarterly/download/pdf/", ""),
        ("QPR PDF", "/qpr/report.pdf", ""),
        ("open round's report PDF", f"/reports/{open_round}/download/pdf/", ""),
    ]
    return mix


MAGIC = {"pdf": b"%PDF-", "docx": b"PK\x03\x04", "xlsx": b"PK\x03\x04", "html": b"<"}
CONTENT_TYPE = {"pdf": "application/pdf", "docx": "wordprocessingml", "xlsx": "spreadsheetml", "html": "text/html"}
STATE = re.compile(r'data-state="(\w+)"')
REASON = re.compile(r'govuk-warning-text__text">(.*?)</strong>', re.S)


class Documents:
    """What happened to each document asked for: time from the request to ready, how it ended."""

    def __init__(self):
        self.lock = threading.Lock()
        self.ready: dict[str, list[float]] = defaultdict(list)  # kind -> seconds from asking to ready
        self.outcomes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self.problems: list[str] = []

    def note(self, kind: str, outcome: str, seconds: float | None = None, problem: str | None = None) -> None:
        with self.lock:
            self.outcomes[kind][outcome] += 1
            if seconds is not None:
                self.ready[kind].append(seconds)
            if problem:
                self.problems.append(f"{kind}: {problem}")


def fmt_of(path: str) -> str:
    if path.endswith(".pdf"):
        return "pdf"
    return path.split("/download/")[1].split("/")[0]


def check_file(headers: dict, content: bytes, fmt: str, label: str) -> str | None:
    """Why the downloaded file is not the document asked for (None: it is): empty, not of its format, or named
    for another round."""
    if not content:
        return "empty file"
    if not content.startswith(MAGIC[fmt]):
        return f"not a {fmt} file: {content[:20]!r}"
    if CONTENT_TYPE[fmt] not in headers.get("content-type", ""):
        return f"content type {headers.get('content-type')!r} for {fmt}"
    disposition = headers.get("content-disposition", "")
    if not disposition.rstrip('"').endswith(f".{fmt}"):
        return f"file name {disposition!r} for {fmt}"
    if label and label not in disposition:
        return f"file name {disposition!r}, not of round {label}"
    return None


def ask_for_document(client: Client, docs: Documents, kind: str, path: str, label: str, wait: float) -> None:
    """As a person does: follow the download link; if the document is not kept yet, watch its progress page (a
    fresh copy every two seconds, as its script does) until it is ready or failed, then follow its download link.
    Up to `wait` seconds."""
    fmt = fmt_of(path)
    started = time.perf_counter()
    status, headers, content = client.fetch("document: ask", path)
    kept = status == 200
    superseded = 0
    while status == 303 and time.perf_counter() - started < wait:
        progress = content.decode()  # the progress page's address
        status, _, page = client.fetch("document: progress page", progress.removeprefix(client.base))
        if status != 200:
            docs.note(kind, "error", problem=f"progress page {status}")
            return
        page = page.decode("utf-8", "replace")
        state = STATE.search(page)
        state = state.group(1) if state else "?"
        if state == "failed":
            reason = REASON.search(page)
            words = " ".join(reason.group(1).split()) if reason else "?"
            docs.note(kind, "failed", problem=f"{path}: job failed: {words[:300]}")
            return
        if state != "ready":
            time.sleep(2)
            status, content = 303, progress.encode()
            continue
        ready = time.perf_counter() - started
        status, headers, content = client.fetch("document: download", path)
        if status == 303:  # the data changed meanwhile: a new version is being made, and the page says so
            superseded += 1
            continue
        if status == 200:
            problem = check_file(headers, content, fmt, label)
            outcome = "bad file" if problem else ("ready, superseded on the way" if superseded else "made")
            docs.note(kind, outcome, ready, problem and f"{path}: {problem}")
            return
    if status == 200 and kept:
        problem = check_file(headers, content, fmt, label)
        # Timed apart: a kept file comes at once, whatever its kind.
        docs.note(kind, "bad file" if problem else "kept", None, problem)
        docs.note("any document already kept", "kept", time.perf_counter() - started)
        return
    if status == 303:
        words = f"not ready in {wait:.0f} s" + (f" ({superseded} times superseded)" if superseded else "")
        docs.note(kind, words, problem=f"{path}: {words}")
        return
    docs.note(kind, "error", problem=f"{path}: {status}")


def corporate_reads(
    client: Client, docs: Documents, mix: list, pages: list, stop: threading.Event, seed: int, wait: float
) -> None:
    """One member of the corporate team: the report page, a document, the tracker, the next document, … in an
    order of their own, going round the mix again (then getting kept files) until the officers are done."""
    order = random.Random(seed).sample(mix, len(mix))
    # Everyone also asks for the latest round's report (the mix's first PDF and Word of the last round) early on,
    # as people do when it comes out: the first to ask has it made, the others get the kept file (or wait on the
    # same job).
    latest = [item for item in mix if item[0] in ("report PDF", "report Word") and "?" not in item[1]][-2:]
    order[2:2] = latest[:1]
    order[5:5] = latest[1:]
    while not stop.is_set():
        for number, (kind, path, label) in enumerate(order):
            if stop.is_set():
                return
            page_kind, page = pages[number % len(pages)]
            client.request(page_kind, page)
            ask_for_document(client, docs, kind, path, label, wait)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def spread(times: list[float]) -> dict:
    return {
        "count": len(times),
        "median_ms": round(statistics.median(times) * 1000),
        "p95_ms": round(percentile(times, 0.95) * 1000),
        "p99_ms": round(percentile(times, 0.99) * 1000),
        "max_ms": round(max(times) * 1000),
    }


def summary(stats: Stats) -> dict:
    table = {kind: spread(times) for kind, times in sorted(stats.times.items())}
    if table:  # none: no corporate team (--corporate 0)
        table["all requests"] = spread([t for times in stats.times.values() for t in times])
    return table


def print_table(title: str, table: dict) -> None:
    print(f"\n{title}\n{'':<36} {'count':>6} {'median':>8} {'p95':>8} {'p99':>8} {'max':>8}  (ms)")
    for kind, row in table.items():
        print(
            f"{kind:<36} {row['count']:>6} {row['median_ms']:>8} {row['p95_ms']:>8} {row['p99_ms']:>8} "
            f"{row['max_ms']:>8}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--officers", type=int, default=200)
    parser.add_argument("--activities-each", type=int, default=2)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--concurrency", type=int, default=40, help="officers working at the same moment")
    parser.add_argument("--corporate", type=int, default=3, help="corporate team members asking for documents")
    parser.add_argument("--doc-workers", type=int, default=2, help="document workers (councilplan db_worker)")
    parser.add_argument(
        "--doc-nice",
        type=int,
        default=10,
        help="the document workers' niceness (docs/operations.md runs them at 10, so that on a shared host the "
        "officers' pages get the processor first); 0: the web workers' own priority",
    )
    parser.add_argument("--document-wait", type=int, default=300, help="seconds a person waits for a document")
    parser.add_argument("--kills", type=int, default=6, help="workers killed during the fault phase")
    parser.add_argument(
        "--signed-in",
        action="store_true",
        help="officers sign in before phase 1 is timed (as over a working day), so that its times are of the "
        "forms, saves and submits alone, not queued behind 200 password checks in the same minute",
    )
    parser.add_argument(
        "--think",
        type=float,
        default=0,
        help="phase 1: seconds an officer pauses on average (uniformly half to one and a half times) before each "
        "request, reading and typing; 0 (the default) sends the next request the moment the last is answered",
    )
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
        "COUNCILPLAN_TASKS_BACKEND": "database",
        "COUNCILPLAN_DOCUMENTS_DIR": tempfile.mkdtemp(prefix="councilplan-load-documents-"),
        # The cache in files, shared by gunicorn's workers and the document workers, as on one production host.
        "COUNCILPLAN_CACHE": "files",
        "COUNCILPLAN_CACHE_DIR": tempfile.mkdtemp(prefix="councilplan-load-cache-"),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    councilplan = str(Path(sys.executable).parent / "councilplan")
    psql = ["psql", admin_url, "-v", "ON_ERROR_STOP=1", "-qc"]
    run([*psql, f"CREATE DATABASE {database}"], env)
    server, doc_workers = None, []
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
        # The document workers, beside gunicorn, on the same database and the same folder of kept files.
        worker_log = Path(tempfile.mkstemp(prefix="councilplan-load-worker-", suffix=".log")[1])
        with worker_log.open("w") as log:
            for number in range(args.doc_workers):
                doc_workers.append(
                    subprocess.Popen(
                        [councilplan, "db_worker", "--no-reload", "--interval", "1", "--worker-id", f"load-{number}"],
                        env=env,
                        # At a lower priority than the web workers, as docs/operations.md runs them (Nice=10).
                        preexec_fn=(lambda: os.nice(args.doc_nice)) if args.doc_nice else None,
                        cwd=ROOT,
                        stdout=log,
                        stderr=subprocess.STDOUT,
                    )
                )
        pids = ", ".join(str(w.pid) for w in doc_workers)
        print(f"{args.doc_workers} document workers (pids {pids}), their log in {worker_log}", flush=True)

        results = {
            "officers": args.officers,
            "activities_each": args.activities_each,
            "workers": args.workers,
            "concurrency": args.concurrency,
            "doc_nice": args.doc_nice,
            "cpus": os.cpu_count(),
        }
        sent: dict[int, dict] = {}  # activity -> what its officer last sent and had accepted, and every token sent
        sent_lock = threading.Lock()
        round_id, published = setup["round"], setup["published"]
        mix = document_mix(published, setup["outcomes"], round_id)
        pages = [
            ("report page", f"/reports/{published[-1]['pk']}/"),
            ("report JSON (in the request)", f"/reports/{published[-1]['pk']}/download/json/"),
            ("tracker", f"/rounds/{round_id}/tracker/"),
        ]
        officers = setup["officers"]

        signed_in: dict[str, Client] = {}

        def officer_phase(username: str, stats: Stats, phase: str, retry: bool) -> None:
            client = signed_in.pop(username, None) if phase == "load" else None
            if client is not None:
                client.stats = stats  # signed in beforehand: from here on its requests count in this phase
            else:
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
                    think = args.think if phase == "load" else 0
                    if officer_submits(client, round_id, activity, token, draft_first=(phase == "load"), think=think):
                        with sent_lock:
                            sent[activity]["accepted"] = token
                        break
                    if time.monotonic() > deadline - 30:
                        return
                else:
                    if not retry:
                        stats.fail(f"{username}: return for activity {activity} not accepted ({phase})")

        docs = Documents()

        def phase(name: str, retry: bool, corporate: bool, killer: bool) -> tuple[Stats, float, int]:
            stats, stop = Stats(), threading.Event()
            readers = []
            if corporate:
                for i in range(args.corporate):
                    # The corporate team's requests are timed apart from the officers'.
                    client = Client(base, corporate_stats)
                    client.sign_in(f"corporate{i}")
                    reader = threading.Thread(
                        target=corporate_reads,
                        args=(client, docs, mix, pages, stop, i, args.document_wait),
                    )
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
                reader.join(timeout=args.document_wait + 60)
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

        print(
            f"Phase 1: {len(officers)} officers sign in, open, save and submit; {args.corporate} of the corporate "
            f"team ask for documents ({len(mix)} in the mix), made by {args.doc_workers} document workers",
            flush=True,
        )
        corporate_stats = Stats()
        load_before = os.getloadavg()
        if args.signed_in:
            beforehand = Stats()

            def sign_in_beforehand(username: str) -> None:
                client = Client(base, beforehand)
                if client.sign_in(username):
                    signed_in[username] = client

            with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
                list(pool.map(sign_in_beforehand, officers))
            print(f"Signed in beforehand (not timed in phase 1): {len(signed_in)} of {len(officers)} officers")
        stats, elapsed, _ = phase("load", retry=False, corporate=True, killer=False)
        load_after = os.getloadavg()
        jobs = json.loads(run([*shell, JOBS], env).strip().splitlines()[-1])
        results["load"] = {
            "seconds": round(elapsed, 1),
            "think_seconds": args.think,
            "officers_requests_per_second": round(sum(stats.statuses.values()) / elapsed, 1) if elapsed else 0,
            # The machine's load average (1, 5, 15 minutes) as the phase began and ended: other work sharing
            # the cores makes every time longer.
            "load_average": {"before": load_before, "after": load_after},
            "server_errors": sum(n for s, n in stats.statuses.items() if s >= 500)
            + sum(n for s, n in corporate_stats.statuses.items() if s >= 500),
            "failed_requests": stats.statuses.get(0, 0) + corporate_stats.statuses.get(0, 0),
            "statuses": dict(stats.statuses),
            "corporate_statuses": dict(corporate_stats.statuses),
            "failures": (stats.failures + corporate_stats.failures)[:20],
            "times": summary(stats),
            "corporate_times": summary(corporate_stats),
            "documents": {
                "ready_times": {kind: spread(times) for kind, times in sorted(docs.ready.items())},
                "all documents": spread([t for times in docs.ready.values() for t in times]) if docs.ready else {},
                "outcomes": {kind: dict(v) for kind, v in sorted(docs.outcomes.items())},
                "problems": docs.problems[:20],
                "jobs": jobs,
            },
            "check": check("load"),
        }
        print(json.dumps(results["load"], indent=1), flush=True)
        print_table("Officers' requests (phase 1)", results["load"]["times"])
        print_table("The corporate team's requests (phase 1)", results["load"]["corporate_times"])
        print_table(
            "Documents: from asking to ready (phase 1)",
            {
                **results["load"]["documents"]["ready_times"],
                "all documents": results["load"]["documents"]["all documents"],
            }
            if docs.ready
            else {},
        )

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
            + len(docs.problems)
            + jobs["documents"].get("failed", 0)
            + sum(len(v) for v in after.values() if isinstance(v, list))
            + len(results["faults"]["check"]["torn"])
            + len(results["faults"]["check"]["mixed_up"])
        )
        print(
            "OK: no server errors, no lost, mixed-up or torn returns, no failed job or wrong document"
            if not problems
            else f"{problems} problems"
        )
        sys.exit(1 if problems else 0)
    finally:
        # Stopped whatever happened: SIGTERM (a document worker finishes the document it is making), then SIGKILL.
        for process in [p for p in (server, *doc_workers) if p is not None]:
            process.terminate()
        for process in [p for p in (server, *doc_workers) if p is not None]:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        shutil.rmtree(env["COUNCILPLAN_DOCUMENTS_DIR"], ignore_errors=True)
        shutil.rmtree(env["COUNCILPLAN_CACHE_DIR"], ignore_errors=True)
        subprocess.run([*psql, f"DROP DATABASE IF EXISTS {database} WITH (FORCE)"], env=env, capture_output=True)


if __name__ == "__main__":
    main()

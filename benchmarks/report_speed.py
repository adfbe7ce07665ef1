"""How long each report format takes, and how much memory, on the sample plan and on a generated plan of
5,000 activities with 8 rounds of returns. See docs/benchmarks.md.

    COUNCILPLAN_ENV=development .venv/bin/python benchmarks/report_speed.py
    … --activities 1000 --rounds 4       a smaller plan
    … --data-dir /tmp/bench              keep (and reuse) the generated database there
    … --formats json,html                only these formats

The plans live in their own SQLite database in a temporary folder, never in the app's own. The big plan is
written with bulk ORM inserts that also write the audit history (simple_history's bulk_create_with_history),
as the import does, rather than through the CSV import: generating 40,000 returns through the importer's
row-by-row checks would take longer than everything measured here, and the report reads the same rows
either way.

Each format is produced in a fresh Python process (`--child`), so that one format's imports and memory do not
flatter or burden another: "time" is the wall-clock time of producing the file inside that process (reading
the database, the analysis, the document and the rendering, and importing the renderer's library), "CPU" the
processor time it used (what the time would be on an otherwise idle machine: the two differ when other work
shares the cores), and "peak memory" is that process's own maximum resident set size (VmHWM, not the parent's
carried over). The ratio line compares, in one warm process, the JSON report's time with a bare read of the
same returns (`plan_data` alone).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ["json", "html", "xlsx", "docx", "pdf"]
# Targets (seconds), on a 2-core machine: issue 11's (the sample cold under 3 s and warm under 1.5 s; at 5,000
# activities JSON under 1 s, Word and PDF under 60 s; any one job under 500 MB), and issue 3's where issue 11
# sets none (the sample's JSON, the big plan's HTML and Excel).
TARGETS = {
    "sample": dict.fromkeys(["html", "xlsx", "docx", "pdf"], 3.0) | {"json": 0.3},
    "big": {"json": 1.0, "html": 15.0, "xlsx": 15.0, "docx": 60.0, "pdf": 60.0},
}
WARM_TARGET = 1.5
MEMORY_TARGET_MB = 500
BIG_PLAN = "Generated plan"


def setup_django(data_dir: str) -> None:
    os.environ["COUNCILPLAN_ENV"] = "development"
    os.environ["COUNCILPLAN_DATA_DIR"] = data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "councilplan.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


# --- generating the big plan ----------------------------------------------------------------------------


def round_labels(count: int) -> list[str]:
    labels, year, quarter = [], 2019, 1
    for _ in range(count):
        labels.append(f"{year}-{(year + 1) % 100:02d} Q{quarter}")
        quarter += 1
        if quarter == 5:
            year, quarter = year + 1, 1
    return labels


def generate(activities: int, rounds: int) -> None:
    """A plan shaped like KCC's, scaled up: four outcomes, most activities on track (and most keeping their
    status from one quarter to the next), about one in six not on track with issues, mitigations and risk
    registers, a quarter with revised dates, milestones on about 60%, boards on most, and about one in a
    hundred ending each round."""
    from django.db import transaction
    from simple_history.utils import bulk_create_with_history

    from councilplan.core.models import Directorate, Outcome
    from councilplan.monitoring.models import Return, Round
    from councilplan.plan.models import Activity, Plan

    rng = random.Random(2019)  # the same plan every time
    themes = ["capacity", "complexity", "dependencies", "delivery_environment", "stakeholders", "financial"]
    boards = ["cmm", "corporate_board", "cabinet_committee", "scb", "icb", "bdg"]
    types = ["people_commissioning", "infrastructure_commissioning", "service_change", "strategy_policy"]
    milestone_types = ["approval_to_proceed", "eqia_screening", "consultation_start", "key_decision", "go_live"]
    with transaction.atomic():
        plan = Plan.objects.create(name=BIG_PLAN)
        outcomes = [
            Outcome.objects.get_or_create(title=f"Generated outcome {i}", defaults={"order": 10 + i})[0]
            for i in range(1, 5)
        ]
        directorates = [Directorate.objects.get_or_create(name=f"Generated directorate {i}")[0] for i in range(4)]
        bulk_create_with_history(
            [
                Activity(
                    plan=plan,
                    ref=str(i),
                    sort_key=i,
                    title=f"Generated activity {i}: commissioning and delivery of a significant change",
                    outcome=outcomes[i % 4],
                    activity_type=types[i % 4],
                    start_date=dt.date(2019, 4, 1),
                    end_date=dt.date(2019 + rng.randrange(4), rng.choice([3, 6, 9, 12]), 28),
                    directorate=directorates[i % 4],
                    description="Generated for the benchmark.",
                )
                for i in range(1, activities + 1)
            ],
            Activity,
            batch_size=1000,
        )
        made = list(Activity.objects.filter(plan=plan).order_by("sort_key"))
        left: set[int] = set()
        status_of: dict[int, str] = {}
        # A quarter of activities revise their dates, and keep the revised date from then on.
        revised_in = {a.pk: rng.randrange(rounds * 2) for a in made if rng.random() < 0.25}
        for number, label in enumerate(round_labels(rounds)):
            round_ = Round.objects.create(plan=plan, label=label, state=Round.State.PUBLISHED)
            batch = []
            for activity in made:
                if activity.pk in left:
                    continue
                # Most activities keep last quarter's status, as in KCC's Q1 to Q2 (59 of 79 kept theirs).
                if activity.pk in status_of and rng.random() < 0.85:
                    status = status_of[activity.pk]
                else:
                    roll = rng.random()
                    status = (
                        "on_track"
                        if roll < 0.80
                        else "remedial_action"
                        if roll < 0.93
                        else "unlikely"
                        if roll < 0.97
                        else "not_started"
                    )
                status_of[activity.pk] = status
                off = status in ("remedial_action", "unlikely")
                ended = rng.random() < 0.01
                remain = (rng.random() < 0.3) if ended else None  # CMT keeps some ended activities in
                revised = revised_in.get(activity.pk, rounds) <= number
                batch.append(
                    Return(
                        round=round_,
                        activity=activity,
                        state=Return.State.SUBMITTED,
                        delivery_status=status,
                        progress="Progress is in line with the activity plan. " * rng.randrange(1, 5),
                        milestones={
                            code: {"date": "2021-03-01", "estimated": rng.random() < 0.5, "text": ""}
                            for code in milestone_types
                            if rng.random() < 0.5
                        }
                        if rng.random() < 0.6
                        else {},
                        new_end_date=activity.end_date + dt.timedelta(days=180) if revised else None,
                        issues=rng.sample(themes, rng.randrange(1, 5)) if off else [],
                        issue_detail="Capacity and dependencies are affecting the timetable." if off else "",
                        mitigations=off and rng.random() < 0.8,
                        mitigation_detail="A working group has been set up." if off else "",
                        risk_registers=["project_programme"] if off and rng.random() < 0.85 else [],
                        reported_to=rng.sample(boards, rng.randrange(0, 3)),
                        expected_to_report_to=rng.sample(boards, rng.randrange(0, 3)),
                        forward_plan_scheduled=rng.random() < 0.3,
                        project_status="bau" if ended else "active",
                        status_reason="Now business as usual." if ended else "",
                        remain_in_monitoring=remain,
                        form_rating=rng.randrange(1, 6) if rng.random() < 0.5 else None,
                    )
                )
                if ended and not remain:
                    left.add(activity.pk)
            bulk_create_with_history(batch, Return, batch_size=2000)


def prepare(data_dir: str, activities: int, rounds: int) -> None:
    from django.core.management import call_command

    from councilplan.plan.models import Plan

    call_command("migrate", verbosity=0)
    if not Plan.objects.filter(name="KCC Strategic Delivery Plan 2019-20").exists():
        call_command("load_sample", verbosity=0)
    existing = Plan.objects.filter(name=BIG_PLAN).first()
    if existing is not None and existing.activities.count() == activities and existing.rounds.count() == rounds:
        return
    if existing is not None:
        existing.delete()
    started = time.perf_counter()
    generate(activities, rounds)
    print(f"Generated {activities:,} activities with {rounds} rounds in {time.perf_counter() - started:.0f} s.")


# --- measuring ------------------------------------------------------------------------------------------


def peak_memory_kb() -> int:
    """This process's own peak resident memory. Not `getrusage(RUSAGE_SELF).ru_maxrss`: Linux keeps that across
    exec, so a child started by a parent that had generated a large plan reported the parent's peak (at least
    169 MB for every format). The high-water mark in /proc/self/status is the process image's own, reset at exec."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux; elsewhere the best there is


def child(args) -> None:
    """Produce one report in this fresh process; print its time and peak memory as JSON."""
    setup_django(args.data_dir)
    from councilplan.monitoring.models import Round
    from councilplan.reports.output import produce

    round_ = Round.objects.select_related("plan").get(pk=args.round_id)
    started, cpu = time.perf_counter(), time.process_time()
    output = produce(round_, args.format, scorecards=args.scorecards)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak_kb = peak_memory_kb()
    warm = None
    if args.warm:  # again in the same process, as a web server would: libraries loaded, fonts found
        started = time.perf_counter()
        produce(round_, args.format, scorecards=args.scorecards)
        warm = time.perf_counter() - started
    result = {"seconds": seconds, "cpu": cpu, "warm": warm, "peak_mb": peak_kb / 1024, "bytes": len(output.content)}
    print(json.dumps(result))


def measure(data_dir: str, round_id: int, fmt: str, scorecards: bool = False, warm: bool = False) -> dict:
    command = [sys.executable, __file__, "--child", "--data-dir", data_dir, "--round-id", str(round_id),
               "--format", fmt]  # fmt: skip
    if scorecards:
        command.append("--scorecards")
    if warm:
        command.append("--warm")
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode:
        return {"error": result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "failed"}
    return json.loads(result.stdout.strip().splitlines()[-1])


def read_ratio(round_, repeats: int = 5) -> dict[str, float]:
    """Best of `repeats`, in processor time (steadier than wall time on a shared machine), in this warm
    process: a bare read of every return of the plan up to the round (`plan_data`, what the issue compares
    with), the report's own read (all answers of R and P, status and scope only of earlier rounds), the
    analysis and JSON on their own, and the whole JSON report."""
    from councilplan.analysis.monitoring import analyse_round
    from councilplan.analysis.report_extras import report_extras
    from councilplan.core.selectors import get_vocabularies
    from councilplan.monitoring.selectors import plan_data
    from councilplan.reports.output import report_data
    from councilplan.reports.selectors import report_inputs, report_plan_data

    def best(work) -> float:
        times = []
        for _ in range(repeats):
            started = time.process_time()
            work()
            times.append(time.process_time() - started)
        return min(times)

    data, vocab = report_plan_data(round_), get_vocabularies()

    def analysis_only():
        analysis = analyse_round(data, round_.label, vocab)
        report_extras(data, analysis)
        json.dumps(analysis.as_json())

    return {
        "bare": best(lambda: plan_data(round_.plan, up_to=round_)),
        "own_read": best(lambda: report_plan_data(round_)),
        "analysis": best(analysis_only),
        "whole": best(lambda: json.dumps(report_data(report_inputs(round_)))),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--activities", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--data-dir", help="where to keep the benchmark's database (default: a temporary folder)")
    parser.add_argument("--scorecards", action="store_true", help="also time the scorecards (HTML, Word, PDF)")
    parser.add_argument("--sample-only", action="store_true", help="measure the sample plan only")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--warm", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--round-id", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--format", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return

    data_dir = args.data_dir or tempfile.mkdtemp(prefix="councilplan-bench-")
    setup_django(data_dir)
    prepare(data_dir, args.activities, args.rounds)

    from councilplan.monitoring.models import Return, Round

    sample = Round.objects.select_related("plan").get(plan__name="KCC Strategic Delivery Plan 2019-20",
                                                     label="2019-20 Q2")  # fmt: skip
    big = Round.objects.select_related("plan").filter(plan__name=BIG_PLAN).order_by("-label").first()
    returns = Return.objects.filter(round__plan=big.plan).count()
    formats = [f for f in args.formats.split(",") if f]
    cpus = os.cpu_count()
    load = os.getloadavg()[0]
    print(f"\nReport speed on {cpus} CPU(s), load average {load:.1f} at the start. Big plan: "
          f"{args.activities:,} activities, {args.rounds} rounds, {returns:,} returns; "
          f"report for {big.label}.\n")  # fmt: skip
    header = (
        f"{'plan':<8} {'report':<11} {'format':<6} {'time (s)':>9} {'CPU (s)':>8} {'warm (s)':>9} "
        f"{'target (s)':>10} {'peak memory (MB)':>17}  ok?"
    )
    print(header)
    print("-" * len(header))
    rows = [(name, round_, fmt, False) for name, round_ in (("sample", sample), ("big", big)) for fmt in formats]
    if args.scorecards:
        # Not the big plan's scorecards as PDF: one page per activity is some 10,000 pages.
        rows += [("sample", sample, fmt, True) for fmt in ("html", "docx", "pdf")]
        rows += [("big", big, fmt, True) for fmt in ("html", "docx")]
    for name, round_, fmt, scorecards in rows:
        if args.sample_only and name != "sample":
            continue
        # The sample is also made a second time in the same process ("warm"); the big plan is not, to save time.
        result = measure(data_dir, round_.pk, fmt, scorecards, warm=name == "sample")
        what = "scorecards" if scorecards else "analysis"
        if "error" in result:
            print(f"{name:<8} {what:<11} {fmt:<6} failed: {result['error']}")
            continue
        target = None if scorecards else TARGETS[name].get(fmt)
        ok = (
            (target is None or result["seconds"] <= target)
            and (result["warm"] is None or scorecards or result["warm"] <= WARM_TARGET)
            and result["peak_mb"] <= MEMORY_TARGET_MB
        )
        print(
            f"{name:<8} {what:<11} {fmt:<6} {result['seconds']:>9.2f} {result['cpu']:>8.2f} "
            f"{(format(result['warm'], '.2f') if result['warm'] is not None else '–'):>9} "
            f"{target if target else '–':>10} {result['peak_mb']:>17.0f}  {'yes' if ok else 'NO'}"
        )
    for name, round_ in (("sample", sample), ("big", big)):
        if args.sample_only and name != "sample":
            continue
        t = read_ratio(round_)
        print(
            f"\n{name}: bare read of the returns (plan_data) {t['bare']:.3f} s CPU; JSON report {t['whole']:.3f} s: "
            f"ratio {t['whole'] / t['bare']:.2f}. Within it, the report's own read {t['own_read']:.3f} s and the "
            f"analysis and JSON {t['analysis']:.3f} s ({t['analysis'] / t['own_read']:.2f} times that read)."
        )
    print(f"\nDatabase kept in {data_dir}" if args.data_dir else "")


if __name__ == "__main__":
    main()

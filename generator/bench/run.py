"""One benchmark run: write the council, time every stage, gather the results."""

from __future__ import annotations

import os
import platform
import statistics
import tempfile
from pathlib import Path
from typing import Any

from generator.bench.council import write_council
from generator.bench.memory import PeakMemory, largest_child_mb
from generator.bench.progress import ProgressBar
from generator.bench.report import target_results
from generator.bench.stages import Stages, Timing, git_log_floor, repeat

ONCE_FROM = 10_000  # check-jsonschema runs once from this many records: it is the slow one


def machine() -> str:
    """The CPU model and core count, as `lscpu` would say."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def run_bench(records: int, *, repeats: int = 3, seed: int = 2019, skip: tuple[str, ...] = (),
              folder: Path | None = None, progress: ProgressBar | None = None) -> dict[str, Any]:
    bar = progress or ProgressBar(quiet=True)
    with tempfile.TemporaryDirectory(prefix="candour-bench-") as scratch:
        root = folder or Path(scratch) / "council"
        with PeakMemory() as memory:
            council = write_council(root, records, seed=seed,
                                    progress=lambda done, total: bar.count("writing records", done, total))
            bar.done()
            stages = Stages(council, Path(scratch) / "site")
            result: dict[str, Any] = {
                "records": council.records, "counts": council.counts, "years": list(council.years),
                "repeat": repeats, "seed": seed, "machine": machine(),
            }
            failures: dict[str, str] = {}
            peaks: dict[str, float] = {}
            shared_once: dict[str, float] = {}

            def measure(name: str, key: str, times: int, stage: Any, before: Any = None) -> None:
                memory.reset()
                bar.step(f"{name} ({times} run{'s' if times != 1 else ''})")
                timing: Timing = repeat(times, stage, before)
                result[key] = timing.median
                result[key.replace("_s", "_runs_s")] = [round(run, 3) for run in timing.runs]
                peaks[name] = memory.peak_mb
                shared_once[name] = memory.peak_pss_mb
                if timing.failed:
                    failures[name] = timing.failed

            measure("parse floor", "parse_floor_s", repeats, lambda: (stages.parse_floor(), ""))
            if "check-jsonschema" not in skip:
                by_kind: dict[str, float] = {}

                def check() -> tuple[float, str]:
                    spent, failure, kinds = stages.check_jsonschema()
                    by_kind.update(kinds)
                    return spent, failure

                times = 1 if records >= ONCE_FROM else repeats
                measure("check-jsonschema", "check_jsonschema_s", times, check)
                result["check_jsonschema_by_kind_s"] = by_kind
            if "validate" not in skip:
                measure("validate, cold", "validate_cold_s", repeats, stages.validate_cold)
                stages.validate()  # leaves the cache as an officer's last commit did
                measure("validate, warm", "validate_warm_s", repeats, stages.validate_warm)
            if "build" not in skip:
                measure("full build", "build_s", repeats, stages.build)
            if "rebuild" not in skip:
                memory.reset()
                bar.step("serve rebuild after one change")
                rebuild, failure = stages.rebuild()
                peaks["serve rebuild"] = memory.peak_mb
                shared_once["serve rebuild"] = memory.peak_pss_mb
                result.update(rebuild)
                if failure:
                    failures["serve rebuild"] = failure
            if "tracker" not in skip:
                _tracker_stage(stages, Path(scratch) / "action-plan", repeats, bar, result, failures)
            bar.done()
        result["peak_rss_mb"] = max(peaks.values(), default=memory.peak_mb)
        result["peak_rss_by_stage_mb"] = peaks
        result["peak_pss_mb"] = max(shared_once.values(), default=memory.peak_pss_mb)
        result["peak_pss_by_stage_mb"] = shared_once
        result["largest_child_rss_mb"] = largest_child_mb()
        result["failures"] = failures
        result["targets"] = target_results(result)
    return result


def _tracker_stage(stages: Stages, plan: Path, repeats: int, bar: ProgressBar, result: dict[str, Any],
                   failures: dict[str, str]) -> None:
    """The tracker on 500 actions and 5,000 commits, whatever the number of records: each part is
    the median of `repeats` fresh processes, against one `git log` of the same history."""
    from generator.bench.tracker_history import write_tracker_history

    bar.step("tracker: writing 500 actions and 5,000 commits")
    made = write_tracker_history(plan)
    result["tracker_plan"] = made
    runs: list[dict[str, Any]] = []
    for _ in range(repeats):
        bar.step("tracker: history and pages")
        found, failure = stages.tracker(plan, made["as_of"])
        if failure:
            failures["tracker"] = failure
            return
        runs.append(found)
    for key in ("tracker_history_s", "tracker_pages_s", "tracker_s", "tracker_load_s", "tracker_cpu_s"):
        result[key] = round(statistics.median(run[key] for run in runs), 3)
        result[key.replace("_s", "_runs_s")] = [run[key] for run in runs]
    result.update({key: runs[0][key] for key in ("tracker_files", "tracker_versions", "tracker_packs")})
    floor = repeat(repeats, lambda: git_log_floor(plan))
    result["tracker_git_log_s"] = floor.median
    if floor.failed:
        failures["tracker git log"] = floor.failed

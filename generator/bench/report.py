"""The benchmark's results: the targets of issue 7 as ratios, and the table printed for people."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

TARGET_RECORDS = 50_000
MEMORY_RECORDS = 300_000
MEMORY_LIMIT_MB = 1024


@dataclass(frozen=True)
class Target:
    name: str
    measured: str  # key of the result
    against: str  # key of the result it is compared with
    most: float  # the ratio measured / against may be at most this
    words: str


TARGETS = (
    Target("cold validate vs parse floor", "validate_cold_s", "parse_floor_s", 1.0,
           "cold validate (all three layers) no slower than the parse floor"),
    Target("cold validate vs check-jsonschema", "validate_cold_s", "check_jsonschema_s", 0.1,
           "cold validate at most a tenth of check-jsonschema"),
    Target("warm validate vs parse floor", "validate_warm_s", "parse_floor_s", 0.1,
           "warm validate at most a tenth of the parse floor"),
    Target("full build vs parse floor", "build_s", "parse_floor_s", 3.0,
           "full build at most three times the parse floor"),
)
REBUILD_LIMIT_S = 2.0
TRACKER_LIMIT_S = 10.0  # issue 18: 500 actions and 5,000 commits "in seconds"
REBUILD_RECORDS = 20_000  # "a council's scale": 2,000 records a year for ten years

ROWS = (
    ("parse floor (C loader only)", "parse_floor_s"),
    ("check-jsonschema", "check_jsonschema_s"),
    ("candour validate, cold", "validate_cold_s"),
    ("candour validate, warm (1 changed)", "validate_warm_s"),
    ("full site build", "build_s"),
    ("serve rebuild, Candour's hooks", "rebuild_s"),
)
TRACKER_ROWS = (
    ("one git log of the action records", "tracker_git_log_s"),
    ("tracker: history read from git", "tracker_history_s"),
    ("tracker: every page, packs included", "tracker_pages_s"),
    ("tracker: history and pages", "tracker_s"),
    ("tracker: the same, CPU seconds", "tracker_cpu_s"),
)


def ratio(result: dict[str, Any], measured: str, against: str) -> float | None:
    top, bottom = result.get(measured), result.get(against)
    if not isinstance(top, int | float) or not isinstance(bottom, int | float) or bottom <= 0:
        return None
    return round(top / bottom, 3)


def target_results(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target: the ratio measured, the most allowed, and whether it was met."""
    found = []
    for target in TARGETS:
        value = ratio(result, target.measured, target.against)
        found.append({"target": target.name, "ratio": value, "at_most": target.most,
                      "met": None if value is None else value <= target.most})
    found.append(_rebuild_target(result))
    # Judged on the CPU seconds of the tracker's own process: on a machine shared with other work
    # its wall time measures the others (both are reported).
    tracker = result.get("tracker_cpu_s")
    found.append({"target": "tracker, 500 actions, 5,000 commits (CPU s)", "ratio": tracker,
                  "at_most": TRACKER_LIMIT_S, "met": None if tracker is None else tracker <= TRACKER_LIMIT_S})
    memory = result.get("peak_pss_mb", result.get("peak_rss_mb"))
    found.append({"target": "peak memory, PSS (MB)", "ratio": memory, "at_most": MEMORY_LIMIT_MB,
                  "met": None if memory is None else memory < MEMORY_LIMIT_MB})
    return found


def _rebuild_target(result: dict[str, Any]) -> dict[str, Any]:
    """The serve rebuild's target is set at a council's scale: a larger council under the limit has
    met it, one over the limit has not been judged (its rebuild has more to do)."""
    rebuild = result.get("rebuild_s")
    met = None if rebuild is None else rebuild < REBUILD_LIMIT_S
    if met is False and result["records"] > REBUILD_RECORDS:
        met = None
    return {"target": "serve rebuild work (s)", "ratio": rebuild, "at_most": REBUILD_LIMIT_S, "met": met,
            "set_at_records": REBUILD_RECORDS}


def _verdict(found: dict[str, Any]) -> str:
    if found["met"] is None and found["ratio"] is not None and "set_at_records" in found:
        return f"not judged: set at {found['set_at_records']:,} records"
    return {True: "met", False: "NOT MET", None: "not measured"}[found["met"]]


def _seconds(value: object) -> str:
    return f"{value:9.3f}" if isinstance(value, int | float) else f"{'-':>9}"


def table(result: dict[str, Any]) -> str:
    """The table printed at the end of a run."""
    lines = [
        f"candour bench: {result['records']:,} records over {len(result['years'])} reporting years "
        f"({result['years'][0]} to {result['years'][-1]}), median of {result['repeat']} runs",
        f"machine: {result['machine']}",
        "",
        f"{'stage':<38} {'seconds':>9} {'x parse floor':>14}",
        f"{'-' * 38} {'-' * 9} {'-' * 14}",
    ]
    for label, key in ROWS:
        times = ratio(result, key, "parse_floor_s")
        shown = f"{times:14.3f}" if times is not None else f"{'-':>14}"
        lines.append(f"{label:<38} {_seconds(result.get(key))} {shown}")
    if result.get("tracker_s") is not None:
        plan = result.get("tracker_plan", {})
        lines += ["", f"tracker: {plan.get('actions')} actions, {plan.get('commits'):,} commits, "
                  f"{plan.get('meetings')} meetings ({result.get('tracker_files')} files, "
                  f"{result.get('tracker_versions'):,} versions read)",
                  f"{'stage':<38} {'seconds':>9} {'x git log':>14}", f"{'-' * 38} {'-' * 9} {'-' * 14}"]
        for label, key in TRACKER_ROWS:
            times = ratio(result, key, "tracker_git_log_s")
            shown = f"{times:14.3f}" if times is not None else f"{'-':>14}"
            lines.append(f"{label:<38} {_seconds(result.get(key))} {shown}")
    lines += ["", f"peak memory, all processes: {result.get('peak_pss_mb')} MB PSS (shared pages once), "
              f"{result.get('peak_rss_mb')} MB RSS summed", ""]
    scale = "" if result["records"] == TARGET_RECORDS else f" (the targets are set at {TARGET_RECORDS:,})"
    lines.append(f"targets{scale}:")
    for found in target_results(result):
        shown = f"{found['ratio']!s:>9}  at most {found['at_most']!s:<6}"
        lines.append(f"  {found['target']:<36} {shown} {_verdict(found)}")
    if result.get("failures"):
        failed = result["failures"].items()
        lines += ["", "stages that failed:"] + [f"  {name}: {why}" for name, why in failed]
    return "\n".join(lines)

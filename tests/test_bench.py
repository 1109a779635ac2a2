"""The benchmark keeps working: its synthetic council is valid and its results have every key.

No test here asserts a time: the targets are checked by running `candour bench --records 50000`.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from generator.bench.council import write_council
from generator.bench.edit import change_record
from generator.bench.report import table
from generator.check import check_paths
from generator.cli import main

KEYS = ("records", "parse_floor_s", "check_jsonschema_s", "validate_cold_s", "validate_warm_s", "build_s",
        "peak_rss_mb", "rebuild_s")


def fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*.yaml")):
        digest.update(str(path.relative_to(folder)).encode() + path.read_bytes())
    return digest.hexdigest()


def test_the_synthetic_council_is_valid_with_every_kind(tmp_path: Path) -> None:
    council = write_council(tmp_path / "council", 300)
    files = list((council.records_root).rglob("*.yaml"))
    assert council.records == len(files) == 300
    assert len(council.years) == 10 and council.years[-1] == "2019-20"
    assert set(council.counts) == {"organisation", "case", "compliment", "ombudsman", "action", "history"}
    assert all(count > 0 for count in council.counts.values())
    # Every year has records of each kind that grows with the caseload.
    for kind, folder in (("case", "cases"), ("compliment", "compliments")):
        years = {path.parent.name for path in (council.records_root / folder).rglob("*.yaml")}
        assert years == set(council.years), kind
    result = check_paths(council.root)
    assert [str(problem) for problem in result.problems] == []
    assert result.checked == 300


def test_the_same_seed_gives_the_same_council(tmp_path: Path) -> None:
    first = write_council(tmp_path / "one", 250)
    second = write_council(tmp_path / "two", 250)
    other = write_council(tmp_path / "three", 250, seed=7)
    assert fingerprint(first.records_root) == fingerprint(second.records_root)
    assert fingerprint(first.records_root) != fingerprint(other.records_root)


def test_busy_years_are_spread_over_more_years_than_ids_allow(tmp_path: Path) -> None:
    from generator.bench.council import MAX_PER_YEAR, Demo, plan_counts, project_root

    demo = Demo.read(project_root() / "records")
    years, per_year = plan_counts(demo, 300_000)
    assert len(years) > 10
    assert max(max(counts) for counts in per_year.values()) <= MAX_PER_YEAR
    assert sum(sum(counts) for counts in per_year.values()) + 3 == 300_000


def test_the_one_record_change_keeps_the_record_valid(tmp_path: Path) -> None:
    council = write_council(tmp_path / "council", 250)
    case = next((council.records_root / "cases").rglob("*.yaml"))
    before = case.read_text(encoding="utf-8")
    change_record(case)
    assert case.read_text(encoding="utf-8") != before
    assert check_paths(council.root, [case]).problems == []


@pytest.mark.slow
def test_the_benchmark_runs_and_reports_every_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "bench.json"
    code = main(["bench", "--records", "300", "--repeat", "1", "--json", str(target), "--quiet"])
    out = capsys.readouterr().out
    result = json.loads(target.read_text(encoding="utf-8"))
    assert result["failures"] == {} and code == 0
    for key in KEYS:
        assert isinstance(result[key], int | float), key
    assert result["records"] == 300
    assert {found["target"] for found in result["targets"]} >= {"cold validate vs parse floor",
                                                                "full build vs parse floor"}
    assert out.strip() == table(result).strip()


@pytest.mark.parametrize(("records", "rebuild_s", "verdict"), [
    (20_000, 1.5, "met"),
    (20_000, 2.5, "NOT MET"),
    (50_000, 1.5, "met"),
    (50_000, 2.5, "not judged: set at 20,000 records"),
    (50_000, None, "not measured"),
])
def test_the_serve_rebuild_is_judged_at_a_councils_scale(records: int, rebuild_s: float | None,
                                                         verdict: str) -> None:
    result = {"records": records, "years": ["2010-11", "2019-20"], "repeat": 1, "machine": "test",
              "rebuild_s": rebuild_s}
    line = next(line for line in table(result).splitlines() if "serve rebuild work" in line)
    assert line.rstrip().endswith(verdict)


def test_peak_memory_adds_up_the_processes_started() -> None:
    """A child holding 200 MB for a second and a half is seen, both as RSS and as PSS."""
    import subprocess
    import sys

    from generator.bench.memory import PeakMemory

    holding = "import time; block = bytearray(200 * 1024 * 1024); time.sleep(1.5)"
    with PeakMemory() as memory:
        memory.reset()
        subprocess.run([sys.executable, "-c", holding], check=True)
        assert memory.peak_mb >= 200 and memory.peak_pss_mb >= 200


@pytest.mark.slow
def test_the_tracker_stage_has_500_valid_actions_and_5000_commits(tmp_path: Path) -> None:
    import subprocess

    from generator.bench.tracker_history import write_tracker_history
    from generator.githistory import folder_history

    made = write_tracker_history(tmp_path / "plan")
    assert (made["actions"], made["commits"]) == (500, 5000)
    commits = subprocess.run(["git", "rev-list", "--count", "HEAD"], cwd=tmp_path / "plan",
                             capture_output=True, text=True, check=True).stdout
    assert int(commits) == 5000
    assert check_paths(tmp_path / "plan").problems == []
    history = folder_history(tmp_path / "plan", "records/actions")
    assert len(history.lineages) == 500
    # Every commit changes one action record (the first also adds the organisation file).
    assert sum(len(lineage.versions) for lineage in history.lineages) == 5000

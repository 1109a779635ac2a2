"""validate and the site count a complaint's outcome by the same stage (`generator.counting`): a
history record that agrees with the site's outcomes table for a year is accepted, one giving each
complaint's last stage instead is refused."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.check import check_paths
from generator.figures.report import year_report
from generator.figures.table import Share
from generator.records import load_records

PROJECT = Path(__file__).resolve().parent.parent
WALES = PROJECT / "tests" / "fixtures" / "wales-social-services" / "records"
# 2022-23 as its case records give it: C-2022-0001 not upheld at Stage 1 (partially upheld at
# Stage 2), C-2022-0002 upheld at Stage 1 (other at Stage 2).
FIRST_STAGES = ("outcomes: {rows: {upheld: 1, partially-upheld: 0, not-upheld: 1, other: 0, outstanding: 0},"
                " total: 2}")
LAST_STAGES = ("outcomes: {rows: {upheld: 0, partially-upheld: 1, not-upheld: 0, other: 1, outstanding: 0},"
               " total: 2}")


def council_with_history(tmp_path: Path, outcomes: str) -> Path:
    shutil.copytree(WALES, tmp_path / "records")
    shutil.copytree(PROJECT / "schemas", tmp_path / "schemas")
    (tmp_path / "records" / "history" / "HIST-2022-23.yaml").write_text(
        f"id: HIST-2022-23\nyear: 2022-23\nsource: Annual report 2022-23\n{outcomes}\n", encoding="utf-8")
    return tmp_path


def test_validate_accepts_the_outcomes_the_site_shows(tmp_path: Path) -> None:
    repo = council_with_history(tmp_path, FIRST_STAGES)
    assert [str(problem) for problem in check_paths(repo).problems] == []
    shown = year_report(load_records(repo), "2022-23").table("outcomes")
    counts = {row.key: row.cells[0] for row in shown.rows}
    assert (counts["upheld"], counts["not-upheld"]) == (Share(1, 2), Share(1, 2))


def test_validate_refuses_each_complaints_last_stage(tmp_path: Path) -> None:
    repo = council_with_history(tmp_path, LAST_STAGES)
    messages = [problem.message for problem in check_paths(repo).problems]
    assert "the history record says 0, but the case records for 2022-23 give 1" in messages
    assert "the history record says 1, but the case records for 2022-23 give 0" in messages

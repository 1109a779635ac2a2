"""load_records: load → check → model, refusing records that have problems."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from cases.repo import PROJECT, edit, make_repo

from generator.records import InvalidRecords, load_records


def test_the_small_repository_loads_as_typed_records(tmp_path: Path) -> None:
    records = load_records(make_repo(tmp_path))
    assert records.organisation.name == "Testshire Council"
    assert [case.id for case in records.cases] == ["C-2019-0001", "C-2019-0002"]
    assert records.cases[0].stages[0].responded == date(2019, 7, 1)
    assert records.actions[0].source_path == "records/actions/2019-20/ACT-2019-01.yaml"
    assert records.years == ["2018-19", "2019-20"]


def test_the_welsh_fixture_keeps_both_stages(tmp_path: Path) -> None:
    records = load_records(make_repo(tmp_path, "wales"))
    assert records.organisation.jurisdiction == "wales"
    assert [stage.id for stage in records.organisation.stages] == ["stage-1", "stage-2"]
    assert [stage.stage for stage in records.cases[0].stages] == ["stage-1", "stage-2"]


def test_the_demo_records_load() -> None:
    records = load_records(PROJECT)
    assert len(records.cases) == sum(1 for _ in (PROJECT / "records/cases").rglob("*.yaml"))


def test_records_with_a_problem_are_refused_with_every_problem(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    edit(repo, "records/cases/2019-20/C-2019-0001.yaml", "outcome: partially-upheld", "outcome: uphold")
    edit(repo, "records/compliments/2019-20/CPL-2019-0001.yaml", "team: hospitals", "team: hospital")
    with pytest.raises(InvalidRecords) as refused:
        load_records(repo)
    assert [problem.path for problem in refused.value.problems] == [
        "records/cases/2019-20/C-2019-0001.yaml", "records/compliments/2019-20/CPL-2019-0001.yaml",
    ]
    assert str(refused.value).startswith("2 problems in the records (run candour validate):\n")

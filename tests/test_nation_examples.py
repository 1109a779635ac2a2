"""The example organisation file for each nation (docs/records-guide/organisation/) is valid as a
council's records/organisation.yaml, and gives its nation's procedure, ombudsman and calendar."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from generator.check import check_paths
from generator.model import organisation_from
from generator.parse import parse_record
from generator.workingdays import Region, working_days_between

PROJECT = Path(__file__).resolve().parent.parent
EXAMPLES = PROJECT / "docs" / "records-guide" / "organisation"
# nation -> (stage ids, first stage's target, ombudsman id, a Monday that is one of its bank holidays)
EXPECTED = {
    "england": (["local"], 20, "lgsco", date(2024, 8, 26)),
    "wales": (["stage-1", "stage-2"], 10, "psow", date(2024, 8, 26)),
    "scotland": (["frontline", "investigation"], 5, "spso", date(2024, 8, 5)),
    "northern-ireland": (["local"], 20, "nipso", date(2024, 3, 18)),
}


def test_there_is_an_example_for_each_nation() -> None:
    assert sorted(path.stem for path in EXAMPLES.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("nation", sorted(EXPECTED))
def test_the_example_is_valid_and_gives_its_nations_procedure(nation: str, tmp_path: Path) -> None:
    (tmp_path / "records").mkdir()
    shutil.copy(EXAMPLES / f"{nation}.yaml", tmp_path / "records" / "organisation.yaml")
    shutil.copytree(PROJECT / "schemas", tmp_path / "schemas")
    assert [str(problem) for problem in check_paths(tmp_path).problems] == []
    organisation = organisation_from(parse_record((EXAMPLES / f"{nation}.yaml").read_text(encoding="utf-8")))
    stages, target, ombudsman, holiday = EXPECTED[nation]
    assert [stage.id for stage in organisation.stages] == stages
    assert organisation.stages[0].respond_working_days == target
    assert organisation.ombudsman_id == ombudsman
    # A bank holiday of this nation alone is not a working day: the day after it took 1 day.
    region = Region.of(organisation)
    assert working_days_between(holiday, date.fromordinal(holiday.toordinal() + 1), region) == 1
    assert working_days_between(date.fromordinal(holiday.toordinal() - 3), holiday, region) == 0

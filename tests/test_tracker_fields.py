"""The tracker's own fields in the records: the committee's meetings (a meeting to come may be
listed ahead) and an action's lead officer (a role, scanned for a person's name like any public
text), checked on the Welsh fixture council."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

import yaml
from git_records import LETTERS, wales_organisation

from generator.check import check_paths
from generator.records import load_records


def _council(root: Path, lead_officer: str, meetings: list[dict[str, str]]) -> Path:
    (root / "records/actions/2020-21").mkdir(parents=True)
    (root / "records/organisation.yaml").write_text(
        yaml.safe_dump(wales_organisation(meetings=meetings), sort_keys=False), encoding="utf-8")
    action = {**copy.deepcopy(LETTERS), "lead_officer": lead_officer}
    (root / "records/actions/2020-21/ACT-2020-01.yaml").write_text(yaml.safe_dump(action, sort_keys=False),
                                                                    encoding="utf-8")
    return root


def test_a_lead_officer_named_as_a_person_is_refused(tmp_path: Path) -> None:
    root = _council(tmp_path, "Mrs Pritchard, Head of Adult Services", [])
    problems = check_paths(root, today=date(2021, 10, 1)).problems
    where = [(p.path, p.field) for p in problems]
    assert where == [("records/actions/2020-21/ACT-2020-01.yaml", "lead_officer")]
    assert "name" in problems[0].message and "Pritchard" not in problems[0].message


def test_a_role_and_meetings_to_come_are_accepted_and_typed(tmp_path: Path) -> None:
    meetings = [{"date": "2031-01-15", "name": "Social Services Scrutiny Committee"},
                {"date": "2021-03-10", "name": "Social Services Scrutiny Committee"}]
    root = _council(tmp_path, "Head of Adult Services", meetings)
    assert check_paths(root).problems == []
    records = load_records(root)
    assert [m.date for m in records.organisation.meetings] == [date(2021, 3, 10), date(2031, 1, 15)]
    assert records.actions[0].lead_officer == "Head of Adult Services"


def test_a_meeting_name_is_scanned_and_a_meeting_needs_its_date(tmp_path: Path) -> None:
    root = _council(tmp_path, "Head of Adult Services", [{"date": "2021-03-10", "name": "Call with Mr Jones"},
                                                           {"name": "Scrutiny Committee"}])
    fields = sorted(p.field for p in check_paths(root, today=date(2021, 10, 1)).problems)
    assert fields == ["meetings[0].name", "meetings[1].date"]

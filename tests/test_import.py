"""`candour import` from a case-management export in the shape councils' systems give: UK dates,
Excel serial dates, the vendor's own labels, a column of names that must never be imported, and
one row per stage. Checked on a repository `candour init` made for Wales (two stages)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml

from generator.check import check_paths
from generator.cli import main
from generator.council_repository import start_repository
from generator.organisation_file import Answers

MAPPING = """\
kind: case
rows: one-per-stage
reference: Case Ref
dates: [dd/mm/yyyy, excel]
columns:
  received: Date Logged
  kind: {column: Type, labels: {Formal Complaint: complaint, Enquiry: enquiry}}
  service_area: {column: Team, labels: {HC - Home Care: home-care, ACM - Assessment: assessment}}
  subject: {column: Category, labels: {Late/Missed Visit: delay, Poor Care: standard-of-care}}
  receipt_method: {column: Channel, labels: {Phone: telephone, E-mail: email}}
  complainant: {column: Relationship, labels: {Self: care-recipient, Relative: family}}
  summary: Summary
stage_columns:
  stage: {column: Stage, labels: {"1": stage-1, "2": stage-2}}
  started: Stage Start
  acknowledged: Ack Date
  responded: Response Date
  outcome:
    column: Outcome
    labels: {Upheld: upheld, Partly Upheld: partially-upheld, Not Upheld: not-upheld}
defaults:
  disposition: accepted
  receipt_point: complaints-team
"""
HEADER = [
    "Case Ref",
    "Client Name",
    "Date Logged",
    "Type",
    "Team",
    "Category",
    "Channel",
    "Relationship",
    "Summary",
    "Stage",
    "Stage Start",
    "Ack Date",
    "Response Date",
    "Outcome",
]
# Excel serial 45390 is 8 April 2024; 45397 is 15 April 2024; 45419 is 7 May 2024.
ROWS = [
    [
        "CMS-1001",
        "Mary Jones",
        "03/04/2024",
        "Formal Complaint",
        "HC - Home Care",
        "Late/Missed Visit",
        "Phone",
        "Relative",
        "Visits were missed twice.",
        "1",
        "",
        "04/04/2024",
        "16/04/2024",
        "Partly Upheld",
    ],
    [
        "CMS-1001",
        "Mary Jones",
        "03/04/2024",
        "Formal Complaint",
        "HC - Home Care",
        "Late/Missed Visit",
        "Phone",
        "Relative",
        "Visits were missed twice.",
        "2",
        "22/04/2024",
        "23/04/2024",
        "45419",
        "Upheld",
    ],
    [
        "CMS-1002",
        "John Smith",
        "45390",
        "Formal Complaint",
        "ACM - Assessment",
        "Poor Care",
        "E-mail",
        "Self",
        "Unhappy with the assessment.",
        "1",
        "",
        "45390",
        "45397",
        "Not Upheld",
    ],
]


@pytest.fixture
def council(tmp_path: Path) -> Path:
    start_repository(
        tmp_path / "council", Answers("Example Council", "wales"), version="0.1.0", year="2024-25", git=False
    )
    return tmp_path / "council"


def write_export(folder: Path, rows: list[list[str]]) -> Path:
    path = folder / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([HEADER, *rows])
    return path


def import_cases(council: Path, export: Path, *extra: str) -> int:
    mapping = council.parent / "mapping.yaml"
    mapping.write_text(MAPPING, encoding="utf-8")
    return main(["import", "cases", str(export), "--mapping", str(mapping), "--root", str(council), *extra])


def records(council: Path) -> dict[str, dict]:
    return {
        p.name: yaml.safe_load(p.read_text()) for p in sorted((council / "records/cases").rglob("C-*.yaml"))
    }


def test_an_export_becomes_records_that_validate(council: Path) -> None:
    assert import_cases(council, write_export(council.parent, ROWS)) == 0
    found = records(council)
    assert sorted(found) == ["C-2024-0001.yaml", "C-2024-0002.yaml"]
    first = found["C-2024-0001.yaml"]
    assert first["source_ref"] == "CMS-1001"
    assert (first["received"], first["kind"], first["service_area"], first["subject"]) == (
        "2024-04-03",
        "complaint",
        "home-care",
        "delay",
    )
    assert first["stages"] == [
        {
            "stage": "stage-1",
            "acknowledged": "2024-04-04",
            "responded": "2024-04-16",
            "outcome": "partially-upheld",
        },
        {
            "stage": "stage-2",
            "started": "2024-04-22",
            "acknowledged": "2024-04-23",
            "responded": "2024-05-07",
            "outcome": "upheld",
        },
    ]
    second = found["C-2024-0002.yaml"]
    assert (second["received"], second["stages"][0]["responded"]) == ("2024-04-08", "2024-04-15")  # serials
    assert check_paths(council).problems == []
    for path in (council / "records").rglob("*.yaml"):  # the names column never reaches a record
        text = path.read_text()
        assert "Mary" not in text and "Jones" not in text and "Smith" not in text


def test_a_second_import_of_the_same_export_changes_nothing(council: Path, capsys) -> None:
    export = write_export(council.parent, ROWS)
    assert import_cases(council, export) == 0
    before = {p: p.read_bytes() for p in (council / "records").rglob("*.yaml")}
    capsys.readouterr()
    assert import_cases(council, export) == 0
    assert "0 to create, 0 to change, 2 unchanged" in capsys.readouterr().out
    assert {p: p.read_bytes() for p in (council / "records").rglob("*.yaml")} == before


def test_a_changed_row_updates_its_record_and_a_new_one_is_added(council: Path) -> None:
    assert import_cases(council, write_export(council.parent, ROWS)) == 0
    changed = [list(row) for row in ROWS]
    changed[2][8] = "Unhappy with how the assessment was done."
    changed.append(
        [
            "CMS-1003",
            "Ann Brown",
            "10/05/2024",
            "Enquiry",
            "HC - Home Care",
            "",
            "Phone",
            "",
            "Asked about charges.",
            "",
            "",
            "",
            "",
            "",
        ]
    )
    assert import_cases(council, write_export(council.parent, changed)) == 0
    found = records(council)
    assert found["C-2024-0002.yaml"]["summary"] == "Unhappy with how the assessment was done."
    assert found["C-2024-0003.yaml"]["source_ref"] == "CMS-1003"
    assert len(found) == 3
    assert check_paths(council).problems == []


def test_a_record_edited_by_hand_is_listed_and_kept_unless_forced(council: Path, capsys) -> None:
    assert import_cases(council, write_export(council.parent, ROWS)) == 0
    path = council / "records/cases/2024-25/C-2024-0002.yaml"
    path.write_text(
        path.read_text().replace("Unhappy with the assessment.", "Unhappy with the assessment visit.")
    )
    edited = path.read_bytes()
    changed = [list(row) for row in ROWS]
    changed[2][8] = "A different summary."
    capsys.readouterr()
    assert import_cases(council, write_export(council.parent, changed)) == 0
    out = capsys.readouterr().out
    assert "edited by hand since they were imported" in out and "C-2024-0002.yaml" in out
    assert path.read_bytes() == edited
    assert import_cases(council, write_export(council.parent, changed), "--force") == 0
    assert yaml.safe_load(path.read_text())["summary"] == "A different summary."


def test_a_dry_run_writes_nothing_and_counts_the_labels_the_mapping_lacks(council: Path, capsys) -> None:
    rows = [list(row) for row in ROWS]
    rows[2][4] = "DC - Day Centres"
    rows.append(
        [
            "CMS-1004",
            "",
            "11/05/2024",
            "Formal Complaint",
            "DC - Day Centres",
            "Poor Care",
            "Phone",
            "Self",
            "Day centre closed early.",
            "1",
            "",
            "",
            "",
            "",
        ]
    )
    assert import_cases(council, write_export(council.parent, rows), "--dry-run") == 1
    captured = capsys.readouterr()
    assert "column 'Team': 'DC - Day Centres' (2 rows)" in captured.out
    assert "row 4, column 'Team'" in captured.err and "row 5, column 'Team'" in captured.err
    assert records(council) == {}


def test_a_dry_run_lists_what_would_be_created(council: Path, capsys) -> None:
    assert import_cases(council, write_export(council.parent, ROWS), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "would create records/cases/2024-25/C-2024-0001.yaml (reference CMS-1001, row 2, 3)" in out
    assert records(council) == {}


def test_personal_data_in_imported_text_is_refused_at_its_row_and_column(council: Path, capsys) -> None:
    rows = [list(row) for row in ROWS]
    rows[2][8] = "Call her on 07700 900123 about the assessment."
    assert import_cases(council, write_export(council.parent, rows)) == 1
    err = capsys.readouterr().err
    assert "row 4, column 'Summary'" in err and "phone" in err.lower()
    assert records(council) == {}


def test_a_bad_date_names_the_file_row_and_column(council: Path, capsys) -> None:
    rows = [list(row) for row in ROWS]
    rows[0][11] = "31/02/2024"
    assert import_cases(council, write_export(council.parent, rows)) == 1
    err = capsys.readouterr().err
    assert "export.csv: row 2, column 'Ack Date': '31/02/2024' is not a date" in err
    assert records(council) == {}


def test_an_excel_workbook_with_date_cells_and_serial_numbers(council: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from datetime import datetime

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Cases"
    sheet.append(HEADER)
    sheet.append(
        [
            "CMS-2001",
            "Pat Green",
            datetime(2024, 6, 3),
            "Formal Complaint",
            "HC - Home Care",
            "Poor Care",
            "Phone",
            "Self",
            "Carer arrived late.",
            1,
            None,
            45447,
            45457,
            "Upheld",
        ]
    )
    sheet.append(
        [
            2002,
            "Sam Hill",
            45450,
            "Enquiry",
            "ACM - Assessment",
            None,
            "E-mail",
            None,
            "Asked how to get an assessment.",
            None,
            None,
            None,
            None,
            None,
        ]
    )
    export = council.parent / "export.xlsx"
    workbook.save(export)
    mapping = MAPPING.replace("reference: Case Ref", "reference: Case Ref\nsheet: Cases")
    (council.parent / "mapping.yaml").write_text(mapping, encoding="utf-8")
    assert (
        main(
            [
                "import",
                "cases",
                str(export),
                "--mapping",
                str(council.parent / "mapping.yaml"),
                "--root",
                str(council),
            ]
        )
        == 0
    )
    found = records(council)
    first, second = found["C-2024-0001.yaml"], found["C-2024-0002.yaml"]
    # 45447 is 4 June 2024 and 45457 is 14 June; 45450 is 7 June.
    assert (first["received"], first["stages"][0]["acknowledged"], first["stages"][0]["responded"]) == (
        "2024-06-03",
        "2024-06-04",
        "2024-06-14",
    )
    assert (second["source_ref"], second["received"], second["kind"]) == ("2002", "2024-06-07", "enquiry")
    assert "stages" not in second
    assert check_paths(council).problems == []
    assert (
        main(
            [
                "import",
                "cases",
                str(export),
                "--mapping",
                str(council.parent / "mapping.yaml"),
                "--root",
                str(council),
            ]
        )
        == 0
    )
    assert records(council) == found


def test_compliments_come_in_by_the_same_mapping(council: Path) -> None:
    export = council.parent / "compliments.csv"
    with export.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(
            [
                ["Ref", "From", "Date", "Team", "Comment", "OK to publish"],
                ["K-1", "A Person", "12/04/2024", "Home Care", "The carers were kind and on time.", "Yes"],
                ["K-2", "B Person", "13/04/2024", "Assessment", "Thank you for listening.", "No"],
            ]
        )
    mapping = council.parent / "compliments.yaml"
    mapping.write_text(
        "kind: compliment\nreference: Ref\ndates: dd/mm/yyyy\ncolumns:\n  received: Date\n"
        "  team: {column: Team, labels: {Home Care: home-care, Assessment: assessment}}\n"
        "  quote: Comment\n  publish: OK to publish\n",
        encoding="utf-8",
    )
    assert (
        main(["import", "compliments", str(export), "--mapping", str(mapping), "--root", str(council)]) == 0
    )
    found = {
        p.name: yaml.safe_load(p.read_text()) for p in (council / "records/compliments").rglob("CPL-*.yaml")
    }
    assert found["CPL-2024-0001.yaml"] | {"import_digest": None} == {
        "id": "CPL-2024-0001",
        "received": "2024-04-12",
        "team": "home-care",
        "quote": "The carers were kind and on time.",
        "publish": True,
        "source_ref": "K-1",
        "import_digest": None,
    }
    assert found["CPL-2024-0002.yaml"]["publish"] is False
    assert check_paths(council).problems == []

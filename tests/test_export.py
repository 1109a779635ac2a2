"""`candour export`: the Welsh fixture council's records as CSV files and as a workbook, one
table for each kind and one for each list of entries; counts written by hand from the fixture."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from generator.cli import main

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "wales"


@pytest.fixture
def council(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE / "records", tmp_path / "council" / "records")
    return tmp_path / "council"


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_record_becomes_a_row_and_every_stage_a_row_of_its_own(council: Path, tmp_path: Path) -> None:
    out = tmp_path / "export"
    assert main(["export", str(out), "--root", str(council)]) == 0
    cases = read(out / "cases.csv")
    assert [row["id"] for row in cases] == [f"C-2023-000{n}" for n in range(1, 7)]
    first = cases[0]
    assert (
        first["year"],
        first["received"],
        first["themes"],
        first["stages"],
        first["case_study.publish"],
    ) == ("2023-24", "2023-05-02", "lack-of-support", "2", "True")
    stages = read(out / "cases.stages.csv")
    # Stages in the fixture: 2, 1, 1, 2, 0 and 0.
    assert len(stages) == 6
    assert stages[1] == {
        **stages[1],
        "id": "C-2023-0001",
        "entry": "2",
        "stage": "stage-2",
        "started": "2023-05-17",
        "outcome": "partially-upheld",
    }
    assert [len(read(out / f"{kind}.csv")) for kind in ("compliments", "ombudsman", "actions")] == [1, 1, 1]
    assert read(out / "history.csv") == []


def test_one_year_only(council: Path, tmp_path: Path) -> None:
    assert main(["export", str(tmp_path / "none"), "--year", "2022-23", "--root", str(council)]) == 0
    assert read(tmp_path / "none" / "cases.csv") == []
    assert main(["export", str(tmp_path / "some"), "--year", "2023-24", "--root", str(council)]) == 0
    assert len(read(tmp_path / "some" / "cases.csv")) == 6


def test_a_workbook_has_a_sheet_for_each_kind(council: Path, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    case = council / "records/cases/2023-24/C-2023-0005.yaml"
    case.write_text(case.read_text().replace("summary: ", "summary: =1+1 ", 1))
    path = tmp_path / "records.xlsx"
    assert main(["export", str(path), "--root", str(council)]) == 0
    workbook = openpyxl.load_workbook(path)
    assert {
        "cases",
        "cases.stages",
        "cases.remedies",
        "compliments",
        "ombudsman",
        "actions",
        "history",
    } <= set(workbook.sheetnames)
    sheet = workbook["cases"]
    header = [cell.value for cell in sheet[1]]
    assert sheet.max_row == 7  # a header and six cases
    summary = sheet.cell(row=6, column=header.index("summary") + 1)
    assert summary.data_type == "s" and summary.value.startswith("=1+1")  # text, never a formula


def test_csv_keeps_formula_like_text_as_text(council: Path, tmp_path: Path) -> None:
    case = council / "records/cases/2023-24/C-2023-0005.yaml"
    case.write_text(case.read_text().replace("summary: ", "summary: =1+1 ", 1))
    assert main(["export", str(tmp_path / "out"), "--root", str(council)]) == 0
    assert read(tmp_path / "out" / "cases.csv")[4]["summary"].startswith("'=1+1")


def test_export_refuses_to_write_into_records(council: Path) -> None:
    assert main(["export", str(council / "records" / "out"), "--root", str(council)]) == 1
    assert not (council / "records" / "out").exists()

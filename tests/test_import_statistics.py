"""`candour import ombudsman-statistics`: the council's row of the ombudsman's spreadsheet becomes the
year's statistics record, checked before anything is written. The export's figures are written by
hand here, and the record is read back and compared with them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.figures.report import year_report
from generator.figures.table import Share
from generator.records import load_records

FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXPORT = ("Authority,Type,Received,Closed after initial enquiries,Referred back,Invalid,Not upheld,Upheld,"
          "Detailed investigations,Uphold rate,Average uphold rate\n"
          "Another District Council,District,12,4,2,1,1,4,5,80%,78%\n"
          "Eastleigh Example District Council,District,5,2,1,1,0,1,1,100%,78%\n")
MAPPING = """kind: ombudsman-statistics
authority: {column: Authority, name: Eastleigh Example District Council}
source:
  title: LGSCO complaints statistics 2023-24
  published: 2024-07-17
  address: https://www.lgo.org.uk/information-centre/councils-performance
similar_authorities: {group: district}
columns:
  received: Received
  decisions.closed-after-initial-enquiries: Closed after initial enquiries
  decisions.referred-back-for-local-resolution: Referred back
  decisions.incomplete-or-invalid: Invalid
  decisions.not-upheld: Not upheld
  decisions.upheld: Upheld
  detailed_investigations: Detailed investigations
  upheld: Upheld
  uphold_rate: Uphold rate
  similar_authorities.uphold_rate: Average uphold rate
"""


@pytest.fixture
def england(tmp_path: Path) -> Path:
    root = tmp_path / "england"
    shutil.copytree(FIXTURES / "england" / "records", root / "records")
    shutil.rmtree(root / "records" / "ombudsman-statistics")
    (tmp_path / "lgsco.csv").write_text(EXPORT, encoding="utf-8")
    (tmp_path / "map.yaml").write_text(MAPPING, encoding="utf-8")
    return root


def _import(root: Path, *extra: str) -> int:
    return main(["import", "ombudsman-statistics", str(root.parent / "lgsco.csv"), "--mapping",
                 str(root.parent / "map.yaml"), "--year", "2023-24", "--root", str(root), *extra])


def test_the_council_s_row_becomes_the_year_s_record(england: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert _import(england) == 0
    path = england / "records" / "ombudsman-statistics" / "2023-24.yaml"
    values = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert values["ombudsman"] == "lgsco" and values["received"] == 5
    assert values["decisions"] == {
        "closed-after-initial-enquiries": 2, "referred-back-for-local-resolution": 1,
        "incomplete-or-invalid": 1, "not-upheld": 0, "upheld": 1,
    }
    assert values["uphold_rate"] == 100
    assert values["similar_authorities"] == {"group": "district", "uphold_rate": 78}
    assert main(["validate", "--root", str(england)]) == 0
    capsys.readouterr()
    figures = year_report(load_records(england), "2023-24")
    assert figures.figures["ombudsman_uphold_rate"] == Share(1, 1)
    assert _import(england) == 1  # a second time: the record is there already, and stands
    assert "is there already" in capsys.readouterr().err


def test_a_dry_run_writes_nothing_and_a_wrong_figure_is_refused_before_writing(
        england: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _import(england, "--dry-run") == 0
    assert "would create records/ombudsman-statistics/2023-24.yaml" in capsys.readouterr().out
    assert not (england / "records" / "ombudsman-statistics").exists()
    export = england.parent / "lgsco.csv"
    export.write_text(EXPORT.replace(",1,100%,78%", ",1,120%,78%"), encoding="utf-8")
    assert _import(england) == 1
    err = capsys.readouterr().err
    assert "uphold_rate: 120 is too large: the most allowed is 100" in err
    assert not (england / "records" / "ombudsman-statistics").exists()


def test_a_council_missing_from_the_export_is_named(england: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    mapping = england.parent / "map.yaml"
    mapping.write_text(MAPPING.replace("name: Eastleigh Example District Council", "name: Nowhere Council"),
                       encoding="utf-8")
    assert _import(england) == 1
    assert "no row with 'Nowhere Council' in column 'Authority': there must be one" in capsys.readouterr().err

"""A Welsh council's two-stage procedure builds into a site with no code changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from test_build import copy_repository, mkdocs_build

pytestmark = pytest.mark.slow

WALES = Path(__file__).resolve().parent / "fixtures" / "wales" / "records"


@pytest.fixture(scope="module")
def welsh_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_repository(tmp_path_factory.mktemp("wales"))
    shutil.rmtree(root / "records")
    shutil.copytree(WALES, root / "records")
    shutil.rmtree(root / "docs" / "commentary")  # the demo council's words are not this council's
    # Nor its contact details, which the records guide quotes and the scan knows only as the demo's.
    (root / "docs" / "records-guide" / "examples.md").unlink()
    built = mkdocs_build(root)
    assert built.returncode == 0, built.stderr
    assert "WARNING" not in built.stderr, built.stderr
    return root / "site"


def test_the_report_has_a_table_for_each_stage_and_the_welsh_ombudsman(welsh_site: Path) -> None:
    page = BeautifulSoup((welsh_site / "reports" / "2023-24" / "index.html").read_text(), "html.parser")
    text = page.get_text(" ", strip=True)
    assert "Public Services Ombudsman for Wales" in text
    stages = page.find("table", id=lambda value: bool(value) and "stages" in value)
    stages = stages or next(table for table in page.find_all("table") if "Stage 2" in table.get_text())
    assert "Stage 1" in stages.get_text() and "Stage 2" in stages.get_text()


def test_the_procedure_page_names_both_stages_and_their_targets(welsh_site: Path) -> None:
    text = BeautifulSoup((welsh_site / "reports" / "2023-24" / "index.html").read_text(),
                         "html.parser").get_text(" ", strip=True)
    assert "10 working days" in text and "25 working days" in text

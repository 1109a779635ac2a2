"""A year is provisional until the organisation file lists it as published (`report: published`):
a provisional year is never the home page's headline, its report says plainly that its figures are
incomplete and will change, and its columns are marked wherever they are compared (issue 16 point 5).

Each council here is a copy of its records with one formal complaint of a new year added, as an
officer would add the first record of the year."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from generator.githistory import NO_HISTORY
from generator.pages.home import headline_report
from generator.records import load_records
from generator.site import HandWritten, site_files, year_reports

pytestmark = pytest.mark.slow  # four small sites built, charts and all

PROJECT = Path(__file__).resolve().parents[1]
WALES = PROJECT / "tests" / "fixtures" / "wales"
FIRST_OF_2020 = """id: C-2020-0001
kind: complaint
disposition: accepted
received: 2020-04-06
service_area: chester-rural
subject: issues-with-provider
receipt_point: customer-relations
receipt_method: online
complainant: care-recipient
advocate: false
joint_with_nhs: false
commissioned_provider: true
stages:
  - stage: local
    acknowledged: 2020-04-07
    responded: 2020-04-20
    outcome: upheld
summary: Care recipient said the agency gave too little notice before ending the care package.
"""


def council(tmp_path: Path, source: Path, published: str | None = None) -> Path:
    """A copy of a council's records with the first complaint of 2020-21 added (demo only), and
    `published` in place of the organisation's own list."""
    root = tmp_path / source.name
    shutil.copytree(source / "records", root / "records")
    if source == PROJECT:
        (root / "records" / "cases" / "2020-21").mkdir()
        (root / "records" / "cases" / "2020-21" / "C-2020-0001.yaml").write_text(FIRST_OF_2020)
    if published is not None:
        organisation = root / "records" / "organisation.yaml"
        text = re.sub(r"(?m)^report:\n(  .*\n)+", "", organisation.read_text())
        organisation.write_text(text + f"report:\n  published: {published}\n")
    return root


def pages(root: Path) -> dict[str, str]:
    """The site's pages in Markdown, escapes undone ('2019\\-20' is 2019-20 in the page)."""
    records = load_records(root)
    files = site_files(records, hand_written=HandWritten("docs", {}, {}), as_of=date(2020, 4, 30),
                       changed_since=date(2020, 4, 1), record_history=NO_HISTORY)
    return {file.path: str(file.content).replace("\\-", "-") for file in files if file.is_page}


def test_a_new_part_year_is_provisional_and_not_the_headline(tmp_path: Path) -> None:
    root = council(tmp_path, PROJECT)  # the demo lists 2019-20 as published
    reports = year_reports(load_records(root))
    assert [(r.year, r.provisional) for r in reports] == [
        ("2020-21", True), ("2019-20", False), ("2018-19", False), ("2017-18", False)]  # history: final
    assert headline_report(reports).year == "2019-20"

    site = pages(root)
    home = site["index.md"]
    assert "headline figures for 2019-20, the latest year whose report is final" in home  # one line: trimmed
    assert "[Read the 2019-20 report]" in home
    assert '!!! warning "2020-21: provisional figures"' in home
    assert "figures are incomplete and will change" in home
    # the 2019-20 cards (35 complaints, 23% upheld), not the part-year's one complaint, 100% upheld
    assert '<span class="candour-headline">35</span>' in home
    assert '<span class="candour-headline">100%</span>' not in home

    report = site["reports/2020-21/index.md"]
    assert '!!! warning "Provisional: these figures are incomplete and will change"' in report
    assert "2020-21 (provisional)" in report  # its columns, beside the final years'
    assert "2019-20 (provisional)" not in report
    assert "Provisional" not in site["reports/2019-20/index.md"]
    assert "2020-21 (provisional: figures incomplete)" in site["reports/index.md"]


def test_a_year_becomes_final_when_the_organisation_lists_it(tmp_path: Path) -> None:
    root = council(tmp_path, PROJECT, published="[2019-20, 2020-21]")
    site = pages(root)
    assert "for 2020-21, the latest year whose report is final" in site["index.md"]
    assert "provisional" not in site["index.md"].lower()
    assert "Provisional" not in site["reports/2020-21/index.md"]


@pytest.mark.parametrize("published", [None, "[]"])
def test_a_council_with_no_year_published_headlines_none(tmp_path: Path, published: str | None) -> None:
    """The Welsh fixture council lists no published year: its one year of cases is provisional."""
    root = council(tmp_path, WALES, published)
    reports = year_reports(load_records(root))
    assert [(r.year, r.provisional) for r in reports] == [("2023-24", True)]
    home = pages(root)["index.md"]
    assert "No year's report is final yet." in home
    assert '!!! warning "2023-24: provisional figures"' in home
    assert "candour-headline" not in home

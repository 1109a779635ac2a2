"""A provisional year is not compared as if final (issue 16 point 5): its report gives no change on
the year before, neither as a table's change column nor as a named change for the commentary, and
each table that would have had one says why. Once the organisation file lists the year as
published, the same records give the changes. The expected figures are counted by hand from the
fixtures' case records."""

from __future__ import annotations

import functools
import re
import shutil
from pathlib import Path

import pytest

from generator.figures.provisional import no_change_note
from generator.figures.report import YearReport, year_report
from generator.figures.table import Change, Table
from generator.records import load_records
from generator.views.html_table import table_html

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@functools.cache
def as_kept(fixture: str) -> YearReport:
    return year_report(load_records(FIXTURES / fixture), "2023-24")


def report_of(fixture: str, tmp_path: Path, published: str | None = None) -> YearReport:
    """The fixture's 2023-24 report (both its years published); `published` lists the years its
    organisation file publishes instead."""
    if published is None:
        return as_kept(fixture)
    root = tmp_path / fixture
    shutil.copytree(FIXTURES / fixture / "records", root / "records")
    organisation = root / "records" / "organisation.yaml"
    text = organisation.read_text(encoding="utf-8")
    text, found = re.subn(r"(?m)^  published: .*$", f"  published: {published}", text)
    assert found == 1, f"{organisation} lists no published years"
    organisation.write_text(text, encoding="utf-8")
    return year_report(load_records(root), "2023-24")


def column(table: Table, key: str) -> dict[str, object]:
    index = [c.key for c in table.columns].index(key)
    return {row.key: row.cells[index] for row in table.rows}


def test_a_provisional_years_tables_have_no_change_column_and_say_why(tmp_path: Path) -> None:
    # The Welsh social services fixture with only 2022-23 published: 2023-24 is provisional.
    report = report_of("wales-social-services", tmp_path, published="[2022-23]")
    assert report.provisional
    groups = report.table("service_groups")
    assert [c.measure for c in groups.columns] == ["share", "share", "share"]  # 2023-24, 2022-23, 2021-22
    assert no_change_note("2023-24") in groups.notes
    assert "Change on" not in table_html(groups, "service-groups", {"2023-24"})
    # Its counts stay: 2 of 5 complaints about adults' services in 2023-24, 1 of 2 in 2022-23.
    assert column(groups, "2023-24")["total"] == 5 and column(groups, "2022-23")["total"] == 2
    assert not any(c.measure == "change" for table in report.tables for c in table.columns)


@pytest.mark.parametrize("fixture", ["england", "wales-social-services"])
def test_a_provisional_year_names_no_change_for_the_commentary(fixture: str, tmp_path: Path) -> None:
    figures = report_of(fixture, tmp_path, published="[2022-23]").figures
    changes = {name: value for name, value in figures.items() if name.endswith("_change")}
    assert "complaints_change" in changes
    assert set(changes.values()) == {None}, changes


def test_once_published_the_same_records_give_the_change_columns(tmp_path: Path) -> None:
    report = report_of("wales-social-services", tmp_path)
    assert not report.provisional
    groups = report.table("service_groups")
    # Adults: older people 1 in 2022-23; learning disability 1 and older people 1 in 2023-24 (the
    # withdrawn one not counted). Children: child protection 1; child protection 1, looked-after 2.
    assert column(groups, "change 2022-23 to 2023-24") == {
        "group:adults": Change(1, 2), "group:children": Change(1, 3), "total": Change(2, 5)}
    assert no_change_note("2023-24") not in groups.notes
    assert "Change on 2022-23" in table_html(groups, "service-groups")
    assert report.figures["complaints_change"] == Change(2, 5)


def test_once_published_england_gives_its_named_changes(tmp_path: Path) -> None:
    figures = report_of("england", tmp_path).figures
    # Statutory complaints accepted: 2 in 2022-23, 4 in 2023-24 (one more was ineligible).
    assert figures["complaints_change"] == Change(2, 4)

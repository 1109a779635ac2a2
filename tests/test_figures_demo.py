"""The demo records give back, figure for figure, tables 1-10 of the published 2019-20 report
(seed 001), with its two earlier years, the ombudsman's decisions and the £2,900 remedies total."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from generator.figures.report import YearReport, report_years, year_report
from generator.figures.table import Change, Money, Share, Table
from generator.model import Records
from generator.pages.methodology import anchors, methodology_page
from generator.records import load_records

ROOT = Path(__file__).resolve().parent.parent
YEARS = ("2019-20", "2018-19", "2017-18")


@cache
def demo() -> Records:
    return load_records(ROOT)


@cache
def report() -> YearReport:
    return year_report(demo(), "2019-20")


def published(table_id: str) -> dict[str, tuple[object, ...]]:
    """A table as {row key: (2019-20, 2018-19, 2017-18)}, shares as their counts."""
    table = report().table(table_id)
    keys = [column.key for column in table.columns]
    indexes = [keys.index(year) for year in YEARS]
    return {row.key: tuple(_count(row.cells[i]) for i in indexes) for row in table.rows}


def _count(cell: object) -> object:
    return cell.part if isinstance(cell, Share) else cell


def test_years() -> None:
    assert report_years(demo()) == ["2017-18", "2018-19", "2019-20"]
    assert report().years_compared == YEARS
    assert report().source == "cases"


def test_table_1_representations() -> None:
    rows = published("representations")
    assert rows["complaints"] == (35, 30, 39)
    assert rows["request-for-service"] == (24, 33, 36)
    assert rows["withdrawn"] == (6, 7, 9)
    assert rows["ineligible"] == (21, 20, 22)
    assert rows["total"] == (86, 90, 106)


def test_table_2_outcomes() -> None:
    rows = published("outcomes")
    assert rows["upheld"] == (8, 11, 10)
    assert rows["partially-upheld"] == (14, 9, 21)
    assert rows["not-upheld"] == (12, 10, 8)
    assert rows["outstanding"] == (1, 0, 0)
    assert rows["total"] == (35, 30, 39)
    table = report().table("outcomes")
    assert table.rows[0].cells[0] == Share(8, 35)
    assert any(note.startswith("2017-18 as published: Not upheld") for note in table.faults)


SERVICE_AREAS = {
    "northwich-winsford": (1955, 4, 1, 5), "chester-rural": (3975, 19, 12, 20),
    "learning-disability": (1266, 2, 3, 2), "occupational-therapy": (4991, 1, 2, 0),
    "review-team": (111, 0, 0, 1), "reablement": (526, 0, 1, 0), "community-mental-health": (648, 0, 4, 8),
    "hospitals": (1736, 5, 3, 1), "safeguarding": (30, 2, 0, 0), "client-finance": (0, 1, 1, 1),
    "commissioned-providers": (0, 0, 0, 1), "strategic-commissioning": (42, 0, 1, 0),
    "transition": (None, 0, 1, 0), "emergency-duty": (44, 0, 1, 0), "community-access": (2336, 0, 0, 1),
    "solutions": (231, 0, 0, 0), "other": (644, 1, 0, 0), "total": (18535, 35, 30, 39),
}


def test_table_3_service_areas_with_customers_and_the_2017_18_fault() -> None:
    table = report().table("service_areas")
    customers = [c.key for c in table.columns].index("customers")
    rows = published("service_areas")
    for key, (served, *counts) in SERVICE_AREAS.items():
        row = next(row for row in table.rows if row.key == key)
        assert (row.cells[customers], *rows[key]) == (served, *counts), key
    assert "2017-18 as published: the rows add up to 40 but the published total was 39." in table.faults
    assert report().figures["complaints_per_1000"].base == 18535
    assert report().figures["customers"] == 18535


def test_table_4_subjects_and_the_2018_19_fault() -> None:
    rows = published("subjects")
    assert rows["standard-quality"] == (23, 21, 25)
    assert rows["ignoring-concerns"] == (1, 1, 2)
    assert rows["appropriateness-of-service"] == (1, 1, 0)
    assert rows["issues-with-provider"] == (8, 3, 5)
    assert rows["inaccuracies-in-assessments"] == (3, 0, 1)
    assert rows["lack-of-support"] == (8, 13, 12)
    assert rows["standard-of-care"] == (2, 3, 5)
    assert rows["social-worker-attitude"] == (1, 2, 1)
    assert rows["social-worker-communication"] == (7, 1, 1)
    assert rows["financial-cost"] == (4, 2, 12)
    assert rows["total"] == (35, 30, 39)
    notes = report().table("subjects").faults
    assert "2018-19 as published: the rows add up to 26 but the published total was 30." in notes


def test_table_5_response_times() -> None:
    rows = published("response_times")
    assert rows["0-20"] == (7, 6, 8)
    assert rows["21-40"] == (10, 11, 9)
    assert rows["41-60"] == (6, 5, 8)
    assert rows["61-80"] == (6, 3, 2)
    assert rows["81-100"] == (2, 1, 2)
    assert rows["over-100"] == (3, 4, 10)
    assert rows["still-open"] == (1, 0, 0)
    assert rows["total"] == (35, 30, 39)
    assert report().figures["still_open"] == 1
    assert report().figures["within_target_share"] == Share(7, 34)


def test_tables_6_and_7_receipt() -> None:
    points = published("receipt_points")
    keys = ("service-area", "customer-relations", "director", "chief-executive", "other", "total")
    expected = [(7, 5, 10), (23, 23, 28), (2, 1, 0), (0, 1, 0), (3, 0, 1), (35, 30, 39)]
    assert [points[k] for k in keys] == expected
    methods = published("receipt_methods")
    assert [methods[k] for k in ("letter", "telephone", "email", "online", "feedback-form", "total")] == [
        (2, 6, 9), (1, 4, 4), (22, 12, 21), (9, 6, 4), (1, 2, 1), (35, 30, 39)]


def test_table_8_compliments() -> None:
    assert published("compliments")["compliments"] == (93, 136, 310)
    assert report().figures["compliments_change"] == Change(136, 93)


def test_table_9_compliments_by_team() -> None:
    rows = published("compliments_by_team")
    expected = {
        "northwich-winsford": (3, 2, 18), "chester-rural": (6, 15, 9), "learning-disability": (1, 0, 10),
        "occupational-therapy": (1, 1, 0), "community-access": (3, 3, 3), "reablement": (9, 0, 0),
        "community-mental-health": (0, 3, 0), "emergency-duty": (0, 0, 0), "hospitals": (6, 11, 3),
        "safeguarding": (1, 0, 2), "review-team": (2, None, None), "client-finance": (0, 0, 1),
        "commissioned-providers": (61, 101, 264), "total": (93, 136, 310),
    }
    assert {key: rows[key] for key in expected} == expected


def test_table_10_complainants_and_advocacy() -> None:
    rows = published("complainants")
    expected = {
        "care-recipient": (11, 9, 11), "parent": (2, 3, 5), "grandchild": (0, 0, 0),
        "husband-wife": (0, 1, 3),
        "sibling": (2, 2, 2), "executor": (0, 0, 0), "son-daughter": (16, 12, 16),
        "advocacy-service": (4, 2, 1), "friend": (0, 0, 1), "unknown": (0, 1, 0), "total": (35, 30, 39),
    }
    assert rows == expected
    assert published("advocacy")["advocacy-service"] == (4, 2, 1)


def test_ombudsman_decisions_and_remedies() -> None:
    figures = report().figures
    assert (figures["ombudsman_received"], figures["ombudsman_decided"]) == (14, 14)
    rows = published("ombudsman")
    assert rows["closed-after-initial-enquiries"][0] == 4
    assert rows["invalid"][0] == 1
    assert rows["premature-referred-back"][0] == 2
    assert rows["advice-given"][0] == 1
    assert rows["upheld-maladministration-injustice"][0] + rows["upheld-injustice-remedied"][0] == 6
    assert rows["upheld-maladministration-injustice"][0] == 5
    assert rows["total"] == (14, 16, None)
    assert figures["ombudsman_upheld"] == 6
    assert figures["ombudsman_remedies_total"] == Money(Decimal(2900))
    remedies = report().table("ombudsman_remedies").rows
    amounts = sorted(row.cells[0].amount for row in remedies if not row.is_total)
    assert amounts == [100, 250, 250, 250, 300, 500, 500, 750]
    other = {row.label: row.cells[0] for row in report().table("ombudsman_other_remedies").rows}
    assert other["Apology"] == 6


def test_named_figures_match_the_seed_text() -> None:
    figures = report().figures
    assert figures["complaints"] == 35
    assert figures["complaints_previous"] == 30
    assert figures["complaints_change"] == Change(30, 35)  # +17%
    assert figures["representations"] == 86
    assert (figures["requests_for_service"], figures["withdrawn"], figures["ineligible"]) == (24, 6, 21)
    assert (figures["upheld"], figures["partially_upheld"], figures["not_upheld"]) == (8, 14, 12)


def test_earlier_years_have_their_own_reports() -> None:
    earlier = year_report(demo(), "2018-19")
    assert earlier.source == "history"
    assert earlier.figures["complaints"] == 30
    assert earlier.figures["ombudsman_received"] == 16
    assert earlier.figures["ombudsman_remedies_total"] is None
    assert "themes" not in [t.id for t in earlier.tables]  # nothing reported in any of its years


@pytest.mark.parametrize("year", YEARS)
def test_every_table_links_to_a_methodology_anchor(year: str) -> None:
    offered = anchors(methodology_page(demo().organisation))
    tables: tuple[Table, ...] = year_report(demo(), year).tables
    assert {table.definition for table in tables} <= offered

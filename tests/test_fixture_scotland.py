"""A Scottish council on the SPSO's model complaints handling procedure (tests/fixtures/scotland):
Stage 1 frontline response in 5 working days, Stage 2 investigation in 20, one complaint
escalated, one straight to Stage 2, Scotland's bank holidays. Every expected figure is counted by
hand from the fixture's records: the comments name the cases."""

from __future__ import annotations

from decimal import Decimal

from fixture_reports import column, fixture, report, table_ids

from generator.figures.table import Days, Share
from generator.pages.methodology import anchors, methodology_page

SCOTLAND = "scotland"
YEAR = "2023-24"


def test_the_spso_procedure_is_the_default() -> None:
    organisation = fixture(SCOTLAND).organisation
    stages = [(s.id, s.respond_working_days, s.extended_working_days) for s in organisation.stages]
    assert stages == [("frontline", 5, 10), ("investigation", 20, None)]
    assert organisation.ombudsman_name == "Scottish Public Services Ombudsman"
    assert organisation.bank_holidays_subdivision == "SCT"


def test_stages_with_escalated_and_direct_complaints() -> None:
    # Frontline: 0001 (5 days, the 7 August holiday skipped), 0003 (6), 0004 (2), 0005 (open),
    # 0006 (4). Investigation: 0001 escalated (20 days), 0002 direct (18, St Andrew's Day skipped),
    # 0006 escalated and open.
    assert column(SCOTLAND, YEAR, "stages") == {
        "frontline": 5, "frontline:within-target": Share(3, 4), "frontline:open": 1,
        "investigation": 3, "investigation:escalated": 2, "investigation:direct": 1,
        "investigation:within-target": Share(2, 2), "investigation:open": 1, "ombudsman": 1,
    }


def test_outcomes_at_the_first_stage_and_by_stage() -> None:
    # First stage reached: 0001 not upheld, 0002 upheld (at investigation), 0003 upheld,
    # 0004 resolved, 0005 open, 0006 not upheld.
    assert column(SCOTLAND, YEAR, "outcomes") == {
        "upheld": Share(2, 6), "partially-upheld": Share(0, 6), "not-upheld": Share(2, 6),
        "resolved": Share(1, 6), "outstanding": Share(1, 6), "upheld-in-full-or-in-part": Share(2, 6),
        "total": 6,
    }
    by_stage = column(SCOTLAND, YEAR, "outcomes_by_stage")
    assert by_stage["investigation:upheld-in-full-or-in-part"] == Share(2, 3)  # 0001 partially, 0002 upheld
    assert by_stage["frontline:resolved"] == Share(1, 5)
    assert by_stage["total"] == 8


def test_bands_follow_the_five_day_target() -> None:
    # The frontline responses: 0001 in 5, 0003 in 6, 0004 in 2, 0006 in 4; 0005 still open.
    # 0002 went straight to the investigation: it is not a first-stage response at all.
    assert column(SCOTLAND, YEAR, "response_times") == {
        "0-5": 3, "6-10": 1, "11-15": 0, "16-20": 0, "21-25": 0, "over-25": 0, "still-open": 1, "total": 5}
    # Responses 5, 6, 2 and 4 working days: 3 within 5, median (4 + 5) / 2.
    assert column(SCOTLAND, YEAR, "response_summary") == {
        "within-target": Share(3, 4), "median": Days(Decimal("4.5")), "still-open": 1}


def test_a_direct_stage_2_is_banded_against_the_stage_2_target() -> None:
    # Frontline as above. Investigation: 0001 escalated, 20 days; 0002 direct, 18 days (inside
    # 0-20, not "16-20" of the frontline's bands); 0006 escalated, still open.
    assert column(SCOTLAND, YEAR, "stage_response_times") == {
        "frontline": 5, "frontline:0-5": 3, "frontline:6-10": 1, "frontline:11-15": 0,
        "frontline:16-20": 0, "frontline:21-25": 0, "frontline:over-25": 0, "frontline:still-open": 1,
        "investigation": 3, "investigation:0-20": 2, "investigation:21-40": 0, "investigation:41-60": 0,
        "investigation:61-80": 0, "investigation:81-100": 0, "investigation:over-100": 0,
        "investigation:still-open": 1, "total": 8,
    }


def test_an_extension_at_the_frontline() -> None:
    assert column(SCOTLAND, YEAR, "extensions") == {
        "frontline:extended": 1, "frontline:within-extended": Share(1, 1),  # 0003: 6 of 10 agreed
        "investigation:extended": 0, "investigation:within-extended": None,
    }


def test_compliments_and_what_it_does_not_record() -> None:
    # CPL-2023-0001 home support, CPL-2023-0002 day services: each half of the 2; no year before,
    # so no change column.
    assert column(SCOTLAND, YEAR, "compliments_by_team") == {
        "home-support": Share(1, 2), "day-services": Share(1, 2), "total": 2}
    assert [c.key for c in report(SCOTLAND, YEAR).table("compliments_by_team").columns] == [YEAR]
    ids = table_ids(SCOTLAND, YEAR)
    assert "complainants" not in ids and "advocacy" not in ids and "receipt_points" not in ids
    assert report(SCOTLAND, YEAR).years_compared == ("2023-24",)


def test_the_methodology_gives_each_stages_bands() -> None:
    page = methodology_page(fixture(SCOTLAND).organisation)
    text = str(page.content).replace("\N{EN DASH}", "-")
    assert "0-5, 6-10, 11-15, 16-20, 21-25 and over 25 working days" in text  # the frontline's 5 days
    assert "- **Stage 2: investigation**: 0-20, 21-40, 41-60, 61-80, 81-100 and over 100 working" in text
    assert {table.definition for table in report(SCOTLAND, YEAR).tables} <= anchors(page)


def test_requests_for_service_are_a_kind_of_their_own() -> None:
    # Complaints 0001 to 0006; C-2023-0007 a request for service: each a share of the 7.
    assert column(SCOTLAND, YEAR, "representations") == {
        "complaints": Share(6, 7), "request-for-service": Share(1, 7), "withdrawn": Share(0, 7),
        "ineligible": Share(0, 7), "ineligible:adult-protection": Share(0, 7), "total": 7,
    }
    table = report(SCOTLAND, YEAR).table("representations")
    assert {row.key: row.label for row in table.rows}["request-for-service"] == "Requests for service"
    assert "Each share is of all representations considered in the year (the total row)." in table.notes
    figures = report(SCOTLAND, YEAR).figures
    assert (figures["requests_for_service"], figures["requests_for_service_share"]) == (1, Share(1, 7))
    assert figures["requests_for_service_change"] is None  # no year before
    text = str(methodology_page(fixture(SCOTLAND).organisation).content)
    assert "- **Requests for service**: A first request for a service or a change to one" in text

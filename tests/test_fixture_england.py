"""An English council on its first two years of records (tests/fixtures/england): informal
complaints with its own definition, no compliment or receipt-point records, outcomes reported as
"upheld in full or in part". Every expected figure is counted by hand from the fixture's records:
the comments name the cases."""

from __future__ import annotations

from decimal import Decimal

from fixture_reports import column, fixture, report, table_ids

from generator.figures.table import Change, Days, Money, Rate, Share
from generator.pages.methodology import methodology_page

ENGLAND = "england"
YEAR = "2023-24"


def test_only_the_years_with_records_are_compared() -> None:
    # Records begin in 2022-23: no column of n/a for 2021-22.
    assert report(ENGLAND, YEAR).years_compared == ("2023-24", "2022-23")
    assert report(ENGLAND, "2022-23").years_compared == ("2022-23",)


def test_representations_count_informal_complaints_as_their_own_kind() -> None:
    # 2023-24: complaints C-2023-0001..0004; informal C-2023-0005, 0006; C-2023-0007 to safeguarding.
    # Each a share of the year's 7 representations.
    assert column(ENGLAND, YEAR, "representations") == {
        "complaints": Share(4, 7), "informal-complaint": Share(2, 7), "withdrawn": Share(0, 7),
        "ineligible": Share(1, 7), "ineligible:safeguarding": Share(1, 7), "total": 7,
    }
    # 2022-23: complaints C-2022-0001, 0002; informal C-2022-0003.
    assert column(ENGLAND, YEAR, "representations", "2022-23") == {
        "complaints": Share(2, 3), "informal-complaint": Share(1, 3), "withdrawn": Share(0, 3),
        "ineligible": Share(0, 3), "ineligible:safeguarding": Share(0, 3), "total": 3,
    }
    assert column(ENGLAND, YEAR, "representations", "change 2022-23 to 2023-24") == {
        "complaints": Change(2, 4), "informal-complaint": Change(1, 2), "withdrawn": None,
        "ineligible": None, "ineligible:safeguarding": None, "total": Change(3, 7),
    }
    figures = report(ENGLAND, YEAR).figures
    assert (figures["informal_complaints"], figures["informal_complaints_share"]) == (2, Share(2, 7))
    assert figures["informal_complaints_change"] == Change(1, 2)
    labels = {row.key: row.label for row in report(ENGLAND, YEAR).table("representations").rows}
    assert labels["complaints"] == "Statutory complaints accepted"
    assert labels["informal-complaint"] == "Informal complaints"


def test_outcomes_with_upheld_in_full_or_in_part() -> None:
    # Upheld: 0002, 0004; partially: 0001; not upheld: 0003. In full or in part: 3 of 4.
    assert column(ENGLAND, YEAR, "outcomes") == {
        "upheld": Share(2, 4), "partially-upheld": Share(1, 4), "not-upheld": Share(1, 4),
        "outstanding": Share(0, 4), "upheld-in-full-or-in-part": Share(3, 4), "total": 4,
    }
    assert column(ENGLAND, YEAR, "outcomes", "2022-23")["upheld-in-full-or-in-part"] == Share(1, 2)
    figures = report(ENGLAND, YEAR).figures
    assert figures["upheld_in_full_or_part"] == 3
    assert figures["upheld_in_full_or_part_share"] == Share(3, 4)
    assert figures["informal_complaints"] == 2
    assert figures["complaints_change"] == Change(2, 4)


def test_service_areas_with_rates() -> None:
    # Home care: 0001, 0004 of 500 customers; assessment: 0002, 0003 of 1,000.
    assert column(ENGLAND, YEAR, "service_areas") == {
        "home-care": Share(2, 4), "assessment": Share(2, 4), "total": 4}
    # 2022-23: home care C-2022-0001, assessment C-2022-0002.
    assert column(ENGLAND, YEAR, "service_areas", "change 2022-23 to 2023-24") == {
        "home-care": Change(1, 2), "assessment": Change(1, 2), "total": Change(2, 4)}
    rates = column(ENGLAND, YEAR, "service_areas", "2023-24 rate")
    assert rates == {"home-care": Rate(2, 500), "assessment": Rate(2, 1000), "total": Rate(4, 1500)}


def test_response_times_in_working_days() -> None:
    # 0001: 17 (Good Friday and Easter Monday skipped); 0002: 20; 0003: 30; 0004: 20.
    assert column(ENGLAND, YEAR, "response_times") == {
        "0-20": 3, "21-40": 1, "41-60": 0, "61-80": 0, "81-100": 0, "over-100": 0,
        "still-open": 0, "total": 4,
    }
    # 2022-23: 18; and 28, the Queen's funeral (19 September 2022) skipped.
    assert column(ENGLAND, YEAR, "response_times", "2022-23")["0-20"] == 1
    assert column(ENGLAND, YEAR, "response_times", "2022-23")["21-40"] == 1
    assert column(ENGLAND, YEAR, "response_summary") == {
        "within-target": Share(3, 4), "median": Days(Decimal(20)), "still-open": 0}
    assert column(ENGLAND, YEAR, "response_summary", "2022-23")["median"] == Days(Decimal("23"))


def test_extensions_and_acknowledgement() -> None:
    # 0003 had 35 days agreed and took 30.
    assert column(ENGLAND, YEAR, "extensions") == {"local:extended": 1, "local:within-extended": Share(1, 1)}
    # 0003 was acknowledged after 4 working days, the others within 3.
    assert column(ENGLAND, YEAR, "acknowledgements") == {
        "in-time": Share(3, 4), "late": Share(1, 4), "not-recorded": Share(0, 4), "total": 4}


def test_sections_it_does_not_record_are_left_out() -> None:
    ids = table_ids(ENGLAND, YEAR)
    assert "compliments" not in ids and "compliments_by_team" not in ids
    assert "receipt_points" not in ids
    assert report(ENGLAND, YEAR).figures["compliments"] is None  # no "0 compliments" headline
    assert column(ENGLAND, YEAR, "receipt_methods") == {"email": 2, "telephone": 2, "total": 4}
    assert column(ENGLAND, YEAR, "complainants") == {
        "self": 1, "relative": 2, "advocate-service": 1, "total": 4}


def test_the_ombudsman() -> None:
    assert column(ENGLAND, YEAR, "ombudsman_summary")["upheld"] == 1
    assert report(ENGLAND, YEAR).figures["ombudsman_remedies_total"] == Money(Decimal(150))


def test_its_own_words_reach_the_pages() -> None:
    organisation = fixture(ENGLAND).organisation
    assert organisation.title == "Adult social care complaints"
    text = str(methodology_page(organisation).content)
    assert "A concern the service put right within five working days" in text
    assert "Statutory complaints" in text

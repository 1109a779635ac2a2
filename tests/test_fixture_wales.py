"""A Welsh council reporting adults' and children's social services (tests/fixtures/
wales-social-services): Stage 1 and Stage 2, enquiries, an "other" outcome, a Stage 2 received in
2023-24 for a complaint first made in 2022-23, and two earlier years as history (one published
as percentages, one with a row not reported). Every expected figure is counted by hand from the
fixture's records: the comments name the cases."""

from __future__ import annotations

from decimal import Decimal

from fixture_reports import column, fixture, report, table_ids

from generator.figures.table import Change, Days, Percent, Share
from generator.pages.figure_names import figure_names_page

WALES = "wales-social-services"
YEAR = "2023-24"


def test_wording_and_years() -> None:
    organisation = fixture(WALES).organisation
    assert organisation.services_name == "social services"
    assert organisation.title == "Social services complaints and compliments"
    assert [stage.id for stage in organisation.stages] == ["stage-1", "stage-2"]  # Wales's defaults
    assert report(WALES, YEAR).years_compared == ("2023-24", "2022-23", "2021-22")


def test_representations_with_enquiries_and_history() -> None:
    # Complaints 0001-0005, enquiries 0006-0008, 0009 withdrawn, 0010 to the corporate procedure.
    # Each a share of all 10 representations.
    assert column(WALES, YEAR, "representations") == {
        "complaints": Share(5, 10), "enquiry": Share(3, 10), "withdrawn": Share(1, 10),
        "ineligible": Share(1, 10), "ineligible:safeguarding": Share(0, 10),
        "ineligible:corporate": Share(1, 10), "total": 10,
    }
    assert column(WALES, YEAR, "representations", "2021-22") == {
        "complaints": Share(9, 33), "enquiry": Share(21, 33), "withdrawn": Share(1, 33),
        "ineligible": Share(2, 33), "ineligible:safeguarding": None, "ineligible:corporate": None,
        "total": 33,
    }
    # 2022-23: complaints C-2022-0001 and 0002, enquiries 0003 and 0004; none withdrawn or
    # ineligible, so those rows have no change to give.
    assert column(WALES, YEAR, "representations", "change 2022-23 to 2023-24") == {
        "complaints": Change(2, 5), "enquiry": Change(2, 3), "withdrawn": None, "ineligible": None,
        "ineligible:safeguarding": None, "ineligible:corporate": None, "total": Change(4, 10),
    }
    assert "Each share is of all representations considered in the year (the total row)." in (
        report(WALES, YEAR).table("representations").notes)
    figures = report(WALES, YEAR).figures
    assert (figures["enquiries"], figures["enquiries_share"]) == (3, Share(3, 10))


def test_outcomes_at_the_first_stage_with_other() -> None:
    # Stage 1 of 0001 upheld, 0002 not upheld, 0003 partially, 0004 other, 0005 open.
    assert column(WALES, YEAR, "outcomes") == {
        "upheld": Share(1, 5), "partially-upheld": Share(1, 5), "not-upheld": Share(1, 5),
        "other": Share(1, 5), "outstanding": Share(1, 5), "upheld-in-full-or-in-part": Share(2, 5),
        "total": 5,
    }
    # 2021-22 did not report "other": shown as not reported, and no fault for it.
    earlier = column(WALES, YEAR, "outcomes", "2021-22")
    assert earlier["other"] is None
    assert (earlier["upheld-in-full-or-in-part"], earlier["total"]) == (Share(5, 9), 9)
    assert report(WALES, YEAR).table("outcomes").faults == ()


def test_stages_counted_in_the_year_each_was_received() -> None:
    # Stage 2 of C-2022-0002 was received on 3 April 2023: counted in 2023-24 (25 working days,
    # within target); Stage 2 of C-2023-0002 took 29, over the 25-day target.
    assert column(WALES, YEAR, "stages") == {
        "stage-1": 5, "stage-1:within-target": Share(4, 4), "stage-1:open": 1,
        "stage-2": 2, "stage-2:escalated": 2, "stage-2:direct": 0, "stage-2:within-target": Share(1, 2),
        "stage-2:open": 0, "ombudsman": 1,
    }
    # 2022-23: Stage 1 of C-2022-0001 (9 days) and C-2022-0002 (12); Stage 2 of C-2022-0001 only.
    assert column(WALES, YEAR, "stages", "2022-23") == {
        "stage-1": 2, "stage-1:within-target": Share(1, 2), "stage-1:open": 0,
        "stage-2": 1, "stage-2:escalated": 1, "stage-2:direct": 0, "stage-2:within-target": Share(1, 1),
        "stage-2:open": 0, "ombudsman": 0,
    }
    assert column(WALES, YEAR, "stages", "2021-22")["stage-2"] == 2
    assert any("counted at each stage" in note for note in report(WALES, YEAR).table("stages").notes)


def test_outcomes_by_stage() -> None:
    by_stage = column(WALES, YEAR, "outcomes_by_stage")
    assert by_stage["stage-2"] == 2
    assert by_stage["stage-2:not-upheld"] == Share(1, 2)  # C-2023-0002
    assert by_stage["stage-2:other"] == Share(1, 2)  # C-2022-0002
    assert by_stage["stage-2:upheld-in-full-or-in-part"] == Share(0, 2)
    assert by_stage["total"] == 7  # five Stage 1s and two Stage 2s
    assert column(WALES, YEAR, "outcomes_by_stage", "2022-23")["stage-2:partially-upheld"] == Share(1, 1)


def test_service_groups_with_subtotals_and_change() -> None:
    # Adults: 0001 older people, 0002 learning disability; children: 0003, 0004, 0005.
    assert column(WALES, YEAR, "service_areas") == {
        "group:adults": Share(2, 5), "older-people": Share(1, 5), "learning-disability": Share(1, 5),
        "group:children": Share(3, 5), "child-protection": Share(1, 5), "looked-after": Share(2, 5),
        "total": 5,
    }
    # 2022-23: C-2022-0001 older people, C-2022-0002 child protection; an area with none then
    # has no change to give.
    assert column(WALES, YEAR, "service_areas", "change 2022-23 to 2023-24") == {
        "group:adults": Change(1, 2), "older-people": Change(1, 1), "learning-disability": None,
        "group:children": Change(1, 3), "child-protection": Change(1, 1), "looked-after": None,
        "total": Change(2, 5),
    }
    assert column(WALES, YEAR, "service_groups") == {
        "group:adults": Share(2, 5), "group:children": Share(3, 5), "total": 5}
    assert column(WALES, YEAR, "service_groups", "change 2022-23 to 2023-24") == {
        "group:adults": Change(1, 2), "group:children": Change(1, 3), "total": Change(2, 5)}
    assert column(WALES, YEAR, "service_groups", "2021-22") == {
        "group:adults": Share(6, 9), "group:children": Share(3, 9), "total": 9}


def test_figure_names_for_its_groups_stages_and_kinds() -> None:
    figures = report(WALES, YEAR).figures
    assert (figures["complaints_adults"], figures["complaints_children"]) == (2, 3)
    assert figures["complaints_children_change"] == Change(1, 3)
    assert figures["complaints_adults_share"] == Share(2, 5)
    # Older people: C-2023-0001 this year, C-2022-0001 the year before; looked-after: 0004, 0005.
    assert (figures["service_area_older_people"], figures["service_area_older_people_share"],
            figures["service_area_older_people_change"]) == (1, Share(1, 5), Change(1, 1))
    assert (figures["service_area_looked_after"], figures["service_area_looked_after_change"]) == (2, None)
    assert "compliments_for_older_people" not in figures  # it keeps no compliment records
    assert figures["enquiries_change"] == Change(2, 3)  # 2022-23: C-2022-0003, 0004
    assert figures["stage_2_received"] == 2
    assert figures["stage_2_within_target_share"] == Share(1, 2)
    assert figures["stage_2_extended"] == 1
    assert figures["stage_2_within_extended_share"] == Share(1, 1)


def test_response_bands_follow_the_ten_day_target() -> None:
    # Stage 1: 9 working days for 0001 (the coronation skipped), 0002, 0003 and 0004; 0005 open.
    assert column(WALES, YEAR, "response_times") == {
        "0-10": 4, "11-20": 0, "21-30": 0, "31-40": 0, "41-50": 0, "over-50": 0, "still-open": 1, "total": 5}
    assert column(WALES, YEAR, "response_summary", "2022-23")["median"] == Days(Decimal("10.5"))  # 9 and 12
    # 2021-22 did not report its last band: no sum is checked and no note written.
    assert column(WALES, YEAR, "response_times", "2021-22")["over-50"] is None
    assert report(WALES, YEAR).table("response_times").faults == ()


def test_extensions_per_stage_and_acknowledgement() -> None:
    assert column(WALES, YEAR, "extensions") == {
        "stage-1:extended": 0, "stage-1:within-extended": None,
        "stage-2:extended": 1, "stage-2:within-extended": Share(1, 1)}
    # 0004 acknowledged after 4 working days against a 2-day target.
    assert column(WALES, YEAR, "acknowledgements") == {
        "in-time": Share(4, 5), "late": Share(1, 5), "not-recorded": Share(0, 5), "total": 5}


def test_sections_not_recorded_are_not_shown() -> None:
    ids = table_ids(WALES, YEAR)
    for absent in ("receipt_points", "receipt_methods", "complainants", "advocacy", "compliments"):
        assert absent not in ids


def test_history_as_published_percentages_and_the_officers_own_fault_note() -> None:
    earlier = report(WALES, "2022-23")
    assert earlier.years_compared == ("2022-23", "2021-22", "2020-21")
    outcomes = column(WALES, "2022-23", "outcomes", "2020-21")
    assert outcomes["upheld"] == Percent(Decimal("27.3"), 11)
    assert outcomes["total"] == 11
    faults = earlier.table("representations").faults
    assert faults == (
        "2020-21 as published: the rows add up to 32 but the published total was 33.",
        "2020-21 as published: The report's total of 33 counted one enquiry twice; its rows add up to 32.",
    )


def test_the_figure_names_page_lists_each_rows_share_and_change() -> None:
    page = str(figure_names_page(report(WALES, YEAR), fixture(WALES).organisation).content)
    # Older people: 1 of the 5 complaints (20%), as many as the year before (0%); enquiries 3 of 10.
    rows = {line.split(" | ")[0][3:-1]: line.removesuffix(" |").split(" | ")[1:]
            for line in page.splitlines() if line.startswith("| `")}
    older = "Complaints about Older people"
    assert rows["service_area_older_people_share"] == [
        f"{older}, as a share of the year's total", r"1 \(20%\)"]
    assert rows["service_area_older_people_change"] == [f"{older}: change on the year before", "0%"]
    every = "as a share of every representation considered"
    assert rows["enquiries_share"] == [f"Enquiries, {every}", r"3 \(30%\)"]

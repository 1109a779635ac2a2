"""Tables 1-3 (representations, outcomes, service areas) and the three-year comparison."""

from __future__ import annotations

import pytest
from test_figures_builders import complaint, history, records, representation

from generator.figures.report import report_years, year_report
from generator.figures.table import Rate, Share, Table


def column(table: Table, key: str) -> dict[str, object]:
    """A column of a table as {row key: cell}."""
    index = [c.key for c in table.columns].index(key)
    return {row.key: row.cells[index] for row in table.rows}


def test_representations_counts_every_kind_and_disposition() -> None:
    found = records(
        complaint(), complaint(),
        representation("request-for-service"),
        representation("complaint", "withdrawn"),
        representation("complaint", "ineligible", redirected_to="safeguarding"),
        representation("request-for-service", "ineligible", redirected_to="corporate"),
        representation("complaint", "ineligible", redirected_to="corporate"),
    )
    table = year_report(found, "2019-20").table("representations")
    assert column(table, "2019-20") == {
        "complaints": Share(2, 7), "request-for-service": Share(1, 7), "withdrawn": Share(1, 7),
        "ineligible": Share(3, 7), "ineligible:safeguarding": Share(1, 7),
        "ineligible:corporate": Share(2, 7), "total": 7,
    }
    # The two years before have neither case records nor history: no column for them.
    assert [c.key for c in table.columns] == ["2019-20"]


def test_enquiries_get_a_row_only_when_there_are_some() -> None:
    table = year_report(records(complaint()), "2019-20").table("representations")
    assert "enquiry" not in column(table, "2019-20")
    table = year_report(records(complaint(), representation("enquiry")), "2019-20").table("representations")
    assert column(table, "2019-20")["enquiry"] == Share(1, 2)


def test_outcomes_with_shares_and_still_open() -> None:
    found = records(
        complaint(outcome="upheld"), complaint(outcome="upheld"),
        complaint(outcome="partially-upheld"), complaint(took=None),
    )
    table = year_report(found, "2019-20").table("outcomes")
    assert column(table, "2019-20") == {
        "upheld": Share(2, 4), "partially-upheld": Share(1, 4), "not-upheld": Share(0, 4),
        "outstanding": Share(1, 4), "total": 4, "upheld-in-full-or-in-part": Share(3, 4),
    }
    assert any("2019-20: 1 complaint was still open" in note for note in table.notes)


def test_requests_for_service_are_not_outcomes() -> None:
    found = records(complaint(), representation("request-for-service"))
    assert column(year_report(found, "2019-20").table("outcomes"), "2019-20")["total"] == 1


def test_service_areas_with_groups_customers_and_rates() -> None:
    found = records(complaint(service_area="north"), complaint(service_area="north"),
                    complaint(service_area="finance"))
    table = year_report(found, "2019-20").table("service_areas")
    headings = [row for row in table.rows if row.is_heading]
    assert [row.label for row in headings] == ["Prevention and Wellbeing"]
    assert set(headings[0].cells) == {None}
    assert column(table, "2019-20") == {
        "group:prevention-and-wellbeing": None, "north": Share(2, 3), "south": Share(0, 3),
        "finance": Share(1, 3), "total": 3,
    }
    assert column(table, "customers")["north"] == 2000
    assert column(table, "customers")["total"] == 3000
    rates = column(table, "2019-20 rate")
    assert rates["north"] == Rate(2, 2000)
    assert rates["finance"] == Rate(1, None)  # no customers recorded: no rate
    assert rates["total"] == Rate(3, 3000)
    assert "South Team was formerly known as Southern Patch." in table.notes


def test_earlier_year_rate_uses_history_customers_when_areas_do_not_say() -> None:
    earlier = history("2017-18", customers=5000, service_areas={"rows": {"north": 4, "south": 1}, "total": 5})
    table = year_report(records(complaint(), histories=(earlier,)), "2019-20").table("service_areas")
    assert column(table, "2017-18 rate")["total"] == Rate(5, 5000)
    # 2018-19 knows north's customers but was not reported: no rate column.
    assert "2018-19 rate" not in [c.key for c in table.columns]


def test_complaint_without_service_area_gets_a_not_recorded_row() -> None:
    table = year_report(records(complaint(service_area=None)), "2019-20").table("service_areas")
    assert column(table, "2019-20")["not-recorded"] == Share(1, 1)


def test_year_without_cases_falls_back_to_history() -> None:
    earlier = history("2018-19", representations={
        "rows": {"complaints": 30, "request-for-service": 33, "withdrawn": 7, "ineligible": 20}, "total": 90})
    report = year_report(records(complaint(), histories=(earlier,)), "2019-20")
    table = report.table("representations")
    assert column(table, "2018-19")["complaints"] == Share(30, 90)
    assert column(table, "2018-19")["total"] == 90
    assert column(table, "2018-19")["ineligible:safeguarding"] is None  # not published
    assert report.figures["complaints_previous"] == 30
    assert table.notes == ("Each share is of all representations considered in the year (the total row).",)


def test_history_fault_is_noted_with_the_sums() -> None:
    earlier = history(
        "2017-18", service_areas={"rows": {"north": 30, "south": 10}, "total": 39},
        faults=[{"table": "service_areas", "note": "The rows add up to 40, not 39."}],
    )
    table = year_report(records(complaint(), histories=(earlier,)), "2019-20").table("service_areas")
    assert column(table, "2017-18")["total"] == 39
    assert "2017-18 as published: the rows add up to 40 but the published total was 39." in table.faults


def test_history_fault_whose_rows_add_up_keeps_its_own_words() -> None:
    earlier = history(
        "2018-19", outcomes={"rows": {"upheld": 1, "not-upheld": 1, "outstanding": 0}, "total": 2},
        faults=[{"table": "outcomes", "note": "Shares were printed wrongly."}],
    )
    table = year_report(records(complaint(), histories=(earlier,)), "2019-20").table("outcomes")
    assert "2018-19 as published: Shares were printed wrongly." in table.faults


def test_report_for_a_history_only_year() -> None:
    earlier = history("2018-19", outcomes={"rows": {"upheld": 3, "not-upheld": 1}, "total": 4})
    found = records(complaint(), histories=(earlier,))
    assert report_years(found) == ["2018-19", "2019-20"]
    report = year_report(found, "2018-19")
    assert report.source == "history"
    assert report.years_compared == ("2018-19",)  # no records or history before it
    outcomes = column(report.table("outcomes"), "2018-19")
    assert outcomes["upheld"] == Share(3, 4)
    assert outcomes["partially-upheld"] is None  # the published table did not list it


def test_tables_are_numbered_in_report_order() -> None:
    report = year_report(records(complaint()), "2019-20")
    assert [t.number for t in report.tables] == list(range(1, len(report.tables) + 1))
    assert [t.id for t in report.tables][:3] == ["representations", "outcomes", "service_areas"]


@pytest.mark.parametrize("table_id", ["representations", "outcomes", "service_areas"])
def test_every_table_has_a_definition(table_id: str) -> None:
    assert year_report(records(complaint()), "2019-20").table(table_id).definition


def test_a_service_area_note_is_published_under_the_table() -> None:
    from test_figures_builders import ORGANISATION, organisation

    taxonomies = ORGANISATION["taxonomies"]
    areas = [{**area, "note": "Includes the former Transition Team."} if area["id"] == "north" else area
             for area in taxonomies["service_areas"]]
    org = organisation(taxonomies={**taxonomies, "service_areas": areas})
    table = year_report(records(complaint(service_area="north"), org=org), "2019-20").table("service_areas")
    north = next(area for area in org.service_areas if area.id == "north")
    assert f"{north.name}: Includes the former Transition Team." in table.notes
    assert sum("Includes the former" in note for note in table.notes) == 1

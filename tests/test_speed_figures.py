"""Figures at scale: a build sorts the records into years once and counts each year once, with the
same reports as building each year on its own."""

from __future__ import annotations

import pytest
from test_figures_builders import complaint, compliment, history, ombudsman_case, records

from generator.figures import response_times
from generator.figures.basis import RecordsByYear
from generator.figures.report import numbered_reports, year_report
from generator.site import year_reports
from generator.years import reporting_year


def four_years():
    cases = [complaint(f"{year}-06-03", took=took) for year in (2016, 2017, 2018, 2019) for took in (5, 30)]
    cases.append(complaint("2019-07-01", took=None))
    return records(
        *cases,
        compliments=(compliment("2018-08-14"), compliment("2019-08-14", quote="Thank you.", publish=True)),
        ombudsman_cases=(ombudsman_case("2018-05-10", "2019-09-12"), ombudsman_case("2019-05-10", None)),
        histories=(history("2015-16", customers=900),),
    )


def test_a_build_gives_the_reports_each_year_would_get_on_its_own() -> None:
    found = four_years()
    built = year_reports(found)
    assert [report.year for report in built] == ["2019-20", "2018-19", "2017-18", "2016-17", "2015-16"]
    # numbered alike across the years, as a build numbers them (generator.figures.numbering)
    assert built == numbered_reports([year_report(found, report.year) for report in built])


def test_each_complaint_response_time_is_counted_once_per_build(monkeypatch: pytest.MonkeyPatch) -> None:
    found = four_years()
    counted: list[str] = []
    original = response_times.response_days

    def counting(case, region):  # type: ignore[no-untyped-def]
        counted.append(case.id)
        return original(case, region)

    monkeypatch.setattr(response_times, "response_days", counting)
    year_reports(found)
    # Five reports compare each year up to three times, in two tables: still once each.
    assert sorted(counted) == sorted(case.id for case in found.cases)


def test_ombudsman_cases_fall_in_the_year_decided_as_well_as_the_year_received() -> None:
    found = four_years()
    by_year = RecordsByYear(found)
    decided = [case.id for case in by_year.basis("2019-20").ombudsman_decided]
    received = [case.id for case in by_year.basis("2018-19").ombudsman_received]
    assert decided == received == [found.ombudsman_cases[0].id]
    assert [c.id for c in by_year.basis("2019-20").ombudsman_received] == [found.ombudsman_cases[1].id]
    assert by_year.basis("2018-19").ombudsman_decided == ()


def test_one_basis_per_year_shared_by_the_reports_that_compare_it() -> None:
    by_year = RecordsByYear(four_years())
    newer, older = by_year.compared("2019-20"), by_year.compared("2018-19")
    assert newer[1] is older[0] and newer[2] is older[1]
    assert [case.id for case in newer[0].cases] == sorted(case.id for case in newer[0].cases)
    assert {reporting_year(case.received) for case in newer[0].cases} == {"2019-20"}
    assert by_year.basis("2015-16").history is not None and by_year.basis("2015-16").cases == ()

"""Subjects and themes, response times, acknowledgements, stages, the ombudsman, receipt,
compliments, complainants, named figures and published stories, on small records."""

from __future__ import annotations

from decimal import Decimal

import pytest
from test_figures_builders import (
    ORGANISATION,
    WALES_STAGES,
    complaint,
    compliment,
    history,
    ombudsman_case,
    records,
    representation,
    welsh_organisation,
)

from generator.figures import named
from generator.figures.basis import CASES, HISTORY
from generator.figures.council_names import council_cells
from generator.figures.counts import RowSpec, Tally, TotalsDoNotAddUp, build_table, count_column
from generator.figures.report import year_report
from generator.figures.table import Change, Days, Money, Share, Table
from generator.model import action_from, case_from, organisation_from


def column(table: Table, key: str) -> dict[str, object]:
    index = [c.key for c in table.columns].index(key)
    return {row.key: row.cells[index] for row in table.rows}


def table(found: object, table_id: str, year: str = "2019-20") -> Table:
    return year_report(found, year).table(table_id)  # type: ignore[arg-type]


# Subjects and themes ---------------------------------------------------------------------------

def test_subjects_by_category_with_sub_subjects() -> None:
    found = records(complaint(subject="lack-of-support"), complaint(subject="standard-of-care"),
                    complaint(subject="cost"))
    subjects = table(found, "subjects")
    assert column(subjects, "2019-20") == {
        "quality": 2, "lack-of-support": 1, "standard-of-care": 1, "money": 1, "total": 3,
    }
    levels = {row.key: row.level for row in subjects.rows}
    assert levels["quality"] == 0 and levels["lack-of-support"] == 1
    assert "cost" not in levels  # a category with one sub-subject is shown as one row


def test_history_subjects_are_summed_into_categories_and_faults_noted() -> None:
    earlier = history("2018-19", subjects={
        "rows": {"lack-of-support": 13, "standard-of-care": 3, "cost": 2}, "total": 30})
    subjects = table(records(complaint(), histories=(earlier,)), "subjects")
    assert column(subjects, "2018-19") == {
        "quality": 16, "lack-of-support": 13, "standard-of-care": 3, "money": 2, "total": 30,
    }
    assert "2018-19 as published: the rows add up to 18 but the published total was 30." in subjects.faults


def test_themes_count_each_complaint_once_per_theme_including_its_primary_subject() -> None:
    found = records(
        complaint(subject="lack-of-support", themes=["standard-of-care", "lack-of-support"]),
        complaint(subject="cost", themes=["lack-of-support"]),
    )
    themes = table(found, "themes")
    assert column(themes, "2019-20") == {"lack-of-support": 2, "standard-of-care": 1, "cost": 1}
    assert not any(row.is_total for row in themes.rows)
    assert "does not add up to its number of complaints (2 in 2019-20)" in themes.notes[0]


# Response times ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("took", "band"),
    [(0, "0-20"), (20, "0-20"), (21, "21-40"), (40, "21-40"), (41, "41-60"), (100, "81-100"),
     (101, "over-100")],
)
def test_response_band_boundaries(took: int, band: str) -> None:
    bands = column(table(records(complaint(took=took)), "response_times"), "2019-20")
    assert bands[band] == 1
    assert bands["total"] == 1


def test_response_days_skip_easter() -> None:
    # Received Thursday 9 April 2020: with Good Friday, Easter Monday and the May bank holiday
    # (moved to Friday 8 May that year) skipped, Tuesday 12 May is the 20th working day after it.
    found = records(case_from({
        "id": "C-2020-0001", "kind": "complaint", "received": "2020-04-09",
        "stages": [{"stage": "local", "responded": "2020-05-12", "outcome": "upheld"}],
    }))
    assert column(table(found, "response_times", "2020-21"), "2020-21")["0-20"] == 1
    found = records(case_from({
        "id": "C-2020-0002", "kind": "complaint", "received": "2020-04-09",
        "stages": [{"stage": "local", "responded": "2020-05-13", "outcome": "upheld"}],
    }))
    assert column(table(found, "response_times", "2020-21"), "2020-21")["21-40"] == 1


def test_response_summary_within_target_median_and_still_open() -> None:
    found = records(complaint(took=5), complaint(took=20), complaint(took=21), complaint(took=60),
                    complaint(took=None))
    summary = column(table(found, "response_summary"), "2019-20")
    assert summary["within-target"] == Share(2, 4)  # of the four answered
    assert summary["median"] == Days(Decimal("20.5"))
    assert summary["still-open"] == 1
    bands = table(found, "response_times")
    assert column(bands, "2019-20")["still-open"] == 1
    assert column(bands, "2019-20")["total"] == 5
    assert any("1 complaint was still open" in note for note in bands.notes)
    figures = year_report(found, "2019-20").figures
    assert figures["median_working_days"] == Days(Decimal("20.5"))
    assert figures["within_target_share"] == Share(2, 4)


def test_history_response_times_give_within_target_from_the_bands() -> None:
    earlier = history("2018-19", response_times={
        "rows": {"0-20": 6, "21-40": 11, "41-60": 5, "61-80": 3, "81-100": 1, "over-100": 4},
        "still_open": 0, "total": 30})
    found = records(complaint(), histories=(earlier,))
    assert column(table(found, "response_times"), "2018-19")["still-open"] == 0
    summary = column(table(found, "response_summary"), "2018-19")
    assert summary == {"within-target": Share(6, 30), "median": None, "still-open": 0}


# Acknowledgements -------------------------------------------------------------------------------

def test_acknowledged_within_three_working_days() -> None:
    found = records(complaint(acknowledged_after=0), complaint(acknowledged_after=3),
                    complaint(acknowledged_after=4), complaint(acknowledged_after=None))
    acknowledged = column(table(found, "acknowledgements"), "2019-20")
    assert acknowledged == {
        "in-time": Share(2, 4), "late": Share(1, 4), "not-recorded": Share(1, 4), "total": 4}
    assert year_report(found, "2019-20").figures["acknowledged_in_time_share"] == Share(2, 4)


# Stages -----------------------------------------------------------------------------------------

def welsh_complaint(number: int, stages: list[dict[str, str]]) -> object:
    return case_from({"id": f"C-2019-{number:04d}", "kind": "complaint", "received": "2019-06-03",
                      "stages": stages})


def test_two_stage_procedure_reports_each_stage() -> None:
    found = records(
        welsh_complaint(1, [{"stage": "stage-1", "responded": "2019-06-17", "outcome": "upheld"}]),  # 10 days
        welsh_complaint(2, [{"stage": "stage-1", "responded": "2019-06-18", "outcome": "not-upheld"},  # 11
                            {"stage": "stage-2", "started": "2019-07-01", "responded": "2019-08-05",
                             "outcome": "partially-upheld"}]),  # 25 days
        welsh_complaint(3, [{"stage": "stage-1", "responded": "2019-06-10", "outcome": "not-upheld"},
                            {"stage": "stage-2", "started": "2019-06-20"}]),
        org=welsh_organisation(),
    )
    stages = column(table(found, "stages"), "2019-20")
    assert stages["stage-1"] == 3
    assert stages["stage-1:within-target"] == Share(2, 3)
    assert stages["stage-1:open"] == 0
    assert stages["stage-2"] == 2
    assert (stages["stage-2:escalated"], stages["stage-2:direct"]) == (2, 0)
    assert stages["stage-2:within-target"] == Share(1, 1)
    assert stages["stage-2:open"] == 1
    outcomes = column(table(found, "outcomes_by_stage"), "2019-20")
    assert (outcomes["stage-1:upheld"], outcomes["stage-1:not-upheld"]) == (Share(1, 3), Share(2, 3))
    assert outcomes["stage-1:upheld-in-full-or-in-part"] == Share(1, 3)
    assert outcomes["stage-2:partially-upheld"] == outcomes["stage-2:outstanding"] == Share(1, 2)
    assert outcomes["total"] == 5  # three stage 1s and two stage 2s
    # Outcomes and response times describe the first stage.
    assert column(table(found, "outcomes"), "2019-20")["upheld"] == Share(1, 3)


def test_single_stage_procedure_has_no_stages_table() -> None:
    assert "stages" not in [t.id for t in year_report(records(complaint()), "2019-20").tables]


# The ombudsman ----------------------------------------------------------------------------------

def test_ombudsman_counts_received_and_decided_by_their_own_dates() -> None:
    found = records(complaint(), ombudsman_cases=(
        ombudsman_case("2019-05-10", "2019-09-12", "upheld-maladministration-injustice"),
        ombudsman_case("2019-02-01", "2019-06-01", "premature"),  # received the year before
        ombudsman_case("2020-01-10", None, None),  # not decided yet
    ))
    decisions = column(table(found, "ombudsman"), "2019-20")
    assert decisions == {"closed-after-initial-enquiries": 0, "premature": 1,
                         "upheld-maladministration-injustice": 1, "upheld-remedied": 0, "total": 2}
    figures = year_report(found, "2019-20").figures
    assert (figures["ombudsman_received"], figures["ombudsman_decided"]) == (2, 2)
    assert figures["ombudsman_upheld"] == 1
    assert figures["ombudsman_upheld_share"] == Share(1, 2)
    # The year before is counted from its ombudsman record although it has no case records.
    assert figures["ombudsman_received"] == 2
    assert column(table(found, "ombudsman_summary"), "2018-19")["received"] == 1


def test_ombudsman_remedies_listed_totalled_and_compliance() -> None:
    found = records(complaint(), ombudsman_cases=(
        ombudsman_case(remedies=[{"kind": "apology"},
                                 {"kind": "financial", "amount": 100.5, "reason": "Distress"},
                                 {"kind": "non-financial", "reason": "New support plan"}],
                       remedy_due="2019-10-01", remedy_completed="2019-09-30", chased=True),
        ombudsman_case(remedies=[{"kind": "apology"}, {"kind": "financial", "amount": 250,
                                                       "reason": "Time and trouble"}],
                       remedy_due="2019-10-01", remedy_completed="2019-10-02"),
        ombudsman_case(decision="premature"),
    ))
    remedies = table(found, "ombudsman_remedies")
    assert [(row.label, row.cells[0]) for row in remedies.rows] == [
        ("Distress", Money(Decimal("100.5"))), ("Time and trouble", Money(Decimal(250))),
        ("Total financial remedies", Money(Decimal("350.5"))),
    ]
    other = {row.label: row.cells[0] for row in table(found, "ombudsman_other_remedies").rows}
    assert other == {"Apology": 2, "New support plan": 1}
    summary = column(table(found, "ombudsman_summary"), "2019-20")
    assert summary["remedies-in-time"] == Share(1, 2)
    assert summary["chased"] == 1
    assert year_report(found, "2019-20").figures["ombudsman_remedies_total"] == Money(Decimal("350.5"))


def test_ombudsman_years_without_records_come_from_history() -> None:
    earlier = history("2018-19", ombudsman={"received": 16, "decided": 15})
    found = records(complaint(), histories=(earlier,))
    summary = column(table(found, "ombudsman_summary"), "2018-19")
    assert (summary["received"], summary["decided"], summary["upheld"]) == (16, 15, None)
    decisions = column(table(found, "ombudsman"), "2018-19")
    assert decisions["total"] == 15 and decisions["premature"] is None
    assert table(found, "ombudsman").faults == ()  # a total without rows is not a fault


# Receipt, compliments and complainants ----------------------------------------------------------

def test_receipt_points_and_methods_keep_zero_rows_and_show_not_recorded() -> None:
    found = records(complaint(receipt_method="letter"), complaint(receipt_method=None))
    methods = column(table(found, "receipt_methods"), "2019-20")
    assert methods == {"email": 0, "letter": 1, "not-recorded": 1, "total": 2}
    assert column(table(found, "receipt_points"), "2019-20")["service"] == 0


def test_compliments_per_year_by_team_with_history_not_reported_rows() -> None:
    earlier = history("2018-19", compliments={"rows": {"north": 10, "south": None}, "total": 10})
    found = records(complaint(), compliments=(compliment(team="north"), compliment(team="south")),
                    histories=(earlier,))
    assert column(table(found, "compliments"), "2019-20") == {"compliments": 2}
    assert column(table(found, "compliments"), "2018-19") == {"compliments": 10}
    by_team = table(found, "compliments_by_team")
    assert column(by_team, "2019-20") == {
        "north": Share(1, 2), "south": Share(1, 2), "finance": Share(0, 2), "total": 2}
    assert column(by_team, "2018-19") == {"north": Share(10, 10), "south": None, "finance": None, "total": 10}
    # South was not published in 2018-19, and finance had none: neither has a change to give.
    assert column(by_team, "change 2018-19 to 2019-20") == {
        "north": Change(10, 1), "south": None, "finance": None, "total": Change(10, 2)}
    figures = year_report(found, "2019-20").figures
    assert (figures["compliments"], figures["compliments_previous"]) == (2, 10)
    assert figures["compliments_change"] == Change(10, 2)
    assert (figures["compliments_for_north"], figures["compliments_for_north_share"]) == (1, Share(1, 2))
    assert (figures["compliments_for_north_change"], figures["compliments_for_south_change"]) == (
        Change(10, 1), None)


def test_complainants_and_advocacy() -> None:
    found = records(complaint(complainant="advocacy-service"),
                    complaint(complainant="son-daughter", advocate=True),
                    complaint(complainant="advocacy-service", advocate=True), complaint(complainant="self"))
    assert column(table(found, "complainants"), "2019-20") == {
        "self": 1, "son-daughter": 1, "advocacy-service": 2, "total": 4}
    assert column(table(found, "advocacy"), "2019-20") == {"advocacy-service": 2, "advocate": 1, "total": 3}
    assert year_report(found, "2019-20").figures["advocacy"] == 3


# Named figures ----------------------------------------------------------------------------------

def test_named_figures_are_all_present_and_documented() -> None:
    found = records(complaint())
    figures = year_report(found, "2019-20").figures
    council_names = council_cells(found.organisation).meanings
    assert list(figures) == [*named.FIGURE_NAMES, *council_names]  # the council's own names follow
    assert "stage_local_extended" in council_names  # named in council_names's docstring by pattern
    for name in named.FIGURE_NAMES:
        assert f"`{name}`" in (named.__doc__ or ""), name
    required = {"complaints", "complaints_previous", "complaints_change", "representations",
                "requests_for_service", "withdrawn", "ineligible", "upheld", "partially_upheld", "not_upheld",
                "outstanding", "upheld_share", "not_upheld_share", "within_target_share",
                "median_working_days",
                "still_open", "acknowledged_in_time_share", "customers", "complaints_per_1000",
                "ombudsman_received", "ombudsman_decided", "ombudsman_upheld", "ombudsman_remedies_total",
                "compliments", "compliments_previous", "advocacy"}
    assert required <= set(figures)


def test_complaints_change_on_the_year_before() -> None:
    earlier = history("2018-19", representations={"rows": {"complaints": 2}, "total": 2})
    found = records(complaint(), complaint(), complaint(), representation(), histories=(earlier,))
    figures = year_report(found, "2019-20").figures
    assert figures["complaints_change"] == Change(2, 3)
    assert figures["representations"] == 4
    assert figures["customers"] == 3000
    assert year_report(records(complaint()), "2019-20").figures["complaints_change"] is None


# The invariant ----------------------------------------------------------------------------------

def test_rows_that_do_not_add_up_raise() -> None:
    tally = Tally("2019-20", CASES, {"a": 1, "b": 1}, 3)
    with pytest.raises(TotalsDoNotAddUp, match="add up to 2, the total is 3"):
        build_table("t", "T", "Row", [RowSpec("a", "A"), RowSpec("b", "B")], [count_column(tally)], [tally],
                    definition="x")


def test_sub_rows_that_do_not_add_up_raise() -> None:
    tally = Tally("2019-20", CASES, {"a": 2, "a1": 1}, 2)
    with pytest.raises(TotalsDoNotAddUp, match="under a"):
        build_table("t", "T", "Row", [RowSpec("a", "A"), RowSpec("a1", "A1", level=1)],
                    [count_column(tally)], [tally], definition="x")


def test_history_rows_that_do_not_add_up_do_not_raise() -> None:
    tally = Tally("2017-18", HISTORY, {"a": 1, "b": 1}, 3)
    built = build_table("t", "T", "Row", [RowSpec("a", "A"), RowSpec("b", "B")], [count_column(tally)],
                        [tally], definition="x")
    assert built.faults == ("2017-18 as published: the rows add up to 2 but the published total was 3.",)


def test_a_record_outside_the_taxonomy_breaks_the_invariant() -> None:
    with pytest.raises(TotalsDoNotAddUp):
        year_report(records(complaint(service_area="nowhere")), "2019-20")


# Published stories ------------------------------------------------------------------------------

def test_case_studies_quotes_and_actions() -> None:
    studied = complaint(service_area="south", actions=["ACT-2019-02"],
                        case_study={"publish": True, "raised": "Visits stopped.",
                                    "done": "We restarted them."})
    private = complaint(case_study={"publish": False, "raised": "x", "done": "y"})
    action = {"plan": "p", "theme": "t", "issue": "i", "status": "in-progress"}
    actions = (
        action_from({**action, "id": "ACT-2019-01", "raised": "2019-05-01"}, "a"),
        action_from({**action, "id": "ACT-2019-02", "raised": "2020-06-01"}, "b"),  # linked from a case
        action_from({**action, "id": "ACT-2018-01", "raised": "2019-01-01"}, "c"),  # neither
    )
    found = records(studied, private, actions=actions, compliments=(
        compliment(team="north", quote="Thank you.", publish=True),
        compliment(team="north", quote="Not for publication.", publish=False),
    ))
    report = year_report(found, "2019-20")
    assert [(s.case_id, s.service_area, s.raised) for s in report.case_studies] == [
        (studied.id, "South Team", "Visits stopped.")]
    assert [(q.team, q.quote) for q in report.quotes] == [("North Team", "Thank you.")]
    assert [a.id for a in report.actions_raised] == ["ACT-2019-01", "ACT-2019-02"]


def test_same_records_give_the_same_report() -> None:
    found = records(complaint(), complaint(took=None), compliments=(compliment(),))
    assert year_report(found, "2019-20") == year_report(found, "2019-20")


def test_dates_on_the_year_boundary() -> None:
    found = records(complaint("2020-03-31"), complaint("2020-04-01"), complaint("2020-04-02"))
    assert year_report(found, "2019-20").figures["complaints"] == 1
    assert year_report(found, "2020-21").figures["complaints"] == 2
    assert year_report(found, "2020-21").figures["complaints_previous"] == 1


def test_a_direct_later_stage_is_acknowledged_against_its_own_target() -> None:
    # Stage 1 acknowledged within 2 working days, Stage 2 within 5. Received Monday 3 June 2019:
    # the first acknowledged on Thursday 6 June (3 days: late for Stage 1); the second went
    # straight to Stage 2 and was acknowledged on Friday 7 June (4 days: in time for Stage 2).
    org = organisation_from({
        **ORGANISATION, "jurisdiction": "wales", "bank_holidays": {"country": "GB", "subdivision": "WLS"},
        "procedure": {"stages": [{**WALES_STAGES[0], "acknowledge_working_days": 2},
                                 {**WALES_STAGES[1], "acknowledge_working_days": 5}]},
    })
    found = records(
        welsh_complaint(1, [{"stage": "stage-1", "acknowledged": "2019-06-06"}]),
        welsh_complaint(2, [{"stage": "stage-2", "route": "direct", "acknowledged": "2019-06-07"}]),
        org=org,
    )
    acknowledged = table(found, "acknowledgements")
    assert column(acknowledged, "2019-20") == {
        "in-time": Share(1, 2), "late": Share(1, 2), "not-recorded": Share(0, 2), "total": 2}
    assert acknowledged.notes == (
        "A complaint that went straight to Stage 2: formal investigation is acknowledged against that "
        "stage's target of 5 working days.",)

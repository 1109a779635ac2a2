"""Rules across fields and records: each with a record that keeps it and one that breaks it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cases.repo import TODAY, edit, make_repo, problems, write

from generator.check import check_paths

CASE = "records/cases/2019-20/C-2019-0001.yaml"
INELIGIBLE = "records/cases/2019-20/C-2019-0002.yaml"
ACTION = "records/actions/2019-20/ACT-2019-01.yaml"
OMBUDSMAN = "records/ombudsman/2019-20/OMB-2019-01.yaml"
COMPLIMENT = "records/compliments/2019-20/CPL-2019-0001.yaml"
HISTORY = "records/history/HIST-2018-19.yaml"
WELSH = "records/cases/2019-20/C-2019-0001.yaml"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path)


@pytest.fixture
def wales(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "wales", "wales")


def test_both_fixtures_keep_every_rule(repo: Path, wales: Path) -> None:
    assert problems(repo) == []
    assert problems(wales) == []


# -- ids and folders ----------------------------------------------------------------------------


def test_the_id_must_match_the_file_name(repo: Path) -> None:
    edit(repo, INELIGIBLE, "id: C-2019-0002", "id: C-2019-0003")
    assert problems(repo) == [
        f"{INELIGIBLE}:1:5: id: 'C-2019-0003' does not match the file name C-2019-0002.yaml: "
        "the id and the file name must be the same"
    ]


def test_an_id_used_twice(repo: Path) -> None:
    edit(repo, INELIGIBLE, "id: C-2019-0002", "id: C-2019-0001")
    found = problems(repo)
    assert f"{CASE}:1:5: id: 'C-2019-0001' is also the id of {INELIGIBLE}: every id must be unique" in found
    assert f"{INELIGIBLE}:1:5: id: 'C-2019-0001' is also the id of {CASE}: every id must be unique" in found


def test_the_year_folder_follows_the_date_received(repo: Path) -> None:
    edit(repo, INELIGIBLE, "received: 2019-07-10", "received: 2020-04-02")
    assert problems(repo) == [
        f"{INELIGIBLE}:5:11: received: 2020-04-02 falls in the reporting year 2020-21, but the file is in "
        "the 2019-20 folder: move it to records/cases/2020-21/ (and give it an id for that year)"
    ]


def test_the_last_day_of_march_is_still_the_old_year(repo: Path) -> None:
    edit(repo, INELIGIBLE, "received: 2019-07-10", "received: 2020-03-31")
    assert problems(repo) == []


def test_an_action_folder_follows_the_date_raised(repo: Path) -> None:
    edit(repo, ACTION, "raised: 2019-07-15", "raised: 2019-03-15")
    assert problems(repo) == [
        f"{ACTION}:4:9: raised: 2019-03-15 falls in the reporting year 2018-19, but the file is in the "
        "2019-20 folder: move it to records/actions/2018-19/ (and give it an id for that year)"
    ]


def test_the_id_year_is_the_folder_year(repo: Path) -> None:
    old = repo / COMPLIMENT
    new = old.with_name("CPL-2018-0001.yaml")
    shutil.move(old, new)
    edit(repo, str(new.relative_to(repo)), "id: CPL-2019-0001", "id: CPL-2018-0001")
    assert problems(repo) == [
        "records/compliments/2019-20/CPL-2018-0001.yaml:1:5: id: 'CPL-2018-0001' has the year 2018, but the "
        "file is in the 2019-20 folder: an id starts with the first year of its reporting year (CPL-2019-...)"
    ]


def test_a_record_outside_a_year_folder(repo: Path) -> None:
    shutil.move(repo / COMPLIMENT, repo / "records/compliments/CPL-2019-0001.yaml")
    assert problems(repo) == [
        "records/compliments/CPL-2019-0001.yaml:1:1: must be in a year folder, such as "
        "records/compliments/2019-20/CPL-2019-0001.yaml"
    ]


def test_a_history_year_must_match_its_file(repo: Path) -> None:
    edit(repo, HISTORY, "year: 2018-19", "year: 2017-18")
    assert problems(repo) == [
        f"{HISTORY}:2:7: year: 2017-18 does not match the file name HIST-2018-19.yaml: the history of "
        "2017-18 belongs in HIST-2017-18.yaml"
    ]


def test_a_file_that_would_never_be_read(repo: Path) -> None:
    write(repo, "records/cases/2019-20/C-2019-0003.yml", "id: C-2019-0003\n")
    assert problems(repo) == [
        "records/cases/2019-20/C-2019-0003.yml:1:1: ends in .yml: record files end in .yaml, "
        "so this one is not read"
    ]


# -- dates ----------------------------------------------------------------------------------------


def test_acknowledged_before_received(repo: Path) -> None:
    edit(repo, CASE, "acknowledged: 2019-06-05", "acknowledged: 2019-06-01")
    assert problems(repo) == [
        f"{CASE}:13:19: stages[0].acknowledged: 2019-06-01 is before the date received (2019-06-03); "
        "check both dates"
    ]


def test_responded_before_acknowledged(repo: Path) -> None:
    edit(repo, CASE, "responded: 2019-07-01", "responded: 2019-06-04")
    assert problems(repo) == [
        f"{CASE}:14:16: stages[0].responded: 2019-06-04 is before the date acknowledged (2019-06-05); "
        "check both dates"
    ]


def test_a_later_stage_starts_after_the_earlier_response(wales: Path) -> None:
    edit(wales, WELSH, "started: 2019-06-24", "started: 2019-06-10")
    assert problems(wales) == [
        f"{WELSH}:16:14: stages[1].started: 2019-06-10 is before the response to stages[0] (2019-06-17); "
        "check both dates"
    ]


def test_a_later_stage_gives_its_start(wales: Path) -> None:
    edit(wales, WELSH, "    started: 2019-06-24\n", "")
    assert problems(wales) == [
        f"{WELSH}:15:5: stages[1]: needs `started: YYYY-MM-DD`: a later stage must give the date it began"
    ]


def test_a_later_stage_cannot_start_while_the_first_is_open(wales: Path) -> None:
    edit(wales, WELSH, "    responded: 2019-06-17\n    outcome: not-upheld\n", "")
    assert problems(wales) == [
        f"{WELSH}:14:14: stages[1].started: stages[0] has no responded date yet: a later stage can only "
        "start after the earlier one has its response"
    ]


def test_stages_in_the_order_of_the_procedure(wales: Path) -> None:
    edit(wales, WELSH, "  - stage: stage-2", "  - stage: stage-1")
    assert problems(wales) == [
        f"{WELSH}:15:12: stages[1].stage: 'stage-1' cannot come here: list each stage once, in the order "
        "of the procedure (stage-1, stage-2)"
    ]


def test_the_ombudsman_decides_after_receiving(repo: Path) -> None:
    edit(repo, OMBUDSMAN, "decided: 2019-10-14", "decided: 2019-08-14")
    assert problems(repo) == [
        f"{OMBUDSMAN}:3:10: decided: 2019-08-14 is before the date received (2019-09-02); check both dates"
    ]


def test_an_action_is_completed_after_it_is_raised(repo: Path) -> None:
    edit(repo, ACTION, "completed: 2020-02-28", "completed: 2019-02-28")
    assert problems(repo) == [
        f"{ACTION}:11:12: completed: 2019-02-28 is before the date raised (2019-07-15); check both dates"
    ]


def test_no_date_in_the_future(repo: Path) -> None:
    edit(repo, ACTION, "completed: 2020-02-28", "completed: 2021-02-28")
    assert problems(repo) == [f"{ACTION}:11:12: completed: 2021-02-28 is in the future (today is 2021-01-15)"]


def test_a_timescale_month_that_does_not_exist(repo: Path) -> None:
    edit(repo, ACTION, "timescale: 2020-03", "timescale: 2020-13")
    assert problems(repo) == [f"{ACTION}:9:16: actions[0].timescale: 2020-13 is not a real month"]


def test_a_timescale_may_lie_ahead(repo: Path) -> None:
    edit(repo, ACTION, "timescale: 2020-03", "timescale: 2022-03")
    assert problems(repo) == []


# -- references -----------------------------------------------------------------------------------

ORGANISATION = "records/organisation.yaml"


@pytest.mark.parametrize(
    ("path", "old", "new", "expected"),
    [
        (
            CASE,
            "service_area: chester-rural",
            "service_area: chester-rurall",
            "5:15: service_area: 'chester-rurall' is not listed under taxonomies.service_areas in "
            f"{ORGANISATION} (did you mean 'chester-rural'?)",
        ),
        (
            CASE,
            "subject: lack-of-support",
            "subject: lack-of-suport",
            f"6:10: subject: 'lack-of-suport' is not listed under taxonomies.subjects in {ORGANISATION} "
            "(did you mean 'lack-of-support'?)",
        ),
        (
            CASE,
            "themes: [standard-of-care]",
            "themes: [standard-quality]",
            f"7:10: themes[0]: 'standard-quality' is not listed under taxonomies.subjects in {ORGANISATION} "
            "(did you mean 'standard-of-care'?)",
        ),
        (
            CASE,
            "receipt_point: customer-relations",
            "receipt_point: customer-relation",
            "8:16: receipt_point: 'customer-relation' is not listed under taxonomies.receipt_points "
            f"in {ORGANISATION} "
            "(did you mean 'customer-relations'?)",
        ),
        (
            CASE,
            "receipt_method: email",
            "receipt_method: e-mail",
            "9:17: receipt_method: 'e-mail' is not listed under taxonomies.receipt_methods in "
            f"{ORGANISATION} "
            "(did you mean 'email'?)",
        ),
        (
            CASE,
            "complainant: son-daughter",
            "complainant: daughter",
            f"10:14: complainant: 'daughter' is not listed under taxonomies.relationships in {ORGANISATION} "
            "(did you mean 'son-daughter'?)",
        ),
        (
            CASE,
            "stage: local",
            "stage: locall",
            f"12:12: stages[0].stage: 'locall' is not listed under procedure.stages in {ORGANISATION} "
            "(did you mean 'local'?)",
        ),
        (
            INELIGIBLE,
            "redirected_to: safeguarding",
            "redirected_to: corporate",
            f"4:16: redirected_to: 'corporate' is not listed under taxonomies.redirections in {ORGANISATION}"
            ": choose one of safeguarding",
        ),
        (
            OMBUDSMAN,
            "decision: closed-after-initial-enquiries",
            "decision: closed-after-enquiries",
            f"4:11: decision: 'closed-after-enquiries' is not listed under taxonomies.ombudsman_decisions in "
            f"{ORGANISATION} (did you mean 'closed-after-initial-enquiries'?)",
        ),
        (
            COMPLIMENT,
            "team: hospitals",
            "team: hospital",
            f"3:7: team: 'hospital' is not listed under taxonomies.service_areas in {ORGANISATION} "
            "(did you mean 'hospitals'?)",
        ),
        (
            ACTION,
            "plan: learning-2019-20",
            "plan: learning-2018-19",
            f"2:7: plan: 'learning-2018-19' is not listed under taxonomies.plans in {ORGANISATION} "
            "(did you mean 'learning-2019-20'?)",
        ),
        (
            ACTION,
            "theme: financial",
            "theme: finance",
            f"3:8: theme: 'finance' is not listed under taxonomies.action_themes in {ORGANISATION} "
            "(did you mean 'financial'?)",
        ),
        (
            ACTION,
            "departments: [brokerage]",
            "departments: [brokers]",
            f"8:19: actions[0].departments[0]: 'brokers' is not listed under taxonomies.departments in "
            f"{ORGANISATION} (did you mean 'brokerage'?)",
        ),
        (
            CASE,
            "actions: [ACT-2019-01]",
            "actions: [ACT-2019-10]",
            "16:11: actions[0]: 'ACT-2019-10' is not the id of any action record (did you mean "
            "'ACT-2019-01'?)",
        ),
        (
            ACTION,
            "cases: [C-2019-0001]",
            "cases: [C-2019-0010]",
            "13:11: raised_by.cases[0]: 'C-2019-0010' is not the id of any case record (did you mean "
            "'C-2019-0002'?)",
        ),
        (
            OMBUDSMAN,
            "case: C-2019-0001",
            "case: C-2019-0009",
            "5:7: case: 'C-2019-0009' is not the id of any case record (did you mean 'C-2019-0002'?)",
        ),
    ],
)
def test_references_resolve(repo: Path, path: str, old: str, new: str, expected: str) -> None:
    edit(repo, path, old, new)
    assert problems(repo) == [f"{path}:{expected}"]


def test_action_themes_name_subjects(repo: Path) -> None:
    edit(repo, ACTION, "  cases: [C-2019-0001]", "  cases: [C-2019-0001]\n  themes: [lack-of-support, cost]")
    assert problems(repo) == [
        f"{ACTION}:14:29: raised_by.themes[1]: 'cost' is not listed under taxonomies.subjects in "
        f"{ORGANISATION}: choose one of lack-of-support, standard-of-care"
    ]


def test_a_history_row_names_a_taxonomy_id(repo: Path) -> None:
    edit(repo, HISTORY, "{chester-rural: 2, hospitals: 1}", "{chester-rural: 2, hospital: 1}")
    assert problems(repo) == [
        f"{HISTORY}:5:42: service_areas.rows.hospital: 'hospital' is not listed under "
        "taxonomies.service_areas "
        f"in {ORGANISATION} (did you mean 'hospitals'?)"
    ]


def test_a_reference_to_an_unreadable_record_is_not_reported_twice(repo: Path) -> None:
    write(repo, ACTION, "id: ACT-2019-01\nissue: [unclosed\n")
    found = problems(repo)
    assert len(found) == 1
    assert found[0].startswith(f"{ACTION}:2:8: ")


def test_a_missing_organisation_file_is_one_problem(repo: Path) -> None:
    (repo / ORGANISATION).unlink()
    assert problems(repo) == [
        f"{ORGANISATION}:1:1: is missing: every repository needs one organisation file (see "
        "docs/records-guide/examples.md); references to its taxonomies were not checked"
    ]


def test_a_broken_organisation_file_skips_the_taxonomy_checks(repo: Path) -> None:
    edit(repo, ORGANISATION, "jurisdiction: england", "jurisdiction: englnd")
    edit(repo, CASE, "service_area: chester-rural", "service_area: nowhere")
    assert problems(repo) == [
        f"{ORGANISATION}:3:15: jurisdiction: 'englnd' is not one of england, wales, scotland, "
        "northern-ireland (did you mean 'england'?)"
    ]


def test_an_unreadable_organisation_file(repo: Path) -> None:
    write(repo, ORGANISATION, "id: organisation\nname: [Testshire\n")
    found = problems(repo)
    assert len(found) == 1
    assert found[0].startswith(f"{ORGANISATION}:2:7: this list or block in brackets is not closed")


# -- history ------------------------------------------------------------------------------------


def test_history_rows_must_add_up_to_the_total(repo: Path) -> None:
    edit(
        repo,
        HISTORY,
        "{chester-rural: 2, hospitals: 1}, total: 3",
        "{chester-rural: 2, hospitals: 1}, total: 4",
    )
    assert problems(repo) == [
        f"{HISTORY}:5:64: service_areas.total: the rows add up to 3, not 4: correct the figures, or, if the "
        "published table really did not add up, say so under faults (table: service_areas)"
    ]


def test_a_stated_fault_accepts_a_table_that_does_not_add_up(repo: Path) -> None:
    edit(
        repo,
        HISTORY,
        "{chester-rural: 2, hospitals: 1}, total: 3",
        "{chester-rural: 2, hospitals: 1}, total: 4",
    )
    edit(
        repo, HISTORY, "faults: []", 'faults:\n  - {table: service_areas, note: "The rows add to 3, not 4."}'
    )
    assert problems(repo) == []


def _history_of_2019_20(repo: Path, rows: str, total: int) -> str:
    path = "records/history/HIST-2019-20.yaml"
    write(
        repo,
        path,
        (
            "id: HIST-2019-20\nyear: 2019-20\nsource: Annual report 2019-20\n"
            f"service_areas: {{rows: {{{rows}}}, total: {total}}}\n"
        ),
    )
    return path


def test_history_agrees_with_the_case_records_of_its_year(repo: Path) -> None:
    _history_of_2019_20(repo, "chester-rural: 1, hospitals: 0", 1)
    assert problems(repo) == []


def test_history_that_disagrees_with_the_case_records(repo: Path) -> None:
    path = _history_of_2019_20(repo, "chester-rural: 2, hospitals: 0", 2)
    assert problems(repo) == [
        f"{path}:4:39: service_areas.rows.chester-rural: the history record says 2, but the case records "
        "for 2019-20 give 1",
        f"{path}:4:64: service_areas.total: the history record says 2, but the case records for "
        "2019-20 give 1",
    ]


def test_history_missing_a_row_the_cases_give(repo: Path) -> None:
    path = _history_of_2019_20(repo, "hospitals: 1", 1)
    assert problems(repo) == [
        f"{path}:4:23: service_areas.rows: has no row 'chester-rural', but the case records for "
        "2019-20 give 1",
        f"{path}:4:35: service_areas.rows.hospitals: the history record says 1, but the case records "
        "for 2019-20 give 0",
    ]


# -- placeholders and named files -----------------------------------------------------------------


def test_a_placeholder_left_by_candour_new(repo: Path) -> None:
    edit(repo, CASE, "summary: Family said support at home stopped without notice.", "summary: TODO")
    edit(repo, CASE, "complainant: son-daughter", "complainant: TODO")
    assert problems(repo) == [
        f"{CASE}:10:14: complainant: still says TODO: choose one of son-daughter",
        f"{CASE}:17:10: summary: still says TODO: fill it in",
    ]


def test_named_files_are_checked_against_the_whole_repository(repo: Path) -> None:
    edit(repo, CASE, "actions: [ACT-2019-01]", "actions: [ACT-2019-02]")
    edit(repo, COMPLIMENT, "team: hospitals", "team: nowhere")
    assert problems(repo, [repo / CASE]) == [
        f"{CASE}:16:11: actions[0]: 'ACT-2019-02' is not the id of any action record (did you mean "
        "'ACT-2019-01'?)"
    ]
    assert len(problems(repo, [repo / "records/compliments"])) == 1


def test_validate_keeps_every_value_the_history_agreement_reads(repo: Path) -> None:
    """`candour validate` keeps only a few values of each record (`compact`): for a year with a
    history record, those must give the same findings as the whole values."""
    _history_of_2019_20(repo, "chester-rural: 2, hospitals: 0", 2)
    whole = problems(repo)
    kept = [str(problem) for problem in check_paths(repo, today=TODAY, keep_values=False).problems]
    assert len(whole) == 2
    assert kept == whole

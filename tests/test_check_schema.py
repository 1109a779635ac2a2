"""The schema layer: one plain-English line per error, at the offending value."""

from __future__ import annotations

from pathlib import Path

import pytest
from cases.repo import edit, make_repo, problems, write

CASE = "records/cases/2019-20/C-2019-0001.yaml"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path)


def test_the_small_repository_is_valid(repo: Path) -> None:
    assert problems(repo) == []


def test_an_unknown_choice_names_the_choices_and_the_nearest(repo: Path) -> None:
    edit(repo, CASE, "disposition: accepted", "disposition: acepted")
    assert problems(repo) == [
        f"{CASE}:3:14: disposition: 'acepted' is not one of accepted, withdrawn, ineligible "
        "(did you mean 'accepted'?)"
    ]


def test_an_unknown_field_points_at_its_key(repo: Path) -> None:
    edit(repo, CASE, "received: 2019-06-03", "recieved: 2019-06-03")
    assert problems(repo) == [
        f"{CASE}:1:1: received: is missing: add `received: ...` (The date the council received it. "
        "The folder is the reporting year of this date.)",
        f"{CASE}:4:1: recieved: is not a field of a case record (did you mean 'received'?)",
    ]


def test_an_unknown_field_inside_a_block(repo: Path) -> None:
    edit(repo, CASE, "    outcome: partially-upheld", "    outcome: partially-upheld\n    outcom: upheld")
    assert problems(repo) == [
        f"{CASE}:16:5: stages[0].outcom: is not a field of stages[0] (did you mean 'outcome'?)"
    ]


def test_a_missing_field_is_reported_at_its_parent_with_its_description(repo: Path) -> None:
    edit(repo, CASE, "  - stage: local\n", "  - acknowledged: 2019-06-04\n")
    edit(repo, CASE, "    acknowledged: 2019-06-05\n", "")
    assert problems(repo) == [
        f"{CASE}:12:5: stages[0].stage: is missing: add `stage: ...` (Which stage of the procedure this "
        "is: a stage id from procedure.stages in organisation.yaml (local in England; stage-1 or stage-2 "
        "in Wales).)"
    ]


def test_yes_where_text_belongs_explains_what_yaml_did(repo: Path) -> None:
    edit(repo, CASE, "summary: Family said support at home stopped without notice.", "summary: yes")
    assert problems(repo) == [
        f"{CASE}:17:10: summary: should be text, not true/false; YAML read yes/no/on/off as true/false: "
        "put it in quotes"
    ]


def test_a_date_that_does_not_exist(repo: Path) -> None:
    edit(repo, CASE, "acknowledged: 2019-06-05", "acknowledged: 2019-02-30")
    assert problems(repo) == [f"{CASE}:13:19: stages[0].acknowledged: 2019-02-30 is not a real date"]


def test_a_date_written_another_way(repo: Path) -> None:
    edit(repo, CASE, "acknowledged: 2019-06-05", "acknowledged: 5/6/2019")
    assert problems(repo) == [
        f"{CASE}:13:19: stages[0].acknowledged: '5/6/2019' is not a date: write it as YYYY-MM-DD, "
        "for example 2019-06-03"
    ]


def test_a_field_given_only_on_a_condition(repo: Path) -> None:
    edit(repo, CASE, "disposition: accepted\n", "disposition: accepted\nredirected_to: safeguarding\n")
    assert problems(repo) == [
        f"{CASE}:4:1: redirected_to: should not be given here (Where an ineligible contact was sent instead. "
        "Give it only when the disposition is ineligible. Must be an id listed under taxonomies.redirections "
        "in organisation.yaml.)"
    ]


def test_an_outcome_needs_its_responded_date(repo: Path) -> None:
    edit(repo, CASE, "    responded: 2019-07-01\n", "")
    assert problems(repo) == [
        f"{CASE}:12:5: stages[0].responded: is missing: `outcome` is given, so add `responded: ...` "
        "(The date of the response that closed this stage. Leave out while the stage is still open.)"
    ]


def test_a_number_where_text_belongs(repo: Path) -> None:
    edit(repo, CASE, "service_area: chester-rural", "service_area: 12")
    assert problems(repo) == [
        f"{CASE}:5:15: service_area: should be text, not a number; put it in quotes so it is kept as text"
    ]


def test_an_id_with_spaces(repo: Path) -> None:
    edit(repo, CASE, "service_area: chester-rural", "service_area: Chester Rural")
    assert problems(repo) == [
        f"{CASE}:5:15: service_area: 'Chester Rural' is not an id: ids are lower-case letters, digits and "
        "single hyphens, such as chester-rural"
    ]


def test_empty_text(repo: Path) -> None:
    edit(repo, CASE, "summary: Family said support at home stopped without notice.", 'summary: ""')
    assert problems(repo) == [f"{CASE}:17:10: summary: is empty: write something, or leave the field out"]


def test_text_with_a_colon_becomes_a_block(repo: Path) -> None:
    edit(repo, CASE, "summary: Family said support at home stopped without notice.",
         "summary:\n  note: support stopped")
    assert problems(repo) == [
        f"{CASE}:18:3: summary: should be text, not a block of fields; "
        "text containing ': ' must be put in quotes"
    ]


def test_an_unknown_history_row_points_at_the_row_name(repo: Path) -> None:
    history = "records/history/HIST-2018-19.yaml"
    edit(repo, history, "outcomes: {rows: {upheld: 1,", "outcomes: {rows: {uphold: 1,")
    assert problems(repo) == [
        f"{history}:4:19: outcomes.rows.uphold: 'uphold' is not an outcome listed under taxonomies.outcomes, "
        "or outstanding (did you mean 'upheld'?)"
    ]


def test_values_holding_personal_data_are_never_repeated(repo: Path) -> None:
    edit(repo, CASE, "service_area: chester-rural", "service_area: Mrs Smith")
    found = problems(repo)
    assert found == [
        f"{CASE}:5:15: service_area: this value is not an id: ids are lower-case letters, digits and single "
        "hyphens, such as chester-rural"
    ]


def test_every_error_is_reported_in_one_run(repo: Path) -> None:
    edit(repo, CASE, "kind: complaint", "kind: complain")
    edit(repo, CASE, "acknowledged: 2019-06-05", "acknowledged: 2019-02-30")
    write(repo, "records/compliments/2019-20/CPL-2019-0002.yaml",
          "id: CPL-2019-0002\nreceived: 2019-08-14\nteam: hospitals\npublish: maybe\n")
    found = problems(repo)
    assert len(found) == 3
    assert found[2] == (
        "records/compliments/2019-20/CPL-2019-0002.yaml:4:10: publish: should be true or false, "
        "not text; remove the quotes"
    )

"""validate compares every table a history record holds with the case records of its year, counted
as the site counts them (`generator.counting`): stages by the year each stage was received,
outcomes by stage, service groups, each kind of representation, and, in working days of the
nation's calendar, response times, acknowledgements and each stage's answers within its target; a
value published as null is never compared, nor added as 0.

The council is tests/fixtures/wales-social-services, whose 2023-24 figures, counted by hand:
- representations: complaints C-2023-0001 to 0005 (5), enquiries 0006, 0007, 0008 (3), 0009
  withdrawn, 0010 ineligible: 10;
- stages: Stage 1 of 0001 to 0005 (5, 0005 still open); Stage 2 of C-2023-0002 (3 July 2023) and
  of C-2022-0002 (3 April 2023: the case file is 2022-23's, its Stage 2 counts in 2023-24), both
  escalated, both answered; the ombudsman received OMB-2023-01 (2 October 2023);
- outcomes by stage: Stage 1 upheld 0001, partially upheld 0003, not upheld 0002, other 0004,
  outstanding 0005 (upheld in full or in part 2); Stage 2 not upheld C-2023-0002, other C-2022-0002;
- service groups: Adults 0001 (older people), 0002 (learning disability); Children 0003, 0004, 0005.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from generator.check import check_paths
from generator.figures.report import year_report
from generator.figures.table import Share
from generator.records import load_records

PROJECT = Path(__file__).resolve().parent.parent
WALES = PROJECT / "tests" / "fixtures" / "wales-social-services" / "records"
HISTORY = "records/history/HIST-2023-24.yaml"
AGREEING = """\
id: HIST-2023-24
year: 2023-24
source: Annual report 2023-24
representations: {rows: {complaints: 5, enquiry: 3, withdrawn: 1, ineligible: 1}, total: 10}
stages: {rows: {stage-1: 5, stage-1:open: 1, stage-2: 2, stage-2:escalated: 2, ombudsman: 1}}
outcomes_by_stage:
  rows: {stage-1: 5, stage-1:upheld: 1, stage-1:partially-upheld: 1, stage-1:not-upheld: 1,
         stage-1:other: 1, stage-1:outstanding: 1, stage-1:upheld-in-full-or-in-part: 2,
         stage-2: 2, stage-2:not-upheld: 1, stage-2:other: 1}
  total: 7
service_groups: {rows: {adults: 2, children: 3}, total: 5}
"""


def council_with(tmp_path: Path, history: str) -> Path:
    shutil.copytree(WALES, tmp_path / "records")
    shutil.copytree(PROJECT / "schemas", tmp_path / "schemas")
    (tmp_path / HISTORY).write_text(history, encoding="utf-8")
    return tmp_path


def problems(repo: Path) -> list[str]:
    return [str(problem) for problem in check_paths(repo).problems]


def test_a_history_giving_the_sites_figures_is_accepted(tmp_path: Path) -> None:
    repo = council_with(tmp_path, AGREEING)
    assert problems(repo) == []
    report = year_report(load_records(repo), "2023-24")
    stages = {row.key: row.cells[0] for row in report.table("stages").rows}
    assert (stages["stage-1"], stages["stage-1:open"], stages["stage-2"], stages["stage-2:escalated"],
            stages["ombudsman"]) == (5, 1, 2, 2, 1)
    groups = {row.key: row.cells[0] for row in report.table("service_groups").rows}
    assert groups == {"group:adults": Share(2, 5), "group:children": Share(3, 5), "total": 5}


def test_each_disagreement_is_refused_at_its_line_with_both_figures(tmp_path: Path) -> None:
    # The officer counted the Stage 2 of C-2022-0002 in 2022-23, the case's year; took an
    # enquiry for a withdrawn complaint; put 0003 (child protection) with the adults; and gave Stage 2's
    # "other" to Stage 1.
    wrong = (AGREEING
             .replace("enquiry: 3, withdrawn: 1", "enquiry: 2, withdrawn: 2")
             .replace("stage-2: 2, stage-2:escalated: 2", "stage-2: 1, stage-2:escalated: 1")
             .replace("stage-1:other: 1,", "stage-1:other: 2,")
             .replace("{adults: 2, children: 3}", "{adults: 3, children: 2}"))
    source = "the case records for 2023-24"
    says = "the history record says"
    assert problems(council_with(tmp_path, wrong)) == [
        f"{HISTORY}:4:50: representations.rows.enquiry: {says} 2, but {source} give 3",
        f"{HISTORY}:4:64: representations.rows.withdrawn: {says} 2, but {source} give 1",
        f"{HISTORY}:5:55: stages.rows.stage-2: {says} 1, but {source} give 2",
        f"{HISTORY}:5:77: stages.rows.stage-2:escalated: {says} 1, but {source} give 2",
        f"{HISTORY}:8:25: outcomes_by_stage.rows.stage-1:other: {says} 2, but {source} give 1",
        f"{HISTORY}:11:33: service_groups.rows.adults: {says} 3, but {source} give 2",
        f"{HISTORY}:11:46: service_groups.rows.children: {says} 2, but {source} give 3",
    ]


def test_a_stage_the_published_table_leaves_out_is_refused(tmp_path: Path) -> None:
    wrong = AGREEING.replace("stage-2: 2, stage-2:escalated: 2, ", "")
    assert problems(council_with(tmp_path, wrong)) == [
        f"{HISTORY}:5:16: stages.rows: has no row 'stage-2', but the case records for 2023-24 give 2",
    ]


def test_a_value_not_published_is_never_compared(tmp_path: Path) -> None:
    # null rows and totals, and parts of a stage the report did not print (how Stage 2s were
    # reached, Stage 1's still open), are not published: none is taken as 0.
    unpublished = (AGREEING
                   .replace("enquiry: 3", "enquiry: null")
                   .replace("stage-1: 5, stage-1:open: 1, stage-2: 2, stage-2:escalated: 2",
                            "stage-1: 5, stage-2: 2, stage-2:direct: null")
                   .replace("total: 10", "total: null")
                   .replace("{adults: 2, children: 3}, total: 5", "{adults: 2, children: null}, total: null"))
    assert problems(council_with(tmp_path, unpublished)) == []


def test_published_percentages_agree_to_the_precision_printed(tmp_path: Path) -> None:
    # Adults 2 of 5 (40%), children 3 of 5 (60%): 40 and 60 agree, and so does 40.0.
    printed = AGREEING.replace("service_groups: {rows: {adults: 2, children: 3}, total: 5}",
                               "service_groups: {percentages: {adults: 40, children: 60.0}, base: 5}")
    assert problems(council_with(tmp_path, printed)) == []


def test_a_percentage_or_base_the_records_do_not_give_is_refused(tmp_path: Path) -> None:
    wrong = AGREEING.replace("service_groups: {rows: {adults: 2, children: 3}, total: 5}",
                             "service_groups: {percentages: {adults: 45, children: 60.4}, base: 5}")
    source = "the case records for 2023-24"
    assert problems(council_with(tmp_path, wrong)) == [
        f"{HISTORY}:11:40: service_groups.percentages.adults: the history record says 45%, but {source} give "
        "2 of 5 (40.0%)",
        f"{HISTORY}:11:54: service_groups.percentages.children: the history record says 60.4%, but {source} "
        "give 3 of 5 (60.0%)",
    ]
    (tmp_path / "again").mkdir()
    wrong_base = AGREEING.replace("service_groups: {rows: {adults: 2, children: 3}, total: 5}",
                                  "service_groups: {percentages: {adults: 40, children: 60}, base: 6}")
    assert problems(council_with(tmp_path / "again", wrong_base)) == [
        f"{HISTORY}:11:65: service_groups.base: the history record says 6, but {source} give 5"]


def test_a_row_of_a_kind_the_council_does_not_record_is_refused(tmp_path: Path) -> None:
    # The council lists complaints and enquiries only: a request-for-service row would never be
    # shown. No "did you mean": another kind is not a misspelling of one.
    wrong = AGREEING.replace("ineligible: 1}, total: 10}",
                             "ineligible: 1, request-for-service: 0}, total: 10}")
    assert problems(council_with(tmp_path, wrong)) == [
        f"{HISTORY}:4:82: representations.rows.request-for-service: 'request-for-service' is not a kind of "
        "representation listed under representations in records/organisation.yaml (complaints for formal "
        "complaints), withdrawn, or ineligible: choose one of complaints, enquiry, withdrawn, ineligible, "
        "ineligible:safeguarding, ineligible:corporate",
    ]


# Answers within target, counted by hand in the Welsh calendar: Stage 1 of 0001 to 0004 each took 9
# working days of 10 (0005 is still open): 4 of 4. Stage 2 (target 25) of C-2023-0002 took 29, of
# C-2022-0002 25 (Easter and two May bank holidays skipped): 1 of 2.
TIMED = AGREEING.replace("stage-1:open: 1, stage-2: 2, stage-2:escalated: 2,",
                         "stage-1:open: 1, stage-1:within-target: 4, stage-2: 2, stage-2:escalated: 2,\n"
                         "                stage-2:within-target: 1,")


def test_answers_within_target_are_compared_in_the_nations_calendar(tmp_path: Path) -> None:
    assert problems(council_with(tmp_path, TIMED)) == []
    (tmp_path / "again").mkdir()
    # Counted in calendar days, C-2022-0002's Stage 2 would be late too; the officer wrote 0.
    wrong = TIMED.replace("stage-2:within-target: 1", "stage-2:within-target: 0")
    assert problems(council_with(tmp_path / "again", wrong)) == [
        f"{HISTORY}:6:40: stages.rows.stage-2:within-target: the history record says 0, but the case records "
        "for 2023-24 give 1"]


def test_answers_within_target_printed_as_percentages_are_compared_with_the_stages_answers(
        tmp_path: Path) -> None:
    # Shares of each stage's own answers (4 of 4, 1 of 2), whatever the table's base.
    printed = "stages: {percentages: {stage-1:within-target: 100, stage-2:within-target: %s}, base: 7}"
    agreeing = AGREEING.replace(AGREEING.splitlines()[4], printed % 50)
    assert problems(council_with(tmp_path, agreeing)) == []
    (tmp_path / "again").mkdir()
    wrong = AGREEING.replace(AGREEING.splitlines()[4], printed % 100)
    assert problems(council_with(tmp_path / "again", wrong)) == [
        f"{HISTORY}:5:75: stages.percentages.stage-2:within-target: the history record says 100%, but the "
        "case records for 2023-24 give 1 of 2 (50.0%)"]


def test_a_year_without_answers_within_target_never_loads_the_calendar(tmp_path: Path) -> None:
    # holidays costs a warm check a fifth of its time: only a published within-target row needs it.
    script = ("import sys; from pathlib import Path; from generator.check import check_paths; "
              f"assert check_paths(Path({str(council_with(tmp_path, AGREEING))!r})).problems == []; "
              "print('holidays' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=PROJECT)
    assert run.stdout.strip() == "False", run.stderr


def test_parts_of_a_stage_more_than_the_stage_are_refused(tmp_path: Path) -> None:
    wrong = TIMED.replace("stage-1:within-target: 4", "stage-1:within-target: 5")
    refused = (f"{HISTORY}:5:26: stages.rows.stage-1: stage-1:within-target (5) and stage-1:open (1) come "
               "to more than the 5 complaints at stage-1: correct the figures")
    assert refused in problems(council_with(tmp_path, wrong))


def test_a_published_count_within_target_is_shown_as_a_share_of_the_stages_answers(tmp_path: Path) -> None:
    # 2021-22 published Stage 1: 9, 1 still open, 7 within target: 7 of the 8 answers.
    repo = council_with(tmp_path, TIMED)
    earlier = repo / "records" / "history" / "HIST-2021-22.yaml"
    earlier.write_text(earlier.read_text(encoding="utf-8").replace(
        "rows: {stage-1: 9, stage-2: 2,",
        "rows: {stage-1: 9, stage-1:open: 1, stage-1:within-target: 7, stage-2: 2,"),
        encoding="utf-8")
    assert problems(repo) == []
    report = year_report(load_records(repo), "2022-23")
    within = next(row for row in report.table("stages").rows if row.key == "stage-1:within-target")
    assert within.cells[1] == Share(7, 8)


# Stage 1 response times (target 10 days; bands 0-10 to over-50): 0001 to 0004 took 9 working days
# each, 0005 is still open. Acknowledgement (target 2 days): 0004 after 4 working days, the rest
# the next day.
RESPONSES = ('response_times: {rows: {"0-10": 4, "11-20": 0}, total: 5, still_open: 1}\n'
             "acknowledgements: {rows: {in-time: 4, late: 1, not-recorded: 0}, total: 5}\n")


def test_response_times_and_acknowledgements_are_compared_in_working_days(tmp_path: Path) -> None:
    assert problems(council_with(tmp_path, AGREEING + RESPONSES)) == []
    (tmp_path / "again").mkdir()
    # Counted in calendar days, 0001 (over the coronation bank holiday) would be 14: in 11-20; and
    # the officer left out 0005, still open.
    wrong = (AGREEING + RESPONSES).replace('"0-10": 4, "11-20": 0}, total: 5, still_open: 1',
                                           '"0-10": 3, "11-20": 1}, total: 4, still_open: 0')
    wrong = wrong.replace("in-time: 4, late: 1", "in-time: 5, late: 0")
    source = "the case records for 2023-24"
    says = "the history record says"
    assert problems(council_with(tmp_path / "again", wrong)) == [
        f"{HISTORY}:12:33: response_times.rows.0-10: {says} 3, but {source} give 4",
        f"{HISTORY}:12:45: response_times.rows.11-20: {says} 1, but {source} give 0",
        f"{HISTORY}:12:56: response_times.total: {says} 4, but {source} give 5",
        f"{HISTORY}:12:71: response_times.still_open: {says} 0, but {source} give 1",
        f"{HISTORY}:13:36: acknowledgements.rows.in-time: {says} 5, but {source} give 4",
        f"{HISTORY}:13:45: acknowledgements.rows.late: {says} 0, but {source} give 1",
    ]


SCOTLAND = PROJECT / "tests" / "fixtures" / "scotland" / "records"


def test_a_scottish_year_in_the_spso_procedure_is_compared(tmp_path: Path) -> None:
    # Counted by hand from tests/fixtures/scotland, 2023-24, Scotland's calendar and default
    # targets (frontline 5 days, investigation 20; acknowledgement 3):
    # - frontline: 0001 5 days, 0003 6 (late), 0004 2, 0006 4: 3 of 4 within; 0005 still open;
    #   bands 0-5: 0001, 0004, 0006; 6-10: 0003. 0002 went straight to investigation: in no band;
    # - investigation: 0001 20 days, 0002 18 (both within); 0006 still open;
    # - every complaint acknowledged within 3 days, 0002 against the investigation's own 3.
    history = """\
id: HIST-2023-24
year: 2023-24
source: Annual report 2023-24
stages:
  rows: {frontline: 5, frontline:within-target: 3, investigation: 3, investigation:within-target: 2,
         investigation:open: 1, ombudsman: 1}
response_times: {rows: {"0-5": 3, "6-10": 1}, total: 5, still_open: 1}
acknowledgements: {rows: {in-time: 6, late: 0, not-recorded: 0}, total: 6}
"""
    shutil.copytree(SCOTLAND, tmp_path / "records")
    shutil.copytree(PROJECT / "schemas", tmp_path / "schemas")
    (tmp_path / HISTORY).parent.mkdir()
    (tmp_path / HISTORY).write_text(history, encoding="utf-8")
    assert problems(tmp_path) == []
    wrong = (history.replace("frontline:within-target: 3", "frontline:within-target: 4")
             .replace('"0-5": 3, "6-10": 1', '"0-5": 4, "6-10": 0'))
    (tmp_path / HISTORY).write_text(wrong, encoding="utf-8")
    source = "the case records for 2023-24"
    says = "the history record says"
    assert problems(tmp_path) == [
        f"{HISTORY}:5:49: stages.rows.frontline:within-target: {says} 4, but {source} give 3",
        f"{HISTORY}:7:32: response_times.rows.0-5: {says} 4, but {source} give 3",
        f"{HISTORY}:7:43: response_times.rows.6-10: {says} 0, but {source} give 1",
    ]


def test_the_ombudsmans_cases_received_and_decided_are_compared_where_the_site_counts_them(
        tmp_path: Path) -> None:
    # OMB-2023-01 was received on 2 October 2023 and decided on 15 January 2024: 1 and 1.
    assert problems(council_with(tmp_path, AGREEING + "ombudsman: {received: 1, decided: 1}\n")) == []
    (tmp_path / "again").mkdir()
    wrong = council_with(tmp_path / "again", AGREEING + "ombudsman: {received: 1, decided: 2}\n")
    # 2022-23 has case records and no ombudsman case: the site counts 0 received, 0 decided.
    (wrong / "records" / "history" / "HIST-2022-23.yaml").write_text(
        "id: HIST-2022-23\nyear: 2022-23\nsource: Annual report 2022-23\n"
        "ombudsman: {received: 2, decided: 0}\n",
        encoding="utf-8")
    assert problems(wrong) == [
        "records/history/HIST-2022-23.yaml:4:23: ombudsman.received: the history record says 2, but the "
        "ombudsman case records for 2022-23 give 0",
        f"{HISTORY}:12:35: ombudsman.decided: the history record says 2, but the ombudsman case records for "
        "2023-24 give 1",
    ]

"""Under `mkdocs serve`, the tracker's files are used again only when what they are made from is the same."""

from __future__ import annotations

import dataclasses
from datetime import date

from test_tracker_pages import ACTIONS, AS_OF, RECORDS, SINCE, _history

from generator.githistory import FolderHistory, Lineage, Version
from generator.model import Records
from generator.pages.tracker import tracker_files
from generator.site import MadeBefore


def _made(made_before: MadeBefore, records: Records, history=_history, as_of: date = AS_OF):  # type: ignore[no-untyped-def]
    made_before.next_build()
    return made_before.tracker_files(records, as_of=as_of, changed_since=SINCE, record_history=history)


def _fresh(records: Records, history=_history, as_of: date = AS_OF):  # type: ignore[no-untyped-def]
    return tracker_files(records, as_of=as_of, changed_since=SINCE, record_history=history)


def test_the_same_sources_give_the_files_made_before() -> None:
    made_before = MadeBefore()
    first = _made(made_before, RECORDS)
    assert first == _fresh(RECORDS)
    again = dataclasses.replace(RECORDS)  # new Records, the same actions and organisation
    assert _made(made_before, again) is first


def test_a_changed_action_organisation_date_or_history_makes_the_files_again() -> None:
    changed_action = dataclasses.replace(ACTIONS[0], status="completed", completed=date(2020, 11, 1))
    moved = dataclasses.replace(RECORDS.organisation, site={**RECORDS.organisation.site,
                                                           "repository": "https://example.org/elsewhere"})
    reviewed = Version("abc1234", date(2020, 11, 30), ACTIONS[0].source_path, "f00")
    newer = FolderHistory(lineages=(Lineage((reviewed,)),), texts={"f00": "id: ACT-2018-01\n"},
                          head="abc1234")
    variants = [
        (dataclasses.replace(RECORDS, actions=(changed_action, *ACTIONS[1:])), _history, AS_OF),
        (dataclasses.replace(RECORDS, organisation=moved), _history, AS_OF),
        (RECORDS, _history, date(2021, 2, 1)),
        (RECORDS, newer, AS_OF),
    ]
    for records, history, as_of in variants:
        made_before = MadeBefore()
        first = _made(made_before, RECORDS)
        made = _made(made_before, records, history, as_of)
        assert made is not first
        assert made == _fresh(records, history, as_of) != first


def test_the_tracker_made_in_one_language_is_not_used_in_another() -> None:
    from generator.language import WELSH, speaking

    made_before = MadeBefore()
    english = _made(made_before, RECORDS)
    with speaking(WELSH):
        welsh = _made(made_before, RECORDS)
        assert welsh is not english and welsh == _fresh(RECORDS)
    assert welsh != english

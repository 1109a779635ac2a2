"""A change to the Welsh of an action record alone is a change on the Welsh site, described in
Welsh, and none on the English site (whose readers see nothing change)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import yaml

from generator.language import WELSH, speaking
from generator.model.actions import action_from
from generator.tracker.differences import Names, differences

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "wales-social-services" / "records" / "actions"
NAMES = Names(theme=str, department=str, plan=str)


def _versions() -> tuple[dict, dict]:
    path = sorted(FIXTURE.rglob("*.yaml"))[0]
    # Dates as the records' loader gives them, written as text
    before = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
    return before, copy.deepcopy(before)


def test_a_change_to_the_welsh_alone_is_a_change_on_the_welsh_site_only() -> None:
    before, after = _versions()
    after["issue_cy"] = "Roedd trefnu asesiadau i bobl hŷn yn cymryd gormod o amser."
    after["actions"][0]["action_cy"] = "Trefnu pob asesiad o fewn wythnos i'r cais."
    old, new = action_from(before, "a.yaml"), action_from(after, "a.yaml")
    assert differences(old, new, NAMES) == []
    with speaking(WELSH):
        found = differences(old, new, NAMES)
    assert len(found) == 2, found
    assert "Roedd trefnu asesiadau i bobl hŷn yn cymryd gormod o amser." in found[0]
    assert "Trefnu pob asesiad o fewn wythnos i'r cais." in found[1]


def test_a_change_to_the_english_alone_is_a_change_on_the_english_site_only() -> None:
    before, after = _versions()
    after["issue"] = "Arranging assessments for older people took far too long."
    old, new = action_from(before, "a.yaml"), action_from(after, "a.yaml")
    assert len(differences(old, new, NAMES)) == 1
    with speaking(WELSH):
        assert differences(old, new, NAMES) == []

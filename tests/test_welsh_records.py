"""Welsh versions of the records' published text: the schemas declare one beside every published
English field, and with Welsh on validate asks for each one missing (the exact messages are in
tests/badinput/welsh.yaml)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from generator.check.fields import field_patterns
from generator.check.published_names import name_fields
from generator.check.welsh import MARK, SUFFIX, languages_of, pairs
from generator.check.welsh_commentary import commentary_years
from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("organisation", "case", "ombudsman", "compliment", "action", "history")


def schema(kind: str) -> dict[str, Any]:
    return json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))


def objects(node: Any) -> list[dict[str, Any]]:
    """Every object schema with properties, anywhere in a schema."""
    found = []
    if isinstance(node, dict):
        if isinstance(node.get("properties"), dict):
            found.append(node)
        for value in node.values():
            found += objects(value)
    elif isinstance(node, list):
        for item in node:
            found += objects(item)
    return found


def is_public(field: dict[str, Any]) -> bool:
    items = field.get("items")
    return field.get("x-public") is True or (isinstance(items, dict) and items.get("x-public") is True)


@pytest.mark.parametrize("kind", KINDS)
def test_every_published_field_has_its_welsh_beside_it(kind: str) -> None:
    published_names = {pattern[-1] if pattern[-1] != "*" else pattern[-2]
                       for pattern in name_fields(schema(kind))} if kind == "organisation" else set()
    checked = 0
    for node in objects(schema(kind)):
        properties = node["properties"]
        for name, field in properties.items():
            if name.endswith(SUFFIX) or not (is_public(field) or name in published_names):
                continue
            welsh = properties.get(name + SUFFIX)
            assert welsh is not None, f"{kind}: {name} has no {name}{SUFFIX}"
            assert welsh[MARK] == name
            assert welsh["title"] == f"{field['title']} (Welsh)"
            assert "Welsh" in welsh["description"] and "languages" in welsh["description"]
            # The same shape and the same marks as the English: scanned and shown alike.
            shape = {k: v for k, v in field.items() if k not in ("title", "description", "default")}
            assert {k: v for k, v in welsh.items() if k not in ("title", "description", MARK)} == shape
            checked += 1
    assert checked


@pytest.mark.parametrize("kind", KINDS)
def test_every_welsh_field_names_the_english_beside_it(kind: str) -> None:
    marked = field_patterns(schema(kind), lambda each: MARK in each)
    assert marked
    for pattern in marked:
        assert pattern[-1].endswith(SUFFIX)
    for node in objects(schema(kind)):
        for name, field in node["properties"].items():
            if MARK in field:
                assert name == field[MARK] + SUFFIX and field[MARK] in node["properties"]


def test_the_welsh_of_what_an_officer_writes_is_declared_where_it_is_published() -> None:
    def shown(kind: str) -> set[str]:
        return {".".join((*pair.parent, pair.english)) for pair in pairs(schema(kind))}

    assert shown("compliment") == {"quote"}
    assert shown("case") == {"case_study.raised", "case_study.done"}
    assert {"issue", "lessons", "actions.*.action", "actions.*.revisions.*.reason", "reviews.*.note",
            "lead_officer"} == shown("action")
    assert {"name", "taxonomies.service_areas.*.name", "taxonomies.service_areas.*.note", "contact.team",
            "procedure.stages.*.name", "meetings.*.name"} <= shown("organisation")
    assert shown("history") == {"faults.*.note"}


def test_case_studies_and_quotes_need_welsh_only_when_published() -> None:
    gates = {pair.english: pair.gates for kind in ("case", "compliment") for pair in pairs(schema(kind))}
    assert gates == {"raised": (1,), "done": (1,), "quote": (0,)}
    assert all(not pair.gates for pair in pairs(schema("action")))


def test_the_languages_default_to_english() -> None:
    assert languages_of({}) == ("en",)
    assert languages_of({"languages": ["en", "cy"]}) == ("en", "cy")
    assert languages_of({"languages": "cy"}) == ("en",)  # the schema reports that
    assert schema("organisation")["properties"]["languages"]["default"] == ["en"]


WELSH_FIXTURE = ROOT / "tests" / "fixtures" / "wales-social-services"


def _copy(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(WELSH_FIXTURE / "records", repo / "records")
    if (WELSH_FIXTURE / "docs").is_dir():
        shutil.copytree(WELSH_FIXTURE / "docs", repo / "docs")
    return repo


def _validate(repo: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(["validate", "--root", str(repo)])
    return status, capsys.readouterr().out


def test_the_welsh_fixture_council_is_valid_with_welsh_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = _copy(tmp_path)
    assert "languages: [en, cy]" in (repo / "records" / "organisation.yaml").read_text(encoding="utf-8")
    assert _validate(repo, capsys) == (0, "All 19 records are valid.\n")


def test_without_welsh_on_welsh_is_neither_asked_for_nor_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = _copy(tmp_path)
    organisation = repo / "records" / "organisation.yaml"
    text = organisation.read_text(encoding="utf-8")
    organisation.write_text(text.replace("languages: [en, cy]\n", "")
                            .replace("name_cy: Cyngor Bwrdeistref Sirol Cwm Example\n", ""), encoding="utf-8")
    study = repo / "records" / "cases" / "2023-24" / "C-2023-0001.yaml"
    study.write_text(re.sub(r"  (raised|done)_cy: .*\n(    .*\n)*", "", study.read_text(encoding="utf-8")),
                     encoding="utf-8")
    assert "_cy" not in study.read_text(encoding="utf-8")
    # Welsh kept elsewhere (the action's) is allowed, and the council's name and the study need none.
    assert _validate(repo, capsys)[0] == 0


def test_a_case_study_not_published_needs_no_welsh(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = _copy(tmp_path)
    study = repo / "records" / "cases" / "2023-24" / "C-2023-0001.yaml"
    text = re.sub(r"  (raised|done)_cy: .*\n(    .*\n)*", "", study.read_text(encoding="utf-8"))
    study.write_text(text.replace("publish: true", "publish: false"), encoding="utf-8")
    assert _validate(repo, capsys)[0] == 0
    study.write_text(text, encoding="utf-8")
    status, out = _validate(repo, capsys)
    assert status == 1
    assert [line.split(": ")[1] for line in out.splitlines()[:-1]] == ["case_study.raised", "case_study.done"]


def test_each_years_commentary_needs_its_welsh_and_a_welsh_page_is_no_year(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = _copy(tmp_path)
    commentary = repo / "docs" / "commentary"
    assert commentary_years(commentary) == ["2023-24"]  # cy/ is a language's folder, not a year
    assert commentary_years(commentary / "cy") == ["2023-24"]
    (commentary / "cy" / "2023-24.md").rename(tmp_path / "kept.md")
    status, out = _validate(repo, capsys)
    assert status == 1
    assert out.splitlines()[0].startswith("docs/commentary/2023-24.md:1:1: has no Welsh version")
    # Welsh off: the English commentary needs no Welsh.
    organisation = repo / "records" / "organisation.yaml"
    organisation.write_text(organisation.read_text(encoding="utf-8").replace("languages: [en, cy]\n", ""),
                            encoding="utf-8")
    assert _validate(repo, capsys)[0] == 0


def test_candour_new_asks_for_the_welsh_only_of_a_council_publishing_in_welsh(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    welsh = _copy(tmp_path)
    assert main(["new", "action", "--year", "2023-24", "--root", str(welsh)]) == 0
    action = (welsh / "records" / "actions" / "2023-24" / "ACT-2023-02.yaml").read_text(encoding="utf-8")
    assert "\nissue: TODO\n" in action and "\nissue_cy: TODO\n" in action
    assert "\n  - action: TODO\n" in action and "\n    action_cy: TODO\n" in action
    assert "\n# lessons_cy: [...]\n" in action  # optional, as lessons are
    assert main(["new", "compliment", "--year", "2023-24", "--root", str(welsh)]) == 0
    compliment = (welsh / "records" / "compliments" / "2023-24" / "CPL-2023-0001.yaml").read_text("utf-8")
    assert "\nquote_cy: TODO\n" in compliment
    english = tmp_path / "english"
    shutil.copytree(ROOT / "tests" / "cases" / "small", english)
    assert main(["new", "action", "--year", "2019-20", "--root", str(english)]) == 0
    assert "_cy" not in (english / "records" / "actions" / "2019-20" / "ACT-2019-02.yaml").read_text("utf-8")
    capsys.readouterr()

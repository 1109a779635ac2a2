"""The JSON Schemas are valid 2020-12 schemas, explain every field, and accept every shipped record."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from generator.load import read_record, record_paths

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
KINDS = ("organisation", "case", "ombudsman", "compliment", "action", "history", "ombudsman-statistics")
RECORD_ROOTS = [ROOT / "records", ROOT / "tests" / "fixtures" / "wales" / "records"]
# Keywords whose subschemas only narrow fields declared elsewhere, so need no titles of their own.
CONDITIONS = {"if", "then", "else", "not"}


@cache
def schema(kind: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))


@cache
def validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(schema(kind), format_checker=FormatChecker())


def declared_properties(node: Any, where: str = "") -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Every property declared anywhere in a schema, outside conditions, with where it sits."""
    if isinstance(node, dict):
        for name, value in node.get("properties", {}).items():
            yield f"{where}.{name}", name, value
        for key, value in node.items():
            if key not in CONDITIONS:
                yield from declared_properties(value, f"{where}.{key}" if key != "properties" else where)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from declared_properties(item, f"{where}[{index}]")


def condition_properties(node: Any) -> Iterator[tuple[dict[str, Any], set[str]]]:
    """Each object schema with the property names its conditions mention."""
    if isinstance(node, dict):
        mentioned: set[str] = set()
        for branch in [*node.get("allOf", []), node]:
            for key in CONDITIONS & set(branch):
                mentioned |= _names_in(branch[key])
        if "properties" in node:
            yield node, mentioned
        for key, value in node.items():
            if key not in CONDITIONS:
                yield from condition_properties(value)
    elif isinstance(node, list):
        for item in node:
            yield from condition_properties(item)


def _names_in(node: Any) -> set[str]:
    if not isinstance(node, dict):
        return set()
    names = set(node.get("properties", {})) | set(node.get("required", []))
    for key in CONDITIONS & set(node):
        names |= _names_in(node[key])
    return names


def test_there_is_one_schema_per_kind() -> None:
    assert sorted(path.name for path in SCHEMAS.glob("*.json")) == sorted(f"{k}.schema.json" for k in KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_schema_is_valid_2020_12(kind: str) -> None:
    Draft202012Validator.check_schema(schema(kind))
    assert schema(kind)["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    for key in ("$id", "title", "description"):
        assert schema(kind).get(key), key


@pytest.mark.parametrize("kind", KINDS)
def test_every_property_has_a_title_and_description(kind: str) -> None:
    missing = [where for where, _, value in declared_properties(schema(kind))
               if not (value.get("title") and value.get("description"))]
    assert not missing, f"{kind}: no title or description at {missing}"


@pytest.mark.parametrize("kind", KINDS)
def test_conditions_only_name_declared_properties(kind: str) -> None:
    for node, mentioned in condition_properties(schema(kind)):
        assert mentioned <= set(node.get("properties", {})), mentioned - set(node.get("properties", {}))


@pytest.mark.parametrize("kind", KINDS)
def test_every_object_refuses_unknown_fields(kind: str) -> None:
    def objects(node: Any) -> Iterator[dict[str, Any]]:
        if isinstance(node, dict):
            if "properties" in node and node.get("type") == "object":
                yield node
            for key, value in node.items():
                if key not in CONDITIONS:
                    yield from objects(value)
        elif isinstance(node, list):
            for item in node:
                yield from objects(item)

    found = list(objects(schema(kind)))
    assert found and all(node.get("additionalProperties") is False for node in found)


@pytest.mark.parametrize("kind", KINDS)
def test_public_fields_are_free_text(kind: str) -> None:
    """x-public marks free text that may be published; it never appears without x-free-text."""
    def annotated(node: Any) -> Iterator[dict[str, Any]]:
        if isinstance(node, dict):
            if "x-public" in node or "x-free-text" in node:
                yield node
            for value in node.values():
                yield from annotated(value)
        elif isinstance(node, list):
            for item in node:
                yield from annotated(item)

    for node in annotated(schema(kind)):
        assert node.get("x-free-text") is True and node.get("type") == "string"
        assert node.get("x-public", True) is True


def test_free_text_annotations_cover_what_the_site_publishes() -> None:
    def public_names(kind: str) -> set[str]:
        # The Welsh beside each (quote_cy beside quote) is tested in test_welsh_records.py.
        return {name for _, name, value in declared_properties(schema(kind))
                if value.get("x-public") and not name.endswith("_cy")}

    assert public_names("case") == {"raised", "done"}
    assert public_names("compliment") == {"quote"}
    assert public_names("ombudsman") == {"reason"}
    assert {"issue", "action", "reason", "note"} <= public_names("action")
    assert schema("action")["properties"]["lessons"]["items"]["x-public"] is True
    assert public_names("history") == {"note"}
    case_free = {name for _, name, value in declared_properties(schema("case")) if value.get("x-free-text")}
    assert {"summary", "reason", "raised", "done"} <= case_free


def all_records() -> list[tuple[str, Path, Path]]:
    return [(str(path.relative_to(ROOT)), path, root) for root in RECORD_ROOTS for path in record_paths(root)]


@pytest.mark.parametrize(("shown", "path", "root"), all_records(), ids=[r[0] for r in all_records()])
def test_record_is_valid(shown: str, path: Path, root: Path) -> None:
    record = read_record(path, root)
    errors = [f"{e.json_path}: {e.message}" for e in validator(record.kind).iter_errors(record.values)]
    assert not errors, f"{shown}: {errors}"


@pytest.mark.parametrize(("kind", "record", "complaint"), [
    ("case", {"id": "C-2019-0001", "kind": "complaint", "disposition": "accepted", "received": "2019-04-01",
              "summary": "x"}, "service_area"),
    ("case", {"id": "C-2019-0001", "kind": "complaint", "disposition": "ineligible", "received": "2019-04-01",
              "summary": "x"}, "redirected_to"),
    ("case", {"id": "C-2019-0001", "kind": "enquiry", "disposition": "accepted", "received": "2019-04-01",
              "summary": "x", "redirected_to": "other"}, "should not be valid"),
    ("case", {"id": "C-2019-0001", "kind": "enquiry", "disposition": "accepted", "received": "2019-4-1",
              "summary": "x"}, "does not match"),
    ("case", {"id": "C-2019-0001", "kind": "enquiry", "disposition": "accepted", "received": "2019-02-30",
              "summary": "x"}, "is not a 'date'"),
    ("case", {"id": "C-2019-0001", "kind": "enquiry", "disposition": "accepted", "received": "2019-04-01",
              "summary": "x", "colour": "blue"}, "Additional properties"),
    ("ombudsman", {"id": "OMB-2019-01", "received": "2019-04-01", "summary": "x",
                   "remedies": [{"kind": "financial", "reason": "Distress"}]}, "amount"),
    ("compliment", {"id": "CPL-2019-0001", "received": "2019-04-01", "team": "hospitals", "publish": True},
     "quote"),
    ("action", {"id": "ACT-2019-01", "plan": "p", "theme": "t", "raised": "2019-04-01", "issue": "x",
                "actions": [{"action": "a", "departments": ["d"], "timescale": "soon"}],
                "status": "complete"}, "completed"),
    ("history", {"id": "HIST-2017-18", "year": "2017-18", "source": "s",
                 "faults": [{"table": "colours", "note": "x"}]}, "is not one of"),
])
def test_schema_refuses(kind: str, record: dict[str, Any], complaint: str) -> None:
    messages = " | ".join(error.message for error in validator(kind).iter_errors(record))
    assert complaint in messages


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_with_free_text_accepts_reviewed_warnings(kind: str) -> None:
    properties = dict(schema(kind)["properties"])
    reviewed = properties.pop("privacy_accepted", None)
    if '"x-free-text": true' in json.dumps(properties):
        assert reviewed is not None, f"{kind} has free text but no privacy_accepted"
        assert reviewed["items"]["required"] == ["field", "kind", "text_hash", "reason"]

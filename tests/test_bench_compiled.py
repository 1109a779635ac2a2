"""The compiled first pass never accepts what jsonschema rejects, and accepts every valid demo record."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from generator.check.compiled import NotCompilable, compiled, draft_7
from generator.check.schema_files import load_schemas
from generator.load import read_record, record_paths

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS, _ = load_schemas(ROOT / "schemas", ROOT)
ODD_VALUES = (None, True, False, 0, 1, 1.0, 2.5, -1, "", "TODO", "x\n", "2019-02-30", "2019-06-03\n",
              "not a date", "Upheld", [], [1], {}, {"a": 1})


def _records() -> list[Any]:
    return [read_record(path, ROOT / "records") for path in record_paths(ROOT / "records")]


def _locations(values: Any, where: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield where
    if isinstance(values, dict):
        for key, value in values.items():
            yield from _locations(value, (*where, key))
    elif isinstance(values, list):
        for index, value in enumerate(values):
            yield from _locations(value, (*where, index))


def _variants(values: dict[str, Any]) -> Iterator[Any]:
    """The record broken one value at a time: each value replaced, removed, or a field added."""
    for where in list(_locations(values))[1:]:
        for odd in ODD_VALUES:
            changed = copy.deepcopy(values)
            parent = changed
            for step in where[:-1]:
                parent = parent[step]
            parent[where[-1]] = copy.deepcopy(odd)
            yield changed
        removed = copy.deepcopy(values)
        parent = removed
        for step in where[:-1]:
            parent = parent[step]
        del parent[where[-1]]
        yield removed
    yield {**values, "unknown_field": "x"}


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_every_demo_schema_compiles(kind: str) -> None:
    assert compiled(SCHEMAS[kind]) is not None


def test_compiled_pass_is_never_looser_than_jsonschema() -> None:
    checks = {kind: compiled(schema) for kind, schema in SCHEMAS.items()}
    validators = {kind: Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
                  for kind, schema in SCHEMAS.items()}
    seen_by_kind: dict[str, int] = {}
    tried = rejected = 0
    for record in _records():
        if seen_by_kind.get(record.kind, 0) >= 6:  # a few of each kind: every field shape is covered
            continue
        seen_by_kind[record.kind] = seen_by_kind.get(record.kind, 0) + 1
        check, validator = checks[record.kind], validators[record.kind]
        assert check(record.values), f"{record.shown_as} is valid but the compiled pass rejects it"
        for variant in _variants(record.values):
            tried += 1
            if check(variant):
                assert validator.is_valid(variant), f"compiled pass accepts an invalid {record.kind}"
            else:
                rejected += 1
    assert tried > 1000 and rejected > 100


def test_a_keyword_that_differs_between_drafts_is_not_compiled() -> None:
    with pytest.raises(NotCompilable):
        draft_7({"type": "object", "unevaluatedProperties": False})
    with pytest.raises(NotCompilable):
        draft_7({"items": [{"type": "string"}]})
    assert compiled({"prefixItems": [{"type": "string"}]}) is None


def test_dependent_required_becomes_dependencies() -> None:
    derived = draft_7({"dependentRequired": {"decided": ["decision"]}, "x-free-text": True})
    assert derived == {"dependencies": {"decided": ["decision"]}}


def test_real_dates_only() -> None:
    check = compiled({"type": "string", "format": "date"})
    assert check is not None
    assert check("2020-02-29") and not check("2019-02-29")

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


DATES = (
    "2019-06-03", "2020-02-29", "2019-02-29", "2019-02-30", "2019-13-01", "2019-00-10", "0000-01-01",
    "0001-01-01", "9999-12-31", "2019-6-3", "2019-06-3", "19-06-03", "2019/06/03", "20190603",
    "2019-06-03T00:00", "2019-06-03 ", " 2019-06-03", "2019-06-03\n", "2019-W23-1", "2019-158",
    "+2019-06-03", "2019-06-31", "", "x", "2019-06-03Z",
    "\uff12\uff10\uff11\uff19-06-03",  # full-width digits
)


EMAILS = ("complaints@example.gov.uk", "a@b", "@", "no at sign", "", "x@", "@x", "two@@signs")


FORMAT_VALUES = [*(("date", value) for value in DATES), *(("email", value) for value in EMAILS)]


@pytest.mark.parametrize(("format_name", "value"), FORMAT_VALUES)
def test_the_compiled_passs_formats_are_jsonschemas(format_name: str, value: str) -> None:
    from generator.check.compiled import FORMATS

    assert FORMATS[format_name](value) == Draft202012Validator.FORMAT_CHECKER.conforms(value, format_name)


def test_a_warm_check_of_a_changed_valid_case_never_imports_jsonschema(tmp_path: Path) -> None:
    """jsonschema is for explaining errors: a warm check of a changed, valid case costs no import."""
    import shutil
    import subprocess
    import sys

    for folder in ("records", "schemas"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / ".gitignore").write_text(".candour-cache/\n", encoding="utf-8")
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from generator.check import check_paths\n"
        f"result = check_paths(Path({str(tmp_path)!r}), keep_values=False, cache=True)\n"
        "assert not result.problems, result.problems[:3]\n"
        "print('jsonschema' in sys.modules)\n"
    )

    def check() -> str:
        found = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
        assert found.returncode == 0, found.stderr
        return found.stdout.strip()

    assert check() == "True"  # the cache made: the organisation's addresses are checked by jsonschema
    case = sorted((tmp_path / "records" / "cases").rglob("*.yaml"))[0]
    case.write_text(case.read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")
    assert check() == "False"  # only the changed case read again

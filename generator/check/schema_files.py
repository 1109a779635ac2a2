"""The schema of each kind of record, read from its file: no validator is built here, so reading
them costs nothing when every record is known clean from the cache."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.check.fields import Schema
from generator.packaged import packaged_folder
from generator.problems import Problem

SCHEMAS = "schemas"
# Each schema names the version of the record model it describes; it goes up by one whenever a
# record valid before may no longer be (a field required, renamed or narrowed), so a council
# upgrading Candour can see from the release notes whether `candour validate` will ask for changes.
VERSION_KEY = "x-schema-version"

KINDS = ("organisation", "case", "ombudsman", "compliment", "action", "history", "ombudsman-statistics")
PLACEHOLDER = "TODO"  # what `candour new` writes where an officer must choose a value
CEILING = 1_000_000_000  # no count or amount in a council's records comes near a billion


def schemas_folder(repo_root: Path) -> Path:
    """The repository's own schemas, or those that came with Candour when it has none.

    Candour's own repository keeps them in schemas/; a council's repository normally has none and
    is checked against the schemas of the Candour version it installed (the published pre-commit
    hook, `pip install candour`)."""
    own = repo_root / SCHEMAS
    if own.is_dir():
        return own
    return packaged_folder("schemas")


def load_schemas(schemas_root: Path, shown_from: Path) -> tuple[dict[str, Schema], list[Problem]]:
    """Read every kind's schema; a missing or broken one becomes a problem, not a crash."""
    schemas: dict[str, Schema] = {}
    problems: list[Problem] = []
    for kind in KINDS:
        path = schemas_root / f"{kind}.schema.json"
        try:
            shown = str(path.resolve().relative_to(shown_from.resolve()))
        except ValueError:
            shown = str(path)
        try:
            # Checking against the metaschema takes a second: pre-commit and the tests do it instead.
            schema = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(schema, dict):
                raise ValueError("the file holds no schema object")
        except OSError as error:
            problems.append(Problem(shown, 1, 1, "", f"cannot be opened: {error.strerror}"))
            continue
        except json.JSONDecodeError as error:
            problems.append(Problem(shown, error.lineno, error.colno, "", f"is not valid JSON: {error.msg}"))
            continue
        except ValueError as error:
            problems.append(Problem(shown, 1, 1, "", f"is not a JSON Schema: {error}"))
            continue
        schemas[kind] = with_ceiling(schema)
    return schemas, problems


def with_ceiling(schema: Any) -> Any:
    """The schema with every number's `maximum` at most CEILING: a count or an amount past it is a
    slip of the keyboard, and would be published as written. The schema's own lower maximum stands."""
    if isinstance(schema, list):
        return [with_ceiling(each) for each in schema]
    if not isinstance(schema, dict):
        return schema
    ceiled = {key: with_ceiling(value) for key, value in schema.items()}
    types = schema.get("type")
    named = types if isinstance(types, list) else [types]
    if "integer" in named or "number" in named:
        given = schema.get("maximum")
        ceiled["maximum"] = CEILING if not isinstance(given, int | float) else min(given, CEILING)
    return ceiled


def schema_versions(schemas_root: Path) -> dict[str, int | None]:
    """The model version each kind's schema says it describes (None when it says none)."""
    versions: dict[str, int | None] = {}
    for kind in KINDS:
        try:
            schema = json.loads((schemas_root / f"{kind}.schema.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            versions[kind] = None
            continue
        version = schema.get(VERSION_KEY) if isinstance(schema, dict) else None
        versions[kind] = version if isinstance(version, int) else None
    return versions

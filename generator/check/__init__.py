"""The check stage: every problem in the records, from three layers, in one run.

1. the schema of each kind of record (`schema.py`);
2. rules across fields and records (`rules.py`);
3. the personal-data scan of free text (`privacy.py`).

Rules across records always see the whole repository, even when only some files are named;
problems are then reported for the named files only, except those of the whole repository
(duplicate ids, a missing organisation file).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path

from generator.check import rules
from generator.check.privacy import PrivacyScan
from generator.check.schema import PLACEHOLDER, SchemaCheck, load_schemas
from generator.load import (
    KIND_FOLDERS,
    ORGANISATION_FILE,
    RecordFile,
    kind_of,
    read_all,
    record_paths,
)
from generator.problems import Problem, field_name

RECORDS = "records"
SCHEMAS = "schemas"
# Files an officer may keep beside the records without them being read as records.
_NOT_RECORDS = (".md", ".txt")


@dataclass
class CheckResult:
    """What a check found: the problems, notes for the officer, and every record read."""

    problems: list[Problem]
    notes: list[str] = field(default_factory=list)
    records: list[RecordFile] = field(default_factory=list)
    checked: int = 0  # how many record files the problems were looked for in

    @property
    def files_with_problems(self) -> int:
        return len({problem.path for problem in self.problems})


def schemas_folder(repo_root: Path) -> Path:
    """The repository's own schemas, or those that came with Candour when it has none."""
    own = repo_root / SCHEMAS
    if own.is_dir():
        return own
    try:  # installed as a package (the published pre-commit hook): the schemas that came with it
        return Path(str(resources.files("generator.schemas")))
    except ModuleNotFoundError:  # run from a checkout of Candour: the schemas beside the package
        return Path(__file__).resolve().parents[2] / SCHEMAS


def check_paths(repo_root: Path, paths: list[Path] | None = None, today: date | None = None) -> CheckResult:
    """Check the records under `paths` (files or folders; all records when None)."""
    repo_root = repo_root.resolve()
    records_root = repo_root / RECORDS
    notes: list[str] = []
    if not records_root.is_dir():
        return CheckResult(
            [
                Problem(
                    RECORDS,
                    1,
                    1,
                    "",
                    (
                        f"there is no records/ folder in {repo_root}: run candour from the repository's top "
                        "folder, or give it with --root"
                    ),
                )
            ]
        )
    named = None if paths is None else _named_files(paths, records_root, repo_root, notes)
    if named is not None and f"{RECORDS}/{ORGANISATION_FILE}" in named:
        # Every record refers to the organisation's lists: a change there can break any of them.
        notes.append(f"{RECORDS}/{ORGANISATION_FILE} is among the files named, so every record is checked")
        named = None

    schemas, problems = load_schemas(schemas_folder(repo_root), repo_root)
    all_paths = list(record_paths(records_root))
    problems += [
        _misplaced(path, repo_root)
        for path in _stray_files(records_root)
        if named is None or _shown(path, repo_root) in named
    ]
    records, unreadable = read_all(all_paths, records_root, repo_root)
    problems += unreadable

    schema_check, privacy = SchemaCheck(schemas), PrivacyScan(schemas)
    in_scope = [r for r in records if named is None or r.shown_as in named]
    schema_problems = {
        r.shown_as: schema_check.problems(r)
        for r in records
        if named is None or r.shown_as in named or r.kind == "organisation"
    }

    def is_valid(record: RecordFile) -> bool:
        if record.shown_as in schema_problems:
            return not schema_problems[record.shown_as]
        return schema_check.is_valid(record)

    whole_repository: list[Problem] = []
    organisation = next((r for r in records if r.kind == "organisation"), None)
    taxonomy = None
    if organisation is None:
        if not any(p.path.endswith(ORGANISATION_FILE) for p in unreadable):
            whole_repository.append(
                Problem(
                    f"{RECORDS}/{ORGANISATION_FILE}",
                    1,
                    1,
                    "",
                    (
                        "is missing: every repository needs one organisation file (see "
                        "docs/records-guide/examples.md); references to its taxonomies were not checked"
                    ),
                )
            )
    elif is_valid(organisation):
        taxonomy = rules.Taxonomy.from_values(organisation.values)
    else:
        notes.append(
            f"{organisation.shown_as} has problems, so references to its service areas, "
            "subjects and other lists were not checked"
        )

    repository = rules.Repository(
        records_root,
        records,
        taxonomy,
        is_valid,
        rules.date_fields(schemas),
        today or date.today(),
        unreadable_ids=_unreadable_ids(unreadable, records_root, repo_root),
    )
    for record in in_scope:
        found_by_schema = schema_problems.get(record.shown_as, [])
        flagged = {p.field for p in found_by_schema}
        rule_problems = [p for p in rules.record_problems(record, repository) if p.field not in flagged]
        problems += found_by_schema + rule_problems + privacy.problems(record)
        problems += _placeholders(record, flagged | {p.field for p in rule_problems})
    whole_repository += rules.duplicate_ids(records, named)
    problems += rules.history_agreement(repository, named)

    if named is not None:
        problems = [p for p in problems if p.path in named]
    # Ties keep the order found: the personal-data findings in a field stay in reading order.
    ordered = sorted(dict.fromkeys(problems + whole_repository), key=lambda p: (p.path, p.line, p.column))
    return CheckResult(ordered, notes, records, len(in_scope))


def _shown(path: Path, repo_root: Path) -> str:
    try:
        return str(path.resolve().relative_to(repo_root))
    except ValueError:
        return str(path)


def _named_files(paths: list[Path], records_root: Path, repo_root: Path, notes: list[str]) -> set[str]:
    """The files named on the command line (folders opened), as shown in problems."""
    named: set[str] = set()
    for path in paths:
        resolved = path.resolve()
        if not resolved.exists():
            notes.append(f"{path} does not exist; skipped")
            continue
        try:
            resolved.relative_to(records_root.resolve())
        except ValueError:
            notes.append(f"{path} is not under records/; skipped")
            continue
        found = [resolved] if resolved.is_file() else [p for p in resolved.rglob("*") if p.is_file()]
        named |= {_shown(p, repo_root) for p in found if not p.name.startswith(".")}
    return named


def _stray_files(records_root: Path) -> list[Path]:
    """Files under records/ that will never be read as records, so that none is silently lost."""
    known = set(record_paths(records_root))
    stray = []
    for path in sorted(records_root.rglob("*")):
        if (
            path.is_file()
            and path not in known
            and not path.name.startswith(".")
            and path.suffix not in _NOT_RECORDS
            and not any(p.startswith(".") for p in path.parts)
        ):
            stray.append(path)
    return stray


def _misplaced(path: Path, repo_root: Path) -> Problem:
    shown = _shown(path, repo_root)
    if path.suffix in (".yml", ".YAML", ".Yaml"):
        message = f"ends in {path.suffix}: record files end in .yaml, so this one is not read"
    else:
        folders = ", ".join(f"{name}/" for name in sorted(KIND_FOLDERS))
        message = (
            f"is not a record file, so it is not read: records are .yaml files in {ORGANISATION_FILE} "
            f"or under {folders}"
        )
    return Problem(shown, 1, 1, "", message)


def _unreadable_ids(unreadable: list[Problem], records_root: Path, repo_root: Path) -> dict[str, set[str]]:
    """Ids of files that could not be read, taken from their names, so references to them hold."""
    ids: dict[str, set[str]] = {}
    for problem in unreadable:
        path = repo_root / problem.path
        kind = kind_of(path, records_root)
        if kind:
            ids.setdefault(kind, set()).add(path.stem)
    return ids


def _placeholders(record: RecordFile, flagged: set[str]) -> list[Problem]:
    """Values `candour new` left as TODO that no other check has already pointed at."""
    found = []
    for location in _todo_locations(record.values, ()):
        name = field_name(location)
        if name not in flagged:
            found.append(record.problem(location, f"still says {PLACEHOLDER}: fill it in"))
    return found


def _todo_locations(values: object, location: tuple[str | int, ...]) -> list[tuple[str | int, ...]]:
    if values == PLACEHOLDER:
        return [location]
    if isinstance(values, dict):
        return [found for key, value in values.items() for found in _todo_locations(value, (*location, key))]
    if isinstance(values, list):
        return [
            found
            for index, value in enumerate(values)
            for found in _todo_locations(value, (*location, index))
        ]
    return []

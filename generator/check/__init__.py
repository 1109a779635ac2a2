"""The check stage: every problem in the records, from three layers, in one run.

1. the schema of each kind of record (`schema.py`);
2. rules across fields and records (`rules.py`);
3. the personal-data scan of free text (`privacy.py`).

Rules across records always see the whole repository, even when only some files are named;
problems are then reported for the named files only, except those of the whole repository
(duplicate ids, a missing organisation file).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from generator.cache import CheckCache, KeptInMemory, cache_key
from generator.cache import wanted as cache_wanted
from generator.check import rules
from generator.check.fields import Schema
from generator.check.known import CacheRound, Known
from generator.check.local import Checker, Context, OnDisk, Outcome, outcomes
from generator.check.schema_files import load_schemas, schemas_folder
from generator.load import (
    KIND_FOLDERS,
    ORGANISATION_FILE,
    RecordError,
    RecordFile,
    RecordFolder,
    collection_paused,
    kind_of,
    read_record,
    scan_folders,
)
from generator.problems import Problem

RECORDS = "records"
# Files an officer may keep beside the records without them being read as records.
_NOT_RECORDS = (".md", ".txt")


@dataclass
class CheckResult:
    """What a check found: the problems, notes for the officer, and the records.

    Those are the records with a problem and the clean records whose kept values say more than
    their id (in a build, all of them); `checked` counts the rest too."""

    problems: list[Problem]
    notes: list[str] = field(default_factory=list)
    records: list[RecordFile] = field(default_factory=list)
    checked: int = 0  # how many record files the problems were looked for in

    @property
    def files_with_problems(self) -> int:
        return len({problem.path for problem in self.problems})


def check_paths(repo_root: Path, paths: list[Path] | None = None, today: date | None = None, *,
                keep_values: bool = True, cache: bool = False) -> CheckResult:
    """Check the records under `paths` (files or folders; all records when None).

    With `keep_values`, each record in the result holds all its values (to build the site);
    without, only those the rules across records read. With `cache`, records unchanged since they
    were last found clean are not read again (`generator.cache`): known from files beside the
    records for `candour validate`, and from memory under `mkdocs serve` (with `keep_values`)."""
    with collection_paused():
        return _check_paths(repo_root, paths, today, keep_values=keep_values, cache=cache)


def _check_paths(repo_root: Path, paths: list[Path] | None, today: date | None, *, keep_values: bool,
                 cache: bool) -> CheckResult:
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

    folder = schemas_folder(repo_root)
    schemas, problems = load_schemas(folder, repo_root)
    folders, others = scan_folders(records_root)
    problems += [
        _misplaced(Path(path), repo_root)
        for path in _stray_files(others)
        if named is None or _shown(Path(path), repo_root) in named
    ]
    today = today or date.today()
    history_years = _history_years(folders, records_root)
    key = cache_key(folder, records_root / ORGANISATION_FILE, sorted(history_years))
    store: CheckCache
    if cache and keep_values:  # `mkdocs serve`: kept for the next build, with every value
        store = KeptInMemory.of(repo_root, key, today)
    else:  # on disk only for `candour validate` in a repository that wants it
        on_disk = cache and not keep_values and cache_wanted(repo_root)
        store = CheckCache(repo_root, key, today, on_disk=on_disk)
    checked, known = _check_each(folders, repo_root, schemas, today, keep_values=keep_values, cache=store,
                                 history_years=history_years)
    records = [outcome.record for outcome in checked.values() if outcome.record is not None] + known.kept
    unreadable = [outcome.unreadable for outcome in checked.values() if outcome.unreadable is not None]
    problems += unreadable
    in_scope = [r for r in records if named is None or r.shown_as in named]

    def is_valid(record: RecordFile) -> bool:
        outcome = checked.get(record.shown_as)
        if outcome is None:
            return True  # found clean, now or by an earlier check
        if named is None or record.shown_as in named or record.kind == "organisation":
            return not outcome.schema
        return outcome.strictly_valid

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
        today,
        unreadable_ids=_unreadable_ids(unreadable, records_root, repo_root),
        known_ids=known.ids,
    )
    for record in in_scope:
        outcome = checked.get(record.shown_as)
        if outcome is None or outcome.clean:  # nothing of its own to report: only its references
            problems += rules.reference_problems(record, repository)
            continue
        flagged = outcome.flagged
        references = [p for p in rules.reference_problems(record, repository) if p.field not in flagged]
        pointed_at = {p.field for p in references}
        problems += outcome.schema + outcome.rules + references + outcome.privacy
        problems += [p for p in outcome.placeholders if p.field not in pointed_at]
    with_ids = records + known.as_records() if known.share_ids_with(records) else records
    whole_repository += rules.duplicate_ids(with_ids, named)
    problems += rules.history_agreement(repository, named)

    if named is not None:
        problems = [p for p in problems if p.path in named]
    # Ties keep the order found: the personal-data findings in a field stay in reading order.
    ordered = sorted(dict.fromkeys(problems + whole_repository), key=lambda p: (p.path, p.line, p.column))
    not_kept = known.count - len(known.kept) if named is None else sum(s in named for s in known.shown())
    return CheckResult(ordered, notes, records, len(in_scope) + not_kept)


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


def _stray_files(others: list[tuple[str, bool]]) -> list[str]:
    """Files under records/ that will never be read as records, so that none is silently lost."""
    stray = []
    for path, is_file in others:
        if not is_file:
            continue
        parts = Path(path).parts
        if not parts[-1].startswith(".") and Path(path).suffix not in _NOT_RECORDS and not any(
            p.startswith(".") for p in parts
        ):
            stray.append(path)
    return stray


def _history_years(folders: list[RecordFolder], records_root: Path) -> frozenset[str]:
    """The years the history records give: the only years whose case, compliment and ombudsman
    records the rules across records read beyond their ids and references. History records are
    few, so reading them twice costs nothing."""
    years = set()
    for path in (path for folder in folders if folder.kind == "history" for path in folder.paths()):
        try:
            values = read_record(path, records_root, path, kind="history").values
        except RecordError:
            continue  # reported when the record is checked
        if isinstance(values.get("year"), str):
            years.add(values["year"])
    return frozenset(years)


def _check_each(folders: list[RecordFolder], repo_root: Path, schemas: dict[str, Schema], today: date, *,
                keep_values: bool, cache: CheckCache,
                history_years: frozenset[str] = frozenset()) -> tuple[dict[str, Outcome], Known]:
    """Every record's checks on its own, a folder at a time, but for those the cache knows clean
    (see `check.known`): the outcomes with a problem, and the records known clean."""
    context = Context(repo_root / RECORDS, schemas, None, rules.date_fields(schemas), today, keep_values,
                      history_years)
    warm = CacheRound(cache, str(repo_root))
    checked: dict[str, Outcome] = {}
    waiting = []
    for folder in folders:
        to_check = warm.sort_out(_shown_folder(folder), folder)
        if folder.kind != "organisation":
            waiting += to_check
        elif to_check:  # the organisation first: the others are checked against its lists
            path, shown, kind = to_check[0]
            organisation = Checker(context).outcome(path, shown, kind)
            if not warm.found(organisation):
                checked[shown] = organisation
            context = _with_taxonomy(context, organisation)
        else:
            context = _with_taxonomy(context, next(r for r in warm.known.kept if r.kind == folder.kind))
    for outcome in outcomes(waiting, context):
        if not warm.found(outcome):
            checked[outcome.shown_as] = outcome
    warm.store()
    return checked, warm.known


def _with_taxonomy(context: Context, organisation: Outcome | OnDisk | None) -> Context:
    """The context for the other records: with the organisation's lists, when it has no problem."""
    if isinstance(organisation, Outcome):
        organisation = None if organisation.schema else organisation.record
    if organisation is None or not isinstance(organisation.values, dict):
        return context
    return replace(context, taxonomy=rules.Taxonomy.from_values(organisation.values))


def _shown_folder(folder: RecordFolder) -> str:
    """A folder as problems show it: from the repository's top folder, parts joined by '/'."""
    return f"{RECORDS}/{folder.below}" if folder.below else RECORDS


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

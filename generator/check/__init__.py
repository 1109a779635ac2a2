"""The check stage: every problem in the records, in one run.

A record goes one way: read (`generator.load`) → its schema (`schema.py`) → the rules within it
(`rules.py`) → the personal-data scan (`privacy.py`), all in `local.py`, where nothing depends on
another record. Beside that road, the cache (`known.py`, `generator.cache`) answers one question
before a record sets out: has this check seen these exact bytes, under these schemas and this
organisation, and found them clean? Then the record is not read again. Last, the rules across
records (`across.py`) see the whole repository, even when only some files are named; problems are
then reported for the named files only, except those of the whole repository (duplicate ids, a
missing organisation file).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from generator.cache import CheckCache, KeptInMemory, cache_key
from generator.cache import refusal as cache_refusal
from generator.cache import wanted as cache_wanted
from generator.check import rules
from generator.check.across import across_records
from generator.check.fields import Schema
from generator.check.known import CacheRound, Known
from generator.check.local import Checker, Context, OnDisk, Outcome, outcomes
from generator.check.pages import page_problems
from generator.check.paths import RECORDS, named_files, shown_folder, stray_problems
from generator.check.schema_files import SCHEMAS, load_schemas, schemas_folder
from generator.check.welsh_commentary import welsh_commentary_problems
from generator.check.wording import with_field_shown
from generator.load import (
    LINK_REFUSED,
    ORGANISATION_FILE,
    RecordError,
    RecordFile,
    RecordFolder,
    collection_paused,
    read_record,
    scan_folders,
)
from generator.problems import Problem

__all__ = ["RECORDS", "SCHEMAS", "CheckResult", "check_paths", "schemas_folder"]


@dataclass
class CheckResult:
    """What a check found: the problems, notes for the officer, and the records.

    Those are the records with a problem and the clean records whose kept values say more than
    their id (in a build, all of them); `checked` counts the rest too."""

    problems: list[Problem]
    notes: list[str] = field(default_factory=list)
    records: list[RecordFile] = field(default_factory=list)
    checked: int = 0  # how many record files the problems were looked for in
    pages: int = 0  # how many hand-written pages under docs/ were read
    # Where the ombudsman's figures and the council's records disagree beyond explanation: told,
    # but not problems (`check.ombudsman_agreement`).
    warnings: list[Problem] = field(default_factory=list)

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
    if records_root.is_symlink():
        return CheckResult([Problem(
            RECORDS, 1, 1, "",
            LINK_REFUSED,
        )])
    if not records_root.is_dir():
        return CheckResult([Problem(
            RECORDS, 1, 1, "",
            f"there is no records/ folder in {repo_root}: run candour from the repository's top folder, "
            "or give it with --root",
        )])
    named = None if paths is None else named_files(paths, records_root, repo_root, notes)
    if named is not None and f"{RECORDS}/{ORGANISATION_FILE}" in named:
        # Every record refers to the organisation's lists: a change there can break any of them.
        notes.append(f"{RECORDS}/{ORGANISATION_FILE} is among the files named, so every record is checked")
        named = None

    folder = schemas_folder(repo_root)
    schemas, problems = load_schemas(folder, repo_root)
    folders, others = scan_folders(records_root)
    problems += stray_problems(others, repo_root, named)
    today = today or date.today()
    history_years = _history_years(folders, records_root)
    key = cache_key(folder, records_root / ORGANISATION_FILE, sorted(history_years))
    store: CheckCache
    if cache and keep_values:  # `mkdocs serve`: kept for the next build, with every value
        store = KeptInMemory.of(repo_root, key, today)
    else:  # on disk only for `candour validate` in a repository that wants it
        on_disk = cache and not keep_values and cache_wanted(repo_root)
        if on_disk and (why := cache_refusal(repo_root)) is not None:
            notes.append(why)
            on_disk = False
        store = CheckCache(repo_root, key, today, on_disk=on_disk)
    checked, known = _check_each(folders, repo_root, schemas, today, keep_values=keep_values, cache=store,
                                 history_years=history_years)
    found = across_records(checked, known, repo_root, schemas, today, named, notes, problems)
    problems += found.problems
    organisation = next((r.values for r in found.records if r.kind == "organisation"), None)
    on_pages = page_problems(repo_root, named, organisation, store.clean_pages())
    store.keep_clean_pages(on_pages.clean)
    if on_pages.uncited:
        notes.append(f"{len(on_pages.uncited)} commentary file(s) not read for their figures: Jinja2, which "
                     "comes with candour[site], is not installed here; the build reads them")
    problems += on_pages.problems + welsh_commentary_problems(repo_root, organisation)
    if named is not None:
        problems = [p for p in problems if p.path in named]
    # Ties keep the order found: the personal-data findings in a field stay in reading order.
    problems = [with_field_shown(problem) for problem in problems + found.whole_repository]
    ordered = sorted(dict.fromkeys(problems), key=lambda p: (p.path, p.line, p.column))
    not_kept = known.count - len(known.kept) if named is None else sum(s in named for s in known.shown())
    return CheckResult(ordered, notes, found.records, found.in_scope + not_kept, on_pages.pages,
                       [with_field_shown(warning) for warning in found.warnings])


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
    by_name = [(shown_folder(folder), folder) for folder in folders]
    warm.take_stamps(by_name)
    checked: dict[str, Outcome] = {}
    waiting = []
    for shown_as, folder in by_name:
        to_check = warm.sort_out(shown_as, folder)
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

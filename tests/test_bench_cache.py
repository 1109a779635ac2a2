"""The check cache: a change is always seen, the cache may be lost or spoilt, records/ is never written."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from generator.cache import CHECKED, FOLDER, CheckCache, signing_key
from generator.cache_folder import stamps_digest
from generator.check import check_paths
from generator.check.local import Checker

PROJECT = Path(__file__).resolve().parents[1]
TODAY_CASE = "records/cases/2019-20/C-2019-0025.yaml"


def folder_file(repo: Path, shown: str) -> Path:
    """The cache's file for one folder of records."""
    return repo / FOLDER / CHECKED / CheckCache.file_name(shown)


def read_stored(path: Path) -> Any:
    """A cache file's content past its signature line: its summary, with its columns (the last
    line) and kept values as one list under "columns", as they were before they were split."""
    _, summary, columns = path.read_bytes().split(b"\n", 2)
    stored = json.loads(summary)
    stored["columns"] = [*json.loads(columns), stored.pop("kept")]
    return stored


def write_signed(path: Path, stored: Any, key: bytes | None = None) -> None:
    """A cache file as Candour writes it, from what `read_stored` gives: its summary worked out
    from the columns (a digest that cannot be worked out is left wrong), signed with this
    account's key (or with `key`)."""
    stored = dict(stored)
    columns = stored.pop("columns")
    whole = isinstance(columns, list) and len(columns) == 4
    names, stamps, *rest = columns if whole else ([], [], "", columns)
    lines = json.dumps([names, stamps, *rest[:1]]).encode()
    try:
        digest = stamps_digest(names, stamps)
    except (TypeError, ValueError):
        digest = "0" * 64
    stored.update(count=len(names), stamps=digest, columns=hashlib.sha256(lines).hexdigest(), kept=rest[-1])
    text = json.dumps(stored).encode()
    signature = hmac.new(key or signing_key() or b"", text, hashlib.sha256).hexdigest()
    path.write_bytes(signature.encode() + b"\n" + text + b"\n" + lines)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    shutil.copytree(PROJECT / "records", tmp_path / "records")
    shutil.copytree(PROJECT / "schemas", tmp_path / "schemas")
    (tmp_path / ".gitignore").write_text(f"{FOLDER}/\n", encoding="utf-8")
    return tmp_path


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The records checked on their own (not taken from the cache), in this process."""
    seen: list[str] = []
    original = Checker.outcome

    def counted(self: Checker, path: Path, shown_as: str, kind: str):  # type: ignore[no-untyped-def]
        seen.append(shown_as)
        return original(self, path, shown_as, kind)

    monkeypatch.setattr(Checker, "outcome", counted)
    return seen


def validate(repo: Path) -> list[str]:
    return [str(problem) for problem in check_paths(repo, keep_values=False, cache=True).problems]


def fingerprint(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def count_records(repo: Path) -> int:
    return sum(1 for _ in (repo / "records").rglob("*.yaml"))


def test_unchanged_records_are_not_read_again(repo: Path, reads: list[str]) -> None:
    assert validate(repo) == []
    assert len(reads) == count_records(repo)
    assert folder_file(repo, TODAY_CASE.rpartition("/")[0]).is_file()
    reads.clear()
    assert validate(repo) == []
    assert reads == []  # the organisation too: its content is part of the cache's key


def test_a_changed_record_is_checked_again(repo: Path, reads: list[str]) -> None:
    validate(repo)
    reads.clear()
    case = repo / TODAY_CASE
    case.write_text(case.read_text(encoding="utf-8").replace("kind: complaint", "kind: complain"),
                    encoding="utf-8")
    found = validate(repo)
    assert reads == [TODAY_CASE]
    assert len(found) == 1 and "'complain' is not one of" in found[0]
    # A record with a problem is never kept: the next run reads it again, and says the same.
    reads.clear()
    assert validate(repo) == found
    assert TODAY_CASE in reads


def test_a_touched_record_with_the_same_content_is_known_by_its_digest(repo: Path, reads: list[str]) -> None:
    validate(repo)
    reads.clear()
    case = repo / TODAY_CASE
    text = case.read_bytes()
    case.unlink()
    case.write_bytes(text)  # as a checkout does: a new file (new inode and times), the same bytes
    assert validate(repo) == []
    assert reads == []
    case.write_bytes(text + b"# a comment changes the content\n")
    reads.clear()
    assert validate(repo) == []
    assert reads == [TODAY_CASE]


def test_a_cached_record_whose_reference_breaks_is_reported(repo: Path) -> None:
    uncached = repo.parent / "uncached"
    shutil.copytree(repo, uncached)
    (uncached / ".gitignore").unlink()
    validate(repo)
    for root in (repo, uncached):
        (root / "records/actions/2019-20/ACT-2019-01.yaml").unlink()
    found = validate(repo)
    assert found and any("'ACT-2019-01' is not the id of any action record" in line for line in found)
    assert found == validate(uncached)


def test_a_changed_schema_means_everything_is_checked_again(repo: Path, reads: list[str]) -> None:
    validate(repo)
    reads.clear()
    schema_path = repo / "schemas/compliment.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    schema["description"] += " Changed."
    schema_path.write_text(json.dumps(schema), encoding="utf-8")
    assert validate(repo) == []
    assert len(reads) == count_records(repo)


def test_a_changed_organisation_means_everything_is_checked_again(repo: Path, reads: list[str]) -> None:
    validate(repo)
    reads.clear()
    organisation = repo / "records/organisation.yaml"
    organisation.write_text(organisation.read_text(encoding="utf-8") + "# reviewed\n", encoding="utf-8")
    validate(repo)
    assert len(reads) == count_records(repo)


def test_a_deleted_cache_is_harmless(repo: Path, reads: list[str]) -> None:
    first = validate(repo)
    shutil.rmtree(repo / FOLDER)
    reads.clear()
    assert validate(repo) == first
    assert len(reads) == count_records(repo)


@pytest.mark.parametrize("spoilt", ["", "{not json", "[]", '{"format": 3, "key": "x", "columns": []}',
                                    "\x00\xff"])
def test_a_corrupt_cache_is_ignored(repo: Path, reads: list[str], spoilt: str) -> None:
    validate(repo)
    for path in (repo / FOLDER / CHECKED).iterdir():
        path.write_text(spoilt, encoding="utf-8", errors="surrogateescape")
    reads.clear()
    assert validate(repo) == []
    assert len(reads) == count_records(repo)


@pytest.mark.parametrize("spoil", [
    lambda columns: ["not", "a", "folder"],
    lambda columns: [columns[0], columns[1][:-1], columns[2], columns[3]],  # a stamp number short
    lambda columns: [columns[0] + ["extra.yaml"], columns[1], columns[2], columns[3]],
    lambda columns: [columns[0], columns[1], columns[2][1:], columns[3]],
    lambda columns: [columns[0], columns[1], columns[2], "not kept values"],
    lambda columns: [[[name] for name in columns[0]], columns[1], columns[2], columns[3]],  # not text
    lambda columns: [columns[0], [str(number) for number in columns[1]], columns[2], columns[3]],
    lambda columns: [columns[0], columns[1], columns[2], {name: [1] for name in columns[0]}],
])
def test_a_folder_of_the_wrong_shape_is_ignored(repo: Path, reads: list[str], spoil: Any) -> None:
    """Its columns are read when a file of the folder changed, here one touched: their shape is
    then checked, and a folder whose columns do not fit together is checked again whole."""
    validate(repo)
    folder = TODAY_CASE.rpartition("/")[0]
    stored = read_stored(folder_file(repo, folder))
    stored["columns"] = spoil(stored["columns"])
    write_signed(folder_file(repo, folder), stored)
    touched = (repo / TODAY_CASE).stat()
    os.utime(repo / TODAY_CASE, ns=(touched.st_atime_ns, touched.st_mtime_ns + 10**9))
    reads.clear()
    assert validate(repo) == []
    assert TODAY_CASE in reads and all(read.startswith(folder + "/") for read in reads)


def test_records_are_never_written(repo: Path) -> None:
    before = fingerprint(repo / "records")
    validate(repo)
    case = repo / TODAY_CASE
    case.write_text(case.read_text(encoding="utf-8") + "unknown_field: 1\n", encoding="utf-8")
    changed = fingerprint(repo / "records")
    assert validate(repo)
    assert fingerprint(repo / "records") == changed != before
    assert not any(path.name.startswith(".") for path in (repo / "records").rglob("*"))


def test_no_cache_where_the_repository_does_not_ask_for_one(repo: Path) -> None:
    (repo / ".gitignore").unlink()
    assert validate(repo) == []
    assert not (repo / FOLDER).exists()


def test_the_cache_can_be_turned_off(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CANDOUR_CACHE", "0")
    assert validate(repo) == []
    assert not (repo / FOLDER).exists()


def test_a_second_load_in_one_process_reads_only_what_changed(repo: Path, reads: list[str]) -> None:
    from generator.records import InvalidRecords, load_records

    first = load_records(repo, remember=True)
    reads.clear()
    assert load_records(repo, remember=True) == first
    assert reads == []  # the organisation too: its content is part of what is remembered
    case = repo / TODAY_CASE
    case.write_text(case.read_text(encoding="utf-8").replace("outcome: upheld", "outcome: not-upheld"),
                    encoding="utf-8")
    reads.clear()
    changed = load_records(repo, remember=True)
    assert reads == [TODAY_CASE]
    assert changed != first
    case.write_text(case.read_text(encoding="utf-8") + "unknown_field: 1\n", encoding="utf-8")
    with pytest.raises(InvalidRecords):
        load_records(repo, remember=True)
    assert not (repo / FOLDER).exists() or not any((repo / "records").rglob(".*"))


def test_a_second_load_types_again_only_the_record_that_changed(repo: Path) -> None:
    from generator.records import load_records

    first = load_records(repo, remember=True)
    case = repo / TODAY_CASE
    case.write_text(case.read_text(encoding="utf-8").replace("outcome: upheld", "outcome: not-upheld"),
                    encoding="utf-8")
    second = load_records(repo, remember=True)
    pairs = zip(first.cases, second.cases, strict=True)
    changed = [after.id for before, after in pairs if before is not after]
    assert changed == [Path(TODAY_CASE).stem]
    assert all(before is after for before, after in zip(first.compliments, second.compliments, strict=True))
    assert second.cases != first.cases


def test_a_build_that_is_not_served_remembers_nothing(repo: Path, reads: list[str]) -> None:
    from generator.records import load_records

    load_records(repo)
    reads.clear()
    load_records(repo)
    assert len(reads) == count_records(repo)


def _history_of_2019_20(root: Path) -> None:
    earlier = (root / "records/history/HIST-2018-19.yaml").read_text(encoding="utf-8")
    (root / "records/history/HIST-2019-20.yaml").write_text(
        earlier.replace("HIST-2018-19", "HIST-2019-20").replace("year: 2018-19", "year: 2019-20"),
        encoding="utf-8")


def _same_id_twice(root: Path) -> None:
    shutil.copy(root / TODAY_CASE, root / "records/cases/2019-20/C-2019-9999.yaml")


def _case_moves_service(root: Path) -> None:
    case = root / TODAY_CASE
    case.write_text(case.read_text(encoding="utf-8").replace("service_area: learning-disability",
                                                             "service_area: hospitals"), encoding="utf-8")


def _action_gone(root: Path) -> None:
    (root / "records/actions/2019-20/ACT-2019-01.yaml").unlink()


@pytest.mark.parametrize(("before", "edit", "named"), [
    (None, _same_id_twice, None),
    (None, _same_id_twice, ["records/cases/2019-20/C-2019-9999.yaml"]),
    (_history_of_2019_20, _case_moves_service, None),
    (_history_of_2019_20, _case_moves_service, [TODAY_CASE]),
    (None, _action_gone, [TODAY_CASE]),
    (None, _action_gone, ["records/cases"]),
])
def test_a_warm_check_finds_what_a_cold_one_finds(repo: Path, before: Any, edit: Any, named: Any) -> None:
    """Records known from the cache are never read, so their ids, references and history fields
    come from the cache: whatever changed, the findings and the count are those of a cold check."""
    if before:
        before(repo)
    cold = repo.with_name(repo.name + "-cold")
    shutil.copytree(repo, cold)
    (cold / ".gitignore").unlink()
    check_paths(repo, keep_values=False, cache=True)
    for root in (repo, cold):
        edit(root)
    paths = None if named is None else [repo / name for name in named]
    warm = check_paths(repo, paths, keep_values=False, cache=True)
    paths = None if named is None else [cold / name for name in named]
    expected = check_paths(cold, paths, keep_values=False, cache=True)
    assert not (cold / FOLDER).exists()
    assert warm.problems == expected.problems and warm.checked == expected.checked
    assert warm.problems or named  # each edit is one the check must see


def test_a_change_rewrites_only_its_folders_file_and_a_folder_gone_loses_its_file(repo: Path) -> None:
    validate(repo)
    before = fingerprint(repo / FOLDER / CHECKED)
    case = repo / TODAY_CASE
    case.write_text(case.read_text(encoding="utf-8") + "# reviewed\n", encoding="utf-8")
    validate(repo)
    after = fingerprint(repo / FOLDER / CHECKED)
    changed = {name for name in before if before[name] != after.get(name)}
    assert changed == {CheckCache.file_name(TODAY_CASE.rpartition("/")[0])}
    shutil.rmtree(repo / "records/actions/2018-19")
    validate(repo)
    assert set(fingerprint(repo / FOLDER / CHECKED)) == set(after) - {
        CheckCache.file_name("records/actions/2018-19")}


def test_a_folders_file_is_not_taken_for_another_folders(repo: Path, reads: list[str]) -> None:
    validate(repo)
    mine = folder_file(repo, TODAY_CASE.rpartition("/")[0])
    shutil.copy(folder_file(repo, "records/actions/2019-20"), mine)
    reads.clear()
    assert validate(repo) == []
    assert TODAY_CASE in reads


def test_without_statting_from_a_folder_files_are_statted_by_path(repo: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """As on Windows, where os.stat takes no folder handle: the same stamps, file by file."""
    from generator.check.stamps import stamps_of as _stamps
    from generator.load import scan_folders

    folders, _ = scan_folders(repo / "records")
    from_folders = [_stamps(folder) for folder in folders]
    monkeypatch.setattr("os.supports_dir_fd", set())
    assert [_stamps(folder) for folder in folders] == from_folders
    assert all(len(stamps) == 4 * len(folder.names) and -1 not in stamps
               for stamps, folder in zip(from_folders, folders, strict=True))


def test_columns_that_are_not_those_signed_are_not_believed(repo: Path, reads: list[str]) -> None:
    """The signed summary names the digest of the columns after it: a folder's columns changed
    (here a clean digest put in for a record that has since changed) are not used, and the folder
    is checked again."""
    validate(repo)
    folder = TODAY_CASE.rpartition("/")[0]
    path = folder_file(repo, folder)
    signature, summary, columns = path.read_bytes().split(b"\n", 2)
    case = repo / TODAY_CASE
    case.write_text(case.read_text(encoding="utf-8") + "# an officer's note\n", encoding="utf-8")
    names, stamps, digests = json.loads(columns)
    index = names.index(TODAY_CASE.rpartition("/")[2])
    digest = hashlib.sha256(case.read_bytes()).hexdigest()
    digests = digests[:64 * index] + digest + digests[64 * (index + 1):]
    path.write_bytes(b"\n".join([signature, summary, json.dumps([names, stamps, digests]).encode()]))
    reads.clear()
    assert validate(repo) == []
    assert sorted(reads) == sorted(f"{folder}/{name}" for name in names)

"""Issue 12, point 6 (the check cache's side): the cache is trusted for speed only.

A cached "clean" is believed only for a cache file this account's checks wrote (signed with a
key kept outside every repository) about the exact bytes now on disk; a cache folder that is a
link, or that leads inside records/, is never used, so validate never writes into records/.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
import yaml
from badinput.corpus import tree_digest
from cases.repo import make_repo

from generator.cache import CHECKED, FOLDER, FORMAT, CheckCache, cache_key
from generator.cache_folder import stamps_digest
from generator.check import check_paths, schemas_folder
from generator.cli import main
from generator.load import stamp_of

CASE = "records/cases/2019-20/C-2019-0001.yaml"
FOLDER_SHOWN = "records/cases/2019-20"
NAMED = "summary: Family said Mrs Holloway stopped the support without notice.\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path / "repo")
    (repo / ".gitignore").write_text(f"{FOLDER}/\n", encoding="utf-8")
    return repo


def validate(repo: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["validate", "--root", str(repo)])
    out, err = capsys.readouterr()
    return status, out, err


def add_a_name(repo: Path) -> None:
    case = repo / CASE
    text = case.read_text(encoding="utf-8")
    case.write_text(text.replace("summary: Family said support at home stopped without notice.\n", NAMED),
                    encoding="utf-8")


def forged_columns(repo: Path) -> list[object]:
    """What an attacker would store for the folder: every file in it, with its stamp and digest now."""
    folder = repo / FOLDER_SHOWN
    names = sorted(path.name for path in folder.iterdir())
    stamps = [number for name in names for number in stamp_of(os.stat(folder / name))]
    digests = "".join(hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in names)
    return [names, stamps, digests, {}]


def forge(repo: Path, signature: bytes) -> None:
    organisation = repo / "records/organisation.yaml"
    years = sorted(yaml.safe_load(path.read_text(encoding="utf-8"))["year"]
                   for path in (repo / "records/history").glob("*.yaml"))
    key = cache_key(schemas_folder(repo), organisation, years)  # the key a real check would use
    names, stamps, digests, kept = forged_columns(repo)
    columns = json.dumps([names, stamps, digests]).encode()
    stored = {"format": FORMAT, "key": key, "checked_on": "2000-01-01", "folder": FOLDER_SHOWN,
              "count": len(names), "stamps": stamps_digest(names, stamps),
              "columns": hashlib.sha256(columns).hexdigest(), "kept": kept}
    text = json.dumps(stored).encode() + b"\n" + columns
    target = repo / FOLDER / CHECKED / CheckCache.file_name(FOLDER_SHOWN)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(signature + b"\n" + text if signature else text)


@pytest.mark.parametrize("signature", [b"", b"0" * 64, hashlib.sha256(b"another key").hexdigest().encode()])
def test_a_forged_cache_file_does_not_make_a_record_with_a_name_valid(
        repo: Path, capsys: pytest.CaptureFixture[str], signature: bytes) -> None:
    assert validate(repo, capsys)[0] == 0  # a real cache is written
    add_a_name(repo)
    forge(repo, signature)
    status, out, _ = validate(repo, capsys)
    assert status == 1
    assert f"{CASE}:17:10: summary: looks like a title followed by a name" in out
    assert "valid" not in out


def test_the_cache_file_of_a_real_check_is_believed_only_for_the_bytes_it_was_made_from(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert validate(repo, capsys)[0] == 0
    cache_file = repo / FOLDER / CHECKED / CheckCache.file_name(FOLDER_SHOWN)
    signed = cache_file.read_bytes()
    add_a_name(repo)
    # The real, signed file of the clean folder put back, and the stamps of the new file set to the
    # old ones where they can be: the bytes differ, so the record is read and the name found.
    cache_file.write_bytes(signed)
    status, out, _ = validate(repo, capsys)
    assert status == 1 and "looks like a title followed by a name" in out


def test_a_file_copied_from_another_folders_cache_entry_is_not_believed(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert validate(repo, capsys)[0] == 0
    first, second = sorted((repo / FOLDER / CHECKED).iterdir())[:2]
    second.write_bytes(first.read_bytes())  # signed, but for another folder
    add_a_name(repo)
    assert validate(repo, capsys)[0] == 1


@pytest.mark.parametrize("link", [FOLDER, f"{FOLDER}/{CHECKED}"])
@pytest.mark.parametrize("to", ["records", "records/cases/2019-20"])
def test_a_cache_folder_that_is_a_link_is_not_used_and_records_are_not_written(
        repo: Path, capsys: pytest.CaptureFixture[str], link: str, to: str) -> None:
    (repo / link).parent.mkdir(parents=True, exist_ok=True)
    (repo / link).symlink_to(repo / to, target_is_directory=True)
    before = tree_digest(repo / "records")
    status, out, err = validate(repo, capsys)
    assert status == 0, out + err
    assert f"note: {link} is a symbolic link, so the check cache is not used" in err
    assert tree_digest(repo / "records") == before
    assert not list((repo / "records").rglob(".gitignore"))
    add_a_name(repo)
    assert validate(repo, capsys)[0] == 1


def test_a_cache_folder_made_a_link_to_outside_is_not_written_either(
        repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (repo / FOLDER).symlink_to(outside, target_is_directory=True)
    assert validate(repo, capsys)[0] == 0
    assert list(outside.iterdir()) == []


def test_validate_never_writes_into_records_when_the_cache_is_on(repo: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    before = tree_digest(repo / "records")
    for _ in range(2):
        assert validate(repo, capsys)[0] == 0
    assert tree_digest(repo / "records") == before
    assert (repo / FOLDER / CHECKED).is_dir()


def test_the_signing_key_lives_outside_the_repository(
        repo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "account-cache"))
    assert validate(repo, capsys)[0] == 0
    key = tmp_path / "account-cache" / "candour" / "check-key"
    assert key.is_file() and len(key.read_bytes()) == 32
    assert not any(path.name == "check-key" for path in repo.rglob("*"))
    # Another account (another key) believes nothing this one wrote: everything is read again.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "other-account"))
    add_a_name(repo)
    assert validate(repo, capsys)[0] == 1


def test_a_check_without_a_place_for_its_key_runs_without_the_cache(
        repo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert validate(repo, capsys)[0] == 0
    assert not (repo / FOLDER).exists()
    assert check_paths(repo, keep_values=False, cache=True).problems == []

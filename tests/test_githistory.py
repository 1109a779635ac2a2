"""Reading the action records' history from git: one `git log` and one `git cat-file` for every
record, each record's versions across renames and moves, and nothing (not an error) without git or
a repository."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from git_records import GitRecords, git_available

from generator.githistory import NO_HISTORY, RecordHistory, folder_history

needs_git = pytest.mark.skipif(not git_available(), reason="git is not installed")
FOLDER = "records/actions"


@pytest.fixture
def repository(tmp_path: Path) -> GitRecords:
    repo = GitRecords(tmp_path, {"name": "Council"})
    repo.write("records/actions/2018-19/ACT-2018-04.yaml", "id: ACT-2018-04\nstatus: not-started\n")
    repo.commit("2019-01-15")
    repo.write("records/actions/2018-19/ACT-2018-05.yaml", "id: ACT-2018-05\n")
    repo.write("records/cases/2018-19/C-2018-0001.yaml", "id: C-2018-0001\n")  # not an action: not read
    repo.commit("2019-02-01")
    repo.write("records/actions/2018-19/ACT-2018-04.yaml", "id: ACT-2018-04\nstatus: in-progress\n")
    repo.commit("2019-10-01")
    return repo


@needs_git
def test_each_record_has_its_versions_oldest_first_dated_by_commit(repository: GitRecords) -> None:
    history = folder_history(repository.root, FOLDER)
    lineage = history.lineage_of("records/actions/2018-19/ACT-2018-04.yaml")
    assert lineage is not None
    assert [v.date for v in lineage.versions] == [date(2019, 1, 15), date(2019, 10, 1)]
    assert [history.text(v) for v in lineage.versions] == [
        "id: ACT-2018-04\nstatus: not-started\n", "id: ACT-2018-04\nstatus: in-progress\n"]
    assert lineage.at(date(2019, 5, 1)) == lineage.versions[0] and lineage.at(date(2019, 1, 14)) is None
    assert len(history.lineages) == 2 and history.start == date(2019, 1, 15)
    assert history.first_commit == lineage.versions[0].commit


@needs_git
def test_a_record_moved_folder_keeps_its_history(repository: GitRecords) -> None:
    repository.move("records/actions/2018-19/ACT-2018-05.yaml", "records/actions/2019-20/ACT-2018-05.yaml")
    repository.commit("2020-06-01")
    history = folder_history(repository.root, FOLDER)
    lineage = history.lineage_of("records/actions/2019-20/ACT-2018-05.yaml")
    assert lineage is not None and [v.path for v in lineage.versions] == [
        "records/actions/2018-19/ACT-2018-05.yaml", "records/actions/2019-20/ACT-2018-05.yaml"]
    assert history.lineage_of("records/actions/2018-19/ACT-2018-05.yaml") is None


@needs_git
def test_a_record_moved_and_rewritten_in_one_commit_is_joined_by_its_id(repository: GitRecords) -> None:
    # Too different for git to see a rename: the same id leaving one path and arriving at another.
    (repository.root / "records/actions/2018-19/ACT-2018-05.yaml").unlink()
    repository.write("records/actions/2019-20/ACT-2018-05.yaml",
                     "id: ACT-2018-05\n" + "".join(f"line{n}: {n}\n" for n in range(30)))
    repository.commit("2020-06-01")
    lineage = folder_history(repository.root, FOLDER).lineage_of("records/actions/2019-20/ACT-2018-05.yaml")
    assert lineage is not None and [v.date for v in lineage.versions] == [date(2019, 2, 1), date(2020, 6, 1)]


@needs_git
def test_a_deleted_record_keeps_its_past(repository: GitRecords) -> None:
    (repository.root / "records/actions/2018-19/ACT-2018-05.yaml").unlink()
    repository.commit("2020-06-01")
    history = folder_history(repository.root, FOLDER)
    gone = [lineage for lineage in history.lineages if lineage.deleted]
    assert len(gone) == 1 and gone[0].at(date(2020, 1, 1)) is not None
    assert gone[0].at(date(2020, 6, 1)).blob is None  # type: ignore[union-attr]


@needs_git
def test_the_whole_history_is_two_git_reads_whatever_the_number_of_records(
    repository: GitRecords, monkeypatch: pytest.MonkeyPatch,
) -> None:
    for number in range(10, 40):
        repository.write(f"records/actions/2019-20/ACT-2019-{number}.yaml", f"id: ACT-2019-{number}\n")
        repository.commit(f"2020-01-{number - 9:02d}")
    started: list[list[str]] = []
    original = subprocess.run

    def counted(command: list[str], **options: object) -> object:
        started.append(command)
        return original(command, **options)  # type: ignore[call-overload]

    monkeypatch.setattr(subprocess, "run", counted)
    history = folder_history(repository.root, FOLDER)
    assert len(history.lineages) == 32
    reads = [c for c in started if "log" in c or "cat-file" in c]
    assert len(reads) == 2, started


@needs_git
def test_a_history_kept_across_rebuilds_is_read_again_only_after_a_commit(repository: GitRecords) -> None:
    kept = RecordHistory(repository.root, FOLDER)
    first = kept.refresh()
    assert kept.refresh() is first  # nothing committed since
    repository.write("records/actions/2018-19/ACT-2018-04.yaml", "id: ACT-2018-04\nstatus: complete\n")
    assert kept.refresh() is first  # an edit not yet committed changes no history
    repository.commit("2020-06-01")
    assert kept.refresh() is not first and len(kept.history.lineages[0].versions) + len(
        kept.history.lineages[1].versions) == 4


@needs_git
def test_outside_a_repository_there_is_no_history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert folder_history(tmp_path, FOLDER) == NO_HISTORY


def test_a_missing_folder_has_no_history(tmp_path: Path) -> None:
    assert folder_history(tmp_path / "no-such-folder", FOLDER) == NO_HISTORY


def test_without_git_there_is_no_history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH with no git on it
    assert folder_history(Path.cwd(), FOLDER) == NO_HISTORY

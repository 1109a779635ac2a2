"""Reading a record's history from git: dates, messages and order, across a rename, and nothing
(not an error) without git or a repository."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from generator.githistory import Commit, RecordHistory, file_history

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(root: Path, *args: str, when: str | None = None) -> None:
    env = {
        **os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Officer", "GIT_AUTHOR_EMAIL": "officer@example.org",
        "GIT_COMMITTER_NAME": "Officer", "GIT_COMMITTER_EMAIL": "officer@example.org",
    }
    if when:
        env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def _commit(root: Path, path: str, text: str, message: str, when: str) -> None:
    file = root / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text)
    _git(root, "add", path)
    _git(root, "commit", "-q", "-m", message, when=when)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    _git(tmp_path, "init", "-q", "-b", "main")
    record = "records/actions/2018-19/ACT-2018-04.yaml"
    other = "records/actions/2018-19/ACT-2018-05.yaml"
    _commit(tmp_path, record, "id: ACT-2018-04\nstatus: not-started\n", "Add ACT-2018-04",
            "2019-01-15T10:00:00+00:00")
    _commit(tmp_path, other, "id: ACT-2018-05\n", "Add ACT-2018-05", "2019-02-01T10:00:00+00:00")
    _commit(tmp_path, record, "id: ACT-2018-04\nstatus: in-progress\n",
            "ACT-2018-04: consultation under way\n\nLonger body that is not the subject.",
            "2019-10-01T23:30:00+00:00")
    _commit(tmp_path, record, "id: ACT-2018-04\nstatus: in-progress\nnote: revised\n",
            "ACT-2018-04: timescale revised to June 2020", "2020-02-20T09:00:00+00:00")
    return tmp_path


@needs_git
def test_history_lists_every_commit_to_the_file_newest_first(repository: Path) -> None:
    history = file_history(repository, "records/actions/2018-19/ACT-2018-04.yaml")
    assert [(c.date, c.subject) for c in history] == [
        (date(2020, 2, 20), "ACT-2018-04: timescale revised to June 2020"),
        (date(2019, 10, 1), "ACT-2018-04: consultation under way"),
        (date(2019, 1, 15), "Add ACT-2018-04"),
    ]
    assert all(len(c.short_hash) >= 7 and int(c.short_hash, 16) >= 0 for c in history)


@needs_git
def test_history_follows_a_record_across_a_rename(repository: Path) -> None:
    old = "records/actions/2018-19/ACT-2018-05.yaml"
    new = "records/actions/2019-20/ACT-2018-05.yaml"
    (repository / new).parent.mkdir(parents=True)
    _git(repository, "mv", old, new)
    _git(repository, "commit", "-q", "-m", "Move ACT-2018-05 to the year it was raised",
         when="2020-06-01T12:00:00+00:00")
    history = file_history(repository, new)
    assert [c.subject for c in history] == ["Move ACT-2018-05 to the year it was raised", "Add ACT-2018-05"]


@needs_git
def test_a_file_not_yet_committed_has_no_history(repository: Path) -> None:
    (repository / "records/actions/2020-21").mkdir(parents=True)
    (repository / "records/actions/2020-21/ACT-2020-01.yaml").write_text("id: ACT-2020-01\n")
    assert file_history(repository, "records/actions/2020-21/ACT-2020-01.yaml") == []


@needs_git
def test_outside_a_repository_the_history_is_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # GIT_CEILING_DIRECTORIES stops git finding a repository above the temporary folder.
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    (tmp_path / "ACT-2018-04.yaml").write_text("id: ACT-2018-04\n")
    assert file_history(tmp_path, "ACT-2018-04.yaml") == []


def test_a_missing_folder_has_no_history(tmp_path: Path) -> None:
    assert file_history(tmp_path / "no-such-folder", "records/x.yaml") == []


def test_without_git_the_history_is_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH with no git on it
    assert file_history(Path.cwd(), "README.md") == []


@needs_git
def test_record_history_asks_git_once_per_file(repository: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    history = RecordHistory(repository)
    first = history("records/actions/2018-19/ACT-2018-04.yaml")
    monkeypatch.setenv("PATH", "")  # git is gone, but the answer is already known
    assert history("records/actions/2018-19/ACT-2018-04.yaml") == first
    assert len(first) == 3 and isinstance(first[0], Commit)


@needs_git
def test_a_history_kept_across_rebuilds_reads_git_again_only_after_a_commit(repository: Path) -> None:
    record = "records/actions/2018-19/ACT-2018-04.yaml"
    history = RecordHistory(repository)
    history.refresh()
    assert len(history(record)) == 3
    history.refresh()  # a rebuild with nothing committed since: the history is kept
    assert len(history(record)) == 3
    _commit(repository, record, "id: ACT-2018-04\nstatus: complete\n", "ACT-2018-04: complete",
            "2020-06-01T09:00:00+00:00")
    assert len(history(record)) == 3  # until the next build asks git again
    history.refresh()
    assert history(record)[0].subject == "ACT-2018-04: complete"


def test_outside_a_repository_no_git_log_is_started(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[list[str]] = []
    original = subprocess.run

    def counted(command: list[str], **options: object) -> object:
        started.append(command)
        return original(command, **options)  # type: ignore[call-overload]

    monkeypatch.setattr(subprocess, "run", counted)
    history = RecordHistory(tmp_path)
    assert [history(f"records/actions/2018-19/ACT-2018-{n:02d}.yaml") for n in range(5)] == [[]] * 5
    assert all("log" not in command for command in started) and len(started) == 1

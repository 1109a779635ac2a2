"""Issue 12, point 7: records are read only from regular files inside the repository.

Links and special files are problems at their own path (tests/badinput/links.yaml has each as a
bad-input case); here, what the corpus cannot show: folders and files that cannot be opened (as
root every file can be, so the refusal of the operating system is played by a stand-in), a named
pipe under `mkdocs serve`'s check, the size limit, and a link named on the command line.
"""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path

import pytest
from cases.repo import make_repo

from generator.check import check_paths
from generator.cli import main
from generator.load import MAX_RECORD_BYTES, RecordError, read_record, read_regular_file

FOLDER = "records/compliments/2019-20"
RECORD = "records/cases/2019-20/C-2019-0002.yaml"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo")


def validate(repo: Path, capsys: pytest.CaptureFixture[str], *paths: str) -> tuple[int, list[str]]:
    status = main(["validate", "--root", str(repo), *[str(repo / path) for path in paths]])
    return status, capsys.readouterr().out.splitlines()


def refuse(monkeypatch: pytest.MonkeyPatch, name: str, path: Path) -> None:
    """Make `os.<name>` refuse `path` as the system refuses a folder or file the account may not read."""
    original = getattr(os, name)

    def refusing(target, *args, **kwargs):  # type: ignore[no-untyped-def]
        if os.fspath(target) == str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(target))
        return original(target, *args, **kwargs)

    monkeypatch.setattr(os, name, refusing)


def test_a_year_folder_that_cannot_be_opened_is_a_problem_not_skipped(
        repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    refuse(monkeypatch, "scandir", repo / FOLDER)
    status, lines = validate(repo, capsys)
    assert status == 1
    assert lines[:-1] == [
        f"{FOLDER}:1:1: is a folder that cannot be opened, so none of the records in it were checked: let "
        "your account read it (for example chmod u+rx), then check again"
    ]
    assert "valid" not in lines[-1]


def test_a_record_that_cannot_be_opened_is_a_problem(
        repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    refuse(monkeypatch, "open", repo / RECORD)
    status, lines = validate(repo, capsys)
    assert status == 1
    assert lines[:-1] == [f"{RECORD}:1:1: cannot be opened: Permission denied"]


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True,
                    reason="root reads every file whatever its mode; the stand-ins above cover it")
def test_a_folder_without_read_permission_is_a_problem(repo: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    (repo / FOLDER).chmod(0)
    try:
        status, lines = validate(repo, capsys)
    finally:
        (repo / FOLDER).chmod(0o755)
    assert status == 1 and lines[0].startswith(f"{FOLDER}:1:1: is a folder that cannot be opened")


def test_a_named_pipe_never_holds_up_the_build_or_serve_check(repo: Path) -> None:
    pipe = repo / "records/cases/2019-20/C-2019-0003.yaml"
    os.mkfifo(pipe)
    results: list[list[str]] = []

    def check() -> None:
        for cache in (False, True):  # a build's check, then `mkdocs serve`'s (kept in memory)
            results.append([str(p) for p in check_paths(repo, keep_values=True, cache=cache).problems])

    worker = threading.Thread(target=check, daemon=True)
    worker.start()
    worker.join(20)
    assert not worker.is_alive(), "the check waited on a named pipe"
    assert results[0] == results[1] == [
        "records/cases/2019-20/C-2019-0003.yaml:1:1: is not a regular file (a named pipe, socket or device), "
        "so it is not read: a record is a plain text file"
    ]


def test_a_named_pipe_read_directly_is_refused_at_once(repo: Path) -> None:
    pipe = repo / "records/cases/2019-20/C-2019-0003.yaml"
    os.mkfifo(pipe)
    with pytest.raises(RecordError, match="is not a regular file"):
        read_record(pipe, repo / "records", "C-2019-0003.yaml")


def test_the_size_limit_holds_whatever_the_file_says(repo: Path) -> None:
    huge = repo / "records/cases/2019-20/C-2019-0003.yaml"
    with huge.open("wb") as file:
        file.truncate(4 * 1024 * 1024 * 1024)  # 4 GiB, sparse: refused before any of it is read
    with pytest.raises(RecordError) as refused:
        read_record(huge, repo / "records", "C-2019-0003.yaml")
    assert refused.value.problem.message == "is 4194304 KiB; a record may be at most 256 KiB"
    # Nor can a file that says it is small give more than the limit: no more than limit + 1 is read.
    just_over = repo / "just-over.yaml"
    just_over.write_bytes(b"a" * (MAX_RECORD_BYTES + 1))
    with pytest.raises(RecordError, match="a record may be at most 256 KiB"):
        read_regular_file(just_over, "just-over.yaml", MAX_RECORD_BYTES, "a record")
    at_limit = repo / "at-limit.yaml"
    at_limit.write_bytes(b"a" * MAX_RECORD_BYTES)
    read = read_regular_file(at_limit, "at-limit.yaml", MAX_RECORD_BYTES, "a record")[0]
    assert len(read) == MAX_RECORD_BYTES


def test_a_link_named_on_the_command_line_is_refused_where_it_is(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    link = repo / "records/cases/2019-20/C-2019-0003.yaml"
    link.symlink_to(repo / RECORD)
    status, lines = validate(repo, capsys, "records/cases/2019-20/C-2019-0003.yaml")
    assert status == 1
    assert lines[:-1] == [
        "records/cases/2019-20/C-2019-0003.yaml:1:1: is a symbolic link, so nothing is read through it: "
        "Candour reads records only from files inside the repository; put the file or folder itself here, "
        "not a link to it"
    ]


def test_a_link_swapped_in_after_the_folder_was_listed_is_not_followed(repo: Path) -> None:
    record = repo / RECORD
    outside = repo.parent / "outside.yaml"
    outside.write_text(record.read_text(encoding="utf-8"), encoding="utf-8")
    record.unlink()
    record.symlink_to(outside)
    with pytest.raises(RecordError, match="is a symbolic link"):
        read_record(record, repo / "records", RECORD)

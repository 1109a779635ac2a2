"""The site folder: a build replaces only a new folder or one Candour built, and clears what a killed
build left beside it (only folders holding Candour's marker)."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.cli import main
from generator.site_folder import (
    MARKER,
    SiteFolderRefused,
    check_site_folder,
    mark,
    new_marked_folder,
    remove_leftovers,
)

REPOSITORY = Path(__file__).resolve().parent.parent
PARTS = ("records", "schemas", "docs", "overrides", "mkdocs.yml")


def repository(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        source = REPOSITORY / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / part)
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (root / "notes.txt").write_text("uncommitted work", encoding="utf-8")
    return root


def tree(folder: Path) -> dict[str, str]:
    """Every file under `folder` (the folder holding the repository) and a digest of its bytes."""
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return repository(tmp_path / "repo")


@pytest.mark.parametrize(("site_dir", "says"), [
    (".", "is the repository"),
    ("..", "is a folder holding the repository"),
    ("records", "holds {repo}/records, which the site is built from"),
    ("docs", "holds {repo}/docs, which the site is built from"),
    ("schemas", "holds {repo}/schemas, which the site is built from"),
    (".git", "holds {repo}/.git"),
    ("records/cases", "is inside {repo}/records"),
    ("docs/commentary", "is inside {repo}/docs"),
    ("overrides", "holds files Candour did not build (it has no .candour-site file)"),
    ("notes.txt", "is a file, not a folder"),
])
def test_build_refuses_a_folder_it_would_destroy_and_deletes_nothing(
    repo: Path, site_dir: str, says: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(repo)
    before = tree(repo.parent)
    assert main(["build", "--root", str(repo), "--site-dir", site_dir]) == 1
    err = capsys.readouterr().err
    assert err.startswith("candour build: will not build into --site-dir: "), err
    assert says.format(repo=repo) in err
    assert err.rstrip().endswith("Nothing was built or deleted.")
    assert "Traceback" not in err
    assert tree(repo.parent) == before
    assert sorted(path.name for path in repo.iterdir()) == sorted([*PARTS, ".git", "notes.txt"])


def test_site_dir_in_mkdocs_yml_is_held_to_the_same_rule(
    repo: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    config = repo / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_dir: site", "site_dir: records"),
                      encoding="utf-8")
    before = tree(repo.parent)
    assert main(["build", "--root", str(repo)]) == 1
    err = capsys.readouterr().err
    assert "will not build into site_dir in mkdocs.yml:" in err and "records" in err
    assert tree(repo.parent) == before


def test_a_symlinked_site_folder_is_refused(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "site").symlink_to(repo / "records", target_is_directory=True)
    before = tree(repo / "records")
    assert main(["build", "--root", str(repo), "--site-dir", str(repo / "site")]) == 1
    assert "is a link to another folder" in capsys.readouterr().err
    assert tree(repo / "records") == before


def test_mkdocs_build_through_the_plugin_refuses_the_records_folder(repo: Path) -> None:
    # MkDocs' own guard knows only docs_dir; the plugin refuses before MkDocs empties the folder.
    before = tree(repo.parent)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for site_dir in ("records", "schemas", "overrides"):
        finished = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", site_dir], cwd=repo,
                                  env=env, capture_output=True, text=True, timeout=300, check=False)
        assert finished.returncode != 0
        assert "candour: will not build into site_dir:" in finished.stderr, finished.stderr
        assert "Traceback" not in finished.stderr
    assert tree(repo.parent) == before


def test_a_new_an_empty_or_a_marked_folder_may_be_built_into(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "records").mkdir(parents=True)
    sources = [repo / "records"]
    assert check_site_folder(repo / "site", repository=repo, sources=sources) == (repo / "site").resolve()
    (repo / "empty").mkdir()
    assert check_site_folder(repo / "empty", repository=repo, sources=sources)
    built = tmp_path / "elsewhere"
    built.mkdir()
    (built / "index.html").write_text("old site", encoding="utf-8")
    with pytest.raises(SiteFolderRefused):
        check_site_folder(built, repository=repo, sources=sources)
    mark(built)
    assert check_site_folder(built, repository=repo, sources=sources) == built.resolve()


def test_a_marker_that_is_a_link_does_not_count(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    (tmp_path / "elsewhere").write_text("x", encoding="utf-8")
    (folder / MARKER).symlink_to(tmp_path / "elsewhere")
    with pytest.raises(SiteFolderRefused):
        check_site_folder(folder, repository=tmp_path / "repo", sources=[])


def _ended_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_leftovers_of_ended_builds_are_removed_and_nothing_else(tmp_path: Path) -> None:
    ended, also_ended = _ended_pid(), _ended_pid()
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        site = tmp_path / "site"
        removed = [new_marked_folder(tmp_path / f"site.building-{ended}"),
                   new_marked_folder(tmp_path / f"site.old-{ended}")]
        (removed[0] / "index.html").write_text("half built", encoding="utf-8")
        kept = [new_marked_folder(tmp_path / f"site.building-{running.pid}"),  # a build still under way
                tmp_path / f"site.building-{also_ended}",  # no marker: not Candour's to remove
                new_marked_folder(tmp_path / f"other.building-{ended}"),  # beside another site
                new_marked_folder(tmp_path / f"site.building-{ended}x")]
        kept[1].mkdir()
        (kept[1] / "precious.txt").write_text("keep", encoding="utf-8")
        link = tmp_path / f"site.old-{also_ended}"
        link.symlink_to(kept[0], target_is_directory=True)
        assert remove_leftovers(site) == removed
        assert not any(folder.exists() for folder in removed)
        assert all(folder.is_dir() for folder in kept) and link.is_symlink()
        assert (kept[1] / "precious.txt").read_text(encoding="utf-8") == "keep"
    finally:
        running.kill()
        running.wait()


@pytest.mark.slow
def test_a_killed_build_leaves_a_folder_the_next_build_clears(tmp_path: Path) -> None:
    repo = repository(tmp_path / "repo")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CANDOUR_AS_OF": "2020-09-30",
           "SOURCE_DATE_EPOCH": "1600000000"}
    command = [sys.executable, "-m", "generator", "build", "--root", str(repo)]
    killed = subprocess.Popen(command, cwd=repo, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    building = repo / f"site.building-{killed.pid}"
    deadline = time.monotonic() + 120
    while not (building / MARKER).exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    assert building.is_dir() and not (repo / "site").exists()
    finished = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=600,
                              check=False)
    assert finished.returncode == 0, finished.stderr
    assert f"removed site.building-{killed.pid}" in finished.stdout
    assert sorted(path.name for path in repo.iterdir() if path.name.startswith("site")) == ["site"]
    assert (repo / "site" / MARKER).is_file() and (repo / "site" / "index.html").is_file()

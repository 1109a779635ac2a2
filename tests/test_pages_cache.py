"""Hand-written pages found clean are not scanned again until their bytes, the check code or the
organisation file change; what the cache says of them is believed only when it signed it."""

from __future__ import annotations

import hashlib
import hmac
import json
import shutil
from pathlib import Path

import pytest

from generator.cache import FOLDER, PAGES_FILE, signing_key
from generator.check import check_paths, pages

PROJECT = Path(__file__).resolve().parents[1]
CLEAN = "# About us\n\nThe Adults Safeguarding Team answers complaints under the Care Act 2014.\n"
NAMED = "# About us\n\nThe Adults Safeguarding Team thanks Peter Walsh for his complaint.\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    for folder in ("records", "schemas"):
        shutil.copytree(PROJECT / folder, tmp_path / folder)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/introduction.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "docs/extra.css").write_text("body { color: black; }\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text(f"{FOLDER}/\n", encoding="utf-8")
    return tmp_path


@pytest.fixture
def scanned(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The pages and stylesheets scanned, in this process."""
    seen: list[str] = []
    for name in ("_page", "_stylesheet"):
        original = getattr(pages, name)

        def counted(raw: bytes, shown: str, organisation: object, original=original) -> list:  # type: ignore[no-untyped-def]
            seen.append(shown)
            return original(raw, shown, organisation)

        monkeypatch.setattr(pages, name, counted)
    return seen


def validate(repo: Path) -> list[str]:
    return [str(problem) for problem in check_paths(repo, keep_values=False, cache=True).problems]


def test_a_clean_page_is_scanned_once(repo: Path, scanned: list[str]) -> None:
    assert validate(repo) == []
    assert sorted(scanned) == ["docs/extra.css", "docs/introduction.md"]
    scanned.clear()
    assert validate(repo) == []
    assert scanned == []
    assert check_paths(repo, keep_values=False, cache=True).pages == 1  # still read, and counted


def test_a_changed_page_is_scanned_again(repo: Path, scanned: list[str]) -> None:
    validate(repo)
    (repo / "docs/introduction.md").write_text(NAMED, encoding="utf-8")
    scanned.clear()
    found = validate(repo)
    assert scanned == ["docs/introduction.md"]
    assert len(found) == 1 and found[0].startswith("docs/introduction.md:3:37: looks like a first name")
    scanned.clear()
    assert len(validate(repo)) == 1  # a page with a problem is never taken as clean
    assert scanned == ["docs/introduction.md"]


def test_a_page_is_scanned_again_when_the_organisation_changes(repo: Path, scanned: list[str]) -> None:
    """The council's own contact details are expected on its pages: the organisation file is in
    the cache's key."""
    validate(repo)
    organisation = repo / "records/organisation.yaml"
    organisation.write_text(organisation.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    scanned.clear()
    validate(repo)
    assert sorted(scanned) == ["docs/extra.css", "docs/introduction.md"]


def _forge(repo: Path, page: str, key: bytes) -> None:
    """The cache's file of clean pages, saying `page` is clean as it is now, signed with `key`."""
    stored = json.loads((repo / FOLDER / PAGES_FILE).read_bytes().split(b"\n", 1)[1])
    stored["pages"][page] = hashlib.sha256((repo / page).read_bytes()).hexdigest()
    text = json.dumps(stored).encode()
    signature = hmac.new(key, text, hashlib.sha256).hexdigest().encode()
    (repo / FOLDER / PAGES_FILE).write_bytes(signature + b"\n" + text)


def test_a_page_the_cache_did_not_sign_as_clean_is_scanned(repo: Path, scanned: list[str]) -> None:
    validate(repo)
    (repo / "docs/introduction.md").write_text(NAMED, encoding="utf-8")
    _forge(repo, "docs/introduction.md", b"not this account's key")
    found = validate(repo)
    assert len(found) == 1 and found[0].startswith("docs/introduction.md:3:37: looks like a first name")


def test_the_cache_believes_only_what_it_signed(repo: Path, scanned: list[str]) -> None:
    """The same forgery signed with the account's key is believed: the key is what makes the
    difference, and it is kept outside any repository."""
    validate(repo)
    (repo / "docs/introduction.md").write_text(NAMED, encoding="utf-8")
    key = signing_key()
    assert key is not None
    _forge(repo, "docs/introduction.md", key)
    scanned.clear()
    assert validate(repo) == []
    assert scanned == []


def test_a_page_named_alone_keeps_what_is_known_of_the_others(repo: Path, scanned: list[str]) -> None:
    validate(repo)
    (repo / "docs/procedure.md").write_text("# How to complain\n", encoding="utf-8")
    check_paths(repo, [repo / "docs/procedure.md"], keep_values=False, cache=True)
    scanned.clear()
    assert validate(repo) == []
    assert scanned == []


def test_without_the_cache_every_page_is_scanned(repo: Path, scanned: list[str]) -> None:
    check_paths(repo, keep_values=False, cache=False)
    check_paths(repo, keep_values=False, cache=False)
    assert sorted(scanned) == ["docs/extra.css", "docs/extra.css", "docs/introduction.md",
                               "docs/introduction.md"]
    assert not (repo / FOLDER / PAGES_FILE).exists()

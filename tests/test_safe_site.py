"""The built site, made from hostile and ordinary records (slow: each test builds whole sites).

- Nothing private is published: a marker in every free-text field the schema does not mark
  public, and in every case study and quote not marked for publication, appears in no file.
- Nothing a record says runs in a reader's browser: an attack in every published text field and
  every published name reaches the page as inert text.
- The same records give the same site, byte for byte, and a failed build leaves the old site.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from badinput.hostile import SITE_PARTS, Hostile, hostile_repository
from bs4 import BeautifulSoup

PROJECT = Path(__file__).resolve().parent.parent
AS_OF = "2021-01-15"
EPOCH = "1610712000"  # 2021-01-15 12:00 UTC
THEME_SCRIPTS = re.compile(r"(^|/)assets/javascripts/[\w./-]+\.js$")
OWN_SCRIPTS = {"tracker.js", "decap-cms.js", "candour-admin.js"}  # the last two: the editor at admin/


def build(root: Path, site: Path, **environment: str) -> subprocess.CompletedProcess[str]:
    """`candour build` of the repository at `root` into `site`, as an officer runs it."""
    env = {**os.environ, "CANDOUR_AS_OF": AS_OF, "NO_MKDOCS_2_WARNING": "1", **environment}
    env.pop("SOURCE_DATE_EPOCH", None) if "SOURCE_DATE_EPOCH" not in environment else None
    return subprocess.run(
        [sys.executable, "-m", "generator", "build", "--root", str(root), "--site-dir", str(site)],
        cwd=root, env=env, capture_output=True, text=True, check=False, timeout=600,
    )


def every_file(site: Path) -> dict[str, bytes]:
    """Each file of the site by its path, gzip files opened."""
    files = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            files[path.relative_to(site).as_posix()] = gzip.decompress(data) if path.suffix == ".gz" else data
    return files


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Hostile, dict[str, bytes]]:
    root = tmp_path_factory.mktemp("hostile")
    planted = hostile_repository(root)
    built = build(root, root / "site", SOURCE_DATE_EPOCH=EPOCH)
    assert built.returncode == 0, built.stdout + built.stderr
    return planted, every_file(root / "site")


@pytest.mark.slow
def test_nothing_private_appears_anywhere_in_the_site(hostile: tuple[Hostile, dict[str, bytes]]) -> None:
    planted, files = hostile
    assert len(planted.private) > 100 and "search/search_index.json" in files
    for path, data in files.items():
        text = data.decode("utf-8", errors="replace")
        leaked = [marker for marker in planted.private if marker in text]
        assert not leaked, f"{path} publishes {leaked[:5]}"


def _pages(files: dict[str, bytes]) -> dict[str, BeautifulSoup]:
    return {path: BeautifulSoup(data, "html.parser")
            for path, data in files.items() if path.endswith(".html")}


def assert_inert(where: str, page: BeautifulSoup) -> None:
    """No script but the theme's and the site's own, no event handler, no script link or frame."""
    for script in page.find_all("script"):
        source = script.get("src")
        if source:
            assert THEME_SCRIPTS.search(source) or source.rsplit("/", 1)[-1] in OWN_SCRIPTS, (where, source)
        else:
            assert "alert(" not in script.get_text(), where
    for element in page.find_all(True):
        handlers = [name for name in element.attrs if name.lower().startswith("on")]
        assert not handlers, (where, element.name, handlers)
        for name in ("href", "src", "action", "formaction", "data", "xlink:href"):
            value = str(element.get(name, "")).strip().lower()
            assert not value.startswith(("javascript:", "data:text/html", "vbscript:")), (where, element)
        for name in ("href", "src", "srcset"):
            value = str(element.get(name, ""))
            assert "evil.example" not in value and "phish.example" not in value, (where, element)
    content = page.find("article") or page
    assert not content.find_all(["iframe", "object", "embed", "svg", "form", "style"]), where
    # Rendered Jinja would leave Jinja<n>=49, and Stmt<n> without the braces around it.
    assert not re.search(r"Jinja\d+=49|(?<!%)(?<!%\})Stmt\d+", page.get_text()), where


@pytest.mark.slow
def test_no_attack_runs_in_any_page(hostile: tuple[Hostile, dict[str, bytes]]) -> None:
    for path, page in _pages(hostile[1]).items():
        assert_inert(path, page)


@pytest.mark.slow
def test_no_attack_runs_from_the_search_index(hostile: tuple[Hostile, dict[str, bytes]]) -> None:
    # Material shows a search result's title and text as HTML: each must be inert markup.
    index = json.loads(hostile[1]["search/search_index.json"])
    assert any("Atk" in document["text"] for document in index["docs"])
    for document in index["docs"]:
        for part in ("title", "text"):
            where = f"search: {document['location']} {part}"
            assert_inert(where, BeautifulSoup(document[part], "html.parser"))


@pytest.mark.slow
def test_every_attack_reads_as_written(hostile: tuple[Hostile, dict[str, bytes]]) -> None:
    """The attacks reached the pages (so the test above could fail), shown as the text written."""
    planted, files = hostile
    text = " ".join(page.get_text(" ") for page in _pages(files).values())
    shown = {int(number) for number in re.findall(r"Atk(\d+) <script>alert\(\"atk\1\"\)</script>", text)}
    wanted = {
        number for number, where in planted.attacks.items()
        if where in ("organisation name", "contact team", "contact address")
        or re.search(r"case_study|quote|issue|lessons", where)
    }
    assert wanted and wanted <= shown, sorted(wanted - shown)[:10]
    # A fault note is shown where the report does not word the fault itself.
    assert any("faults" in planted.attacks[number] for number in shown)
    for number in shown:
        assert f"Jinja{number}={{{{ 7*7 }}}}" in text
        assert f"[md{number}](javascript:alert({number}))" in text


def _git_repository(root: Path) -> None:
    for part in SITE_PARTS:
        source = PROJECT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / part)
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\nsite_url: https://example.org/complaints/\n")
    stamp = {"GIT_AUTHOR_DATE": "2021-01-10T09:00:00Z", "GIT_COMMITTER_DATE": "2021-01-10T09:00:00Z"}
    env = {**os.environ, **stamp}
    officer = ["-c", "user.name=Officer", "-c", "user.email=officer@example.org"]
    commit = [*officer, "commit", "-q", "-m", "Records for the report"]
    for command in (["init", "-q"], ["add", "-A"], commit):
        subprocess.run(["git", *command], cwd=root, env=env, check=True, capture_output=True)


@pytest.mark.slow
def test_the_same_records_give_the_same_site_byte_for_byte(tmp_path: Path) -> None:
    # No SOURCE_DATE_EPOCH given: `candour build` takes it from the last commit.
    _git_repository(tmp_path)
    first, second = tmp_path / "first", tmp_path / "second"
    for site in (first, second):
        built = build(tmp_path, site)
        assert built.returncode == 0, built.stdout + built.stderr
    one, two = every_file(first), every_file(second)
    assert one.keys() == two.keys()
    assert [path for path in one if one[path] != two[path]] == []
    kinds = {Path(path).suffix for path in one}
    assert {".html", ".svg", ".csv", ".json", ".xml", ".gz"} <= kinds
    assert b"<lastmod>2021-01-10</lastmod>" in one["sitemap.xml"]
    # The gzip header's time is the commit's day (MkDocs keeps the date alone), not the build's.
    stamp = int.from_bytes((first / "sitemap.xml.gz").read_bytes()[4:8], "little")
    assert 1610236800 <= stamp <= 1610269200


@pytest.mark.slow
def test_a_failed_build_leaves_the_previous_site_in_place(tmp_path: Path) -> None:
    _git_repository(tmp_path)
    site = tmp_path / "site"
    assert build(tmp_path, site).returncode == 0
    before = every_file(site)
    case = tmp_path / "records" / "cases" / "2019-20" / "C-2019-0001.yaml"
    case.write_text(case.read_text(encoding="utf-8").replace("received:", "recieved:"), encoding="utf-8")
    failed = build(tmp_path, site)
    assert failed.returncode == 1
    assert "previous site is unchanged" in failed.stderr and "recieved" in failed.stderr
    assert "Traceback" not in failed.stdout + failed.stderr
    assert every_file(site) == before
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith("site")) == ["site"]


def test_a_build_that_crashes_leaves_the_previous_site_and_no_half_built_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import mkdocs.commands.build

    from generator.cli import main

    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\n", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous site", encoding="utf-8")
    (site / ".candour-site").write_text("built by Candour", encoding="utf-8")

    def crash(config: object) -> None:
        (Path(config.site_dir) / "index.html").write_text("half")  # type: ignore[attr-defined]
        raise RuntimeError("a bug")

    monkeypatch.setattr(mkdocs.commands.build, "build", crash)
    monkeypatch.delenv("CANDOUR_DEBUG", raising=False)
    assert main(["build", "--root", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "previous site is unchanged" in err and "RuntimeError: a bug" in err and "Traceback" not in err
    assert (site / "index.html").read_text(encoding="utf-8") == "the previous site"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["docs", "mkdocs.yml", "site"]

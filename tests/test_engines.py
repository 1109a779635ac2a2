"""The same site from every engine (slow): the demo built by MkDocs 1.6 with Material and Candour's
plugin is the reference; `candour pages` output built by plain MkDocs (no Candour plugin), the
demo built by ProperDocs with the plugin, and the `candour pages` output built by Zensical must
show the same text on every page.

ProperDocs comes with the dev extra (it installs beside MkDocs and runs the same plugins). Zensical
is installed into a venv of its own, once, at its newest version (or $CANDOUR_ZENSICAL, such as
`zensical==0.0.73`); where that does not install, its test is skipped with pip's reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import venv
from importlib.util import find_spec
from pathlib import Path

import pytest
import yaml
from installed_package import clean_environment
from site_text import differences, site_text
from test_build import copy_repository, mkdocs_build, run

pytestmark = pytest.mark.slow

ZENSICAL = "CANDOUR_ZENSICAL"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo repository, built by MkDocs with the plugin into site/."""
    root = copy_repository(tmp_path_factory.mktemp("engines") / "demo")
    built = mkdocs_build(root)
    assert built.returncode == 0 and "WARNING" not in built.stderr, built.stderr
    return root


def write_pages(root: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return run(["generator", "pages", "--root", str(root), "--out", str(out)], root)


@pytest.fixture(scope="module")
def pages(demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`candour pages` of the demo, built by plain MkDocs in its folder (into site/)."""
    out = tmp_path_factory.mktemp("pages") / "out"
    written = write_pages(demo, out)
    assert written.returncode == 0, written.stdout + written.stderr
    built = run(["mkdocs", "build", "--strict"], out)
    assert built.returncode == 0 and "WARNING" not in built.stderr, built.stderr
    return out


def test_the_pages_folder_has_no_candour_plugin_and_its_own_nav(pages: Path) -> None:
    text = (pages / "mkdocs.yml").read_text(encoding="utf-8")
    settings = yaml.safe_load(text)
    assert settings["plugins"] == ["search"]
    assert {"Home": "index.md"} in settings["nav"]
    assert settings["site_name"] == "Westmere Borough Council: adult social care complaints"
    assert not (pages / "docs" / "commentary").exists()  # read into the reports, not published
    # No fence is left for Python-Markdown to stumble on; each block is in a div of its own.
    report = (pages / "docs" / "reports" / "2019-20" / "index.md").read_text(encoding="utf-8")
    assert "<!--candour-html" not in report and report.count('<div class="candour-block">') >= 10


def test_plain_mkdocs_shows_the_same_text_on_every_page(demo: Path, pages: Path) -> None:
    by_plugin, plain = site_text(demo / "site"), site_text(pages / "site")
    assert len(by_plugin) > 50
    assert differences(by_plugin, plain) == []


def test_the_blocks_are_published_as_the_plugin_publishes_them(demo: Path, pages: Path) -> None:
    """Links and tables in the HTML blocks, byte for byte, beside the text."""
    page = "reports/2019-20/index.html"
    by_plugin = (demo / "site" / page).read_text(encoding="utf-8")
    plain = (pages / "site" / page).read_text(encoding="utf-8")
    for found in ('href="../../methodology/#', 'src="charts/', 'href="data/representations.csv"'):
        assert found in by_plugin and plain.count(found) == by_plugin.count(found), found


def test_a_second_run_replaces_its_folder_and_a_failed_one_leaves_it(tmp_path: Path) -> None:
    root = copy_repository(tmp_path / "council")
    out = tmp_path / "out"
    assert write_pages(root, out).returncode == 0
    (out / "docs" / "procedure.md").unlink()
    assert write_pages(root, out).returncode == 0
    assert (out / "docs" / "procedure.md").is_file()
    before = {path: path.read_bytes() for path in out.rglob("*") if path.is_file()}
    case = root / "records" / "cases" / "2019-20" / "C-2019-0006.yaml"
    case.write_text(case.read_text(encoding="utf-8").replace("received: 2019-04-11", "received: soon"),
                    encoding="utf-8")
    failed = write_pages(root, out)
    assert failed.returncode == 1 and "records/cases/2019-20/C-2019-0006.yaml:" in failed.stderr
    assert "Traceback" not in failed.stderr
    assert {path: path.read_bytes() for path in out.rglob("*") if path.is_file()} == before
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith("out.")] == []


# ProperDocs, with the plugin ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def properdocs_site(demo: Path) -> Path:
    if find_spec("properdocs") is None:
        message = "ProperDocs is not installed here; it comes with the dev extra: pip install -e '.[dev]'"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    built = run(["properdocs", "build", "--strict", "-f", "mkdocs.yml", "--site-dir", "site-properdocs"],
                demo)
    assert built.returncode == 0, built.stderr
    assert "WARNING" not in built.stderr and "Traceback" not in built.stderr, built.stderr
    return demo / "site-properdocs"


def test_properdocs_builds_the_same_site_with_the_plugin(demo: Path, properdocs_site: Path) -> None:
    home = (properdocs_site / "index.html").read_text(encoding="utf-8")
    assert 'content="mkdocs-ProperDocs' in home  # built by ProperDocs, not by MkDocs
    assert differences(site_text(demo / "site"), site_text(properdocs_site)) == []


# Zensical, from the `candour pages` folder --------------------------------------------------------

@pytest.fixture(scope="module")
def zensical(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Zensical in a venv of its own; skipped, with pip's own words, where it does not install."""
    folder = tmp_path_factory.mktemp("zensical-venv")
    venv.create(folder, with_pip=True)
    python = str(folder / "bin" / "python")
    requirement = os.environ.get(ZENSICAL) or _newest(python)
    installed = subprocess.run([python, "-m", "pip", "install", "--quiet", requirement], capture_output=True,
                               text=True, env=clean_environment(), timeout=900, check=False)
    if installed.returncode:
        lines = [line for line in installed.stderr.splitlines() if line.strip() and "Location" not in line]
        pytest.skip(f"{requirement} does not install here: {lines[-1] if lines else installed.returncode}")
    return folder / "bin" / "zensical"


def _newest(python: str) -> str:
    listed = subprocess.run([python, "-m", "pip", "index", "versions", "zensical"], capture_output=True,
                            text=True, env=clean_environment(), timeout=300, check=False)
    first = listed.stdout.strip().splitlines()[:1]
    if listed.returncode or not first or "(" not in first[0]:
        lines = listed.stderr.strip().splitlines()
        pytest.skip(f"pip cannot say which Zensical is newest: {lines[-1] if lines else listed.returncode}")
    return f"zensical=={first[0].split('(')[1].rstrip(')')}"


def test_zensical_builds_the_pages_folder_with_the_same_text(
    demo: Path, pages: Path, zensical: Path, tmp_path: Path,
) -> None:
    folder = tmp_path / "zensical"
    shutil.copytree(pages, folder, ignore=shutil.ignore_patterns("site"))
    built = subprocess.run([str(zensical), "build", "--strict"], cwd=folder, capture_output=True, text=True,
                           env=clean_environment(), timeout=600, check=False)
    assert built.returncode == 0, built.stdout + built.stderr
    assert 'content="zensical-' in (folder / "site" / "index.html").read_text(encoding="utf-8")
    assert differences(site_text(demo / "site"), site_text(folder / "site")) == []


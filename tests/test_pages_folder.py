"""`candour pages`: the folder it may write, and the mkdocs.yml it writes for an engine without
Candour's plugin. (The pages themselves, built by plain MkDocs, are in test_engines.)"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.engine_settings import plain_settings, read_settings

REPOSITORY = Path(__file__).resolve().parent.parent
FIXTURES = REPOSITORY / "tests" / "fixtures"


def council(tmp_path: Path, name: str = "england") -> Path:
    root = tmp_path / "council"
    shutil.copytree(FIXTURES / name / "records", root / "records")
    (root / "docs").mkdir()
    (root / "docs" / "procedure.md").write_text("# Procedure\n", encoding="utf-8")
    shutil.copy(REPOSITORY / "generator" / "scaffold" / "mkdocs.yml", root / "mkdocs.yml")
    return root


def every_file(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in folder.rglob("*") if path.is_file()}


@pytest.mark.parametrize("where", [".", "records", "docs/pages", "records/cases", ".."])
def test_never_writes_over_the_repository_or_into_what_the_site_is_made_from(tmp_path, capsys, where):
    root = council(tmp_path)
    before = every_file(tmp_path)
    assert main(["pages", "--root", str(root), "--out", str(root / where)]) == 1
    error = capsys.readouterr().err
    assert "nothing was changed" in error and "will not write into" in error
    assert every_file(tmp_path) == before


def test_refuses_a_folder_of_other_files_and_names_the_marker(tmp_path, capsys):
    root = council(tmp_path)
    out = tmp_path / "elsewhere"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["pages", "--root", str(root), "--out", str(out)]) == 1
    assert "has no .candour-pages file" in capsys.readouterr().err
    assert every_file(out) == {"notes.txt": b"mine"}


def test_a_site_built_by_candour_build_is_not_a_pages_folder(tmp_path, capsys):
    root = council(tmp_path)
    out = tmp_path / "site"
    out.mkdir()
    (out / ".candour-site").write_text("a site", encoding="utf-8")
    (out / "index.html").write_text("<p>published</p>", encoding="utf-8")
    assert main(["pages", "--root", str(root), "--out", str(out)]) == 1
    assert (out / "index.html").read_text(encoding="utf-8") == "<p>published</p>"


def test_invalid_records_are_reported_at_their_line_and_nothing_is_written(tmp_path, capsys):
    root = council(tmp_path)
    case = next((root / "records" / "cases").rglob("*.yaml"))
    text = case.read_text(encoding="utf-8")
    case.write_text(text.replace("received: 20", "received: soon 20", 1), encoding="utf-8")
    line = next(number for number, found in enumerate(text.splitlines(), 1) if found.startswith("received:"))
    assert main(["pages", "--root", str(root), "--out", str(tmp_path / "out")]) == 1
    assert f"{case.relative_to(root).as_posix()}:{line}:" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


# The settings written for an engine without the plugin -------------------------------------------

SETTINGS = """\
site_name: Ours
site_url: !ENV [SITE_URL, "https://example.org/"]
theme:
  name: material
  custom_dir: our-overrides
plugins:
  - search
  - candour:
      records: records
      changed_since_days: 28
extra_css: [stylesheets/ours.css]
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
"""


def test_the_plugin_is_left_out_and_what_it_added_is_written_in(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(SETTINGS, encoding="utf-8")
    site = read_settings(tmp_path)
    assert site.plugin["changed_since_days"] == 28 and site.plugin["schemas"] == "schemas"
    nav = [{"Home": "index.md"}, {"Annual reports": ["reports/index.md", {"2023-24": "reports/2023-24/"}]}]
    text = plain_settings(site, nav=nav, site_name="Northshire: adult social care complaints",
                          site_url="https://ignored.example/",
                          stylesheets_first=["stylesheets/accessibility.css"],
                          stylesheets_last=["stylesheets/candour.css"], custom_dir="overrides")
    settings = yaml.safe_load(text.replace("!ENV", "").replace("!!python/name:", ""))
    assert settings["plugins"] == ["search"]
    assert settings["nav"] == nav
    assert settings["site_name"] == "Northshire: adult social care complaints"
    assert settings["docs_dir"] == "docs" and settings["site_dir"] == "site"
    assert settings["theme"] == {"name": "material", "custom_dir": "overrides"}
    assert settings["extra_css"] == ["stylesheets/accessibility.css", "stylesheets/ours.css",
                                     "stylesheets/candour.css"]
    # Tags are carried over for the engine to resolve; the site's own address is kept.
    assert "site_url: !ENV\n- SITE_URL\n- https://example.org/" in text
    assert "emoji_index: !!python/name:material.extensions.emoji.twemoji" in text


def test_settings_listing_plugins_by_name_and_a_nav_of_their_own(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Ours\nnav: [index.md]\nplugins:\n  search: {}\n  candour: {nav: false}\n",
        encoding="utf-8")
    site = read_settings(tmp_path)
    assert site.plugin["nav"] is False
    settings = yaml.safe_load(plain_settings(site, nav=[{"Home": "x.md"}], site_name=None, site_url=None,
                                             stylesheets_first=[], stylesheets_last=[], custom_dir=None))
    assert settings["plugins"] == {"search": {}} and settings["nav"] == ["index.md"]
    assert settings["site_name"] == "Ours"


def test_settings_without_the_plugin_are_refused_by_name(tmp_path, capsys):
    root = council(tmp_path)
    (root / "mkdocs.yml").write_text("site_name: Ours\nplugins: [search]\n", encoding="utf-8")
    assert main(["pages", "--root", str(root), "--out", str(tmp_path / "out")]) == 1
    assert f"{root / 'mkdocs.yml'}: the candour plugin is not among its plugins" in capsys.readouterr().err


def test_a_name_that_could_become_markup_is_written_inert(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins: [candour]\n", encoding="utf-8")
    text = plain_settings(read_settings(tmp_path), nav=None, site_name='A & B <script>"x\'</script>',
                          site_url=None, stylesheets_first=[], stylesheets_last=[], custom_dir=None)
    assert yaml.safe_load(text)["site_name"] == "A & B &lt;script&gt;&quot;x&#39;&lt;/script&gt;"

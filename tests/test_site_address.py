"""The site's address from the organisation file reaches the page head only as a plain web address.

`candour validate` refuses an address that is not http(s) or that holds quotes or angle brackets
(tests/badinput/repository.yaml); the plugin also percent-encodes anything that could end the
attribute the theme writes it into, should a check ever be missed.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from mkdocs.config import load_config

import generator.plugin as plugin_module
from generator.cli import main
from generator.records import load_records

REPOSITORY = Path(__file__).resolve().parent.parent
HOSTILE = 'https://example.org/"><script>alert(1)</script>\'<x>'


def repository(tmp_path: Path) -> Path:
    shutil.copytree(REPOSITORY / "records", tmp_path / "records")
    shutil.copytree(REPOSITORY / "schemas", tmp_path / "schemas")
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\nplugins:\n  - candour\n", encoding="utf-8")
    return tmp_path


def test_the_plugin_never_hands_the_theme_an_address_that_ends_its_attribute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = repository(tmp_path)
    records = load_records(root)
    unchecked = replace(records, organisation=replace(records.organisation, site={"url": HOSTILE}))
    monkeypatch.setattr(plugin_module, "load_records", lambda *args, **kwargs: unchecked)
    config = load_config(config_file=str(root / "mkdocs.yml"))
    config = config.plugins["candour"].on_config(config)
    assert config.site_url.startswith("https://example.org/")
    assert not set(config.site_url) & set("\"'<> ")
    assert "%22%3E%3Cscript%3Ealert(1)%3C/script%3E%27%3Cx%3E" in config.site_url


def test_an_ordinary_address_is_given_as_written(tmp_path: Path) -> None:
    root = repository(tmp_path)
    config = load_config(config_file=str(root / "mkdocs.yml"))
    config = config.plugins["candour"].on_config(config)
    assert config.site_url == "https://example.org/complaints/"


@pytest.mark.parametrize("address", [
    'https://example.org/"><script>alert(1)</script>', "javascript:alert(1)", "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>", "//example.org/", "https:///nothing", "ftp://example.org/",
    "https://example.org/a b", "https://example.org/'onmouseover='alert(1)",
])
def test_validate_refuses_an_address_that_is_not_a_plain_web_address(
    tmp_path: Path, address: str, capsys: pytest.CaptureFixture[str],
) -> None:
    root = repository(tmp_path)
    organisation = root / "records" / "organisation.yaml"
    text = organisation.read_text(encoding="utf-8")
    quoted = address.replace("'", "''")
    organisation.write_text(text.replace("url: https://example.org/complaints/", f"url: '{quoted}'"),
                            encoding="utf-8")
    assert main(["validate", "--root", str(root)]) == 1
    out = capsys.readouterr().out
    assert any(line.startswith("records/organisation.yaml:") and "site.url: is not a" in line
               for line in out.splitlines()), out

"""The package list in pyproject.toml names every sub-package, the schemas and theme fixes travel
with it, and the default site settings keep up with the repository's own."""

import tomllib
from pathlib import Path

import yaml

from generator.check import schemas_folder
from generator.packaged import FOLDERS, packaged_folder, scaffold_folder

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
MAPPED = {f"generator.{name}" for name in FOLDERS}


def test_every_sub_package_is_listed_in_pyproject():
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(folder.relative_to(ROOT).parts)
        for folder in (ROOT / "generator").rglob("*")
        if folder.is_dir() and any(folder.glob("*.py")) and "__pycache__" not in folder.parts
    } | {"generator"}
    assert on_disk | MAPPED == listed


def test_each_folder_mapped_into_the_package_is_where_packaged_looks_for_it():
    mapped = PYPROJECT["tool"]["setuptools"]["package-dir"]
    assert mapped == {f"generator.{name}": folder for name, folder in FOLDERS.items()}
    for name, folder in FOLDERS.items():
        assert packaged_folder(name) == ROOT / folder  # a checkout reads them where they are


def test_a_repository_without_schemas_uses_the_packaged_ones(tmp_path):
    folder = schemas_folder(tmp_path)
    assert {path.name for path in folder.glob("*.schema.json")} == {
        path.name for path in (ROOT / "schemas").glob("*.schema.json")
    }


def test_the_default_site_settings_follow_the_repository_s_own():
    """What `candour init` writes (and a records-only build uses) has the same theme, Markdown and
    checks as Candour's own site: when one changes, change generator/scaffold/mkdocs.yml too."""
    own = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    default = yaml.safe_load((scaffold_folder() / "mkdocs.yml").read_text(encoding="utf-8"))
    for key in ("strict", "use_directory_urls", "exclude_docs", "validation", "markdown_extensions"):
        assert default.get(key) == own.get(key), key
    theme = {key: value for key, value in own["theme"].items() if key != "custom_dir"}
    assert default["theme"] == theme  # custom_dir: the plugin brings Candour's overrides itself
    assert [_name(p) for p in default["plugins"]] == [_name(p) for p in own["plugins"]]
    # The stylesheets the repository names beyond the theme's fixes, if any, are its own.
    assert set(own.get("extra_css", [])) <= {"stylesheets/accessibility.css"}


def _name(plugin):
    return plugin if isinstance(plugin, str) else next(iter(plugin))


def test_every_schema_names_one_record_model_version():
    from generator.check.schema_files import schema_versions

    versions = schema_versions(ROOT / "schemas")
    assert set(versions.values()) == {1}, versions

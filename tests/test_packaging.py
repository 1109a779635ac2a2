"""The package list in pyproject.toml names every sub-package, and the schemas travel with it."""

import tomllib
from pathlib import Path

from generator.check import schemas_folder

ROOT = Path(__file__).resolve().parents[1]


def test_every_sub_package_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(folder.relative_to(ROOT).parts)
        for folder in (ROOT / "generator").rglob("*")
        if folder.is_dir() and any(folder.glob("*.py")) and "__pycache__" not in folder.parts
    } | {"generator"}
    assert on_disk | {"generator.schemas"} == listed


def test_a_repository_without_schemas_uses_the_packaged_ones(tmp_path):
    folder = schemas_folder(tmp_path)
    assert {path.name for path in folder.glob("*.schema.json")} == {
        path.name for path in (ROOT / "schemas").glob("*.schema.json")
    }

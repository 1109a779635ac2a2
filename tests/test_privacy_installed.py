"""The name detector as a council gets it: Candour installed alone (what the pre-commit hook
installs) brings Faker with it, finds its name lists in the venv and not in this checkout, and
reports a name without a title and a street address in a fixture council's record."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from installed_package import Installed

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CASE = "records/cases/2023-24/C-2023-0001.yaml"
SUMMARY = "summary: Daughter said an assessment for her father took months to arrange."


def test_the_installed_scan_finds_a_name_without_a_title_and_an_address(
    light_candour: Installed, tmp_path: Path
) -> None:
    shutil.copytree(FIXTURES / "wales" / "records", tmp_path / "records")
    lists = light_candour.python(
        "from generator.check.privacy_lexicon import faker_folder, faker_version, lexicon; "
        "print(faker_folder()); print(faker_version()); print(len(lexicon().first_names))",
        tmp_path,
    )
    assert lists.returncode == 0, lists.stderr
    folder, version, count = lists.stdout.split()
    assert folder.startswith(str(light_candour.folder)) and version and int(count) > 9000

    case = tmp_path / CASE
    text = case.read_text(encoding="utf-8")
    assert text.count(SUMMARY) == 1
    case.write_text(
        text.replace(SUMMARY, "summary: Gwyneth Pritchard said the carers left her at 4 Heol y Parc."),
        encoding="utf-8",
    )
    checked = light_candour.run("validate", cwd=tmp_path)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    line = next(n for n, each in enumerate(case.read_text().splitlines(), 1) if each.startswith("summary:"))
    assert f"{CASE}:{line}:10: summary: looks like a first name and surname at column 10" in checked.stdout
    assert f"{CASE}:{line}:10: summary: looks like a street address at column 56" in checked.stdout
    assert "Pritchard" not in checked.stdout + checked.stderr
    assert "Heol" not in checked.stdout + checked.stderr

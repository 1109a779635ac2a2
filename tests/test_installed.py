"""Candour installed from its wheel into a fresh venv, used in a repository that holds only records
(a fixture council's): checking, starting a record and building work with what the package
carries, and the light install checks without the site's packages."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pytest
import yaml
from installed_package import Installed

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SITE_PACKAGES = ("mkdocs", "material", "matplotlib", "jinja2", "nh3")


def records_only(target: Path, council: str = "wales") -> Path:
    """A council's repository with nothing but its records (no schemas/, docs/ or mkdocs.yml)."""
    shutil.copytree(FIXTURES / council / "records", target / "records")
    return target


def fill_in(path: Path, values: dict[str, str]) -> None:
    """Put values where `candour new` wrote TODO, as an officer would."""
    text = path.read_text(encoding="utf-8")
    for field, value in values.items():
        text, count = re.subn(rf"^(\s*){field}: TODO$", rf"\g<1>{field}: {value}", text, flags=re.M)
        assert count == 1, f"{field}: TODO not found in {path}"
    assert "TODO" not in re.sub(r"#.*", "", text), text
    path.write_text(text, encoding="utf-8")


def test_the_package_is_used_not_the_checkout(site_candour: Installed, tmp_path: Path) -> None:
    found = site_candour.python("import generator; print(generator.__file__)", tmp_path)
    assert found.returncode == 0, found.stderr
    assert str(site_candour.folder) in found.stdout, found.stdout


def test_light_install_checks_without_the_site_packages(light_candour: Installed, tmp_path: Path) -> None:
    repo = records_only(tmp_path)
    checked = light_candour.run("validate", cwd=repo)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # Six cases, an action, a compliment, an ombudsman case, its statistics and the organisation file.
    assert "All 11 records are valid." in checked.stdout
    imported = light_candour.python(
        f"import importlib.util as u; print([n for n in {SITE_PACKAGES!r} if u.find_spec(n)])", repo
    )
    assert imported.stdout.strip() == "[]", imported.stdout


def test_light_install_says_what_to_install_to_build(light_candour: Installed, tmp_path: Path) -> None:
    repo = records_only(tmp_path)
    built = light_candour.run("build", cwd=repo)
    assert built.returncode == 1
    assert "pip install \"candour[site]==" in built.stderr, built.stderr
    assert "Traceback" not in built.stderr
    assert not (repo / "site").exists()


def test_light_install_reports_a_broken_record_at_its_line(light_candour: Installed, tmp_path: Path) -> None:
    repo = records_only(tmp_path)
    case = repo / "records/cases/2023-24/C-2023-0002.yaml"
    case.write_text(case.read_text().replace("service_area: disability", "service_area: nowhere"))
    checked = light_candour.run("validate", cwd=repo)
    assert checked.returncode == 1
    line = next(n for n, text in enumerate(case.read_text().splitlines(), 1) if "nowhere" in text)
    assert f"records/cases/2023-24/C-2023-0002.yaml:{line}:" in checked.stdout, checked.stdout
    assert "cannot be opened" not in checked.stdout


def test_validate_new_and_build_in_a_records_only_repository(site_candour: Installed, tmp_path: Path) -> None:
    repo = records_only(tmp_path / "council")
    checked = site_candour.run("validate", cwd=repo)
    assert checked.returncode == 0, checked.stdout + checked.stderr

    started = site_candour.run("new", "case", "--received", "2023-07-03", cwd=repo)
    assert started.returncode == 0, started.stderr
    path = repo / started.stdout.strip()
    assert path == repo / "records/cases/2023-24/C-2023-0007.yaml"
    refused = site_candour.run("validate", cwd=repo)
    assert refused.returncode == 1 and "still says TODO" in refused.stdout
    fill_in(path, {"kind": "complaint", "disposition": "accepted", "service_area": "disability",
                   "subject": "delay", "receipt_point": "service-area", "receipt_method": "email",
                   "complainant": "care-recipient", "summary": "Asked why a review was late."})
    checked = site_candour.run("validate", cwd=repo)
    assert checked.returncode == 0, checked.stdout

    built = site_candour.run("build", cwd=repo, extra_env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert built.returncode == 0, built.stdout + built.stderr
    assert "Candour's default site settings" in built.stdout
    site = repo / "site"
    with (site / "reports/2023-24/data/representations.csv").open(encoding="utf-8-sig") as table:
        counted = {row["id"]: row["2023-24"] for row in csv.DictReader(table)}
    # The fixture has six 2023-24 cases, four of them accepted complaints; one more of each now.
    assert (counted["complaints"], counted["total"]) == ("5", "7")
    home = (site / "index.html").read_text(encoding="utf-8")
    # The theme's fixes came from the package: the accessibility stylesheet and the named search.
    assert "stylesheets/accessibility.css" in home
    assert (site / "stylesheets/accessibility.css").is_file()
    assert 'role="dialog" aria-label="Search"' in home
    # Nothing was written into the repository but the site and the chart cache.
    assert sorted(p.name for p in repo.iterdir()) == [".candour-cache", "records", "site"]


def test_pages_from_the_package_build_with_plain_mkdocs(site_candour: Installed, tmp_path: Path) -> None:
    """`candour pages` in a records-only repository: a folder the installed MkDocs builds without
    Candour's plugin, with the theme's fixes the package carries."""
    repo = records_only(tmp_path / "council")
    out = tmp_path / "pages"
    written = site_candour.run("pages", "--out", out, cwd=repo, extra_env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert written.returncode == 0, written.stdout + written.stderr
    assert "Candour's default settings" in written.stdout
    assert yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))["plugins"] == ["search"]
    built = site_candour.run("build", "--strict", cwd=out, program="mkdocs")
    assert built.returncode == 0, built.stderr
    with (out / "site/reports/2023-24/data/representations.csv").open(encoding="utf-8-sig") as table:
        counted = {row["id"]: row["2023-24"] for row in csv.DictReader(table)}
    # The fixture has six 2023-24 cases, four of them accepted complaints.
    assert (counted["complaints"], counted["total"]) == ("4", "6")
    home = (out / "site/index.html").read_text(encoding="utf-8")
    assert "stylesheets/accessibility.css" in home and 'role="dialog" aria-label="Search"' in home
    assert sorted(p.name for p in repo.iterdir()) == [".candour-cache", "records"]  # nothing else written

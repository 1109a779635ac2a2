"""`candour init` from the installed package: the new repository checks and builds at once with
no records, and again after `candour new case`; its own pre-commit configuration runs the
published hook at the version it names."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from installed_package import Installed, clean_environment
from test_installed import fill_in

pytestmark = pytest.mark.slow


def init(candour: Installed, repo: Path, *extra: str) -> None:
    started = candour.run(
        "init",
        repo,
        "--council",
        "Northshire County Council",
        "--nation",
        "wales",
        "--services",
        "adults",
        "--year",
        "2024-25",
        "--yes",
        *extra,
        cwd=repo.parent,
    )
    assert started.returncode == 0, started.stdout + started.stderr


def test_a_new_repository_checks_and_builds_before_and_after_its_first_case(
    site_candour: Installed, tmp_path: Path
) -> None:
    repo = tmp_path / "northshire"
    init(site_candour, repo)
    assert (repo / "records/ombudsman-statistics/README.md").is_file()  # a folder for each kind
    assert site_candour.run("validate", cwd=repo).returncode == 0
    built = site_candour.run("build", cwd=repo)
    assert built.returncode == 0, built.stdout + built.stderr
    assert f"reading {repo / 'mkdocs.yml'}" in built.stdout  # its own settings, written by init
    assert "There are no records here yet" in (repo / "site/index.html").read_text(encoding="utf-8")

    started = site_candour.run("new", "case", "--received", "2024-06-03", cwd=repo)
    assert started.returncode == 0, started.stderr
    fill_in(
        repo / started.stdout.strip(),
        {
            "kind": "complaint",
            "disposition": "accepted",
            "service_area": "home-care",
            "subject": "delay",
            "receipt_point": "complaints-team",
            "receipt_method": "telephone",
            "complainant": "family",
            "summary": "Said a home care visit was missed twice.",
        },
    )
    checked = site_candour.run("validate", cwd=repo)
    assert checked.returncode == 0, checked.stdout
    built = site_candour.run("build", cwd=repo)
    assert built.returncode == 0, built.stdout + built.stderr
    with (repo / "site/reports/2024-25/data/representations.csv").open(encoding="utf-8-sig") as table:
        counted = {row["id"]: row["2024-25"] for row in csv.DictReader(table)}
    assert (counted["complaints"], counted["total"]) == ("1", "1")
    # The commentary init wrote for the first year is in its report, its figure filled in.
    report = (repo / "site/reports/2024-25/index.html").read_text(encoding="utf-8")
    assert "In 2024-25 we accepted 1 formal complaints about adult social services." in report


def test_the_repository_s_own_pre_commit_configuration_runs_the_hook(
    light_candour: Installed, candour_repository: Path, pre_commit_home: Path, tmp_path: Path
) -> None:
    version = light_candour.python(
        "from importlib.metadata import version; print(version('candour'))", tmp_path
    ).stdout.strip()
    subprocess.run(
        ["git", "tag", "--force", f"v{version}"], cwd=candour_repository, check=True, capture_output=True
    )
    repo = tmp_path / "northshire"
    init(light_candour, repo, "--candour-repository", str(candour_repository))
    ran = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
        cwd=repo,
        env=clean_environment({"PRE_COMMIT_HOME": str(pre_commit_home)}),
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "Passed" in ran.stdout

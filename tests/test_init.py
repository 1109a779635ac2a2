"""`candour init`: a council's repository that checks at once, for every nation and service mix;
it never writes into a folder that is not empty. (The installed package and the built site are
tested in test_installed_init.py and tests/browser/test_init_site.py.)"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from generator.check import check_paths
from generator.cli import main
from generator.commands.new import create
from generator.council_repository import FIRST_COMMIT, start_repository
from generator.organisation_file import Answers

EXPECTED = {
    ".github/workflows/deploy.yml",
    ".github/workflows/pull-request.yml",
    ".gitignore",
    ".pre-commit-config.yaml",
    "README.md",
    "constraints.txt",
    "docs/commentary/2024-25.md",
    "docs/introduction.md",
    "docs/procedure.md",
    "mkdocs.yml",
    "records/actions/README.md",
    "records/cases/README.md",
    "records/compliments/README.md",
    "records/ombudsman/README.md",
    "records/ombudsman-statistics/README.md",
    "records/organisation.yaml",
    "requirements.txt",
}


def files_in(folder: Path) -> set[str]:
    return {
        p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and ".git" not in p.parts
    }


def test_init_writes_every_file_and_a_first_commit(tmp_path: Path) -> None:
    folder = tmp_path / "northshire"
    code = main(
        [
            "init",
            str(folder),
            "--council",
            "Northshire County Council",
            "--nation",
            "england",
            "--services",
            "adults",
            "--site-url",
            "https://example.org/complaints/",
            "--repository-url",
            "https://github.com/northshire/complaints",
            "--year",
            "2024-25",
            "--yes",
        ]
    )
    assert code == 0
    assert files_in(folder) == EXPECTED
    log = subprocess.run(
        ["git", "log", "--format=%s", "--name-only"], cwd=folder, capture_output=True, text=True, check=True
    ).stdout
    assert log.splitlines()[0] == FIRST_COMMIT
    assert set(log.splitlines()[2:]) - {""} == EXPECTED  # every file committed
    organisation = yaml.safe_load((folder / "records/organisation.yaml").read_text(encoding="utf-8"))
    assert organisation["name"] == "Northshire County Council"
    assert organisation["site"] == {
        "url": "https://example.org/complaints/",
        "repository": "https://github.com/northshire/complaints",
        "branch": "main",
    }
    assert "procedure" not in organisation  # at England's default, written only as a note
    text = (folder / "records/organisation.yaml").read_text(encoding="utf-8")
    assert "# procedure:" in text and "Local Government and Social Care Ombudsman" in text


@pytest.mark.parametrize("nation", ["england", "wales", "scotland", "northern-ireland"])
@pytest.mark.parametrize("services", [("adults",), ("children",), ("adults", "children")])
def test_a_new_repository_checks_clean_for_every_nation(tmp_path: Path, nation: str, services: tuple) -> None:
    start_repository(
        tmp_path, Answers("Example Council", nation, services), version="0.1.0", year="2024-25", git=False
    )
    result = check_paths(tmp_path)
    assert result.problems == []


def test_a_new_case_in_the_new_repository_lists_its_own_choices(tmp_path: Path) -> None:
    start_repository(
        tmp_path, Answers("Example Council", "wales"), version="0.1.0", year="2024-25", git=False
    )
    path = create(tmp_path, "case", received="2024-05-02")
    text = path.read_text(encoding="utf-8")
    assert "- stage: stage-1" in text  # Wales's first stage, from the nation's default procedure
    assert "one of: assessment, home-care, residential-care, finance" in text


@pytest.mark.parametrize(("nation", "ombudsman"), [("england", "lgsco"), ("wales", "psow"),
                                                  ("scotland", "spso")])
def test_the_ombudsman_statistics_folder_takes_the_years_figures(tmp_path: Path, nation: str,
                                                                 ombudsman: str) -> None:
    start_repository(tmp_path, Answers("Example Council", nation), version="0.1.0", year="2024-25", git=False)
    folder = tmp_path / "records" / "ombudsman-statistics"
    assert "candour new ombudsman-statistics --year 2024-25" in (folder / "README.md").read_text()
    path = create(tmp_path, "ombudsman-statistics", year="2024-25")
    assert path == folder / "2024-25.yaml"
    assert f"ombudsman: {ombudsman}" in path.read_text(encoding="utf-8")
    # Copied in from the letter, the record checks clean in the new repository.
    path.write_text(f"year: 2024-25\nombudsman: {ombudsman}\nsource:\n  title: Annual letter 2025\n"
                    "  published: 2025-07-01\n  address: https://ombudsman.example.org/letter\n"
                    "received: 4\ndetailed_investigations: 1\nupheld: 1\n", encoding="utf-8")
    assert check_paths(tmp_path).problems == []


def test_a_chosen_ombudsman_writes_the_procedure_out(tmp_path: Path) -> None:
    start_repository(
        tmp_path,
        Answers("Example Council", "england", ombudsman_id="hso", ombudsman_name="Housing Ombudsman"),
        version="0.1.0",
        git=False,
    )
    organisation = yaml.safe_load((tmp_path / "records/organisation.yaml").read_text(encoding="utf-8"))
    assert organisation["procedure"]["ombudsman"] == {"id": "hso", "name": "Housing Ombudsman"}
    assert [stage["id"] for stage in organisation["procedure"]["stages"]] == ["local"]
    assert check_paths(tmp_path).problems == []


def test_the_pins_and_workflows_name_the_installed_version(tmp_path: Path) -> None:
    start_repository(tmp_path, Answers("Example Council"), version="0.1.0", year="2024-25", git=False)
    assert "candour[site,spreadsheets]==0.1.0" in (tmp_path / "requirements.txt").read_text()
    constraints = (tmp_path / "constraints.txt").read_text()
    for name in ("candour", "mkdocs", "mkdocs-material", "matplotlib", "jinja2", "pyyaml", "openpyxl"):
        assert re.search(rf"^{name}==\d", constraints, re.M), name
    hooks = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text())
    assert hooks["repos"][0]["rev"] == "v0.1.0"
    assert hooks["repos"][0]["hooks"] == [{"id": "candour-validate"}]
    for workflow in ("pull-request", "deploy"):
        text = (tmp_path / f".github/workflows/{workflow}.yml").read_text()
        steps = [
            step.get("run", "") for job in yaml.safe_load(text)["jobs"].values() for step in job["steps"]
        ]
        assert "python -m pip install --quiet -r requirements.txt -c constraints.txt" in steps
        assert "candour validate --format github" in steps


def test_no_placeholder_is_left_in_any_file(tmp_path: Path) -> None:
    start_repository(
        tmp_path, Answers("Example Council", site_url="https://example.org/"), version="0.1.0", git=False
    )
    for path in tmp_path.rglob("*"):
        if path.is_file():
            text = re.sub(r"\$\{\{[^}]*\}\}", "", path.read_text(encoding="utf-8"))  # GitHub's own
            assert not re.search(r"\$[a-z_]", text), path


def test_a_fork_of_candour_is_installed_from_its_repository(tmp_path: Path) -> None:
    start_repository(
        tmp_path,
        Answers("Example Council"),
        version="0.2.0",
        git=False,
        candour_repository="https://github.com/northshire/candour",
    )
    assert (
        "candour[site,spreadsheets] @ git+https://github.com/northshire/candour@v0.2.0"
        in (tmp_path / "requirements.txt").read_text()
    )


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    assert main(["init", str(tmp_path), "--council", "Example Council", "--yes"]) == 1
    assert "not an empty folder" in capsys.readouterr().err
    assert files_in(tmp_path) == {"notes.txt"}


def test_init_without_a_council_name_says_how_to_give_one(tmp_path: Path, capsys) -> None:
    assert main(["init", str(tmp_path / "new"), "--yes"]) == 1
    assert "--council" in capsys.readouterr().err
    assert not (tmp_path / "new").exists()


def test_init_asks_at_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter(["Westshire Council", "scotland", "", "https://example.org/", ""])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    assert main(["init", str(tmp_path / "west"), "--no-git"]) == 0
    organisation = yaml.safe_load((tmp_path / "west/records/organisation.yaml").read_text(encoding="utf-8"))
    assert (organisation["name"], organisation["jurisdiction"], organisation["services"]) == (
        "Westshire Council",
        "scotland",
        ["adults"],
    )
    assert organisation["site"] == {"url": "https://example.org/", "branch": "main"}


def test_no_file_names_services_the_council_did_not_choose(tmp_path: Path) -> None:
    # A children's council in Scotland: no file of its new repository may say adult social care
    # (the site's name comes from its organisation file; the placeholder names no service).
    start_repository(tmp_path, Answers("Example Council", "scotland", ("children",)), version="0.1.0",
                     year="2024-25", git=False)
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert "adult social care" not in path.read_text(encoding="utf-8").lower(), path
    settings = yaml.safe_load((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"))
    assert settings["site_name"] == "Complaints and compliments"


def test_this_repositorys_placeholder_names_no_service() -> None:
    settings = (Path(__file__).resolve().parents[1] / "mkdocs.yml").read_text(encoding="utf-8")
    named = [line for line in settings.splitlines() if line.startswith(("site_name:", "site_description:"))]
    assert named == [
        "site_name: Complaints and compliments",
        "site_description: Annual report on complaints and compliments, and the learning action plan",
    ]

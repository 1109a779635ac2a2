"""A council's own repository, as `candour init` starts it: the organisation file, the site's
settings and pages, workflows, pre-commit configuration, pins, a README for its officers, and a
first commit where git is present.

Every file is made from a template in generator/scaffold/ (placeholders `$name`, so a template
needs no engine the light package lacks); a new file is one more entry in `FILES`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from string import Template

from generator.nations import NATIONS, services_wording
from generator.ombudsman_published import FOLDER as STATISTICS_FOLDER
from generator.organisation_file import Answers, organisation_text, stages_in_words
from generator.packaged import packaged_folder, scaffold_folder
from generator.pins import constraints_text, pinned
from generator.years import reporting_year

# Where the published pre-commit hook and the package's source live (a council may name a fork).
CANDOUR_REPOSITORY = "https://github.com/example/candour"
EXTRAS = ("site", "spreadsheets")
# Template in generator/scaffold/ -> file in the new repository ("YEAR" is the first year).
FILES = {
    "README.md": "README.md",
    "gitignore": ".gitignore",
    "mkdocs.yml": "mkdocs.yml",
    "requirements.txt": "requirements.txt",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
    "github/workflows/pull-request.yml": ".github/workflows/pull-request.yml",
    "github/workflows/deploy.yml": ".github/workflows/deploy.yml",
    "docs/introduction.md": "docs/introduction.md",
    "docs/procedure.md": "docs/procedure.md",
    "docs/commentary/YEAR.md": "docs/commentary/YEAR.md",
}
RECORD_FOLDERS = ("cases", "ombudsman", "compliments", "actions")  # a folder for each reporting year
FIRST_COMMIT = "Start the complaints records with candour init"


class InitError(Exception):
    """Why a repository could not be started, in words for the officer."""


@dataclass(frozen=True)
class Started:
    folder: Path
    written: list[Path]
    committed: bool
    notes: list[str]


def start_repository(folder: Path, answers: Answers, *, version: str, year: str | None = None,
                     candour_repository: str = CANDOUR_REPOSITORY, git: bool = True) -> Started:
    """Write the repository into `folder` (made if missing; refused unless empty)."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise InitError(f"{folder} is not an empty folder; candour init starts a repository only in a new "
                        "or empty folder, so nothing of yours is overwritten")
    if answers.nation not in NATIONS:
        raise InitError(f"unknown nation {answers.nation!r}: choose one of {', '.join(NATIONS)}")
    first_year = year or reporting_year(date.today())
    notes: list[str] = []
    texts = _texts(answers, version=version, year=first_year, candour_repository=candour_repository,
                   notes=notes)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for relative, text in texts.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as out:
            out.write(text)
        written.append(path)
    for name in RECORD_FOLDERS:  # git keeps no empty folder: each gets a note of what goes in it
        keep = folder / "records" / name / "README.md"
        keep.parent.mkdir(parents=True, exist_ok=True)
        keep.write_text(f"One YAML file for each {name[:-1] if name.endswith('s') else name} record, in a "
                        f"folder for its reporting year (such as {first_year}). Start one with "
                        f"`candour new`.\n", encoding="utf-8")
        written.append(keep)
    # The ombudsman's own figures: a file for each ombudsman year, in the folder itself.
    keep = folder / "records" / STATISTICS_FOLDER / "README.md"
    keep.parent.mkdir(parents=True, exist_ok=True)
    keep.write_text(f"One YAML file for each ombudsman year, named for it (such as {first_year}.yaml), with "
                    "the ombudsman's own figures for the council copied in as published. Start one with "
                    f"`candour new ombudsman-statistics --year {first_year}`.\n", encoding="utf-8")
    written.append(keep)
    committed = git and _first_commit(folder, answers.branch, notes)
    return Started(folder, written, committed, notes)


def _texts(answers: Answers, *, version: str, year: str, candour_repository: str,
           notes: list[str]) -> dict[str, str]:
    schema = json.loads((packaged_folder("schemas") / "organisation.schema.json").read_text(encoding="utf-8"))
    nation = NATIONS[answers.nation]
    values = {
        "council": answers.council,
        "version": version,
        "year": year,
        "branch": answers.branch,
        "nation_name": nation.name,
        "services_name": services_wording(nation, answers.services),
        "ombudsman_name": answers.ombudsman[1],
        "stages": stages_in_words(answers),
        "site_url": answers.site_url or "its address is set under site in records/organisation.yaml",
        "candour_repository": candour_repository,
        "candour_requirement": _requirement(version, candour_repository),
        "python_version": f"{sys.version_info.major}.{sys.version_info.minor}",
    }
    texts = {"records/organisation.yaml": organisation_text(answers, schema, version)}
    for template, target in FILES.items():
        source = (scaffold_folder() / template).read_text(encoding="utf-8")
        texts[target.replace("YEAR", year)] = Template(source).safe_substitute(values)
    versions, missing = pinned("candour", set(EXTRAS))
    if missing:
        notes.append("constraints.txt pins only what is installed here; not installed: " + ", ".join(missing)
                     + f'. Install "candour[{",".join(EXTRAS)}]" and run candour init again to pin them too.')
    texts["constraints.txt"] = constraints_text(versions, missing, f"candour init (Candour {version})")
    return texts


def _requirement(version: str, candour_repository: str) -> str:
    extras = ",".join(EXTRAS)
    if candour_repository == CANDOUR_REPOSITORY:
        return f"candour[{extras}]=={version}"
    return f"candour[{extras}] @ git+{candour_repository}@v{version}"


def _first_commit(folder: Path, branch: str, notes: list[str]) -> bool:
    """git init and a first commit of everything written; False (with a note) when git is absent."""
    git = shutil.which("git")
    if git is None:
        notes.append("git was not found, so no repository was made: run git init in the folder later")
        return False
    identity = {}
    if subprocess.run([git, "config", "user.email"], cwd=folder, capture_output=True, check=False).returncode:
        # No identity set up here: the first commit says who made it rather than failing.
        identity = {"GIT_AUTHOR_NAME": "candour init", "GIT_AUTHOR_EMAIL": "candour-init@localhost",
                    "GIT_COMMITTER_NAME": "candour init", "GIT_COMMITTER_EMAIL": "candour-init@localhost"}
        notes.append("git has no user.name/user.email here, so the first commit is signed 'candour init'")
    environment = {**os.environ, **identity}
    for command in (["init", "--quiet", f"--initial-branch={branch}"], ["add", "--all"],
                    ["commit", "--quiet", "--no-verify", "--message", FIRST_COMMIT]):
        done = subprocess.run([git, *command], cwd=folder, capture_output=True, text=True, env=environment,
                              check=False)
        if done.returncode:
            notes.append(f"git {command[0]} failed ({done.stderr.strip()}); the files are written: "
                         "commit them yourself")
            return False
    return True

"""A council's records in a temporary git repository, committed on chosen dates, for the tracker's
tests: each commit is dated with GIT_AUTHOR_DATE and GIT_COMMITTER_DATE."""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from generator.githistory import FolderHistory, folder_history
from generator.model import Records
from generator.records import load_records

FIXTURES = Path(__file__).resolve().parent / "fixtures"


class GitRecords:
    """Records of one council in a git repository of their own."""

    def __init__(self, root: Path, organisation: dict[str, Any]) -> None:
        self.root = root
        self.git("init", "-q", "-b", "main")
        self.write("records/organisation.yaml", yaml.safe_dump(organisation, sort_keys=False))

    def git(self, *args: str, when: str | None = None) -> str:
        env = {
            **os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "Officer", "GIT_AUTHOR_EMAIL": "officer@example.org",
            "GIT_COMMITTER_NAME": "Officer", "GIT_COMMITTER_EMAIL": "officer@example.org",
        }
        if when:
            stamp = f"{when}T12:00:00+00:00"
            env |= {"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
        done = subprocess.run(["git", *args], cwd=self.root, env=env, check=True, capture_output=True,
                              text=True)
        return done.stdout

    def write(self, path: str, text: str) -> None:
        file = self.root / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")

    def action(self, values: dict[str, Any], year: str) -> str:
        """Write an action record in its year's folder; its path."""
        path = f"records/actions/{year}/{values['id']}.yaml"
        self.write(path, yaml.safe_dump(values, sort_keys=False, allow_unicode=True))
        return path

    def commit(self, when: str, message: str = "Update the action plan") -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message, when=when)

    def move(self, old: str, new: str) -> None:
        (self.root / new).parent.mkdir(parents=True, exist_ok=True)
        self.git("mv", old, new)

    def history(self) -> FolderHistory:
        return folder_history(self.root, "records/actions")

    def records(self) -> Records:
        return load_records(self.root)


def wales_organisation(**more: Any) -> dict[str, Any]:
    """The Welsh fixture council's organisation file, with a second department and anything given."""
    path = FIXTURES / "wales" / "records" / "organisation.yaml"
    values = yaml.safe_load(path.read_text(encoding="utf-8"))
    values["taxonomies"]["departments"].append({"id": "commissioning", "name": "Commissioning Team"})
    values.update(more)
    return values


def git_available() -> bool:
    return shutil.which("git") is not None


COMMITTEE = "Social Services Scrutiny Committee"
MEETINGS = [
    {"date": "2021-06-09", "name": COMMITTEE},
    {"date": "2021-03-10", "name": COMMITTEE},
    {"date": "2021-09-08", "name": COMMITTEE},
    {"date": "2022-01-12", "name": COMMITTEE},  # still to come on the as-of date
]
AS_OF = date(2021, 10, 1)

LETTERS = {
    "id": "ACT-2020-01", "plan": "learning-2023-24", "theme": "communication",
    "lead_officer": "Head of Adult Services", "raised": "2021-01-04",
    "issue": "Families were not told how long an assessment would take.",
    "actions": [{"action": "Give an expected assessment date in every acknowledgement letter.",
                 "departments": ["social-services"], "timescale": "2021-04"}],
    "status": "not-started",
}
LEAFLET = {
    "id": "ACT-2020-02", "plan": "learning-2023-24", "theme": "communication", "raised": "2021-01-04",
    "issue": "The leaflet did not say how to complain in Welsh.",
    "actions": [{"action": "Publish the leaflet in Welsh and English.", "departments": ["social-services"],
                 "timescale": "2021-06"}],
    "status": "not-started",
}


def letters_council(root: Path) -> GitRecords:
    """The Welsh fixture council's action plan, changed commit by commit through 2021 (the story
    the tracker's tests tell: see tests/test_tracker_history.py)."""
    repo = GitRecords(root, wales_organisation(meetings=MEETINGS))
    letters = copy.deepcopy(LETTERS)
    letters_path = repo.action(letters, "2020-21")
    leaflet_path = repo.action(LEAFLET, "2020-21")
    repo.commit("2021-01-05", "Records for the action plan")  # the first commit: the history starts

    letters["status"] = "in-progress"
    letters["reviews"] = [{"date": "2021-02-01", "note": "Draft letter written."}]
    repo.action(letters, "2020-21")
    repo.commit("2021-02-01", "Mrs Example asked for this")  # a message never published

    letters["actions"][0]["revisions"] = [
        {"timescale": "2021-07", "reason": "Waiting for the new letter template.", "agreed": "2021-04-19"}]
    repo.action(letters, "2020-21")
    repo.commit("2021-04-20")

    # Reformatting only: another order of fields, flow style and a comment. Nothing a councillor reads.
    (repo.root / letters_path).write_text(
        "# Letters action\n" + _flow(letters), encoding="utf-8")
    repo.commit("2021-05-01", "Tidy the YAML")

    letters["actions"].append({"action": "Check a sample of letters each month.",
                               "departments": ["social-services"], "timescale": "2021-09"})
    repo.action(letters, "2020-21")
    repo.commit("2021-05-10")

    letters["actions"][0]["completed"] = "2021-06-30"
    letters["actions"][1]["departments"] = ["commissioning"]
    repo.action(letters, "2020-21")
    repo.commit("2021-07-01")

    # The leaflet's date raised is corrected into 2021-22: it moves folder and takes that year's id.
    moved = {**LEAFLET, "id": "ACT-2021-01", "raised": "2021-04-12"}
    repo.move(leaflet_path, "records/actions/2021-22/ACT-2021-01.yaml")
    repo.action(moved, "2021-22")
    repo.commit("2021-07-15", "Move the leaflet action")

    letters["status"] = "complete"
    letters["completed"] = "2021-07-30"
    repo.action(letters, "2020-21")
    repo.commit("2021-08-01")

    repo.action({**LEAFLET, "id": "ACT-2021-02", "raised": "2021-08-16", "theme": "communication",
                 "issue": "Phone calls were not returned."}, "2021-22")
    repo.commit("2021-08-20")
    return repo


def _flow(values: dict[str, Any]) -> str:
    reordered = {key: values[key] for key in sorted(values)}
    return yaml.safe_dump(reordered, default_flow_style=True, width=200)

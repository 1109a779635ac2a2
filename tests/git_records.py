"""A council's records in a temporary git repository, committed on chosen dates, for the tracker's
tests: each commit is dated with GIT_AUTHOR_DATE and GIT_COMMITTER_DATE."""

from __future__ import annotations

import os
import shutil
import subprocess
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

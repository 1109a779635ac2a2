"""The bad-input corpus: each case breaks a copy of a repository in one way and says what
`candour validate` must print about it.

Cases live in the YAML files beside this module, one list per theme. A case is

    name: a short slug, unique across the corpus
    about: what an officer did wrong, in words
    base: small (default; tests/cases/small), demo (the project's records/), welsh (the Welsh
        fixture council, published in Welsh and English) or empty (no records/)
    steps: changes to the copy, in order, each one of
      - {write: PATH, text: ..., encoding: utf-8 (default) | latin-1 | utf-16 | raw, repeat: N}
        `raw` writes each character as the byte of the same number (text "\\xff" is the byte ff)
      - {edit: PATH, old: ..., new: ...}     old must be there exactly once
      - {delete: PATH} | {move: PATH, to: PATH} | {mkdir: PATH}
      - {link: PATH, to: TARGET}   a symbolic link; TARGET is from the repository's top folder,
        or absolute (`/dev/zero`), or `{outside}/...` for a folder beside the repository
      - {fifo: PATH}               a named pipe
      - {outside: PATH, to: NAME}  a copy of a file or folder of the repository put beside it, as
        `{outside}/NAME`, for a link to lead to
    expect: every line validate prints before its summary, exactly; `{today}` is today's date and
        `{repo}` the repository's folder
    limited: true to run it in a separate process with a memory and time limit

Paths are relative to the repository's top folder.
"""

from __future__ import annotations

import hashlib
import os
import resource
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

CORPUS = Path(__file__).resolve().parent
TESTS = CORPUS.parent
PROJECT = TESTS.parent
BASES = {
    "small": TESTS / "cases" / "small" / "records", "demo": PROJECT / "records",
    "welsh": TESTS / "fixtures" / "wales-social-services" / "records",  # published in Welsh too
}

MEMORY_LIMIT = 1024 * 1024 * 1024  # bytes of address space for a limited case
TIME_LIMIT = 30  # seconds for a limited case, start-up included
IN_PROCESS_SECONDS = 5.0


@dataclass(frozen=True)
class Case:
    name: str
    about: str
    file: str
    base: str = "small"
    steps: tuple[dict[str, Any], ...] = ()
    expect: tuple[str, ...] = ()
    limited: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def corpus() -> list[Case]:
    """Every case in every YAML file of the corpus, in file order."""
    cases = []
    for path in sorted(CORPUS.glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
            entry = dict(entry)
            cases.append(Case(
                name=entry.pop("name"), about=entry.pop("about"), file=path.name,
                base=entry.pop("base", "small"), steps=tuple(entry.pop("steps", ())),
                expect=tuple(entry.pop("expect", ())), limited=entry.pop("limited", False), extra=entry,
            ))
    return cases


def make_repository(case: Case, target: Path) -> Path:
    """A fresh repository for the case: the base records, the project's schemas, the case's changes."""
    target.mkdir(parents=True, exist_ok=True)
    if case.base != "empty":
        shutil.copytree(BASES[case.base], target / "records")
    shutil.copytree(PROJECT / "schemas", target / "schemas")
    for step in case.steps:
        apply(step, target)
    return target


def apply(step: dict[str, Any], repo: Path) -> None:
    if "write" in step:
        path = repo / step["write"]
        path.parent.mkdir(parents=True, exist_ok=True)
        text = step["text"] * step.get("repeat", 1)
        encoding = step.get("encoding", "utf-8")
        path.write_bytes(text.encode("latin-1" if encoding == "raw" else encoding))
    elif "edit" in step:
        path = repo / step["edit"]
        text = path.read_text(encoding="utf-8")
        assert text.count(step["old"]) == 1, f"{step['old']!r} is in {path} {text.count(step['old'])} times"
        path.write_text(text.replace(step["old"], step["new"]), encoding="utf-8")
    elif "delete" in step:
        target = repo / step["delete"]
        shutil.rmtree(target) if target.is_dir() and not target.is_symlink() else target.unlink()
    elif "move" in step:
        target = repo / step["to"]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(repo / step["move"], target)
    elif "mkdir" in step:
        (repo / step["mkdir"]).mkdir(parents=True)
    elif "link" in step:
        path = repo / step["link"]
        path.parent.mkdir(parents=True, exist_ok=True)
        target = step["to"].replace("{outside}", str(repo.parent / "outside"))
        target_path = Path(target) if Path(target).is_absolute() else repo / target
        path.symlink_to(target_path, target_is_directory=target_path.is_dir())
    elif "fifo" in step:
        path = repo / step["fifo"]
        path.parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(path)
    elif "outside" in step:
        # A copy of part of the repository beside it, where a link can lead.
        outside = repo.parent / "outside" / step["to"]
        outside.parent.mkdir(parents=True, exist_ok=True)
        source = repo / step["outside"]
        if source.is_dir():
            shutil.copytree(source, outside)
        else:
            shutil.copy(source, outside)
    else:
        raise ValueError(f"unknown step {step}")


def tree_digest(folder: Path) -> str:
    """One fingerprint of every path, file content and file mode under `folder`."""
    digest = hashlib.sha256()
    if not folder.exists():
        return "absent"
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode() + b"\0")
        digest.update(oct(path.lstat().st_mode).encode() + b"\0")
        if path.is_symlink():
            digest.update(os.readlink(path).encode())
        elif path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


_LIMITED_RUN = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))
from generator.cli import main
sys.exit(main(sys.argv[1:]))
"""


def run_limited(repo: Path) -> subprocess.CompletedProcess[str]:
    """`candour validate` in its own process, with at most MEMORY_LIMIT bytes and TIME_LIMIT seconds."""
    environment = {**os.environ, "PYTHONPATH": str(PROJECT)}
    environment.pop("CANDOUR_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-c", _LIMITED_RUN.format(memory=MEMORY_LIMIT), "validate", "--root", str(repo)],
        capture_output=True, text=True, timeout=TIME_LIMIT, cwd=repo, env=environment,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_CPU, (TIME_LIMIT, TIME_LIMIT)),
    )

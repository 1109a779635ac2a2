"""Paths as the check shows them, the files named on the command line, and files under records/
that will never be read as records (so that none is silently lost)."""

from __future__ import annotations

from pathlib import Path

from generator.load import KIND_FOLDERS, ORGANISATION_FILE, RecordFolder, kind_of
from generator.problems import Problem

RECORDS = "records"
# Files an officer may keep beside the records without them being read as records.
_NOT_RECORDS = (".md", ".txt")


def shown(path: Path, repo_root: Path) -> str:
    """A path as problems show it: from the repository's top folder when it is inside it."""
    try:
        return str(path.resolve().relative_to(repo_root))
    except ValueError:
        return str(path)


def shown_folder(folder: RecordFolder) -> str:
    """A folder as problems show it: from the repository's top folder, parts joined by '/'."""
    return f"{RECORDS}/{folder.below}" if folder.below else RECORDS


def named_files(paths: list[Path], records_root: Path, repo_root: Path, notes: list[str]) -> set[str]:
    """The files named on the command line (folders opened), as shown in problems."""
    named: set[str] = set()
    for path in paths:
        resolved = path.resolve()
        if not resolved.exists():
            notes.append(f"{path} does not exist; skipped")
            continue
        try:
            resolved.relative_to(records_root.resolve())
        except ValueError:
            notes.append(f"{path} is not under records/; skipped")
            continue
        found = [resolved] if resolved.is_file() else [p for p in resolved.rglob("*") if p.is_file()]
        named |= {shown(p, repo_root) for p in found if not p.name.startswith(".")}
    return named


def stray_problems(others: list[tuple[str, bool]], repo_root: Path, named: set[str] | None) -> list[Problem]:
    """A problem for each file under records/ that is not a record file (of those named)."""
    return [
        _misplaced(Path(path), repo_root)
        for path in _stray_files(others)
        if named is None or shown(Path(path), repo_root) in named
    ]


def _stray_files(others: list[tuple[str, bool]]) -> list[str]:
    stray = []
    for path, is_file in others:
        if not is_file:
            continue
        parts = Path(path).parts
        if not parts[-1].startswith(".") and Path(path).suffix not in _NOT_RECORDS and not any(
            p.startswith(".") for p in parts
        ):
            stray.append(path)
    return stray


def _misplaced(path: Path, repo_root: Path) -> Problem:
    if path.suffix in (".yml", ".YAML", ".Yaml"):
        message = f"ends in {path.suffix}: record files end in .yaml, so this one is not read"
    else:
        folders = ", ".join(f"{name}/" for name in sorted(KIND_FOLDERS))
        message = (
            f"is not a record file, so it is not read: records are .yaml files in {ORGANISATION_FILE} "
            f"or under {folders}"
        )
    return Problem(shown(path, repo_root), 1, 1, "", message)


def unreadable_ids(unreadable: list[Problem], records_root: Path, repo_root: Path) -> dict[str, set[str]]:
    """Ids of files that could not be read, taken from their names, so references to them hold."""
    ids: dict[str, set[str]] = {}
    for problem in unreadable:
        path = repo_root / problem.path
        kind = kind_of(path, records_root)
        if kind:
            ids.setdefault(kind, set()).add(path.stem)
    return ids

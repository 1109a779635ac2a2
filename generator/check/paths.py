"""Paths as the check shows them, the files named on the command line, and files under records/
that will never be read as records (so that none is silently lost)."""

from __future__ import annotations

import os
from pathlib import Path

from generator.folders import FILE, FOLDER_NAMED_AS_RECORD, LINK, SPECIAL, UNREADABLE, Other
from generator.load import KIND_FOLDERS, LINK_REFUSED, ORGANISATION_FILE, SPECIAL_REFUSED, RecordFolder
from generator.problems import Problem

RECORDS = "records"
DOCS = "docs"
# Files an officer may keep beside the records without them being read as records.
_NOT_RECORDS = (".md", ".txt")


def shown(path: Path, repo_root: Path) -> str:
    """A path as problems show it: from the repository's top folder when it is inside it. A link
    is shown where it is, not where it leads."""
    try:
        return where(path).relative_to(repo_root).as_posix()
    except ValueError:
        return str(path)


def where(path: Path) -> Path:
    """A path made absolute, its folders' links followed but not a link at its end: a link is
    refused where it is, not read where it leads."""
    if path.name in ("", ".", ".."):
        return path.resolve()
    return path.parent.resolve() / path.name


def shown_folder(folder: RecordFolder) -> str:
    """A folder as problems show it: from the repository's top folder, parts joined by '/'."""
    return f"{RECORDS}/{folder.below}" if folder.below else RECORDS


def named_files(paths: list[Path], records_root: Path, repo_root: Path, notes: list[str]) -> set[str]:
    """The files named on the command line (folders opened), as shown in problems."""
    named: set[str] = set()
    for path in paths:
        resolved = where(path)
        if not os.path.lexists(resolved):
            notes.append(f"{path} does not exist; skipped")
            continue
        if not any(_is_under(resolved, root) for root in (records_root, records_root.parent / DOCS)):
            notes.append(f"{path} is not under records/ or docs/; skipped")
            continue
        found = [resolved] if resolved.is_file() or resolved.is_symlink() else [
            p for p in resolved.rglob("*") if p.is_file() or p.is_symlink()]
        named |= {shown(p, repo_root) for p in found if not p.name.startswith(".")}
    return named


def _is_under(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def stray_problems(others: list[Other], repo_root: Path, named: set[str] | None) -> list[Problem]:
    """A problem for each entry under records/ that is not read as a record (of those named): a
    file in the wrong place or of the wrong type, a link, a special file, a folder not opened."""
    problems = []
    for path, what in others:
        parts = Path(path).parts
        if any(part.startswith(".") for part in parts[len(Path(repo_root).parts):]):
            continue  # hidden: an editor's or git's own file, never read or published
        message = _REFUSED.get(what)
        if message is None:
            if what != FILE or Path(path).suffix in _NOT_RECORDS:
                continue
            message = _misplaced(Path(path))
        problem = Problem(shown(Path(path), repo_root), 1, 1, "", message)
        if named is None or problem.path in named or what == UNREADABLE:
            problems.append(problem)
    return problems


_REFUSED = {
    LINK: LINK_REFUSED,
    SPECIAL: SPECIAL_REFUSED,
    FOLDER_NAMED_AS_RECORD: "is a folder, so it is not read: a record is a file whose name ends in .yaml",
    UNREADABLE: (
        "is a folder that cannot be opened, so none of the records in it were checked: let your "
        "account read it (for example chmod u+rx), then check again"
    ),
}


def _misplaced(path: Path) -> str:
    if path.suffix in (".yml", ".YAML", ".Yaml"):
        return f"ends in {path.suffix}: record files end in .yaml, so this one is not read"
    folders = ", ".join(f"{name}/" for name in sorted(KIND_FOLDERS))
    return (
        f"is not a record file, so it is not read: records are .yaml files in {ORGANISATION_FILE} "
        f"or under {folders}"
    )


def unreadable_ids(unreadable: list[Problem]) -> dict[str, set[str]]:
    """Ids of files that could not be read, taken from their names, so references to them hold."""
    ids: dict[str, set[str]] = {}
    for problem in unreadable:
        parts = problem.path.split("/")  # as shown: records/<kind folder>/.../<id>.yaml
        kind = KIND_FOLDERS.get(parts[1]) if len(parts) > 2 and parts[0] == RECORDS else None
        if kind and parts[-1].endswith(".yaml"):
            ids.setdefault(kind, set()).add(parts[-1][:-len(".yaml")])
    return ids

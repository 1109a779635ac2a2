"""The hand-written pages under docs/: every Markdown page is published, so validate reads it.

Each page (Markdown, or HTML) is scanned for personal data with the detector's `findings` (the
council's own contact email and phone, as the organisation file gives them, are expected), and
for anything it would load from another host or run (`page_resources`); a stylesheet for what it
would load. Problems are at docs/<page>.md:line:column. Pages are read as records are: regular
files only, never through a link, at most a MiB each.

A reviewed false alarm is accepted in the page itself, by an HTML comment holding the kind and
the fingerprint of the line it is on (it is not shown on the page):
`<!-- privacy_accepted: kind: full-name, text_hash: sha256:..., reason: a street named after her -->`.
Editing that line brings the scan back. A year's commentary is also read for what a build would
refuse between its braces (`check.citations`).

A page found clean is known by the SHA-256 of its bytes as read (`CheckCache.clean_pages`, signed
like the rest of the cache) and is not scanned again until they change, nor until the check code
or the organisation file does.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from generator.check.page_resources import loaded, styles_loaded
from generator.folders import FILE, FOLDER, LINK, SPECIAL, what_entry
from generator.load import SPECIAL_REFUSED, RecordError, read_regular_file
from generator.problems import Problem

DOCS = "docs"
_COMMENTARY = f"{DOCS}/commentary/"  # each year's commentary, and its Welsh in a folder below
_PAGES = (".md", ".html")  # published as pages
_READ = (*_PAGES, ".css")  # a stylesheet is read for what it would load
MAX_PAGE_BYTES = 1024 * 1024
_LINK = ("is a symbolic link, so nothing is read or published through it: a page must be a file inside "
         "the repository; put the file or folder itself here, not a link to it")
_UNREADABLE = ("is a folder that cannot be opened, so the pages in it were not checked: let your account "
               "read it, then check again")
_ACCEPTED = re.compile(r"<!--\s*privacy_accepted\b(.*?)-->", re.DOTALL)
_KIND = re.compile(r"\bkind:\s*([a-z0-9-]+)")
_HASH = re.compile(r"\btext_hash:\s*(sha256:[0-9a-f]{64})")


@dataclass
class PagesFound:
    """What the pages check found: the problems, how many pages were read, and the digest of each
    clean page's bytes by the page as shown (for the cache: `CheckCache.clean_pages`)."""

    problems: list[Problem]
    pages: int
    clean: dict[str, str]
    uncited: list[str] = field(default_factory=list)  # commentaries whose braces could not be read


def page_problems(repo_root: Path, named: set[str] | None, organisation: Any,
                  clean: dict[str, str] | None = None) -> PagesFound:
    """Every problem in the pages under docs/ (those named, when some are). A page whose bytes are
    those of a page in `clean` is not scanned again: the cache's key holds the check code and the
    organisation file, all else a page's problems depend on."""
    known = clean or {}
    found = PagesFound([], 0, {})
    for shown, path, what in _entries(repo_root):
        if named is not None and shown not in named:
            if shown in known:
                found.clean[shown] = known[shown]
            continue
        if what == LINK:
            found.problems.append(Problem(shown, 1, 1, "", _LINK))
        elif what == SPECIAL:
            found.problems.append(Problem(shown, 1, 1, "", SPECIAL_REFUSED))
        elif what == "unreadable":
            found.problems.append(Problem(shown, 1, 1, "", _UNREADABLE))
        elif shown.endswith(_READ):
            found.pages += shown.endswith(_PAGES)
            _read_page(path, shown, organisation, known, found)
    return found


def _read_page(path: str, shown: str, organisation: Any, known: dict[str, str], found: PagesFound) -> None:
    """A page's or a stylesheet's problems, unless its bytes are those found clean before."""
    try:
        raw, _ = read_regular_file(path, shown, MAX_PAGE_BYTES, "a page" if shown.endswith(_PAGES) else
                                   "a stylesheet")
    except RecordError as error:
        found.problems.append(error.problem)
        return
    digest = hashlib.sha256(raw).hexdigest()
    if known.get(shown) == digest:
        found.clean[shown] = digest
        return
    scan = _page if shown.endswith(_PAGES) else _stylesheet
    problems = scan(raw, shown, organisation)
    cited: list[Problem] | None = []
    if shown.startswith(_COMMENTARY) and shown.endswith(".md"):
        cited = _cited(raw, shown)
        if cited is None:
            found.uncited.append(shown)
    problems += cited or []
    if problems:
        found.problems += problems
    elif cited is not None:  # a commentary whose braces were not read is not yet known clean
        found.clean[shown] = digest


def _cited(raw: bytes, shown: str) -> list[Problem] | None:
    """What a build would refuse between a commentary's braces (`check.citations`); None where Jinja,
    which comes with the site's extra, is not installed (the build, which needs it, reads them)."""
    try:
        from generator.check.citations import commentary_problems
    except ImportError:
        return None
    return commentary_problems(raw.decode("utf-8", "replace"), shown)


def _entries(repo_root: Path) -> list[tuple[str, str, str]]:
    """(shown, path, what) of every entry under docs/ but hidden ones, in a stable order."""
    docs = repo_root / DOCS
    if docs.is_symlink():
        return [(DOCS, str(docs), LINK)]  # the whole docs folder a link: refused as one
    found = []
    waiting = [(str(docs), DOCS)] if docs.is_dir() else []
    while waiting:
        folder, shown = waiting.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:
            found.append((shown, folder, "unreadable"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue  # an editor's or git's own file, never published
            what = what_entry(entry)
            if what == FOLDER:
                waiting.append((entry.path, f"{shown}/{entry.name}"))
            elif what != FILE or entry.name.endswith(_READ):
                found.append((f"{shown}/{entry.name}", entry.path, what))
    return sorted(found)


def _page(raw: bytes, shown: str, organisation: Any) -> list[Problem]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return [Problem(shown, 1, 1, "", "is not UTF-8 text; save it with UTF-8 encoding")]
    own_host = _own_host(organisation)
    problems = [Problem(shown, each.line, each.column, "", each.message) for each in loaded(text, own_host)]
    return problems + _personal_data(text, shown, organisation)


def _stylesheet(raw: bytes, shown: str, organisation: Any) -> list[Problem]:
    text = raw.decode("utf-8", "replace")
    return [Problem(shown, each.line, each.column, "", each.message)
            for each in styles_loaded(text, _own_host(organisation))]


def _personal_data(text: str, shown: str, organisation: Any) -> list[Problem]:
    from generator.check.privacy import LABELS, findings, text_hash  # the detector's patterns, when needed

    accepted = _accepted(text)
    lines = text.split("\n")
    problems = []
    told: set[tuple[int, str]] = set()  # one problem for each kind on a line
    for found in findings(text):
        line = text.count("\n", 0, found.start) + 1
        if (line, found.kind) in told or _expected(text[found.start:found.end], found.kind, organisation):
            continue
        told.add((line, found.kind))
        fingerprint = text_hash(lines[line - 1])
        if (found.kind, fingerprint) in accepted:
            continue
        column = found.start - (text.rfind("\n", 0, found.start) + 1) + 1
        label = LABELS.get(found.kind, "personal data")
        problems.append(Problem(shown, line, column, "", (
            f"looks like {label}; remove it (this page is published). If it is not personal data, say so "
            f"in the page with <!-- privacy_accepted: kind: {found.kind}, text_hash: {fingerprint}, "
            "reason: ... --> (the fingerprint is of this line)")))
    return problems


def _accepted(text: str) -> set[tuple[str, str]]:
    accepted = set()
    for comment in _ACCEPTED.finditer(text):
        kind, fingerprint = _KIND.search(comment[1]), _HASH.search(comment[1])
        if kind and fingerprint:
            accepted.add((kind[1], fingerprint[1]))
    return accepted


def _contact(organisation: Any) -> dict[str, Any]:
    contact = organisation.get("contact") if isinstance(organisation, dict) else None
    return contact if isinstance(contact, dict) else {}


def _expected(found: str, kind: str, organisation: Any) -> bool:
    """The council's own email or phone, as its organisation file gives them for publishing."""
    contact = _contact(organisation)
    if kind == "email":
        return isinstance(contact.get("email"), str) and found.lower() == contact["email"].lower()
    if kind == "phone":
        digits = re.sub(r"\D", "", found)
        return isinstance(contact.get("phone"), str) and digits == re.sub(r"\D", "", contact["phone"])
    return False


def _own_host(organisation: Any) -> str | None:
    site = organisation.get("site") if isinstance(organisation, dict) else None
    url = site.get("url") if isinstance(site, dict) else None
    return urlsplit(url).hostname if isinstance(url, str) else None

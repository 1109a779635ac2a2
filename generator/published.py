"""Every file a site engine publishes, made from the records and docs/ with no engine involved.

`generator.site` makes the pages as Candour writes them: each big HTML block (tables, charts,
quotes, lists of actions) fenced in the page's Markdown, its links written relative to the page's
source file (`../../methodology.md#median`). Here every block is made ready for any engine that
reads Markdown: its links turned into the addresses the engine will publish (relative to the
page's own address, as MkDocs makes a Markdown link, for the same `use_directory_urls`), then
sanitised with nh3. What is left for an engine is to render the Markdown around the blocks.

The MkDocs plugin adds these files to a build as they are (it lifts the blocks out around
Python-Markdown, for speed); `candour pages` writes them to a folder, each block wrapped so that
Python-Markdown passes it through untouched (`plain_page`).
"""

from __future__ import annotations

import posixpath
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from generator.cms.admin import EditorSource, admin_files
from generator.language import _
from generator.model import Organisation, Records
from generator.model.bilingual import in_language
from generator.pages.blocks import fenced_blocks, linked, plain_blocks, with_blocks
from generator.safe_html import SanitisedPages
from generator.site import COMMENTARY_FOLDER, HandWritten, MadeBefore, PendingCharts, site_files_and_charts
from generator.sitefiles import SiteFile


@dataclass(frozen=True)
class Publishing:
    """What one build of the site is made for: the date it reports as at and how it is published."""

    as_of: date
    changed_since: date  # the tracker's "changed since the last meeting"
    record_history: Any  # the action records' history in git (generator.githistory)
    directory_urls: bool = True  # `reports/2019-20/` rather than `reports/2019-20/index.html`
    chart_cache: Path | None = None  # a folder keeping drawn charts between builds
    editor: EditorSource | None = None  # the records editor at admin/; None leaves it out
    made_before: MadeBefore | None = None  # under `mkdocs serve`: what the last build made


@dataclass(frozen=True)
class BlockLink:
    """A link a block makes to another file of the site, for the engine to check its anchor."""

    target: str  # the file linked to, relative to the docs folder
    fragment: str
    written: str  # as the block wrote it, to name it in a warning


@dataclass(frozen=True)
class MissingTarget:
    """A block's link to a file the site does not have."""

    page: str
    written: str
    target: str

    def __str__(self) -> str:
        # Worded as MkDocs words its own warning for a Markdown link, which fails a strict build.
        return (f"Doc file '{self.page}' contains a link '{self.written}', but the target "
                f"'{self.target}' is not found among documentation files.")


@dataclass
class Published:
    """The generated files (pages with their blocks ready), and the charts still being drawn."""

    files: list[SiteFile]
    charts: PendingCharts | None = None  # None when made by `ready_pages` alone
    links: dict[str, list[BlockLink]] = field(default_factory=dict)  # page -> its blocks' links
    missing: list[MissingTarget] = field(default_factory=list)

    @property
    def pages(self) -> set[str]:
        return {file.path for file in self.files if file.is_page}

    @property
    def own_scripts(self) -> frozenset[str]:
        """The file names of the scripts the site generates (the one kind of script a page keeps)."""
        return frozenset(Path(file.path).name for file in self.files if file.path.endswith(".js"))


def published_files(
    records: Records, hand_written: HandWritten, docs_files: Collection[str], publishing: Publishing,
    sanitiser: SanitisedPages | None = None,
) -> Published:
    """Every file the site generates; raises CommentaryError for a commentary that cannot render
    and EditorError for an editor that cannot be configured.

    `docs_files` are the paths of the files the docs folder itself publishes, which blocks may link
    to; `sanitiser` (kept across `mkdocs serve` rebuilds) remembers blocks already cleaned."""
    generated, charts = site_files_and_charts(
        records, hand_written=hand_written, as_of=publishing.as_of, changed_since=publishing.changed_since,
        record_history=publishing.record_history, chart_cache=publishing.chart_cache,
        made_before=publishing.made_before,
    )
    try:
        if publishing.editor is not None:
            generated = [*generated, *admin_files(publishing.editor, publishing.as_of)]
        published = ready_pages(generated, [*docs_files, *(path for path, _ in charts.paths)],
                                publishing.directory_urls, sanitiser)
    except BaseException:
        charts.abandon()
        raise
    published.charts = charts
    return published


def ready_pages(files: list[SiteFile], other_files: Collection[str], directory_urls: bool,
                sanitiser: SanitisedPages | None = None) -> Published:
    """`files` with every page's blocks linked to their published addresses and sanitised.

    `other_files` are the site's other files (its docs folder's own, the charts), which blocks may
    link to as well as to `files`."""
    published = Published(files)
    every_path = {*other_files, *(file.path for file in files)}
    scripts = published.own_scripts
    cleaner = sanitiser or SanitisedPages()
    # Each link as written resolved once for all the pages of its folder, and each file's address
    # worked out once: the 300 pages of actions link to the same themes and departments again and
    # again. Only the relative address is each page's own.
    resolved: dict[tuple[str, str], Resolved] = {}
    addresses: dict[str, str] = {}
    published.files = [
        _ready(file, every_path, directory_urls, cleaner, scripts, published, (resolved, addresses))
        if file.is_page else file
        for file in files
    ]
    return published


@dataclass(frozen=True)
class Resolved:
    """A block's link as written in one folder: the file it names (None for this page's own
    anchor, or another site), whether the site has that file, and the parts kept from it."""

    written: str
    target: str | None = None
    query: str = ""
    fragment: str = ""
    found: bool = True
    another_site: bool = False


def _resolved(written: str, folder: str, every_path: set[str]) -> Resolved:
    scheme, netloc, path, query, fragment = urlsplit(written)
    if scheme or netloc or written.startswith(("/", "\\")):
        return Resolved(written, another_site=True)  # another site, or an absolute address: as written
    if not path:  # an anchor on this page
        return Resolved(written, fragment=fragment)
    target = posixpath.normpath(posixpath.join(folder, unquote(path))).lstrip("/")
    return Resolved(written, target, query, fragment, found=target in every_path)


def _ready(page: SiteFile, every_path: set[str], directory_urls: bool, cleaner: SanitisedPages,
           scripts: frozenset[str], published: Published,
           known: tuple[dict[tuple[str, str], Resolved], dict[str, str]]) -> SiteFile:
    """`page` with each block's links published (as MkDocs publishes a Markdown link; links to
    other sites as written) and the block sanitised."""
    assert isinstance(page.content, str)
    blocks = fenced_blocks(page.content)
    if not blocks:
        return page
    resolved, addresses = known
    links: list[BlockLink] = []
    folder = posixpath.dirname(page.path)
    own_address = published_address(page.path, directory_urls)
    seen: dict[str, str] = {}  # each link as written, as published on this page

    def address(written: str) -> str:
        if written in seen:
            return seen[written]
        link = resolved.get((folder, written))
        if link is None:
            link = resolved[folder, written] = _resolved(written, folder, every_path)
        published_as = written
        if not link.found:
            published.missing.append(MissingTarget(page.path, written, link.target or ""))
        elif link.target is not None:
            if link.target not in addresses:
                addresses[link.target] = published_address(link.target, directory_urls)
            relative = relative_address(addresses[link.target], own_address)
            published_as = urlunsplit(("", "", relative, link.query, link.fragment))
        if link.fragment and link.found and not link.another_site:
            links.append(BlockLink(link.target or page.path, link.fragment, written))
        seen[written] = published_as
        return published_as

    content = with_blocks(page.content, [cleaner.page(linked(block, address), scripts) for block in blocks])
    if links:
        published.links[page.path] = links
    return SiteFile(page.path, content)


def plain_page(markdown: str) -> str:
    """A page as any Markdown engine can read it: each block in a `<div>` of its own, which
    Python-Markdown passes through as raw HTML, untouched."""
    return plain_blocks(markdown)


def published_address(path: str, directory_urls: bool) -> str:
    """The address a file of the docs folder is published at, relative to the site's top.

    Written out rather than asked of MkDocs (the library knows no engine): MkDocs' documented rule,
    which its successors keep. `a/b.md` is `a/b/` (or `a/b.html`); `index.md` and `README.md` are
    their folder's page; any other file keeps its path, but with directory addresses an
    `index.html` is its folder (`admin/index.html` is `admin/`)."""
    if not path.endswith(".md"):
        parent, name = posixpath.split(path)
        return quote(f"{parent or '.'}/" if directory_urls and name == "index.html" else path)
    parent, name = posixpath.split(path[:-3])
    name = "index" if name == "README" else name
    if name == "index" or directory_urls:
        folder = parent if name == "index" else posixpath.join(parent, name)
        return quote(f"{folder or '.'}/" if directory_urls else posixpath.join(folder, "index.html"))
    return quote(posixpath.join(parent, f"{name}.html"))


def relative_address(address: str, from_address: str) -> str:
    """`address` as a link written on the page published at `from_address` (both from the site's
    top): a page's address ending in '/' is its folder, one ending in a file name is in its folder."""
    folder, _, name = from_address.rpartition("/")
    base = folder if "." in name else from_address
    base_parts, target_parts = _parts(base), _parts(address)
    common = 0
    for mine, theirs in zip(base_parts, target_parts, strict=False):
        if mine != theirs:
            break
        common += 1
    relative = "/".join([".."] * (len(base_parts) - common) + target_parts[common:]) or "."
    return relative + "/" if address.endswith("/") else relative


def _parts(address: str) -> list[str]:
    normal = posixpath.normpath("/" + address)[1:]
    return normal.split("/") if normal else []


def docs_folder_files(docs_dir: Path) -> list[str]:
    """The files the docs folder publishes itself: all but the commentary (read into the reports)
    and hidden files, as MkDocs leaves them out."""
    if not docs_dir.is_dir():
        return []
    found = []
    for path in sorted(docs_dir.rglob("*")):
        relative = path.relative_to(docs_dir).as_posix()
        if path.is_file() and not _hidden(relative) and not relative.startswith(f"{COMMENTARY_FOLDER}/"):
            found.append(relative)
    return found


def _hidden(relative: str) -> bool:
    return any(part.startswith(".") for part in relative.split("/"))


def clashes(generated: Iterable[str], docs_files: Collection[str]) -> list[str]:
    """Generated files a hand-written file of the same path would hide."""
    return sorted(path for path in generated if path in docs_files)


AS_OF_VARIABLE = "CANDOUR_AS_OF"
URL_SAFE = ":/?#[]@!$&()*+,;=%~"  # a web address's reserved characters; quotes and < > are encoded


def as_of_date(option: str | date | None, environment: Mapping[str, str]) -> date:
    """The date the tracker reports as at: the option, else $CANDOUR_AS_OF, else the build's date;
    ValueError for one not written YYYY-MM-DD.

    The build's date is $SOURCE_DATE_EPOCH when set (`candour build` sets it from the last commit),
    so the same records give the same site; otherwise today.
    """
    if isinstance(option, date):
        return option
    text = option or environment.get(AS_OF_VARIABLE)
    if not text:
        epoch = environment.get("SOURCE_DATE_EPOCH", "")
        return datetime.fromtimestamp(int(epoch), tz=UTC).date() if epoch.isdigit() else date.today()
    try:
        return date.fromisoformat(str(text))
    except ValueError:
        raise ValueError(f"as_of must be a date written YYYY-MM-DD, not {text!r}") from None


def site_title(organisation: Organisation) -> str:
    return _("%(council)s: %(services)s complaints", council=in_language(organisation.name),
             services=in_language(organisation.services_name))


def site_address(organisation: Organisation) -> str | None:
    """The site's address from the organisation file, for the sitemap and canonical links. The theme
    writes it into an attribute unescaped: validate allows only a plain web address, and
    percent-encoding anything that could end the attribute keeps it so should a check be missed."""
    url = organisation.site.get("url")
    return quote(url, safe=URL_SAFE) if url else None

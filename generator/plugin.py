"""The MkDocs plugin: adds the generated report and tracker to a build as virtual files.

A thin face over the library: it reads the records, asks `generator.site` for every file, and
hands them to MkDocs. Nothing is written to `docs/`. `mkdocs serve` also watches the records
and schemas, so a change to a record rebuilds the site.

A generated page's big HTML blocks (tables, charts, quotes, case studies, lists of actions) skip
Python-Markdown: they are lifted out of the page's Markdown before it is rendered and put back
in its HTML afterwards, their links made relative to the page as MkDocs makes Markdown links, and
then the whole page is sanitised (see `generator.pages.blocks`).
"""

from __future__ import annotations

import logging
import os
import posixpath
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from markupsafe import Markup
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from generator.cms.admin import EditorError, admin_files, site_source
from generator.githistory import FolderHistory, RecordHistory
from generator.language import _, speaking
from generator.last_good_site import LastGoodSite
from generator.model import Records
from generator.pages.blocks import LostBlock, anchors, lifted, restored
from generator.pages.commentary import CommentaryError
from generator.plugin_languages import (
    alternates,
    build_other_languages,
    files_of_language,
    keep_page_addresses,
    site_address,
    written_in,
)
from generator.plugin_theme import add_theme_overrides, add_theme_stylesheet
from generator.records import InvalidRecords, load_records
from generator.safe_html import SanitisedPages
from generator.site import (
    COMMENTARY_FOLDER,
    HandWritten,
    MadeBefore,
    PendingCharts,
    site_files_and_charts,
    site_nav,
)
from generator.site_folder import SiteFolderRefused, check_site_folder, mark
from generator.sitefiles import SiteFile

log = logging.getLogger("mkdocs.plugins.candour")
AS_OF_VARIABLE = "CANDOUR_AS_OF"
URL_SAFE = ":/?#[]@!$&()*+,;=%~"  # a web address's reserved characters; quotes and < > are encoded


class CandourConfig(Config):
    records = config_options.Type(str, default="records")
    schemas = config_options.Type(str, default="schemas")
    as_of = config_options.Optional(config_options.Type((str, date)))  # YAML reads 2020-09-30 as a date
    changed_since_days = config_options.Type(int, default=90)
    cache = config_options.Optional(config_options.Type(str))  # a folder keeping drawn charts
    nav = config_options.Type(bool, default=True)
    site_name_from_organisation = config_options.Type(bool, default=True)
    editor = config_options.Type(bool, default=True)  # the records editor at admin/ (Decap CMS)
    # The language of this build's site; left out, the organisation's first. Set for the second
    # site's build by the first's (generator/plugin_languages.py).
    language = config_options.Optional(config_options.Type(str))


def _as_of(option: str | date | None) -> date:
    """The date the tracker reports as at: the option, else $CANDOUR_AS_OF, else the build's date.

    The build's date is $SOURCE_DATE_EPOCH when set (`candour build` sets it from the last commit),
    so the same records give the same site; otherwise today.
    """
    if isinstance(option, date):
        return option
    text = option or os.environ.get(AS_OF_VARIABLE)
    if not text:
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
        return datetime.fromtimestamp(int(epoch), tz=UTC).date() if epoch.isdigit() else date.today()
    try:
        return date.fromisoformat(str(text))
    except ValueError:
        raise PluginError(f"candour: as_of must be a date written YYYY-MM-DD, not {text!r}") from None


class CandourPlugin(BasePlugin[CandourConfig]):
    def __init__(self) -> None:
        self.records: Records | None = None
        self.language = "en"  # the language of the site being built, chosen in on_config
        self.root = Path.cwd()
        self.generated_pages: set[str] = set()  # src paths of the pages made from records
        self.own_scripts: set[str] = set()  # file names of the scripts the site generates
        self.page_blocks = PageBlocks()
        self.sanitised = SanitisedPages()  # kept across `serve` rebuilds, like the plugin
        self.made_before = MadeBefore()
        self.record_history: RecordHistory | None = None
        self.charts: PendingCharts | None = None  # being drawn from on_files until on_env
        self.last_good: LastGoodSite | None = None  # under `mkdocs serve`, what rebuilds go through

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defined so MkDocs keeps one plugin across `serve` rebuilds (charts stay drawn)."""
        self.serving = command == "serve"  # then records are remembered between rebuilds
        self.dirty = dirty

    def _path(self, option: str) -> Path:
        return (self.root / option).resolve()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        add_theme_overrides(config)
        records_dir = self._path(self.config.records)
        if self.last_good is not None and self.last_good.building is not None:
            config.site_dir = str(self.last_good.building)  # a serve rebuild, beside the site served
        # MkDocs empties site_dir next: never the repository, its sources or a folder of other files.
        sources = [records_dir, self._path(self.config.schemas), Path(config.docs_dir)]
        try:
            check_site_folder(Path(config.site_dir), repository=self.root, sources=sources)
        except SiteFolderRefused as refused:
            raise PluginError(f"candour: will not build into site_dir: {refused}. Nothing was built or "
                              "deleted.") from None
        started = time.perf_counter()
        try:
            self.records = load_records(records_dir.parent, remember=getattr(self, "serving", False))
        except InvalidRecords as invalid:
            raise PluginError(str(invalid)) from None
        log.info("candour: records read and checked in %.2f s", time.perf_counter() - started)
        self.language = self.config.language or self.languages[0]
        if self.config.site_name_from_organisation:
            # The theme writes the site name into its HTML unescaped in places: escape it once
            # here, as markup, so the places that escape it leave it as it is.
            with speaking(self.language):
                name = _site_name(self.records.organisation)
            config.site_name = Markup.escape(name)
        if not config.site_url and self.records.organisation.site.get("url"):
            # Gives the sitemap and canonical links their addresses. The theme writes it into an
            # attribute unescaped: validate allows only a plain web address, and percent-encoding
            # anything that could end the attribute keeps it so should a check ever be missed.
            config.site_url = quote(self.records.organisation.site["url"], safe=URL_SAFE)
        self._choose_language(config)
        return config

    @property
    def languages(self) -> tuple[str, ...]:
        return self.records.organisation.languages if self.records is not None else ("en",)

    def _choose_language(self, config: MkDocsConfig) -> None:
        """This build's language, and on a site in more than one, the theme's interface in it and
        the 404 page's counterparts (each page's are set as it is rendered)."""
        if self.language not in self.languages:
            raise PluginError(f"candour: language {self.language!r} is not among the organisation's "
                              f"languages ({', '.join(self.languages)})")
        if len(self.languages) > 1:
            config.theme["language"] = self.language
            written_in(config, self.language)
            # The first language's site is at the site's address; each other in its folder there.
            first_root = urlsplit(config.site_url or "/").path or "/"
            config.site_url = config.site_url and site_address(config.site_url, self.language, self.languages)
            config.extra["alternate"] = alternates(None, self.language, self.languages, first_root)

    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        """On a site in more than one language, the page's own counterparts in the others."""
        if len(self.languages) > 1:
            config.extra["alternate"] = alternates(page.url, self.language, self.languages)
        return context

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        with speaking(self.language):
            return self._files(files, config)

    def _files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.records is not None
        if len(self.languages) > 1:
            files_of_language(files, config, self.language, self.languages)
        started = time.perf_counter()
        self.sanitised.next_build()
        self.made_before.next_build()
        as_of = _as_of(self.config.as_of)
        hand_written = HandWritten.read(Path(config.docs_dir), language=self.language,
                                        languages=self.languages)
        try:
            generated, self.charts = site_files_and_charts(
                self.records, hand_written=hand_written, as_of=as_of,
                changed_since=as_of - timedelta(days=self.config.changed_since_days),
                record_history=self._record_history(),
                chart_cache=self._path(self.config.cache) / "charts" if self.config.cache else None,
                made_before=self.made_before if getattr(self, "serving", False) else None,
            )
        except CommentaryError as error:
            raise PluginError(f"candour: {error}") from None
        for file in list(files):
            if file.src_uri.startswith(f"{COMMENTARY_FOLDER}/"):
                files.remove(file)  # commentary is read into the reports, not published on its own
        # A chart's file is given its SVG in on_env: the charts are drawn while the pages render.
        charts = [SiteFile(path, "") for path, _ in self.charts.paths]
        for site_file in [*generated, *charts, *self._editor_files(as_of)]:
            if files.get_file_from_path(site_file.path) is not None:
                self.charts.abandon()
                raise PluginError(f"candour: {config.docs_dir}/{site_file.path} is also generated; "
                                  "remove or rename the hand-written file")
            files.append(File.generated(config, site_file.path, content=site_file.content))
        self.generated_pages = {f.path for f in generated if f.is_page}
        self.own_scripts = {Path(f.path).name for f in generated if f.path.endswith(".js")}
        add_theme_stylesheet(files, config)
        stylesheets = [f.path for f in generated if f.path.endswith(".css")]
        config.extra_css.extend(path for path in stylesheets if path not in config.extra_css)
        if self.config.nav and not config.nav:
            config.nav = site_nav(generated, hand_written)
        log.info("candour: %d files generated in %.2f s", len(generated), time.perf_counter() - started)
        return files

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Every page has rendered: the charts drawn meanwhile go into their files before MkDocs
        writes them."""
        if len(self.languages) > 1:
            keep_page_addresses(env)
        if self.charts is not None:
            for chart in self.charts.finish():
                files.get_file_from_path(chart.path).content_string = chart.content  # type: ignore[union-attr]
            self.charts = None
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        mark(Path(config.site_dir))  # so a later build knows this folder is a site Candour built
        if self.language == self.languages[0] and len(self.languages) > 1:
            build_other_languages(config, self.languages)  # into its folder of this site

    def on_build_error(self, *, error: Exception) -> None:
        if self.charts is not None:
            self.charts.abandon()
            self.charts = None

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A generated page's Markdown without its HTML blocks, kept until its content is made."""
        if page.file.src_uri not in self.generated_pages:
            return markdown
        return self.page_blocks.lift(markdown, page)

    def _editor_files(self, as_of: date) -> list[SiteFile]:
        """admin/: the records editor, configured from the schemas and the organisation file.

        `make edit` sets the branch and port of Decap's local backend in the environment."""
        if not self.config.editor:
            return []
        try:
            return admin_files(site_source(self.root, self.config.records, self.config.schemas,
                                           os.environ), as_of)
        except EditorError as error:
            raise PluginError(f"candour: the records editor: {error}") from None

    def _record_history(self) -> FolderHistory:
        """The action records' history in git, read again only after a commit (one reader for the
        session, asked afresh on each build)."""
        folder = f"{self.config.records.rstrip('/')}/actions"
        history = self.record_history
        if history is None or history.root != self.root or history.folder != folder:
            history = self.record_history = RecordHistory(self.root, folder)
        return history.refresh()

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A generated page's content, its blocks back in place, sanitised before the theme and the
        search index see it."""
        if page.file.src_uri not in self.generated_pages:
            return html
        return self.sanitised.page(self.page_blocks.restore(html, page, files), self.own_scripts)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        # A dirty build adds to the site it serves: that is left as MkDocs does it.
        if builder is not None and not getattr(self, "dirty", False):
            self.last_good = LastGoodSite(builder, Path(config.site_dir))
            server.builder = self.last_good.rebuild  # MkDocs' reload loop calls server.builder
        for option in (self.config.records, self.config.schemas):
            folder = self._path(option)
            if folder.is_dir():
                server.watch(str(folder))
        return server


def _site_name(organisation: Any) -> str:
    return _("%(name)s: %(services)s complaints", name=organisation.name,
             services=organisation.services_name)


class PageBlocks:
    """The HTML blocks lifted from each page's Markdown, kept until its content is made."""

    def __init__(self) -> None:
        self.kept: dict[str, list[str]] = {}  # src path -> the page's blocks

    def lift(self, markdown: str, page: Page) -> str:
        skeleton, self.kept[page.file.src_uri] = lifted(markdown)
        return skeleton

    def restore(self, html: str, page: Page, files: Files) -> str:
        """The page's content with its blocks back in place, their links and anchors made known."""
        blocks = self.kept.pop(page.file.src_uri, [])
        addresses: dict[str, str] = {}  # a table of actions links each theme many times

        def address(url: str) -> str:
            if url not in addresses:
                addresses[url] = _address(url, page, files)
            return addresses[url]

        try:
            html = restored(html, blocks, address)
        except LostBlock as lost:
            raise PluginError(f"candour: {page.file.src_uri}: {lost}") from None
        if page.present_anchor_ids is not None:
            page.present_anchor_ids |= anchors(blocks)
        return html


def _address(url: str, page: Page, files: Files) -> str:
    """A link in an HTML block, written relative to the page's source file, as MkDocs would have
    made it from a Markdown link: to the target's published address, relative to the page's.

    A target that is not among the site's files is reported as MkDocs reports one (a warning,
    which fails a strict build); a link to an anchor is checked by MkDocs with the rest.
    """
    scheme, netloc, path, query, fragment = urlsplit(url)
    if scheme or netloc or url.startswith(("/", "\\")):
        return url
    if not path:
        if fragment and page.links_to_anchors is not None:
            page.links_to_anchors.setdefault(page.file, {}).setdefault(fragment, url)
        return url
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), unquote(path)))
    file = files.get_file_from_path(target.lstrip("/"))
    if file is None:
        log.warning("Doc file '%s' contains a link '%s', but the target '%s' is not found among "
                    "documentation files.", page.file.src_uri, url, target)
        return url
    if fragment and page.links_to_anchors is not None:
        page.links_to_anchors.setdefault(file, {}).setdefault(fragment, url)
    return urlunsplit(("", "", get_relative_url(file.url, page.file.url), query, fragment))

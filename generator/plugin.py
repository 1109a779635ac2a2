"""The MkDocs plugin: adds the generated report and tracker to a build as virtual files.

A thin face over the library: it reads the records, asks `generator.published` for every file
(the same files `candour pages` writes for any engine), and hands them to MkDocs. Nothing is
written to `docs/`. `mkdocs serve` also watches the records and schemas, so a change to a record
rebuilds the site.

A generated page's big HTML blocks (tables, charts, quotes, case studies, lists of actions) come
with their links published and sanitised; they skip Python-Markdown here, for speed: lifted out of
the page's Markdown before it is rendered and put back in its HTML once that is sanitised (see
`generator.plugin_blocks`). Their links to anchors are handed to MkDocs to
check with the rest.
"""

from __future__ import annotations

import logging
import os
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator.cms.admin import EditorError, EditorSource, site_source
from generator.githistory import FolderHistory, RecordHistory
from generator.language import _, speaking
from generator.last_good_site import LastGoodSite
from generator.model import Records
from generator.pages.commentary import CommentaryError
from generator.plugin_blocks import PageBlocks
from generator.plugin_languages import (
    alternates,
    build_other_languages,
    files_of_language,
    keep_page_addresses,
    written_in,
)
from generator.plugin_search import SearchedText
from generator.plugin_theme import add_theme_overrides, add_theme_stylesheet
from generator.published import (
    BlockLink,
    Publishing,
    as_of_date,
    clashes,
    published_files,
    site_address,
    site_title,
)
from generator.records import InvalidRecords, load_records
from generator.safe_html import SanitisedPages
from generator.site import COMMENTARY_FOLDER, HandWritten, MadeBefore, PendingCharts, site_nav
from generator.site_folder import SiteFolderRefused, check_site_folder, mark
from generator.site_languages import NOT_FOUND, language_address
from generator.sitefiles import SiteFile
from generator.template_bytecode import keep_compiled

log = logging.getLogger("mkdocs.plugins.candour")


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
    try:
        return as_of_date(option, os.environ)
    except ValueError as error:
        raise PluginError(f"candour: {error}") from None


class CandourPlugin(BasePlugin[CandourConfig]):
    def __init__(self) -> None:
        self.records: Records | None = None
        self.language = "en"  # the language of the site being built, chosen in on_config
        self.root = Path.cwd()
        self.generated_pages: set[str] = set()  # src paths of the pages made from records
        self.own_scripts: frozenset[str] = frozenset()  # file names of the scripts the site generates
        self.block_links: dict[str, list[BlockLink]] = {}  # page -> its blocks' links, to check anchors
        self.page_blocks = PageBlocks()
        self.searched = SearchedText()
        self.sanitised = SanitisedPages()  # kept across `serve` rebuilds, like the plugin
        self.sanitised_blocks = SanitisedPages()
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
                config.site_name = Markup.escape(site_title(self.records.organisation))
        if not config.site_url:
            config.site_url = site_address(self.records.organisation)
        self._choose_language(config)
        return config

    @property
    def languages(self) -> tuple[str, ...]:
        return self.records.organisation.languages if self.records is not None else ("en",)

    def _choose_language(self, config: MkDocsConfig) -> None:
        """On a site in more than one language: the theme's interface in this build's, the site's
        address in its folder, and the 404 page's counterparts (each page's are set as it is
        rendered)."""
        if self.language not in self.languages:
            raise PluginError(f"candour: language {self.language!r} is not among the organisation's "
                              f"languages ({', '.join(self.languages)})")
        if len(self.languages) > 1:
            config.theme["language"] = self.language
            written_in(config, self.language)
            # The first language's site is at the site's address; each other in its folder there.
            first_root = urlsplit(config.site_url or "/").path or "/"
            if config.site_url:
                config.site_url = language_address(config.site_url, self.language, self.languages)
            config.extra["alternate"] = alternates(None, self.language, self.languages, first_root)
            with speaking(self.language):  # the heading of overrides/404.html
                config.extra["candour_not_found"] = _(NOT_FOUND)

    @event_priority(50)  # before Material's search (priority 0) indexes the page
    def _before_search(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        """On a site in more than one language, the page's own counterparts in the others; and a
        generated page shown to search without its tables (`generator.plugin_search`)."""
        if len(self.languages) > 1:
            config.extra["alternate"] = alternates(page.url, self.language, self.languages)
        if page.file.src_uri in self.generated_pages:
            self.searched.before_search(page)
        return context

    @event_priority(-50)  # after search: the theme renders the page whole
    def _after_search(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        self.searched.after_search(page)
        return context

    on_page_context = CombinedEvent(_before_search, _after_search)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        with speaking(self.language):  # every page of this build in its language
            return self._files(files, config)

    def _files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.records is not None
        if len(self.languages) > 1:
            files_of_language(files, config, self.language, self.languages)
        started = time.perf_counter()
        for cache in (self.sanitised, self.sanitised_blocks, self.made_before):
            cache.next_build()
        as_of = _as_of(self.config.as_of)
        hand_written = HandWritten.read(Path(config.docs_dir), language=self.language,
                                        languages=self.languages)
        for file in list(files):
            if file.src_uri.startswith(f"{COMMENTARY_FOLDER}/"):
                files.remove(file)  # commentary is read into the reports, not published on its own
        publishing = Publishing(
            as_of=as_of, changed_since=as_of - timedelta(days=self.config.changed_since_days),
            record_history=self._record_history(), directory_urls=config.use_directory_urls,
            chart_cache=self._path(self.config.cache) / "charts" if self.config.cache else None,
            editor=self._editor(), made_before=self.made_before if getattr(self, "serving", False) else None,
        )
        try:
            published = published_files(self.records, hand_written, [f.src_uri for f in files], publishing,
                                        self.sanitised_blocks)
        except CommentaryError as error:
            raise PluginError(f"candour: {error}") from None
        except EditorError as error:
            raise PluginError(f"candour: the records editor: {error}") from None
        assert published.charts is not None
        self.charts = published.charts
        # A chart's file is given its SVG in on_env: the charts are drawn while the pages render.
        charts = [SiteFile(path, "") for path, _ in self.charts.paths]
        if clashed := clashes((f.path for f in [*published.files, *charts]), {f.src_uri for f in files}):
            self.charts.abandon()
            raise PluginError(f"candour: {config.docs_dir}/{clashed[0]} is also generated; "
                              "remove or rename the hand-written file")
        for site_file in [*published.files, *charts]:
            files.append(File.generated(config, site_file.path, content=site_file.content))
        for missing in published.missing:
            log.warning(str(missing))  # as MkDocs warns of a Markdown link: a strict build fails
        self.generated_pages, self.own_scripts = published.pages, published.own_scripts
        self.block_links = published.links
        add_theme_stylesheet(files, config)
        stylesheets = [f.path for f in published.files if f.path.endswith(".css")]
        config.extra_css.extend(path for path in stylesheets if path not in config.extra_css)
        if self.config.nav and not config.nav:
            config.nav = site_nav(published.files, hand_written)
        log.info("candour: %d files generated in %.2f s", len(published.files), time.perf_counter() - started)
        return files

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Every page has rendered: the charts drawn meanwhile go into their files before MkDocs
        writes them. The theme's templates, compiled from here on, are kept for the account."""
        keep_compiled(env)
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
            build_other_languages(config, self.languages)  # each into its folder of this site

    def on_build_error(self, *, error: Exception) -> None:
        if self.charts is not None:
            self.charts.abandon()
            self.charts = None

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A generated page's Markdown without its HTML blocks, kept until its content is made."""
        if page.file.src_uri not in self.generated_pages:
            return markdown
        return self.page_blocks.lift(markdown, page)

    def _editor(self) -> EditorSource | None:
        """admin/: the records editor, configured from the schemas and the organisation file.

        `make edit` sets the branch and port of Decap's local backend in the environment."""
        if not self.config.editor:
            return None
        try:
            return site_source(self.root, self.config.records, self.config.schemas, os.environ)
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
        """A generated page's content sanitised before the theme and the search index see it: the
        HTML Markdown made is sanitised here, and its blocks, sanitised already
        (`generator.published`), are put back in place after (cleaning them twice would cost a
        build a second on a large council)."""
        if page.file.src_uri not in self.generated_pages:
            return html
        cleaned = self.sanitised.page(html, self.own_scripts)
        return self.page_blocks.restore(cleaned, page, self.block_links.get(page.file.src_uri, ()), files)

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


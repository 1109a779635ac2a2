"""`candour pages`: the whole site as a plain folder of Markdown that any engine reading
`mkdocs.yml` builds without Candour's plugin (MkDocs, ProperDocs, Zensical).

The folder holds `docs/` (the hand-written pages, but not the commentary, which is read into the
reports, and every generated file, made by `generator.published` as the plugin adds them), an
`mkdocs.yml` (the repository's settings without the plugin, the navigation written in), and
`overrides/` (the theme's accessibility fixes Candour brings, under the site's own). It is written
beside the target and swapped in when complete, so a failed run leaves the last one as it was; and
only a new folder, or one an earlier `candour pages` made (it holds the marker file), is replaced:
never the repository, its records or anything else (see `generator.site_folder`).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from generator.cms.admin import EditorError, site_source
from generator.engine_settings import CONFIG_FILE, SettingsError, SiteSettings, plain_settings, read_settings
from generator.githistory import RecordHistory
from generator.language import speaking
from generator.model import Records
from generator.packaged import packaged_folder
from generator.pages.commentary import CommentaryError
from generator.published import (
    Published,
    Publishing,
    as_of_date,
    clashes,
    docs_folder_files,
    plain_page,
    published_files,
    site_address,
    site_title,
)
from generator.records import InvalidRecords, load_records
from generator.site import HandWritten, site_nav
from generator.site_folder import (
    SiteFolderRefused,
    check_site_folder,
    new_marked_folder,
    remove_leftovers,
    replace_site,
)
from generator.site_languages import folder as folder_of
from generator.site_languages import language_address, pages_of_language, settings_in
from generator.sitefiles import SiteFile

MARKER = ".candour-pages"  # in the folder's top, beside docs/: no engine publishes it
DOCS = "docs"
OVERRIDES = "overrides"
ACCESSIBILITY_STYLESHEET = "stylesheets/accessibility.css"  # as generator.plugin_theme adds it


class PagesRefused(Exception):
    """Why the pages were not written, in words for the officer; nothing was changed."""


@dataclass(frozen=True)
class PagesWritten:
    folder: Path
    files: int  # files in docs/
    pages: int  # of them, generated pages
    settings: str  # which settings were read, in words
    languages: tuple[str, ...]  # the first language's site at the top; each other's in its folder (cy/)


def write_pages(root: Path, out: Path, *, as_of: date | None, environment: Mapping[str, str]) -> PagesWritten:
    """Make the pages folder `out` from the repository at `root`; PagesRefused when it cannot."""
    try:
        site = read_settings(root)
    except SettingsError as error:
        raise PagesRefused(str(error)) from None
    records_dir = (root / site.plugin["records"]).resolve()
    docs_dir = (root / site.docs_dir).resolve()
    sources = [records_dir, (root / site.plugin["schemas"]).resolve(), docs_dir]
    try:
        folder = check_site_folder(out, repository=root, sources=sources, marker=MARKER)
    except SiteFolderRefused as refused:
        raise PagesRefused(f"will not write into {out}: {refused}. Nothing was written or deleted.") from None
    remove_leftovers(folder, MARKER)
    try:
        records = load_records(records_dir.parent)
    except InvalidRecords as invalid:
        raise PagesRefused(str(invalid)) from None
    try:
        made = as_of_date(as_of or site.plugin["as_of"], environment)
    except ValueError as error:
        raise PagesRefused(str(error)) from None
    languages = records.organisation.languages
    every_file = docs_folder_files(docs_dir)
    building = new_marked_folder(folder.with_name(f"{folder.name}.building-{os.getpid()}"), MARKER)
    files = pages = 0
    try:
        for language in languages:
            written = _write_language(building, root, site, records, every_file, language, made, environment)
            files, pages = files + written[0], pages + written[1]
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    replace_site(building, folder, MARKER)
    return PagesWritten(folder, files, pages, site.source, tuple(languages))


def _write_language(building: Path, root: Path, site: SiteSettings, records: Records, every_file: list[str],
                    language: str, made: date, environment: Mapping[str, str]) -> tuple[int, int]:
    """The site in `language` written into its folder of `building` (the first language's at its
    top, another's in `cy/`): how many files, and how many of them generated pages."""
    languages = records.organisation.languages
    docs_dir = (root / site.docs_dir).resolve()
    sources = pages_of_language(every_file, language, languages)
    with speaking(language):
        hand_written = HandWritten.read(docs_dir, language=language, languages=languages)
        published = _published(root, site, records, hand_written, list(sources), made, environment)
        assert published.charts is not None
        charts = published.charts.finish()
        in_language = SiteSettings(settings_in(site.settings, language, languages), site.plugin, site.source)
        # Another language's folder (cy/) builds into the first's site, as the plugin's build does:
        # so the first language's site must be built first (a build empties its folder).
        own = folder_of(language, languages)
        _write(building / own, root, in_language, records, hand_written, sources, [*published.files, *charts],
               site_dir=f"../site/{own}" if own else "site", language=language)
    return len(sources) + len(published.files) + len(charts), len(published.pages)


def _published(root: Path, site: SiteSettings, records: Records, hand_written: HandWritten,
               docs_files: list[str], as_of: date, environment: Mapping[str, str]) -> Published:
    options = site.plugin
    folder = f"{str(options['records']).rstrip('/')}/actions"
    try:
        editor = site_source(root, options["records"], options["schemas"], environment) if options["editor"] \
            else None
        publishing = Publishing(
            as_of=as_of, changed_since=as_of - timedelta(days=int(options["changed_since_days"])),
            record_history=RecordHistory(root, folder).refresh(), directory_urls=site.directory_urls,
            chart_cache=(root / options["cache"] / "charts") if options["cache"] else None, editor=editor,
        )
        published = published_files(records, hand_written, docs_files, publishing)
    except CommentaryError as error:
        raise PagesRefused(str(error)) from None
    except EditorError as error:
        raise PagesRefused(f"the records editor: {error}") from None
    problems = [f"{site.docs_dir}/{path} is also generated; remove or rename the hand-written file"
                for path in clashes((file.path for file in published.files), docs_files)]
    problems += [str(missing) for missing in published.missing]
    if problems:
        assert published.charts is not None
        published.charts.abandon()
        raise PagesRefused("\n".join(problems))
    return published


def _write(folder: Path, root: Path, site: SiteSettings, records: Records, hand_written: HandWritten,
           sources: dict[str, str], generated: list[SiteFile], *, site_dir: str, language: str) -> None:
    """One language's folder: docs/ (each hand-written file copied from its source in the docs
    folder, and every generated file), overrides/ and mkdocs.yml."""
    docs, docs_dir = folder / DOCS, root / site.docs_dir
    for path, source in sources.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(docs_dir / source, docs / path)
    for file in generated:
        target = docs / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(file.content, bytes):
            target.write_bytes(file.content)
        else:
            target.write_text(plain_page(file.content) if file.is_page else file.content, encoding="utf-8")
    first = []
    if _material(site):
        first = [ACCESSIBILITY_STYLESHEET]
        if ACCESSIBILITY_STYLESHEET not in sources:
            (docs / ACCESSIBILITY_STYLESHEET).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(packaged_folder("theme_stylesheets") / "accessibility.css",
                            docs / ACCESSIBILITY_STYLESHEET)
    custom_dir = _overrides(folder, site, root) if _material(site) else None
    options = site.plugin
    organisation = records.organisation
    address = site_address(organisation)
    text = plain_settings(
        site, nav=site_nav(generated, hand_written) if options["nav"] else None,
        site_name=site_title(organisation) if options["site_name_from_organisation"] else None,
        site_url=address and language_address(address, language, organisation.languages),
        stylesheets_first=first, custom_dir=custom_dir, site_dir=site_dir,
        stylesheets_last=[file.path for file in generated if file.path.endswith(".css")],
    )
    (folder / CONFIG_FILE).write_text(text, encoding="utf-8")


def _material(site: SiteSettings) -> bool:
    theme = site.settings.get("theme")
    return (theme.get("name") if isinstance(theme, dict) else theme) == "material"


def _overrides(folder: Path, site: SiteSettings, root: Path) -> str | None:
    """overrides/: Candour's partials, and the site's own custom_dir over them (its files win)."""
    theme = site.settings["theme"]
    own = theme.get("custom_dir") if isinstance(theme, dict) else None
    target = folder / OVERRIDES
    candour = packaged_folder("overrides")
    if candour.is_dir():
        shutil.copytree(candour, target, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    if own and (root / own).is_dir() and (root / own).resolve() != candour.resolve():
        shutil.copytree(root / own, target, dirs_exist_ok=True)
    return OVERRIDES if target.is_dir() else None

"""The site in each of the organisation's languages, for MkDocs: `languages: [en, cy]` builds the
English site and, when it is built, the Welsh site into its `cy/` folder.

The second site is a second MkDocs build of the same settings (the same records, the same
plugins), told its language: Candour's plugin writes every page in that language, the theme's
own interface is Material's Welsh (`theme.language`), and its search index is built without
stemming or English stop words, as Material has no Welsh stemmer (an English one would cut Welsh
words wrongly; no stemming finds each word as written). One `mkdocs build`, and so `candour build`
and `make site`, makes both; `mkdocs serve` serves both.

Every page names its counterpart in each language (Material's language selector in the header and
its `<link rel="alternate" hreflang>` in the head): the sites have the same pages at the same
paths, so the counterpart of `reports/2019-20/` is `cy/reports/2019-20/`.
"""

from __future__ import annotations

import io
import logging
import posixpath
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from generator.language import NAMES
from generator.packaged import scaffold_folder
from generator.site_languages import (
    UNSTEMMED_PIPELINE,
    folder,
    pages_of_language,
    write_theme_words,
)

log = logging.getLogger("mkdocs.plugins.candour")
PLUGIN = "candour"
CONFIG_FILE = "mkdocs.yml"


class PageAddress(str):
    """An address already relative to the page it is written on, which the theme's `url` filter
    must leave as it is: the filter makes an address relative to the page from the site's root,
    and loses its way for one that leaves the site (`../`, the first language's site seen from
    `cy/`)."""


def counterpart(page_url: str, language: str, other: str, languages: Sequence[str]) -> str:
    """The address of a page's counterpart in `other`, relative to the root of the site in
    `language`: `cy/reports/2019-20/` from the English site, `../reports/2019-20/` back."""
    up = "../" if folder(language, languages) else ""
    return f"{up}{folder(other, languages)}{page_url}"


def alternates(page_url: str | None, language: str, languages: Sequence[str],
               first_root: str = "/") -> list[dict[str, str]]:
    """Material's `extra.alternate`: each language's version of the page, in its own name.

    For a page (its `url`), each address is relative to the page; without one (the 404 page,
    which the web server shows at any address), from the server's root: `first_root` is the
    path of the first language's site there."""
    found = []
    for other in languages:
        if page_url is None:
            link = f"{first_root.rstrip('/')}/{folder(other, languages)}"
        else:
            depth = len([part for part in posixpath.dirname(page_url).split("/") if part])
            link = "../" * depth + counterpart(page_url, language, other, languages) or "./"
        found.append({"name": NAMES[other], "lang": other, "link": PageAddress(link)})
    return found


def keep_page_addresses(env: Any) -> None:
    """The theme's `url` filter, leaving a `PageAddress` as it is."""
    from jinja2 import pass_context

    original = env.filters["url"]
    if getattr(original, "keeps_page_addresses", False):
        return

    @pass_context
    def url(context: Any, value: object) -> object:
        return value if isinstance(value, PageAddress) else original(context, value)

    url.keeps_page_addresses = True  # type: ignore[attr-defined]
    env.filters["url"] = url


def files_of_language(files: Files, config: MkDocsConfig, language: str, languages: Sequence[str]) -> None:
    """The hand-written files of the site in `language` (`site_languages.pages_of_language`)."""
    by_path = {file.src_uri: file for file in files}
    published = pages_of_language(list(by_path), language, languages)
    for path, file in by_path.items():
        if published.get(path) != path:
            files.remove(file)
    for path, source in published.items():
        if path != source and by_path[source].abs_src_path:
            if (same := files.get_file_from_path(path)) is not None:
                files.remove(same)
            files.append(File.generated(config, path, abs_src_path=by_path[source].abs_src_path))


def written_in(config: MkDocsConfig, language: str) -> None:
    """The theme's words for the site in `language`: Material's interface, the colour-scheme
    toggles and the heading permalinks Candour's settings give, in that language."""
    toc = config.mdx_configs.get("toc")
    write_theme_words(config.theme.get("palette") or [], [toc] if isinstance(toc, dict) else [], language)


def _language_settings(config: MkDocsConfig, language: str, site_dir: Path) -> MkDocsConfig:
    """The settings `config` was read from, read again (MkDocs changes what it read as it checks
    it) for the site in `language`, built into `site_dir` from the same docs folder."""
    from mkdocs.config import load_config

    source = Path(config.config_file_path or CONFIG_FILE)
    options: dict[str, Any] = {"site_dir": str(site_dir), "docs_dir": config.docs_dir,
                               "strict": config.strict}
    if source.is_file():
        settings = load_config(config_file=str(source), **options)
    else:  # `candour build` of a repository with no mkdocs.yml: the settings candour init writes
        text = (scaffold_folder() / CONFIG_FILE).read_bytes()
        settings = load_config(config_file=io.BytesIO(text), config_file_path=str(source), **options)
    plugin = settings.plugins.get(PLUGIN)
    if plugin is not None:
        plugin.config["language"] = language
    for name, search in settings.plugins.items():
        if name.split("/")[-1] == "search" and "pipeline" in search.config:
            search.config["pipeline"] = list(UNSTEMMED_PIPELINE)
    return settings


def build_other_languages(config: MkDocsConfig, languages: Sequence[str]) -> None:
    """After the first language's site is built into `config.site_dir`: the site in each other
    language, into its folder there."""
    from mkdocs.commands.build import build

    for language in languages[1:]:
        settings = _language_settings(config, language, Path(config.site_dir) / language)
        log.info("candour: building the %s site into %s/", NAMES[language], language)
        settings.plugins.on_startup(command="build", dirty=False)
        try:
            build(settings)
        finally:
            settings.plugins.on_shutdown()

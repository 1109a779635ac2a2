"""The site in each of the organisation's languages, as settings for any engine: where each
language's site is, which hand-written pages it publishes, and the settings (`mkdocs.yml`) that
make a site of the first language's settings in another.

Both faces use it: the MkDocs plugin (`generator.plugin_languages`, which builds the second site in
the same `mkdocs build`) and `candour pages` (`generator.pages_folder`, which writes each
language's site as a folder of its own for an engine without Candour's plugin). Nothing here knows
MkDocs.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from generator.language import N_, NAMES, speaking
from generator.language import _ as translated

# The search pipeline of a site in a language Material's search has no stemmer for.
UNSTEMMED_PIPELINE = ["trimmer"]
# Words of Candour's settings (mkdocs.yml and candour init's) written again for the language.
THEME_WORDS = (N_("Switch to the dark colour scheme"), N_("Switch to the light colour scheme"))
PERMALINK_TITLE = N_("Link to this section")
NOT_FOUND = N_("404 - Not found")  # the heading of overrides/404.html


def folder(language: str, languages: Sequence[str]) -> str:
    """Where the language's site is, from the first language's: '' for the first, 'cy/'."""
    return "" if language == languages[0] else f"{language}/"


def language_address(first: str, language: str, languages: Sequence[str]) -> str:
    """The address of the site in `language`, from the first language's."""
    return f"{first.rstrip('/')}/{folder(language, languages)}"


def pages_of_language(paths: Sequence[str], language: str, languages: Sequence[str]) -> dict[str, str]:
    """The hand-written files the site in `language` publishes: each path on the site, and the
    path in the docs folder it is copied from. Another language's folder is left out of every
    site; on the site of a language with its own folder (`cy/`), each file in it takes the place of
    the first language's file of the same path."""
    others = set(languages[1:])
    own = f"{language}/" if language in others else None
    published = {path: path for path in paths if path.split("/", 1)[0] not in others}
    if own:
        published.update({path.removeprefix(own): path for path in paths if path.startswith(own)})
    return dict(sorted(published.items()))


def settings_in(settings: dict[str, Any], language: str, languages: Sequence[str]) -> dict[str, Any]:
    """The first language's settings for the site in `language`: Material's interface in it, the
    colour-scheme toggles and heading permalinks Candour's settings give written in it, search
    without stemming in a language other than the first (Material has no Welsh stemmer), and a
    language selector naming each language's site. Links between the sites go from site to site
    (each language's home); the plugin's build links each page to its own counterpart."""
    found = copy.deepcopy(settings)
    theme = found.get("theme")
    if isinstance(theme, dict):
        theme["language"] = language
        tocs = [extension["toc"] for extension in found.get("markdown_extensions") or []
                if isinstance(extension, dict) and isinstance(extension.get("toc"), dict)]
        write_theme_words(theme.get("palette") or [], tocs, language)
    plugins = found.get("plugins")
    if language != languages[0] and isinstance(plugins, dict):
        found["plugins"] = dict(_unstemmed({name: options}).popitem() for name, options in plugins.items())
    elif language != languages[0]:
        found["plugins"] = [_unstemmed(entry) for entry in plugins or []]
    if len(languages) > 1:
        up = "../" if folder(language, languages) else ""
        extra = found.setdefault("extra", {})
        if isinstance(extra, dict):
            with speaking(language):  # the heading of overrides/404.html, as the plugin gives it
                extra["candour_not_found"] = translated(NOT_FOUND)
            extra["alternate"] = [
                {"name": NAMES[other], "lang": other, "link": f"{up}{folder(other, languages)}"}
                for other in languages
            ]
    return found


def write_theme_words(palettes: Sequence[Any], tocs: Sequence[dict[str, Any]], language: str) -> None:
    """The colour-scheme toggles and heading permalinks Candour's settings give, written again in
    `language` (in place): the words of a council's own settings are left as it wrote them."""
    with speaking(language):
        for palette in palettes:
            toggle = palette.get("toggle") if isinstance(palette, dict) else None
            if isinstance(toggle, dict) and toggle.get("name") in THEME_WORDS:
                toggle["name"] = translated(toggle["name"])
        for toc in tocs:
            if toc.get("permalink_title") == PERMALINK_TITLE:
                toc["permalink_title"] = translated(PERMALINK_TITLE)


def _unstemmed(entry: Any) -> Any:
    name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
    if str(name).split("/")[-1] != "search":
        return entry
    return {name: {**(options or {}), "pipeline": list(UNSTEMMED_PIPELINE)}}

"""The site settings (`mkdocs.yml`) read as text and written for an engine without Candour's plugin.

MkDocs, ProperDocs and Zensical all read `mkdocs.yml`. `candour pages` reads the repository's own
(or the one `candour init` writes) without MkDocs, takes the candour plugin's options from it, and
writes a copy for the folder it makes: the plugin left out, the navigation, the site's name and
address and the theme's accessibility fixes written in, as the plugin would have added them.

PyYAML rather than MkDocs' loader, which resolves what it reads: a setting written with a tag
(`!ENV SITE_URL`, `!!python/name:...`) is carried over with its tag, for the engine to resolve.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.packaged import scaffold_folder

CONFIG_FILE = "mkdocs.yml"
PLUGIN = "candour"
# The plugin's options and their defaults, as generator.plugin.CandourConfig has them.
PLUGIN_DEFAULTS: dict[str, Any] = {
    "records": "records", "schemas": "schemas", "as_of": None, "changed_since_days": 90, "cache": None,
    "nav": True, "site_name_from_organisation": True, "editor": True,
}


class SettingsError(Exception):
    """Settings that cannot be read, in words naming the file."""


@dataclass(frozen=True)
class Tagged:
    """A setting written with a YAML tag, kept as written."""

    tag: str
    value: Any


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]
    return Tagged(node.tag, value)


def _represent(dumper: yaml.SafeDumper, tagged: Tagged) -> yaml.Node:
    if isinstance(tagged.value, list):
        return dumper.represent_sequence(tagged.tag, tagged.value)
    if isinstance(tagged.value, dict):
        return dumper.represent_mapping(tagged.tag, tagged.value)
    return dumper.represent_scalar(tagged.tag, str(tagged.value))


_Loader.add_multi_constructor("!", _tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)
_Dumper.add_representer(Tagged, _represent)


@dataclass(frozen=True)
class SiteSettings:
    """A repository's site settings, and the candour plugin's options in them."""

    settings: dict[str, Any]
    plugin: dict[str, Any]  # every option, the defaults filled in
    source: str  # where they were read, in words

    @property
    def docs_dir(self) -> str:
        return str(self.settings.get("docs_dir", "docs"))

    @property
    def directory_urls(self) -> bool:
        return bool(self.settings.get("use_directory_urls", True))


def read_settings(root: Path) -> SiteSettings:
    own = root / CONFIG_FILE
    path = own if own.is_file() else scaffold_folder() / CONFIG_FILE
    source = str(own) if own.is_file() else f"Candour's default settings (no {CONFIG_FILE} in {root})"
    try:
        settings = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # a SafeLoader, tags kept
    except (OSError, yaml.YAMLError) as error:
        raise SettingsError(f"{path}: {error}") from None
    if not isinstance(settings, dict):
        raise SettingsError(f"{path}: the settings are not a mapping of names to values")
    options = _plugin_options(settings.get("plugins"))
    if options is None:
        raise SettingsError(f"{path}: the {PLUGIN} plugin is not among its plugins")
    return SiteSettings(settings, {**PLUGIN_DEFAULTS, **options}, source)


def _plugin_options(plugins: Any) -> dict[str, Any] | None:
    """The candour plugin's options, from either way of listing plugins."""
    entries = plugins.items() if isinstance(plugins, dict) else (
        next(iter(entry.items())) if isinstance(entry, dict) else (entry, {}) for entry in plugins or ())
    for name, options in entries:
        if name == PLUGIN:
            return dict(options or {})
    return None


def _without_plugin(plugins: Any) -> Any:
    if isinstance(plugins, dict):
        return {name: options for name, options in plugins.items() if name != PLUGIN}
    return [entry for entry in plugins or () if entry != PLUGIN
            and not (isinstance(entry, dict) and PLUGIN in entry)]


def inert_name(name: str) -> str:
    """The site's name as plain settings can carry it. The theme writes the name into its HTML
    unescaped in places (the plugin hands it over as markup, escaped once); plain settings cannot,
    so the characters that could open a tag or end an attribute are written as character
    references: where the theme escapes the name they show as written, which no council's real
    name meets, and nowhere can they become markup. '&' is left, so 'Cheshire West & Chester'
    reads right everywhere."""
    return name.translate({ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;", ord("'"): "&#39;"})


def plain_settings(
    site: SiteSettings, *, nav: list[Any] | None, site_name: str | None, site_url: str | None,
    stylesheets_first: list[str], stylesheets_last: list[str], custom_dir: str | None,
    site_dir: str = "site",
) -> str:
    """mkdocs.yml for the folder `candour pages` writes: docs/ beside it, the site built into
    `site_dir` (site/; ../site/cy for the Welsh site's folder, cy/)."""
    settings = dict(site.settings)
    plugins = _without_plugin(settings.get("plugins"))
    settings.update({"docs_dir": "docs", "site_dir": site_dir, "plugins": plugins})
    if nav is not None and not settings.get("nav"):
        settings["nav"] = nav
    if site_name is not None:
        settings["site_name"] = inert_name(site_name)
    if site_url is not None and not settings.get("site_url"):
        settings["site_url"] = site_url
    # As the plugin has it: the theme's accessibility fixes first, Candour's own stylesheet last.
    extra_css = list(settings.get("extra_css") or [])
    extra_css = [*(path for path in stylesheets_first if path not in extra_css), *extra_css]
    settings["extra_css"] = [*extra_css, *(path for path in stylesheets_last if path not in extra_css)]
    theme = settings.get("theme")
    if custom_dir is not None and isinstance(theme, dict):
        settings["theme"] = {**theme, "custom_dir": custom_dir}
    heading = ("# Written by `candour pages` from the records and the repository's settings: build it with\n"
               "# any engine that reads mkdocs.yml (mkdocs build, properdocs build, zensical build).\n")
    return heading + yaml.dump(settings, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)

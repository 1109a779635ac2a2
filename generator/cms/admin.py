"""The files of the site's admin/ folder: the editor's page, its configuration and Decap CMS itself.

Decap CMS is served from the site like every other file, never from a CDN, so the editor works
wherever the site is published and the page requests nothing from another host (until an officer
signs in to GitHub, whose API holds the records).

Why the bundle is vendored (generator/assets/decap/, with its licences and version) rather than
installed from the npm registry when the package is built: a council installs Candour from PyPI
(or pins a git commit) and must get a working editor with no Node.js or npm, and a build hook
that ran npm would make every `pip install` of an sdist or a checkout need Node.js and the
network. Vendoring costs about 6 MB in the repository per Decap version, and the bytes a council
serves are the bytes reviewed here. `make decap-bundle` replaces them from the npm registry
(version pinned in package.json); tests/test_cms_config.py holds the copy to that version.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from generator.check.fields import Schema
from generator.cms.config import (
    EDITED_KINDS,
    LOCAL_BACKEND_PORT,
    SET_UP_KINDS,
    Repository,
    cms_config,
    config_text,
    kind_years,
    new_record_ids,
    repository,
)
from generator.load import ORGANISATION_FILE, RecordError, read_record
from generator.sitefiles import SiteFile

ADMIN = "admin"
ASSETS = Path(__file__).resolve().parent.parent / "assets"
BUNDLE = ASSETS / "decap"  # Decap CMS's browser bundle, as published on npm (see package.json there)
SCRIPT = ASSETS / "admin" / "candour-admin.js"
BUNDLE_SUFFIXES = (".js", ".wasm", ".txt", ".json")
EDIT_BRANCH = "CANDOUR_EDIT_BRANCH"  # set by `make edit`: propose records against the checked-out branch
EDIT_PORT = "CANDOUR_EDIT_PORT"  # the port of Decap's local backend, when not its default 8081


class EditorError(Exception):
    """Why the editor's configuration cannot be made, in words for the officer."""


@dataclass(frozen=True)
class EditorSource:
    """What the editor's configuration is made from."""

    records_root: Path  # the records folder
    schemas_root: Path  # the folder of *.schema.json
    records: str = "records"  # the records folder as the editor names it, from the repository's top
    branch: str | None = None  # the branch to propose records against (default: the organisation's)
    local_port: int = LOCAL_BACKEND_PORT

    def organisation(self) -> dict[str, Any]:
        path = self.records_root / ORGANISATION_FILE
        try:
            values = read_record(path, self.records_root).values
        except RecordError as error:
            raise EditorError(str(error.problem)) from None
        return values

    def schemas(self) -> dict[str, Schema]:
        found = {}
        for kind in (*EDITED_KINDS, *SET_UP_KINDS):
            path = self.schemas_root / f"{kind}.schema.json"
            try:
                found[kind] = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as error:
                raise EditorError(f"cannot read the schema {path}: {error}") from None
        return found

    def repository(self, organisation: dict[str, Any]) -> Repository:
        return repository(organisation, self.records, self.branch, self.local_port)


def site_source(root: Path, records: str, schemas: str, environment: Mapping[str, str]) -> EditorSource:
    """The editor of the site built at `root`, its records and schemas folders as configured, and
    $CANDOUR_EDIT_BRANCH and $CANDOUR_EDIT_PORT as `make edit` sets them."""
    from generator.check import schemas_folder  # the check stage finds the schemas Candour came with

    records_root = (root / records).resolve()
    schemas_root = (root / schemas).resolve()
    try:
        shown = records_root.relative_to(root.resolve()).as_posix()
    except ValueError:
        shown = records
    port = environment.get(EDIT_PORT, "")
    if port and not (port.isdigit() and 0 < int(port) < 65536):
        raise EditorError(f"${EDIT_PORT} must be a port number, not {port!r}")
    return EditorSource(records_root, schemas_root if schemas_root.is_dir() else schemas_folder(root),
                        shown, environment.get(EDIT_BRANCH) or None,
                        int(port) if port else LOCAL_BACKEND_PORT)


def editor_config(source: EditorSource, today: date) -> tuple[dict[str, Any], dict[str, Any]]:
    """Decap's configuration and what the admin script needs to name new records."""
    organisation = source.organisation()
    schemas = source.schemas()
    years = kind_years(source.records_root, today)
    where = source.repository(organisation)
    config = cms_config(schemas, organisation, years, where)
    naming = {"collections": new_record_ids(schemas, years, where)}
    return config, naming


def admin_files(source: EditorSource, today: date) -> list[SiteFile]:
    """Every file of admin/: the page, config.yml, the admin script and Decap's bundle."""
    config, naming = editor_config(source, today)
    organisation_name = str(source.organisation().get("name") or "Complaints records")
    files = [
        SiteFile(f"{ADMIN}/index.html", admin_page(organisation_name)),
        SiteFile(f"{ADMIN}/config.yml", config_text(config)),
        SiteFile(f"{ADMIN}/candour.json", json.dumps(naming, indent=1, sort_keys=True) + "\n"),
        SiteFile(f"{ADMIN}/candour-admin.js", SCRIPT.read_text(encoding="utf-8")),
    ]
    files += [SiteFile(f"{ADMIN}/decap/{path.name}", path.read_bytes()) for path in bundle_files()]
    return files


def bundle_files() -> list[Path]:
    return sorted(path for path in BUNDLE.iterdir() if path.suffix in BUNDLE_SUFFIXES)


def admin_page(organisation_name: str) -> str:
    """The editor's page: Decap CMS reads config.yml beside it; our script runs before it starts."""
    title = html.escape(f"Records editor: {organisation_name}")
    return f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>{title}</title>
  <link href="config.yml" type="text/yaml" rel="cms-config-url">
</head>
<body>
  <noscript>The records editor needs JavaScript. Records can also be added with candour new.</noscript>
  <script src="decap/decap-cms.js"></script>
  <script src="candour-admin.js"></script>
</body>
</html>
"""

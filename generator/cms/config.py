"""The editor's whole configuration: a collection per kind of record and reporting year.

Made from the schemas and the organisation file alone, by `candour cms-config` and by every
build (the site's admin/config.yml), so a change to either reaches the form on the next build.
The same configuration serves the published site (GitHub backend with the editorial workflow:
each saved record is a branch and a pull request) and `make edit` (Decap's local backend, which
Decap uses only when the page is opened from 127.0.0.1 or localhost).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from generator.check.fields import Pattern, Schema
from generator.check.rules import FOLDER_DATE, ID_PREFIX, TAXONOMY_REFERENCES
from generator.check.welsh import WELSH, languages_of
from generator.cms.choices import Choice, taxonomy_choices
from generator.cms.fields import FormContext, form_fields
from generator.cms.set_up import (
    HISTORY,
    HISTORY_PREFIX,
    ORGANISATION,
    history_collection,
    history_naming,
    organisation_collection,
)
from generator.cms.statistics import STATISTICS, ombudsman_case_choices, statistics_collection
from generator.load import KIND_FOLDERS
from generator.years import YEAR_PATTERN, reporting_year, year_start

# The kinds an officer adds a year at a time, a collection for each year. History records
# (figures of years published before Candour) and the organisation file, set up once, and the
# ombudsman's statistics (a file for each year, named by it), have a collection each
# (generator.cms.set_up, generator.cms.statistics).
EDITED_KINDS = ("case", "ombudsman", "compliment", "action")
SET_UP_KINDS = (HISTORY, STATISTICS, ORGANISATION)
KIND_LABELS = {"case": "Cases", "ombudsman": "Ombudsman cases", "compliment": "Compliments",
               "action": "Learning actions"}
SINGULAR = {"case": "Case", "ombudsman": "Ombudsman case", "compliment": "Compliment",
            "action": "Learning action"}
LOCAL_BACKEND_PORT = 8081  # decap-server's own default
UPLOADS = "docs/assets/uploads"  # Decap insists on a media folder; no field of a record uploads a file
_GITHUB = re.compile(r"^/([\w.-]+)/([\w.-]+?)(?:\.git)?/?$")
_ID_DIGITS = re.compile(r"\\d\{(\d+)(,?)\}\$$")


@dataclass(frozen=True)
class Repository:
    """Where the records live, as the editor reaches them."""

    records: str  # the records folder, relative to the repository's top: 'records'
    branch: str  # the branch records are proposed against
    github: str | None  # 'owner/name' on GitHub, or None when the records are not on GitHub
    login: str | None  # the OAuth service that signs officers in (organisation site.editor_login)
    local_port: int = LOCAL_BACKEND_PORT  # where `make edit` runs Decap's local backend

    @property
    def local_backend(self) -> str:
        return f"http://127.0.0.1:{self.local_port}/api/v1"


def repository(organisation: dict[str, Any], records: str = "records", branch: str | None = None,
               local_port: int = LOCAL_BACKEND_PORT) -> Repository:
    """The repository as the organisation file's `site` describes it."""
    site = organisation.get("site") if isinstance(organisation.get("site"), dict) else {}
    address = urlsplit(str(site.get("repository") or ""))
    match = _GITHUB.match(address.path) if address.hostname in ("github.com", "www.github.com") else None
    return Repository(
        records=records,
        branch=branch or str(site.get("branch") or "main"),
        github=f"{match[1]}/{match[2]}" if match else None,
        login=str(site["editor_login"]) if site.get("editor_login") else None,
        local_port=local_port,
    )


def kind_years(records_root: Path, today: date) -> dict[str, list[str]]:
    """The reporting years each kind has a folder for, and this year, newest first."""
    folders = {kind: folder for folder, kind in KIND_FOLDERS.items()}
    this_year = reporting_year(today)
    years = {}
    with_records: set[str] = set()
    for kind in EDITED_KINDS:
        folder = records_root / folders[kind]
        found = {p.name for p in folder.iterdir() if p.is_dir() and YEAR_PATTERN.match(p.name)} \
            if folder.is_dir() else set()
        with_records |= found
        years[kind] = sorted(_real_years(found | {this_year}), key=year_start, reverse=True)
    history = records_root / "history"
    named = {p.stem.removeprefix(HISTORY_PREFIX) for p in history.glob(f"{HISTORY_PREFIX}*.yaml")} \
        if history.is_dir() else set()
    years[HISTORY] = sorted(_real_years(named), key=year_start, reverse=True)
    # The years the organisation file gives customers for: those with records, not the date's.
    years[ORGANISATION] = sorted(_real_years(with_records | named), key=year_start, reverse=True)
    return years


def _real_years(labels: set[str]) -> set[str]:
    real = set()
    for label in labels:
        try:
            year_start(label)
        except ValueError:
            continue  # a folder such as 2019-21 holds no records validate accepts
        real.add(label)
    return real


def cms_config(schemas: dict[str, Schema], organisation: dict[str, Any], years: dict[str, list[str]],
               where: Repository) -> dict[str, Any]:
    """Decap CMS's configuration, as the data of its config.yml."""
    terms = taxonomy_choices(organisation)
    config: dict[str, Any] = {
        "backend": _backend(where),
        "publish_mode": "editorial_workflow",
        "local_backend": {"url": where.local_backend},
        "locale": "en",
        "media_folder": UPLOADS,
        "slug": {"encoding": "ascii", "clean_accents": True},
    }
    site = organisation.get("site") if isinstance(organisation.get("site"), dict) else {}
    if site.get("url"):
        config["site_url"] = config["display_url"] = str(site["url"])
    welsh = WELSH in languages_of(organisation)
    config["collections"] = [
        collection(kind, year, schemas[kind], terms, where, welsh=welsh, organisation=organisation)
        for kind in EDITED_KINDS if kind in schemas
        for year in years.get(kind, [])
    ]
    if HISTORY in schemas:
        config["collections"].append(history_collection(schemas[HISTORY], organisation, where.records, welsh))
    statistics = statistics_collection(schemas[STATISTICS], organisation, where.records, welsh) \
        if STATISTICS in schemas else None
    if statistics is not None:
        config["collections"].append(statistics)
    if ORGANISATION in schemas:
        config["collections"].append(organisation_collection(
            schemas[ORGANISATION], organisation, years.get(ORGANISATION, []), where.records, welsh))
    return config


# Decap's own would name a new record by its lower-cased slug; the path is the record's real name.
COMMIT_MESSAGES = {
    "create": "New record: {{collection}} (records editor)",
    "update": "Correct {{path}} (records editor)",
    "delete": "Remove {{path}} (records editor)",
    "uploadMedia": "Upload {{path}}",
    "deleteMedia": "Remove {{path}}",
}


def _backend(where: Repository) -> dict[str, Any]:
    if where.github is None:
        # Without a GitHub repository the editor can only write to a checkout, through `make edit`.
        return {"name": "proxy", "proxy_url": where.local_backend, "branch": where.branch,
                "commit_messages": COMMIT_MESSAGES}
    backend: dict[str, Any] = {"name": "github", "repo": where.github, "branch": where.branch,
                               "commit_messages": COMMIT_MESSAGES}
    if where.login:
        login = urlsplit(where.login)
        backend["base_url"] = f"{login.scheme}://{login.netloc}"
        if login.path.strip("/"):
            backend["auth_endpoint"] = login.path.strip("/")
    return backend


def collection_name(kind: str, year: str) -> str:
    """'cases-2019-20': also the address of the collection in the editor (edit links use it)."""
    folders = {k: folder for folder, k in KIND_FOLDERS.items()}
    return f"{folders[kind]}-{year}"


def collection(kind: str, year: str, schema: Schema, terms: dict[str, list[Choice]],
               where: Repository, *, welsh: bool = False, organisation: dict[str, Any] | None = None
               ) -> dict[str, Any]:
    """A kind's records of one year; with `welsh`, the form has the Welsh of each text; with the
    `organisation`, an ombudsman case's category and service group are drop-downs of its own."""
    folders = {k: folder for folder, k in KIND_FOLDERS.items()}
    dated = FOLDER_DATE[kind]
    return {
        "name": collection_name(kind, year),
        "label": f"{KIND_LABELS[kind]} {year}",
        "label_singular": f"{SINGULAR[kind]} ({year})",
        "description": f"{schema.get('description', '')} Records of the reporting year {year} "
                       f"(1 April {year_start(year)} to 31 March {year_start(year) + 1}).".strip(),
        "folder": f"{where.records}/{folders[kind]}/{year}",
        "extension": "yaml",
        "format": "yaml",
        "create": True,
        "delete": False,  # a record is corrected, never removed from the published years
        "identifier_field": "id",
        "slug": "{{id}}",
        "summary": f"{{{{id}}}} · {{{{{dated}}}}}",
        "sortable_fields": ["id", dated],
        "editor": {"preview": False},
        "fields": form_fields(schema, FormContext(schema, _taxonomy_fields(kind, terms, organisation),
                                                  welsh=welsh)),
    }


def _taxonomy_fields(kind: str, terms: dict[str, list[Choice]], organisation: dict[str, Any] | None = None
                     ) -> dict[Pattern, list[Choice]]:
    found = {pattern: terms[name] for each_kind, pattern, name in TAXONOMY_REFERENCES
             if each_kind == kind and terms.get(name)}
    if kind == "ombudsman" and organisation is not None:
        found |= ombudsman_case_choices(organisation)
    return found


def new_record_ids(schemas: dict[str, Schema], years: dict[str, list[str]], where: Repository
                   ) -> dict[str, dict[str, Any]]:
    """For the admin script: how each collection names a new record, as `candour new` does."""
    folders = {k: folder for folder, k in KIND_FOLDERS.items()}
    found = {}
    for kind in EDITED_KINDS:
        id_pattern = str(schemas.get(kind, {}).get("properties", {}).get("id", {}).get("pattern", ""))
        digits = _ID_DIGITS.search(id_pattern)
        for year in years.get(kind, []):
            found[collection_name(kind, year)] = {
                "folder": f"{where.records}/{folders[kind]}/{year}",
                "prefix": f"{ID_PREFIX[kind]}-{year_start(year)}-",
                "digits": int(digits[1]) if digits else 4,
            }
    if HISTORY in schemas:
        found[HISTORY] = history_naming(where.records)
    return found


def config_text(config: dict[str, Any]) -> str:
    header = ("# Made by `candour cms-config` from the schemas and records/organisation.yaml: "
              "do not edit, run it again.\n")
    # libyaml's emitter writes what PyYAML's own writes, four times as fast: at 50,000 records the
    # configuration (a collection for each kind and year) took most of a second in Python.
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return header + yaml.dump(config, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)

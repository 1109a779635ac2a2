"""A synthetic council of any size, made from the demo council's own records.

Every synthetic record is a demo record of the same kind, chosen at random (a fixed seed, so the
same size always gives the same files), moved to another reporting year by whole weeks (so the
working days between its dates, and its weekdays, stay as the demo had them) and given a new id.
So the proportions of kinds, dispositions, outcomes, service areas, subjects and remedies are the
demo's, and so is the text. Learning actions grow with the caseload only up to a plan's usual size.
"""

from __future__ import annotations

import copy
import random
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from generator.load import KIND_FOLDERS, ORGANISATION_FILE, read_record, record_paths
from generator.years import reporting_year, year_label, year_start

Progress = Callable[[int, int], None]

LAST_YEAR = 2019  # the demo's case year: every synthetic year lies in the past
MIN_YEARS = 10
MAX_PER_YEAR = 9999  # ids of cases and compliments have four digits a year
ACTIONS_PER_YEAR = 30  # a year's learning plan holds tens of actions, whatever the caseload
HISTORY_YEARS = 2
FOLDER_OF = {kind: folder for folder, kind in KIND_FOLDERS.items()}
FOLDER_DATE = {"case": "received", "ombudsman": "received", "compliment": "received", "action": "raised"}
ID_FORMAT = {"case": "C-{}-{:04d}", "compliment": "CPL-{}-{:04d}", "ombudsman": "OMB-{}-{:02d}",
             "action": "ACT-{}-{:02d}"}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_QUOTED_DATE = re.compile(r"'(\d{4}-\d{2}(?:-\d{2})?)'")
# Files beside records/ that a site build reads.
SITE_FILES = ("mkdocs.yml", "docs", "schemas", "overrides", ".gitignore")


@dataclass(frozen=True)
class Council:
    root: Path  # the repository's top folder, holding records/
    years: tuple[str, ...]
    counts: dict[str, int]  # records of each kind, the organisation file included

    @property
    def records(self) -> int:
        return sum(self.counts.values())

    @property
    def records_root(self) -> Path:
        return self.root / "records"


def project_root() -> Path:
    """Candour's own folder: its demo records, schemas and site configuration."""
    return Path(__file__).resolve().parents[2]


@dataclass
class Demo:
    """The demo council's records, by kind, as plain values."""

    organisation: dict[str, Any]
    templates: dict[str, list[dict[str, Any]]]
    histories: list[dict[str, Any]]

    @classmethod
    def read(cls, records_root: Path) -> Demo:
        templates: dict[str, list[dict[str, Any]]] = {kind: [] for kind in ID_FORMAT}
        histories: list[dict[str, Any]] = []
        organisation: dict[str, Any] = {}
        for path in record_paths(records_root):
            record = read_record(path, records_root)
            if record.kind == "organisation":
                organisation = record.values
            elif record.kind == "history":
                histories.append(record.values)
            elif record.kind in templates:
                templates[record.kind].append(record.values)
        histories.sort(key=lambda values: str(values.get("year")))
        return cls(organisation, templates, histories)


def plan_counts(demo: Demo, records: int) -> tuple[list[str], dict[str, list[int]]]:
    """The years, and how many records of each kind fall in each year, for `records` in all."""
    fixed = 1 + len(demo.histories[:HISTORY_YEARS])
    shares = {kind: len(found) for kind, found in demo.templates.items()}
    whole = sum(shares.values())
    spread = records - fixed
    if spread < 10 * MIN_YEARS:
        raise ValueError(f"a synthetic council needs at least {fixed + 10 * MIN_YEARS} records")
    count = MIN_YEARS
    while True:  # more years when a year would need more ids than four digits give
        years = [year_label(start) for start in range(LAST_YEAR - count + 1, LAST_YEAR + 1)]
        per_year_actions = max(1, min(ACTIONS_PER_YEAR, round(spread / count * shares["action"] / whole)))
        others = {kind: share for kind, share in shares.items() if kind != "action"}
        totals = _shares(spread - per_year_actions * count, others)
        per_year = {kind: _shares(total, dict.fromkeys(range(count), 1)) for kind, total in totals.items()}
        per_year_lists = {kind: [per_year[kind][index] for index in range(count)] for kind in per_year}
        per_year_lists["action"] = [per_year_actions] * count
        if max(max(counts) for counts in per_year_lists.values()) <= MAX_PER_YEAR:
            break
        count += 1
    return years, per_year_lists


def _shares(total: int, weights: dict[Any, int]) -> dict[Any, int]:
    """`total` split in proportion to `weights`, largest remainders first, adding up exactly."""
    whole = sum(weights.values())
    exact = {key: total * weight / whole for key, weight in weights.items()}
    given = {key: int(value) for key, value in exact.items()}
    left = total - sum(given.values())
    for key in sorted(exact, key=lambda key: given[key] - exact[key])[:left]:
        given[key] += 1
    return given


class _Writer:
    """Builds and writes the records of one synthetic council."""

    def __init__(self, demo: Demo, root: Path, years: list[str], per_year: dict[str, list[int]],
                 seed: int, progress: Progress | None) -> None:
        self.demo, self.root, self.years, self.per_year = demo, root, years, per_year
        self.random = random.Random(seed)
        self.progress = progress
        spread = sum(sum(counts) for counts in per_year.values())
        self.total = 1 + len(demo.histories[:HISTORY_YEARS]) + spread
        self.written = 0
        self.ids = {
            kind: [[ID_FORMAT[kind].format(year_start(year), number + 1) for number in range(counts[index])]
                   for index, year in enumerate(years)]
            for kind, counts in per_year.items()
        }

    def write(self, kind: str, values: dict[str, Any], year: str | None) -> None:
        folder = self.root / "records"
        if kind == "organisation":
            path = folder / ORGANISATION_FILE
        elif kind == "history":
            path = folder / FOLDER_OF[kind] / f"{values['id']}.yaml"
        else:
            path = folder / FOLDER_OF[kind] / str(year) / f"{values['id']}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = yaml.dump(values, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True, width=100)
        path.write_text(_QUOTED_DATE.sub(r"\1", text), encoding="utf-8")
        self.written += 1
        if self.progress and (self.written % 500 == 0 or self.written == self.total):
            self.progress(self.written, self.total)

    def run(self) -> None:
        self.write("organisation", self.organisation(), None)
        first = year_start(self.years[0])
        for back, history in enumerate(reversed(self.demo.histories[:HISTORY_YEARS])):
            year = year_label(first - 1 - back)
            self.write("history", {**history, "id": f"HIST-{year}", "year": year}, None)
        for index, year in enumerate(self.years):
            for kind in ("action", "case", "ombudsman", "compliment"):
                for record_id in self.ids[kind][index]:
                    self.write(kind, self.record(kind, record_id, index), year)

    def organisation(self) -> dict[str, Any]:
        values = copy.deepcopy(self.demo.organisation)
        taxonomies = values["taxonomies"]
        scale = sum(self.per_year["case"]) / len(self.years) / max(1, len(self.demo.templates["case"]))
        for area in taxonomies["service_areas"]:
            known = [count for count in (area.get("customers") or {}).values() if isinstance(count, int)]
            base = known[-1] if known else None
            area["customers"] = {
                year: None if base is None else round(base * scale * self.random.uniform(0.9, 1.1))
                for year in self.years
            }
        kinds = {plan.get("kind", "learning") for plan in taxonomies.get("plans", [])} or {"learning"}
        taxonomies["plans"] = [
            {"id": f"{kind}-{year}", "name": f"{kind.capitalize()} plan {year.replace('-', '/')}",
             "kind": kind}
            for year in self.years
            for kind in sorted(kinds)
        ]
        return values

    def record(self, kind: str, record_id: str, index: int) -> dict[str, Any]:
        template = self.random.choice(self.demo.templates[kind])
        values = _moved(template, year_start(self.years[index]), self.random)
        values["id"] = record_id
        if kind == "case" and "actions" in values:
            chosen = self.ids["action"][index]
            wanted = min(len(chosen), len(values["actions"]))
            values["actions"] = sorted(self.random.sample(chosen, wanted))
        elif kind == "action":
            values["plan"] = f"{self._plan_kind(template.get('plan'))}-{self.years[index]}"
            cases = (values.get("raised_by") or {}).get("cases")
            if cases:
                pool = self.ids["case"][index] or self.ids["case"][0]
                values["raised_by"]["cases"] = sorted(self.random.sample(pool, min(len(pool), len(cases))))
        elif kind == "ombudsman" and "case" in values:
            pool = self.ids["case"][max(0, index - 1)] or self.ids["case"][index]
            values["case"] = self.random.choice(pool)
        return values

    def _plan_kind(self, plan_id: object) -> str:
        for plan in self.demo.organisation.get("taxonomies", {}).get("plans", []):
            if plan.get("id") == plan_id:
                return str(plan.get("kind", "learning"))
        return "learning"


def _moved(template: dict[str, Any], start: int, chooser: random.Random) -> dict[str, Any]:
    """A copy of a demo record moved by whole weeks into the reporting year beginning in `start`."""
    kind_date = next(template[name] for name in ("received", "raised") if name in template)
    base = date.fromisoformat(kind_date)
    weeks = round((date(start, 4, 1) - date(year_start(reporting_year(base)), 4, 1)).days / 7)
    wanted = year_label(start)
    jitter = chooser.randint(-4, 4)
    for attempt in (jitter, 0, 1, -1, 2, -2):
        if reporting_year(base + timedelta(weeks=weeks + attempt)) == wanted:
            weeks += attempt
            break
    return _shift(copy.deepcopy(template), timedelta(weeks=weeks))


def _shift(values: Any, by: timedelta, key: str = "") -> Any:
    if isinstance(values, dict):
        return {name: _shift(value, by, name) for name, value in values.items()}
    if isinstance(values, list):
        return [_shift(value, by, key) for value in values]
    if isinstance(values, str) and _DATE.match(values):
        return (date.fromisoformat(values) + by).isoformat()
    if isinstance(values, str) and key == "timescale" and _MONTH.match(values):
        moved = date.fromisoformat(f"{values}-15") + by
        return f"{moved.year}-{moved.month:02d}"
    return values


def write_council(root: Path, records: int, *, seed: int = 2019, demo_root: Path | None = None,
                  progress: Progress | None = None) -> Council:
    """Write a synthetic council of about `records` records under `root/records`, with the site files."""
    source = demo_root or project_root()
    demo = Demo.read(source / "records")
    years, per_year = plan_counts(demo, records)
    writer = _Writer(demo, root, years, per_year, seed, progress)
    writer.run()
    for name in SITE_FILES:
        found = source / name
        if found.is_dir():
            shutil.copytree(found, root / name, dirs_exist_ok=True)
        elif found.is_file():
            shutil.copy2(found, root / name)
    counts = {kind: sum(found) for kind, found in per_year.items()}
    counts |= {"organisation": 1, "history": len(demo.histories[:HISTORY_YEARS])}
    return Council(root, tuple(years), counts)

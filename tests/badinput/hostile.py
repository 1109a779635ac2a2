"""A copy of the demo repository turned hostile, to build and search for what must not be there.

- Every free-text field the schema does not mark public (`x-public`) holds a private marker, as do
  case studies and compliment quotes not marked for publication: none may appear on the site.
- Every public free-text field, and every name the organisation file publishes, holds an attack:
  a script, an event handler, `javascript:` links in HTML and Markdown, and Jinja expressions.
  Each must reach the reader as inert text.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from badinput.plant import read_values, write_values
from generator.check.fields import field_patterns, values_at
from generator.check.privacy import text_hash
from generator.load import kind_of, record_paths

PROJECT = Path(__file__).resolve().parents[2]
SITE_PARTS = ("mkdocs.yml", "docs", "overrides", "records", "schemas")
PUBLISH_FLAG = {"case": ("case_study", "publish"), "compliment": ("publish",)}


PRIVATE = "Zqxprivate"


def private_marker(number: int) -> str:
    return f"{PRIVATE}{number:04d}"


def attack(number: int) -> str:
    """Markup, script and template syntax, tagged with `number` so each can be traced."""
    return (
        f'Atk{number} <script>alert("atk{number}")</script> <img src=x onerror="alert({number})"> '
        f'<a href="javascript:alert({number})" onclick="alert({number})">link{number}</a> '
        f"[md{number}](javascript:alert({number})) Jinja{number}={{{{ 7*7 }}}} "
        f"{{% if true %}}Stmt{number}{{% endif %}} <iframe src=//example.org></iframe> "
        f"<svg onload=alert({number})></svg> *em{number}* `code{number}` "
        f"![img{number}](https://evil.example/{number}.png) [login{number}](https://phish.example/{number}) "
        f"<https://phish.example/auto{number}>"
    )


@dataclass
class Hostile:
    root: Path
    private: list[str] = field(default_factory=list)  # markers that must appear nowhere
    attacks: dict[int, str] = field(default_factory=dict)  # number -> where the attack was put


def _schema(root: Path, kind: str) -> dict[str, Any]:
    return json.loads((root / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))


def hostile_repository(target: Path) -> Hostile:
    """Copy the demo site's sources to `target` and plant markers and attacks in every record."""
    target.mkdir(parents=True, exist_ok=True)
    for part in SITE_PARTS:
        source = PROJECT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / part)
    hostile = Hostile(target)
    records_root = target / "records"
    for path in list(record_paths(records_root)):
        kind = kind_of(path, records_root) or ""
        values = read_values(path, records_root)
        _poison(hostile, kind, values, _schema(target, kind), path.stem)
        write_values(path, values)
    return hostile


def _poison(hostile: Hostile, kind: str, values: dict[str, Any], schema: dict[str, Any], name: str) -> None:
    _withhold(hostile, kind, values)
    public = field_patterns(schema, lambda each: each.get("x-public") is True)
    free = field_patterns(schema, lambda each: each.get("x-free-text") is True)
    for pattern in free:
        for location, value in list(values_at(values, pattern)):
            if not isinstance(value, str) or pattern[0] == "contact" or value.startswith(PRIVATE):
                continue  # not text, the organisation's contact details, or withheld already
            text = _put(hostile, f"{name}:{'.'.join(map(str, location))}", pattern in public)
            _set(values, location, text)
    if kind == "organisation":
        _poison_names(hostile, values)
    if kind == "case":
        # A reviewed acceptance whose reason is private, as every record may hold.
        summary = values.get("summary", "")
        values["privacy_accepted"] = [{
            "field": "summary", "kind": "postcode", "text_hash": text_hash(summary),
            "reason": _put(hostile, f"{name}:privacy_accepted", False),
        }]


def _withhold(hostile: Hostile, kind: str, values: dict[str, Any]) -> None:
    """Stories not marked for publication become private: their text must never appear."""
    if kind == "case" and isinstance(values.get("case_study"), dict):
        study = values["case_study"]
        if not study.get("publish"):
            study["raised"] = _put(hostile, "unpublished case study", False)
            study["done"] = _put(hostile, "unpublished case study", False)
    elif kind == "case" and int(hashlib.sha256(str(values.get("id")).encode()).hexdigest(), 16) % 5 == 0:
        values["case_study"] = {
            "publish": False, "raised": _put(hostile, "unpublished case study", False),
            "done": _put(hostile, "unpublished case study", False),
        }
    if kind == "compliment" and not values.get("publish"):
        values["quote"] = _put(hostile, "unpublished quote", False)


def _poison_names(hostile: Hostile, values: dict[str, Any]) -> None:
    """The names the organisation file publishes: the council's, and every term's."""
    values["name"] = _put(hostile, "organisation name", True)
    for entries in values.get("taxonomies", {}).values():
        for entry in entries if isinstance(entries, list) else ():
            if isinstance(entry, dict) and "name" in entry:
                entry["name"] = _put(hostile, f"term {entry.get('id')}", True)
            for sub in entry.get("subjects", ()) if isinstance(entry, dict) else ():
                sub["name"] = _put(hostile, f"subject {sub.get('id')}", True)
            if isinstance(entry, dict) and entry.get("group"):
                entry["group"] = _put(hostile, f"group of {entry.get('id')}", True)
    for stage in values.get("procedure", {}).get("stages", ()):
        stage["name"] = _put(hostile, f"stage {stage.get('id')}", True)
    ombudsman = values.get("procedure", {}).get("ombudsman")
    if isinstance(ombudsman, dict):
        ombudsman["name"] = _put(hostile, "ombudsman name", True)
    # The contact details the accessibility statement shows. The email and phone stay the
    # council's: the records guide quotes them, and the scan of published pages knows them so.
    contact = values.setdefault("contact", {})
    for part in ("team", "address"):
        contact[part] = _put(hostile, f"contact {part}", True)


def _put(hostile: Hostile, where: str, public: bool) -> str:
    number = len(hostile.private) + len(hostile.attacks) + 1
    if public:
        hostile.attacks[number] = where
        return attack(number)
    marker = private_marker(number)
    hostile.private.append(marker)
    return marker


def _set(values: Any, location: tuple[str | int, ...], text: str) -> None:
    for step in location[:-1]:
        values = values[step]
    values[location[-1]] = text

"""With Welsh on, every published text needs its Welsh version.

Welsh is on when `languages` in the organisation file includes `cy`. The Welsh of a field is the
field beside it with the same name ending `_cy` (`quote_cy` beside `quote`); the schemas mark each
such field with `x-welsh-of`, so which fields carry Welsh is said in the schemas only. A text is
published unless an object around it has a `publish` flag that is not true (a case study, a
compliment): only published text needs its Welsh. Without Welsh on, Welsh versions are allowed,
scanned for personal data like the English (they sit in the same public repository), and not used.

One problem for each English text without its Welsh, at the English text's line, so an officer
can go down the list and write each one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.check.fields import Pattern, Schema, alternatives, children, field_patterns, values_at
from generator.load import Location, RecordFile
from generator.problems import Problem

WELSH = "cy"
SUFFIX = "_cy"
MARK = "x-welsh-of"
PUBLISH = "publish"  # the flag of an object that is published only when it says so
LANGUAGES_SHOWN = "languages in records/organisation.yaml includes cy"


def welsh_name(english: str) -> str:
    return english + SUFFIX


def languages_of(organisation: Any) -> tuple[str, ...]:
    """The languages the organisation's values ask for: English alone unless they say otherwise."""
    given = organisation.get("languages") if isinstance(organisation, dict) else None
    if isinstance(given, list) and all(isinstance(each, str) for each in given):
        return tuple(given)
    return ("en",)


@dataclass(frozen=True)
class Pair:
    """An English field and its Welsh beside it, found in objects at `parent`."""

    parent: Pattern
    english: str
    gates: tuple[int, ...]  # lengths of the prefixes of `parent` whose object has a publish flag

    @property
    def welsh(self) -> str:
        return welsh_name(self.english)


def pairs(schema: Schema) -> list[Pair]:
    """Every English field of a kind that has a Welsh version beside it, from `x-welsh-of`."""
    found = []
    for pattern in field_patterns(schema, lambda each: isinstance(each.get(MARK), str)):
        english = pattern[-1].removesuffix(SUFFIX)
        parent = pattern[:-1]
        found.append(Pair(parent, english, _gates(schema, parent)))
    return found


def _gates(schema: Schema, parent: Pattern) -> tuple[int, ...]:
    """Where along `parent` an object says whether it is published (`publish` among its properties)."""
    gates = []
    nodes: list[Any] = [schema]
    for depth in range(len(parent) + 1):
        declared = (each.get("properties", {}) for node in nodes for each in alternatives(node, schema))
        if any(PUBLISH in properties for properties in declared):
            gates.append(depth)
        if depth < len(parent):
            nodes = [child for node in nodes for child in children(node, schema, parent[depth])]
    return tuple(gates)


def _published(values: Any, location: Location, gates: tuple[int, ...]) -> bool:
    for depth in gates:
        here = values
        for step in location[:depth]:
            here = here[step]
        if isinstance(here, dict) and here.get(PUBLISH) is not True:
            return False
    return True


class WelshCheck:
    """The Welsh versions each kind of record needs, worked out once from the schemas."""

    def __init__(self, schemas: dict[str, Schema]) -> None:
        self.pairs = {kind: pairs(schema) for kind, schema in schemas.items()}

    def problems(self, record: RecordFile, languages: tuple[str, ...]) -> list[Problem]:
        if WELSH not in languages or not isinstance(record.values, dict):
            return []
        return [problem for pair in self.pairs.get(record.kind, ()) for problem in _missing(record, pair)]


def _missing(record: RecordFile, pair: Pair) -> Iterator[Problem]:
    for location, parent in values_at(record.values, pair.parent):
        if not isinstance(parent, dict) or not _published(record.values, location, pair.gates):
            continue
        english, welsh = parent.get(pair.english), parent.get(pair.welsh)
        if isinstance(english, str) and not isinstance(welsh, str):
            yield record.problem((*location, pair.english), (
                f"has no Welsh version, and the site is published in Welsh too ({LANGUAGES_SHOWN}): "
                f"add `{pair.welsh}: ...` beside it"))
        elif isinstance(english, list):
            yield from _missing_entries(record, (*location,), pair, english, welsh)


def _missing_entries(record: RecordFile, location: Location, pair: Pair, english: list[Any],
                     welsh: Any) -> Iterator[Problem]:
    """A list of texts (lessons learnt) and its Welsh list: entry by entry, in the same order."""
    welsh = welsh if isinstance(welsh, list) else []
    for index, entry in enumerate(english):
        if isinstance(entry, str) and not (index < len(welsh) and isinstance(welsh[index], str)):
            yield record.problem((*location, pair.english, index), (
                f"has no Welsh version, and the site is published in Welsh too ({LANGUAGES_SHOWN}): "
                f"add its Welsh as entry {index + 1} of `{pair.welsh}`"))
    for index in range(len(english), len(welsh)):
        yield record.problem((*location, pair.welsh, index), (
            f"has no English entry to match: `{pair.english}` has {len(english)}, and each Welsh entry "
            "is the Welsh of the English entry in the same place"))


__all__ = ["LANGUAGES_SHOWN", "SUFFIX", "WELSH", "Pair", "WelshCheck", "languages_of", "pairs",
           "welsh_name"]

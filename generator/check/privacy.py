"""The personal-data scan: free text must not name or identify anyone.

Which fields are free text comes from the schemas (`x-free-text: true`). What was found is never
repeated in a message: an officer is told the kind of data and where it is, nothing more.
A reviewed false alarm is accepted by a `privacy_accepted` entry holding the fingerprint of the
exact text reviewed, so an edit to that text brings the scan back.

The detectors live by family: `privacy_numbers` (emails, phone, NHS and National Insurance
numbers, postcodes), `privacy_birth`, `privacy_addresses` and `privacy_names` (with the name
lexicon in `privacy_lexicon` and the words of service text in `privacy_words`). `findings` is
what any other text is scanned with.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from generator.check import privacy_addresses as addresses
from generator.check import privacy_birth as birth
from generator.check import privacy_names as names
from generator.check import privacy_numbers as numbers
from generator.check.fields import Pattern, Schema, field_patterns, values_at
from generator.check.privacy_numbers import nhs_number_is_valid
from generator.load import Location, RecordFile
from generator.problems import Problem, field_name

__all__ = [
    "LABELS", "Finding", "PrivacyScan", "findings", "free_text_fields", "nhs_number_is_valid", "text_hash",
]

# The organisation's own public contact details are meant to be published.
NOT_SCANNED = ("contact",)


@dataclass(frozen=True)
class Finding:
    """Something in a text that looks like personal data: its kind and where it is in the text."""

    kind: str
    start: int
    end: int


LABELS = {
    "email": "an email address",
    "phone": "a UK phone number",
    "nhs-number": "an NHS number",
    "ni-number": "a National Insurance number",
    "postcode": "a UK postcode",
    "date-of-birth": "a date of birth",
    "address": "a street address",
    "name": "a title followed by a name",
    "full-name": "a first name and surname",
}

Detector = Callable[[str], Iterator[tuple[int, int]]]

# Most specific first: an NHS number is reported as that, not also as a phone number.
DETECTORS: tuple[tuple[str, Detector], ...] = (
    ("email", numbers.emails),
    ("nhs-number", numbers.nhs_numbers),
    ("ni-number", numbers.ni_numbers),
    ("date-of-birth", birth.dates_of_birth),
    ("phone", numbers.phones),
    ("postcode", numbers.postcodes),
    ("address", addresses.addresses),
    ("name", names.titled_names),
    ("full-name", names.full_names),
)

# Cheap tests first: every detector but the names' needs a digit or an @, a date of birth a word
# for birth, a name a title or a capitalised first name among its words; most free text has none
# of these, so most texts are not searched at all, and the rest only by the detectors they need.
_DIGIT_OR_AT = re.compile(r"[\d@]")
_BIRTH_WORD = re.compile(birth.BIRTH_WORDS, re.IGNORECASE)
_NEEDS_DIGITS = frozenset(kind for kind, _ in DETECTORS) - {"name", "full-name"}


@functools.cache
def _chosen(
    digits: bool, birth_word: bool, title: bool, first_name: bool
) -> tuple[tuple[str, Detector], ...]:
    """The detectors a text needs, from what the cheap tests found in it."""
    skipped = set() if digits else set(_NEEDS_DIGITS)
    if not birth_word:
        skipped.add("date-of-birth")
    if not title:
        skipped.add("name")
    if not first_name:
        skipped.add("full-name")
    return tuple(each for each in DETECTORS if each[0] not in skipped)


def _detectors(text: str) -> tuple[tuple[str, Detector], ...]:
    words = names.words_of(text)
    digits = _DIGIT_OR_AT.search(text) is not None
    return _chosen(
        digits,
        digits and _BIRTH_WORD.search(text) is not None,
        names.may_hold_title(words),
        names.may_hold_full_name(words),
    )


def findings(text: str) -> list[Finding]:
    """Everything in `text` that looks like personal data, in order, overlaps reported once (as
    the most specific kind). Linear in the text: each detector is, and the spans found are merged
    in one pass per detector."""
    found: list[Finding] = []
    for kind, detect in _detectors(text):
        spans = sorted(detect(text), key=lambda span: (span[0], -span[1]))
        if spans:
            found = _merged(found, kind, spans)
    return found


def _merged(found: list[Finding], kind: str, spans: list[tuple[int, int]]) -> list[Finding]:
    """`found` (in order, none overlapping) with each span that overlaps nothing before it."""
    merged: list[Finding] = []
    index = 0
    for start, end in spans:
        while index < len(found) and found[index].end <= start:
            merged.append(found[index])
            index += 1
        if merged and merged[-1].end > start:
            continue
        if index < len(found) and found[index].start < end:
            continue
        merged.append(Finding(kind, start, end))
    merged.extend(found[index:])
    return merged


def text_hash(text: str) -> str:
    """The fingerprint a `privacy_accepted` entry records for the text it reviewed."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def free_text_fields(schema: Schema) -> list[Pattern]:
    patterns = field_patterns(schema, lambda each: each.get("x-free-text") is True)
    return [pattern for pattern in patterns if pattern[:1] not in {(name,) for name in NOT_SCANNED}]


class PrivacyScan:
    """The scan for every kind of record, with each kind's free-text fields worked out once."""

    def __init__(self, schemas: dict[str, Schema]) -> None:
        self.fields = {kind: free_text_fields(schema) for kind, schema in schemas.items()}

    def problems(self, record: RecordFile) -> list[Problem]:
        if not isinstance(record.values, dict):
            return []
        accepted = reviewed(record.values)
        problems: list[Problem] = []
        nodes: _Nodes | None = None
        for pattern in self.fields.get(record.kind, ()):
            for location, value in values_at(record.values, pattern):
                if not isinstance(value, str):
                    continue
                found = findings(value)
                if not found:
                    continue
                name, fingerprint = field_name(location), text_hash(value)
                for finding, more in _first_of_each_kind(found):
                    entry = accepted.get((name, finding.kind))
                    if entry is not None and fingerprint in entry:
                        continue
                    nodes = nodes or _Nodes(record.text)
                    problems.append(
                        _problem(record, location, value, finding, more, fingerprint, nodes,
                                 stale=entry is not None)
                    )
        return problems


def _first_of_each_kind(found: list[Finding]) -> list[tuple[Finding, int]]:
    """The first finding of each kind in a field, in reading order, and how many more there are:
    one problem a kind (an acceptance covers a field and a kind), however often it recurs."""
    first: dict[str, Finding] = {}
    counts: dict[str, int] = {}
    for finding in found:
        first.setdefault(finding.kind, finding)
        counts[finding.kind] = counts.get(finding.kind, 0) + 1
    return [(finding, counts[kind] - 1) for kind, finding in first.items()]


def reviewed(values: dict[str, Any]) -> dict[tuple[str, str], set[str]]:
    """(field, kind) -> fingerprints reviewed, from the record's `privacy_accepted` entries."""
    accepted: dict[tuple[str, str], set[str]] = {}
    entries = values.get("privacy_accepted")
    for entry in entries if isinstance(entries, list) else ():
        if isinstance(entry, dict) and all(isinstance(entry.get(k), str) for k in ("field", "kind")):
            accepted.setdefault((entry["field"], entry["kind"]), set()).add(str(entry.get("text_hash")))
    return accepted


def _problem(
    record: RecordFile,
    location: Location,
    value: str,
    finding: Finding,
    more: int,
    fingerprint: str,
    nodes: _Nodes,
    *,
    stale: bool,
) -> Problem:
    line, column = record.position(location)
    where = nodes.find(location, value, finding)
    if where is None:
        at = "in this field"
    elif where[0] == line:
        at = f"at column {where[1]} of this line"
    else:
        at = f"at line {where[0]}, column {where[1]}"
    also = f", and {more} more like it in this field" if more else ""
    message = (
        f"looks like {LABELS[finding.kind]} {at}{also}; remove {'them' if more else 'it'} "
        "(records must be anonymised). "
        f"If it is not personal data, record that under privacy_accepted "
        f"(field: {field_name(location)}, kind: {finding.kind}, text_hash: {fingerprint})"
    )
    if stale:
        message += "; the privacy_accepted entry for this field was for earlier text"
    return Problem(record.shown_as, line, column, field_name(location), message)


_WORDS_TO_PLACE = 8


class _Nodes:
    """The file's node tree, composed only when something was found, to place it exactly."""

    def __init__(self, text: str) -> None:
        self.text = text
        try:
            self.root: yaml.Node | None = yaml.compose(text, Loader=yaml.CSafeLoader)
        except yaml.YAMLError:
            self.root = None

    def find(self, location: Location, value: str, finding: Finding) -> tuple[int, int] | None:
        """Line and column in the file where the found text starts, if it can be seen there."""
        node = self._node(location)
        if node is None:
            return None
        source = self.text[node.start_mark.index : node.end_mark.index]
        # Folded and multi-line text joins lines with spaces: let any run of spaces match any.
        # Its first few words are enough to place it (a finding can be as long as the field).
        words = value[finding.start : finding.end].split()[:_WORDS_TO_PLACE]
        if not words:
            return None
        match = re.search(r"\s+".join(re.escape(word) for word in words), source)
        if match is None:
            return None
        offset = node.start_mark.index + match.start()
        line = self.text.count("\n", 0, offset) + 1
        column = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        return line, column

    def _node(self, location: Location) -> yaml.Node | None:
        node = self.root
        for step in location:
            if isinstance(node, yaml.MappingNode):
                node = next((v for k, v in node.value if k.value == step), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
                node = node.value[step]
            else:
                return None
        return node

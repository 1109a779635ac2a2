"""The personal-data scan: free text must not name or identify anyone.

Which fields are free text comes from the schemas (`x-free-text: true`). What was found is never
repeated in a message: an officer is told the kind of data and where it is, nothing more.
A reviewed false alarm is accepted by a `privacy_accepted` entry holding the fingerprint of the
exact text reviewed, so an edit to that text brings the scan back.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from generator.check.fields import Pattern, Schema, field_patterns, values_at
from generator.load import Location, RecordFile
from generator.problems import Problem, field_name

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
    "name": "a title followed by a name",
}

_EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")

# Digits in UK groupings, with spaces, hyphens or brackets, starting 0 or +44.
_PHONE = re.compile(r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d[\d\s()-]{7,14}\d(?![\w])")
_PHONE_PREFIXES = ("01", "02", "03", "05", "07", "08")

_NHS = re.compile(r"(?<![\w-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\w-])")

# The first letters of a National Insurance number never use D, F, I, Q, U or V, nor O second.
_NI = re.compile(
    r"(?<![A-Za-z0-9])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
    r"\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D](?![A-Za-z0-9])",
    re.IGNORECASE,
)

_POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s*\d[A-Z]{2}(?![A-Za-z0-9])", re.IGNORECASE
)
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)$", re.IGNORECASE)

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\.?,?\s+\d{{4}}|{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
)
_BIRTH_WORDS = r"(?:born|d\.?o\.?b\.?|date\s+of\s+birth|birth\s*date|birthday)"
_BIRTH_AFTER = re.compile(rf"\b{_BIRTH_WORDS}(?:\W+\w+){{0,3}}?\W+({_DATE})", re.IGNORECASE)
_BIRTH_BEFORE = re.compile(rf"({_DATE})\W+(?:\w+\W+){{0,2}}?\(?{_BIRTH_WORDS}\b", re.IGNORECASE)

_TITLE_NAME = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Rev|Revd|Sir|Dame)\.?\s+(?:[A-Z]\.?\s+){0,2}"
    r"([A-Z][a-z'\u2019]+(?:-[A-Z][a-z'\u2019]+)?)"
)
_PLACEHOLDER_NAME = re.compile(r"^x+$", re.IGNORECASE)


def _emails(text: str) -> Iterator[tuple[int, int]]:
    for match in _EMAIL.finditer(text):
        yield match.span()


def _phones(text: str) -> Iterator[tuple[int, int]]:
    for match in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if digits.startswith("44"):
            digits = "0" + digits[2:].removeprefix("0")
        if len(digits) in (10, 11) and digits.startswith(_PHONE_PREFIXES):
            yield match.span()


def nhs_number_is_valid(digits: str) -> bool:
    """The NHS number's modulus 11 check: weights 10 down to 2, check digit 11 - remainder."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    weighted = zip(digits[:9], range(10, 1, -1), strict=True)
    remainder = sum(int(digit) * weight for digit, weight in weighted) % 11
    check = 11 - remainder
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _nhs_numbers(text: str) -> Iterator[tuple[int, int]]:
    for match in _NHS.finditer(text):
        if nhs_number_is_valid(match[1] + match[3] + match[4]):
            yield match.span()


def _ni_numbers(text: str) -> Iterator[tuple[int, int]]:
    for match in _NI.finditer(text):
        yield match.span()


def _postcodes(text: str) -> Iterator[tuple[int, int]]:
    for match in _POSTCODE.finditer(text):
        if not _ORDINAL.search(match.group()):
            yield match.span()


def _dates_of_birth(text: str) -> Iterator[tuple[int, int]]:
    for pattern in (_BIRTH_AFTER, _BIRTH_BEFORE):
        for match in pattern.finditer(text):
            yield match.span(1)


def _names(text: str) -> Iterator[tuple[int, int]]:
    for match in _TITLE_NAME.finditer(text):
        if not _PLACEHOLDER_NAME.match(match[1]):
            yield match.span()


# Most specific first: an NHS number is reported as that, not also as a phone number.
DETECTORS: tuple[tuple[str, Callable[[str], Iterator[tuple[int, int]]]], ...] = (
    ("email", _emails),
    ("nhs-number", _nhs_numbers),
    ("ni-number", _ni_numbers),
    ("date-of-birth", _dates_of_birth),
    ("phone", _phones),
    ("postcode", _postcodes),
    ("name", _names),
)


# Cheap tests first: every detector but the name's needs a digit or an @, a date of birth a word
# for birth; most free text has neither, so most texts are searched once instead of eight times.
_DIGIT_OR_AT = re.compile(r"[\d@]")
_BIRTH_WORD = re.compile(_BIRTH_WORDS, re.IGNORECASE)


def _detectors(text: str) -> tuple[tuple[str, Callable[[str], Iterator[tuple[int, int]]]], ...]:
    if not _DIGIT_OR_AT.search(text):
        return tuple(each for each in DETECTORS if each[0] == "name")
    if not _BIRTH_WORD.search(text):
        return tuple(each for each in DETECTORS if each[0] != "date-of-birth")
    return DETECTORS


def findings(text: str) -> list[Finding]:
    """Everything in `text` that looks like personal data, in order, overlaps reported once."""
    found: list[Finding] = []
    for kind, detect in _detectors(text):
        for start, end in detect(text):
            if not any(start < other.end and other.start < end for other in found):
                found.append(Finding(kind, start, end))
    return sorted(found, key=lambda finding: finding.start)


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
        accepted = _accepted(record.values)
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
                for finding in found:
                    entry = accepted.get((name, finding.kind))
                    if entry is not None and fingerprint in entry:
                        continue
                    nodes = nodes or _Nodes(record.text)
                    problems.append(
                        _problem(
                            record, location, value, finding, fingerprint, nodes, stale=entry is not None
                        )
                    )
        return problems


def _accepted(values: dict[str, Any]) -> dict[tuple[str, str], set[str]]:
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
    message = (
        f"looks like {LABELS[finding.kind]} {at}; remove it (records must be anonymised). "
        f"If it is not personal data, record that under privacy_accepted "
        f"(field: {field_name(location)}, kind: {finding.kind}, text_hash: {fingerprint})"
    )
    if stale:
        message += "; the privacy_accepted entry for this field was for earlier text"
    return Problem(record.shown_as, line, column, field_name(location), message)


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
        words = value[finding.start : finding.end].split()
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

"""The organisation file's names and contact details, scanned for personal data like free text.

Every name the organisation file gives is published: the council's, its teams', service areas'
(and what they were `formerly` called), departments', plans' and every list's. Which fields are
names comes from the schema: every text field with no format, pattern or fixed choices (those
already scanned as free text aside). They are scanned with the detector's `findings`, and a
reviewed false alarm is accepted by `privacy_accepted` as for any field.

The contact details are the council's, so an email address, phone number and street address are
expected there; what is checked is that they are not a person's: an address whose name part is a
first name and surname (firstname.lastname@), a mobile number, a person's name in the address.
"""

from __future__ import annotations

import re

from generator.check.fields import Pattern, Schema, field_patterns
from generator.load import RecordFile
from generator.problems import Problem

# Fields of the organisation file that are not names: written in a fixed form, or checked below.
_NOT_NAMES = frozenset({("contact", "email"), ("contact", "phone"), ("contact", "address"),
                        ("site", "branch"), ("privacy_accepted", "*", "field")})
_NAME_KINDS = frozenset({"name", "full-name"})
_MOBILE = re.compile(r"^(?:07|447)\d{9}$")  # a UK mobile (or pager, or personal) number, as digits
_LOCAL_PARTS = re.compile(r"[._+-]+")


def name_fields(schema: Schema) -> list[Pattern]:
    """The organisation's fields that hold a name: text with no format, pattern or choices."""

    def is_name(each: Schema) -> bool:
        return (each.get("type") == "string" and not each.get("x-free-text")
                and not any(key in each for key in ("format", "pattern", "enum", "const")))

    return [pattern for pattern in field_patterns(schema, is_name) if pattern not in _NOT_NAMES]


def contact_problems(record: RecordFile) -> list[Problem]:
    """The organisation's contact details where they look like a person's rather than the council's."""
    contact = record.values.get("contact") if isinstance(record.values, dict) else None
    if not isinstance(contact, dict):
        return []
    from generator.check.privacy import findings, reviewed  # here: the scan's patterns load only when needed

    accepted = reviewed(record.values)
    found: list[Problem | None] = []
    email, phone, address = (contact.get(name) for name in ("email", "phone", "address"))
    if isinstance(email, str) and "@" in email:
        # "jo.bloggs" read as "Jo Bloggs": the detector says whether it is a first name and surname.
        local = " ".join(part.capitalize() for part in _LOCAL_PARTS.split(email.split("@")[0]) if part)
        if any(each.kind in _NAME_KINDS for each in findings(local)):
            found.append(_problem(record, "email", "email", email, accepted, (
                "looks like a person's email address (a first name and surname before the @); it is "
                "published, so give the team's shared address")))
    if isinstance(phone, str) and _MOBILE.match(re.sub(r"\D", "", phone)):
        found.append(_problem(record, "phone", "phone", phone, accepted, (
            "looks like a mobile number, which is a person's rather than the council's; it is published, "
            "so give the team's number")))
    if isinstance(address, str) and any(each.kind in _NAME_KINDS for each in findings(address)):
        found.append(_problem(record, "address", "name", address, accepted, (
            "looks like it holds a person's name; it is published, so give the council's address "
            "without anyone's name")))
    return [problem for problem in found if problem is not None]


def _problem(record: RecordFile, name: str, kind: str, value: str,
             accepted: dict[tuple[str, str], set[str]], why: str) -> Problem | None:
    from generator.check.privacy import text_hash

    field = f"contact.{name}"
    fingerprint = text_hash(value)
    if fingerprint in accepted.get((field, kind), set()):
        return None
    return record.problem(("contact", name), (
        f"{why}. If it is the council's, record that under privacy_accepted "
        f"(field: {field}, kind: {kind}, text_hash: {fingerprint})"))


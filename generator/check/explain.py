"""Turns each jsonschema error into the lines an officer reads: one line in plain English for each,
at the position of the offending value."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from generator.check.fields import Schema, describe
from generator.check.schema_files import CEILING, PLACEHOLDER
from generator.check.wording import TYPE_WORDS, is_number, kind_of_value, number_shown, shown
from generator.load import Location, RecordFile
from generator.problems import Problem, did_you_mean, field_name

if TYPE_CHECKING:  # jsonschema itself only once a record has an error to explain (see schema.py)
    from jsonschema.exceptions import ValidationError

KIND_NAMES = {
    "organisation": "the organisation file",
    "case": "a case record",
    "ombudsman": "an ombudsman case record",
    "compliment": "a compliment record",
    "action": "an action record",
    "history": "a history record",
    "ombudsman-statistics": "an ombudsman statistics record",
}
ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
_DATE_SHAPE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Explanation:
    """Turns one jsonschema error into the lines an officer reads."""

    def __init__(self, record: RecordFile, schema: Schema) -> None:
        self.record = record
        self.schema = schema

    def error(self, error: ValidationError) -> Iterator[Problem]:
        location: Location = tuple(error.absolute_path)
        keyword = str(error.validator)
        if "propertyNames" in error.absolute_schema_path:
            yield self._row_name(location, error)
            return
        handler = getattr(self, f"_{keyword}", None)
        if keyword in ("anyOf", "oneOf"):
            yield from self._choice(location, error)
        elif handler is not None:
            yield from handler(location, error)
        else:
            yield self.record.problem(location, self._fallback(location, error))

    # -- fields missing or not expected --------------------------------------------------

    def _required(self, location: Location, error: ValidationError) -> Iterator[Problem]:
        instance = error.instance if isinstance(error.instance, dict) else {}
        for name in error.validator_value:
            if name not in instance:
                yield self._missing(location, name, f"is missing: add `{name}: ...`")

    def _dependentRequired(self, location: Location, error: ValidationError) -> Iterator[Problem]:
        instance = error.instance if isinstance(error.instance, dict) else {}
        for given, needed in error.validator_value.items():
            if given not in instance:
                continue
            for name in needed:
                if name not in instance:
                    yield self._missing(
                        location, name, f"is missing: `{given}` is given, so add `{name}: ...`"
                    )

    def _missing(self, location: Location, name: str, message: str) -> Problem:
        line, column = self.record.position(location)
        about = describe(self.schema, (*location, name)).get("description")
        text = f"{message} ({about})" if about else message
        return Problem(self.record.shown_as, line, column, field_name((*location, name)), text)

    def _additionalProperties(self, location: Location, error: ValidationError) -> Iterator[Problem]:
        if not isinstance(error.instance, dict):
            return
        known = list(error.schema.get("properties", {}))
        patterns = [re.compile(p) for p in error.schema.get("patternProperties", {})]
        owner = KIND_NAMES.get(self.record.kind, "this record") if not location else field_name(location)
        for key in error.instance:
            if key in known or any(p.search(str(key)) for p in patterns):
                continue
            message = f"is not a field of {owner}"
            guess = did_you_mean(str(key), known)
            if guess:
                message += guess
            elif known:
                message += f" (its fields are: {', '.join(known)})"
            yield self.record.problem((*location, key), message, key=True)

    def _unevaluatedProperties(self, location: Location, error: ValidationError) -> Iterator[Problem]:
        yield from self._additionalProperties(location, error)

    def _not(self, location: Location, error: ValidationError) -> Iterator[Problem]:
        forbidden = (
            error.validator_value.get("required", []) if isinstance(error.validator_value, dict) else []
        )
        present = [name for name in forbidden if isinstance(error.instance, dict) and name in error.instance]
        if not present:
            yield self.record.problem(location, "is not allowed here")
        for name in present:
            about = describe(self.schema, (*location, name)).get("description")
            message = "should not be given here" + (f" ({about})" if about else "")
            yield self.record.problem((*location, name), message, key=True)

    def _None(self, location: Location, error: ValidationError) -> Iterator[Problem]:
        yield self.record.problem(location, "is not allowed here", key=True)

    # -- values of the wrong kind ------------------------------------------------------

    def _type(self, location: Location, error: ValidationError) -> Iterator[Problem]:
        expected = (
            error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        )
        value = error.instance
        wanted = " or ".join(TYPE_WORDS.get(name, name) for name in expected)
        is_date = error.schema.get("format") == "date" and "string" in expected
        if is_date:
            wanted = "a date written YYYY-MM-DD"
        message = f"should be {wanted}, not {kind_of_value(value)}"
        if value is None:
            message = f"is empty: give {wanted}, or leave the field out"
        elif is_date:
            pass  # a number or true/false where a date belongs: the form to write says it all
        elif isinstance(value, bool) and "string" in expected:
            message += "; YAML read yes/no/on/off as true/false: put it in quotes"
        elif isinstance(value, int | float) and not isinstance(value, bool) and "string" in expected:
            message += "; put it in quotes so it is kept as text"
        elif isinstance(value, dict) and "string" in expected:
            message += "; text containing ': ' must be put in quotes"
        elif isinstance(value, str) and value == PLACEHOLDER:
            message = f"still says {PLACEHOLDER}: give {wanted}"
        elif isinstance(value, str) and set(expected) & {"integer", "number"} and not is_number(value):
            message += "; write the number alone, without £, commas or words"
        elif isinstance(value, str) and set(expected) & {"integer", "number", "boolean"}:
            message += "; remove the quotes"
        elif isinstance(value, float) and "integer" in expected:
            message = f"{value} should be a whole number"
        yield self.record.problem(location, message)

    def _enum(self, location: Location, error: ValidationError) -> Iterator[Problem]:
        choices = [str(choice) for choice in error.validator_value]
        value = error.instance
        if value == PLACEHOLDER:
            message = f"still says {PLACEHOLDER}: choose one of {', '.join(choices)}"
        else:
            message = f"{shown(value)} is not one of {', '.join(choices)}"
            if isinstance(value, str):
                message += did_you_mean(value, choices)
            elif isinstance(value, bool):
                message += "; YAML read yes/no/on/off as true/false: put it in quotes"
        yield self.record.problem(location, message)

    def _const(self, location: Location, error: ValidationError) -> Iterator[Problem]:
        yield self.record.problem(
            location, f"{shown(error.instance)} should be {shown(error.validator_value)}"
        )

    def _format(self, location: Location, error: ValidationError) -> Iterator[Problem]:
        value, form = error.instance, error.validator_value
        if value == PLACEHOLDER:
            message = (
                f"still says {PLACEHOLDER}: give a date written YYYY-MM-DD"
                if form == "date"
                else f"still says {PLACEHOLDER}: fill it in"
            )
        elif form == "date" and _DATE_SHAPE.match(str(value)):
            message = f"{value} is not a real date"
        elif form == "date":
            message = f"{shown(value)} is not a date: write it as YYYY-MM-DD, for example 2019-06-03"
        elif form == "email":
            message = "is not an email address"
        elif form in ("uri", "iri"):
            message = "is not a full web address (it should start https://)"
        else:
            message = f"is not in the {form} format"
        yield self.record.problem(location, message)

    def _pattern(self, location: Location, error: ValidationError) -> Iterator[Problem]:
        value = error.instance
        if value == PLACEHOLDER:
            message = f"still says {PLACEHOLDER}: fill it in"
        elif error.schema.get("format") in ("uri", "iri"):  # a web address the site links to
            message = ("is not a web address the site can link to: it should start https:// (or "
                       "http://) and hold no spaces, quotes or angle brackets")
        elif error.validator_value == ID_PATTERN:
            message = (
                f"{shown(value)} is not an id: ids are lower-case letters, digits and single "
                "hyphens, such as chester-rural"
            )
        else:
            about = describe(self.schema, location).get("description")
            message = f"{shown(value)} is not in the expected form" + (f": {about}" if about else "")
        yield self.record.problem(location, message)

    def _row_name(self, location: Location, error: ValidationError) -> Problem:
        key = error.instance
        if error.validator == "enum":
            choices = [str(choice) for choice in error.validator_value]
            message = f"is not one of {', '.join(choices)}" + did_you_mean(str(key), choices)
        else:
            message = "is not an id: ids are lower-case letters, digits and single hyphens"
        line, column = self.record.position((*location, key, "@key"))
        return Problem(self.record.shown_as, line, column, field_name((*location, key)), message)

    # -- sizes and limits ----------------------------------------------------------------

    def _minLength(self, location: Location, error: ValidationError) -> Iterator[Problem]:
        if error.validator_value == 1:
            yield self.record.problem(location, "is empty: write something, or leave the field out")
        else:
            yield self.record.problem(location, f"is too short: at least {error.validator_value} characters")

    def _maxLength(self, location: Location, error: ValidationError) -> Iterator[Problem]:
        yield self.record.problem(location, f"is too long: at most {error.validator_value} characters")

    def _minItems(self, location: Location, error: ValidationError) -> Iterator[Problem]:
        count = error.validator_value
        yield self.record.problem(location, f"needs at least {count} {'entry' if count == 1 else 'entries'}")

    def _maxItems(self, location: Location, error: ValidationError) -> Iterator[Problem]:
        count = error.validator_value
        yield self.record.problem(
            location,
            f"has {len(error.instance)} entries; at most {count} {'is' if count == 1 else 'are'} allowed",
        )

    def _uniqueItems(self, location: Location, error: ValidationError) -> Iterator[Problem]:
        seen: list[Any] = []
        for index, item in enumerate(error.instance):
            if item in seen:
                yield self.record.problem((*location, index), f"{shown(item)} is listed twice")
            seen.append(item)

    def _minimum(self, location: Location, error: ValidationError) -> Iterator[Problem]:
        yield self.record.problem(
            location, f"{error.instance} is too small: the least allowed is {error.validator_value}"
        )

    def _maximum(self, location: Location, error: ValidationError) -> Iterator[Problem]:
        if error.validator_value == CEILING:
            yield self.record.problem(location, (
                f"{number_shown(error.instance)} is far larger than any figure in a council's records "
                f"(at most {CEILING:,}): check the number"))
            return
        yield self.record.problem(
            location, f"{error.instance} is too large: the most allowed is {error.validator_value}"
        )

    def _exclusiveMinimum(self, location: Location, error: ValidationError) -> Iterator[Problem]:
        yield self.record.problem(location, f"{error.instance} must be more than {error.validator_value}")

    def _exclusiveMaximum(self, location: Location, error: ValidationError) -> Iterator[Problem]:
        yield self.record.problem(location, f"{error.instance} must be less than {error.validator_value}")

    # -- choices between subschemas ------------------------------------------------------

    def _choice(self, location: Location, error: ValidationError) -> Iterator[Problem]:
        # When the value matched one branch's shape and failed deeper inside it, that deeper
        # error is the useful one; otherwise say which kinds of value would do.
        from jsonschema.exceptions import best_match

        deepest = best_match(error.context) if error.context else None
        if deepest is not None and len(deepest.absolute_path) > len(location):
            yield from self.error(deepest)
            return
        options = []
        for branch in error.validator_value:
            if isinstance(branch, dict):
                text = branch.get("description") or branch.get("title")
                if not text and "const" in branch:
                    text = shown(branch["const"])
                if not text and "type" in branch:
                    text = TYPE_WORDS.get(str(branch["type"]), str(branch["type"]))
                if text:
                    options.append(text)
        message = "does not match any of the allowed forms"
        if options:
            message = "should be " + " or ".join(options)
        yield self.record.problem(location, message)

    def _fallback(self, location: Location, error: ValidationError) -> str:
        about = describe(self.schema, location).get("description")
        message = f"breaks the schema rule '{error.validator}'"
        return message + (f" ({about})" if about else "")


def names_a_term(error: ValidationError) -> bool:
    """A TODO where an id of the organisation's lists belongs: the rules say which ids to choose."""
    return (
        error.validator == "pattern"
        and error.validator_value == ID_PATTERN
        and error.instance == PLACEHOLDER
    )

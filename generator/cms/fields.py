"""A record schema as Decap CMS form fields, found by walking the JSON Schema.

Each property becomes one field, labelled with its schema title and hinted with its description;
the schema decides the widget, so a field added to a schema appears in the form with no change
here. Values that name a term of the organisation file (generator.check.rules
TAXONOMY_REFERENCES) are drop-downs of its terms, shown by name; fixed lists (`enum`) are
drop-downs of their values; dates are date pickers; objects and lists of objects are object and
list widgets. Text the site publishes as written (`x-public`) is marked so. The Welsh of a text
(`x-welsh-of`: `quote_cy` beside `quote`) is a field of its own, right after the English, shown only
when the site is published in Welsh too (`languages` includes cy in the organisation file).

Rules across fields (such as `outcome` only with `responded`) are not form rules: a field the
schema requires only on a condition is optional in the form, and the pull request's check says
which field to change.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.check.fields import ANY, Pattern, Schema, alternatives
from generator.cms.choices import Choice

Field = dict[str, Any]
DATE_FORMAT = "YYYY-MM-DD"  # as Decap's date picker writes it; the schemas' dates are ISO dates
PUBLISHED_LABEL = " (published)"
PUBLISHED_HINT = "Published on the site as written. "
_TERMS_SENTENCE = re.compile(r"(Each )?[Mm]ust be an id listed under [\w.]+ in organisation\.yaml\.")
WELSH_OF = "x-welsh-of"  # marks the Welsh of the field it names (generator.check.welsh)
HIDDEN = frozenset({"id"})  # given when the record is first saved (see candour-admin.js)


@dataclass(frozen=True)
class FormContext:
    """What decides a field's widget besides its schema: the drop-downs' terms."""

    root: Schema  # the kind's whole schema, for `$ref`
    taxonomy_fields: Mapping[Pattern, list[Choice]]  # field pattern -> the taxonomy's terms
    # A table keyed by ids (a history record's rows, a service area's customers per year): field
    # pattern -> the keys it may have, each a field of the form. Without, a fixed list of keys
    # (propertyNames' enum) is used.
    table_keys: Mapping[Pattern, list[Choice]] = field(default_factory=dict)
    welsh: bool = False  # the site is published in Welsh too: the Welsh of each text is a field


def form_fields(schema: Schema, context: FormContext, pattern: Pattern = (), optional: bool = False
                ) -> list[Field]:
    """The fields of an object schema, in the schema's order.

    In an `optional` object (a section the record may leave out) no field is required by the
    form: Decap would otherwise refuse to save a record without the section. The schema still
    requires them once the section is filled in, and validate says so on the pull request."""
    properties, required = _properties(schema, context.root)
    conditions = _conditions(schema)
    fields = []
    for name, property_schema in properties.items():
        if WELSH_OF in property_schema and not context.welsh:
            continue  # a Welsh version, asked for only when the site is in Welsh
        field = _field(name, property_schema, context, (*pattern, name), name in required and not optional)
        if name in conditions and not field["required"]:
            field["hint"] = f"{field.get('hint', '')} Needed {conditions[name]}.".strip()
        fields.append(field)
    return fields


def _conditions(schema: Schema) -> dict[str, str]:
    """Fields the schema requires only on a condition (allOf: if ... then required), with it in
    words: 'when kind is complaint and disposition is accepted'."""
    found: dict[str, str] = {}
    for part in schema.get("allOf", ()):
        when = part.get("if", {}).get("properties", {}) if isinstance(part, dict) else {}
        values = [f"{name} is {rule['const']}".replace("is True", "is true").replace("is False", "is false")
                  for name, rule in when.items() if isinstance(rule, dict) and "const" in rule]
        if not values:
            continue
        for name in part.get("then", {}).get("required", ()):
            found.setdefault(name, "when " + " and ".join(values))
    return found


def _properties(schema: Schema, root: Schema) -> tuple[dict[str, Schema], set[str]]:
    """Every property an object may have (those in allOf branches too) and those always required."""
    properties: dict[str, Schema] = {}
    required: set[str] = set()
    for index, each in enumerate(alternatives(schema, root)):
        for name, property_schema in each.get("properties", {}).items():
            properties.setdefault(name, property_schema)
        if index == 0:
            required = set(each.get("required", ()))
    return properties, required


def _resolved(schema: Schema, root: Schema) -> Schema:
    return next(alternatives(schema, root), {})


def _field(name: str, schema: Schema, context: FormContext, pattern: Pattern, required: bool) -> Field:
    schema = _resolved(schema, context.root)
    public = bool(schema.get("x-public"))
    field: Field = {
        "name": name,
        "label": str(schema.get("title") or name) + (PUBLISHED_LABEL if public else ""),
        "required": required and name not in HIDDEN,
    }
    hint = (PUBLISHED_HINT if public else "") + str(schema.get("description") or "")
    if hint:
        field["hint"] = hint.strip()
    if pattern == ("id",):
        return {**field, "widget": "hidden"}
    widget = _widget(schema, context, pattern, field["required"])
    if widget["widget"] == "select" and "hint" in field:
        # The drop-down already offers only the organisation's terms, by name.
        field["hint"] = _TERMS_SENTENCE.sub("Choose from the list, kept in records/organisation.yaml.",
                                            field["hint"])
    return {**field, **widget}


def _widget(schema: Schema, context: FormContext, pattern: Pattern, required: bool = True) -> Field:
    """The widget and its options for one value."""
    choices = _choices(schema, context, pattern)
    if choices is not None:
        return _select(choices)
    kind = _type(schema)
    if kind == "array":
        return _list(schema, context, pattern)
    if kind == "object" and not schema.get("properties") and isinstance(schema.get("additionalProperties"),
                                                                        dict):
        return _table(schema, context, pattern)
    if kind == "object":
        return {"widget": "object", "collapsed": True,
                "fields": form_fields(schema, context, pattern, optional=not required)}
    if kind == "boolean":
        return {"widget": "boolean"}
    if kind in ("integer", "number"):
        number: Field = {"widget": "number", "value_type": "int" if kind == "integer" else "float"}
        if "minimum" in schema:
            number["min"] = schema["minimum"]
        if "maximum" in schema:
            number["max"] = schema["maximum"]
        return number
    if schema.get("format") == "date":
        # Decap writes the date in `format`; picker_utc keeps the day the officer picked in any time zone.
        return {"widget": "datetime", "format": DATE_FORMAT, "date_format": DATE_FORMAT,
                "time_format": False, "picker_utc": True}
    text: Field = {"widget": "text" if schema.get("x-free-text") else "string"}
    if isinstance(schema.get("pattern"), str):
        text["pattern"] = [schema["pattern"], "Not written as the note under the field describes"]
    return text


def _table(schema: Schema, context: FormContext, pattern: Pattern) -> Field:
    """A table keyed by ids as an object with a field for each key it may have, labelled by the
    term's name: Decap has no widget for a mapping of any keys. A key left empty is left out."""
    keys = context.table_keys.get(pattern)
    names = (schema.get("propertyNames") or {}).get("enum")
    if keys is None and isinstance(names, list):
        keys = [Choice(str(name), _spoken(str(name))) for name in names]
    if not keys:
        return {"widget": "hidden"}  # keys the form cannot know: kept as the file has them
    value = _resolved(schema["additionalProperties"], context.root)
    fields = [{"name": key.value, "label": key.label, "required": False,
               **_widget(value, context, (*pattern, key.value), required=False)} for key in keys]
    return {"widget": "object", "collapsed": True, "fields": fields}


def _type(schema: Schema) -> str | None:
    kind = schema.get("type")
    if isinstance(kind, list):  # ["integer", "null"]: the form writes the value or leaves it out
        kind = next((each for each in kind if each != "null"), None)
    return kind if isinstance(kind, str) else None


def _choices(schema: Schema, context: FormContext, pattern: Pattern) -> list[Choice] | None:
    """The values a drop-down offers: the taxonomy's terms, kept to the schema's enum if it has one."""
    terms = context.taxonomy_fields.get(pattern)
    enum = schema.get("enum")
    if terms and isinstance(enum, list):
        return [term for term in terms if term.value in enum]
    if terms:
        return terms
    if isinstance(enum, list) and all(isinstance(value, str) for value in enum):
        return [Choice(value, _spoken(value)) for value in enum]
    return None


def _spoken(value: str) -> str:
    """'partially-upheld' -> 'Partially upheld': a fixed value as a label."""
    words = value.replace("-", " ").replace("_", " ")
    return words[:1].upper() + words[1:]


def _select(choices: list[Choice], multiple: bool = False) -> Field:
    field: Field = {"widget": "select", "options": [{"label": c.label, "value": c.value} for c in choices]}
    if multiple:
        field["multiple"] = True
    return field


def _list(schema: Schema, context: FormContext, pattern: Pattern) -> Field:
    items = _resolved(schema.get("items") or {}, context.root)
    item_pattern = (*pattern, ANY)
    choices = _choices(items, context, item_pattern)
    if choices is not None:
        return _select(choices, multiple=True)
    field: Field = {"widget": "list"}
    if _type(items) == "object":
        field["fields"] = form_fields(items, context, item_pattern)  # an item is there only once added
    else:
        item = _widget(items, context, item_pattern)
        field["field"] = {"name": pattern[-1], "label": str(items.get("title") or schema.get("title")
                                                             or pattern[-1]), **item}
    if isinstance(schema.get("minItems"), int) and schema["minItems"] > 0:
        field["min"] = schema["minItems"]
    return field

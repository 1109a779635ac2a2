"""Find fields by what the schema says about them, so lists of fields live in the schemas only.

A field pattern is a tuple of keys, with `*` for any list item or any key of a mapping:
`('stages', '*', 'extension', 'reason')`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from generator.load import Location

ANY = "*"
Pattern = tuple[str, ...]
Schema = dict[str, Any]

# Keywords whose subschemas describe the same value as their parent.
_SAME_VALUE = ("allOf", "anyOf", "oneOf")
_BRANCHES = ("then", "else")
_MAX_DEPTH = 40


def _resolve(schema: Any, root: Schema) -> Any:
    """Follow a local `$ref` (`#/$defs/name`); other schemas are returned as they are."""
    seen = 0
    while isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and seen < 10:
        reference = schema["$ref"]
        if not reference.startswith("#/"):
            break
        target: Any = root
        for part in reference[2:].split("/"):
            target = target.get(part) if isinstance(target, dict) else None
        if target is None:
            break
        schema = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
        seen += 1
    return schema


def alternatives(schema: Any, root: Schema) -> Iterator[Schema]:
    """The schema and every subschema that applies to the same value (allOf, then, ...)."""
    schema = _resolve(schema, root)
    if not isinstance(schema, dict):
        return
    yield schema
    for keyword in _SAME_VALUE:
        for branch in schema.get(keyword, ()):
            yield from alternatives(branch, root)
    for keyword in _BRANCHES:
        if keyword in schema:
            yield from alternatives(schema[keyword], root)


def children(schema: Any, root: Schema, step: str | int) -> Iterator[Schema]:
    """Subschemas for the value one step below: a property, a list item or any key."""
    for each in alternatives(schema, root):
        if (isinstance(step, int) or step == ANY) and isinstance(each.get("items"), dict):
            yield from alternatives(each["items"], root)
        if isinstance(step, str):
            properties = each.get("properties", {})
            names = properties if step == ANY else ([step] if step in properties else [])
            for name in names:
                yield from alternatives(properties[name], root)
            extra = each.get("additionalProperties")
            if isinstance(extra, dict) and (step == ANY or step not in properties):
                yield from alternatives(extra, root)


def field_patterns(schema: Schema, wanted: Callable[[Schema], bool]) -> list[Pattern]:
    """Every field pattern whose schema satisfies `wanted` (for example `x-free-text: true`)."""
    found: list[Pattern] = []

    def visit(node: Any, pattern: Pattern) -> None:
        if len(pattern) > _MAX_DEPTH:
            return
        for each in alternatives(node, schema):
            if wanted(each) and pattern not in found:
                found.append(pattern)
            for name, child in each.get("properties", {}).items():
                visit(child, (*pattern, name))
            if isinstance(each.get("additionalProperties"), dict):
                visit(each["additionalProperties"], (*pattern, ANY))
            if isinstance(each.get("items"), dict):
                visit(each["items"], (*pattern, ANY))

    visit(schema, ())
    return found


def values_at(values: Any, pattern: Pattern, location: Location = ()) -> Iterator[tuple[Location, Any]]:
    """Each (location, value) in a record that matches a field pattern."""
    if not pattern:
        yield location, values
        return
    step, rest = pattern[0], pattern[1:]
    if step == ANY:
        if isinstance(values, list):
            for index, item in enumerate(values):
                yield from values_at(item, rest, (*location, index))
        elif isinstance(values, dict):
            for key, item in values.items():
                yield from values_at(item, rest, (*location, key))
    elif isinstance(values, dict) and step in values:
        yield from values_at(values[step], rest, (*location, step))


def describe(schema: Schema, location: Location) -> Schema:
    """The first subschema with a description for the field at `location` ({} when none)."""
    nodes: list[Any] = [schema]
    for step in location:
        nodes = [child for node in nodes for child in children(node, schema, step)]
    for node in nodes:
        for each in alternatives(node, schema):
            if each.get("description") or each.get("title"):
                return each
    return {}

"""YAML text to plain values, strictly: no duplicate keys, no anchors or aliases, no tags, dates
kept as the text the officer wrote; and the line and column of every value, worked out only for a
file that has a problem, by composing its node tree again.

Parsing uses PyYAML's C loader."""

from __future__ import annotations

import contextlib
import math
import re
import sys
from collections.abc import Callable
from typing import Any, ClassVar

import yaml

from generator.problems import Problem

Location = tuple[str | int, ...]
_PLAIN_KEY = re.compile(r"[a-z][a-z0-9_]{0,39}|\d{4}-\d{2}")


class _RecordLoader(yaml.CSafeLoader):
    """The C loader, made strict: no duplicate keys, no aliases, dates kept as text."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # A node constructed before is reached again only through an alias (*name).
        if node in self.constructed_objects:
            raise yaml.constructor.ConstructorError(
                None, None, "anchors and aliases (& and *) are not allowed in records",
                node.start_mark,
            )
        return super().construct_object(node, deep)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        # Field names are kept as the officer wrote them: `2019:` and `yes:` stay text, as JSON
        # and the schemas expect, and an unknown one is reported by name at its own position.
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise yaml.constructor.ConstructorError(
                    None, None, "a field name must be a word, not a list or block", key_node.start_mark
                )
            # Built only for its errors (a tag, a merge key `<<`), then forgotten so it is not an alias.
            with contextlib.suppress(NumberRefused):  # a field name stays text, whatever number it looks like
                self.construct_object(key_node, deep=True)
            self.constructed_objects.pop(key_node, None)
            key = key_node.value
            if key in mapping:
                # Named only when it is a plain field name: a key may hold anything, personal data too.
                named = f"the field '{key}'" if _PLAIN_KEY.fullmatch(key) else "this field"
                raise yaml.constructor.ConstructorError(
                    None, None, f"{named} is given twice in the same block: keep one", key_node.start_mark,
                )
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


class NumberRefused(yaml.constructor.ConstructorError):
    """A number no record can hold: not finite (`.nan`, `.inf`, `1.0e+309`), or with more digits
    than any figure has (a 5000-digit number cannot even be turned into text by Python)."""

    def __init__(self, node: yaml.ScalarNode, value: float | None = None) -> None:
        written = node.value if len(node.value) <= 24 else node.value[:20] + "…"
        if value is None:
            why = f"has more digits than any figure in a record (at most {MAX_DIGITS})"
        elif math.isnan(value):
            why = "is not a number"
        else:
            why = "is infinite, or too large for a number"
        super().__init__(None, None, f"{written} {why}: write the figure in digits, such as 12 or 1250.50",
                         node.start_mark)


MAX_DIGITS = 18  # digits of a number as written: past a billion billion, no figure of a council


def checked_number(node: yaml.ScalarNode, make: Callable[[yaml.ScalarNode], Any]) -> Any:
    """The number a scalar node holds, or NumberRefused; its digits are counted before it is made."""
    if sum(character.isdigit() for character in node.value) > MAX_DIGITS:
        raise NumberRefused(node)
    value = make(node)
    if isinstance(value, float) and not math.isfinite(value):
        raise NumberRefused(node, value)
    return value


_RecordLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)
_RecordLoader.add_constructor(
    "tag:yaml.org,2002:int", lambda loader, node: checked_number(node, loader.construct_yaml_int)
)
_RecordLoader.add_constructor(
    "tag:yaml.org,2002:float", lambda loader, node: checked_number(node, loader.construct_yaml_float)
)


class _NotPlain(Exception):
    """The file uses something only the strict loader handles (or reports): read it that way."""


# Text that may hold an anchor, alias, tag or merge key: only the strict loader reads it.
_STRICT_ONLY = ("&", "*", "!", "<<")
_STR = "tag:yaml.org,2002:str"
_SHARED_UP_TO = 48  # shorter values are shared between records: a service area is stored once
_REMEMBERED_TAGS = 20_000  # dates and slugs repeat; ids do not, and must not fill memory
_KEY_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
)


class _PlainLoader(yaml.CSafeLoader):
    """The C composer with each plain scalar's type remembered: records repeat the same few values."""

    _tags: ClassVar[dict[str, str]] = {}

    def resolve(self, kind: type, value: str | None, implicit: tuple[bool, bool]) -> str:
        if kind is not yaml.ScalarNode or not implicit[0]:
            return super().resolve(kind, value, implicit)
        tag = self._tags.get(value)  # type: ignore[arg-type]
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(value or "") <= _SHARED_UP_TO and len(self._tags) < _REMEMBERED_TAGS:
                self._tags[value] = tag  # type: ignore[index]
        return tag


_constructor = yaml.constructor.SafeConstructor()
_SCALARS = {
    "tag:yaml.org,2002:bool": lambda node: _constructor.bool_values[node.value.lower()],
    "tag:yaml.org,2002:null": lambda node: None,
    "tag:yaml.org,2002:int": lambda node: checked_number(node, _constructor.construct_yaml_int),
    "tag:yaml.org,2002:float": lambda node: checked_number(node, _constructor.construct_yaml_float),
    "tag:yaml.org,2002:timestamp": lambda node: node.value,  # dates stay as written
}


def _plain(node: yaml.Node) -> Any:
    """A composed node as plain values, as the strict loader would give them, or _NotPlain."""
    if type(node) is yaml.ScalarNode:
        if node.tag == _STR:
            value = node.value
            return sys.intern(value) if len(value) <= _SHARED_UP_TO else value
        make = _SCALARS.get(node.tag)
        if make is None:
            raise _NotPlain
        return make(node)
    if type(node) is yaml.SequenceNode:
        return [_plain(item) for item in node.value]
    if type(node) is not yaml.MappingNode:
        raise _NotPlain
    mapping = {}
    for key_node, value_node in node.value:
        if type(key_node) is not yaml.ScalarNode or key_node.tag not in _KEY_TAGS:
            raise _NotPlain
        mapping[sys.intern(key_node.value)] = _plain(value_node)
    if len(mapping) != len(node.value):
        raise _NotPlain  # a field given twice: the strict loader says which
    return mapping


def parse_record(text: str) -> Any:
    """The values of a record's text, as the strict loader gives them; its errors are its own.

    Most files take a quicker road: the C composer's node tree turned straight into values (a
    third of the time of PyYAML's constructor). Anything unusual goes the strict loader's way."""
    if not any(mark in text for mark in _STRICT_ONLY):
        try:
            return _plain(yaml.compose(text, Loader=_PlainLoader))
        except (_NotPlain, yaml.YAMLError, RecursionError):
            pass
    values = yaml.load(text, Loader=_RecordLoader)
    if "&" in text:
        _refuse_anchors(text)
    return values


def _refuse_anchors(text: str) -> None:
    """An anchor (&name) is refused even when no alias uses it: the loader sees only aliases."""
    for token in yaml.scan(text, Loader=yaml.CSafeLoader):
        if isinstance(token, yaml.AnchorToken):
            raise yaml.constructor.ConstructorError(
                None, None, "anchors and aliases (& and *) are not allowed in records", token.start_mark)


def syntax_problem(shown: str, error: yaml.MarkedYAMLError, text: str) -> Problem:
    """The YAML parser's complaint, put as advice an officer can act on."""
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = error.problem or "cannot be read"
    context = error.context or ""
    found = text[mark.index] if mark and mark.index < len(text) else ""
    if found == "\t" or "tab" in problem or "\\t" in problem:
        advice = "a tab character is not allowed in YAML; indent with spaces"
    elif isinstance(error, NumberRefused) or "aliases" in problem or "given twice" in problem or (
            "field name" in problem):
        advice = problem
    elif "quoted scalar" in context and error.context_mark:
        # The end of the file is where the parser gave up; the open quote is where to look.
        line, column = error.context_mark.line + 1, error.context_mark.column + 1
        advice = "this quote is never closed: end the text with the same quote mark"
    elif "tag:yaml.org,2002:merge" in problem:
        advice = "a merge key (<<) is not allowed in records: write the fields out in full"
    elif "constructor for the tag" in problem:
        advice = "YAML tags (words starting ! or !!) are not allowed in records: remove the tag"
    elif "another document" in problem:
        advice = "a second YAML document starts here (a line '---'): a file holds one record"
    elif "nesting depth" in problem:
        advice = "is nested too deeply to be a record"
    elif "mapping values are not allowed" in problem:
        advice = ("a ':' appears where YAML does not expect one; put text containing ': ' in quotes,"
                  " or check the indentation of this line")
    elif "could not find expected ':'" in problem:
        advice = "a line is missing its ':' after the field name, or a quote is not closed"
    elif ("flow sequence" in context or "flow mapping" in context) and error.context_mark:
        line, column = error.context_mark.line + 1, error.context_mark.column + 1
        advice = "this list or block in brackets is not closed, or its items are not separated by commas"
    elif "block collection" in context or "block mapping" in context:
        advice = ("this line is not indented like the lines above it: line up the fields of one block "
                  "with the same number of spaces")
    else:
        advice = f"YAML syntax error: {problem}"
    return Problem(shown, line, column, "", advice)


def value_positions(text: str) -> dict[Location, tuple[int, int]]:
    """Map every value's location to its (line, column); keys are stored under `('@key',)`."""
    positions: dict[Location, tuple[int, int]] = {}
    try:
        root = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return positions
    if root is not None:
        _walk(root, (), positions, depth=0)
    return positions


def _walk(node: yaml.Node, location: Location, positions: dict[Location, tuple[int, int]],
          depth: int) -> None:
    if location not in positions:
        positions[location] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if depth > 50:
        return
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            positions[(*location, key, "@key")] = (
                key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            _walk(value_node, (*location, key), positions, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*location, index), positions, depth + 1)

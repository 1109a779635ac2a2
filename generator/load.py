"""Read record files: YAML to plain values, with the line and column of every value on demand.

Parsing uses PyYAML's C loader. Dates stay as the text the officer wrote (the schema checks
them), duplicate keys and aliases are refused, and positions are only worked out for a file that
has a problem, by composing its node tree again: clean files never pay for them.
"""

from __future__ import annotations

import gc
import hashlib
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml

from generator.problems import Problem

MAX_RECORD_BYTES = 256 * 1024

# The folder under records/ names the kind of record; the organisation file stands alone.
KIND_FOLDERS = {
    "cases": "case",
    "ombudsman": "ombudsman",
    "compliments": "compliment",
    "actions": "action",
    "history": "history",
}
ORGANISATION_FILE = "organisation.yaml"

Location = tuple[str | int, ...]
# A file's size, modification and change times and inode: how git's index tells it is unchanged.
Stamp = list[int]


def stamp_of(found: os.stat_result) -> Stamp:
    return [found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino]


class RecordError(Exception):
    """A file that cannot be read as a record at all; carries the problem to report."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


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
            self.construct_object(key_node, deep=True)
            self.constructed_objects.pop(key_node, None)
            key = key_node.value
            if key in mapping:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the field '{key}' is given twice in the same block: keep one",
                    key_node.start_mark,
                )
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


_RecordLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
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
    "tag:yaml.org,2002:int": _constructor.construct_yaml_int,
    "tag:yaml.org,2002:float": _constructor.construct_yaml_float,
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
    return yaml.load(text, Loader=_RecordLoader)


@dataclass
class RecordFile:
    """One record as read from disk: its kind, where it lives, and its values."""

    path: Path
    shown_as: str
    kind: str
    text: str
    values: Any
    _positions: dict[Location, tuple[int, int]] | None = field(default=None, repr=False)
    stamp: Stamp | None = field(default=None, repr=False, compare=False)  # taken before it was read

    @property
    def file_name(self) -> str:
        """The file's name: `path` may be text (a Path per record costs a check at 50,000 records)."""
        return os.path.basename(self.path)

    @property
    def file_stem(self) -> str:
        return os.path.splitext(self.file_name)[0]

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def position(self, location: Location) -> tuple[int, int]:
        """Line and column (1-based) of the value at `location`, or of its nearest parent."""
        if self._positions is None:
            self._positions = value_positions(self.text)
        for end in range(len(location), -1, -1):
            found = self._positions.get(tuple(location[:end]))
            if found:
                return found
        return (1, 1)

    def problem(self, location: Location, message: str, *, key: bool = False) -> Problem:
        """A problem at `location`; with `key`, at the key's own position (for unknown keys)."""
        from generator.problems import field_name

        line, column = self.position(location + (("@key",) if key else ()))
        return Problem(self.shown_as, line, column, field_name(location), message)


def kind_of(path: Path, records_root: Path) -> str | None:
    """The kind of record a path holds, from where it sits under records/."""
    try:
        relative = path.resolve().relative_to(records_root.resolve())
    except ValueError:
        return None
    if relative.parts == (ORGANISATION_FILE,):
        return "organisation"
    if len(relative.parts) >= 2 and relative.suffix == ".yaml":
        return KIND_FOLDERS.get(relative.parts[0])
    return None


def read_record(path: Path | str, records_root: Path, shown_as: str | None = None, kind: str | None = None
                ) -> RecordFile:
    """Read and parse one record file, or raise RecordError saying what is wrong with it.

    `kind`, when the caller already knows it from the folder, saves resolving the path again."""
    shown = shown_as or str(path)
    kind = kind or kind_of(Path(path), records_root) or "unknown"
    text, stamp = _read_text(path, shown)
    try:
        values = parse_record(text)
    except yaml.MarkedYAMLError as error:
        raise RecordError(_syntax_problem(shown, error, text)) from None
    except yaml.YAMLError as error:
        raise RecordError(Problem(shown, 1, 1, "", f"cannot be read as YAML: {error}")) from None
    except RecursionError:
        raise RecordError(Problem(shown, 1, 1, "", "is nested too deeply to be a record")) from None
    if values is None:
        raise RecordError(Problem(shown, 1, 1, "", "is empty; a record needs at least an id"))
    if not isinstance(values, dict):
        raise RecordError(
            Problem(shown, 1, 1, "", "must be a set of 'field: value' lines, not a single value or list")
        )
    return RecordFile(path, shown, kind, text, values, stamp=stamp)  # type: ignore[arg-type]


def _read_text(path: Path | str, shown: str) -> tuple[str, Stamp]:
    try:
        found = os.stat(path)
        size = found.st_size
        if size > MAX_RECORD_BYTES:
            raise RecordError(Problem(
                shown, 1, 1, "",
                f"is {size // 1024} KiB; a record may be at most {MAX_RECORD_BYTES // 1024} KiB",
            ))
        with open(path, "rb") as file:
            raw = file.read()
    except OSError as error:
        raise RecordError(Problem(shown, 1, 1, "", f"cannot be opened: {error.strerror}")) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raise RecordError(Problem(
            shown, 1, 1, "",
            "starts with a byte-order mark; save it as UTF-8 without BOM (most editors offer this)",
        ))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise RecordError(Problem(
            shown, line, column, "", "is not UTF-8 text; save it with UTF-8 encoding"
        )) from None
    if "\x00" in text:
        raise RecordError(Problem(shown, 1, 1, "", "holds a NUL byte; a record is plain text"))
    return text, stamp_of(found)


def _syntax_problem(shown: str, error: yaml.MarkedYAMLError, text: str) -> Problem:
    """The YAML parser's complaint, put as advice an officer can act on."""
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = error.problem or "cannot be read"
    context = error.context or ""
    found = text[mark.index] if mark and mark.index < len(text) else ""
    if found == "\t" or "tab" in problem or "\\t" in problem:
        advice = "a tab character is not allowed in YAML; indent with spaces"
    elif "aliases" in problem or "given twice" in problem or "field name" in problem:
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


@contextmanager
def collection_paused() -> Iterator[None]:
    """Reading many records makes millions of small objects and no reference cycles: Python's cycle
    collector would walk all of them again and again for nothing (a tenth of a check's time)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def record_paths(records_root: Path) -> Iterator[Path]:
    """Every record file under records/, in a stable order."""
    yield from (Path(path) for path in scan_records(records_root)[0])


@dataclass
class RecordFolder:
    """A folder holding record files: where it is, where below records/ ('' for records/ itself,
    parts joined by '/'), the kind of its records, and its record files' names in order."""

    path: str
    below: str
    kind: str
    names: list[str]

    def paths(self) -> list[str]:
        folder = self.path + os.sep  # as text: os.path.join costs tenths of a second at 300,000 files
        return [folder + name for name in self.names]


def scan_folders(records_root: Path) -> tuple[list[RecordFolder], list[tuple[str, bool]]]:
    """The folders of record files in a stable order (the organisation file's first), and every
    other entry below records/ with whether it is a file. One walk, a folder at a time, and no Path
    objects: at 50,000 records, any work for each file shows in a warm check's time."""
    root = str(records_root)
    has_organisation = (records_root / ORGANISATION_FILE).exists()
    folders = [RecordFolder(root, "", "organisation", [ORGANISATION_FILE])] if has_organisation else []
    found: list[tuple[tuple[str, ...], RecordFolder]] = []
    others: list[tuple[tuple[str, ...], str, bool]] = []
    waiting: list[tuple[str, tuple[str, ...]]] = [(root, ())]
    while waiting:
        path, parts = waiting.pop()
        try:
            with os.scandir(path) as entries:
                here = list(entries)
        except OSError:
            continue
        kind = KIND_FOLDERS.get(parts[0], "") if parts else ""
        names = []
        for entry in here:
            if kind and entry.name.endswith(".yaml"):
                names.append(entry.name)
                continue
            if parts or entry.name != ORGANISATION_FILE or not has_organisation:
                others.append(((*parts, entry.name), entry.path, entry.is_file()))
            if entry.is_dir() and not entry.is_symlink():  # as Path.rglob walks: links to folders not entered
                waiting.append((entry.path, (*parts, entry.name)))
        if names:
            found.append((parts, RecordFolder(path, "/".join(parts), kind, sorted(names))))
    folders += [folder for _, folder in sorted(found, key=lambda pair: pair[0])]
    return folders, [(path, is_file) for _, path, is_file in sorted(others)]


def scan_records(records_root: Path) -> tuple[list[str], list[tuple[str, bool]]]:
    """The record files in a stable order, and every other entry below records/ (see `scan_folders`)."""
    folders, others = scan_folders(records_root)
    return [path for folder in folders for path in folder.paths()], others


def read_all(paths: Iterable[Path], records_root: Path, shown_from: Path
             ) -> tuple[list[RecordFile], list[Problem]]:
    """Read many files; a file that cannot be read becomes a problem, the rest go on."""
    records: list[RecordFile] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            shown = str(path.resolve().relative_to(shown_from.resolve()))
        except ValueError:
            shown = str(path)
        try:
            records.append(read_record(path, records_root, shown))
        except RecordError as error:
            problems.append(error.problem)
    return records, problems

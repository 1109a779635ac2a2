"""`candour new KIND`: start a new record with the next free id, every field explained.

Every required field is written out with a comment from its schema description. Where the
officer must choose a value it says TODO, which `candour validate` refuses until it is filled
in. An existing file is never overwritten.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
import threading
from datetime import date
from pathlib import Path

from generator.check import RECORDS, schemas_folder
from generator.check.council import RECORDED_FIELDS
from generator.check.fields import Schema, alternatives
from generator.check.identity import ID_DIGITS, highest_number
from generator.check.rules import FOLDER_DATE, ID_PREFIX, TAXONOMY_REFERENCES, Taxonomy
from generator.check.schema_files import PLACEHOLDER
from generator.check.welsh import MARK as WELSH_OF
from generator.check.welsh import WELSH
from generator.commands.new_statistics import statistics_path, statistics_text
from generator.commands.validate import find_root
from generator.load import KIND_FOLDERS, ORGANISATION_FILE, RecordError, read_record
from generator.ombudsman_published import KIND as STATISTICS
from generator.years import reporting_year, year_start

KINDS = ("case", "ombudsman", "compliment", "action", "ombudsman-statistics")
FOLDERS = {kind: folder for folder, kind in KIND_FOLDERS.items()}
WIDTH = 96
LONGEST_LIST = 15  # longer lists of ids are left to the organisation file
ATTEMPTS = 1000  # ids tried past the next free one, when others are taken at the same moment
EARLIEST_YEAR = 1990  # social services complaints procedures date from the NHS and Community Care Act 1990


class NewRecordError(Exception):
    """Why a record could not be started, in words for the officer."""


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "new",
        help="start a new record with the next free id",
        description="Write a new record with the next free id in the right year folder. Fill in "
        "every TODO, then run candour validate. Never overwrites a file.",
    )
    command.add_argument("kind", choices=KINDS, help="the kind of record")
    command.add_argument(
        "--year", help="the reporting year, such as 2019-20 (default: from --received, else this year)"
    )
    command.add_argument("--received", help="the date received (raised, for an action), YYYY-MM-DD")
    command.add_argument("--root", type=Path, default=None, help="the repository's top folder")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    root = args.root.resolve() if args.root else find_root(Path.cwd())
    try:
        path = create(root, args.kind, year=args.year, received=args.received)
    except NewRecordError as error:
        print(f"candour new: {error}", file=sys.stderr)
        return 1
    try:
        print(path.relative_to(Path.cwd().resolve()))
    except ValueError:
        print(path)
    return 0


def create(
    root: Path, kind: str, *, year: str | None = None, received: str | None = None, today: date | None = None
) -> Path:
    """Write the new record and return its path; raises NewRecordError to explain a refusal."""
    if not (root / RECORDS).is_dir():
        raise NewRecordError(
            f"there is no records/ folder in {root}; run it from the repository's top folder"
        )
    when, label = _date_and_year(year, received, today or date.today())
    if kind == STATISTICS:  # one a year, named for it: no id to number
        return _new_statistics(root, label)
    kind_folder = root / RECORDS / FOLDERS[kind]
    folder = kind_folder / label
    schema, taxonomy = _schema(root, kind), _taxonomy(root)
    folder.mkdir(parents=True, exist_ok=True)
    first = next_id(kind_folder, kind, label)
    prefix, number = first[:-ID_DIGITS[kind]], int(first[-ID_DIGITS[kind]:])
    # Another `candour new` may take the same id at the same moment: the file is made whole and put
    # in place only if no file has that name (a hard link does both at once), else the next id is tried.
    for attempt in range(ATTEMPTS):
        record_id = f"{prefix}{number + attempt:0{ID_DIGITS[kind]}d}"
        if any(kind_folder.glob(f"*/{record_id}.yaml")):
            continue  # that id is in another year's folder: ids are unique across the kind
        path = folder / f"{record_id}.yaml"
        if _put_in_place(path, scaffold(kind, record_id, when, schema, taxonomy)):
            return path
    raise NewRecordError(f"no free id found after {first} in {ATTEMPTS} tries; nothing has been written")


def _new_statistics(root: Path, year: str) -> Path:
    path = statistics_path(root, year)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not _put_in_place(path, statistics_text(year, _schema(root, STATISTICS), _taxonomy(root))):
        raise NewRecordError(f"{path.relative_to(root)} is there already: the ombudsman's figures for "
                             f"{year} are one record; edit it, nothing has been written")
    return path


def _put_in_place(path: Path, text: str) -> bool:
    """Write the record at `path` unless a file is there already; never overwrite, never leave
    half a record for another reader to see."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.partial")
    try:
        partial.write_text(text, encoding="utf-8")
        try:
            os.link(partial, path)
            return True
        except FileExistsError:
            return False
        except OSError:  # a file system without hard links: create it exclusively instead
            try:
                with path.open("x", encoding="utf-8") as out:
                    out.write(text)
            except FileExistsError:
                return False
            return True
    finally:
        partial.unlink(missing_ok=True)


def _date_and_year(year: str | None, received: str | None, today: date) -> tuple[date | None, str]:
    when = None
    if received is not None:
        try:
            when = date.fromisoformat(received)
        except ValueError:
            raise NewRecordError(f"--received {received!r} is not a date written YYYY-MM-DD") from None
    if year is not None:
        try:
            year_start(year)
        except ValueError as error:
            raise NewRecordError(str(error)) from None
        current = reporting_year(today)
        if year_start(year) > year_start(current):
            raise NewRecordError(
                f"{year} has not begun (this reporting year is {current}): give a year that has")
        if year_start(year) < EARLIEST_YEAR:
            raise NewRecordError(
                f"{year} is before {EARLIEST_YEAR}: give the reporting year the record belongs to")
        if when is not None and reporting_year(when) != year:
            raise NewRecordError(f"{when} falls in the reporting year {reporting_year(when)}, not {year}")
        return when, year
    return when, reporting_year(when or today)


def next_id(kind_folder: Path, kind: str, label: str) -> str:
    """One more than the highest id of the year, looking in every year folder of the kind."""
    number = highest_number(kind_folder, kind, label) + 1
    return f"{ID_PREFIX[kind]}-{year_start(label)}-{number:0{ID_DIGITS[kind]}d}"


def _schema(root: Path, kind: str) -> Schema:
    path = schemas_folder(root) / f"{kind}.schema.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise NewRecordError(f"cannot read the schema {path}: {error}") from None


def _taxonomy(root: Path) -> Taxonomy | None:
    try:
        record = read_record(root / RECORDS / ORGANISATION_FILE, root / RECORDS)
    except RecordError:
        return None
    return Taxonomy.from_values(record.values)


# -- writing the record -------------------------------------------------------------------------


def scaffold(kind: str, record_id: str, when: date | None, schema: Schema, taxonomy: Taxonomy | None) -> str:
    """The text of a new record: required fields to fill in, optional ones as comments."""
    writer = _Writer(kind, schema, taxonomy)
    lines = [
        f"# A new {kind} record, started by `candour new {kind}`.",
        f"# Replace every {PLACEHOLDER}, then run `candour validate {RECORDS}/{FOLDERS[kind]}/`.",
        "# Lines starting with # are notes; optional fields are shown as notes: remove the # to use one.",
        "# Never write names, addresses, phone numbers or other personal details.",
        "",
    ]
    fixed = {"id": record_id, FOLDER_DATE[kind]: when.isoformat() if when else PLACEHOLDER}
    lines += writer.mapping(schema, (), 0, fixed)
    return "\n".join(lines) + "\n"


class _Writer:
    def __init__(self, kind: str, schema: Schema, taxonomy: Taxonomy | None) -> None:
        self.kind = kind
        self.schema = schema
        self.taxonomy = taxonomy
        self.welsh = taxonomy is not None and WELSH in taxonomy.languages  # the site is in Welsh too

    def mapping(
        self, schema: Schema, pattern: tuple[str, ...], indent: int, fixed: dict[str, str] | None = None
    ) -> list[str]:
        properties, required, conditional = self._fields(schema)
        lines: list[str] = []
        for name, field_schema in properties.items():
            if name in ("privacy_accepted", "source_ref", "import_digest"):  # written by candour itself
                continue
            english = field_schema.get(WELSH_OF)
            if isinstance(english, str) and not self.welsh:
                continue  # the Welsh of a text, for a council publishing in Welsh only
            if isinstance(english, str):  # wanted as its English is, on the same condition
                required, conditional = _as_english(name, english, required, conditional)
            wanted = name in required or name in conditional
            lines += self._comment(
                field_schema, indent, conditional.get(name) if name not in required else None
            )
            choices = self.choices((*pattern, name)) or self.choices((*pattern, name, "*"))
            if choices and len(choices) <= LONGEST_LIST:
                lines += _note(f"one of: {', '.join(choices)}", indent)
            if fixed and name in fixed:
                lines.append(" " * indent + f"{name}: {fixed[name]}")
            elif wanted:
                lines += self.value(name, field_schema, (*pattern, name), indent)
            else:
                lines.append(" " * indent + f"# {name}: {self._hint(field_schema)}")
        return lines

    def _fields(self, schema: Schema) -> tuple[dict[str, Schema], set[str], dict[str, str]]:
        """Properties, those always required, and those required on a condition (with it)."""
        properties: dict[str, Schema] = {}
        required: set[str] = set()
        conditional: dict[str, str] = {}
        forbidden: set[str] = set()
        for each in alternatives(schema, self.schema):
            properties.update({k: v for k, v in each.get("properties", {}).items() if k not in properties})
            if each is schema:
                required |= set(each.get("required", ()))
        for part in schema.get("allOf", ()):
            condition = _condition(part.get("if", {}))
            then = part.get("then", {})
            for name in then.get("required", ()):
                conditional.setdefault(name, condition)
            if schema is self.schema and "service_area" in then.get("required", ()):
                # Required with the service area, when the council records them (check.council).
                for name in RECORDED_FIELDS:
                    if self.taxonomy is None or name in self.taxonomy.recorded:
                        conditional.setdefault(name, condition)
            forbidden |= set(part.get("else", {}).get("not", {}).get("required", ()))
        # A field only allowed on a condition is left as a note rather than a TODO.
        conditional = {k: v for k, v in conditional.items() if k not in forbidden}
        return properties, required, conditional

    def _comment(self, schema: Schema, indent: int, condition: str | None) -> list[str]:
        text = schema.get("description") or schema.get("title") or ""
        if schema.get("title") and schema.get("description"):
            text = f"{schema['title']}: {schema['description']}"
        if condition:
            text += f" Needed when {condition}."
        return _note(text, indent)

    def value(self, name: str, schema: Schema, pattern: tuple[str, ...], indent: int) -> list[str]:
        pad = " " * indent
        kinds = _types(schema)
        if "object" in kinds:
            return [f"{pad}{name}:", *self.mapping(schema, pattern, indent + 2)]
        if "array" in kinds:
            items = schema.get("items", {})
            if "object" in _types(items):
                inner = self.mapping(items, (*pattern, "*"), indent + 4)
                return [f"{pad}{name}:", *self._as_list_item(inner, indent + 2)]
            return [f"{pad}{name}: [{self._scalar(items, (*pattern, '*'))}]"]
        return [f"{pad}{name}: {self._scalar(schema, pattern)}"]

    @staticmethod
    def _as_list_item(lines: list[str], indent: int) -> list[str]:
        """Turn the first field line of a block into a list item ('- ' in front)."""
        for index, line in enumerate(lines):
            if not line.lstrip().startswith("#"):
                lines[index] = " " * indent + "- " + line.lstrip()
                # The notes above the first field line up with the dash.
                lines[:index] = [" " * indent + note.lstrip() for note in lines[:index]]
                break
        return lines

    def _scalar(self, schema: Schema, pattern: tuple[str, ...]) -> str:
        if "const" in schema:
            return json.dumps(schema["const"])
        if pattern == ("stages", "*", "stage") and self.taxonomy and self.taxonomy.ids.get("stages"):
            return self.taxonomy.ids["stages"][0]  # a new case starts at the first stage
        return PLACEHOLDER

    def _hint(self, schema: Schema) -> str:
        kinds = _types(schema)
        if "enum" in schema:
            return " | ".join(str(choice) for choice in schema["enum"])
        if schema.get("format") == "date":
            return "YYYY-MM-DD"
        if "boolean" in kinds:
            return "true or false" + (
                f" (if left out: {json.dumps(schema['default'])})" if "default" in schema else ""
            )
        if "array" in kinds:
            return "[...]"
        if "object" in kinds:
            return "..."
        return "..."

    def choices(self, pattern: tuple[str, ...]) -> list[str]:
        for kind, reference, taxonomy in TAXONOMY_REFERENCES:
            if kind == self.kind and reference == pattern and self.taxonomy:
                return self.taxonomy.ids.get(taxonomy, [])
        return []


def _as_english(name: str, english: str, required: set[str], conditional: dict[str, str]
                ) -> tuple[set[str], dict[str, str]]:
    """The fields wanted, with the Welsh `name` wanted as its `english` is."""
    if english in required:
        return required | {name}, conditional
    if english in conditional:
        return required, {**conditional, name: conditional[english]}
    return required, conditional


def _note(text: str, indent: int) -> list[str]:
    """A comment wrapped to the page, never breaking an id at its hyphens."""
    pad = " " * indent
    return textwrap.wrap(
        text,
        WIDTH - indent,
        initial_indent=pad + "# ",
        subsequent_indent=pad + "#   ",
        break_on_hyphens=False,
    )


def _types(schema: Schema) -> set[str]:
    kinds = schema.get("type", [])
    found = set(kinds if isinstance(kinds, list) else [kinds])
    if "properties" in schema:
        found.add("object")
    return found


def _condition(schema: Schema) -> str:
    """`if` of an allOf part, in words: 'kind is complaint and disposition is accepted'."""
    parts = [
        f"{name} is {value['const']}"
        for name, value in schema.get("properties", {}).items()
        if isinstance(value, dict) and "const" in value
    ]
    text = " and ".join(parts) or "it applies"
    return text.replace(" is True", " is true").replace(" is False", " is false")

"""Each version of an action record that git holds, as the tracker may show it, or not at all.

A past version is published only if it would pass today's checks on its own: it must parse, fit
today's schema (so it can be typed) and pass the personal-data scan, honouring the record's own
`privacy_accepted` entries. Text an officer removed because it named someone is never brought back
by building the tracker as at an earlier date.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.githistory import FolderHistory, Version
from generator.model import Action, action_from

KIND = "action"


class VersionReader:
    """Reads, checks and types versions, each blob once (most versions recur across meetings)."""

    def __init__(self, history: FolderHistory) -> None:
        self.history = history
        self._typed: dict[str, Action | None] = {}
        self._checks: tuple[Any, Any] | None = None
        self._scanned: dict[str, frozenset[str]] = {}  # text -> the kinds of personal data found in it

    def action(self, version: Version) -> Action | None:
        """The version as an action, or None: deleted, unreadable, or failing today's checks."""
        if version.blob is None:
            return None
        if version.blob not in self._typed:
            self._typed[version.blob] = self._read(version)
        return self._typed[version.blob]

    def _read(self, version: Version) -> Action | None:
        from generator.load import RecordFile, parse_record

        text = self.history.text(version)
        if text is None:
            return None
        try:
            values = parse_record(text)
        except Exception:  # any text git holds: a version that cannot be read is not shown
            return None
        if not isinstance(values, dict):
            return None
        schema, fields = self._checkers()
        if schema is None:
            return None
        record = RecordFile(Path(version.path), version.path, KIND, text, values)
        if not schema.is_valid(record) or self._holds_personal_data(values, fields):
            return None
        try:
            return action_from(values, version.path)
        except (KeyError, TypeError, ValueError):
            return None

    def _checkers(self) -> tuple[Any, Any]:
        """Today's schema check and personal-data scan, built once, when a version is first read."""
        if self._checks is None:
            from generator.check import schemas_folder
            from generator.check.privacy import findings, free_text_fields
            from generator.check.schema import SchemaCheck
            from generator.check.schema_files import load_schemas

            self._findings = findings
            root = self.history.root or Path.cwd()
            schemas, _problems = load_schemas(schemas_folder(root), root)
            if KIND not in schemas:
                self._checks = (None, None)
            else:
                self._checks = (SchemaCheck({KIND: schemas[KIND]}), free_text_fields(schemas[KIND]))
        return self._checks

    def _holds_personal_data(self, values: dict[str, Any], fields: Any) -> bool:
        """The personal-data scan of every free-text field, as `candour validate` runs it, with the
        version's own `privacy_accepted` entries honoured. Most versions repeat their neighbours'
        texts, so each text is scanned once."""
        from generator.check.fields import values_at
        from generator.check.privacy import reviewed, text_hash
        from generator.problems import field_name

        accepted = reviewed(values)
        for pattern in fields:
            for location, value in values_at(values, pattern):
                if not isinstance(value, str):
                    continue
                kinds = self._scanned.get(value)
                if kinds is None:
                    kinds = self._scanned[value] = frozenset(found.kind for found in self._findings(value))
                name = field_name(location)
                if any(text_hash(value) not in accepted.get((name, kind), ()) for kind in kinds):
                    return True
        return False


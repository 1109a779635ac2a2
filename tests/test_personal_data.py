"""Personal data is never published: every free-text field of every kind is scanned, a false
alarm is accepted only by a reviewed entry in the record, and what the scan found is never printed.

The fields come from the schemas (`x-free-text: true`), so a field added to a schema is covered
here without a change to this file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from badinput.plant import plant, read_values, write_values
from cases.repo import make_repo, problems

from generator.check import schemas_folder
from generator.check.fields import Pattern, field_patterns
from generator.check.privacy import free_text_fields, text_hash
from generator.check.schema_files import KINDS
from generator.cli import main
from generator.problems import field_name

PROJECT = Path(__file__).resolve().parent.parent
# A record of each kind in the small fixture, to plant text in.
RECORD_OF = {
    "organisation": "records/organisation.yaml",
    "case": "records/cases/2019-20/C-2019-0001.yaml",
    "ombudsman": "records/ombudsman/2019-20/OMB-2019-01.yaml",
    "compliment": "records/compliments/2019-20/CPL-2019-0001.yaml",
    "action": "records/actions/2019-20/ACT-2019-01.yaml",
    "history": "records/history/HIST-2018-19.yaml",
    "ombudsman-statistics": "records/ombudsman-statistics/2019-20.yaml",
}
# One of each kind of personal data the scan knows, and the words that must never be printed.
PLANTED = {
    "email": ("Wrote from jo.bloggs@example.com about it.", "jo.bloggs@example.com"),
    "phone": ("Asked us to ring 07700 900123 after six.", "07700 900123"),
    "nhs-number": ("NHS number 943 476 5919 quoted.", "943 476 5919"),
    "ni-number": ("Gave AB 12 34 56 C as proof.", "AB 12 34 56 C"),
    "postcode": ("Lives near SW1A 1AA now.", "SW1A 1AA"),
    "date-of-birth": ("Born 12/03/1945 in the town.", "12/03/1945"),
    "name": ("Mrs Featherstonehaugh said the carers were late.", "Featherstonehaugh"),
}


def _schema(kind: str) -> dict:
    return json.loads((schemas_folder(PROJECT) / f"{kind}.schema.json").read_text(encoding="utf-8"))


FREE_TEXT = [(kind, pattern) for kind in KINDS for pattern in free_text_fields(_schema(kind))]
# An acceptance's own reason is scanned, but is not itself a field an acceptance can cover.
ACCEPTABLE = [(kind, pattern) for kind, pattern in FREE_TEXT if pattern[0] != "privacy_accepted"]


def _id(value: object) -> str:
    return ".".join(value) if isinstance(value, tuple) else str(value)


def test_every_kind_has_free_text_and_the_site_fields_are_among_it() -> None:
    kinds = {kind for kind, _ in FREE_TEXT}
    assert kinds == set(KINDS)
    scanned = {(kind, ".".join(pattern)) for kind, pattern in FREE_TEXT}
    assert {("case", "summary"), ("case", "case_study.raised"), ("compliment", "quote"),
            ("action", "issue"), ("ombudsman", "summary"), ("history", "faults.*.note")} <= scanned
    for kind in KINDS:
        public = field_patterns(_schema(kind), lambda each: each.get("x-public") is True)
        assert set(public) <= set(free_text_fields(_schema(kind))), kind


def _planted_repo(root: Path, kind: str, pattern: Pattern, text: str) -> tuple[Path, str]:
    repo = make_repo(root)
    path = repo / RECORD_OF[kind]
    values = read_values(path, repo / "records")
    location = plant(values, pattern, text)
    write_values(path, values)
    return repo, field_name(location)


@pytest.mark.parametrize(("kind", "pattern"), FREE_TEXT, ids=[f"{k}:{_id(p)}" for k, p in FREE_TEXT])
def test_every_free_text_field_is_scanned(kind: str, pattern: Pattern, tmp_path: Path) -> None:
    text, secret = PLANTED["email"]
    repo, field = _planted_repo(tmp_path, kind, pattern, text)
    found = problems(repo)
    warnings = [line for line in found if f": {field}: looks like an email address" in line]
    assert len(warnings) == 1, found
    assert warnings[0].startswith(f"{RECORD_OF[kind]}:")
    assert all(secret not in line for line in found)


@pytest.mark.parametrize(("kind", "pattern"), ACCEPTABLE, ids=[f"{k}:{_id(p)}" for k, p in ACCEPTABLE])
def test_a_false_alarm_is_accepted_only_by_an_entry_for_that_field_kind_and_text(
    kind: str, pattern: Pattern, tmp_path: Path
) -> None:
    text = "Ward code CH1 2AB was mentioned."
    repo, field = _planted_repo(tmp_path, kind, pattern, text)
    path = repo / RECORD_OF[kind]
    values = read_values(path, repo / "records")
    entry = {"field": field, "kind": "postcode", "text_hash": text_hash(text), "reason": "A ward code."}
    for wrong in ({"kind": "phone"}, {"field": "elsewhere"}, {"text_hash": text_hash(text + " ")}):
        values["privacy_accepted"] = [{**entry, **wrong}]
        write_values(path, values)
        assert any(f": {field}: looks like a UK postcode" in line for line in problems(repo)), wrong
    values["privacy_accepted"] = [entry]
    write_values(path, values)
    assert not any(": looks like" in line for line in problems(repo))


def _plant_everywhere(repo: Path) -> list[str]:
    """Each kind of personal data in each free-text field of its kind; returns what must not be printed."""
    secrets = []
    kinds = list(PLANTED.items())
    for index, (kind, pattern) in enumerate(FREE_TEXT):
        path = repo / RECORD_OF[kind]
        values = read_values(path, repo / "records")
        text, secret = kinds[index % len(kinds)][1]
        plant(values, pattern, text)
        write_values(path, values)
        secrets.append(secret)
    return secrets


@pytest.mark.parametrize("output", ["text", "github"])
def test_what_the_scan_found_is_never_printed(
    output: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(tmp_path / "repo")
    secrets = _plant_everywhere(repo)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["validate", "--root", str(repo), "--format", output]) == 1
    out, err = capsys.readouterr()
    printed = out + err + (summary.read_text(encoding="utf-8") if summary.exists() else "")
    if output == "github":
        assert summary.exists() and "| file | line |" in printed
        assert out.count("::error ") >= len(FREE_TEXT)
    assert printed.count("looks like") >= len(FREE_TEXT)
    for secret in set(secrets):
        assert secret not in printed
        assert secret.replace(" ", "") not in printed.replace(" ", "")

"""The quick road of `parse_record` gives exactly what the strict loader gives, errors included."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.load import _RecordLoader, parse_record, record_paths

ROOT = Path(__file__).resolve().parents[1]
TRICKY = [
    "id: C-1\nreceived: 2019-04-01\ncount: 12\nshare: 0.5\nopen: yes\nclosed: off\nnote: ~\nempty:\n",
    "2019: seven\nyes: true\n1.5: x\n~: y\n",
    "count: 0x1F\nother: 1_000\nsexagesimal: 1:30\nminus: -3\n",
    "list:\n- a\n- 2\n- [3, four]\nnested: {a: {b: [c]}}\n",
    "quoted: 'yes'\ndouble: \"2019-04-01\"\nblock: |\n  two\n  lines\n",
    "summary: Health & Social Care said *this*\n",
    "tagged: !!str 12\n",
    "merge:\n  <<: {a: 1}\n",
    "equals: =\n",
]
BROKEN = [
    "id: C-1\nid: C-2\n",
    "a: &x 1\nb: *x\n",
    "? [a, b]\n: c\n",
    "a: b: c\n",
    "a: 1\n---\nb: 2\n",
    "a: !custom 1\n",
    "a:\n\t- b\n",
]


def strict(text: str) -> object:
    return yaml.load(text, Loader=_RecordLoader)


def outcome(read: object, text: str) -> tuple[str, object]:
    try:
        values = read(text)  # type: ignore[operator]
    except yaml.YAMLError as error:
        return ("error", str(error))
    return (repr(type(values)), values)


def test_every_demo_record_reads_the_same_both_ways() -> None:
    paths = list(record_paths(ROOT / "records")) + list(record_paths(ROOT / "tests/fixtures/wales/records"))
    assert len(paths) > 200
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert parse_record(text) == strict(text), path


@pytest.mark.parametrize("text", TRICKY + BROKEN)
def test_unusual_text_reads_the_same_both_ways(text: str) -> None:
    assert outcome(parse_record, text) == outcome(strict, text)


def test_the_types_of_values_are_those_of_the_strict_loader() -> None:
    for text in TRICKY:
        try:
            quick, slow = parse_record(text), strict(text)
        except yaml.YAMLError:
            continue
        assert [type(v) for v in quick.values()] == [type(v) for v in slow.values()]

"""How well the personal-data scan does on a corpus of its own: recall (how much of the personal
data written in it is found) and precision (how much of what is found is personal data).

`tests/privacy_corpus/positives.txt` and `negatives.txt` are what the detector was tuned on;
`held_out_*` were written after it was tuned and not tuned on. The README's "Privacy and safety"
states the figures this test measures; the floors below are a little under them, so a change
that makes the detector worse fails here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.check.privacy import LABELS, Finding, findings

CORPUS = Path(__file__).resolve().parent / "privacy_corpus"
_MARKED = re.compile("«([^»]*)»")


@dataclass(frozen=True)
class Positive:
    kind: str
    text: str
    spans: tuple[tuple[int, int], ...]


def positives(prefix: str) -> list[Positive]:
    """Each line: a kind, a tab, and a text with the personal data between « and »."""
    found = []
    for line in _lines(prefix + "positives.txt"):
        kind, marked = line.split("\t")
        text, spans, position = "", [], 0
        for match in _MARKED.finditer(marked):
            text += marked[position : match.start()]
            spans.append((len(text), len(text) + len(match[1])))
            text += match[1]
            position = match.end()
        found.append(Positive(kind, text + marked[position:], tuple(spans)))
    return found


def negatives(prefix: str) -> list[str]:
    return _lines(prefix + "negatives.txt")


def _lines(name: str) -> list[str]:
    text = (CORPUS / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def _covers(finding: Finding, kind: str, spans: tuple[tuple[int, int], ...]) -> bool:
    return finding.kind == kind and any(finding.start < end and start < finding.end for start, end in spans)


@dataclass
class Measured:
    marked: int = 0
    found: int = 0
    findings: int = 0
    false: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.marked

    @property
    def precision(self) -> float:
        return (self.findings - self.false) / self.findings


def measure(prefix: str) -> Measured:
    measured = Measured()
    for positive in positives(prefix):
        found = findings(positive.text)
        for span in positive.spans:
            measured.marked += 1
            measured.found += any(_covers(finding, positive.kind, (span,)) for finding in found)
        measured.findings += len(found)
        measured.false += sum(not _covers(finding, positive.kind, positive.spans) for finding in found)
    for text in negatives(prefix):
        found = findings(text)
        measured.findings += len(found)
        measured.false += len(found)
    return measured


def test_the_corpus_is_well_formed() -> None:
    for prefix in ("", "held_out_"):
        kinds = {positive.kind for positive in positives(prefix)}
        assert kinds <= set(LABELS), kinds - set(LABELS)
        assert all(positive.spans for positive in positives(prefix))
    # Every kind the scan knows has examples to be measured on, the names most of all.
    counts = {kind: sum(p.kind == kind for p in positives("")) for kind in LABELS}
    assert min(counts.values()) >= 6, counts
    assert counts["full-name"] >= 80 and counts["name"] >= 50 and counts["address"] >= 25
    assert len(negatives("")) >= 450 and len(negatives("held_out_")) >= 80


@pytest.mark.parametrize(
    ("prefix", "recall", "precision"),
    [("", 0.98, 0.98), ("held_out_", 0.95, 0.95)],
    ids=["tuning corpus", "held-out corpus"],
)
def test_recall_and_precision_on_the_corpus(prefix: str, recall: float, precision: float) -> None:
    measured = measure(prefix)
    assert measured.recall >= recall, measured
    assert measured.precision >= precision, measured


def test_the_examples_of_the_issue_are_each_found() -> None:
    """Issue 12, point 5: every spelling it names, each found as its kind."""
    examples = {
        "Peter Walsh rang about the visit.": "full-name",
        "my mum, Edith Morgan, was not told.": "full-name",
        "Lives at 34 Station Road.": "address",
        "Flat 5, 9 Park Street.": "address",
        "mrs smith said so.": "name",
        "MRS SMITH said so.": "name",
        "Mister Jones said so.": "name",
        "Cllr Jones said so.": "name",
        "Lady Smith said so.": "name",
        "Professor Evans said so.": "name",
        "Mr van der Berg said so.": "name",
        "Mrs Öztürk said so.": "name",
        "Mr J.R. Hartley said so.": "name",
        "Ring 07700.900.123 today.": "phone",
        "Ring +44-7700-900123 today.": "phone",
        "Ring 0044 7700 900123 today.": "phone",
        "NHS 943 476-5919 given.": "nhs-number",
        "NI AB-12-34-56-C given.": "ni-number",
        "NI AB-12-34-56 given.": "ni-number",
        "She was born on the 3rd of May 1950.": "date-of-birth",
        "Email jörg@bücher.example today.": "email",
    }
    for text, kind in examples.items():
        assert [finding.kind for finding in findings(text)] == [kind], text

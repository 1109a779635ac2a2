"""The bad-input corpus (tests/badinput/): every broken record or repository is refused clearly.

For each case `candour validate` exits 1, prints exactly the expected `file:line:col: field: message`
lines and a summary, prints no traceback, finishes in bounded time (and, for the cases built to
exhaust a machine, bounded memory), and leaves records/ exactly as it was.
"""

from __future__ import annotations

import re
import time
from datetime import date
from pathlib import Path

import pytest
from badinput.corpus import IN_PROCESS_SECONDS, Case, corpus, make_repository, run_limited, tree_digest

from generator.cli import main

CASES = corpus()
SUMMARY = re.compile(r"^\d+ problems? in \d+ files?$")


def expected(case: Case, repo: Path) -> list[str]:
    """The case's lines with `{today}` and `{repo}` (the repository's folder) filled in."""
    today = date.today().isoformat()
    return [line.replace("{today}", today).replace("{repo}", str(repo.resolve())) for line in case.expect]


def test_the_corpus_is_large_and_every_case_is_named_once() -> None:
    names = [case.name for case in CASES]
    assert len(names) >= 60
    assert len(set(names)) == len(names)
    assert all(case.expect for case in CASES)
    assert all(not case.extra for case in CASES), [case.name for case in CASES if case.extra]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_is_refused_clearly(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repository(case, tmp_path / "repo")
    before = tree_digest(repo / "records")
    if case.limited:
        finished = run_limited(repo)
        status, out, err = finished.returncode, finished.stdout, finished.stderr
    else:
        started = time.perf_counter()
        status = main(["validate", "--root", str(repo)])
        assert time.perf_counter() - started < IN_PROCESS_SECONDS
        out, err = capsys.readouterr()
    lines = out.splitlines()
    assert "Traceback" not in out + err
    assert "internal error" not in err
    assert status == 1, out + err
    assert lines[:-1] == expected(case, repo)
    assert SUMMARY.match(lines[-1])
    assert tree_digest(repo / "records") == before


def test_a_clean_copy_of_each_base_is_valid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for base in ("small", "demo"):
        repo = make_repository(Case(base, "", "", base=base), tmp_path / base)
        assert main(["validate", "--root", str(repo)]) == 0
        assert "valid" in capsys.readouterr().out

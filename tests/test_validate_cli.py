"""`candour validate` as an officer and CI meet it: exit codes, output formats, nothing written."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from cases.repo import PROJECT, edit, make_repo

from generator.cli import main
from generator.commands import validate as validate_command


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file under `folder` with the sha256 of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def demo_copy(target: Path) -> Path:
    shutil.copytree(PROJECT / "records", target / "records")
    shutil.copytree(PROJECT / "schemas", target / "schemas")
    return target


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["validate", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_demo_records_are_valid_and_left_untouched(capsys: pytest.CaptureFixture[str]) -> None:
    before = fingerprint(PROJECT / "records")
    code, out, err = run(capsys, "--root", str(PROJECT))
    count = sum(1 for _ in (PROJECT / "records").rglob("*.yaml"))
    assert (code, out, err) == (0, f"All {count} records are valid.\n", "")
    assert fingerprint(PROJECT / "records") == before


def test_a_broken_copy_is_left_untouched_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = demo_copy(tmp_path)
    (repo / "records/cases/2019-20/C-2019-0001.yaml").write_text("id: [C-2019-0001\n", encoding="utf-8")
    before = fingerprint(repo)
    assert run(capsys, "--root", str(repo))[0] == 1
    assert fingerprint(repo) == before


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("kind: complaint", "kind: complaint: formal", "16: a ':' appears where YAML does not expect one"),
        (
            "disposition: accepted",
            "disposition: acepted",
            "14: disposition: 'acepted' is not one of accepted, withdrawn, ineligible "
            "(did you mean 'accepted'?)",
        ),
        (
            "summary: ",
            "summary: Contact jo@example.com. ",
            "10: summary: looks like an email address at column 18",
        ),
        (
            "summary: ",
            "summary: Ring 07700 900123. ",
            "10: summary: looks like a UK phone number at column 15",
        ),
    ],
)
def test_breaking_a_demo_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, expected: str
) -> None:
    repo = demo_copy(tmp_path)
    record = "records/cases/2019-20/C-2019-0041.yaml"
    path = edit(repo, record, old, new)
    line = next(
        number for number, text in enumerate(path.read_text().splitlines(), 1) if text.startswith(new)
    )
    code, out, err = run(capsys, "--root", str(repo))
    assert code == 1
    assert out.startswith(f"{record}:{line}:{expected}")
    assert out.endswith("1 problem in 1 file\n")
    assert "Traceback" not in out + err


def test_every_problem_in_one_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = demo_copy(tmp_path)
    edit(repo, "records/cases/2019-20/C-2019-0041.yaml", "disposition: accepted", "disposition: acepted")
    edit(repo, "records/cases/2019-20/C-2019-0050.yaml", "received: ", "recieved: ")
    code, out, _ = run(capsys, "--root", str(repo))
    assert code == 1
    assert out.count("\n") == 4 and out.endswith("3 problems in 2 files\n")


def test_github_annotations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(tmp_path)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    edit(repo, "records/cases/2019-20/C-2019-0001.yaml", "outcome: partially-upheld", "outcome: uphold")
    code, out, _ = run(capsys, "--root", str(repo), "--format", "github")
    assert code == 1
    assert out.splitlines()[0] == (
        "::error file=records/cases/2019-20/C-2019-0001.yaml,line=15,col=14,title=candour validate%3A "
        "stages[0].outcome (form%3A Stages%2C item 1 > Outcome)::'uphold' is not listed under "
        "taxonomies.outcomes in records/organisation.yaml (did you mean 'upheld'?)"
    )
    assert not summary.exists()  # ten problems or fewer: the annotations are enough


# (file, old, new, the field as the annotation's title names it, with the editor's label for it)
FORM_LABELS = [
    ("records/cases/2019-20/C-2019-0001.yaml", "service_area: chester-rural", "service_area: chester",
     "service_area (form%3A Service area)"),
    ("records/cases/2019-20/C-2019-0001.yaml", "themes: [standard-of-care]", "themes: [standard]",
     "themes[0] (form%3A Other subjects raised%2C item 1)"),
    ("records/compliments/2019-20/CPL-2019-0001.yaml", "quote: Thank you", "quote: Mrs Smith said thank you",
     "quote (form%3A Quote (published))"),
    ("records/history/HIST-2018-19.yaml", "chester-rural: 2", "chester: 2",
     "service_areas.rows.chester (form%3A Service areas > Rows > chester)"),
]


@pytest.mark.parametrize(("path", "old", "new", "title"), FORM_LABELS,
                         ids=[label[3].split()[0] for label in FORM_LABELS])
def test_an_annotation_names_the_field_by_the_label_the_records_editor_shows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], path: str, old: str, new: str, title: str,
) -> None:
    repo = make_repo(tmp_path)
    edit(repo, path, old, new)
    code, out, _ = run(capsys, "--root", str(repo), "--format", "github")
    assert code == 1
    titles = [line.split("title=", 1)[1].split("::", 1)[0]
              for line in out.splitlines() if line.startswith("::error")]
    assert f"candour validate%3A {title}" in titles, titles
    # The text output keeps file:line:column: field: message as it was.
    code, out, _ = run(capsys, "--root", str(repo))
    assert f": {title.split()[0]}: " in out


def test_a_problem_with_no_field_of_the_form_keeps_its_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    repo = make_repo(tmp_path)
    (repo / "records/cases/2019-20/C-2019-0001.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    code, out, _ = run(capsys, "--root", str(repo), "--format", "github")
    assert code == 1
    line = next(line for line in out.splitlines() if "C-2019-0001.yaml" in line)
    assert "(form" not in line


def test_a_job_summary_when_there_are_many_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = demo_copy(tmp_path)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    for number in range(41, 53):
        edit(repo, f"records/cases/2019-20/C-2019-00{number}.yaml", "summary: ", "summary: Mrs Smith | ")
    code, out, _ = run(capsys, "--root", str(repo), "--format", "github")
    assert code == 1 and out.count("::error ") == 12
    table = summary.read_text(encoding="utf-8")
    assert "| file | line | field | problem |" in table
    assert table.count("\n| `records/cases/2019-20/C-2019-00") == 12
    # the field as the records editor labels it (C-2019-0047's edit breaks its YAML: no field)
    assert table.count("| summary (form: Summary) |") == 11
    assert "Smith" not in table


def test_named_files_and_notes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path)
    code, out, err = run(capsys, "--root", str(repo), str(repo / "records/cases"), str(repo / "README.md"))
    assert code == 0
    assert out == "All 2 records are valid.\n"
    assert "README.md does not exist; skipped" in err


def test_only_files_outside_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path)
    (repo / "notes.txt").write_text("x", encoding="utf-8")
    code, out, err = run(capsys, "--root", str(repo), str(repo / "notes.txt"))
    assert (code, out) == (0, "No record files among the paths given.\n")
    assert "is not under records/ or docs/; skipped" in err


def test_the_repository_is_found_from_a_folder_inside_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(tmp_path)
    monkeypatch.chdir(repo / "records/cases/2019-20")
    assert run(capsys, "C-2019-0001.yaml") == (0, "The record is valid.\n", "")


def test_no_records_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--root", str(tmp_path))
    assert code == 1
    assert out.startswith("records:1:1: there is no records/ folder in ")


def test_a_bug_is_told_apart_from_a_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("something unexpected")

    monkeypatch.setattr(validate_command, "check_paths", broken)
    code, out, err = run(capsys, "--root", str(make_repo(tmp_path)))
    assert code == 2
    assert "internal error (RuntimeError: something unexpected)" in err
    assert "Traceback" not in out + err


@pytest.mark.parametrize(
    "text",
    [
        b"\xef\xbb\xbfid: C-2019-0001\n",
        b"id: \xff\n",
        b"- a list\n",
        b"",
        b"id: C-2019-0001\n\tkind: x\n",
        b"a: &x 1\nb: *x\n",
        b"id: C-2019-0001\nid: C-2019-0001\n",
        b"[" * 5000,
        b"{a: " * 100,
    ],
)
def test_no_traceback_for_any_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: bytes) -> None:
    repo = make_repo(tmp_path)
    (repo / "records/cases/2019-20/C-2019-0002.yaml").write_bytes(text)
    code, out, err = run(capsys, "--root", str(repo))
    assert code == 1
    assert out.startswith("records/cases/2019-20/C-2019-0002.yaml:")
    assert "Traceback" not in out + err and "internal error" not in err

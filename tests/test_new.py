"""`candour new KIND`: the next free id, in the right folder, every required field explained."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml
from cases.repo import PROJECT, make_repo, problems

from generator.cli import main
from generator.commands import new as new_command


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path)


def required(kind: str) -> list[str]:
    schema = json.loads((PROJECT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    return schema["required"]


def test_a_new_case_takes_the_next_id_in_its_year(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "case", "--received", "2019-12-02", "--root", str(repo)]) == 0
    path = repo / "records/cases/2019-20/C-2019-0003.yaml"
    assert capsys.readouterr().out.strip().endswith("records/cases/2019-20/C-2019-0003.yaml")
    values = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert values["id"] == "C-2019-0003"
    assert str(values["received"]) == "2019-12-02"
    assert set(required("case")) <= set(values)
    assert values["stages"] == [{"stage": "local"}]


def test_every_field_is_explained(repo: Path) -> None:
    path = new_command.create(repo, "case", received="2019-12-02")
    text = path.read_text(encoding="utf-8")
    assert "# Received: The date the council received it." in text
    assert "# one of: son-daughter" in text
    assert "# advocate: true or false (if left out: false)" in text


def test_a_new_record_fails_until_its_todos_are_filled_in(repo: Path) -> None:
    path = new_command.create(repo, "case", received="2019-12-02")
    relative = "records/cases/2019-20/C-2019-0003.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()

    def at(field: str) -> str:
        line = lines.index(f"{field}: TODO") + 1
        return f"{relative}:{line}:{len(field) + 3}: {field}: still says TODO: "

    assert problems(repo) == [
        at("kind") + "choose one of complaint, informal-complaint, enquiry, request-for-service",
        at("disposition") + "choose one of accepted, withdrawn, ineligible",
        at("service_area") + "choose one of chester-rural, hospitals",
        at("subject") + "choose one of lack-of-support, standard-of-care",
        at("receipt_point") + "choose one of customer-relations",
        at("receipt_method") + "choose one of email, letter",
        at("complainant") + "choose one of son-daughter",
        at("summary") + "fill it in",
    ]
    filled = path.read_text(encoding="utf-8")
    for field, value in [
        ("kind", "complaint"),
        ("disposition", "accepted"),
        ("service_area", "hospitals"),
        ("subject", "standard-of-care"),
        ("receipt_point", "customer-relations"),
        ("receipt_method", "letter"),
        ("complainant", "son-daughter"),
        ("summary", "Asked why a home visit was missed."),
    ]:
        filled = filled.replace(f"\n{field}: TODO\n", f"\n{field}: {value}\n")
    path.write_text(filled, encoding="utf-8")
    assert problems(repo) == []


@pytest.mark.parametrize("kind", ["case", "ombudsman", "compliment", "action"])
def test_every_kind_has_its_required_fields(repo: Path, kind: str) -> None:
    path = new_command.create(repo, kind, year="2019-20")
    values = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(required(kind)) <= set(values)
    assert path.parent.name == "2019-20"
    assert [p for p in problems(repo) if not p.startswith(str(path.relative_to(repo)))] == []


def test_the_date_is_a_placeholder_unless_given(repo: Path) -> None:
    path = new_command.create(repo, "compliment", year="2020-21")
    assert path == repo / "records/compliments/2020-21/CPL-2020-0001.yaml"
    assert "\nreceived: TODO\n" in path.read_text(encoding="utf-8")


def test_without_a_year_the_year_of_today(repo: Path) -> None:
    path = new_command.create(repo, "action", today=date(2021, 2, 1))
    assert path == repo / "records/actions/2020-21/ACT-2020-01.yaml"


def test_ids_count_on_from_the_highest_in_any_folder(repo: Path) -> None:
    stray = repo / "records/cases/2020-21/C-2019-0007.yaml"
    stray.parent.mkdir(parents=True)
    stray.write_text("id: C-2019-0007\n", encoding="utf-8")
    assert new_command.next_id(repo / "records/cases", "case", "2019-20") == "C-2019-0008"
    assert new_command.next_id(repo / "records/ombudsman", "ombudsman", "2019-20") == "OMB-2019-02"


def test_a_file_is_never_overwritten_and_the_next_free_id_is_taken(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """As when another `candour new` took the id between looking and writing (issue 12, point 11)."""
    existing = {path: path.read_bytes() for path in (repo / "records/cases/2019-20").iterdir()}
    monkeypatch.setattr(new_command, "next_id", lambda *_: "C-2019-0001")
    assert main(["new", "case", "--year", "2019-20", "--root", str(repo)]) == 0
    assert capsys.readouterr().out.strip().endswith("records/cases/2019-20/C-2019-0003.yaml")
    assert {path: path.read_bytes() for path in existing} == existing
    made = yaml.safe_load((repo / "records/cases/2019-20/C-2019-0003.yaml").read_text(encoding="utf-8"))
    assert made["id"] == "C-2019-0003"
    assert sorted(p.name for p in (repo / "records/cases/2019-20").iterdir()) == [
        "C-2019-0001.yaml", "C-2019-0002.yaml", "C-2019-0003.yaml"]  # no partial file left


def _start_one(root: str) -> str:
    return str(new_command.create(Path(root), "case", year="2019-20", today=date(2020, 1, 6)))


def test_concurrent_runs_each_take_a_free_id(repo: Path) -> None:
    """Eight `candour new` at once, in eight processes, all looking when none has written yet."""
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(8) as pool:
        made = pool.map(_start_one, [str(repo)] * 8)
    names = sorted(Path(path).name for path in made)
    assert names == [f"C-2019-{number:04d}.yaml" for number in range(3, 11)]
    for path in made:
        assert yaml.safe_load(Path(path).read_text(encoding="utf-8"))["id"] == Path(path).stem
    assert sorted(p.name for p in (repo / "records/cases/2019-20").iterdir()) == [
        "C-2019-0001.yaml", "C-2019-0002.yaml", *names]


def test_a_free_id_in_another_years_folder_is_not_taken_twice(repo: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    stray = repo / "records/cases/2020-21/C-2019-0003.yaml"
    stray.parent.mkdir(parents=True)
    stray.write_text("id: C-2019-0003\n", encoding="utf-8")
    monkeypatch.setattr(new_command, "next_id", lambda *_: "C-2019-0002")
    made = new_command.create(repo, "case", year="2019-20", today=date(2020, 1, 6))
    assert made.name == "C-2019-0004.yaml"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--year", "2019-20", "--received", "2020-04-01"],
            "2020-04-01 falls in the reporting year 2020-21, not 2019-20",
        ),
        (["--received", "01/04/2020"], "--received '01/04/2020' is not a date written YYYY-MM-DD"),
        (["--year", "2019-21"], "'2019-21' is not a reporting year such as 2019-20"),
        (["--year", "9999-00"], "9999-00 has not begun (this reporting year is "),
        (["--year", "1899-00"], "1899-00 is before 1990: give the reporting year the record belongs to"),
    ],
)
def test_refusals_are_explained(
    repo: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["new", "case", *args, "--root", str(repo)]) == 1
    assert message in capsys.readouterr().err
    assert sorted(p.name for p in (repo / "records/cases").rglob("*.yaml")) == [
        "C-2019-0001.yaml",
        "C-2019-0002.yaml",
    ]

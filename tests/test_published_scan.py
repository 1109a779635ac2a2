"""Issue 12, point 4 (the check's side): the personal-data scan over everything published beyond the
records' free text. The organisation file's names and contact details, and every hand-written page
under docs/, which validate now reads; and nothing loaded from another host by those pages.

tests/badinput/published.yaml has one case for each kind of refusal; here, what holds across
councils, the accept routes, and what must still pass.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cases.repo import PROJECT, make_repo

from generator.check import check_paths
from generator.check.page_resources import loaded
from generator.check.privacy import text_hash
from generator.cli import main

WALES = PROJECT / "tests/fixtures/wales"


def problems(repo: Path) -> list[str]:
    return [str(problem) for problem in check_paths(repo, keep_values=False).problems]


def wales(tmp_path: Path) -> Path:
    repo = tmp_path / "wales"
    shutil.copytree(WALES / "records", repo / "records")
    shutil.copytree(PROJECT / "schemas", repo / "schemas")
    return repo


def test_the_demo_and_the_fixture_councils_pass_with_their_pages(tmp_path: Path) -> None:
    demo = tmp_path / "demo"
    for folder in ("records", "schemas", "docs"):
        shutil.copytree(PROJECT / folder, demo / folder)
    assert problems(demo) == []
    assert check_paths(demo, keep_values=False).pages == len(list((PROJECT / "docs").rglob("*.md")))
    assert problems(wales(tmp_path)) == []


@pytest.mark.parametrize("council", ["small", "wales"])
def test_a_name_in_any_organisation_list_is_found_for_each_council(tmp_path: Path, council: str) -> None:
    repo = make_repo(tmp_path / "small") if council == "small" else wales(tmp_path)
    organisation = repo / "records/organisation.yaml"
    text = organisation.read_text(encoding="utf-8")
    first_department = text.index("departments: [{id: ")
    name_at = text.index("name: ", first_department) + len("name: ")
    end = text.index("}", name_at)
    organisation.write_text(text[:name_at] + "Mrs Pritchard's office" + text[end:], encoding="utf-8")
    found = problems(repo)
    assert len(found) == 1
    assert "taxonomies.departments[0].name: looks like a title followed by a name" in found[0]


def test_a_name_reviewed_and_accepted_in_the_organisation_file_passes(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    organisation = repo / "records/organisation.yaml"
    text = organisation.read_text(encoding="utf-8").replace(
        "name: Hospital Social Work Teams", "name: The Edith Cavell team")
    organisation.write_text(text, encoding="utf-8")
    found = problems(repo)
    assert len(found) == 1 and "kind: full-name" in found[0]
    accepted = (
        "privacy_accepted:\n"
        "  - field: taxonomies.service_areas[1].name\n"
        "    kind: full-name\n"
        f"    text_hash: \"{text_hash('The Edith Cavell team')}\"\n"
        "    reason: The team is named after a nurse of the Great War, not a person in a case\n"
    )
    organisation.write_text(text + accepted, encoding="utf-8")
    assert problems(repo) == []


@pytest.mark.parametrize(("email", "personal"), [
    ("customer.relations@example.org", False), ("complaints@example.org", False),
    ("adult.social.care@example.org", False), ("sarah.jenkins@example.org", True),
    ("peter_walsh@example.org", True),
])
def test_a_contact_email_is_the_councils_unless_it_reads_as_a_persons_name(
        tmp_path: Path, email: str, personal: bool) -> None:
    repo = make_repo(tmp_path)
    organisation = repo / "records/organisation.yaml"
    organisation.write_text(organisation.read_text(encoding="utf-8").replace(
        "email: customer.relations@example.org", f"email: {email}"), encoding="utf-8")
    found = problems(repo)
    assert bool(found) == personal, found
    if personal:
        assert found[0].startswith("records/organisation.yaml:12:10: contact.email: looks like a person's")


@pytest.mark.parametrize(("phone", "personal"), [
    ("01234 567890", False), ("0300 123 4567", False), ("07700 900123", True), ("+44 7700 900123", True),
])
def test_a_contact_phone_is_the_councils_unless_it_is_a_mobile(tmp_path: Path, phone: str,
                                                               personal: bool) -> None:
    repo = make_repo(tmp_path)
    organisation = repo / "records/organisation.yaml"
    organisation.write_text(organisation.read_text(encoding="utf-8").replace(
        'phone: "01234 567890"', f'phone: "{phone}"'), encoding="utf-8")
    assert bool(problems(repo)) == personal


def test_a_page_with_a_name_passes_once_its_line_is_accepted_and_fails_when_it_changes(
        tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    page = repo / "docs/introduction.md"
    page.parent.mkdir()
    line = "Our new service is named after Edith Cavell."
    page.write_text(f"# About\n\n{line}\n", encoding="utf-8")
    found = problems(repo)
    assert len(found) == 1 and found[0].startswith("docs/introduction.md:3:32: looks like a first name")
    comment = (f"<!-- privacy_accepted: kind: full-name, text_hash: {text_hash(line)}, "
               "reason: a service named after a historical figure -->")
    page.write_text(f"# About\n\n{line}\n{comment}\n", encoding="utf-8")
    assert problems(repo) == []
    page.write_text(f"# About\n\n{line} Ask for Edith Morgan.\n{comment}\n", encoding="utf-8")
    assert len(problems(repo)) == 1


def test_the_councils_own_contact_details_may_be_given_on_a_page(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    (repo / "docs").mkdir()
    page = repo / "docs/procedure.md"
    page.write_text("# How to complain\n\nWrite to customer.relations@example.org or ring 01234 567890.\n",
                    encoding="utf-8")
    assert problems(repo) == []
    page.write_text("# How to complain\n\nWrite to customer.relations@example.org or ring 01234 999999.\n",
                    encoding="utf-8")
    found = problems(repo)
    assert len(found) == 1 and found[0].startswith("docs/procedure.md:3:49: looks like a UK phone number")


def test_a_page_named_on_the_command_line_is_checked_alone(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path)
    (repo / "docs").mkdir()
    (repo / "docs/procedure.md").write_text("# How\n\n![x](https://tracker.example/p.gif)\n",
                                            encoding="utf-8")
    (repo / "docs/introduction.md").write_text("# About\n", encoding="utf-8")
    assert main(["validate", "--root", str(repo), str(repo / "docs/introduction.md")]) == 0
    assert capsys.readouterr().out == "The page is clean.\n"
    assert main(["validate", "--root", str(repo), str(repo / "docs/procedure.md")]) == 1
    assert capsys.readouterr().out.startswith("docs/procedure.md:3:1: loads an image from another host")


def test_a_build_refuses_what_validate_refuses_on_a_page(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    (repo / "docs").mkdir()
    (repo / "docs/introduction.md").write_text("# About\n\nThanks to Mrs Holloway.\n", encoding="utf-8")
    result = check_paths(repo)  # the build's own check: keeps every value
    assert [problem.path for problem in result.problems] == ["docs/introduction.md"]


@pytest.mark.parametrize(("markdown", "loads"), [
    ("![a](https://x.example/a.png)", ["x.example"]),
    ("![a](//x.example/a.png)", ["x.example"]),
    ("![a](images/a.png)", []),
    ("![a](data:image/png;base64,AAAA)", []),
    ("[a link is not loaded](https://x.example/)", []),
    ("![a][logo]\n\n[logo]: https://x.example/logo.png", ["x.example"]),
    ('<img src="HTTPS://X.example/a.png">', ["x.example"]),
    ('<img srcset="a.png 1x, https://x.example/b.png 2x">', ["x.example"]),
    ('<img src=" \thttps://x.example/a.png">', ["x.example"]),
    ('<img src="https:\\\\x.example/a.png">', ["x.example"]),
    ('<img src="&#104;ttps://x.example/a.png">', ["x.example"]),
    ('<video poster="https://x.example/p.jpg"></video>', ["x.example"]),
    ('<iframe src="https://x.example/embed"></iframe>', ["x.example"]),
    ('<link rel="stylesheet" href="https://x.example/s.css">', ["x.example"]),
    ('<link rel="alternate" href="https://x.example/feed">', []),
    ('<p style="background:url(https://x.example/b.png)">x</p>', ["x.example"]),
    ("<style>@import 'https://x.example/s.css';</style>", ["x.example"]),
    ('<meta http-equiv="refresh" content="0; url=https://x.example/">', ["x.example"]),
    ("```\n![a](https://x.example/in-code.png)\n```", []),
    ("~~~html\n<img src='https://x.example/a.png'>\n~~~", []),
    ("Inline `<img src='https://x.example/a.png'>` code", []),
    ("![a](https://example.org/complaints/logo.png)", []),  # the site's own host
])
def test_what_a_page_would_load_from_another_host(markdown: str, loads: list[str]) -> None:
    found = loaded(markdown, own_host="example.org")
    assert [each.message.split("(")[1].split(")")[0] for each in found] == loads


@pytest.mark.parametrize("markdown", [
    "<script>alert(1)</script>", '<img src="a.png" onerror="alert(1)">',
    '<a href="javascript:alert(1)">a</a>', '<a href=" JavaScript:alert(1)">a</a>',
])
def test_a_script_on_a_page_is_refused(markdown: str) -> None:
    found = loaded(markdown)
    assert len(found) == 1 and "script" in found[0].message


def test_a_refusal_on_a_page_is_at_its_line_and_column() -> None:
    page = "# Title\n\nSome text.\n\n  Then <img src='https://x.example/a.png'> here.\n"
    assert [(each.line, each.column) for each in loaded(page)] == [(5, 8)]

"""The records editor at admin/, driven in Chromium against Decap's local backend (git mode), on a
Welsh fixture council: a complaint filled in through the form becomes a branch holding the file
`candour new` would have written, which validate accepts; an edit changes only the field edited;
and the page asks nothing of any host but the site and the local backend.

Expected ids are written by hand from tests/fixtures/wales/records: its 2023-24 cases run from
C-2023-0001 to C-2023-0006.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from conftest import ARTIFACTS
from editor import WALES, Editor, choose, control_id, council_repository, fill, save, sign_in, start_editor

pytestmark = pytest.mark.browser

SHOTS = ARTIFACTS / "editor"
NEW_CASE = "records/cases/2023-24/C-2023-0007.yaml"
EDITED_CASE = "records/cases/2023-24/C-2023-0002.yaml"


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Editor]:
    root = tmp_path_factory.mktemp("editor")
    repo = council_repository(root / "council", WALES)
    yield from start_editor(repo, root / "site", SHOTS)


@pytest.fixture
def officer(chromium, editor: Editor) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """A page as an officer's browser: UK English, a laptop's window; every request recorded."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB",
                                   timezone_id="Europe/London", reduced_motion="reduce")
    context.set_default_timeout(20_000)
    context.on("request", lambda request: editor.record(request.url))
    try:
        yield context.new_page()
    finally:
        context.close()


def whole_form(page, path: Path) -> None:  # type: ignore[no-untyped-def]
    """A screenshot of the whole form: Decap scrolls it inside the page, so the window grows."""
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": 2300})
    page.locator('label[for^="kind-field-"]').evaluate("label => label.scrollIntoView({block: 'center'})")
    page.screenshot(path=str(path))
    page.set_viewport_size(size)


def expand(page, name: str) -> None:  # type: ignore[no-untyped-def]
    """Open a section of the form (Decap shows each object folded): its own button comes first."""
    page.locator(f"#{control_id(page, name)} [data-testid=expand-button]").first.click()


def validate(repo: Path, branch: str, where: Path) -> subprocess.CompletedProcess[str]:
    """`candour validate` on a checkout of the branch, as the pull request's check runs it."""
    subprocess.run(["git", "-C", str(repo), "worktree", "add", "-q", "--detach", str(where), branch],
                   check=True)
    return subprocess.run([sys.executable, "-m", "generator", "validate"], cwd=where, capture_output=True,
                          text=True, timeout=300, check=False)


def test_a_complaint_filled_in_is_proposed_as_the_record_candour_new_would_start(
    editor: Editor, officer, tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    page = officer
    sign_in(page, editor)
    page.screenshot(path=str(SHOTS / "collections.png"))
    page.get_by_role("link", name="Cases 2023-24", exact=True).click()
    page.goto(editor.url + "#/collections/cases-2023-24/new")
    page.locator('label[for^="kind-field-"]').wait_for()
    choose(page, "kind", "Complaint")
    choose(page, "disposition", "Accepted")
    fill(page, "received", "2023-09-04")
    choose(page, "service_area", "Older People's Services")
    choose(page, "subject", "Quality of service: Delay")
    choose(page, "receipt_point", "Complaints Team")
    choose(page, "receipt_method", "Email")
    choose(page, "complainant", "Son / daughter")
    page.get_by_role("button", name="Add stages").click()
    choose(page, "stage", "Stage 1: local resolution")
    fill(page, "acknowledged", "2023-09-05")
    fill(page, "responded", "2023-09-15")
    choose(page, "outcome", "Partially upheld")
    fill(page, "summary", "Son said a home care visit was missed twice in one week.")
    whole_form(page, SHOTS / "new-complaint.png")
    save(page)

    branch = "cms/cases-2023-24/c-2023-0007"  # Decap's branch; the file is named by the id
    editor.wait_for_branch(branch)
    page.get_by_role("button", name=re.compile(r"^Status")).wait_for()  # the draft, opened again
    page.screenshot(path=str(SHOTS / "saved.png"))
    page.goto(editor.url + "#/workflow")
    page.get_by_text("Drafts").first.wait_for()
    page.get_by_text("C-2023-0007").first.wait_for()
    page.screenshot(path=str(SHOTS / "workflow.png"))
    assert editor.files_changed(branch) == [NEW_CASE]
    record = editor.values(branch, NEW_CASE)
    assert record == {
        "id": "C-2023-0007",
        "kind": "complaint",
        "disposition": "accepted",
        "received": date(2023, 9, 4),
        "service_area": "older-people",
        "subject": "delay",
        "receipt_point": "complaints-team",
        "receipt_method": "email",
        "complainant": "son-daughter",
        "stages": [{"stage": "stage-1", "acknowledged": date(2023, 9, 5), "responded": date(2023, 9, 15),
                    "outcome": "partially-upheld"}],
        "summary": "Son said a home care visit was missed twice in one week.",
    }
    checked = validate(editor.repo, branch, tmp_path / "checkout")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "are valid" in checked.stdout


def test_editing_a_record_changes_only_the_field_edited(
    editor: Editor, officer,  # type: ignore[no-untyped-def]
) -> None:
    page = officer
    before = editor.values("main", EDITED_CASE)
    sign_in(page, editor)
    page.goto(editor.url + "#/collections/cases-2023-24/entries/C-2023-0002")
    page.locator('label[for^="service_area-field-"]').wait_for()
    choose(page, "service_area", "Older People's Services")
    page.screenshot(path=str(SHOTS / "edit.png"))
    save(page)

    branch = "cms/cases-2023-24/C-2023-0002"
    editor.wait_for_branch(branch)
    assert editor.files_changed(branch) == [EDITED_CASE]
    after = editor.values(branch, EDITED_CASE)
    assert before["service_area"] == "disability"
    assert after == {**before, "service_area": "older-people"}


def test_the_editor_asks_nothing_of_any_other_host(editor: Editor, officer) -> None:  # type: ignore[no-untyped-def]
    page = officer
    sign_in(page, editor)
    page.get_by_role("link", name="Compliments 2023-24", exact=True).click()
    page.get_by_text("CPL-2023-").first.wait_for()
    assert editor.hosts, "no request was recorded"
    assert editor.hosts <= editor.allowed, sorted(editor.hosts - editor.allowed)


def test_the_published_site_serves_the_editor_and_its_edit_links_open_it(chromium, server) -> None:  # type: ignore[no-untyped-def]
    """The demo site as built: admin/ is there, Decap starts from the site's own files (offering
    GitHub sign-in when no local backend runs), and an edit link on a report opens the record."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(20_000)
    hosts: set[str] = set()
    context.on("request", lambda request: hosts.add(request.url.split("/")[2]))
    try:
        page = context.new_page()
        page.goto(server.url("reports/2019-20/"))
        link = page.get_by_role("link", name="Edit this case study").first
        href = link.get_attribute("href") or ""
        assert "admin/#/collections/cases-2019-20/entries/C-2019-" in href
        link.click()
        # GitHub's sign-in, or the local backend's if one happens to run on this machine's 8081.
        page.get_by_role("button", name=re.compile(r"^Login")).first.wait_for()
        assert "#/collections/cases-2019-20/entries/C-2019-" in page.url
        page.screenshot(path=str(SHOTS / "sign-in.png"))
    finally:
        context.close()
    # Opened from 127.0.0.1, Decap looks for a local backend on the same machine; on the council's
    # own host it does not.
    assert hosts <= {server.base.split("/")[2], "127.0.0.1:8081"}, sorted(hosts)


def test_a_history_record_is_added_named_by_its_year(
    editor: Editor, officer, tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    """The figures an earlier report published, through the form: each table's rows are fields
    named by the organisation's terms, and the record is named by its year."""
    page = officer
    sign_in(page, editor)
    page.goto(editor.url + "#/collections/history/new")
    page.locator('label[for^="year-field-"]').wait_for()
    fill(page, "year", "2022-23")
    fill(page, "source", "Annual report 2022-23, table 1")
    expand(page, "representations")  # each table, and its rows, open with a click
    expand(page, "rows")
    fill(page, "complaints", "12")
    fill(page, "enquiry", "30")
    fill(page, "total", "42")
    page.screenshot(path=str(SHOTS / "history.png"))
    save(page)

    branch = "cms/history/hist-2022-23"
    editor.wait_for_branch(branch)
    assert editor.files_changed(branch) == ["records/history/HIST-2022-23.yaml"]
    assert editor.values(branch, "records/history/HIST-2022-23.yaml") == {
        "id": "HIST-2022-23", "year": "2022-23", "source": "Annual report 2022-23, table 1",
        "representations": {"rows": {"complaints": 12, "enquiry": 30}, "total": 42},
    }
    checked = validate(editor.repo, branch, tmp_path / "checkout")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_organisation_file_is_edited_in_its_own_form(
    editor: Editor, officer,  # type: ignore[no-untyped-def]
) -> None:
    page = officer
    before = editor.values("main", "records/organisation.yaml")
    sign_in(page, editor)
    page.goto(editor.url + "#/collections/organisation/entries/organisation")
    expand(page, "contact")
    fill(page, "email", "complaints.team@example.org")
    page.screenshot(path=str(SHOTS / "organisation.png"))
    save(page)

    branch = "cms/organisation/organisation"
    editor.wait_for_branch(branch)
    assert editor.files_changed(branch) == ["records/organisation.yaml"]
    after = editor.values(branch, "records/organisation.yaml")
    assert after == {**before, "contact": {**before["contact"], "email": "complaints.team@example.org"}}

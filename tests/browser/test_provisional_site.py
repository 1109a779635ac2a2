"""A provisional year in the browser (issue 16 point 5): the Welsh social services fixture council
with only 2022-23 listed as published, so its 2023-24 records make a provisional year. As a reader sees it
at 1280 px and at 375 px, the home page headlines 2022-23 and says that 2023-24 is provisional,
and the 2023-24 report says so above its figures, marks its columns and gives no change on the
year before. The expected figures are counted by hand from the fixture's records."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator

import pytest
from conftest import REPOSITORY, BuiltSite, Server, SiteRequestHandler, View, served_prefix
from pagecheck import open_page

pytestmark = pytest.mark.browser

COUNCIL = REPOSITORY / "tests" / "fixtures" / "wales-social-services"
# The settings `candour init` gives a council, as it would build them.
SETTINGS = REPOSITORY / "generator" / "scaffold" / "mkdocs.yml"
# The home page's headline cards and its warnings, as shown.
HOME = """() => ({
  cards: [...document.querySelectorAll('article .grid.cards li')].map((card) => card.innerText.trim()),
  warnings: [...document.querySelectorAll('article .admonition.warning')]
    .filter((box) => box.getClientRects().length > 0).map((box) => box.innerText.trim()),
  text: document.querySelector('article').innerText,
})"""
REPORT = """() => ({
  warnings: [...document.querySelectorAll('article .admonition.warning')]
    .filter((box) => box.getClientRects().length > 0).map((box) => box.innerText.trim()),
  headings: [...document.querySelectorAll('article table thead th')].map((th) => th.innerText.trim()),
  text: document.querySelector('article').innerText,
})"""


@pytest.fixture(scope="module")
def provisional_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The fixture council's site with 2023-24 not yet published, built with `mkdocs build --strict`."""
    repo = tmp_path_factory.mktemp("provisional")
    shutil.copytree(COUNCIL / "records", repo / "records")
    organisation = repo / "records" / "organisation.yaml"
    text, found = re.subn(r"(?m)^  published: .*$", "  published: [2022-23]", organisation.read_text())
    assert found == 1, "the fixture lists no published years"
    organisation.write_text(text, encoding="utf-8")
    (repo / "docs").mkdir()
    shutil.copy(SETTINGS, repo / "mkdocs.yml")
    root = tmp_path_factory.mktemp("provisional-site")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(root)]
    build = subprocess.run(command, cwd=repo, capture_output=True, text=True, check=False,
                           env={**os.environ, "CANDOUR_AS_OF": "2024-04-30"})
    assert build.returncode == 0, build.stdout + build.stderr
    handler = type("Handler", (SiteRequestHandler,), {"prefix": served_prefix(root)})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield Server(BuiltSite(root, handler.prefix), f"http://127.0.0.1:{httpd.server_port}{handler.prefix}")
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_the_home_page_headlines_the_final_year_not_the_provisional_one(
    provisional_site: Server, page, view: View
) -> None:
    open_page(page, provisional_site.url(""), view.dark)
    home = page.evaluate(HOME)
    said = " ".join(home["text"].split())
    assert "headline figures for 2022-23, the latest year whose report is final" in said
    # 2022-23: two complaints (C-2022-0001, 0002); 2023-24 has five so far (C-2023-0001 to 0005).
    complaints = next(card for card in home["cards"] if "formal complaints" in card)
    assert complaints.split()[0] == "2", home["cards"]
    assert not any(card.split()[0] == "5" and "formal complaints" in card for card in home["cards"])
    assert any(warning.startswith("2023-24: provisional figures") and "incomplete and will change" in warning
               for warning in home["warnings"]), home["warnings"]
    assert "Read the 2022-23 report" in home["text"] and "Read the 2023-24 report" not in home["text"]


def test_the_provisional_report_says_so_and_gives_no_change(
    provisional_site: Server, page, view: View
) -> None:
    open_page(page, provisional_site.url("reports/2023-24/"), view.dark)
    report = page.evaluate(REPORT)
    assert any(warning.startswith("Provisional: these figures are incomplete and will change")
               for warning in report["warnings"]), report["warnings"]
    assert "2023-24 (provisional)" in report["headings"], report["headings"]
    assert "2022-23 (provisional)" not in report["headings"]
    # Once published, its service groups table has a "Change on 2022-23" column (test_provisional_changes).
    assert not [heading for heading in report["headings"] if heading.startswith("Change on")]
    assert "Change on" not in report["text"]
    said = " ".join(report["text"].split())
    assert "the 2023-24 figures are provisional, so a change would show how much of the year" in said

"""The tracker's pages built by MkDocs (slow).

The site here holds only the tracker, built from the records of `test_tracker_pages`, with the
Markdown extensions the tracker needs (`md_in_html`, `tables`, `attr_list`), and no plugin: the pages
are written as `candour pages` writes them, their HTML blocks published and sanitised by
`generator.published`, wrapped so that Python-Markdown leaves them alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from test_tracker_pages import ACTIONS, AS_OF, RECORDS, SINCE, _history

from generator.pages.tracker import tracker_files
from generator.published import plain_page, ready_pages

SAYS = "(text) => document.querySelector('.candour-tracker-count').textContent === text"
MKDOCS_YML = """\
site_name: Tracker test
docs_dir: docs
site_dir: site
use_directory_urls: {directory_urls}
theme: {{name: material}}
markdown_extensions: [md_in_html, tables, attr_list, toc]
extra_css: [tracker/tracker.css]
"""


def _build(root: Path, *, directory_urls: bool) -> Path:
    made = tracker_files(RECORDS, as_of=AS_OF, changed_since=SINCE, record_history=_history)
    # Each action links to the records editor, which the plugin adds to every site (generator.cms).
    published = ready_pages(made, ["index.md", "admin/index.html"], directory_urls)
    assert not published.missing
    for file in published.files:
        target = root / "docs" / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(file.content, str):
            target.write_text(plain_page(file.content) if file.is_page else file.content)
        else:
            target.write_bytes(file.content)
    (root / "docs" / "index.md").write_text("# Home\n\n[Tracker](tracker/index.md)\n")
    (root / "docs" / "admin").mkdir()
    (root / "docs" / "admin" / "index.html").write_text("<!doctype html><title>Records editor</title>\n")
    (root / "mkdocs.yml").write_text(MKDOCS_YML.format(directory_urls=str(directory_urls).lower()))
    build(load_config(config_file=str(root / "mkdocs.yml"), strict=True))  # a warning fails it
    return root / "site"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("tracker-site"), directory_urls=True)


@pytest.mark.slow
def test_every_tracker_page_builds_strictly_with_links_resolved(site: Path) -> None:
    overview = (site / "tracker" / "index.html").read_text()
    for action in ACTIONS:
        assert f'href="actions/{action.id}/"' in overview
        assert (site / "tracker" / "actions" / action.id / "index.html").exists()
    assert (site / "tracker" / "changes" / "index.html").exists()
    assert '<img alt="Bar chart' in overview and 'src="actions-by-theme.svg"' in overview


@pytest.mark.slow
def test_nothing_a_record_says_becomes_markup_in_the_built_pages(site: Path) -> None:
    for page in (site / "tracker").rglob("*.html"):
        text = page.read_text()
        assert "<script>alert" not in text, page
        assert "<em>not bold</em>" not in text, page
    action = (site / "tracker" / "actions" / "ACT-2018-01" / "index.html").read_text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ config }} *not bold*" in action
    assert "<title>ACT-2018-01: Financial" in action

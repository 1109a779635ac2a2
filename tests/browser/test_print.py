"""Each year's printable report, printed to PDF by Chromium, holds every table and the year's totals,
and none of the site's navigation or search."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from conftest import DESKTOP_LIGHT, REPOSITORY, Server, View, in_ci
from pagecheck import open_page

from generator.figures.report import YearReport
from generator.figures.table import Table
from generator.records import load_records
from generator.site import year_reports
from generator.views.cells import cell_text

pytestmark = [pytest.mark.browser, pytest.mark.parametrize("view", [DESKTOP_LIGHT], ids=["desktop-light"])]

# The words of the page outside the report itself: the site's header, navigation, search, footer.
CHROME = """() => {
  const texts = (selector) => [...document.querySelectorAll(selector)].map((item) => item.innerText.trim());
  return {
    chrome: [
      ...texts('.md-header__topic, .md-tabs__link, .md-nav__link, .md-footer__link, .md-copyright, .md-skip'),
      ...[...document.querySelectorAll('.md-search__input')].map((input) => input.placeholder),
    ].flatMap((text) => text.split('\\n')).map((text) => text.trim()).filter((text) => text.length > 2),
    article: document.querySelector('article').innerText,
  };
}"""


# The theme's parts that must not print, and any of them that still has a box in print layout.
LAID_OUT = """() => [...document.querySelectorAll(
  '.md-header, .md-tabs, .md-sidebar, .md-search, .md-footer, .md-top, .md-skip, .md-source'
)].filter((item) => item.getClientRects().length > 0).map((item) => item.className)"""


def plain(text: str) -> str:
    """Text as compared: ligatures undone, all runs of white space one space."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture(scope="module")
def reports() -> list[YearReport]:
    return year_reports(load_records(REPOSITORY))


@pytest.fixture(scope="module")
def pdftotext() -> str:
    found = shutil.which("pdftotext")
    if found is None:
        if in_ci():
            pytest.fail("pdftotext (poppler-utils) is missing; CI must install it", pytrace=False)
        pytest.skip("pdftotext not found; install poppler-utils to run the print test")
    return found


def printed_text(page, pdf: Path, pdftotext: str) -> str:  # type: ignore[no-untyped-def]
    page.pdf(path=str(pdf), format="A4", print_background=False)
    layout = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    return layout.stdout


def table_title(table: Table) -> str:
    return plain(f"Table {table.number}: {table.title}")


def totals(report: YearReport) -> list[tuple[Table, str, str]]:
    """(table, row label, figure) for every total row of every table, in the year's own column."""
    found = []
    for table in report.tables:
        column = next((i for i, c in enumerate(table.columns) if c.year == report.year), None)
        if column is None:
            continue
        found += [(table, row.label, cell_text(row.cells[column])) for row in table.rows if row.is_total]
    return found


def table_text(flat: str, report: YearReport, table: Table) -> str:
    """The printed text from a table's title to the next table's title."""
    start = flat.find(table_title(table))
    later = [flat.find(table_title(other), start + 1) for other in report.tables]
    ends = [position for position in later if position > start]
    return flat[start:min(ends, default=len(flat))]


def shows_total(text: str, label: str, figure: str) -> bool:
    """The total's label (a long one may wrap round the figures in print) and its figure."""
    words = plain(label).split()
    label_shown = re.search(r"\b" + r" (?:[^ ]+ ){0,6}?".join(map(re.escape, words)) + r"\b", text)
    figure_shown = re.search(r"(?<![\w.,£%])" + re.escape(figure) + r"(?![\w.,%])", text)
    return bool(label_shown and figure_shown)


def test_each_years_printable_report_prints_whole(
    server: Server, page, view: View, reports: list[YearReport], pdftotext: str, tmp_path: Path
) -> None:
    assert reports, "the demo records give no year's report"
    for report in reports:
        open_page(page, server.url(f"reports/{report.year}/print/"), view.dark)
        around = page.evaluate(CHROME)
        text = printed_text(page, tmp_path / f"report-{report.year}.pdf", pdftotext)
        flat = plain(text)

        missing_titles = [
            table_title(table) for table in report.tables if table_title(table) not in flat
        ]
        assert not missing_titles, f"the {report.year} PDF lacks these tables: {missing_titles}"

        year_totals = totals(report)
        assert year_totals, f"the {report.year} report has no total rows to look for"
        missing_totals = [
            f"table {table.number}, {label}: {figure}" for table, label, figure in year_totals
            if not shows_total(table_text(flat, report, table), label, figure)
        ]
        assert not missing_totals, f"the {report.year} PDF lacks these totals: {missing_totals}"

        # Navigation and search print nothing: no words of theirs that the report itself lacks are
        # in the PDF, and in print layout their boxes take no space at all.
        article = plain(around["article"])
        printed_chrome = sorted({
            label for label in around["chrome"]
            if plain(label) not in article and plain(label) in flat
        })
        assert not printed_chrome, f"the {report.year} PDF shows the site's navigation: {printed_chrome}"
        page.emulate_media(media="print")
        laid_out = page.evaluate(LAID_OUT)
        page.emulate_media(media="null")  # back to no emulation, which page.pdf() needs to print
        assert not laid_out, f"in print, the {report.year} page still lays out {laid_out}"

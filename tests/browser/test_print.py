"""Each year's printable report, printed to PDF by Chromium, holds every table and the year's totals,
and none of the site's navigation or search; the report and the tracker print on A4 (from the
site's own @page rule, not the test's choice), with every word, chart text included, at 9 pt or
more, and the tracker keeps each action's RAG rating. The PDFs are kept in test-artifacts/print/."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from conftest import ARTIFACTS, DESKTOP_LIGHT, REPOSITORY, Server, View, in_ci, pages_of_kind
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


PRINTED = ARTIFACTS / "print"
A4_POINTS = (595.3, 841.9)
MIN_PRINTED_POINTS = 9
# pdftohtml gives font sizes as whole numbers at its zoom; at its largest zoom, 3, that is a third
# of a point.
ZOOM = 3
CHART_UNIT = "Per cent of the year's total"  # words only a chart of shares prints


def poppler(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        if in_ci():
            pytest.fail(f"{tool} (poppler-utils) is missing; CI must install it", pytrace=False)
        pytest.skip(f"{tool} not found; install poppler-utils to run the print test")
    return found


def printed_text(page, pdf: Path, pdftotext: str) -> str:  # type: ignore[no-untyped-def]
    """Print the page as a reader's browser would, on the paper the site's @page asks for."""
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=False)
    PRINTED.mkdir(parents=True, exist_ok=True)
    shutil.copy(pdf, PRINTED / pdf.name)
    layout = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    return layout.stdout


def page_sizes(pdf: Path) -> set[tuple[float, float]]:
    """Each page's size in points, as pdfinfo reads it."""
    info = subprocess.run([poppler("pdfinfo"), "-f", "1", "-l", "9999", str(pdf)],
                          capture_output=True, text=True, check=True).stdout
    return {(float(w), float(h)) for w, h in re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+) pts", info)}


def text_sizes(pdf: Path) -> list[tuple[float, str]]:
    """Every run of text in the PDF with its font size in points, as pdftohtml reads them."""
    xml = subprocess.run([poppler("pdftohtml"), "-xml", "-i", "-q", "-zoom", str(ZOOM), "-stdout", str(pdf)],
                         capture_output=True, text=True, check=True).stdout
    sizes = {font: int(size) / ZOOM for font, size in re.findall(r'<fontspec id="(\d+)" size="(\d+)"', xml)}
    runs = re.findall(r'<text [^>]*font="(\d+)"[^>]*>(.*?)</text>', xml)
    return [(sizes[font], re.sub(r"<[^>]+>", "", words)) for font, words in runs]


def paper_problems(pdf: Path, *, every_word: bool = True, landscape: bool = False) -> list[str]:
    """Pages not A4 (upright, or `landscape`), and (`every_word`) words printed under 9 pt, to the
    third of a point pdftohtml measures."""
    width, height = reversed(A4_POINTS) if landscape else A4_POINTS
    paper = "A4 landscape" if landscape else "A4"
    problems = [f"a page is {w} x {h} pt, not {paper}" for w, h in page_sizes(pdf)
                if abs(w - width) > 2 or abs(h - height) > 2]
    if not every_word:
        return problems
    small = sorted({(size, words.strip()[:40]) for size, words in text_sizes(pdf)
                    if size < MIN_PRINTED_POINTS - 1 / ZOOM and words.strip()})
    problems += [f"'{words}' printed at {size:.1f} pt" for size, words in small[:10]]
    return problems


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
    """The total's label (a long one may wrap round the figures in print, and round a column of
    words such as the ombudsman reconciliation's "Why") and its figure."""
    words = plain(label).split()
    label_shown = re.search(r"\b" + r" (?:[^ ]+ ){0,14}?".join(map(re.escape, words)) + r"\b", text)
    figure_shown = re.search(r"(?<![\w.,£%])" + re.escape(figure) + r"(?![\w.,%])", text)
    return bool(label_shown and figure_shown)


def test_each_years_printable_report_prints_whole(
    server: Server, page, view: View, reports: list[YearReport], pdftotext: str, tmp_path: Path
) -> None:
    assert reports, "the demo records give no year's report"
    for report in reports:
        open_page(page, server.url(f"reports/{report.year}/print/"), view.dark)
        around = page.evaluate(CHROME)
        pdf = tmp_path / f"report-{report.year}.pdf"
        text = printed_text(page, pdf, pdftotext)
        flat = plain(text)
        problems = paper_problems(pdf)
        assert not problems, f"the {report.year} report on paper:\n" + "\n".join(problems)

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


def test_chart_text_prints_at_9_points_or_more(server: Server, page, view: View, reports: list[YearReport],
                                               pdftotext: str, tmp_path: Path) -> None:
    """The charts' own words are text in the PDF, at readable size: the checker above sees them."""
    open_page(page, server.url(f"reports/{reports[0].year}/print/"), view.dark)
    page.evaluate("() => document.querySelectorAll('img').forEach((img) => { img.loading = 'eager'; })")
    # The page was idle before the images were made eager, so wait for the images themselves: on a
    # loaded machine networkidle alone let the PDF be printed before any chart had arrived.
    page.wait_for_function("() => [...document.images].every((img) => img.complete && img.naturalWidth > 0)")
    pdf = tmp_path / "charts.pdf"
    printed_text(page, pdf, pdftotext)
    chart_words = [size for size, words in text_sizes(pdf) if CHART_UNIT in words]
    assert chart_words, "no chart's text is in the printed report"
    smallest = min(chart_words)
    assert smallest >= MIN_PRINTED_POINTS - 1 / ZOOM, f"chart text printed at {smallest:.1f} pt"


# The RAG words as the tracker writes them in its table, one for each action shown.
SHOWN_RAG = """() => [...document.querySelectorAll('table[data-tracker] tbody tr')]
  .map((row) => (row.dataset.rag || '').split(' ')[0]).filter(Boolean)"""
# The words of the tracker's filter form (made by tracker.js) and of the count beside it, as the
# screen shows them: none of them may print.
FORM_WORDS = """() => [...document.querySelectorAll(
  '.candour-tracker-filters label, .candour-tracker-filters button, .candour-tracker-filters option')]
  .map((item) => item.textContent.trim()).filter(Boolean)"""
# Words the form has and the tracker's printed content never has (its table heads share the rest).
ONLY_THE_FORM = ("Sort by", "Show every action", "Overdue first", "Showing ")


def test_the_tracker_prints_on_a4_with_each_actions_rag_and_no_filter_form(
    server: Server, page, view: View, pdftotext: str, tmp_path: Path
) -> None:
    """The printed tracker: A4 landscape, every word (its chart's included) at 9 pt or more, each action's
    RAG word, and nothing of the filter form that the screen shows above the table."""
    paths = pages_of_kind(server.site.root, "tracker")
    assert paths, "the built site has no tracker"
    open_page(page, server.url(paths[0]), view.dark)
    page.evaluate("() => document.querySelectorAll('img').forEach((img) => { img.loading = 'eager'; })")
    page.wait_for_load_state("networkidle")
    shown = page.evaluate(SHOWN_RAG)
    assert shown, "the tracker's table shows no actions"
    on_screen = page.evaluate(FORM_WORDS)
    assert set(ONLY_THE_FORM[:3]) <= set(on_screen), f"the tracker shows no filter form: {on_screen}"
    pdf = tmp_path / "tracker.pdf"
    text = printed_text(page, pdf, pdftotext)
    flat = plain(text)
    problems = paper_problems(pdf, landscape=True)  # its eleven columns at 9 pt
    assert not problems, "the tracker on paper:\n" + "\n".join(problems)
    chart_words = [size for size, words in text_sizes(pdf) if "Number of actions" in words]
    assert chart_words, "the tracker's chart prints no text"
    printed_form = [words for words in ONLY_THE_FORM if words in text]
    assert not printed_form, f"the printed tracker shows its filter form: {printed_form}"
    for rag in sorted(set(shown)):
        word = rag.capitalize()  # 'red' -> 'Red', as the table writes it
        printed = len(re.findall(rf"\b{word}\b", flat))
        assert printed >= shown.count(rag), (
            f"the printed tracker has '{word}' {printed} times for {shown.count(rag)} {rag} actions")

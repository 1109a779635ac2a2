"""Whole-site builds of the demo records: the published 2019-20 report, figure for figure.

These build the site with `mkdocs build --strict` (and `candour build`) in a copy of the
repository, so they are marked slow: `make test` runs them, `pytest` alone does not.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.slow

REPOSITORY = Path(__file__).resolve().parent.parent
COPIED = ("records", "schemas", "docs", "overrides", "mkdocs.yml")
AS_OF = "2020-09-30"
REPORT = "reports/2019-20/index.html"


def copy_repository(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = REPOSITORY / name
        if not source.exists():
            continue
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    return target


def environment() -> dict[str, str]:
    return {**os.environ, "CANDOUR_AS_OF": AS_OF, "NO_MKDOCS_2_WARNING": "1",
            "SOURCE_DATE_EPOCH": "1600000000"}


def run(command: list[str], root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=root, env=environment(), capture_output=True,
                          text=True, timeout=600, check=False)


def mkdocs_build(root: Path) -> subprocess.CompletedProcess[str]:
    return run(["mkdocs", "build", "--strict", "--site-dir", "site"], root)


def candour_build(root: Path) -> subprocess.CompletedProcess[str]:
    return run(["generator", "build", "--root", str(root)], root)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo repository copied and built once: its folder, with the site in site/."""
    root = copy_repository(tmp_path_factory.mktemp("demo"))
    built = mkdocs_build(root)
    assert built.returncode == 0, built.stderr
    assert "WARNING" not in built.stderr, built.stderr
    return root


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def table_lines(soup: BeautifulSoup, table_id: str) -> list[tuple[str, list[str]]]:
    """A rendered table's rows in order: the label and the text of each cell."""
    table = soup.find("table", attrs={"aria-labelledby": f"table-{table_id.replace('_', '-')}"})
    assert table is not None, f"no table {table_id}"
    return [(row.th.get_text(strip=True), [cell.get_text(strip=True) for cell in row.find_all("td")])
            for row in table.tbody.find_all("tr")]


def table_rows(soup: BeautifulSoup, table_id: str) -> dict[str, list[str]]:
    return dict(table_lines(soup, table_id))


def section_of(soup: BeautifulSoup, table_id: str) -> list:
    """Everything between a table's heading and the next table heading."""
    heading = soup.find(id=f"table-{table_id.replace('_', '-')}")
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h2", "h3"):
            break
        parts.append(sibling)
    return parts


# Seed 001, tables 1 to 10: each row as published, 2019-20, 2018-19, 2017-18 --------------------

SEED = {
    "representations": {
        "Formal complaints accepted": ["35", "30", "39"],
        "Requests for service": ["24", "33", "36"],
        "Withdrawn or not pursued": ["6", "7", "9"],
        "Ineligible or redirected": ["21", "20", "22"],
        "Total representations considered": ["86", "90", "106"],
    },
    "outcomes": {
        "Upheld": ["8 (23%)", "11 (37%)", "10 (26%)"],
        "Partially upheld": ["14 (40%)", "9 (30%)", "21 (54%)"],
        # Published as 8 (20%): 8 of 39 is 20.5%, which the report rounds to 21% and notes.
        "Not upheld": ["12 (34%)", "10 (33%)", "8 (21%)"],
        "Still outstanding": ["1 (3%)", "0 (0%)", "0 (0%)"],
        "Total": ["35", "30", "39"],
    },
    "service_areas": {  # customers 2019-20, then complaints for each year
        "Northwich & Winsford Patch Team": ["1,955", "4", "1", "5"],
        "Chester, Ellesmere Port & Rural Patch Team": ["3,975", "19", "12", "20"],
        "Learning Disability Team": ["1,266", "2", "3", "2"],
        "Occupational Therapy": ["4,991", "1", "2", "0"],
        "Review Team": ["111", "0", "0", "1"],
        "Reablement and Provider Services": ["526", "0", "1", "0"],
        "Community Mental Health": ["648", "0", "4", "8"],
        "Hospital Social Work Teams": ["1,736", "5", "3", "1"],
        "Safeguarding Team": ["30", "2", "0", "0"],
        "Client Finance": ["0", "1", "1", "1"],
        "Commissioned Provider Services": ["0", "0", "0", "1"],
        "Strategic Commissioning": ["42", "0", "1", "0"],
        "Transition Team": ["n/a", "0", "1", "0"],
        "Emergency Duty Team": ["44", "0", "1", "0"],
        "Community Access Team": ["2,336", "0", "0", "1"],
        "Solutions Team": ["231", "0", "0", "0"],
        "Other": ["644", "1", "0", "0"],
        "Total": ["18,535", "35", "30", "39"],
    },
    "subjects": {
        "Standard / quality / appropriateness of service": ["23", "21", "25"],
        "Ignoring concerns": ["1", "1", "2"],
        "Appropriateness of service": ["1", "1", "0"],
        "Issues with provider": ["8", "3", "5"],
        "Inaccuracies in assessments": ["3", "0", "1"],
        "Lack of support": ["8", "13", "12"],
        "Standard of care": ["2", "3", "5"],
        "Attitude or behaviour": ["1", "2", "1"],
        "Communication and information": ["7", "1", "1"],
        "Financial / cost issues": ["4", "2", "12"],
        "Total": ["35", "30", "39"],
    },
    "response_times": {
        "20 working days or less": ["7", "6", "8"],
        "21 to 40 working days": ["10", "11", "9"],
        "41 to 60 working days": ["6", "5", "8"],
        "61 to 80 working days": ["6", "3", "2"],
        "81 to 100 working days": ["2", "1", "2"],
        "Over 100 working days": ["3", "4", "10"],
        "Still open": ["1", "0", "0"],
        "Total": ["35", "30", "39"],
    },
    "receipt_points": {
        "Service area": ["7", "5", "10"],
        "Customer Relations Team": ["23", "23", "28"],
        "Director / Head of Service": ["2", "1", "0"],
        "Chief Executive": ["0", "1", "0"],
        "Other": ["3", "0", "1"],
        "Total": ["35", "30", "39"],
    },
    "receipt_methods": {
        "Letter": ["2", "6", "9"],
        "Telephone / verbal": ["1", "4", "4"],
        "Email": ["22", "12", "21"],
        "Online complaints form": ["9", "6", "4"],
        "Feedback form": ["1", "2", "1"],
        "Total": ["35", "30", "39"],
    },
    "compliments": {"Compliments received": ["93", "136", "310"]},
    "compliments_by_team": {
        "Northwich & Winsford Patch Team": ["3", "2", "18"],
        "Chester, Ellesmere Port & Rural Patch Team": ["6", "15", "9"],
        "Learning Disability Team": ["1", "0", "10"],
        "Occupational Therapy": ["1", "1", "0"],
        "Community Access Team": ["3", "3", "3"],  # the former Advice and Contact Team
        "Reablement and Provider Services": ["9", "0", "0"],
        "Community Mental Health": ["0", "3", "0"],
        "Emergency Duty Team": ["0", "0", "0"],
        "Hospital Social Work Teams": ["6", "11", "3"],
        "Safeguarding Team": ["1", "0", "2"],
        "Review Team": ["2", "n/a", "n/a"],
        "Client Finance": ["0", "0", "1"],
        "Commissioned Provider Services": ["61", "101", "264"],
        "Total": ["93", "136", "310"],
    },
    "complainants": {
        "Care recipient": ["11", "9", "11"],
        "Parent": ["2", "3", "5"],
        "Grandchild": ["0", "0", "0"],
        "Husband / wife": ["0", "1", "3"],
        "Sibling": ["2", "2", "2"],
        "Executor": ["0", "0", "0"],
        "Son / daughter": ["16", "12", "16"],
        "Advocacy service": ["4", "2", "1"],
        "Friend": ["0", "0", "1"],
        "Unknown (did not say)": ["0", "1", "0"],
        "Total": ["35", "30", "39"],
    },
}


@pytest.mark.parametrize("table_id", sorted(SEED))
def test_2019_20_report_shows_every_figure_of_the_published_tables(demo, table_id):
    rows = table_rows(soup_of(demo / "site" / REPORT), table_id)
    for label, published in SEED[table_id].items():
        assert label in rows, f"{table_id}: no row {label!r}"
        assert rows[label][:len(published)] == published, f"{table_id}: {label}"


def test_the_ombudsman_decisions_and_remedies(demo):
    soup = soup_of(demo / "site" / REPORT)
    decisions = table_rows(soup, "ombudsman")
    assert decisions["Closed after initial enquiries"][0] == "4"
    assert decisions["Incomplete or invalid"][0] == "1"
    assert decisions["Premature \N{EN DASH} referred back for local resolution"][0] == "2"
    assert decisions["Advice given"][0] == "1"
    assert decisions["Upheld: maladministration and injustice"][0] == "5"
    assert decisions["Upheld: injustice remedied during investigation"][0] == "1"
    summary = table_rows(soup, "ombudsman_summary")
    assert summary["Cases received by the ombudsman"][:2] == ["14", "16"]
    assert summary["Decisions made"][:2] == ["14", "16"]
    remedies = table_rows(soup, "ombudsman_remedies")
    assert remedies["Total financial remedies"] == ["£2,900"]
    amounts = sorted(cells[0] for label, cells in table_lines(soup, "ombudsman_remedies")
                     if label != "Total financial remedies")
    assert amounts == sorted(["£100", "£250", "£500", "£250", "£750", "£300", "£500", "£250"])
    assert "£2,900" in soup.find(id="ombudsman").find_next("p").get_text()  # the prose names it too


@pytest.mark.parametrize(("table_id", "year", "added", "total"), [
    ("service_areas", "2017-18", "40", "39"),
    ("subjects", "2018-19", "26", "30"),
])
def test_faults_in_published_tables_are_visible_warnings(demo, table_id, year, added, total):
    soup = soup_of(demo / "site" / REPORT)
    warnings = [part for part in section_of(soup, table_id)
                if part.name == "div" and "warning" in part.get("class", [])]
    assert warnings, f"no warning under {table_id}"
    text = warnings[0].get_text(" ", strip=True)
    assert year in text and f"add up to {added}" in text and total in text


def test_every_table_has_its_csv_its_chart_and_a_definition(demo):
    site = demo / "site"
    soup = soup_of(site / REPORT)
    headings = soup.find_all("h3", id=re.compile(r"^table-"))
    assert len(headings) >= 10
    for heading in headings:
        parts = section_of(soup, heading["id"].removeprefix("table-").replace("-", "_"))
        links = {a.get_text(strip=True): a["href"] for part in parts for a in part.find_all("a")}
        csv_link = next(href for text, href in links.items() if text.endswith("as CSV"))
        assert (site / "reports/2019-20" / csv_link).is_file()
        assert any(href.startswith("../../methodology/#") for href in links.values()), heading["id"]
        for image in (image for part in parts for image in part.find_all("img")):
            assert image["alt"].startswith("Bar chart of table")
            assert re.search(r"\d", image["alt"])
            assert (site / "reports/2019-20" / image["src"]).is_file()


def test_every_year_has_a_report_a_printable_page_and_its_downloads(demo):
    site = demo / "site"
    downloads = soup_of(site / "downloads/index.html")
    for year in ("2019-20", "2018-19", "2017-18"):
        assert (site / f"reports/{year}/index.html").is_file()
        printable = soup_of(site / f"reports/{year}/print/index.html")
        assert printable.find(id="summary") is not None
        assert printable.find("div", class_="md-sidebar--primary").has_attr("hidden")  # no navigation
        assert printable.find("div", class_="md-sidebar--secondary").has_attr("hidden")  # no contents
        assert printable.find(id="introduction").find_next("h4") is not None  # the procedure included
        assert downloads.find(id=f"year-{year}") is not None
    home = soup_of(site / "index.html")
    assert "2019-20" in home.find("h1").find_next("p").get_text()
    assert "35" in home.get_text()


def test_a_council_in_one_language_has_one_site_and_no_language_switcher(demo):
    site = demo / "site"
    assert not (site / "cy").exists()
    for page in ("index.html", "reports/2019-20/index.html", "404.html"):
        html = soup_of(site / page)
        assert html.html["lang"] == "en"
        assert not html.find_all(hreflang=True) and not html.select(".md-select__link"), page


def test_commentary_cites_computed_figures(demo):
    text = soup_of(demo / "site" / REPORT).get_text(" ")
    assert "we accepted 35 formal complaints" in " ".join(text.split())
    assert "an increase of 17%" in " ".join(text.split())


def outcomes_csv(root: Path) -> list[list[str]]:
    text = (root / "site/reports/2019-20/data/outcomes.csv").read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_changing_one_record_changes_figure_prose_chart_and_csv_together(demo, tmp_path):
    changed = copy_repository(tmp_path / "changed")
    case = changed / "records/cases/2019-20/C-2019-0006.yaml"
    case.write_text(case.read_text(encoding="utf-8").replace("outcome: upheld\n", "outcome: not-upheld\n"),
                    encoding="utf-8")
    built = mkdocs_build(changed)
    assert built.returncode == 0, built.stderr

    before, after = soup_of(demo / "site" / REPORT), soup_of(changed / "site" / REPORT)
    assert table_rows(before, "outcomes")["Upheld"][0] == "8 (23%)"
    assert table_rows(after, "outcomes")["Upheld"][0] == "7 (20%)"
    assert table_rows(after, "outcomes")["Not upheld"][0] == "13 (37%)"
    prose = " ".join(after.find(id="outcomes").find_next("p").get_text().split())
    assert prose.startswith("We upheld 7 complaints in full (20%)")
    chart = "site/reports/2019-20/charts/outcomes.svg"
    assert (demo / chart).read_bytes() != (changed / chart).read_bytes()
    image = after.find("img", src="charts/outcomes.svg")
    assert "Upheld: 2019-20 20%," in image["alt"]  # 7 of 35: the chart shows shares as such
    assert outcomes_csv(demo)[1][:3] == ["upheld", "Upheld", "8"]
    assert outcomes_csv(changed)[1][:3] == ["upheld", "Upheld", "7"]
    # Everything else stays byte for byte the same: the same records give the same site.
    same = "site/reports/2019-20/charts/representations.svg"
    assert (demo / same).read_bytes() == (changed / same).read_bytes()


def test_failed_build_leaves_the_previous_site_untouched(demo, tmp_path):
    root = copy_repository(tmp_path / "repo")
    shutil.copytree(demo / "site", root / "site")
    home = (root / "site/index.html").read_bytes()
    case = root / "records/cases/2019-20/C-2019-0006.yaml"
    case.write_text(case.read_text(encoding="utf-8").replace("received: 2019-04-11", "received: 2019-13-45"),
                    encoding="utf-8")
    failed = candour_build(root)
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr
    where = r"records/cases/2019-20/C-2019-0006\.yaml:\d+:\d+: received"
    assert re.search(where, failed.stderr), failed.stderr
    assert (root / "site/index.html").read_bytes() == home
    assert sorted(path.name for path in root.iterdir() if path.name.startswith("site")) == ["site"]


def test_unknown_figure_name_fails_the_build_with_page_and_line(tmp_path):
    root = copy_repository(tmp_path / "repo")
    commentary = root / "docs/commentary/2019-20.md"
    lines = commentary.read_text(encoding="utf-8").splitlines()
    lines.insert(6, "And {{ complaints_upheld_in_full }} more.")
    commentary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    failed = candour_build(root)
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr
    assert "docs/commentary/2019-20.md:7: 'complaints_upheld_in_full' is not a figure name" in failed.stderr
    assert not (root / "site").exists()


def test_the_ombudsman_s_own_figures_beside_ours_compared_and_reconciled(demo):
    soup = soup_of(demo / "site" / REPORT)
    beside = table_rows(soup, "ombudsman_beside")
    # The LGSCO's letter: 6 upheld of 6 detailed investigations; our 14 records hold the same 6.
    assert beside["Uphold rate (upheld, as a share of detailed investigations)"] == ["6 (100%)", "6 (100%)"]
    assert beside["Decisions made"] == ["17", "14"]
    similar = table_rows(soup, "ombudsman_similar")
    assert similar["Uphold rate: average of similar authorities"] == ["69%", "66%", "62%"]
    differences = [cells for label, cells in table_lines(soup, "ombudsman_similar")
                   if label == "Difference from similar authorities"]
    # Uphold rate 100 - 69, 67 - 66, 75 - 62; compliance 100 - 99.4 (2017-18: not published).
    assert differences[:2] == [["+31 points", "+1 point", "+13 points"], ["+1 point", "+1 point", "n/a"]]
    reconciled = table_rows(soup, "ombudsman_reconciliation")
    assert reconciled["Add: decided at assessment, only in the ombudsman's count"][0] == "3"
    assert (demo / "site" / "reports" / "2019-20" / "charts" / "ombudsman_similar.svg").is_file()
    assert "Every difference between the two counts is explained above." in soup.get_text()


def test_search_indexes_a_generated_pages_words_but_not_its_tables(demo):
    """Search reads the prose, headings and tracker pages; a table's cells only on the page."""
    site = demo / "site"
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    report = [doc for doc in index["docs"] if doc["location"].startswith("reports/2019-20/")]
    titles = {doc["title"] for doc in report}
    text = " ".join(doc["text"] for doc in report)
    assert "Table 1: Representations considered" in titles
    assert "This report covers 1 April 2019 to 31 March 2020." in text
    # Table 1's column heading is in the page, and nowhere in what search has of it.
    assert "What became of the representation" in (site / REPORT).read_text(encoding="utf-8")
    assert "What became of the representation" not in text
    assert any(doc["location"].startswith("tracker/actions/") for doc in index["docs"])

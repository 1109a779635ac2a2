"""Site assembly: the navigation, the hand-written pages, definitions the tables link to."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.pages.methodology import anchors, methodology_page
from generator.records import load_records
from generator.site import HandWritten, site_nav, year_reports
from generator.sitefiles import SiteFile

REPOSITORY = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def demo_records():
    return load_records(REPOSITORY)


def test_every_table_links_to_a_definition_the_methodology_page_has(demo_records):
    offered = anchors(methodology_page(demo_records.organisation))
    assert {"working-days", "rounding", "open-data", "faults"} <= offered
    for report in year_reports(demo_records):
        for table in report.tables:
            assert table.definition in offered, f"{report.year} {table.id}: #{table.definition}"


def test_reports_are_newest_first(demo_records):
    assert [report.year for report in year_reports(demo_records)][:3] == ["2019-20", "2018-19", "2017-18"]


def test_hand_written_pages_and_commentary_are_read_apart(tmp_path):
    (tmp_path / "commentary").mkdir()
    (tmp_path / "commentary" / "2019-20.md").write_text("{{ complaints }}", encoding="utf-8")
    (tmp_path / "procedure.md").write_text("# Procedure", encoding="utf-8")
    read = HandWritten.read(tmp_path)
    assert read.pages == {"procedure.md": "# Procedure"}
    assert read.commentary == {"2019-20": "{{ complaints }}"}
    assert read.commentary_path("2019-20") == f"{tmp_path.name}/commentary/2019-20.md"


def test_navigation_puts_the_latest_report_first_and_leaves_out_print_and_action_pages():
    files = [SiteFile(path, "") for path in (
        "index.md", "reports/index.md", "reports/2017-18/index.md", "reports/2019-20/index.md",
        "reports/2018-19/index.md", "reports/2019-20/print.md", "tracker/index.md",
        "tracker/actions/ACT-2019-01.md", "methodology.md", "downloads.md", "figures.md",
    )]
    nav = site_nav(files, HandWritten("docs", {"procedure.md": ""}, {}))
    assert nav[0] == {"Home": "index.md"}
    assert nav[1] == {"Annual reports": ["reports/index.md", {"2019-20": "reports/2019-20/index.md"},
                                         {"2018-19": "reports/2018-19/index.md"},
                                         {"2017-18": "reports/2017-18/index.md"}]}
    assert {"Our complaints procedure": "procedure.md"} in nav
    assert {"About this report": "introduction.md"} not in nav
    flat = str(nav)
    assert "print.md" not in flat and "tracker/actions" not in flat
    assert {"Action-plan tracker": ["tracker/index.md"]} in nav

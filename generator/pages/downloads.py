"""The open-data page: every table's CSV and every chart, year by year."""

from __future__ import annotations

from collections.abc import Sequence

from generator.figures.report import YearReport
from generator.pages.environment import render
from generator.pages.report import chart_path, csv_path, report_folder
from generator.sitefiles import SiteFile
from generator.views.chart import chart_data


def downloads_page(reports: Sequence[YearReport]) -> SiteFile:
    """`reports` newest first."""
    years = []
    for report in reports:
        folder = report_folder(report.year)
        tables = [
            {
                "number": table.number, "title": table.title,
                "csv": f"{folder}/{csv_path(table)}", "csv_name": f"{table.id}.csv",
                "chart": f"{folder}/{chart_path(table)}" if chart_data(table) else None,
                "chart_name": f"{table.id}.svg",
            }
            for table in report.tables
        ]
        years.append({"year": report.year, "tables": tables})
    return SiteFile("downloads.md", render("downloads.md.j2", years=years))

"""Every file of the generated site, from the records and the hand-written pages.

The MkDocs plugin adds these files to a build; nothing here knows of MkDocs. Pages are
proportional to years and actions (never one per case), and each chart is drawn once.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from generator.figures.basis import RecordsByYear
from generator.figures.report import YearReport, numbered_reports, report_years, year_report
from generator.language import _, current
from generator.last_build import LastBuild
from generator.model import Records
from generator.pages.commentary import Commentary, commentary
from generator.pages.downloads import downloads_page
from generator.pages.figure_names import figure_names_page
from generator.pages.home import home_page, reports_index, waiting_home_page
from generator.pages.methodology import anchors, methodology_page
from generator.pages.officers import OFFICERS_PAGE, officers_page
from generator.pages.report import chart_files, report_pages, table_files
from generator.pages.sections import SECTION_TITLES
from generator.sitefiles import SiteFile
from generator.views.chart import ChartData, chart_data, drawn
from generator.views.chart_workers import Aside, DrawingAhead
from generator.years import year_start

STYLESHEET = "stylesheets/candour.css"
COMMENTARY_FOLDER = "commentary"
# Hand-written pages a report includes in its printable version, in this order.
INCLUDED_PAGES = ("introduction.md", "procedure.md")
REPORT_PAGES = ("index.md", "print.md")  # in each year's folder


@dataclass(frozen=True)
class HandWritten:
    """What the site reads from the docs folder: its pages, and each year's commentary source."""

    folder_name: str  # 'docs', to name files in error messages
    pages: dict[str, str]  # path relative to the docs folder -> Markdown
    commentary: dict[str, str]  # year -> Markdown with figure names
    # year -> where its commentary was read, when not in commentary/ itself: 'commentary/cy'
    commentary_folders: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, docs_dir: Path, *, language: str | None = None,
             languages: Sequence[str] = ()) -> HandWritten:
        """The pages and commentary of the site in `language`, one of the organisation's `languages`.

        The first language's pages are the docs folder's, less the folder of each other language
        (`cy/`); another language's site has the same pages, each replaced by its own version in
        its folder (`cy/introduction.md`) where there is one, and its commentary is read from
        `commentary/cy/`, falling back on the first language's for a year it has none."""
        others = set(languages[1:])
        own = language if language in others else None
        pages, commentary_sources, own_pages, own_commentary = {}, {}, {}, {}
        if docs_dir.is_dir():
            for path in sorted(docs_dir.rglob("*.md")):
                relative = path.relative_to(docs_dir).as_posix()
                folder, _, rest = relative.partition("/")
                if folder == COMMENTARY_FOLDER:
                    place, _, name = rest.rpartition("/")
                    if not place:
                        commentary_sources[path.stem] = path.read_text(encoding="utf-8")
                    elif place == own:
                        own_commentary[Path(name).stem] = path.read_text(encoding="utf-8")
                elif folder == own and rest:
                    own_pages[rest] = path.read_text(encoding="utf-8")
                elif folder not in others:
                    pages[relative] = path.read_text(encoding="utf-8")
        return cls(docs_dir.name, {**pages, **own_pages}, {**commentary_sources, **own_commentary},
                   {year: f"{COMMENTARY_FOLDER}/{own}" for year in own_commentary})

    def commentary_path(self, year: str) -> str:
        return f"{self.folder_name}/{self.commentary_folders.get(year, COMMENTARY_FOLDER)}/{year}.md"


def _tracker_files(records: Records, **options: Any) -> list[SiteFile]:
    try:
        from generator.pages.tracker import tracker_files
    except ImportError:
        return []
    return tracker_files(records, **options)


class MadeBefore:
    """Under `mkdocs serve`: files the last build made, used again when what they are made from is
    the same. The tracker is made from the actions, not the cases: after a change to a case, its
    pages (one for each action) are not made again."""

    def __init__(self) -> None:
        self.tracker: LastBuild[list[SiteFile]] = LastBuild()

    def next_build(self) -> None:
        self.tracker.next_build()

    def tracker_files(self, records: Records, *, as_of: date, changed_since: date,
                      record_history: Hashable) -> list[SiteFile]:
        # The organisation holds dicts, so it is compared by its repr; actions and commits are frozen.
        sources = (
            records.actions, repr(records.organisation), tuple(sorted(records.years)), as_of, changed_since,
            record_history,  # the tracker's history of the action records, compared by its versions
            current(),  # the language its pages are written in: never the English pages on the Welsh site
        )
        return self.tracker.made(sources, lambda: _tracker_files(
            records, as_of=as_of, changed_since=changed_since, record_history=record_history))


def _accessibility_files(records: Records) -> list[SiteFile]:
    try:
        from generator.pages.accessibility import accessibility_files
    except ImportError:
        return []
    return accessibility_files(records)


def stylesheet() -> SiteFile:
    text = (Path(__file__).parent / "templates" / STYLESHEET).read_text(encoding="utf-8")
    return SiteFile(STYLESHEET, text)


def year_reports(records: Records) -> list[YearReport]:
    """A report for every year with records, newest first, each year's records sorted out once."""
    years = sorted(report_years(records), key=year_start, reverse=True)
    by_year = RecordsByYear(records)
    return numbered_reports([year_report(records, year, by_year) for year in years])


def site_files(
    records: Records, *, hand_written: HandWritten, as_of: date, changed_since: date,
    record_history: Any, chart_cache: Path | None = None,
) -> list[SiteFile]:
    """Every generated page and file; raises CommentaryError for a commentary that cannot render.

    `chart_cache` is a folder keeping drawn charts between builds.
    """
    files, charts = site_files_and_charts(
        records, hand_written=hand_written, as_of=as_of, changed_since=changed_since,
        record_history=record_history, chart_cache=chart_cache,
    )
    return [*files, *charts.finish()]


@dataclass
class PendingCharts:
    """The chart files of a build, whose drawing may still be under way on the other cores."""

    paths: list[tuple[str, ChartData]]  # each chart file, and what it shows
    drawing: DrawingAhead
    cache: Path | None

    def finish(self) -> list[SiteFile]:
        """Each chart file with its SVG, once every chart is drawn."""
        self.drawing.finish()
        return [SiteFile(path, drawn(data, self.cache)) for path, data in self.paths]

    def abandon(self) -> None:
        self.drawing.abandon()


def site_files_and_charts(
    records: Records, *, hand_written: HandWritten, as_of: date, changed_since: date,
    record_history: Any, chart_cache: Path | None = None,
    made_before: MadeBefore | None = None,
) -> tuple[list[SiteFile], PendingCharts]:
    """Every generated page and file but the charts, and the charts still being drawn: a build can
    render its pages while the charts are drawn, and ask for them only when it writes files.

    `made_before` (under `mkdocs serve`) holds what the last build made, to use again."""
    reports = year_reports(records)
    # Every commentary first, so a wrong figure name stops the build before any chart is drawn.
    commentaries = [year_commentary(report, hand_written) for report in reports]
    drawing = DrawingAhead(report_charts(reports), chart_cache)  # on the other cores, from now
    try:
        # A build draws the tracker's chart in a worker of its own while the pages are made;
        # `mkdocs serve` keeps it drawn in its own process, with the tracker's files.
        tracker = partial(_tracker_files, aside=Aside) if made_before is None else made_before.tracker_files
        extra = [
            *tracker(records, as_of=as_of, changed_since=changed_since, record_history=record_history),
            *_accessibility_files(records),
        ]
        methodology = methodology_page(records.organisation)
        definitions = anchors(methodology)
        generated = [methodology, stylesheet()]
        if reports:
            generated += [downloads_page(reports), figure_names_page(reports[0], records.organisation),
                          reports_index(reports)]
        officers = officers_page({f.path for f in generated}, hand_written.pages)
        generated += [officers] if officers else []
        page_paths = _page_paths(reports, [*extra, *generated], hand_written)
        included = {path: hand_written.pages[path] for path in INCLUDED_PAGES if path in hand_written.pages}
        for report, placed in zip(reports, commentaries, strict=True):
            generated += table_files(report)
            generated += report_pages(report, records.organisation, commentary=placed, pages=page_paths,
                                      hand_written=included, definitions=definitions)
        if reports and "index.md" not in hand_written.pages:
            generated.append(home_page(reports, records.organisation, page_paths))
        elif "index.md" not in hand_written.pages:  # no records yet: a home page that says so
            generated.append(waiting_home_page(records.organisation, page_paths))
    except BaseException:
        drawing.abandon()
        raise
    charts = [chart for report in reports for chart in chart_files(report)]
    return [*generated, *extra], PendingCharts(charts, drawing, chart_cache)


def report_charts(reports: Sequence[YearReport]) -> list[ChartData]:
    return [data for report in reports for table in report.tables if (data := chart_data(table)) is not None]


def _page_paths(
    reports: Sequence[YearReport], files: Sequence[SiteFile], hand_written: HandWritten,
) -> set[str]:
    """Every page the site will have, so pages link only to pages that exist."""
    paths = {file.path for file in files if file.is_page} | set(hand_written.pages) | {"index.md"}
    return paths | {f"reports/{report.year}/{page}" for report in reports for page in REPORT_PAGES}


def year_commentary(report: YearReport, hand_written: HandWritten) -> Commentary | None:
    source = hand_written.commentary.get(report.year)
    if source is None:
        return None
    return commentary(source, hand_written.commentary_path(report.year), report.figures, SECTION_TITLES)


def site_nav(files: Sequence[SiteFile], hand_written: HandWritten) -> list[Any]:
    """Home, the reports newest first, the hand-written pages, the tracker, the reference pages,
    and last the officers' page.

    Pages left out (printable pages, per-action pages, the officers' own pages) are reached by links.
    """
    paths = {file.path for file in files if file.is_page} | set(hand_written.pages)
    reports = [p for p in paths if p.startswith("reports/") and p.endswith("/index.md") and p.count("/") == 2]
    years = sorted((path.split("/")[1] for path in reports), key=year_start, reverse=True)
    nav: list[Any] = [{_("Home"): "index.md"}] if "index.md" in paths else []
    if years:
        by_year = [{year: f"reports/{year}/index.md"} for year in years]
        nav.append({_("Annual reports"): ["reports/index.md", *by_year]})
    about = [{_("About this report"): "introduction.md"}, {_("Our complaints procedure"): "procedure.md"}]
    nav += [item for item in about if next(iter(item.values())) in paths]
    if "tracker/index.md" in paths:
        tracker = ["tracker/index.md"]
        tracker += [page for page in ("tracker/changes.md", "tracker/meetings/index.md") if page in paths]
        nav.append({_("Action-plan tracker"): tracker})
    reference = [
        {_("How the figures are counted"): "methodology.md"}, {_("Download the figures"): "downloads.md"},
        {_("Accessibility"): "accessibility.md"}, {_("For council officers"): OFFICERS_PAGE},
    ]
    nav += [item for item in reference if next(iter(item.values())) in paths]
    return nav

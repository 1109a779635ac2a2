"""The action-plan tracker's pages: the overview, a page per facet, a page per action, and what
changed since the last meeting, as Markdown; the tables of actions are real HTML tables (for the
in-place filter), written as blocks Python-Markdown skips (see `blocks`).

Every value from a record passes through `escape_markdown` (the templates' finalize step) or
`escape_attribute`, so whatever an officer types reaches the reader as plain text.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from generator.cms.links import record_address
from generator.githistory import Commit
from generator.model import Records
from generator.pages.environment import render_block
from generator.pages.markdown import escape_attribute, escape_markdown, segment
from generator.sitefiles import SiteFile
from generator.tracker import chart
from generator.tracker.changes import changed_between, completed_between
from generator.tracker.facets import (
    DEPARTMENTS,
    FACET_KINDS,
    FACET_NAMES,
    PLANS,
    STATUS,
    THEMES,
    Facet,
    Facets,
    all_facets,
)
from generator.tracker.rag import RAG_NAMES, RAG_ORDER, RULE
from generator.tracker.timescales import long_date, timescale_text
from generator.tracker.tracked import STATUSES, TrackedAction, track_all
from generator.views.svg_text import with_title
from generator.years import year_label

PACKAGE = Path(__file__).resolve().parent.parent
RecordHistory = Callable[[str], list[Commit]]
CHART_FILE = "actions-by-theme.svg"
CHART_TITLE = "Bar chart of learning actions in each theme, by RAG rating"
SCRIPT_FILE = "tracker.js"
STYLE_FILE = "tracker.css"
IMPROVEMENT = "improvement"


def _finalize(value: object) -> object:
    if value is None:
        return ""
    return value if isinstance(value, Markup) else escape_markdown(value)


def link(text: object, target: str) -> Markup:
    return Markup(f"[{escape_markdown(text)}]({target})")


def title_text(text: str) -> Markup:
    """A page title for the front matter: navigation and the browser tab do not escape it, so
    it keeps no character that means anything in HTML, and is quoted for YAML."""
    cleaned = str(text).replace("&", "and")
    return Markup(json.dumps("".join(c for c in cleaned if c not in "<>\"'`{}\\")))


def _environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(PACKAGE / "templates" / "tracker"), autoescape=True,
        finalize=_finalize, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    environment.filters.update(attr=escape_attribute, seg=segment, page_title=title_text)
    environment.globals.update(
        link=link, long_date=long_date, timescale_text=timescale_text, rag_names=RAG_NAMES,
        rag_order=RAG_ORDER, facet_names=FACET_NAMES, markup=Markup,
    )
    return environment


def _facets_json(facets: Facets) -> str:
    """The filter choices the script offers: only those some action has."""
    choices = {
        kind: {"label": FACET_NAMES[kind],
               "options": [[facet.id, facet.name] for facet in facets.of(kind) if facet.actions]}
        for kind in FACET_KINDS
    }
    choices["rag"] = {"label": "RAG", "options": [[rag, RAG_NAMES[rag]] for rag in RAG_ORDER]}
    return json.dumps(choices, ensure_ascii=False, sort_keys=False)


def _report_years(records: Records) -> set[str]:
    return set(records.years)


def _case_year(case_id: str) -> str | None:
    """A case id names the reporting year it was received in: C-2019-0007 -> 2019-20."""
    parts = case_id.split("-")
    return year_label(int(parts[1])) if len(parts) == 3 and parts[1].isdigit() else None


def _edit_url(records: Records, source_path: str) -> str | None:
    site = records.organisation.site
    repository = (site.get("repository") or "").rstrip("/")
    if not repository or not source_path or source_path.startswith("/"):
        return None
    branch = site.get("branch") or "main"
    return quote(f"{repository}/edit/{branch}/{source_path}", safe=":/%-._~")


def _editor_url(action_id: str) -> str | None:
    """The action in the site's records editor, from its page (tracker/actions/)."""
    address = record_address("action", action_id)
    return f"../../{quote(address, safe=':/%-._~#')}" if address else None


def tracker_files(
    records: Records, *, as_of: date, changed_since: date, record_history: RecordHistory,
) -> list[SiteFile]:
    """Every page and file of the tracker, under `tracker/`."""
    organisation = records.organisation
    tracked = track_all(records.actions, as_of)
    facets = all_facets(organisation, tracked)
    histories = {item.id: record_history(item.action.source_path) for item in tracked}
    environment = _environment()

    def name_of(kind: str) -> Callable[[str], str]:
        return lambda term_id: facets.name(kind, term_id)

    helpers = {
        "theme_name": name_of(THEMES), "department_name": name_of(DEPARTMENTS), "plan_name": name_of(PLANS),
        "long_date": long_date, "timescale_text": timescale_text, "rag_order": RAG_ORDER,
    }

    def block(template: str, **context: object) -> Markup:
        """An HTML block of a page (see `blocks`), rendered from `templates/html/`."""
        return render_block(f"html/{template}", **helpers, **context)

    def actions_table(actions: Sequence[TrackedAction], prefix: str, caption: str,
                      facets_json: str | None = None, issue_heading: str = "Issue identified") -> Markup:
        """The table of actions of the overview and of every facet page."""
        return block("actions_table.html.j2", actions=actions, prefix=prefix, caption=caption,
                     facets_json=facets_json, issue_heading=issue_heading)

    environment.globals.update(
        block=block, actions_table=actions_table,
        as_of=as_of, changed_since=changed_since, theme_name=name_of(THEMES),
        department_name=name_of(DEPARTMENTS), plan_name=name_of(PLANS), status_name=name_of(STATUS),
        subject_name=lambda subject_id: _subject_name(records, subject_id),
        plan_kind=lambda plan_id: next(
            (facet.plan_kind for facet in facets.plans if facet.id == plan_id), None),
        improvement=IMPROVEMENT, facet_kinds=FACET_KINDS, facets=facets,
    )
    files = [
        SiteFile("tracker/index.md", _overview(environment, tracked, facets)),
        SiteFile(f"tracker/{CHART_FILE}", with_title(
            chart.themes_by_rag_svg(facets.themes), CHART_TITLE, chart.themes_by_rag_text(facets.themes))),
        SiteFile(f"tracker/{SCRIPT_FILE}", _asset(SCRIPT_FILE)),
        SiteFile(f"tracker/{STYLE_FILE}", _asset(STYLE_FILE)),
        SiteFile("tracker/changes.md", _changes(environment, tracked, record_history, changed_since, as_of)),
    ]
    for kind in FACET_KINDS:
        for facet in facets.of(kind):
            files.append(SiteFile(
                f"tracker/{kind}/{segment(facet.id)}.md", _facet_page(environment, facet),
            ))
    years = _report_years(records)
    for item in tracked:
        edit_url = _edit_url(records, item.action.source_path)
        page = _action_page(environment, item, histories[item.id], years, edit_url,
                            _editor_url(item.id))
        files.append(SiteFile(f"tracker/actions/{segment(item.id)}.md", page))
    return files


def _subject_name(records: Records, subject_id: str) -> str:
    for subject in records.organisation.subjects:
        if subject.id == subject_id:
            return subject.name
    return subject_id


def _asset(name: str) -> str:
    return (PACKAGE / "assets" / name).read_text(encoding="utf-8")


def _overview(environment: Environment, tracked: Sequence[TrackedAction], facets: Facets) -> str:
    return environment.get_template("overview.md.j2").render(
        actions=tracked, rule=[Markup(line) for line in RULE], facets_json=_facets_json(facets),
        chart_file=CHART_FILE, chart_text=chart.themes_by_rag_text(facets.themes),
        script_file=SCRIPT_FILE, statuses=STATUSES,
        overdue=[item for item in tracked if item.rating.overdue],
        rag_counts={rag: sum(1 for t in tracked if t.rating.rag == rag) for rag in RAG_ORDER},
    )


def _facet_page(environment: Environment, facet: Facet) -> str:
    return environment.get_template("facet.md.j2").render(facet=facet)


def _action_page(
    environment: Environment, item: TrackedAction, history: list[Commit], report_years: set[str],
    edit_url: str | None, editor_url: str | None = None,
) -> str:
    cases = [(case_id, _case_year(case_id)) for case_id in item.action.raised_by_cases]
    return environment.get_template("action.md.j2").render(
        item=item, action=item.action, history=history, edit_url=edit_url, editor_url=editor_url,
        cases=[(case_id, year if year in report_years else None) for case_id, year in cases],
        raised_year=item.action.year if item.action.year in report_years else None,
        reviews=sorted(item.action.reviews, key=lambda review: review.date, reverse=True),
    )


def _changes(
    environment: Environment, tracked: Sequence[TrackedAction], record_history: RecordHistory,
    since: date, until: date,
) -> str:
    return environment.get_template("changes.md.j2").render(
        changes=changed_between(tracked, record_history, since, until),
        completed=completed_between(tracked, since, until), since=since, until=until,
    )

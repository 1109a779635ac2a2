"""The page for writers: every figure name the commentary may cite, with the latest year's value."""

from __future__ import annotations

from generator.figures.council_names import council_cells
from generator.figures.report import YearReport
from generator.language import _
from generator.model import Organisation
from generator.pages.environment import render
from generator.pages.sections import SECTIONS
from generator.sitefiles import SiteFile
from generator.views.cells import cell_text


def _meanings() -> dict[str, str]:
    try:
        from generator.figures.named import FIGURE_NAMES
    except ImportError:
        return {}
    return dict(FIGURE_NAMES)


def figure_names_page(latest: YearReport, organisation: Organisation | None = None) -> SiteFile:
    meanings = _meanings()
    if organisation is not None:  # the names of the council's own groups and stages
        meanings |= council_cells(organisation).meanings
    figures = [
        {"name": name, "meaning": _(meanings[name]) if meanings.get(name) else "", "value": cell_text(value)}
        for name, value in latest.figures.items()
    ]
    return SiteFile("figures.md", render(
        "figure_names.md.j2", report=latest, figures=figures,
        # Headings name a section in English or in the site's language: each is listed in its language.
        section_titles=[_(section.title) for section in SECTIONS],
    ))

"""The officers' page lists the pages written for officers, whatever the council's docs hold."""

from __future__ import annotations

from generator.pages.officers import officer_pages, officers_page


def test_lists_the_records_guide_pages_by_their_heading_then_the_figure_names() -> None:
    hand_written = {
        "introduction.md": "# About this report\n",
        "records-guide/taxonomies.md": "Intro without a heading\n",
        "records-guide/examples.md": "---\nsearch:\n  exclude: true\n---\n\n# The record model, by example\n",
    }
    listed = officer_pages({"figures.md", "index.md"}, hand_written)
    assert listed == [
        {"path": "records-guide/examples.md", "title": "The record model, by example"},
        {"path": "records-guide/taxonomies.md", "title": "records-guide/taxonomies.md"},
        {"path": "figures.md", "title": "Figure names for writers"},
    ]


def test_is_kept_out_of_search_and_links_each_page() -> None:
    page = officers_page({"figures.md"}, {"records-guide/examples.md": "# Record model\n"})
    assert page is not None and page.path == "officers.md"
    assert page.content.startswith("---\nsearch:\n  exclude: true\n---")
    assert "- [Record model](records-guide/examples.md)" in page.content
    assert "- [Figure names for writers](figures.md)" in page.content


def test_no_page_for_a_site_without_officers_pages() -> None:
    assert officers_page({"index.md"}, {"introduction.md": "# About\n"}) is None

"""Pages: text from records escaped, commentary figures by name, and where an unknown name is."""

from __future__ import annotations

from datetime import date

import markdown
import pytest
from page_html import page_html, skeleton

from generator.figures.report import PublishedCaseStudy, PublishedQuote, YearReport
from generator.figures.table import Change, Column, Row, Share, Table
from generator.language import WELSH, speaking
from generator.model import Action, organisation_from
from generator.pages.commentary import OPENING, CommentaryError, commentary, render_figures
from generator.pages.figure_text import FigureText
from generator.pages.markdown import escape_markdown
from generator.pages.report import demoted, report_pages
from generator.pages.sections import SECTION_TITLES, tables_by_section

PATH = "docs/commentary/2019-20.md"
FIGURES = {"complaints": 35, "complaints_change": Change(30, 35), "upheld_share": Share(8, 35),
           "compliments_change": Change(136, 93)}
HOSTILE = "Dad's *care* <script>alert(1)</script> [link](http://x) # not a heading | pipe _x_"


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "attr_list", "md_in_html", "admonition"])


# Escaping --------------------------------------------------------------------------------------

def test_escaped_text_reads_exactly_as_written():
    html = to_html(str(escape_markdown(HOSTILE)))
    assert "<script>" not in html and "<em>" not in html and "<a " not in html
    assert "&lt;script&gt;" in html
    assert "Dad's *care*" in html
    assert "[link](http://x)" in html


def test_escaped_text_stays_on_one_line():
    assert "\n" not in escape_markdown("first\n\n# second")


# Commentary ------------------------------------------------------------------------------------

def test_figure_names_are_filled_in_as_the_tables_format_them():
    text = render_figures("We had {{ complaints }} complaints, {{ complaints_change }}; "
                          "{{ upheld_share }} upheld ({{ upheld_share.count }} of {{ upheld_share.whole }}).",
                          PATH, FIGURES)
    assert text == "We had 35 complaints, +17%; 23% upheld (8 of 35)."


def test_a_change_reads_as_a_direction_and_a_size():
    source = ("{{ complaints_change.direction }} of {{ complaints_change.size }}, "
              "{{ compliments_change.direction }} of {{ compliments_change.size }}")
    text = render_figures(source, PATH, FIGURES)
    assert text == "an increase of 17%, a decrease of 32%"


def test_figures_compare_as_numbers():
    source = "{% if upheld_share > 20 %}high{% endif %}{% if complaints < 10 %}low{% endif %}"
    assert render_figures(source, PATH, FIGURES) == "high"


def test_unknown_name_fails_with_the_file_and_line():
    source = "Opening.\n\n## Outcomes\n\nWe upheld {{ upheld_share }}.\nThere were {{ complaintz }}.\n"
    with pytest.raises(CommentaryError) as raised:
        render_figures(source, PATH, FIGURES)
    assert str(raised.value).startswith(f"{PATH}:6: 'complaintz' is not a figure name.")
    assert "Did you mean complaints" in str(raised.value)
    assert (raised.value.path, raised.value.line) == (PATH, 6)


def test_unknown_part_and_bad_syntax_also_give_the_line():
    with pytest.raises(CommentaryError) as part:
        render_figures("a\nb {{ complaints.sise }}", PATH, FIGURES)
    assert part.value.line == 2 and "no part 'sise'" in part.value.message
    with pytest.raises(CommentaryError) as syntax:
        render_figures("a\n\n\n{{ complaints }", PATH, FIGURES)
    assert syntax.value.line == 4


def test_commentary_is_placed_by_section_heading():
    source = ("Opening {{ complaints }}.\n\n## Outcomes\n\nUpheld {{ upheld_share }}.\n\n"
              "## future plans\n\nMore.\n")
    placed = commentary(source, PATH, FIGURES, SECTION_TITLES)
    assert placed.text(OPENING) == "Opening 35."
    assert placed.text("outcomes") == "Upheld 23%."
    assert placed.text("future-plans") == "More."
    assert placed.text("summary") == ""


def test_unknown_section_heading_fails_with_its_line():
    with pytest.raises(CommentaryError) as raised:
        commentary("a\n\n## Outcomez\n", PATH, FIGURES, SECTION_TITLES)
    assert raised.value.line == 3 and "'## Outcomez' is not a section" in raised.value.message


def test_a_welsh_commentary_names_sections_in_welsh_and_cites_figures_in_welsh():
    source = ("Agoriad.\n\n## Canlyniadau\n\n{{ complaints_change.direction }} o "
              "{{ complaints_change.size }}.\n\n## Future plans\n\nMwy.\n")
    with speaking(WELSH):
        placed = commentary(source, PATH, FIGURES, SECTION_TITLES)
        with pytest.raises(CommentaryError) as raised:
            commentary("a\n\n## Canlyniade\n", PATH, FIGURES, SECTION_TITLES)
    assert placed.text("outcomes") == "cynnydd o 17%."  # 35 against 30
    assert placed.text("future-plans") == "Mwy."
    assert "'## Canlyniadau'" in raised.value.message and "'## Outcomes'" not in raised.value.message
    # The English site's commentary knows no Welsh heading
    with pytest.raises(CommentaryError):
        commentary("a\n\n## Canlyniadau\n", PATH, FIGURES, SECTION_TITLES)


def test_a_figure_not_reported_reads_not_available():
    assert str(FigureText("x", None)) == "n/a"
    assert FigureText("x", None).direction == "n/a"


# Report pages ----------------------------------------------------------------------------------

def organisation():
    return organisation_from({
        "name": "Testshire <Council>", "jurisdiction": "england",
        "procedure": {"stages": [{"id": "local", "name": "Local resolution", "respond_working_days": 20}],
                      "ombudsman": {"id": "lgsco", "name": "The Ombudsman"}},
        "taxonomies": {"action_themes": [{"id": "money", "name": "Money matters"}]},
    })


def action(action_id: str) -> Action:
    return Action(id=action_id, plan="p", theme="money", raised=date(2019, 5, 1), issue=HOSTILE, lessons=(),
                  steps=(), status="in-progress", completed=None, reviews=(), raised_by_cases=(),
                  raised_by_themes=(), source_path="records/actions/2019-20/x.yaml")


def year_report() -> YearReport:
    columns = tuple(Column(year, year, year, "count") for year in ("2019-20", "2018-19", "2017-18"))
    table = Table("representations", 1, "Representations <considered>", "What became of it", columns,
                  (Row("complaints", "Formal complaints", (35, 30, 39)),
                   Row("total", "Total", (35, 30, 39), is_total=True)),
                  notes=("A note about *this* table.",),
                  faults=("2017-18 as published: the rows add up to 40 but the published total was 39.",),
                  definition="representation")
    other = Table("mystery", 2, "A table no section names", "Row", columns,
                  (Row("a", "A", (1, 2, 3)),), chart=None)
    return YearReport(
        year="2019-20", years_compared=("2019-20", "2018-19", "2017-18"), source="cases",
        tables=(table, other), figures=FIGURES,
        case_studies=(PublishedCaseStudy("C-2019-0001", "Hospital Team", HOSTILE, "We *fixed* it."),),
        quotes=(PublishedQuote("Review Team", HOSTILE + "\n\nSecond paragraph."),),
        actions_raised=(action("ACT-2019-01"), action("ACT-2019-02")),
    )


def pages(commentary_text: str | None = None) -> dict[str, str]:
    report = year_report()
    placed = commentary(commentary_text, PATH, report.figures, SECTION_TITLES) if commentary_text else None
    procedure = "# Procedure\n\n## Steps\n\nSee [how](methodology.md)."
    files = report_pages(report, organisation(), commentary=placed,
                         pages={"tracker/index.md", "tracker/actions/ACT-2019-01.md", "procedure.md"},
                         hand_written={"procedure.md": procedure}, definitions={"representation"})
    return {file.path: str(file.content) for file in files}


def test_report_page_has_each_table_with_chart_csv_notes_and_definition():
    page = pages()["reports/2019-20/index.md"]
    html = page_html(page)
    assert "### Table 1: Representations &lt;considered&gt; { #table-representations }" in page
    assert '<h3 id="table-representations">Table 1: Representations &lt;considered&gt;</h3>' in html
    alt = "Bar chart of table 1, Representations &lt;considered&gt;. Formal complaints: 2019-20 35"
    assert f'<img alt="{alt}' in html
    assert 'loading="lazy" src="charts/representations.svg"></p>' in html
    csv = '<a download="2019-20-representations.csv" href="data/representations.csv">'
    assert f"{csv}Download table 1 as CSV</a>" in html
    assert '<a href="../../methodology.md#representation">How this is counted</a>' in html
    assert '!!! warning "The published figures for an earlier year do not add up"' in page
    assert "    - 2017\\-18 as published: the rows add up to 40" in page
    assert "    - A note about \\*this\\* table\\." in page
    assert "Table 2: A table no section names" in page  # kept, after the table before it
    assert "charts/mystery.svg" not in page


def test_record_text_is_escaped_everywhere_on_the_page():
    page = pages()["reports/2019-20/index.md"]
    html = page_html(page)
    assert "<script>" not in page and "<script>" not in html
    assert "Testshire &lt;Council&gt;" in page
    assert "<p><strong>What we did.</strong> We *fixed* it.</p>" in html
    assert "<em>" not in html and 'href="http://x"' not in html
    assert html.count("Dad&#x27;s *care* &lt;script&gt;alert(1)&lt;/script&gt; [link](http://x)") == 4


def test_learning_actions_link_to_the_tracker_only_where_it_has_a_page():
    html = page_html(pages()["reports/2019-20/index.md"])
    assert '<td><a href="../../tracker/actions/ACT-2019-01.md">ACT-2019-01</a></td>' in html
    assert "<td>ACT-2019-02</td>" in html
    assert "../../tracker/actions/ACT-2019-02.md" not in html


def test_big_blocks_skip_markdown_and_headings_do_not():
    """Tables, charts, quotes, case studies and actions reach Markdown as one-word placeholders;
    every heading is still Markdown, for the table of contents and permalinks."""
    page = pages()["reports/2019-20/index.md"]
    left = skeleton(page)
    for html in ("<table", "<figure", "<img", "What was raised", "Second paragraph", "ACT-2019-01"):
        assert html in page and html not in left, html
    for heading in ("### Table 1: Representations", "### What people told us",
                    "### Case study 1: Hospital Team", "## Learning and service improvement"):
        assert heading in left, heading


def test_commentary_goes_in_its_sections():
    page = pages("Opening with {{ complaints }}.\n\n## Summary of activity\n\nUp {{ complaints_change }}.\n"
                 "\n## Future plans\n\nA new system.\n")["reports/2019-20/index.md"]
    assert page.index("Opening with 35.") < page.index("## Introduction")
    assert page.index("## Summary of activity") < page.index("Up +17%.") < page.index("### Table 1")
    assert "## Future plans { #future-plans }\n\nA new system." in page


def test_sections_without_content_are_left_out():
    page = pages()["reports/2019-20/index.md"]
    assert "## Stages of the procedure" not in page
    assert "## Future plans" not in page
    assert "## Case studies" in page and "## Learning and service improvement" in page


def test_printable_page_hides_navigation_and_includes_the_procedure():
    printable = pages()["reports/2019-20/print.md"]
    assert printable.startswith("---\nhide:\n  - navigation\n  - toc\nsearch:\n  exclude: true\n---\n")
    assert "#### Steps" in printable and "# Procedure" not in printable
    assert "[how](../../methodology.md)" in printable
    assert "[Printable version]" not in printable
    assert "### Table 1:" in printable


def test_a_case_studys_edit_link_is_in_its_block_and_not_on_the_printable_page():
    # In the block, not the Markdown: a report's hundred escaped links doubled its Markdown time.
    built = pages()
    page = built["reports/2019-20/index.md"]
    edit = ('<p class="candour-edit"><a href="../../admin/index.html#/collections/cases-2019-20/entries/'
            'C-2019-0001">Edit this case study</a> in the records editor (for officers).</p>')
    assert edit in page_html(page)
    assert "Edit this case study" not in skeleton(page)
    assert "Edit this case study" not in built["reports/2019-20/print.md"]


def test_quotes_keep_their_paragraphs_escaped():
    html = page_html(pages()["reports/2019-20/index.md"])
    assert "</p>\n<p>Second paragraph.</p>\n</blockquote>\n<figcaption>Review Team</figcaption>" in html


def test_demoted_drops_front_matter_and_title():
    text = demoted("---\ntitle: x\n---\n# Title\n\nText [a](b.md) [c](https://e) [d](#f)\n\n## Part\n", "../")
    assert text == "Text [a](../b.md) [c](https://e) [d](#f)\n\n#### Part"


def test_tables_follow_their_sections():
    placed = tables_by_section(year_report().tables)
    assert [table.id for table in placed["summary"]] == ["representations", "mystery"]

"""Candour's catalogues: every marked string has its Welsh, and pages pick the language written."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from generator import language
from generator.language import WELSH, _, catalogue_path, long_date, month_year, ngettext, number, speaking
from generator.pages.environment import environment, html_environment
from generator.pages.tracker.environment import tracker_environment

REPOSITORY = Path(__file__).resolve().parents[1]


def marked_messages() -> dict[str, str]:
    """Every message marked in generator/, found as `make messages` finds them (babel.cfg), with
    the first place it is marked."""
    with (REPOSITORY / "babel.cfg").open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    found: dict[str, str] = {}
    for filename, _line, message, _comments, _context in extract_from_dir(
        REPOSITORY / "generator", method_map, options_map,
    ):
        msgid = message if isinstance(message, str) else message[0]
        found.setdefault(msgid, filename)
    return found


def welsh_catalogue():
    with catalogue_path(WELSH).open("rb") as source:
        return read_po(source, locale=WELSH)


def test_every_marked_message_has_its_welsh() -> None:
    catalogue = welsh_catalogue()
    marked = marked_messages()
    assert marked, "no marked message found: babel.cfg no longer finds the templates"
    missing = sorted(
        f"{place}: {msgid!r}" for msgid, place in marked.items()
        if msgid not in catalogue or not catalogue[msgid].string or catalogue[msgid].fuzzy
        or (isinstance(catalogue[msgid].string, tuple) and not all(catalogue[msgid].string))
    )
    assert not missing, ("run `make messages` and write the Welsh in generator/locale/cy/LC_MESSAGES/"
                         "candour.po for:\n" + "\n".join(missing))


def test_the_welsh_keeps_every_placeholder() -> None:
    """Babel's own checks: a translation has the same %(name)s placeholders as its English."""
    problems = [(message.id, [str(error) for error in errors])
                for message, errors in welsh_catalogue().check()]
    assert not problems


def test_no_message_in_the_catalogue_is_no_longer_marked() -> None:
    marked = set(marked_messages())
    stale = sorted(str(message.id) for message in welsh_catalogue() if message.id and
                   (message.id if isinstance(message.id, str) else message.id[0]) not in marked)
    assert not stale, "run `make messages` to drop these from the Welsh catalogue: " + ", ".join(stale)


def test_python_strings_follow_the_language_written() -> None:
    assert _("Earlier reports") == "Earlier reports"
    with speaking(WELSH):
        assert _("Earlier reports") == "Adroddiadau blaenorol"
        assert _("Annual report %(year)s", year="2019-20") == "Adroddiad blynyddol 2019-20"
        assert ngettext("%(num)s case", "%(num)s cases", 1, num=1) == "1 case"  # not in the catalogue
    assert _("Earlier reports") == "Earlier reports"  # the language is restored afterwards


def test_a_language_without_a_catalogue_is_refused() -> None:
    with pytest.raises(ValueError, match="no catalogue for the language 'fr'"), speaking("fr"):
        pass


def test_numbers_and_dates_as_each_language_writes_them() -> None:
    assert number(12345) == "12,345"
    assert language.decimal(Decimal("2.0"), 1) == "2.0"
    assert long_date(date(2019, 6, 6)) == "6 June 2019"
    assert month_year(date(2019, 6, 6)) == "June 2019"
    with speaking(WELSH):
        assert number(12345) == "12,345"
        assert long_date(date(2019, 6, 6)) == "6 Mehefin 2019"
        assert long_date(date(2020, 3, 31)) == "31 Mawrth 2020"
        assert month_year(date(2019, 12, 1)) == "Rhagfyr 2019"


def test_templates_write_the_language_and_escape_values_as_they_print_them() -> None:
    template = "## {{ _('Earlier reports') }}\n{{ _('Annual report %(year)s', year=year) }}"
    markdown = environment().from_string(template)
    assert markdown.render(year="2019*20") == "## Earlier reports\nAnnual report 2019\\*20"
    with speaking(WELSH):
        assert markdown.render(year="2019*20") == "## Adroddiadau blaenorol\nAdroddiad blynyddol 2019\\*20"
        html = html_environment().from_string("<p>{{ _('Annual report %(year)s', year=year) }}</p>")
        assert html.render(year="<b>") == "<p>Adroddiad blynyddol &lt;b&gt;</p>"
        block = "{% trans %}[Download the figures](downloads.md) as CSV files{% endtrans %}"
        assert environment().from_string(block).render() == (
            "[Lawrlwytho'r ffigurau](downloads.md) fel ffeiliau CSV")
        tracker = tracker_environment().from_string("{{ _('Annual report %(year)s', year=year) }}")
        assert tracker.render(year="<i>") == "Adroddiad blynyddol &lt;i&gt;"


def test_lists_points_and_meetings_of_one_day_in_each_language() -> None:
    from generator.figures.table import Points, Share
    from generator.language import listed
    from generator.model import Meeting
    from generator.model.bilingual import Text, in_language
    from generator.tracker.meetings import distinct
    from generator.views.cells import points_text

    assert listed(["Cabinet", "Scrutiny"]) == "Cabinet and Scrutiny"
    assert listed(["Cabinet", "Archwilio"], WELSH) == "Cabinet ac Archwilio"  # "ac" before a vowel
    assert listed(["Archwilio", "Cabinet"], WELSH) == "Archwilio a Cabinet"
    three_above = Points(Share(2, 4), Decimal(47))  # 50% against 47%
    two_below = Points(Share(1, 4), Decimal(27))  # 25% against 27%
    assert (points_text(three_above), points_text(two_below)) == ("+3 points", "-2 points")
    with speaking(WELSH):
        assert (points_text(three_above), points_text(two_below)) == ("+3 phwynt", "-2 bwynt")
    day = date(2024, 3, 5)
    (joined,) = distinct([Meeting(day, Text("Cabinet", "Cabinet")),
                          Meeting(day, Text("Scrutiny committee", "Pwyllgor craffu"))])
    assert joined.name == "Cabinet and Scrutiny committee"
    with speaking(WELSH):
        assert in_language(joined.name) == "Cabinet a Pwyllgor craffu"


def test_percentages_and_missing_figures_are_written_as_each_language_writes_them() -> None:
    from generator.figures.table import Change, Share
    from generator.views.cells import cell_text

    assert [cell_text(cell) for cell in (Share(8, 39), Change(30, 35), Change(35, 30), Change(0, 5), None)] \
        == ["8 (21%)", "+17%", "-14%", "n/a", "n/a"]
    assert cell_text(Change(1, 14)) == "+1,300%"  # digits grouped as in every other figure
    with speaking(WELSH):
        assert [cell_text(cell) for cell in (Share(8, 39), Change(30, 35), None, True)] \
            == ["8 (21%)", "+17%", "amh.", "ie"]

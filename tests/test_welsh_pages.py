"""The council's own text on the Welsh site: the pages written in Welsh (inside
`speaking("cy")`, as the Welsh site is built) show the Welsh the records give beside the English,
in the report (service-area names in tables and charts, case studies, fault notes, actions), the
tracker and the open data; written in English they show the English. Expected words are the Welsh
fixture council's own, copied from its records."""

from __future__ import annotations

import pickle
import shutil
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from fixture_reports import FIXTURES, fixture, report

from generator.githistory import NO_HISTORY
from generator.language import speaking
from generator.model.bilingual import Text, in_language, texts_of
from generator.pages.commentary import OPENING, Commentary, CommentaryError
from generator.site import HandWritten, site_files_and_charts, year_commentary
from generator.views.chart import chart_data

WALES = "wales-social-services"
YEAR = "2023-24"
FIXTURE_DOCS = FIXTURES / WALES / "docs"


@cache
def pages(language: str) -> dict[str, str]:
    with speaking(language):
        files, charts = site_files_and_charts(
            fixture(WALES), hand_written=HandWritten("docs", {}, {}), as_of=date(2024, 4, 30),
            changed_since=date(2024, 3, 1), record_history=NO_HISTORY)
    charts.abandon()  # the charts' words are tested through what they are drawn from
    return {file.path: str(file.content) for file in files}


def test_service_area_names_and_groups_in_the_tables_are_welsh_on_the_welsh_site() -> None:
    welsh, english = pages("cy")[f"reports/{YEAR}/index.md"], pages("en")[f"reports/{YEAR}/index.md"]
    for name in ("Pobl hŷn", "Anabledd dysgu", "Amddiffyn plant", "Oedolion"):
        assert f"<th scope=\"row\">{name}</th>" in welsh or f"<span>{name}</span>" in welsh, name
        assert name not in english
    assert '<th scope="row">Older people</th>' in english
    assert '<th scope="row">Older people</th>' not in welsh
    assert '<th scope="row">Cadarnhawyd yn rhannol</th>' in welsh  # an outcome's Welsh name


def test_the_case_study_is_in_welsh_on_the_welsh_site() -> None:
    welsh, english = pages("cy")[f"reports/{YEAR}/index.md"], pages("en")[f"reports/{YEAR}/index.md"]
    assert "Bu teulu person hŷn yn aros am fisoedd i asesiad gael ei drefnu." in welsh
    assert "Gwnaethom ymddiheuro, trefnu&#x27;r asesiad yr un wythnos" in welsh
    assert "An older person&#x27;s family waited months" in english
    assert "waited months" not in welsh and "Bu teulu" not in english


def test_a_history_fault_note_is_in_welsh_on_the_welsh_site() -> None:
    note_cy = "Roedd cyfanswm yr adroddiad, 33, yn cyfrif un ymholiad ddwywaith"
    welsh = [path for path, text in pages("cy").items() if note_cy in text]
    assert welsh and not any(note_cy in text for text in pages("en").values())
    assert all("counted one enquiry twice" not in pages("cy")[path] for path in welsh)


def test_the_tracker_shows_the_actions_welsh_on_the_welsh_site() -> None:
    page = "tracker/actions/ACT-2023-01.md"
    welsh, english = pages("cy")[page], pages("en")[page]
    for text in ("Roedd yn cymryd gormod o amser i drefnu asesiadau i bobl hŷn",  # the issue
                 "Trefnu pob asesiad o fewn pythefnos i&#x27;r cais",  # the step, in an HTML block
                 "Mae angen dyddiad yr asesiad ar deuluoedd",  # the lesson
                 "Mae naw o bob deg asesiad bellach yn cael eu trefnu o fewn pythefnos",  # the review
                 "Pennaeth Gwasanaethau Oedolion", "Amseroldeb", "Gwasanaethau oedolion",
                 'title: "ACT-2023-01: Amseroldeb"'):
        assert text in welsh, text
        assert text not in english, text
    assert "Book every assessment within two weeks" in english
    assert "Book every assessment" not in welsh


def test_the_charts_and_open_data_name_service_areas_in_the_language_written() -> None:
    table = report(WALES, YEAR).table("service_areas")  # its chart shows the groups
    with speaking("cy"):
        welsh = chart_data(table)
    english = chart_data(table)
    assert welsh is not None and english is not None
    assert (welsh.categories, english.categories) == (("Oedolion", "Plant"), ("Adults", "Children"))
    data = pages("cy")[f"reports/{YEAR}/data/service_areas.csv"]
    assert "older-people,Pobl hŷn," in data
    assert "older-people,Older people," in pages("en")[f"reports/{YEAR}/data/service_areas.csv"]


def test_a_text_without_welsh_is_shown_in_english_and_the_welsh_survives_pickling() -> None:
    assert in_language(Text("Delay", "Oedi"), "cy") == "Oedi"
    assert in_language(Text("Delay", "Oedi"), "en") == "Delay"
    assert in_language(Text("Delay"), "cy") == "Delay"
    assert in_language("Delay", "cy") == "Delay" and in_language(None, "cy") is None
    with speaking("cy"):
        assert in_language(Text("Delay", "Oedi")) == "Oedi"
    again = pickle.loads(pickle.dumps(Text("Delay", "Oedi")))
    assert (again, again.cy) == ("Delay", "Oedi")
    assert repr(Text("Delay", "Oedi")) != repr(Text("Delay", "Oedi ar ôl"))  # a Welsh edit is a change
    lessons = texts_of({"lessons": ["One", "Two"], "lessons_cy": ["Un"]}, "lessons")
    assert [(str(t), t.cy) for t in lessons] == [("One", "Un"), ("Two", None)]


def _commentary(docs: Path, language: str) -> Commentary | None:
    hand_written = HandWritten.read(docs, language=language, languages=("en", "cy"))
    with speaking(language):
        return year_commentary(report(WALES, YEAR), hand_written)


def test_the_welsh_commentary_is_the_welsh_sites_and_its_figure_names_are_checked(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURE_DOCS, docs)
    welsh, english = _commentary(docs, "cy"), _commentary(docs, "en")
    assert welsh is not None and english is not None
    # 5 complaints, 3 enquiries, 2 upheld in full or in part (0001 upheld, 0003 partially) in 2023-24.
    assert welsh.text(OPENING).startswith("Yn 2023-24 derbyniwyd 5 o gwynion")
    assert "ac atebwyd\n3 o ymholiadau" in welsh.text(OPENING)
    assert welsh.text("outcomes").startswith("Cadarnhawyd 2 o gwynion yn llawn neu'n rhannol")
    assert english.text(OPENING).startswith("In 2023-24 we accepted 5 complaints")
    # Read without languages (candour pages --out), cy/ is still no year of its own.
    assert HandWritten.read(docs).commentary[YEAR].startswith("{# Commentary for the 2023-24 report")
    welsh_file = docs / "commentary" / "cy" / f"{YEAR}.md"
    welsh_file.write_text(welsh_file.read_text(encoding="utf-8") + "\nA {{ cwynion }}.\n", encoding="utf-8")
    with pytest.raises(CommentaryError) as refused:
        _commentary(docs, "cy")
    assert refused.value.path == f"docs/commentary/cy/{YEAR}.md"
    assert refused.value.line == 14  # the file has 12 lines; a blank one, then the name
    assert "cwynion" in refused.value.message
    assert _commentary(docs, "en") is not None  # the English site's commentary is not the Welsh

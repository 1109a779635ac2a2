"""The site in each language: which hand-written pages each reads, and how pages name their
counterparts (the whole build is in test_build_languages.py)."""

from __future__ import annotations

from pathlib import Path

from generator.model.organisation import organisation_from
from generator.plugin_languages import alternates, counterpart
from generator.site import HandWritten
from generator.site_languages import language_address

BILINGUAL = ("en", "cy")


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_each_language_reads_its_own_pages_and_commentary(tmp_path: Path) -> None:
    docs = write(tmp_path / "docs", {
        "introduction.md": "About", "procedure.md": "Procedure", "cy/introduction.md": "Amdanom",
        "commentary/2019-20.md": "Commentary", "commentary/2020-21.md": "Later",
        "commentary/cy/2019-20.md": "Sylwebaeth",
    })
    english = HandWritten.read(docs, language="en", languages=BILINGUAL)
    assert english.pages == {"introduction.md": "About", "procedure.md": "Procedure"}
    assert english.commentary == {"2019-20": "Commentary", "2020-21": "Later"}
    welsh = HandWritten.read(docs, language="cy", languages=BILINGUAL)
    # A page with no Welsh version is the first language's: the two sites have the same pages.
    assert welsh.pages == {"introduction.md": "Amdanom", "procedure.md": "Procedure"}
    assert welsh.commentary == {"2019-20": "Sylwebaeth", "2020-21": "Later"}
    assert welsh.commentary_path("2019-20") == "docs/commentary/cy/2019-20.md"
    assert welsh.commentary_path("2020-21") == "docs/commentary/2020-21.md"


def test_a_site_in_one_language_reads_the_docs_folder_as_it_always_has(tmp_path: Path) -> None:
    docs = write(tmp_path / "docs", {"introduction.md": "About", "cy/introduction.md": "Amdanom",
                                     "commentary/2019-20.md": "Commentary"})
    assert HandWritten.read(docs).pages == {"introduction.md": "About", "cy/introduction.md": "Amdanom"}
    assert HandWritten.read(docs).commentary == {"2019-20": "Commentary"}


def test_each_page_names_its_counterpart_relative_to_itself() -> None:
    assert counterpart("reports/2019-20/", "en", "cy", BILINGUAL) == "cy/reports/2019-20/"
    assert counterpart("reports/2019-20/", "cy", "en", BILINGUAL) == "../reports/2019-20/"
    links = {alt["lang"]: alt["link"] for alt in alternates("reports/2019-20/", "cy", BILINGUAL)}
    assert links == {"en": "../../../reports/2019-20/", "cy": "../../../cy/reports/2019-20/"}
    links = {alt["lang"]: alt["link"] for alt in alternates("", "en", BILINGUAL)}
    assert links == {"en": "./", "cy": "cy/"}
    links = {alt["lang"]: alt["link"] for alt in alternates("methodology.html", "en", BILINGUAL)}
    assert links == {"en": "methodology.html", "cy": "cy/methodology.html"}
    names = [alt["name"] for alt in alternates("", "en", BILINGUAL)]
    assert names == ["English", "Cymraeg"]


def test_the_404_pages_counterparts_are_from_the_servers_root() -> None:
    links = {alt["lang"]: alt["link"] for alt in alternates(None, "cy", BILINGUAL, "/complaints/")}
    assert links == {"en": "/complaints/", "cy": "/complaints/cy/"}


def test_the_welsh_sites_address_is_in_its_folder_of_the_first() -> None:
    assert language_address("https://example.org/complaints/", "cy", BILINGUAL) == "https://example.org/complaints/cy/"
    assert language_address("https://example.org/complaints", "en", BILINGUAL) == "https://example.org/complaints/"


def test_the_organisations_languages_are_english_alone_unless_it_names_them() -> None:
    values = {"name": "A Council", "jurisdiction": "wales"}
    assert organisation_from(values).languages == ("en",)
    assert organisation_from({**values, "languages": ["en", "cy"]}).languages == BILINGUAL

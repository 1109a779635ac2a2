"""`languages: [en, cy]`: one `mkdocs build` of the Welsh fixture council (which publishes in
both) makes the English site and the Welsh site under cy/, each page linked to its counterpart."""

from __future__ import annotations

import json
import posixpath
import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from site_text import differences, site_text
from test_build import copy_repository, mkdocs_build, run

from generator.language import WELSH, catalogue_path

pytestmark = pytest.mark.slow

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "wales-social-services" / "records"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site: the English pages at its root, the Welsh under cy/."""
    root = copy_repository(tmp_path_factory.mktemp("bilingual"))
    shutil.rmtree(root / "records")
    shutil.copytree(FIXTURE, root / "records")
    assert "\nlanguages: [en, cy]\n" in (root / "records" / "organisation.yaml").read_text(encoding="utf-8")
    shutil.rmtree(root / "docs" / "commentary")  # the demo council's words are not this council's
    # Its own commentary, in English and in Welsh.
    shutil.copytree(FIXTURE.parent / "docs" / "commentary", root / "docs" / "commentary")
    # As at a date after its actions were raised, so the tracker has every kind of page in it
    settings = root / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    assert "      records: records\n" in text
    as_of = "      records: records\n      as_of: 2024-09-30\n"
    settings.write_text(text.replace("      records: records\n", as_of), encoding="utf-8")
    (root / "docs" / "records-guide" / "examples.md").unlink()
    for page in ("introduction.md", "procedure.md"):  # nor its pages, which the printable report includes
        (root / "docs" / page).unlink()
    built = mkdocs_build(root)
    assert built.returncode == 0, built.stderr
    assert "WARNING" not in built.stderr, built.stderr
    assert "Traceback" not in built.stderr
    return root / "site"


def pages(site: Path) -> set[str]:
    """Every page of one language's site (not the records editor), relative to its root."""
    return {path.relative_to(site).as_posix() for path in site.rglob("*.html")
            if not path.relative_to(site).as_posix().startswith(("cy/", "admin/"))}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_both_sites_have_the_same_pages(sites: Path) -> None:
    english, welsh = pages(sites), pages(sites / "cy")
    assert "reports/2023-24/index.html" in english and "tracker/index.html" in english
    assert "tracker/actions/ACT-2023-01/index.html" in english
    assert english == welsh


def test_each_page_is_in_its_language(sites: Path) -> None:
    for page in pages(sites):
        assert soup(sites / page).html["lang"] == "en", page
        assert soup(sites / "cy" / page).html["lang"] == "cy", page


def _target(page: str, href: str) -> str:
    """The file a relative link on `page` (relative to the whole site) opens."""
    folder = posixpath.dirname(page)
    target = posixpath.normpath(posixpath.join(folder, href))
    return posixpath.normpath(f"{target}/index.html") if href.endswith("/") else target


def test_every_page_names_its_counterpart_in_the_head_and_in_the_language_switcher(sites: Path) -> None:
    for page in sorted(pages(sites) - {"404.html"}):
        for language, path in (("en", page), ("cy", f"cy/{page}")):
            html = soup(sites / path)
            head = {link["hreflang"]: link["href"] for link in html.head.find_all("link", rel="alternate")
                    if link.get("hreflang")}
            switcher = {link["hreflang"]: link["href"] for link in html.select("a.md-select__link")}
            assert head == switcher, path
            assert _target(path, head["en"]) == page, (path, head)
            assert _target(path, head["cy"]) == f"cy/{page}", (path, head)
            names = {link.get_text(strip=True) for link in html.select("a.md-select__link")}
            assert names == {"English", "Cymraeg"}, (language, path)


def test_the_404_pages_link_to_each_site_from_the_servers_root(sites: Path) -> None:
    for path in ("404.html", "cy/404.html"):
        links = soup(sites / path).find_all("link", rel="alternate")
        head = {link["hreflang"]: link["href"] for link in links}
        assert head == {"en": "/", "cy": "/cy/"}, path


def test_the_welsh_site_has_materials_welsh_interface(sites: Path) -> None:
    html = soup(sites / "cy" / "index.html")
    assert html.find("input", attrs={"name": "query"})["placeholder"] == "Chwilio"
    assert html.find("a", class_="md-skip").get_text(strip=True) == "Neidio i'r cynnwys"
    # The colour-scheme toggles and permalinks Candour's settings name, in Welsh
    page = (sites / "cy" / "reports" / "2023-24" / "index.html").read_text(encoding="utf-8")
    assert "Newid i'r cynllun lliw tywyll" in page and "Dolen i'r adran hon" in page
    assert "Switch to the dark colour scheme" not in page and "Link to this section" not in page


def test_welsh_search_neither_stems_nor_drops_english_stop_words(sites: Path) -> None:
    welsh = json.loads((sites / "cy" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert welsh["config"]["pipeline"] == ["trimmer"]
    english = json.loads((sites / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert english["config"]["pipeline"] != ["trimmer"]  # the English site's search as it was
    welsh_text = " ".join(f"{doc['title']} {doc['text']}" for doc in welsh["docs"])
    assert "Adroddiadau blaenorol" in welsh_text


def test_the_welsh_site_writes_candours_words_in_welsh(sites: Path) -> None:
    home = soup(sites / "cy" / "index.html").get_text(" ", strip=True)
    assert "Adroddiadau blaenorol" in home and "Earlier reports" not in home
    assert "Earlier reports" in soup(sites / "index.html").get_text(" ", strip=True)
    # An action's facts and edit links: single words the phrase check below cannot see
    action = "tracker/actions/ACT-2023-01/index.html"
    welsh = soup(sites / "cy" / action).get_text(" ", strip=True)
    english = soup(sites / action).get_text(" ", strip=True)
    report = "reports/2023-24/index.html"
    welsh_report, english_report = (soup(site / report).get_text(" ") for site in (sites / "cy", sites))
    assert "Cyfanswm" in welsh_report and not re.search(r"\bTotal\b", welsh_report)
    assert re.search(r"\bTotal\b", english_report)
    for cy, en in (("Swyddog arweiniol", "Lead officer"), ("Diwrnodau'n hwyr", "Days overdue"),
                   ("Amserlen bresennol", "Current timescale"), ("Golygu'r cofnod hwn", "Edit this record")):
        assert cy in welsh and en not in welsh and en in english, en


# Candour's messages whose Welsh is the English itself (checked below to be so in the catalogue):
# no English is left behind when they appear on a Welsh page.
SAME_IN_WELSH = {"post", "RAG"}
PLACEHOLDER = re.compile(r"%\([a-z_]+\)s|\*\*|\[|\]\([^)]*\)|`")
CODE = re.compile(r"`[^`]*`")


def english_phrases() -> dict[str, str]:
    """Each phrase of three words or more of Candour's English messages (between placeholders,
    links and emphasis), with the message it comes from."""
    with catalogue_path(WELSH).open("rb") as source:
        catalogue = read_po(source, locale=WELSH)
    phrases = {}
    for message in catalogue:
        for msgid in (message.id if isinstance(message.id, tuple) else (message.id,)):
            if not msgid or msgid in SAME_IN_WELSH:
                continue
            # Code between backticks (a figure name, a heading's markup) is the same in every language.
            for part in PLACEHOLDER.split(CODE.sub("`", msgid.replace("%%", "%"))):
                words = part.split()
                if len(words) >= 3:
                    phrases[" ".join(words)] = msgid
    return phrases


def hand_written(docs: Path) -> set[str]:
    """The pages of the docs folder: the council's own words (in Welsh under docs/cy/), not Candour's."""
    found = set()
    for source in docs.rglob("*.md"):
        relative = source.relative_to(docs).with_suffix("")
        found.add("index.html" if relative.name == "index" else f"{relative.as_posix()}/index.html")
    return found


def test_the_messages_listed_as_the_same_in_welsh_are() -> None:
    with catalogue_path(WELSH).open("rb") as source:
        catalogue = read_po(source, locale=WELSH)
    assert {msgid: catalogue[msgid].string for msgid in SAME_IN_WELSH} == {m: m for m in SAME_IN_WELSH}


def test_no_english_message_of_candours_catalogue_is_left_on_a_welsh_page(sites: Path) -> None:
    phrases = english_phrases()
    assert len(phrases) > 100  # the catalogue's English, not an empty list that cannot fail
    left = []
    for path in sorted(pages(sites / "cy") - hand_written(sites.parent / "docs")):
        text = " ".join(soup(sites / "cy" / path).get_text(" ").split())
        left += [f"cy/{path}: {phrase!r}" for phrase in phrases if phrase in text]
    assert not left, "English left on the Welsh site:\n" + "\n".join(left)
    # and the check can fail: the English site has them
    english = " ".join(soup(sites / "methodology" / "index.html").get_text(" ").split())
    assert sum(phrase in english for phrase in phrases) > 20


# A heading of Candour's on each kind of page, in Welsh and in English.
HEADINGS = {
    "index.html": ("Adroddiadau blaenorol", "Earlier reports"),
    "reports/index.html": ("Adroddiadau blynyddol", "Annual reports"),
    "reports/2023-24/index.html": ("Canlyniadau", "Outcomes"),
    "reports/2023-24/print/index.html": ("Amseroedd ymateb", "Response times"),
    "methodology/index.html": ("Sut y caiff y ffigurau eu cyfrif", "How the figures are counted"),
    "downloads/index.html": ("Lawrlwytho'r ffigurau", "Download the figures"),
    "accessibility/index.html": ("Datganiad hygyrchedd", "Accessibility statement"),
    "officers/index.html": ("I swyddogion y cyngor", "For council officers"),
    "404.html": ("404 - Heb ei ganfod", "404 - Not found"),
    "tracker/actions/ACT-2023-01/index.html": ("Mater a nodwyd", "Issue identified"),
}


@pytest.mark.parametrize("path", sorted(HEADINGS))
def test_each_kind_of_page_has_candours_headings_in_its_language(sites: Path, path: str) -> None:
    welsh, english = HEADINGS[path]
    headings = [" ".join(h.get_text(" ").split()) for h in soup(sites / "cy" / path).find_all(["h1", "h2"])]
    assert any(heading.startswith(welsh) for heading in headings), headings
    headings = [" ".join(h.get_text(" ").split()) for h in soup(sites / path).find_all(["h1", "h2"])]
    assert any(heading.startswith(english) for heading in headings), headings


def test_the_councils_own_text_is_in_welsh_on_the_welsh_site(sites: Path) -> None:
    """The records' Welsh: the service areas' names, the case study, the commentary (the tracker's
    pages are tested in test_welsh_pages.py)."""
    report = "reports/2023-24/index.html"
    english, welsh = soup(sites / report).get_text(" "), soup(sites / "cy" / report).get_text(" ")
    # The commentary: 5 complaints and 3 enquiries in 2023-24, from the records.
    assert "Yn 2023-24 derbyniwyd 5 o gwynion" in welsh and "In 2023-24 we accepted 5 complaints" in english
    assert "we accepted" not in welsh and "derbyniwyd" not in english
    for words in ("Pobl hŷn", "Amddiffyn plant", "Bu teulu person hŷn yn aros am fisoedd"):
        assert words in welsh and words not in english, words
    assert "Older people" in english and "Older people" not in welsh


def test_candour_pages_writes_each_languages_site_for_plain_mkdocs(sites: Path, tmp_path: Path) -> None:
    """`candour pages` of a council in two languages: the Welsh site's folder (cy/) beside the
    English, each built by plain MkDocs (no Candour plugin), the Welsh into the English site's cy/,
    with the same text on every page as the plugin's build, Material's Welsh interface and a
    language selector naming both sites."""
    out = tmp_path / "out"
    written = run(["generator", "pages", "--root", str(sites.parent), "--out", str(out)], sites.parent)
    assert written.returncode == 0, written.stdout + written.stderr
    assert f"the site in Cymraeg is in {out / 'cy'}" in written.stdout
    for folder in (out, out / "cy"):  # the English first: a build empties its site folder
        built = run(["mkdocs", "build", "--strict"], folder)
        assert built.returncode == 0 and "WARNING" not in built.stderr, built.stderr
    plain = out / "site"
    assert differences(site_text(sites / "cy"), site_text(plain / "cy")) == []
    assert differences(site_text(sites), site_text(plain)) == []
    report = soup(plain / "cy" / "reports" / "2023-24" / "index.html")
    assert report.html["lang"] == "cy"
    assert report.find("input", attrs={"name": "query"})["placeholder"] == "Chwilio"
    selector = {link["hreflang"]: link["href"] for link in report.select("a.md-select__link")}
    assert posixpath.normpath(posixpath.join("cy/reports/2023-24/", selector["en"])) == "."
    assert posixpath.normpath(posixpath.join("cy/reports/2023-24/", selector["cy"])) == "cy"
    welsh_search = json.loads((plain / "cy" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert welsh_search["config"]["pipeline"] == ["trimmer"]

"""`languages: [en, cy]`: one `mkdocs build` of the Welsh fixture council (which publishes in
both) makes the English site and the Welsh site under cy/, each page linked to its counterpart."""

from __future__ import annotations

import json
import posixpath
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from test_build import copy_repository, mkdocs_build

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
    (root / "docs" / "records-guide" / "examples.md").unlink()
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

"""The sanitiser of generated content: what a page needs is kept, nothing that runs survives."""

from __future__ import annotations

from collections.abc import Collection

import pytest

from generator.safe_html import sanitised

KEPT = [
    '<h2 id="outcomes">Outcomes<a class="headerlink" href="#outcomes" title="Link">¶</a></h2>',
    '<table aria-labelledby="table-outcomes" data-tracker="" id="t"><thead><tr><th scope="col">Year</th>'
    '</tr></thead><tbody><tr><td style="text-align:right">12</td></tr></tbody></table>',
    '<figure class="candour-chart"><img alt="Bar chart" loading="lazy" src="charts/outcomes.svg">'
    "<figcaption>Chart</figcaption></figure>",
    '<p class="candour-table-links"><a download="2019-20-outcomes.csv" href="data/outcomes.csv">CSV</a></p>',
    '<div class="admonition note"><p class="admonition-title">Notes</p><ul><li>A note</li></ul></div>',
    '<a href="https://example.org/complaints/">site</a> <a href="mailto:team@example.org">mail</a>',
    '<div class="tabbed-set" data-tabs="1:2"><input checked="checked" id="__tabbed_1_1" name="__tabbed_1" '
    'type="radio"><label for="__tabbed_1_1">A</label></div>',
    '<script src="tracker.js" defer></script>',
]


@pytest.mark.parametrize("html", KEPT)
def test_what_a_page_needs_is_kept_as_written(html: str) -> None:
    assert sanitised(html, {"tracker.js"}) == html


@pytest.mark.parametrize(
    ("html", "left"),
    [
        ('<p>a<script>alert(1)</script>b</p>', "<p>ab</p>"),
        ('<img src="x" onerror="alert(1)">', '<img src="x">'),
        ('<a href="javascript:alert(1)" onclick="alert(1)">j</a>', "<a>j</a>"),
        ('<a href="JaVaScRiPt:alert(1)">j</a>', "<a>j</a>"),
        ('<a href="data:text/html;base64,PHNjcmlwdD4=">d</a>', "<a>d</a>"),
        ("<iframe src=//example.org></iframe>x", "x"),
        ('<svg onload="alert(1)"><circle r="1"></circle></svg>', ""),
        ("<style>body{display:none}</style>x", "x"),
        ('<form action="https://example.org"><button formaction="javascript:alert(1)">b</button></form>',
         "<button>b</button>"),
        ('<table><tbody><tr><td style="position:fixed;text-align:center">1</td></tr></tbody></table>',
         '<table><tbody><tr><td style="text-align:center">1</td></tr></tbody></table>'),
        ('<p style="text-align:center;background:url(javascript:alert(1))">p</p>', "<p>p</p>"),
        ("<!-- <script>alert(1)</script> -->x", "x"),
        ('<script src="https://evil.example/tracker.js" defer></script>x', "x"),
        ('<script src="evil.js" defer></script>x', "x"),
        ("\ue000candour-script-0\ue001x", "x"),
    ],
)
def test_nothing_that_runs_survives(html: str, left: str) -> None:
    assert sanitised(html, {"tracker.js"}) == left


def test_pages_of_the_last_build_are_not_cleaned_again(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import safe_html

    cleaned: list[str] = []
    original = safe_html.sanitised

    def counted(html: str, own_scripts: Collection[str] = ()) -> str:
        cleaned.append(html)
        return original(html, own_scripts)

    monkeypatch.setattr(safe_html, "sanitised", counted)
    pages = safe_html.SanitisedPages()
    attack = '<p onclick="alert(1)">Hello</p><script>alert(2)</script>'
    first = pages.page(attack)
    pages.next_build()
    assert pages.page(attack) == first and "onclick" not in first and "alert" not in first
    assert cleaned == [attack]
    assert pages.page(attack, {"filter.js"}) == first  # other scripts kept: cleaned again
    assert len(cleaned) == 2
    pages.next_build()
    pages.next_build()  # two builds without the page: it is forgotten
    pages.page(attack)
    assert len(cleaned) == 3

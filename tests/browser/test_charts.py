"""Every chart the site publishes can be read by everyone: a title and a description in the SVG,
colours told apart with colour-blindness and bars that stand out from the background (or a second
cue where they do not), every bar's value written beside it, and text of a readable size."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import DESKTOP_LIGHT, PHONE_DARK, BuiltSite, Server, View, pages_of_kind
from pagecheck import open_page

from generator.views.cells import NOT_AVAILABLE

pytestmark = pytest.mark.browser

SVG = "{http://www.w3.org/2000/svg}"
WHITE = (255, 255, 255)
MIN_FONT_POINTS = 9  # in the SVG's own units (points), before any scaling on the page
MIN_RENDERED_PIXELS = 12  # the smallest chart text as drawn on the page, on a phone and a desktop
MIN_DELTA_E = 10  # CIE76 difference two colours need to be told apart at a glance
VALUE_LABEL = re.compile(r"^(£?-?[\d,]+(\.\d+)?%?|" + re.escape(NOT_AVAILABLE) + r")$")

# Machado, Oliveira and Fernandes (2009), severity 1.0: how each colour-vision deficiency sees sRGB.
DEFICIENCIES = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}


def rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def linear(channel: float) -> float:
    channel /= 255
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def luminance(colour: tuple[float, float, float]) -> float:
    red, green, blue = (linear(c) for c in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: tuple[float, float, float], other: tuple[float, float, float]) -> float:
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def seen_with(deficiency: str, colour: tuple[int, int, int]) -> tuple[float, float, float]:
    channels = [linear(c) for c in colour]
    mixed = [max(0.0, min(1.0, sum(m * c for m, c in zip(row, channels, strict=True))))
             for row in DEFICIENCIES[deficiency]]
    return tuple(255 * (12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055) for c in mixed)


def lab(colour: tuple[float, float, float]) -> tuple[float, float, float]:
    red, green, blue = (linear(c) for c in colour)
    x = (0.4124 * red + 0.3576 * green + 0.1805 * blue) / 0.95047
    y = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    z = (0.0193 * red + 0.1192 * green + 0.9505 * blue) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def delta_e(one: tuple[float, float, float], other: tuple[float, float, float]) -> float:
    return sum((a - b) ** 2 for a, b in zip(lab(one), lab(other), strict=True)) ** 0.5


@dataclass(frozen=True)
class Bar:
    fill: str  # '#0072b2'
    hatch: str | None  # the hatch pattern's drawing, None when solid
    stroke: str | None
    width: float
    in_legend: bool


@dataclass(frozen=True)
class Chart:
    legend: dict[str, tuple[str, str | None]]  # each year in the legend -> its bars' fill and hatching
    path: str
    title: str
    description: str
    bars: list[Bar]
    value_labels: list[str]
    font_points: list[float]
    width_points: float


def parse(path: Path, root: Path) -> Chart:
    parser = ElementTree.XMLParser(target=ElementTree.TreeBuilder(insert_comments=True))
    tree = ElementTree.parse(path, parser)
    svg = tree.getroot()
    patterns = {
        pattern.get("id"): (pattern.find(f"{SVG}rect").get("fill").lower(),
                            pattern.find(f"{SVG}path").get("d"))
        for pattern in svg.iter(f"{SVG}pattern")
    }
    bars: list[Bar] = []
    labels: list[str] = []
    fonts: list[float] = []
    legend_words: list[str] = []

    def visit(element: ElementTree.Element, ancestors: tuple[str, ...]) -> None:
        group = element.get("id") or ""
        if element.tag == f"{SVG}g" and group.startswith("patch_"):
            in_legend = any(a.startswith("legend") for a in ancestors)
            bars.extend(patch_bars(element, patterns, in_legend))
        if element.tag == f"{SVG}g" and group.startswith("text_"):
            text, size = text_of(element)
            fonts.append(size)
            on_axis = any(a.startswith(("xtick", "ytick", "legend")) for a in ancestors)
            if any(a.startswith("legend") for a in ancestors):
                legend_words.append(text)
            if not on_axis and VALUE_LABEL.match(text):
                labels.append(text)
        for child in element:
            visit(child, (*ancestors, group))

    visit(svg, ())
    title, description = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    keys = [(bar.fill, bar.hatch) for bar in bars if bar.in_legend]
    return Chart(
        dict(zip(legend_words, keys, strict=False)),
        path.relative_to(root).as_posix(),
        (title.text or "").strip() if title is not None else "",
        (description.text or "").strip() if description is not None else "",
        [bar for bar in bars if bar.fill not in ("#ffffff", "none")],
        labels, fonts, float(svg.get("width", "0").removesuffix("pt")),
    )


def patch_bars(group: ElementTree.Element, patterns: dict, in_legend: bool) -> list[Bar]:
    bars = []
    for shape in group.iter(f"{SVG}path"):
        style = dict(part.split(":", 1) for part in (shape.get("style") or "").split(";") if ":" in part)
        style = {key.strip(): value.strip() for key, value in style.items()}
        fill = style.get("fill", "none").lower()
        hatch = None
        if fill.startswith("url(#"):
            fill, hatch = patterns[fill[5:-1]]
        xs = [float(x) for x in re.findall(r"[ML] (-?[\d.]+) -?[\d.]+", shape.get("d") or "")]
        width = max(xs) - min(xs) if xs else 0.0
        bars.append(Bar(fill, hatch, style.get("stroke"), width, in_legend))
    return bars


def text_of(group: ElementTree.Element) -> tuple[str, float]:
    """A text group's words and size in points: a <text> element, or text drawn as glyph paths
    (svg.fonttype 'path'), which matplotlib precedes with its words in a comment and scales by
    size / 100."""
    text = group.find(f"{SVG}text")
    if text is not None:
        size = re.search(r"font-size: ([\d.]+)px", text.get("style") or "")
        return "".join(text.itertext()).strip(), float(size[1]) if size else 0.0
    words = next((child.text or "" for child in group if child.tag is ElementTree.Comment), "")
    scale = re.search(r"scale\(([\d.]+) -[\d.]+\)", ElementTree.tostring(group, encoding="unicode"))
    return words.strip(), float(scale[1]) * 100 if scale else 0.0


@pytest.fixture(scope="module")
def charts(built_site: BuiltSite) -> list[Chart]:
    root = built_site.root
    found = sorted(p for p in root.rglob("*.svg") if "assets" not in p.relative_to(root).parts)
    assert found, "the built site has no charts"
    return [parse(path, built_site.root) for path in found]


def title_problems(charts: list[Chart]) -> list[str]:
    return [f"{chart.path}: no <title> and <desc>" for chart in charts
            if not chart.title or not chart.description]


def colour_problems(charts: list[Chart]) -> list[str]:
    problems = []
    for chart in charts:
        looks = {(bar.fill, bar.hatch, bar.stroke) for bar in chart.bars}
        for fill, _hatch, stroke in looks:
            # 1.4.11 Non-text contrast: the bar, or its outline, 3:1 against the white background.
            if contrast(rgb(fill), WHITE) < 3 and not (stroke and contrast(rgb(stroke), WHITE) >= 3):
                problems.append(f"{chart.path}: {fill} bars fade into the background with no outline")
        filled = sorted({(fill, hatch) for fill, hatch, _ in looks}, key=str)
        for one, other in itertools.combinations(filled, 2):
            if one[1] != other[1]:
                continue  # different hatching tells them apart without colour
            for deficiency in DEFICIENCIES:
                difference = delta_e(seen_with(deficiency, rgb(one[0])), seen_with(deficiency, rgb(other[0])))
                if difference < MIN_DELTA_E:
                    problems.append(f"{chart.path}: {one[0]} and {other[0]} look alike with {deficiency} "
                                    f"(ΔE {difference:.1f}) and have the same hatching")
    return problems


def label_problems(charts: list[Chart]) -> list[str]:
    problems = []
    for chart in charts:
        drawn = [bar for bar in chart.bars if not bar.in_legend and bar.width > 0]
        if len(chart.value_labels) < len(drawn):
            problems.append(f"{chart.path}: {len(drawn)} bars, {len(chart.value_labels)} value labels")
    return problems


def size_problems(charts: list[Chart]) -> list[str]:
    return [f"{chart.path}: text of {min(chart.font_points)} pt, under {MIN_FONT_POINTS} pt"
            for chart in charts if chart.font_points and min(chart.font_points) < MIN_FONT_POINTS]


def test_every_chart_has_a_title_and_a_description(charts: list[Chart]) -> None:
    assert not title_problems(charts), "\n".join(title_problems(charts))


def test_every_chart_colour_stands_out_and_is_told_apart(charts: list[Chart]) -> None:
    assert not colour_problems(charts), "\n".join(colour_problems(charts))


def test_every_bar_has_its_value_written_beside_it(charts: list[Chart]) -> None:
    assert not label_problems(charts), "\n".join(label_problems(charts))


def test_chart_text_is_a_readable_size(charts: list[Chart]) -> None:
    assert not size_problems(charts), "\n".join(size_problems(charts))


def colour_by_year_problems(charts: list[Chart]) -> list[str]:
    """A year drawn in a different colour or hatching from one chart (or report) to the next."""
    first: dict[str, tuple[str, tuple[str, str | None]]] = {}
    problems = []
    for chart in charts:
        for year, look in chart.legend.items():
            seen = first.setdefault(year, (chart.path, look))
            if seen[1] != look:
                problems.append(f"{year} is {look} in {chart.path} but {seen[1]} in {seen[0]}")
    return problems


def test_a_year_looks_the_same_in_every_chart(charts: list[Chart]) -> None:
    assert sum(len(chart.legend) for chart in charts) > len(charts), "the charts compare no years"
    assert not colour_by_year_problems(charts), "\n".join(colour_by_year_problems(charts))


def test_the_checks_catch_an_unreadable_chart(tmp_path: Path) -> None:
    """The checks can fail: a stock matplotlib chart in pale look-alike colours, unlabelled, with
    small text and no title, breaks every one of them."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(4, 2))
    axes = figure.add_subplot()
    axes.barh([0, 1], [3, 5], color=["#E69F00", "#F0E442"])
    axes.tick_params(labelsize=6)
    figure.savefig(tmp_path / "unreadable.svg", format="svg")
    unreadable = [parse(tmp_path / "unreadable.svg", tmp_path)]
    assert title_problems(unreadable)
    assert colour_problems(unreadable)
    assert label_problems(unreadable)
    assert size_problems(unreadable)


# The report's charts (generator/views/bar_chart.py) and the tracker's (generator/tracker/chart.py).
@pytest.mark.parametrize(("kind", "view"), [
    ("report", DESKTOP_LIGHT), ("report", PHONE_DARK), ("tracker", DESKTOP_LIGHT), ("tracker", PHONE_DARK),
], ids=["report-desktop-light", "report-phone-dark", "tracker-desktop-light", "tracker-phone-dark"])
def test_chart_text_is_readable_as_drawn_on_the_page(
    kind: str, server: Server, page, view: View, charts: list[Chart]
) -> None:
    """At 375 px and at 1280 px, the smallest text of each chart on the page is drawn at 12 px or more."""
    by_path = {chart.path: chart for chart in charts}
    path = pages_of_kind(server.site.root, kind)[-1]
    open_page(page, server.url(path), view.dark)
    shown = page.evaluate("""() => [...document.querySelectorAll('article img[src$=".svg"]')]
      .map((img) => [new URL(img.src).pathname, img.getBoundingClientRect().width])""")
    assert shown, f"/{path} shows no chart"
    small = []
    for source, width in shown:
        chart = next(c for p, c in by_path.items() if source.endswith("/" + p))
        drawn = min(chart.font_points) * width / chart.width_points
        if drawn < MIN_RENDERED_PIXELS:
            small.append(f"{chart.path}: smallest text drawn at {drawn:.1f} px ({width:.0f} px wide)")
    assert not small, f"on /{path}:\n" + "\n".join(small)

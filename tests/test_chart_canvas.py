"""Charts drawn one after another on the kept figure are the charts a new figure draws: nothing of
one chart is left on the next, whatever their order, and after a chart that failed halfway."""

from __future__ import annotations

import itertools
import threading

import pytest

from generator.views import bar_chart
from generator.views.chart import Bar, ChartData, Series

OUTCOMES = ChartData(
    ("Upheld", "Partially upheld", "Not upheld"),
    (Series("2018-19", (Bar(9, "9"), Bar(14, "14"), Bar(12, "12")), "2018-19"),
     Series("2019-20", (Bar(7, "7"), Bar(None, "n/a"), Bar(20, "20")), "2019-20")),
    title="Bar chart of table 3, outcomes")
# Three years, a long name that wraps, a negative value and a unit (its own line of text).
CHANGES = ChartData(
    ("Adult social care: assessment, care management and reviews of care and support plans",
     "Reablement"),
    (Series("2017-18", (Bar(10.5, "10.5"), Bar(-2, "-2")), "2017-18"),
     Series("2018-19", (Bar(3, "3"), Bar(0, "0")), "2018-19"),
     Series("2019-20", (Bar(12, "12"), Bar(4, "4")), "2019-20")),
    title="Bar chart of table 6, response times", unit="Working days on average")
ONE_YEAR = ChartData(("Email", "Telephone", "Letter", "In person"),
                     (Series("2019-20", tuple(Bar(n, str(n)) for n in (40, 25, 8, 2)), "2019-20"),),
                     title="Bar chart of table 8, how complaints were made")
CHARTS = (OUTCOMES, CHANGES, ONE_YEAR)


def on_a_new_figure(data: ChartData) -> str:
    bar_chart._KEPT.canvas = None
    return bar_chart.render(data)


@pytest.fixture(autouse=True)
def new_canvas() -> None:
    bar_chart._KEPT.canvas = None


def test_each_order_of_charts_draws_each_chart_as_a_new_figure_does() -> None:
    alone = {data: on_a_new_figure(data) for data in CHARTS}
    for order in itertools.permutations(CHARTS):
        bar_chart._KEPT.canvas = None
        assert [bar_chart.render(data) for data in order] == [alone[data] for data in order]


def test_the_figure_is_kept_between_charts() -> None:
    bar_chart.render(OUTCOMES)
    kept = bar_chart._KEPT.canvas
    bar_chart.render(CHANGES)
    assert bar_chart._KEPT.canvas is kept
    figure, axes = kept
    assert not (figure.legends or figure.texts or axes.artists or axes.texts or axes.patches)


def test_a_chart_that_fails_halfway_leaves_nothing_for_the_next(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = on_a_new_figure(ONE_YEAR)
    bar_chart._KEPT.canvas = None
    bar_chart.render(OUTCOMES)

    def no_names(*_: object) -> None:
        raise RuntimeError("the names could not be laid out")

    monkeypatch.setattr(bar_chart, "CategoryNames", no_names)
    with pytest.raises(RuntimeError):
        bar_chart.render(CHANGES)  # its bars and values are on the axes when this fails
    monkeypatch.undo()
    assert bar_chart.render(ONE_YEAR) == expected


def test_a_figure_left_with_something_on_it_is_not_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """Should an artist not come off (a matplotlib that refuses), the figure is made anew."""
    expected = on_a_new_figure(ONE_YEAR)
    bar_chart._KEPT.canvas = None
    monkeypatch.setattr(bar_chart.Text, "remove", lambda self: None)
    bar_chart.render(OUTCOMES)
    assert bar_chart._KEPT.canvas is None
    monkeypatch.undo()
    assert bar_chart.render(ONE_YEAR) == expected


def test_each_thread_draws_on_a_figure_of_its_own() -> None:
    """One thread after another (matplotlib's style settings are the process's, so charts are never
    drawn in two threads at once): each has its own figure, and each draws every chart right."""
    expected = {data: on_a_new_figure(data) for data in CHARTS}
    here = bar_chart._KEPT.canvas
    found: list[tuple[object, list[str]]] = []

    def draw_all() -> None:
        drawn = [bar_chart.render(data) for data in CHARTS * 2]
        found.append((bar_chart._KEPT.canvas, drawn))

    for _ in range(2):
        thread = threading.Thread(target=draw_all)
        thread.start()
        thread.join()
    assert [drawn for _, drawn in found] == [[expected[data] for data in CHARTS * 2]] * 2
    canvases = [canvas for canvas, _ in found]
    assert canvases[0] is not canvases[1] and here not in canvases and bar_chart._KEPT.canvas is here

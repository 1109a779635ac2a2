"""Charts at scale: drawn ahead on worker processes, with the same bytes as drawn here, kept in the
process's memo and the on-disk cache, never drawn twice, and drawn here when workers cannot help."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest

from generator.views import bar_chart, chart_workers
from generator.views.chart import DRAWN, Bar, ChartData, Series, cached_path, draw, drawn

PARENT = os.getpid()


def charts(count: int) -> list[ChartData]:
    return [
        ChartData(("Upheld", "Not upheld"),
                  (Series("2019-20", (Bar(number, str(number)), Bar(2, "2"))),
                   Series("2018-19", (Bar(None, "n/a"), Bar(3, "3")))),
                  title=f"Bar chart of table {number}")
        for number in range(1, count + 1)
    ]


@pytest.fixture(autouse=True)
def empty_memo(monkeypatch: pytest.MonkeyPatch):
    # Forked from this process, the workers run what the tests put in place of the drawing code.
    monkeypatch.setattr(chart_workers, "START_METHOD", "fork")
    DRAWN.clear()
    yield
    DRAWN.clear()


def test_workers_from_the_fork_server_draw_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chart_workers, "START_METHOD", "forkserver")
    wanted = charts(chart_workers.MIN_CHARTS)
    with chart_workers.drawing_ahead(wanted):
        pass
    ahead = [DRAWN.get(data) for data in wanted]
    DRAWN.clear()
    assert ahead == [draw(data) for data in wanted]


def no_workers(*args, **kwargs):  # type: ignore[no-untyped-def]
    raise AssertionError("no worker process should have been started")


def test_workers_draw_the_same_bytes_as_this_process() -> None:
    wanted = charts(chart_workers.MIN_CHARTS)
    with chart_workers.drawing_ahead([*wanted, wanted[0]]):  # a chart asked for twice is drawn once
        pass
    from_workers = [DRAWN.get(data) for data in wanted]
    assert all(from_workers)
    DRAWN.clear()
    assert from_workers == [draw(data) for data in wanted]
    assert gc.get_freeze_count() == 0


def test_too_few_charts_or_one_core_start_no_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chart_workers, "ProcessPoolExecutor", no_workers)
    with chart_workers.drawing_ahead(charts(chart_workers.MIN_CHARTS - 1)):
        pass
    monkeypatch.setattr(chart_workers, "cores", lambda: 1)
    with chart_workers.drawing_ahead(charts(chart_workers.MIN_CHARTS * 2)):
        pass
    assert all(DRAWN.get(data) is None for data in charts(chart_workers.MIN_CHARTS * 2))


def test_no_processes_to_be_had_means_drawing_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError("no more processes")

    monkeypatch.setattr(chart_workers, "ProcessPoolExecutor", refused)
    wanted = charts(chart_workers.MIN_CHARTS)
    with chart_workers.drawing_ahead(wanted):
        pass
    assert gc.get_freeze_count() == 0
    assert drawn(wanted[0]).startswith("<?xml")


RENDER = bar_chart.render


def fails_in_workers_on_the_first(data: ChartData) -> str:
    if os.getpid() != PARENT and data == charts(1)[0]:
        raise RuntimeError("a worker fell over")
    return RENDER(data)


def test_a_chart_a_worker_fails_on_is_drawn_here(monkeypatch: pytest.MonkeyPatch) -> None:
    wanted = charts(chart_workers.MIN_CHARTS)
    monkeypatch.setattr(bar_chart, "render", fails_in_workers_on_the_first)
    with chart_workers.drawing_ahead(wanted):
        pass
    assert DRAWN.get(wanted[0]) is None
    assert all(DRAWN.get(data) for data in wanted[1:])
    assert drawn(wanted[0]) == RENDER(wanted[0])


def test_workers_that_cannot_be_given_the_work_leave_every_chart_to_be_drawn_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    wanted = charts(chart_workers.MIN_CHARTS)
    monkeypatch.setattr(bar_chart, "render", lambda data: RENDER(data))  # a lambda cannot be pickled
    with chart_workers.drawing_ahead(wanted):
        pass
    assert all(DRAWN.get(data) is None for data in wanted)
    assert gc.get_freeze_count() == 0


def test_drawn_charts_go_to_the_cache_and_come_back_without_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    wanted = charts(chart_workers.MIN_CHARTS)
    with chart_workers.drawing_ahead(wanted, tmp_path):
        pass
    assert all(cached_path(tmp_path, data).is_file() for data in wanted)
    first = [DRAWN.get(data) for data in wanted]
    DRAWN.clear()  # a new build, in a new process
    monkeypatch.setattr(chart_workers, "ProcessPoolExecutor", no_workers)
    monkeypatch.setattr(bar_chart, "render", no_workers)
    with chart_workers.drawing_ahead(wanted, tmp_path):
        pass
    assert [drawn(data, tmp_path) for data in wanted] == first


def test_charts_drawn_by_an_earlier_rebuild_are_not_drawn_again(monkeypatch: pytest.MonkeyPatch) -> None:
    wanted = charts(chart_workers.MIN_CHARTS + 1)
    with chart_workers.drawing_ahead(wanted[:-1]):
        pass
    drawn_again: list[ChartData] = []
    render = bar_chart.render

    def counted(data: ChartData) -> str:
        drawn_again.append(data)
        return render(data)

    monkeypatch.setattr(bar_chart, "render", counted)
    monkeypatch.setattr(chart_workers, "ProcessPoolExecutor", no_workers)  # one new chart: no workers
    with chart_workers.drawing_ahead(wanted):
        pass
    assert [drawn(data) for data in wanted]
    assert drawn_again == [wanted[-1]]


def test_a_failed_build_stops_the_workers() -> None:
    with (pytest.raises(ValueError, match="a commentary went wrong"),
          chart_workers.drawing_ahead(charts(chart_workers.MIN_CHARTS * 4))):
        raise ValueError("a commentary went wrong")
    assert gc.get_freeze_count() == 0


def test_the_memo_forgets_the_chart_least_recently_asked_for() -> None:
    from generator.views.chart import DrawnCharts

    first, second, third = charts(3)
    memo = DrawnCharts(2)
    memo.keep(first, "one")
    memo.keep(second, "two")
    assert memo.get(first) == "one"  # now the most recent
    memo.keep(third, "three")
    assert (memo.get(first), memo.get(second), memo.get(third)) == ("one", None, "three")

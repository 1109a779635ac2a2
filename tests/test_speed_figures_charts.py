"""Charts at scale: drawn ahead on worker processes, with the same bytes as drawn here, kept in the
process's memo and the on-disk cache, never drawn twice, and drawn here when workers cannot help."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest

from generator.tracker import chart as tracker_chart
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
    monkeypatch.setattr(chart_workers, "_draw", lambda data: RENDER(data))  # a lambda cannot be pickled
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


def test_a_chart_drawn_aside_is_the_one_drawn_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tracker's chart drawn in a worker of its own gives the same bytes as drawn here, and
    one whose worker fails, or that has no worker to go to, is drawn here."""
    monkeypatch.setattr(chart_workers, "START_METHOD", "forkserver")
    shown = ((("Cyfathrebu", (1, 2, 3)), ("Cynllunio gofal", (0, 4, 1))), ("Coch", "Ambr", "Gwyrdd", "Nifer"))
    here = tracker_chart.drawn(shown)
    assert chart_workers.Aside(tracker_chart.drawn, shown).result() == here
    assert chart_workers.Aside(lambda value: tracker_chart.drawn(value), shown).result() == here
    monkeypatch.setattr(chart_workers, "cores", lambda: 1)
    alone = chart_workers.Aside(tracker_chart.drawn, shown)
    assert alone.worker is None and alone.result() == here


MADE_WITHOUT_MATPLOTLIB = """
import sys
from datetime import date
from pathlib import Path
from generator.githistory import NO_HISTORY
from generator.records import load_records
from generator.site import HandWritten, site_files
files = site_files(load_records(Path(sys.argv[1])), hand_written=HandWritten.read(Path(sys.argv[1]) / "docs"),
                   as_of=date(2020, 12, 1), changed_since=date(2020, 11, 1), record_history=NO_HISTORY)
print(sum(file.path.endswith(".svg") for file in files), "matplotlib" in sys.modules)
"""


@pytest.mark.slow
def test_a_build_on_two_cores_draws_every_chart_in_workers() -> None:
    """The demo site's files made as a build makes them: every chart, the tracker's included, is
    drawn by the workers, so the build's own process never imports matplotlib (a third of a second)."""
    import subprocess
    import sys

    if chart_workers.cores() < 2:
        pytest.skip("one core: the charts are drawn in the build's own process")
    project = Path(__file__).resolve().parents[1]
    made = subprocess.run([sys.executable, "-c", MADE_WITHOUT_MATPLOTLIB, str(project)], cwd=project,
                          capture_output=True, text=True, check=True)
    charts, imported = made.stdout.split()
    assert int(charts) > chart_workers.MIN_CHARTS
    assert imported == "False"

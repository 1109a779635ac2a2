"""A build's charts drawn on every core, while the build gets on with its pages.

A site draws one chart per table per year (about 150 for twelve years), each a tenth of a second
of matplotlib. `drawing_ahead` hands the charts not yet drawn (in this process, or in the on-disk
cache an earlier build left) to worker processes (from a fork server), and on leaving keeps what
they drew in the process's memo, where `drawn` then finds it. Too few charts to repay starting
workers, one core, no fork, or any failure of the workers: the charts are simply drawn in this
process when they are asked for, as before.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from generator.views.chart import DRAWN, ChartData, cached_path
from generator.views.chart_cache import read_cached, write_cached

WORKERS = 2
START_METHOD = "forkserver"  # see _start; tests that change a worker's code in this process use "fork"
MIN_CHARTS = 8  # below this, starting workers costs more than it saves


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def still_to_draw(charts: Iterable[ChartData], cache: Path | None) -> list[ChartData]:
    """The distinct charts neither drawn in this process nor kept in `cache` (those are remembered)."""
    waiting = []
    for data in dict.fromkeys(charts):
        svg = DRAWN.get(data)
        if svg is None and cache is not None:
            svg = read_cached(cached_path(cache, data))
            if svg is not None:
                DRAWN.keep(data, svg)
        if svg is None:
            waiting.append(data)
    return waiting


class DrawingAhead:
    """`charts` being drawn in worker processes from the moment this is made; `finish` waits for
    them and keeps every chart they drew in the memo (and in `cache`, a folder, when given).
    `abandon` stops them: a build that failed needs no charts."""

    def __init__(self, charts: Iterable[ChartData], cache: Path | None = None) -> None:
        self.cache = cache
        self.waiting = still_to_draw(charts, cache)
        started = _start(self.waiting) if len(self.waiting) >= MIN_CHARTS and cores() >= 2 else None
        self.workers, self.futures = started if started is not None else (None, [])

    def finish(self) -> None:
        if self.workers is None:
            return
        try:
            _keep(self.waiting, self.futures, self.cache)
        finally:
            self._stop(cancel=False)

    def abandon(self) -> None:
        if self.workers is not None:
            self._stop(cancel=True)

    def _stop(self, *, cancel: bool) -> None:
        assert self.workers is not None
        self.workers.shutdown(wait=True, cancel_futures=cancel)
        self.workers = None


@contextmanager
def drawing_ahead(charts: Iterable[ChartData], cache: Path | None = None) -> Iterator[None]:
    """Draw `charts` in worker processes during the `with` block; on leaving it, every chart the
    workers drew is in the memo (and in `cache`, a folder, when given)."""
    drawing = DrawingAhead(charts, cache)
    try:
        yield
    except BaseException:
        drawing.abandon()
        raise
    drawing.finish()


def _draw(data: ChartData) -> str:
    """A chart drawn in a worker. matplotlib is imported there (the fork server has it already),
    never in the build's own process for the charts the workers draw: a third of a second."""
    from generator.views.bar_chart import render

    return render(data)


def _workers(count: int) -> ProcessPoolExecutor:
    # Workers forked from a small server process that has imported matplotlib, not from this one:
    # a fork of a build holding 300,000 records would come to hold a copy of every page of them
    # that this process touches while the charts are drawn (and forking a process that runs
    # threads, as `mkdocs serve` does, is unsafe).
    context = get_context(START_METHOD)
    if START_METHOD == "forkserver":
        context.set_forkserver_preload(["generator.views.bar_chart"])
    return ProcessPoolExecutor(count, mp_context=context)


def _start(waiting: list[ChartData]) -> tuple[ProcessPoolExecutor, list[Future[str]]] | None:
    workers = None
    try:
        workers = _workers(WORKERS)
        return workers, [workers.submit(_draw, data) for data in waiting]
    except (OSError, ValueError, RuntimeError):  # no forkserver here, or no processes to be had
        if workers is not None:
            workers.shutdown(wait=False, cancel_futures=True)
        return None


class Aside:
    """`draw(shown)` in a worker of its own, from the moment this is made, while this process gets
    on with other work; `result` waits for it. Drawn in this process, when asked, where no worker
    can be had (one core, no fork server) or the worker failed. `shown` must be plain values."""

    def __init__(self, draw: Callable[[Any], str], shown: Any, *, ahead: bool = True) -> None:
        self.draw, self.shown = draw, shown
        self.worker: ProcessPoolExecutor | None = None
        self.future: Future[str] | None = None
        if ahead and cores() >= 2:
            try:
                self.worker = _workers(1)
                self.future = self.worker.submit(draw, shown)
            except (OSError, ValueError, RuntimeError):
                self.close()

    def result(self) -> str:
        try:
            if self.future is not None:
                try:
                    return self.future.result()
                except Exception:  # a broken worker costs only speed: drawn here instead
                    pass
            return self.draw(self.shown)
        finally:
            self.close()

    def close(self) -> None:
        if self.worker is not None:
            self.worker.shutdown(wait=True, cancel_futures=True)
            self.worker = None


def in_this_process(draw: Callable[[Any], str], shown: Any) -> Aside:
    """An `Aside` that draws in this process when asked (tests, and anything with no build around)."""
    return Aside(draw, shown, ahead=False)


def _keep(waiting: list[ChartData], futures: list[Future[str]], cache: Path | None) -> None:
    """What the workers drew, in the memo; a chart they failed on is left to be drawn here."""
    for data, future in zip(waiting, futures, strict=True):
        try:
            svg = future.result()
        except Exception:  # a broken worker costs only speed: the chart is drawn here instead
            continue
        DRAWN.keep(data, svg)
        if cache is not None:
            write_cached(cached_path(cache, data), svg)

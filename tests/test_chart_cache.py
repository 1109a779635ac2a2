"""The chart cache is believed only for charts this machine's Candour drew and sealed.

A file planted under a chart's name (a script, a link, false figures), forced into the repository
or copied from another chart or another machine, is never published: the chart is drawn again.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from generator.views import bar_chart, chart_cache, chart_workers
from generator.views.chart import DRAWN, Bar, ChartData, Series, cached_path, draw, drawn

PLANTED = ('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script>'
           '<a href="https://phish.example/"><text>99 complaints</text></a></svg>')


def chart(number: int = 1) -> ChartData:
    return ChartData(("Upheld", "Not upheld"), (Series("2019-20", (Bar(number, str(number)), Bar(2, "2"))),),
                     title=f"Bar chart of table {number}")


@pytest.fixture(autouse=True)
def own_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """This machine's key kept in the test's folder; nothing remembered between tests."""
    monkeypatch.setenv(chart_cache.KEY_FOLDER_VARIABLE, str(tmp_path / "key"))
    chart_cache.machine_key.cache_clear()
    DRAWN.clear()
    yield
    chart_cache.machine_key.cache_clear()
    DRAWN.clear()


def never_drawn(data: ChartData) -> str:
    raise AssertionError("the chart should have come from the cache")


def test_a_sealed_chart_comes_back_without_drawing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "charts"
    first = drawn(chart(), cache)
    assert Path(f"{cached_path(cache, chart())}.seal").is_file()
    DRAWN.clear()  # a new build
    monkeypatch.setattr(bar_chart, "render", never_drawn)
    assert drawn(chart(), cache) == first


def test_a_planted_chart_is_drawn_again_and_never_published(tmp_path: Path) -> None:
    cache = tmp_path / "charts"
    path = cached_path(cache, chart())
    cache.mkdir()
    path.write_text(PLANTED, encoding="utf-8")
    svg = drawn(chart(), cache)
    assert "<script" not in svg and "phish" not in svg and svg == draw(chart())
    # The planted file is replaced by the chart drawn, with its seal.
    DRAWN.clear()
    assert chart_cache.read_cached(path) == svg


@pytest.mark.parametrize("forged", ["", "0" * 64, "not hex", "a" * 64 + "\n"])
def test_a_forged_seal_is_not_believed(tmp_path: Path, forged: str) -> None:
    path = cached_path(tmp_path, chart())
    path.write_text(PLANTED, encoding="utf-8")
    Path(f"{path}.seal").write_text(forged, encoding="ascii")
    assert chart_cache.read_cached(path) is None


def test_a_seal_made_with_another_machines_key_is_not_believed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = cached_path(tmp_path / "charts", chart())
    chart_cache.write_cached(path, PLANTED)  # sealed, but on "another machine"
    assert chart_cache.read_cached(path) == PLANTED
    monkeypatch.setenv(chart_cache.KEY_FOLDER_VARIABLE, str(tmp_path / "other-key"))
    chart_cache.machine_key.cache_clear()
    assert chart_cache.read_cached(path) is None


def test_one_charts_sealed_file_does_not_pass_for_another(tmp_path: Path) -> None:
    cache = tmp_path / "charts"
    one, other = cached_path(cache, chart(1)), cached_path(cache, chart(2))
    chart_cache.write_cached(one, draw(chart(1)))
    shutil.copy(one, other)
    shutil.copy(f"{one}.seal", f"{other}.seal")
    assert chart_cache.read_cached(other) is None


def test_a_changed_byte_breaks_the_seal(tmp_path: Path) -> None:
    path = cached_path(tmp_path, chart())
    chart_cache.write_cached(path, draw(chart()))
    path.write_text(draw(chart()).replace("</svg>", "<script>alert(1)</script></svg>"), encoding="utf-8")
    assert chart_cache.read_cached(path) is None


def test_a_chart_or_seal_that_is_a_link_is_not_followed(tmp_path: Path) -> None:
    path = cached_path(tmp_path / "charts", chart())
    chart_cache.write_cached(path, draw(chart()))
    elsewhere = tmp_path / "elsewhere.svg"
    path.replace(elsewhere)
    path.symlink_to(elsewhere)
    assert chart_cache.read_cached(path) is None


def test_charts_handed_to_the_workers_include_the_planted_ones(tmp_path: Path) -> None:
    cache = tmp_path / "charts"
    sealed, planted = chart(1), chart(2)
    chart_cache.write_cached(cached_path(cache, sealed), draw(sealed))
    DRAWN.clear()
    cached_path(cache, planted).write_text(PLANTED, encoding="utf-8")
    assert chart_workers.still_to_draw([sealed, planted], cache) == [planted]


def test_the_key_is_private_kept_and_used_again(tmp_path: Path) -> None:
    key = chart_cache.machine_key()
    kept = tmp_path / "key" / "chart-cache.key"
    assert kept.read_bytes() == key and len(key) == chart_cache.KEY_BYTES
    if os.name == "posix":
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    chart_cache.machine_key.cache_clear()
    assert chart_cache.machine_key() == key
    assert sorted(path.name for path in kept.parent.iterdir()) == ["chart-cache.key"]


def test_without_a_place_to_keep_a_key_only_this_process_is_believed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(chart_cache.KEY_FOLDER_VARIABLE, str(blocked / "key"))
    chart_cache.machine_key.cache_clear()
    path = cached_path(tmp_path / "charts", chart())
    chart_cache.write_cached(path, draw(chart()))
    assert chart_cache.read_cached(path) == draw(chart())
    chart_cache.machine_key.cache_clear()  # another process: a key of its own
    assert chart_cache.read_cached(path) is None


@pytest.mark.slow
def test_a_site_built_over_planted_charts_publishes_only_charts_it_drew(tmp_path: Path) -> None:
    from generator.records import load_records
    from generator.site import report_charts, year_reports

    project = Path(__file__).resolve().parent.parent
    root = tmp_path / "repo"
    for part in ("records", "schemas", "docs", "overrides", "mkdocs.yml"):
        source = project / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / part)
    cache = root / ".candour-cache" / "charts"
    cache.mkdir(parents=True)
    wanted = report_charts(year_reports(load_records(root)))
    for data in wanted:  # every chart the build will ask for, planted, some with forged seals
        cached_path(cache, data).write_text(PLANTED, encoding="utf-8")
        Path(f"{cached_path(cache, data)}.seal").write_text("0" * 64, encoding="ascii")
    env = {**os.environ, "CANDOUR_AS_OF": "2020-09-30", "NO_MKDOCS_2_WARNING": "1",
           "SOURCE_DATE_EPOCH": "1600000000", chart_cache.KEY_FOLDER_VARIABLE: str(tmp_path / "key")}
    built = subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(root)], cwd=root,
                           env=env, capture_output=True, text=True, timeout=900, check=False)
    assert built.returncode == 0, built.stderr
    published = sorted((root / "site").rglob("*.svg"))
    assert len(published) >= len(set(wanted)) > 10
    for svg in published:
        text = svg.read_text(encoding="utf-8")
        assert "<script" not in text and "phish" not in text, svg
        assert text.startswith("<?xml") and "Matplotlib" in text, svg

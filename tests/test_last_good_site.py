"""Under `mkdocs serve`, a rebuild goes beside the served site and replaces it only if it succeeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from generator.last_good_site import LastGoodSite


def served_site(tmp_path: Path) -> Path:
    served = tmp_path / "mkdocs_served"
    served.mkdir()
    (served / "index.html").write_text("last good", encoding="utf-8")
    return served


def test_a_failed_rebuild_leaves_the_served_site_and_no_half_built_one(
    tmp_path: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    served = served_site(tmp_path)

    def fails() -> None:
        assert last_good.building is not None and last_good.building.parent == tmp_path
        (last_good.building / "index.html").write_text("half", encoding="utf-8")
        raise PluginError("candour: records/cases/2019-20/C-2019-0006.yaml:4:11: received: not a date")

    last_good = LastGoodSite(fails, served)
    last_good.rebuild()  # no exception: MkDocs would otherwise hold every request
    assert (served / "index.html").read_text(encoding="utf-8") == "last good"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["mkdocs_served"]
    assert last_good.building is None
    assert "still serving the last site that built" in caplog.text


def test_a_bug_is_reported_as_one_and_the_site_still_served(
    tmp_path: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    served = served_site(tmp_path)

    def crashes() -> None:
        raise KeyError("oops")

    LastGoodSite(crashes, served).rebuild()
    assert (served / "index.html").read_text(encoding="utf-8") == "last good"
    assert "internal error while rebuilding (KeyError" in caplog.text


def test_a_rebuild_that_succeeds_is_served(tmp_path: Path) -> None:
    served = served_site(tmp_path)

    def builds() -> None:
        assert last_good.building is not None
        (last_good.building / "index.html").write_text("new", encoding="utf-8")

    last_good = LastGoodSite(builds, served)
    last_good.rebuild()
    last_good.rebuild()
    assert (served / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["mkdocs_served"]

"""The records editor from Candour installed from its wheel, with no Node.js or npm: a council's
records-only repository builds a site whose admin/ holds Decap CMS and its configuration, and
`candour cms-config` works there."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from installed_package import Installed

pytestmark = pytest.mark.slow

WALES = Path(__file__).resolve().parent / "fixtures" / "wales" / "records"
VENDORED = Path(__file__).resolve().parent.parent / "generator" / "assets" / "decap"


def test_the_installed_package_builds_the_editor_into_the_site(site_candour: Installed, tmp_path: Path
                                                                ) -> None:
    repo = tmp_path / "council"
    shutil.copytree(WALES, repo / "records")
    built = site_candour.run("build", cwd=repo, extra_env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert built.returncode == 0, built.stdout + built.stderr
    admin = repo / "site" / "admin"
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert '<script src="decap/decap-cms.js"></script>' in page and "://" not in page
    # The bundle came with the package, byte for byte, with every chunk it loads.
    assert (admin / "decap" / "decap-cms.js").read_bytes() == (VENDORED / "decap-cms.js").read_bytes()
    assert {p.name for p in (admin / "decap").iterdir()} == {p.name for p in VENDORED.iterdir()}
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert "cases-2023-24" in [collection["name"] for collection in config["collections"]]

    printed = site_candour.run("cms-config", cwd=repo)
    assert printed.returncode == 0, printed.stderr
    # The build dates the current year by the build's date (SOURCE_DATE_EPOCH, 2023); cms-config by
    # today, which may add a newer year: the year with records is the same in both.
    printed_collections = {c["name"]: c for c in yaml.safe_load(printed.stdout)["collections"]}
    for collection in config["collections"]:
        assert printed_collections[collection["name"]] == collection

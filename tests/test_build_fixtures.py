"""Whatever validate accepts builds: every fixture council under tests/fixtures/ that validates is
built with `mkdocs build --strict`, and its pages speak in its own words."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from site_text import differences, site_text
from test_build import copy_repository, mkdocs_build, run

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).resolve().parent / "fixtures"
COUNCILS = sorted(path.parent.parent.name for path in FIXTURES.glob("*/records/organisation.yaml"))
# What each council's pages must not say: another council's words.
NOT_THEIRS = {"wales-social-services": "adult social care", "scotland": "Local Government and Social Care"}


def test_there_are_fixture_councils_of_each_nation() -> None:
    assert {"england", "wales", "wales-social-services", "scotland"} <= set(COUNCILS)


@pytest.fixture(scope="module", params=COUNCILS)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    name = request.param
    root = copy_repository(tmp_path_factory.mktemp(name))
    shutil.rmtree(root / "records")
    shutil.copytree(FIXTURES / name / "records", root / "records")
    shutil.rmtree(root / "docs" / "commentary")  # the demo council's words are not this council's
    if (FIXTURES / name / "docs" / "commentary").is_dir():  # its own, if it has any
        shutil.copytree(FIXTURES / name / "docs" / "commentary", root / "docs" / "commentary")
    # Nor its contact details, which the records guide quotes and the scan knows only as the demo's.
    (root / "docs" / "records-guide" / "examples.md").unlink()
    validated = run(["generator", "validate", "--root", str(root)], root)
    assert validated.returncode == 0, validated.stdout
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    return name, root / "site"


def _text(path: Path) -> str:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").get_text(" ", strip=True)


def test_every_fixture_that_validates_builds_a_report_for_each_year(built: tuple[str, Path]) -> None:
    name, site = built
    years = sorted({path.parent.name for path in (FIXTURES / name / "records" / "cases").glob("*/*.yaml")})
    for year in years:
        assert (site / "reports" / year / "index.html").is_file(), year


def test_pages_say_nothing_of_another_council_or_of_what_is_not_recorded(built: tuple[str, Path]) -> None:
    name, site = built
    pages = [site / "index.html", site / "methodology" / "index.html",
             *(site / "reports").glob("*/index.html")]
    text = " ".join(_text(page) for page in pages if page.is_file())
    if name in NOT_THEIRS:
        assert NOT_THEIRS[name].lower() not in text.lower()
    assert "0 compliments" not in text


def test_the_pages_folder_builds_with_plain_mkdocs_to_the_same_text(
    built: tuple[str, Path], tmp_path: Path,
) -> None:
    """`candour pages` of the council, built by MkDocs without Candour's plugin: every page of each
    language's site (the first's at the top, another's in its folder, built after it into the
    first's site) says what the plugin's build says."""
    name, site = built
    out = tmp_path / "pages"
    written = run(["generator", "pages", "--root", str(site.parent), "--out", str(out)], site.parent)
    assert written.returncode == 0, written.stdout + written.stderr
    others = yaml.safe_load((FIXTURES / name / "records" / "organisation.yaml").read_text())
    others = others.get("languages", ["en"])[1:]
    for folder in (out, *(out / language for language in others)):
        plain = run(["mkdocs", "build", "--strict"], folder)
        assert plain.returncode == 0 and "WARNING" not in plain.stderr, plain.stderr
    assert sorted(path.name for path in (out / "site").iterdir() if path.name in others) == sorted(others)
    assert differences(site_text(site), site_text(out / "site")) == []


# Words only each ombudsman's own statistics give: its decision categories, in its report.
OMBUDSMAN_WORDS = {"england": "Referred back for local resolution", "wales": "Out of jurisdiction",
                   "scotland": "Not duly made or withdrawn"}


def test_each_ombudsman_s_own_figures_and_the_reconciliation_are_shown(built: tuple[str, Path]) -> None:
    name, site = built
    if name not in OMBUDSMAN_WORDS:
        pytest.skip("no ombudsman statistics records in this fixture")
    text = _text(site / "reports" / "2023-24" / "index.html")
    assert OMBUDSMAN_WORDS[name] in text
    assert "reconciled, 2023-24" in text
    assert "Every difference between the two counts is explained above." in text
    assert (site / "reports" / "2023-24" / "charts" / "ombudsman_similar.svg").is_file()

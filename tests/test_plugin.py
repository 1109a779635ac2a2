"""The MkDocs plugin: generated files added as virtual files, errors as PluginError, records watched."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

import generator.published as published_module
from generator.pages.commentary import CommentaryError
from generator.sitefiles import SiteFile

REPOSITORY = Path(__file__).resolve().parent.parent


def repository(tmp_path: Path) -> Path:
    shutil.copytree(REPOSITORY / "records", tmp_path / "records")
    shutil.copytree(REPOSITORY / "schemas", tmp_path / "schemas")
    (tmp_path / "docs" / "commentary").mkdir(parents=True)
    (tmp_path / "docs" / "commentary" / "2019-20.md").write_text("{{ complaints }}", encoding="utf-8")
    (tmp_path / "docs" / "procedure.md").write_text("# Procedure\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Test\nplugins:\n  - candour:\n      as_of: 2020-09-30\n", encoding="utf-8")
    return tmp_path


def configured(root: Path):
    config = load_config(config_file=str(root / "mkdocs.yml"))
    plugin = config.plugins["candour"]
    return config, plugin


def docs_files(config) -> Files:
    docs = Path(config.docs_dir)
    return Files([File(path.relative_to(docs).as_posix(), str(docs), config.site_dir,
                       config.use_directory_urls) for path in sorted(docs.rglob("*.md"))])


def test_on_config_reads_the_records_and_names_the_site(tmp_path):
    config, plugin = configured(repository(tmp_path))
    config = plugin.on_config(config)
    assert config.site_name == "Westmere Borough Council: adult social care complaints"
    assert plugin.records.organisation.name == "Westmere Borough Council"


def test_invalid_records_fail_with_their_problems(tmp_path):
    root = repository(tmp_path)
    case = root / "records/cases/2019-20/C-2019-0006.yaml"
    case.write_text(case.read_text(encoding="utf-8").replace("received: 2019-04-11", "received: soon"),
                    encoding="utf-8")
    config, plugin = configured(root)
    with pytest.raises(PluginError) as raised:
        plugin.on_config(config)
    assert "records/cases/2019-20/C-2019-0006.yaml:4:" in str(raised.value)


class DrawnLater:
    """Charts as `site_files_and_charts` hands them over: their SVG only when finished."""

    def __init__(self, charts: dict[str, str]) -> None:
        self.charts = charts
        self.paths = [(path, None) for path in charts]
        self.finished = self.abandoned = False

    def finish(self) -> list[SiteFile]:
        self.finished = True
        return [SiteFile(path, svg) for path, svg in self.charts.items()]

    def abandon(self) -> None:
        self.abandoned = True


def pages_only(generated: list[SiteFile], charts: DrawnLater | None = None):  # type: ignore[no-untyped-def]
    def fake(records, **options):  # type: ignore[no-untyped-def]
        return generated, charts or DrawnLater({})

    return fake


def test_on_files_adds_virtual_files_and_drops_the_commentary(tmp_path, monkeypatch):
    generated = [SiteFile("index.md", "# Home\n"), SiteFile("reports/2019-20/index.md", "# Report\n"),
                 SiteFile("stylesheets/candour.css", "p {}")]
    charts = DrawnLater({"reports/2019-20/charts/outcomes.svg": "<svg/>"})
    seen = {}

    def fake_site_files(records, **options):
        seen.update(options)
        return generated, charts

    monkeypatch.setattr(published_module, "site_files_and_charts", fake_site_files)
    config, plugin = configured(repository(tmp_path))
    config = plugin.on_config(config)
    files = config.plugins.on_files(docs_files(config), config=config)
    assert files.get_file_from_path("commentary/2019-20.md") is None
    assert files.get_file_from_path("procedure.md") is not None
    home = files.get_file_from_path("index.md")
    assert home.generated_by == "candour" and home.content_string == "# Home\n"
    chart = files.get_file_from_path("reports/2019-20/charts/outcomes.svg")
    assert chart.content_string == "" and not charts.finished  # drawn while the pages render
    env = plugin.on_env(config.theme.get_env(), config=config, files=files)
    assert charts.finished and chart.content_string == "<svg/>"
    assert env.bytecode_cache is not None  # the theme's templates compiled once for the account
    assert "stylesheets/candour.css" in config.extra_css
    assert config.nav[0] == {"Home": "index.md"}
    assert str(seen["as_of"]) == "2020-09-30" and str(seen["changed_since"]) == "2020-07-02"
    assert not (Path(config.docs_dir) / "index.md").exists()  # nothing written into docs/


def test_a_generated_page_may_not_replace_a_hand_written_one(tmp_path, monkeypatch):
    charts = DrawnLater({"reports/2019-20/charts/outcomes.svg": "<svg/>"})
    monkeypatch.setattr(published_module, "site_files_and_charts",
                        pages_only([SiteFile("procedure.md", "")], charts))
    config, plugin = configured(repository(tmp_path))
    config = plugin.on_config(config)
    with pytest.raises(PluginError, match=r"procedure\.md is also generated"):
        plugin.on_files(docs_files(config), config=config)
    assert charts.abandoned  # a failed build stops drawing its charts


def test_a_build_error_stops_the_charts_being_drawn(tmp_path, monkeypatch):
    charts = DrawnLater({"reports/2019-20/charts/outcomes.svg": "<svg/>"})
    monkeypatch.setattr(published_module, "site_files_and_charts", pages_only([], charts))
    config, plugin = configured(repository(tmp_path))
    config = plugin.on_config(config)
    config.plugins.on_files(docs_files(config), config=config)
    plugin.on_build_error(error=RuntimeError("a page failed"))
    assert charts.abandoned and not charts.finished


def test_commentary_errors_become_plugin_errors(tmp_path, monkeypatch):
    def failing(records, **options):
        raise CommentaryError("docs/commentary/2019-20.md", 7, "'x' is not a figure name.")

    monkeypatch.setattr(published_module, "site_files_and_charts", failing)
    config, plugin = configured(repository(tmp_path))
    config = plugin.on_config(config)
    with pytest.raises(PluginError, match=r"docs/commentary/2019-20\.md:7: 'x' is not a figure name"):
        plugin.on_files(docs_files(config), config=config)


def test_serve_watches_the_records_and_schemas(tmp_path):
    root = repository(tmp_path)
    config, plugin = configured(root)
    plugin.on_config(config)

    class Server:
        def __init__(self) -> None:
            self.watched: list[str] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    server = plugin.on_serve(Server(), config=config, builder=None)
    assert server.watched == [str((root / "records").resolve()), str((root / "schemas").resolve())]

"""Fixtures every test folder may use: Candour installed from its wheel (see installed_package)."""

from __future__ import annotations

import os

import pytest
from installed_package import Installed, installed, shared_folder, source_repository

# `candour build` shows Material's end-of-life notice on stderr (test_build_notices checks it, in
# builds of its own without this); the tests that read what a build says expect only Candour's words.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def _shared(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    worker = getattr(request.config, "workerinput", {}).get("workerid", "master")
    return shared_folder(tmp_path_factory.getbasetemp(), worker)


@pytest.fixture(scope="session")
def light_candour(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Installed:
    """`pip install candour` alone: what the published pre-commit hook installs."""
    return installed(_shared(tmp_path_factory, request), "light")


@pytest.fixture(scope="session")
def site_candour(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Installed:
    """`pip install 'candour[site,spreadsheets]'`: what an officer and the workflows install."""
    return installed(_shared(tmp_path_factory, request), "site", "site,spreadsheets")


@pytest.fixture(scope="session")
def candour_repository(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """This working tree committed into a git repository of its own (for `pre-commit try-repo`)."""
    return source_repository(_shared(tmp_path_factory, request))


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """One pre-commit cache for the session, so the hook's environment is made once."""
    return _shared(tmp_path_factory, request) / "pre-commit-home"

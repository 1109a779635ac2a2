"""The README's pictures are there and are the ones the tests take: every image it shows of the
records editor is a screenshot tests/browser/test_editor.py saves (to test-artifacts/editor/,
copied into .github/images/editor/ when the editor changes), so the pictures cannot drift from
what the tests drive."""

from __future__ import annotations

import re
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
README = (PROJECT / "README.md").read_text(encoding="utf-8")
EDITOR_TESTS = (PROJECT / "tests" / "browser" / "test_editor.py").read_text(encoding="utf-8")


def test_every_image_the_readme_shows_is_in_the_repository() -> None:
    shown = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README)
    assert shown, "the README shows no images"
    missing = [path for path in shown if not (PROJECT / path).is_file()]
    assert not missing, missing


def test_every_picture_of_the_editor_is_one_the_editor_tests_take() -> None:
    shown = set(re.findall(r"\]\(\.github/images/editor/([\w-]+\.png)\)", README))
    taken = set(re.findall(r'SHOTS / "([\w-]+\.png)"', EDITOR_TESTS))
    assert {"history.png", "organisation.png", "new-complaint.png"} <= shown
    assert shown <= taken, sorted(shown - taken)

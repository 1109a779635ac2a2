"""Compiled templates kept for the account (`generator.template_bytecode`): used again when signed
with the account's key and compiled from the same source under the same settings, never otherwise."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from jinja2.bccache import Bucket

from generator.cache_trust import account_folder, keep_signed_bytes
from generator.template_bytecode import FOLDER, keep_compiled


@pytest.fixture
def templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "account"))
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "page.j2").write_text("Hello {{ name }}!", encoding="utf-8")
    return folder


def environment(folder: Path, **settings: object) -> tuple[jinja2.Environment, list[str]]:
    """A fresh environment, as each build makes one, and the names of the templates it compiles."""
    compiled: list[str] = []

    class Counting(jinja2.Environment):
        def _compile(self, source: str, filename: str) -> object:  # type: ignore[override]
            compiled.append(Path(filename).name)
            return super()._compile(source, filename)

    return keep_compiled(Counting(loader=jinja2.FileSystemLoader(folder), **settings)), compiled  # type: ignore[arg-type]


def kept_files() -> list[Path]:
    return sorted((account_folder() / FOLDER).iterdir())


def test_a_template_compiled_once_is_not_compiled_by_the_next_build(templates: Path) -> None:
    first, compiled = environment(templates)
    assert first.get_template("page.j2").render(name="Ann") == "Hello Ann!"
    assert compiled == ["page.j2"] and len(kept_files()) == 1
    second, compiled_again = environment(templates)
    assert second.get_template("page.j2").render(name="Bo") == "Hello Bo!"
    assert compiled_again == []


def test_an_edited_template_is_compiled_afresh(templates: Path) -> None:
    environment(templates)[0].get_template("page.j2")
    (templates / "page.j2").write_text("Goodbye {{ name }}.", encoding="utf-8")
    again, compiled = environment(templates)
    assert again.get_template("page.j2").render(name="Ann") == "Goodbye Ann."
    assert compiled == ["page.j2"]


def test_other_settings_compile_and_keep_their_own(templates: Path) -> None:
    (templates / "page.j2").write_text("{% if true %}\nline\n{% endif %}\n", encoding="utf-8")
    plain, _ = environment(templates)
    trimmed, compiled = environment(templates, trim_blocks=True)
    assert plain.get_template("page.j2").render() == "\nline\n"
    assert trimmed.get_template("page.j2").render() == "line\n"
    assert compiled == ["page.j2"] and len(kept_files()) == 2


def test_a_kept_file_not_signed_with_the_accounts_key_is_never_run(templates: Path) -> None:
    first, _ = environment(templates)
    first.get_template("page.j2")
    (kept,) = kept_files()
    # Other code, claiming to be compiled from page.j2's very source.
    source = (templates / "page.j2").read_text(encoding="utf-8")
    bucket = Bucket(first, "planted", first.bytecode_cache.get_source_checksum(source))  # type: ignore[union-attr]
    bucket.code = first.compile("Planted {{ name }}", "page.j2", str(templates / "page.j2"))
    planted = bucket.bytecode_to_string()
    kept.write_bytes(b"0" * 64 + b"\n" + planted)  # signed with another key
    again, compiled = environment(templates)
    assert again.get_template("page.j2").render(name="Ann") == "Hello Ann!"
    assert compiled == ["page.j2"]
    # Signed with the account's key, the same file would be run: the signature is what refuses it.
    keep_signed_bytes(f"{FOLDER}/{kept.name}", planted)
    assert environment(templates)[0].get_template("page.j2").render(name="Ann") == "Planted Ann"


def test_an_environment_that_decides_autoescaping_by_a_function_keeps_nothing(templates: Path) -> None:
    chosen, _ = environment(templates, autoescape=jinja2.select_autoescape())
    assert chosen.bytecode_cache is None

"""The name lexicon comes from Faker's own lists, read as text for speed: it must be exactly what
Faker gives, for every locale, or a change to Faker's layout would shrink it unseen."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

from generator.check.privacy_lexicon import (
    BRITISH_FIRST_NAMES,
    LOCALES,
    faker_folder,
    faker_version,
    lexicon,
    names_in_source,
)


def _faker_names(locale: str) -> tuple[set[str], set[str]]:
    """The locale's first names and surnames as Faker itself holds them, imported."""
    provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    first: set[str] = set()
    last: set[str] = set()
    for attribute, names in vars(provider).items():
        if "first_names" in attribute:
            first.update(names)
        elif "last_names" in attribute:
            last.update(names)
    return first, last


@pytest.mark.parametrize("locale", LOCALES)
def test_the_names_read_as_text_are_fakers_own(locale: str) -> None:
    folder = faker_folder()
    assert folder is not None
    read = names_in_source((folder / locale / "__init__.py").read_text(encoding="utf-8"))
    assert read == _faker_names(locale)
    assert read[0], f"{locale} gave no first names"


def test_the_lexicon_holds_the_names_of_every_locale_folded_to_lower_case() -> None:
    names = lexicon()
    assert len(names.first_names) > 9000 and len(names.surnames) > 15000
    for first in ("peter", "edith", "siobhan", "agnieszka", "mohammed", "chiamaka", "joão", "dafydd",
                  "gurpreet"):
        assert first in names.first_names, first
    for surname in ("walsh", "morgan", "o'neill", "y\u0131lmaz", "patel", "okonkwo", "kowalski"):
        assert surname in names.surnames, surname
    assert set(BRITISH_FIRST_NAMES.split()) <= names.first_names
    assert all(name == name.casefold() and " " not in name for name in names.first_names | names.surnames)


def test_the_lexicon_is_read_without_importing_faker() -> None:
    """Importing Faker takes half a second; reading its lists, a few hundredths."""
    code = (
        "import sys; from generator.check.privacy_lexicon import lexicon; lexicon(); "
        "print(any(name == 'faker' or name.startswith('faker.') for name in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_the_version_is_fakers() -> None:
    import faker

    assert faker_version() == faker.VERSION


def test_the_names_kept_for_the_account_are_fakers_and_a_changed_file_is_not_believed(
    tmp_path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from generator.check import privacy_lexicon

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = faker_folder()
    assert folder is not None
    from_faker = privacy_lexicon._read_from_faker(folder)
    lexicon.cache_clear()
    try:
        assert lexicon() == from_faker  # read from Faker, and kept
        kept = next((tmp_path / "candour").glob("lexicon-*.txt"))
        lexicon.cache_clear()
        assert lexicon() == from_faker  # from the kept file
        # A name taken out of the kept file (to let it through the scan): the file is not believed
        text = kept.read_text(encoding="utf-8")
        assert "\nwalsh\n" in text
        kept.write_text(text.replace("\nwalsh\n", "\n"), encoding="utf-8")
        lexicon.cache_clear()
        assert "walsh" in lexicon().surnames and lexicon() == from_faker
    finally:
        lexicon.cache_clear()

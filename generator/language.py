"""The language a page is written in: Candour's own words from gettext catalogues, numbers and
dates formatted for the language with Babel.

A build renders the English site first and then, when the organisation lists `languages: [en, cy]`,
the Welsh site, each inside `speaking(code)`. Every string Candour writes is looked up in the
catalogue of the language being written at the moment it is written, so one environment and one
set of templates serve both sites.

How to mark a string (do this for every word a reader sees):

- In a template (Markdown, HTML block or tracker template): `{{ _("Received") }}`, with values
  `{{ _("%(count)s complaints received", count=total) }}` (named placeholders only; a literal per
  cent sign is written `%%`), or a block `{% trans count=total %}...{{ count }}...{% endtrans %}`
  (add `trimmed` when it spans lines). A value is escaped as the template escapes values; the
  catalogue's own text is trusted like the template's.
- In Python: `from generator.language import _` and `_("Received")`, or with values
  `_("%(count)s complaints received", count=total)`; the plural form `ngettext("%(num)s case",
  "%(num)s cases", n, num=formatted)`. A string chosen at import time (a module constant, a dict of
  labels) is marked with `N_("Received")`, which only marks it, and translated where it is shown
  with `_(CONSTANT)`: a constant translated at import would stay English on the Welsh site.
- Numbers and dates: `number(1234)`, `decimal(value, places=1)`, `long_date(day)`, `month_year(day)`
  rather than f-strings, so the Welsh site writes "6 Mehefin 2019".

Then `make messages` extracts every marked string (babel.cfg) and updates
`generator/locale/cy/LC_MESSAGES/candour.po`; write the Welsh there (`tests/test_language.py`
fails while a marked message has no Welsh).

The catalogues are kept as `.po` only and compiled in memory when first used (Babel's `pofile`
and `mofile`), so no compiled `.mo` file can be committed stale or be missing from an install.
"""

from __future__ import annotations

import gettext as gettext_module
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from decimal import Decimal
from functools import cache, lru_cache
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Babel, Jinja2 and MarkupSafe come with the `site` extra; checking records needs none
    import jinja2
    from babel import Locale
    from markupsafe import Markup

ENGLISH = "en"
WELSH = "cy"
DEFAULT = ENGLISH  # the language of a site whose organisation names none, and the catalogue's msgids
LANGUAGES = (ENGLISH, WELSH)  # the languages Candour has a catalogue for
DOMAIN = "candour"
LOCALE_FOLDER = Path(__file__).parent / "locale"
# Babel's locale for each language: British English writes "6 June 2019", as the site always has.
BABEL_LOCALES = {ENGLISH: "en_GB", WELSH: "cy"}
NAMES = {ENGLISH: "English", WELSH: "Cymraeg"}  # each language in its own words, for the switcher

_speaking: ContextVar[str] = ContextVar("candour_language", default=DEFAULT)


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Everything written inside is written in `language` (a code of LANGUAGES)."""
    if language not in LANGUAGES:
        raise ValueError(f"Candour has no catalogue for the language {language!r}: "
                         f"it writes {', '.join(LANGUAGES)}")
    token = _speaking.set(language)
    try:
        yield
    finally:
        _speaking.reset(token)


def current() -> str:
    return _speaking.get()


def catalogue_path(language: str) -> Path:
    return LOCALE_FOLDER / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(language: str) -> gettext_module.NullTranslations:
    """The language's catalogue, compiled from its .po in memory; English is the msgids themselves.

    Fuzzy entries (a translation Babel guessed when a message changed) are left out, as `msgfmt`
    leaves them out, so a changed English sentence is never shown with an old Welsh one."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import Translations

    path = catalogue_path(language)
    if language == DEFAULT or not path.is_file():
        return gettext_module.NullTranslations()
    with path.open("rb") as source:
        catalog = read_po(source, locale=language, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def N_(message: str) -> str:  # gettext's own name for a marker, which pybabel looks for
    """Marks a message for the catalogue without translating it: translate it where it is shown."""
    return message


def _(message: str, /, **values: object) -> str:
    """The message in the language being written, its `%(name)s` placeholders filled from values."""
    translated = translations(current()).gettext(message)
    return translated % _written(values) if values else translated


def _written(values: Mapping[str, object]) -> Mapping[str, object]:
    """Placeholder values as the language being written shows them: a council's text that carries
    its Welsh (`generator.model.bilingual.Text`, seen here by its `cy`, as this module comes before
    the model) gives the Welsh on the Welsh site, so no caller has to remember to."""
    if current() != WELSH:
        return values
    return {name: getattr(value, "cy", None) or value if isinstance(value, str) else value
            for name, value in values.items()}


def welsh_of(message: str) -> str | None:
    """The Welsh catalogue's translation of Candour's own English, or None when it has none."""
    translated = translations(WELSH).gettext(message)
    return translated if translated != message else None


def gettext(message: str, /, **values: object) -> str:
    return _(message, **values)


def ngettext(singular: str, plural: str, count: int, /, **values: object) -> str:
    """The singular or plural form for `count`, as the language counts (Welsh has six forms)."""
    translated = translations(current()).ngettext(singular, plural, count)
    return translated % _written(values) if values else translated


# Numbers and dates, each as the language writes it.

def babel_locale() -> Locale:
    return _locale(current())


@cache
def _locale(language: str) -> Locale:
    from babel import Locale

    return Locale.parse(BABEL_LOCALES[language])


def number(value: int | Decimal | float) -> str:
    """A whole number with thousands separated: 12,345."""
    return _number(current(), value)


# Remembered: a site writes the same few thousand numbers and percentages tens of thousands of
# times (every table of every year, twice with the printable page), and Babel takes about ten
# microseconds each.
@lru_cache(maxsize=8192)
def _number(language: str, value: int | Decimal | float) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, format="#,##0", locale=_locale(language))


def decimal(value: Decimal | float, places: int) -> str:
    """A number with exactly `places` decimals (rounded by the caller): 12.0, 1,234.5."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * places if places else "")
    return format_decimal(value, format=pattern, locale=babel_locale(), decimal_quantization=False)


def percentage(value: int | Decimal, *, signed: bool = False) -> str:
    """A percentage already rounded by the caller, as the language writes one (Babel): '17%',
    '1,234%', '20.5%' (as many decimals as it has); `signed` puts '+' before a rise: '+17%'."""
    return _percentage(current(), Decimal(value), signed)


@lru_cache(maxsize=8192)
def _percentage(language: str, exact: Decimal, signed: bool) -> str:
    from babel.numbers import format_percent

    exponent = exact.normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    digits = "#,##0" + ("." + "0" * places if places else "")
    pattern = f"+{digits}%;-{digits}%" if signed and exact > 0 else f"{digits}%"
    return format_percent(exact / 100, format=pattern, locale=_locale(language), decimal_quantization=False)


WELSH_VOWELS = "aeiouwyâêîôûŵŷ"


def listed(items: Sequence[str], language: str | None = None) -> str:
    """Items joined as the language joins a list: 'A, B and C'; 'A, B a C' in Welsh (Babel)."""
    from babel.lists import format_list

    joined = format_list(list(items), locale=BABEL_LOCALES[language or current()])
    # CLDR writes the Welsh "and" as "a(c)", leaving to the writer "ac" before a vowel, "a" otherwise.
    return re.sub(r"\ba\(c\) (?=(.))",
                  lambda found: "ac " if found[1].lower() in WELSH_VOWELS else "a ", joined)


def long_date(day: date) -> str:
    """6 June 2019; 6 Mehefin 2019."""
    from babel.dates import format_date

    return format_date(day, "d MMMM y", locale=babel_locale())


def month_year(day: date) -> str:
    """June 2019; Mehefin 2019."""
    from babel.dates import format_date

    return format_date(day, "LLLL y", locale=babel_locale())


# The page templates' Jinja environments.

def install(environment: jinja2.Environment, escape: Callable[[object], object]) -> None:
    """`jinja2.ext.i18n` in the environment, its `_`, `gettext` and `ngettext` looking the message
    up in the language being written, and each value escaped by `escape` as the environment
    escapes what it prints (a value that is already markup is left as it is).

    The result is markup: the catalogue is Candour's own text, trusted as the template's is, so
    the environment's finalize step does not escape it a second time."""
    from markupsafe import Markup

    environment.add_extension("jinja2.ext.i18n")
    environment.install_gettext_callables(  # type: ignore[attr-defined]  (added by the extension)
        gettext=_, ngettext=ngettext, newstyle=True)

    def filled(translated: str, values: Mapping[str, object]) -> Markup:
        safe = {name: value if hasattr(value, "__html__") else Markup(escape(value))
                for name, value in values.items()}
        return Markup(translated % safe)

    def template_gettext(message: str, /, **values: object) -> Markup:
        return filled(translations(current()).gettext(message), values)

    def template_ngettext(singular: str, plural: str, count: int, /, **values: object) -> Markup:
        values.setdefault("num", count)
        return filled(translations(current()).ngettext(singular, plural, count), values)

    # The extension's own newstyle wrappers format with the Python value unescaped (or escaped
    # for HTML only); these escape as the environment does, for Markdown pages too.
    environment.globals.update(_=template_gettext, gettext=template_gettext, ngettext=template_ngettext)
    for name, formatter in (("number", number), ("decimal", decimal), ("long_date", long_date),
                            ("month_year", month_year)):
        environment.globals.setdefault(name, formatter)  # an environment's own helper of that name wins

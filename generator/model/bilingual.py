"""Text a council wrote in English, with its Welsh when it gave one (`quote_cy` beside `quote`).

A `Text` is the English string itself, so every figure, table and sentence that used the English
goes on working unchanged; its Welsh rides along as `.cy`. A page shows the text through
`in_language(text)`, which gives the Welsh on the Welsh site (inside
`generator.language.speaking("cy")`) and the English everywhere else. Where Welsh is on, validate
has made sure every published text has its Welsh (`generator.check.welsh`); where a text has none,
the English is shown rather than nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from generator.language import WELSH, current, welsh_of

SUFFIX = "_cy"  # the Welsh of a field is the field of the same name ending _cy


class Text(str):
    """English text, and its Welsh (`cy`) when the council wrote one."""

    cy: str | None

    def __new__(cls, english: str, welsh: str | None = None) -> Text:
        text = super().__new__(cls, english)
        text.cy = welsh if isinstance(welsh, str) else None
        return text

    def __reduce__(self) -> tuple[Any, tuple[str, str | None]]:
        return Text, (str(self), self.cy)

    def __repr__(self) -> str:
        # The Welsh is part of what the text is: a record whose Welsh alone changed is a change.
        english = str.__repr__(self)
        return f"Text({english}, cy={self.cy!r})" if self.cy is not None else english


def candours(english: str) -> Text:
    """A name Candour gives when the council gives none (its nation's ombudsman, a kind's name), with
    its Welsh from Candour's catalogue, so the Welsh site never shows Candour's own words in English."""
    return Text(english, welsh_of(english))


def in_language(text: str | None, language: str | None = None) -> str | None:
    """The text in `language` (the language being written when not given): its Welsh on the Welsh
    site when it has one, else the text as it is."""
    if text is None:
        return None
    if (language or current()) == WELSH and isinstance(text, Text) and text.cy:
        return text.cy
    return text


def text_of(values: Mapping[str, Any], name: str) -> Text | None:
    """The field `name` of a record's values with its Welsh beside it, or None when it is absent."""
    english = values.get(name)
    if not isinstance(english, str):
        return None
    return Text(english, values.get(name + SUFFIX))


def texts_of(values: Mapping[str, Any], name: str) -> tuple[Text, ...]:
    """A list of texts (lessons learnt) with the Welsh list beside it, entry by entry."""
    english: Sequence[Any] = values.get(name) or ()
    welsh = values.get(name + SUFFIX)
    welsh = welsh if isinstance(welsh, list) else []
    return tuple(Text(entry, welsh[index] if index < len(welsh) else None)
                 for index, entry in enumerate(english))


def shown(value: object) -> object:
    """A value as the language being written shows it: a `Text` in that language, anything else
    as it is. What the page templates print passes through here (their finalize step, filters and
    catalogue placeholders), so a council's text reaches the Welsh site in Welsh wherever it is shown."""
    return in_language(value) if isinstance(value, Text) else value

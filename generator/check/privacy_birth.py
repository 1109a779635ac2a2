"""Dates of birth: a date (or a month and year, or a year) written beside a word for birth.

"born on the 3rd of May 1950", "DOB: 03.05.1950", "date of birth 1944-04-03", "born May 1950",
"born in 1950", "12/03/1945 (date of birth)". A date on its own is not personal data (records are
full of them); it is its closeness to a word for birth that is. The words between are bounded
(at most three), and each pattern starts at a word for birth or a digit, so a search is linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

Spans = Iterator[tuple[int, int]]

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}"
    rf"|{_DAY}\s{{1,3}}(?:of\s{{1,3}})?{_MONTHS}\.?,?\s{{1,3}}\d{{4}}"
    rf"|{_MONTHS}\.?\s{{1,3}}(?:the\s{{1,3}})?{_DAY},?\s{{1,3}}\d{{4}})"
)
# After a word for birth, a month and year or a year alone says as much.
_PART_DATE = rf"(?:{_MONTHS}\.?,?\s{{1,3}}\d{{4}}|(?:19|20)\d{{2}})"
BIRTH_WORDS = r"(?:born|d\.?o\.?b\.?|date\s{1,3}of\s{1,3}birth|birth\s{0,3}date|birthday)"
_AFTER = re.compile(
    rf"\b{BIRTH_WORDS}(?:\W{{1,3}}\w{{1,20}}){{0,3}}?\W{{1,3}}({_DATE}|{_PART_DATE})(?![\w/.-]\d)",
    re.IGNORECASE,
)
_BEFORE = re.compile(
    rf"(?<![\w/.-])({_DATE})\W{{1,3}}(?:\w{{1,20}}\W{{1,3}}){{0,2}}?\(?{BIRTH_WORDS}\b", re.IGNORECASE
)


def dates_of_birth(text: str) -> Spans:
    for pattern in (_AFTER, _BEFORE):
        for match in pattern.finditer(text):
            yield match.span(1)

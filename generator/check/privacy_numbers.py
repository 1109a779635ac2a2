"""Personal data written with digits or an @: email addresses, UK phone numbers, NHS and National
Insurance numbers, postcodes.

Every pattern here is bounded: each repetition has a limit, and each starts only where the text
before it cannot continue it (a look-behind), so a search costs time in proportion to the text
however it is written (a field of 250 KiB of digits, dots or letters is searched in milliseconds).
Each detector yields the (start, end) of what it found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

Spans = Iterator[tuple[int, int]]

# The local part and domain in any script (internationalised addresses: jörg@bücher.de), the
# top-level domain of letters or punycode; lengths within what an address may have.
_EMAIL = re.compile(
    r"(?<![\w.%+'-])[\w.%+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.(?:[^\W\d_]{2,24}|xn--[\w-]{1,59})(?![\w-])"
)

# Digits in UK groupings from 0, +44 or 0044, each digit group split by at most two of a space,
# dot, hyphen or bracket: 07700 900123, 07700.900.123, +44-7700-900123, (01632) 960 001.
_PHONE = re.compile(
    r"(?<![\w+.])(?:(?:\+|00)44[\s.-]{0,2}(?:\(0\)[\s.-]{0,2})?|\(?0)\d(?:[\s().-]{0,2}\d){8,11}(?![\w])"
)
_PHONE_PREFIXES = ("01", "02", "03", "05", "07", "08")
_NOT_DIGIT = re.compile(r"\D")

# Three, three and four digits, each group split by at most one space, dot or hyphen.
_NHS = re.compile(r"(?<![\w.-])(\d{3})[ .-]?(\d{3})[ .-]?(\d{4})(?![\w-]|\.\d)")

# The first letters of a National Insurance number never use D, F, I, Q, U or V, nor O second;
# the final letter is often left off, and the pairs are written with spaces, dots or hyphens, the
# same between each pair: so the Welsh "yn 2023-24" ("in 2023-24", pairs 20 23-24) is not one.
_NI = re.compile(
    r"(?<![A-Za-z0-9])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
    r"[\s.-]?\d{2}([\s.-]?)\d{2}\1\d{2}(?:[\s.-]?[A-D])?(?![A-Za-z0-9])",
    re.IGNORECASE,
)

_POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s{0,2}\d[A-Z]{2}(?![A-Za-z0-9])", re.IGNORECASE
)
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)$", re.IGNORECASE)


def emails(text: str) -> Spans:
    for match in _EMAIL.finditer(text):
        yield match.span()


def phones(text: str) -> Spans:
    for match in _PHONE.finditer(text):
        digits = _NOT_DIGIT.sub("", match.group())
        if digits.startswith("0044"):
            digits = digits[2:]
        if digits.startswith("44"):
            digits = "0" + digits[2:].removeprefix("0")
        if len(digits) in (10, 11) and digits.startswith(_PHONE_PREFIXES):
            yield match.span()


def nhs_number_is_valid(digits: str) -> bool:
    """The NHS number's modulus 11 check: weights 10 down to 2, check digit 11 - remainder."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    weighted = zip(digits[:9], range(10, 1, -1), strict=True)
    remainder = sum(int(digit) * weight for digit, weight in weighted) % 11
    check = 11 - remainder
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def nhs_numbers(text: str) -> Spans:
    for match in _NHS.finditer(text):
        if nhs_number_is_valid(match[1] + match[2] + match[3]):
            yield match.span()


def ni_numbers(text: str) -> Spans:
    for match in _NI.finditer(text):
        yield match.span()


def postcodes(text: str) -> Spans:
    for match in _POSTCODE.finditer(text):
        if not _ORDINAL.search(match.group()):
            yield match.span()

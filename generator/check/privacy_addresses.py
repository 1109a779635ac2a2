"""Street addresses: a house number, one to three words and a kind of street ("34 Station Road",
"12a High St", "Flat 5, 9 Park Street"), and a flat or apartment number on its own ("Flat 5").

A street named without a number ("on Station Road") is not reported: the council's own offices,
hospitals and care homes are named that way in ordinary service text. Kinds of street that are
also everyday words (Close, Way, Park, Green…) count only when capitalised, so "within 5 working
days close" is not an address; those that head a phrase as often as they end a street ("a 360
Degree View", "a 3 Step Approach", "the 2020 Year End") are left out. Every repetition is bounded
and each match starts where no letter or digit comes before it, so a search is linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.check.privacy_words import STOPWORDS

Spans = Iterator[tuple[int, int]]

# Kinds of street that are rarely anything else, in any case.
_STREETS = (
    "road", "rd", "street", "st", "avenue", "ave", "lane", "ln", "drive", "crescent", "terrace",
    "gardens", "grove", "mews", "boulevard", "parade", "square", "sq", "cres", "gdns", "terr",
)
# Kinds of street that are also everyday words: only capitalised.
_CAPITALISED_STREETS = (
    "Close", "Way", "Court", "Ct", "Place", "Pl", "Park", "Green", "Hill", "Row", "Vale", "Wharf",
    "Yard", "Gate", "Croft", "Fold", "Wynd", "Mount", "Meadows", "Meadow", "Heights", "Brow",
    "Drove", "Lea", "Quay", "Villas", "Cottages", "Wood", "Circus", "Embankment", "Hollow",
)
_APOSTROPHES = "'\u2019"
_WORD = rf"[^\W\d_][^\W\d_{_APOSTROPHES}.-]{{0,29}}"
_KIND = "|".join(sorted((*_STREETS, *_CAPITALISED_STREETS), key=len, reverse=True))
_STARTS = r"(?<![\w£$€.,/-])"  # a house number starts where no word, sum or other number is before it
_NUMBER = r"\d{1,4}[a-z]?"
_ADDRESS = re.compile(
    rf"{_STARTS}(?:(?:flat|apartment|apt|unit)\.?\s{{1,3}}{_NUMBER},?\s{{1,3}})?"
    rf"{_NUMBER}(?:-{_NUMBER})?,?\s{{1,3}}((?:{_WORD}\s{{1,3}}){{1,3}}?)({_KIND})\.?(?![\w{_APOSTROPHES}-])",
    re.IGNORECASE,
)
_FLAT = re.compile(rf"{_STARTS}(?:Flat|FLAT|Apartment|APARTMENT|Apt)\.?\s{{1,3}}\d{{1,4}}[A-Za-z]?(?![\w%])")
_LOWER_CASE_STREETS = frozenset(_STREETS)
# Welsh streets put the kind first: "4 Heol y Parc", "12 Ffordd y Goedwig", "3 Stryd Fawr".
_WELSH_KINDS = ("Heol", "Ffordd", "Stryd", "Lôn", "Lon", "Rhodfa", "Cilgant", "Teras", "Maes", "Clos",
                "Llwyn", "Bryn", "Cae", "Pant", "Parc", "Ystad", "Rhes", "Nant", "Coed", "Plas")
_WELSH = re.compile(
    rf"{_STARTS}{_NUMBER},?\s{{1,3}}(?:{'|'.join(_WELSH_KINDS)})(?:\s{{1,3}}(?:y|yr|'r|{_WORD})){{1,3}}"
)


def addresses(text: str) -> Spans:
    for match in _ADDRESS.finditer(text):
        words, kind = match[1].split(), match[2]
        capitalised = kind[0].isupper() and all(word[0].isupper() for word in words)
        # "34 station road" written in lower case, but not "2 miles down the road".
        lower_case = kind.lower() in _LOWER_CASE_STREETS and STOPWORDS.isdisjoint(map(str.lower, words))
        if capitalised or lower_case:
            yield match.span()
    for match in _WELSH.finditer(text):
        yield match.span()
    for match in _FLAT.finditer(text):
        yield match.span()

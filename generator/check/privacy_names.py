"""People's names: a title with a name ("Mrs Smith", "mrs smith", "MRS SMITH", "Cllr Jones",
"Mr van der Berg", "Mrs Öztürk", "Mr J.R. Hartley") and a first name with a surname and no title
("Peter Walsh rang", "my mum, Edith Morgan").

A title is evidence enough: whatever capitalised word follows it is taken for a name, unless it
is a word of service text ("Lord Mayor", "MS Society") or what an officer writes where a name was
("Mr X", the ombudsman's way; "Mrs [name]"). Without a title, the first word must be a first
name known to the lexicon (`privacy_lexicon`) and the second must not be a word of service text
("Hospital Social Work Team", "Care Act"); a first name that is also an everyday word ("Grace",
"June", "Victoria") needs a surname known to the lexicon after it ("Grace Walsh", not "Grace
Period"), and a name followed by a word for a place names the place ("Edith Cavell Ward").

Linear in the text: the patterns find only a title followed by a word that is not a title, or a
run of capitalised words, each word bounded in length; the words of a run are looked up all at
once, and only those that are first names are looked at one by one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from generator.check.privacy_lexicon import Lexicon, lexicon
from generator.check.privacy_words import (
    BEFORE_NOT_A_PERSON,
    EVERYDAY_FIRST_NAMES,
    NAMED_AFTER_PEOPLE,
    NAMED_PLACES,
    PLACEHOLDERS,
    SERVICE_WORDS,
    STOPWORDS,
    SURNAME_PLACES,
)

Spans = Iterator[tuple[int, int]]

# Titles that are nothing else, in any case ("mrs smith" as much as "Mrs Smith").
_ANY_CASE_TITLES = frozenset(("mr", "mrs", "ms", "mx", "mister", "dr", "prof", "revd", "cllr"))
# Titles that are also everyday words ("miss the bus", "the lady next door"): only capitalised.
_CAPITALISED_TITLES = frozenset(
    ("miss", "lady", "lord", "sir", "dame", "doctor", "professor", "rev", "reverend", "councillor", "sister")
)
TITLES = _ANY_CASE_TITLES | _CAPITALISED_TITLES
PARTICLES = frozenset(
    ("van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le",
     "ten", "ter", "bin", "ibn", "ap", "ab", "al", "el")
)

_ENDS_A_NAME = SERVICE_WORDS | TITLES  # "Mrs Smith Team", "Mrs Smith Mr Jones"
_ONLY_PLACES = NAMED_PLACES - SURNAME_PLACES  # "Dr Gray's Hospital", but "Mrs Edith Hall" is a person

_APOSTROPHES = "'\u2019"
_NOT_AFTER = rf"(?<![\w{_APOSTROPHES}-])"  # a word starts where no letter, digit, ' or - is before it
# A word of up to 40 letters, with apostrophes inside it (O'Brien, D'Souza, Walsh's).
_WORD = rf"[^\W\d_](?:[^\W\d_]|[{_APOSTROPHES}](?=[^\W\d_])){{0,39}}"
_TITLE_WORDS = "|".join(sorted(TITLES, key=len, reverse=True))
# A title followed by a word that is not itself a title ("Mr Mr Mr…" gives nothing to look at).
_TITLE = re.compile(
    rf"{_NOT_AFTER}(?:{_TITLE_WORDS})\.?(?=\s{{1,3}}(?!(?:{_TITLE_WORDS})\.?(?:\s|$))[^\W\d_])",
    re.IGNORECASE,
)
# The next word after a title or initial: after spaces, or straight after an initial's dot (J.R.),
# or after a particle's hyphen (al-Rashid).
_NEXT_WORD = re.compile(rf"(?:\s{{1,3}}|-|(?<=\.))({_WORD})(\.?)")
_AFTER_TITLE = 6  # words looked at after a title: initials, particles, names

# Two or more capitalised words, initials or particles: "Peter Walsh", "Pieter van der Berg",
# "Peter J. Walsh", "Mary-Jane Smith". Lower-case ASCII cannot start a word; any other letter can,
# and is checked for case below.
_CAPITAL = rf"[^\W\d_a-z](?:[^\W\d_]|[{_APOSTROPHES}-](?=[^\W\d_])){{0,39}}"
_PARTICLE = rf"(?:(?:{'|'.join(sorted(PARTICLES))})[\s-]{{1,3}}){{0,3}}"
_RUN = re.compile(rf"{_NOT_AFTER}{_CAPITAL}(?:(?:\.?\s{{1,3}}|\.|-){_PARTICLE}{_CAPITAL})+")
_RUN_WORD = re.compile(_WORD)
_POSSESSIVE = re.compile(rf"[{_APOSTROPHES}]s$", re.IGNORECASE)


# A text's words, to see at once whether it holds a title or a first name at all, before any
# pattern is searched for: runs of letters, so that no quotation mark, dash or bracket of any
# script hides the word beside it (“Mrs Smith”, «Peter Walsh», —Edith).
_LETTERS = re.compile(r"[^\W\d_]+")
_TITLE_FORMS = frozenset(
    {form for title in _ANY_CASE_TITLES for form in (title, title.capitalize(), title.upper())}
    | {form for title in _CAPITALISED_TITLES for form in (title.capitalize(), title.upper())}
)


def words_of(text: str) -> set[str]:
    """The words of a text as written, as runs of letters: "Mr." gives "Mr", "O'Brien" two."""
    return set(_LETTERS.findall(text))


def may_hold_title(words: set[str]) -> bool:
    return not _TITLE_FORMS.isdisjoint(words)


def may_hold_full_name(words: set[str]) -> bool:
    """Whether a capitalised first name is among the words (most service text has none)."""
    return not _capitalised_first_names().isdisjoint(words)


@functools.cache
def _capitalised_first_names() -> frozenset[str]:
    """Every first name as it starts a name, "Peter" or "PETER"; never a little word ("An")."""
    names = lexicon().first_names - STOPWORDS
    return frozenset({name.capitalize() for name in names} | {name.upper() for name in names})


def _folded(word: str) -> str:
    return _POSSESSIVE.sub("", word).casefold()


def titled_names(text: str) -> Spans:
    after = 0  # the end of the last name found: a title inside it is part of it
    for title in _TITLE.finditer(text):
        if title.start() < after:
            continue
        end = _name_after_title(text, title.group().rstrip("."), title.end())
        if end is not None:
            yield title.start(), end
            after = end


def _name_after_title(text: str, title: str, position: int) -> int | None:
    """Where the name after a title ends, or None when what follows is not a name."""
    lower_case_title = title.islower()
    if title.casefold() in _CAPITALISED_TITLES and not title[0].isupper():
        return None
    initials = 0
    for _ in range(_AFTER_TITLE):
        match = _NEXT_WORD.match(text, position)
        if match is None:
            break
        word = match[1]
        folded = word.casefold()
        if folded in TITLES or (folded in PLACEHOLDERS and len(word) > 1):
            break
        if len(word) == 1 and (word.isupper() or lower_case_title):
            initials += 1
            position = match.end()
            continue
        if folded in PARTICLES:
            position = match.end()
            continue
        if _is_name_after_title(word, lower_case_title):
            end = _end_of_name(text, match.end(1))
            following = _NEXT_WORD.match(text, end)
            # "Dr Gray's Hospital", "Lady Margaret Hall": the place, not the person.
            if following and following[1][0].isupper() and _folded(following[1]) in _ONLY_PLACES:
                return None
            return end
        break
    # "Mr X" is how the ombudsman anonymises; two initials or more are a person's ("Mr J.R.").
    return position if initials >= 2 else None


def _is_name_after_title(word: str, lower_case_title: bool) -> bool:
    folded = _folded(word)
    if folded in SERVICE_WORDS or folded in STOPWORDS or folded in PLACEHOLDERS or len(folded) < 2:
        return False
    return word[0].isupper() or (lower_case_title and word.islower())


def _end_of_name(text: str, position: int) -> int:
    """The end of the capitalised words that go on a name ("Mrs Edith Rose Morgan")."""
    for _ in range(_AFTER_TITLE):
        match = _NEXT_WORD.match(text, position)
        if match is None or not match[1][0].isupper() or _folded(match[1]) in _ENDS_A_NAME:
            break
        position = match.end(1) if len(match[1]) > 1 else match.end()
    return position


def full_names(text: str) -> Spans:
    """A first name and a surname, with any middle names, initials or particles between."""
    names = lexicon()
    for run in _RUN.finditer(text):
        # Most runs hold no first name at all ("Hospital Social Work Team"): one look for all.
        folded = [word.casefold() for word in _RUN_WORD.findall(run.group())]
        if names.first_names.isdisjoint(folded):
            continue
        words = [(match.start() + run.start(), match.group()) for match in _RUN_WORD.finditer(run.group())]
        folded = [_folded(word) for _, word in words]
        after = 0  # words before this are part of a name already found
        for index in [at for at, word in enumerate(folded) if word in names.first_names]:
            if index < after:
                continue
            end = _full_name_from(words, folded, index, names)
            if end is not None:
                yield words[index][0], words[end][0] + len(words[end][1])
                after = end + 1


def _full_name_from(
    words: list[tuple[int, str]], folded: list[str], index: int, names: Lexicon
) -> int | None:
    """The index of the last word of a person's name that starts at words[index], else None."""
    first, folded_first = words[index][1], folded[index]
    if not first[0].isupper() or folded_first in STOPWORDS:
        return None
    if index and folded[index - 1] in BEFORE_NOT_A_PERSON:  # "St John", "Queen Elizabeth"
        return None
    surname = index + 1
    # Initials and particles may come between: "Peter J. Walsh", "Pieter van der Berg".
    while surname < len(words) and (len(words[surname][1]) == 1 or words[surname][1] in PARTICLES):
        surname += 1
    if surname >= len(words):
        return None
    second, folded_second = words[surname][1], folded[surname]
    if (
        not second[0].isupper()
        or len(second) < 2
        or folded_second in SERVICE_WORDS
        or (folded_first, folded_second) in NAMED_AFTER_PEOPLE
        or (first.isupper() and len(first) > 1 and not second.isupper())
    ):
        return None
    # An everyday first name ("Grace", "June") or one of two letters ("Jo", "An") needs a surname.
    if (folded_first in EVERYDAY_FIRST_NAMES or len(folded_first) < 3) and (
        folded_second not in names.surnames or folded_second in SURNAME_PLACES
    ):
        return None
    # Further capitalised words go on the name ("Edith Rose Morgan", "Mary Smith-Jones").
    while (
        surname + 1 < len(words)
        and words[surname + 1][1][0].isupper()
        and len(words[surname + 1][1]) > 1
        and folded[surname + 1] not in SERVICE_WORDS
        and folded[surname + 1] not in NAMED_PLACES
    ):
        surname += 1
    # A name that names a place is no one's ("Edith Cavell Ward", "Mary Seacole House").
    if surname + 1 < len(words) and folded[surname + 1] in NAMED_PLACES:
        return None
    return surname

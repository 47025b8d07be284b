"""Normalise institution names so that spellings of one name meet on one key.

"Univ. of Manchester", "University of Manchester" and "The University of MANCHESTER" all
become "manchester university"-like token lists; "Université de Montpellier" and
"Universitat de Montpellier" meet "University of Montpellier". Pure functions, no Django.
"""

import re

from anyascii import anyascii

# Abbreviations and local-language forms -> one canonical English token.
CANONICAL = {
    "university": "university",
    "universities": "university",
    "univ": "university",
    "uni": "university",
    "u": "university",
    "universite": "university",
    "universitat": "university",
    "universitaet": "university",
    "universidad": "university",
    "universidade": "university",
    "universita": "university",
    "universiteit": "university",
    "universitet": "university",
    "universitetet": "university",
    "uniwersytet": "university",
    "univerzita": "university",
    "univerzitet": "university",
    "universitatea": "university",
    "universiti": "university",
    "universitas": "university",
    "egyetem": "university",
    "yliopisto": "university",
    "daigaku": "university",
    "daxue": "university",
    "institute": "institute",
    "institutes": "institute",
    "inst": "institute",
    "institut": "institute",
    "instituto": "institute",
    "istituto": "institute",
    "instytut": "institute",
    "institutet": "institute",
    "technology": "technology",
    "technological": "technology",
    "technical": "technology",
    "tech": "technology",
    "techn": "technology",
    "technol": "technology",
    "technische": "technology",
    "technischen": "technology",
    "technique": "technology",
    "technologique": "technology",
    "tecnologico": "technology",
    "tecnologica": "technology",
    "tecnica": "technology",
    "tecnico": "technology",
    "technologie": "technology",
    "technologii": "technology",
    "politechnika": "polytechnic",
    "polytechnique": "polytechnic",
    "politecnico": "polytechnic",
    "politecnica": "polytechnic",
    "polytechnical": "polytechnic",
    "poly": "polytechnic",
    "polytech": "polytechnic",
    "science": "science",
    "sciences": "science",
    "sci": "science",
    "scientific": "science",
    "ciencias": "science",
    "scienze": "science",
    "wissenschaften": "science",
    "national": "national",
    "natl": "national",
    "nat": "national",
    "nacional": "national",
    "nazionale": "national",
    "nationale": "national",
    "narodowy": "national",
    "state": "state",
    "st": "saint",
    "estatal": "state",
    "college": "college",
    "coll": "college",
    "colegio": "college",
    "academy": "academy",
    "acad": "academy",
    "academie": "academy",
    "akademie": "academy",
    "academia": "academy",
    "akademia": "academy",
    "school": "school",
    "sch": "school",
    "ecole": "school",
    "escuela": "school",
    "scuola": "school",
    "hochschule": "school",
    "engineering": "engineering",
    "eng": "engineering",
    "engg": "engineering",
    "ingenieria": "engineering",
    "ingenieurs": "engineering",
    "medical": "medicine",
    "medicine": "medicine",
    "med": "medicine",
    "medicina": "medicine",
    "medizinische": "medicine",
    "center": "centre",
    "centre": "centre",
    "ctr": "centre",
    "centro": "centre",
    "research": "research",
    "res": "research",
    "dept": "department",
    "department": "department",
    "intl": "international",
    "international": "international",
    "internacional": "international",
    "internationale": "international",
    "mgmt": "management",
    "management": "management",
    "catholic": "catholic",
    "catolica": "catholic",
    "cattolica": "catholic",
    "catholique": "catholic",
    "katholieke": "catholic",
    "federal": "federal",
    "fed": "federal",
    "federale": "federal",
    "royal": "royal",
    "roy": "royal",
    "free": "free",
    "libre": "free",
    "freie": "free",
    "saint": "saint",
    "ste": "saint",
    "sankt": "saint",
    "san": "saint",
    "santa": "saint",
    "sao": "saint",
    "agricultural": "agriculture",
    "agriculture": "agriculture",
    "agric": "agriculture",
    "normal": "normal",
    "economics": "economics",
    "economic": "economics",
    "econ": "economics",
    "economia": "economics",
    "economie": "economics",
    "studies": "studies",
    "stud": "studies",
    "aeronautics": "aeronautics",
    "aeronautical": "aeronautics",
    "astronautics": "astronautics",
    # more local-language and abbreviated forms
    "univerisity": "university",
    "universitaria": "university",
    "universitario": "university",
    "universitaire": "university",
    "universitatis": "university",
    "universitatii": "university",
    "universitetas": "university",
    "universiteti": "university",
    "universitetti": "university",
    "univesity": "university",
    "tudomanyegyetem": "university",
    "institucion": "institute",
    "institutul": "institute",
    "technologies": "technology",
    "technologiczny": "technology",
    "technik": "technology",
    "techniki": "technology",
    "technicka": "technology",
    "technicky": "technology",
    "tecnologia": "technology",
    "technion": "technology",
    "polytechnic": "polytechnic",
    "politeknik": "polytechnic",
    "hogeschool": "school",
    "hoegskola": "school",
    "hogskola": "school",
    "fachhochschule": "school",
    "escola": "school",
    "ecoles": "school",
    "schools": "school",
    "colleges": "college",
    "colegiul": "college",
    "akademiya": "academy",
    "akademija": "academy",
    "accademia": "academy",
    "academies": "academy",
    "centers": "centre",
    "centres": "centre",
    "zentrum": "centre",
    "medica": "medicine",
    "medicale": "medicine",
    "medizin": "medicine",
    "medycyny": "medicine",
    "agronomique": "agriculture",
    "agraria": "agriculture",
    "agrarian": "agriculture",
    "pedagogical": "pedagogical",
    "pedagogique": "pedagogical",
    "pedagogica": "pedagogical",
    "pedagogicheskii": "pedagogical",
    "ped": "pedagogical",
    "mt": "mount",
    "mount": "mount",
    "ft": "fort",
    # city exonyms: local and English names of one city meet
    "munchen": "munich",
    "muenchen": "munich",
    "wien": "vienna",
    "koln": "cologne",
    "koeln": "cologne",
    "praha": "prague",
    "warszawa": "warsaw",
    "krakow": "cracow",
    "roma": "rome",
    "milano": "milan",
    "firenze": "florence",
    "napoli": "naples",
    "torino": "turin",
    "genova": "genoa",
    "venezia": "venice",
    "lisboa": "lisbon",
    "moskva": "moscow",
    "moskovskii": "moscow",
    "kobenhavn": "copenhagen",
    "bruxelles": "brussels",
    "brussel": "brussels",
    "geneve": "geneva",
    "genf": "geneva",
    "leuven": "louvain",
    "antwerpen": "antwerp",
    "goteborg": "gothenburg",
    "sevilla": "seville",
    "zaragoza": "saragossa",
    "athina": "athens",
    "beograd": "belgrade",
    "bucuresti": "bucharest",
    "kyiv": "kiev",
    "peking": "beijing",
    "canton": "guangzhou",
}

ROMAN = {"ii": "2", "iii": "3", "iv": "4", "vi": "6", "vii": "7", "viii": "8", "ix": "9"}
CANONICAL.update(ROMAN)

STOPWORDS = frozenset(
    "of the and for in at on de del della delle dei degli di da do dos das du des d la le les l "
    "el los las lo der die das den dem fur fuer und y e et i a an zu im van voor en z w ve ve".split()
)

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = re.compile(r"['\u2019\u2018`\u00b4]")


def fold(text: str) -> str:
    """Lower-case ASCII with accents, apostrophes and punctuation dropped."""
    text = anyascii(text or "").lower().replace("&", " and ")
    text = _APOSTROPHES.sub("", text)
    return _NON_ALNUM.sub(" ", text).strip()


# A leading "TU" is how German, Austrian, Dutch and Czech technical universities are written
# ("TU Dortmund", "TU Delft"): Technische Universität / Universiteit, Technická univerzita.
LEADING_ABBREVIATIONS = {"tu": ("technology", "university")}


def tokens(text: str) -> list[str]:
    """Canonical tokens of a name, stop-words dropped, in their original order."""
    out = []
    words = fold(text).split()
    if len(words) >= 2 and words[0] in LEADING_ABBREVIATIONS:
        out.extend(LEADING_ABBREVIATIONS[words.pop(0)])
    for word in words:
        if word in STOPWORDS:
            continue
        out.append(CANONICAL.get(word, word))
    return out


def normalize_name(text: str) -> str:
    """The key two spellings of one name share: canonical tokens, in order."""
    return " ".join(tokens(text))


def sorted_key(text: str) -> str:
    """Like normalize_name, but word order ignored."""
    return " ".join(sorted(tokens(text)))


def acronym_key(text: str) -> str:
    """An acronym as typed ("B.M.S.T.U.", "bmstu") folded to one key ("bmstu")."""
    return fold(text).replace(" ", "")


def initials(text: str) -> str:
    """Initials of the significant words: "Bauman Moscow State Technical University" -> "bmstu"."""
    words = [w for w in fold(text).split() if w not in STOPWORDS]
    return "".join(w[0] for w in words)


# Second-level labels under which institutions register their own (ucl.ac.uk, sysu.edu.cn, unam.edu.mx).
GENERIC_DOMAIN_LABELS = frozenset(
    "ac edu com org net gov co or ne go sch mil int info biz gob gouv ed nom res k12 univ uni gen tec web".split()
)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


def domain_label(domain_or_url: str) -> str:
    """The label of a web domain that names its institution, often the acronym people write:
    "ucl.ac.uk" -> "ucl", "https://www.mit.edu/" -> "mit", "student.eit.edu.au" -> "eit"
    (the label just left of the top-level domain and of generic labels such as "ac" or "edu")."""
    host = _SCHEME.sub("", (domain_or_url or "").strip().lower())
    host = re.split(r"[/:?#@]", host, maxsplit=1)[0].strip(".")
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2:
        return ""
    labels.pop()  # the top-level domain
    while len(labels) > 1 and labels[-1] in GENERIC_DOMAIN_LABELS:
        labels.pop()
    label = labels[-1]
    return "" if label in GENERIC_DOMAIN_LABELS or label == "www" else label

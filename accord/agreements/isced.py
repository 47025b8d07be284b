"""ISCED-F 2013 fields of education and training: the broad (2-digit) and narrow (3-digit) fields.

Source: UNESCO Institute for Statistics, "ISCED Fields of Education and Training 2013 (ISCED-F 2013)".
The Erasmus Without Paper IIA uses these codes for subject areas.
"""

BROAD = {
    "00": "Generic programmes and qualifications",
    "01": "Education",
    "02": "Arts and humanities",
    "03": "Social sciences, journalism and information",
    "04": "Business, administration and law",
    "05": "Natural sciences, mathematics and statistics",
    "06": "Information and Communication Technologies",
    "07": "Engineering, manufacturing and construction",
    "08": "Agriculture, forestry, fisheries and veterinary",
    "09": "Health and welfare",
    "10": "Services",
    "99": "Field unknown",
}

NARROW = {
    "001": "Basic programmes and qualifications",
    "002": "Literacy and numeracy",
    "003": "Personal skills and development",
    "011": "Education",
    "021": "Arts",
    "022": "Humanities (except languages)",
    "023": "Languages",
    "031": "Social and behavioural sciences",
    "032": "Journalism and information",
    "041": "Business and administration",
    "042": "Law",
    "051": "Biological and related sciences",
    "052": "Environment",
    "053": "Physical sciences",
    "054": "Mathematics and statistics",
    "061": "Information and Communication Technologies (ICTs)",
    "071": "Engineering and engineering trades",
    "072": "Manufacturing and processing",
    "073": "Architecture and construction",
    "081": "Agriculture",
    "082": "Forestry",
    "083": "Fisheries",
    "084": "Veterinary",
    "091": "Health",
    "092": "Welfare",
    "101": "Personal services",
    "102": "Hygiene and occupational health services",
    "103": "Security services",
    "104": "Transport services",
    "999": "Field unknown",
}

FIELDS = {**BROAD, **NARROW}


def is_valid(code: str) -> bool:
    return code in FIELDS


def name_of(code: str) -> str:
    return FIELDS.get(code, "")


def label(code: str) -> str:
    """'071 Engineering and engineering trades', or the bare code when it is unknown."""
    name = name_of(code)
    return f"{code} {name}" if name else code


def choices() -> list[tuple[str, str]]:
    """(code, label) pairs, broad fields each followed by their narrow fields."""
    ordered = sorted(FIELDS, key=lambda c: (c[:2], len(c), c))
    return [(code, ("" if len(code) == 2 else "— ") + label(code)) for code in ordered]

"""ISCED-F 2013 fields of education and training: the broad (2-digit) and narrow (3-digit) fields.

Source: UNESCO Institute for Statistics, "ISCED Fields of Education and Training 2013 (ISCED-F 2013)".
The Erasmus Without Paper IIA uses these codes for subject areas.
"""

from django.utils.translation import gettext, gettext_noop

# The names are marked for translation and stored in English; label() shows them in the active language.
BROAD = {
    "00": gettext_noop("Generic programmes and qualifications"),
    "01": gettext_noop("Education"),
    "02": gettext_noop("Arts and humanities"),
    "03": gettext_noop("Social sciences, journalism and information"),
    "04": gettext_noop("Business, administration and law"),
    "05": gettext_noop("Natural sciences, mathematics and statistics"),
    "06": gettext_noop("Information and Communication Technologies"),
    "07": gettext_noop("Engineering, manufacturing and construction"),
    "08": gettext_noop("Agriculture, forestry, fisheries and veterinary"),
    "09": gettext_noop("Health and welfare"),
    "10": gettext_noop("Services"),
    "99": gettext_noop("Field unknown"),
}

NARROW = {
    "001": gettext_noop("Basic programmes and qualifications"),
    "002": gettext_noop("Literacy and numeracy"),
    "003": gettext_noop("Personal skills and development"),
    "011": gettext_noop("Education"),
    "021": gettext_noop("Arts"),
    "022": gettext_noop("Humanities (except languages)"),
    "023": gettext_noop("Languages"),
    "031": gettext_noop("Social and behavioural sciences"),
    "032": gettext_noop("Journalism and information"),
    "041": gettext_noop("Business and administration"),
    "042": gettext_noop("Law"),
    "051": gettext_noop("Biological and related sciences"),
    "052": gettext_noop("Environment"),
    "053": gettext_noop("Physical sciences"),
    "054": gettext_noop("Mathematics and statistics"),
    "061": gettext_noop("Information and Communication Technologies (ICTs)"),
    "071": gettext_noop("Engineering and engineering trades"),
    "072": gettext_noop("Manufacturing and processing"),
    "073": gettext_noop("Architecture and construction"),
    "081": gettext_noop("Agriculture"),
    "082": gettext_noop("Forestry"),
    "083": gettext_noop("Fisheries"),
    "084": gettext_noop("Veterinary"),
    "091": gettext_noop("Health"),
    "092": gettext_noop("Welfare"),
    "101": gettext_noop("Personal services"),
    "102": gettext_noop("Hygiene and occupational health services"),
    "103": gettext_noop("Security services"),
    "104": gettext_noop("Transport services"),
    "999": gettext_noop("Field unknown"),
}

FIELDS = {**BROAD, **NARROW}


def is_valid(code: str) -> bool:
    return code in FIELDS


def name_of(code: str) -> str:
    return FIELDS.get(code, "")


def label(code: str) -> str:
    """'071 Engineering and engineering trades' (in the active language), or the bare code when it is unknown."""
    name = name_of(code)
    return f"{code} {gettext(name)}" if name else code


def choices() -> list[tuple[str, str]]:
    """(code, label) pairs, broad fields each followed by their narrow fields."""
    ordered = sorted(FIELDS, key=lambda c: (c[:2], len(c), c))
    return [(code, ("" if len(code) == 2 else "— ") + label(code)) for code in ordered]

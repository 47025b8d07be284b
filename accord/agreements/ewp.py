"""Export an agreement in the shape of an Erasmus Without Paper IIA (v7) get-response, as JSON.

Element names follow the EWP IIAs API. What Accord does not record (organisational unit ids, the
partner's own IIA id, contact e-mails, conditions hash, PDF) is left null or empty, never invented.
Directions in quotas are seen from the home side: outgoing = home sends, incoming = home receives.
"""

from collections import defaultdict
from decimal import Decimal

from accord.agreements.models import Agreement, AgreementParty, Quota

SPEC_NAMES = {
    Quota.MobilityType.STUDENT_STUDIES: "student-studies-mobility-spec",
    Quota.MobilityType.STUDENT_TRAINEESHIP: "student-traineeship-mobility-spec",
    Quota.MobilityType.STAFF_TEACHING: "staff-teacher-mobility-spec",
    Quota.MobilityType.STAFF_TRAINING: "staff-training-mobility-spec",
}


def academic_year_id(year: str) -> str:
    """'2025/26' -> '2025/2026', the EWP academic-year-id format."""
    start = int(year[:4])
    return f"{start}/{start + 1}"


def _number(value: Decimal | None):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _sides(agreement) -> tuple[AgreementParty | None, AgreementParty | None]:
    """(home side, other side): the home party (or the first party when no party is 'home') and
    the first other party."""
    parties = list(agreement.parties.select_related("institution").order_by("pk"))
    home = next((p for p in parties if p.role == AgreementParty.Role.HOME), None)
    home = home or next((p for p in parties if p.institution.is_home), None) or (parties[0] if parties else None)
    other = next((p for p in parties if p is not home), None)
    return home, other


def _hei_id(party) -> str:
    return (party.institution.schac or "") if party else ""


def _partner(agreement, party) -> dict:
    signatory = (
        agreement.signatories.filter(institution_id=party.institution_id).select_related("person").order_by("pk").first()
    )
    is_home = party.institution.is_home
    signed_on = signatory.signed_on if signatory else None
    if signatory and signed_on is None and agreement.signed_precision == "day":
        signed_on = agreement.signed_on  # a year alone is not a signing date
    return {
        "hei-id": _hei_id(party),
        "ounit-id": None,
        "iia-id": str(agreement.pk) if is_home else None,
        "iia-code": None,
        "signing-contact": (
            {"contact-name": signatory.person.name, "role-description": signatory.title or signatory.person.title}
            if signatory
            else None
        ),
        "signing-date": signed_on.isoformat() if signed_on else None,
        "contact": [],
    }


def _spec(quota_group: list[Quota], sending, receiving, subject_areas: list[str]) -> dict:
    quota = quota_group[0]
    # a quota without its own field falls under the agreement's subject areas
    codes = [quota.isced_code] if quota.isced_code else list(subject_areas)
    spec = {
        "sending-hei-id": _hei_id(sending),
        "sending-ounit-id": None,
        "sending-contact": [],
        "receiving-hei-id": _hei_id(receiving),
        "receiving-ounit-id": None,
        "receiving-contact": [],
        "receiving-academic-year-id": sorted(academic_year_id(q.academic_year) for q in quota_group),
        "mobilities-per-year": quota.count,
        "recommended-language-skill": (
            [{"language": quota.language, "cefr-level": quota.cefr_level or None}] if quota.language else []
        ),
        "subject-area": [{"isced-f-code": code, "isced-clarification": None} for code in codes],
        "other-info-terms": None,
    }
    total = _number(quota.total_per_year())
    if quota.is_student:
        spec["total-months-per-year"] = total
        spec["blended"] = None
        spec["eqf-level"] = [quota.eqf_level] if quota.eqf_level else []
    else:
        spec["total-days-per-year"] = total
    return spec


def iia(agreement: Agreement) -> dict:
    home, other = _sides(agreement)
    parties = list(agreement.parties.select_related("institution").order_by("pk"))
    groups = defaultdict(list)
    for quota in agreement.quotas.order_by("academic_year", "pk"):
        key = (
            quota.mobility_type, quota.direction, quota.count, quota.duration, quota.isced_code,
            quota.eqf_level, quota.language, quota.cefr_level,
        )
        groups[key].append(quota)
    conditions = {name: [] for name in SPEC_NAMES.values()}
    for group in groups.values():
        outgoing = group[0].direction == Quota.Direction.OUTGOING
        sending, receiving = (home, other) if outgoing else (other, home)
        conditions[SPEC_NAMES[group[0].mobility_type]].append(_spec(group, sending, receiving, agreement.subject_areas))
    conditions["terminated-as-a-whole"] = agreement.status == "terminated"
    return {
        "partner": [_partner(agreement, party) for party in parties],
        "in-effect": agreement.status in ("signed", "active", "expiring"),
        "cooperation-conditions": conditions,
        "conditions-hash": None,
        "pdf-file": None,
    }


def get_response(agreement: Agreement) -> dict:
    """The JSON counterpart of <iias-get-response> holding one <iia>."""
    return {"iias-get-response": {"iia": [iia(agreement)]}}

"""The demo office's agreements at the scale of the seeds: one illustrative agreement with each partner
university, in force during 2022 (some since expired, some renewed on), and the School of Global
Governance's cooperation agreements with international organizations (illustrative)."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from accord.agreements.models import Agreement, AgreementParty
from accord.agreements.models.agreements import DatePrecision, Kind, SigningMode, Status
from accord.agreements.services import create_agreements
from accord.registry.demo import DEMO_REASON
from accord.registry.demo_office import DEMO_NOTE, international_organizations, partner_universities, stable_key
from accord.registry.models import Institution

KINDS = [Kind.FRAMEWORK, Kind.FRAMEWORK, Kind.STUDENT_EXCHANGE, Kind.STUDENT_EXCHANGE, Kind.STAFF_EXCHANGE,
         Kind.RESEARCH, Kind.JOINT_TRAINING]
MODES = [SigningMode.IN_PERSON, SigningMode.IN_PERSON, SigningMode.EXCHANGE, SigningMode.ONLINE]
SUBJECTS = ["052", "061", "071", "072", "054", "073", "041", "042", "053", "021"]  # ISCED-F broad or narrow fields
GLOBAL_GOVERNANCE = "School of Global Governance"


def _title(kind, partner) -> str:
    return f"{Kind(kind).label} with {partner.name}"


@transaction.atomic
def load(today: date | None = None) -> dict:
    """One agreement with every partner university, in force in 2022, and one with each international
    organization for the School of Global Governance. Idempotent."""
    home = Institution.objects.get(is_home=True)
    faculties = list(Institution.objects.home_units().order_by("name"))
    existing = set(Agreement.objects.values_list("title", flat=True))
    today = today or timezone.localdate()
    new = []
    for partner in partner_universities():
        h = stable_key("agreement", partner.name)
        kind = KINDS[h % len(KINDS)]
        title = _title(kind, partner)
        if title in existing:
            continue
        year = 2014 + h % 8  # signed 2014–2021
        signed = date(year, 1 + h % 12, 1 + h % 28)
        until = date(max(year + 5, 2023 + h % 6), signed.month, signed.day)
        status = Status.ACTIVE if until >= today else Status.EXPIRED
        agreement = Agreement(
            title=title, kind=kind, status=status, signed_on=signed, signed_precision=DatePrecision.DAY,
            signing_mode=MODES[h % len(MODES)], valid_from=signed, valid_until=until,
            faculty=faculties[h % len(faculties)] if faculties and h % 3 else None,
            subject_areas=[SUBJECTS[h % len(SUBJECTS)]], notes=DEMO_NOTE,
        )
        new.append((agreement, [(home, AgreementParty.Role.HOME), (partner, AgreementParty.Role.PARTNER)]))
    school = Institution.objects.filter(parent=home, name=GLOBAL_GOVERNANCE).first()
    for organization in international_organizations():
        title = f"Global governance talent cooperation with {organization.name}"
        if title in existing:
            continue
        h = stable_key("io", organization.name)
        signed = date(2021 + h % 2, 7 + h % 6, 1 + h % 28)
        agreement = Agreement(
            title=title, kind=Kind.OTHER, status=Status.ACTIVE, signed_on=signed, signing_mode=MODES[h % len(MODES)],
            valid_from=signed, valid_until=date(signed.year + 5, signed.month, signed.day), faculty=school,
            notes=DEMO_NOTE + " Internships and joint training of global-governance talent.",
        )
        new.append((agreement, [(home, AgreementParty.Role.HOME), (organization, AgreementParty.Role.PARTNER)]))
    # checked one by one by the agreements' rules, written in a few statements
    create_agreements(new, by=None, reason=DEMO_REASON)
    return {"illustrative agreements": len(new)}

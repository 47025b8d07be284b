"""Demo agreements, written from the facts of the seed articles, plus two illustrative exchange
agreements with quotas (one ending within 60 days of the day the demo is first loaded)."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from accord.agreements.models import Agreement, AgreementParty, Quota, Signatory
from accord.agreements.models.agreements import DatePrecision, Kind, SigningMode, Status
from accord.agreements.services import save_agreement
from accord.records.services import save_record
from accord.registry.demo import DEMO_REASON, institution

BIT = "Beijing Institute of Technology"
HOME, PARTNER = AgreementParty.Role.HOME, AgreementParty.Role.PARTNER

AGREEMENTS = [
    {
        "title": "Cooperation agreement between BIT and the Nouvel Institut Franco-Chinois",
        "kind": Kind.FRAMEWORK, "status": Status.SIGNED, "signing_mode": SigningMode.IN_PERSON,
        "signed_on": date(2024, 1, 1), "signed_precision": DatePrecision.YEAR,
        "parties": [(BIT, HOME), ("Nouvel Institut Franco-Chinois", PARTNER)],
        "signatories": [("Wei Yiming", "Vice-President", BIT, None)],
        "notes": "Signed in person by the Vice-President on behalf of the university; the day is not recorded.",
    },
    {
        "title": "Student joint-training agreement with Bauman Moscow State Technical University",
        "kind": Kind.JOINT_TRAINING, "status": Status.SIGNED, "signing_mode": SigningMode.IN_PERSON,
        "signed_on": date(2018, 1, 1), "signed_precision": DatePrecision.YEAR,
        "parties": [(BIT, HOME), ("Bauman Moscow State Technical University", PARTNER)],
        "notes": "Signed in Russia by a BIT delegation; the day is not recorded.",
    },
    {
        "title": "Cooperative-education agreement with Bauman Moscow State Technical University",
        "kind": Kind.JOINT_TRAINING, "status": Status.SIGNED, "signing_mode": SigningMode.IN_PERSON,
        "signed_on": date(2019, 1, 1), "signed_precision": DatePrecision.YEAR,
        "parties": [(BIT, HOME), ("Bauman Moscow State Technical University", PARTNER)],
        "notes": "Signed in Russia by a second BIT delegation; the day is not recorded.",
    },
    {
        "title": "Joint scientific research guidance fund with Belarusian partners",
        "kind": Kind.FUND, "status": Status.SIGNED, "signed_on": date(2022, 1, 1), "signed_precision": DatePrecision.YEAR,
        "parties": [
            (BIT, HOME),
            ("National Academy of Sciences of Belarus", PARTNER),
            ("Belarusian Republican Foundation for Fundamental Research", PARTNER),
        ],
        "notes": "Funds joint research projects guided by the three parties. Signed by the time of the "
        "university's report of late 2022, which gives no date: the year is the report's.",
    },
    {
        "title": "Student exchange with the Polytechnic University of Milan",
        "kind": Kind.STUDENT_EXCHANGE, "status": Status.ACTIVE, "signing_mode": SigningMode.EXCHANGE,
        "signed_on": date(2023, 6, 15), "valid_from": date(2023, 9, 1), "valid_until": date(2028, 8, 31),
        "faculty": "School of Mechanical Engineering", "owner": "staff", "subject_areas": ["07", "071"],
        "parties": [(BIT, HOME), ("Polytechnic University of Milan", PARTNER)],
        "quotas": [
            ("2025/26", Quota.Direction.OUTGOING, Quota.MobilityType.STUDENT_STUDIES, 4, 5, "071", 7, "en", "B2"),
            ("2025/26", Quota.Direction.INCOMING, Quota.MobilityType.STUDENT_STUDIES, 4, 5, "071", 7, "en", "B2"),
            ("2026/27", Quota.Direction.OUTGOING, Quota.MobilityType.STUDENT_STUDIES, 4, 5, "071", 7, "en", "B2"),
            ("2026/27", Quota.Direction.INCOMING, Quota.MobilityType.STUDENT_STUDIES, 4, 5, "071", 7, "en", "B2"),
        ],
        "notes": "Illustrative demo record.",
    },
    {
        "title": "Staff exchange with Hanyang University",
        "kind": Kind.STAFF_EXCHANGE, "status": Status.ACTIVE, "signing_mode": SigningMode.IN_PERSON,
        "signed_on_days_ago": 5 * 365, "valid_from_days_ago": 5 * 365 - 30, "valid_until_in_days": 45,
        "faculty": "School of Aerospace Engineering", "owner": "coordinator", "subject_areas": ["071"],
        "parties": [(BIT, HOME), ("Hanyang University", PARTNER)],
        "quotas": [
            ("2025/26", Quota.Direction.OUTGOING, Quota.MobilityType.STAFF_TEACHING, 2, 5, "071", None, "en", "C1"),
            ("2025/26", Quota.Direction.INCOMING, Quota.MobilityType.STAFF_TEACHING, 2, 5, "071", None, "en", "C1"),
        ],
        "notes": "Illustrative demo record, ending soon so that the expiring page has something to show.",
    },
]


def _children(spec, people):
    """Writes the parties, signatories and quotas of a new demo agreement, each checked by save_record."""

    def write(agreement):
        for name, role in spec["parties"]:
            save_record(AgreementParty(agreement=agreement, institution=institution(name), role=role), by=None,
                        reason=DEMO_REASON)
        for person, title, side, signed_on in spec.get("signatories", []):
            save_record(Signatory(agreement=agreement, person=people.get(name=person), title=title,
                                  institution=institution(side), signed_on=signed_on), by=None, reason=DEMO_REASON)
        for year, direction, kind, count, duration, isced_code, eqf, language, cefr in spec.get("quotas", []):
            save_record(Quota(agreement=agreement, academic_year=year, direction=direction, mobility_type=kind,
                              count=count, duration=duration, isced_code=isced_code, eqf_level=eqf, language=language,
                              cefr_level=cefr), by=None, reason=DEMO_REASON)

    return write


@transaction.atomic
def load(today: date | None = None) -> dict:
    """Create the demo agreements through the agreements service; a second run changes nothing."""
    today = today or timezone.localdate()
    users = get_user_model().objects
    people = Signatory.person.field.related_model.objects  # the people the mobility demo step recorded
    for spec in AGREEMENTS:
        if Agreement.objects.filter(title=spec["title"]).exists():
            continue
        fields = {
            key: spec[key]
            for key in ("kind", "status", "signing_mode", "signed_on", "signed_precision", "valid_from", "valid_until",
                        "subject_areas", "notes")
            if key in spec
        }
        if "signed_on_days_ago" in spec:
            fields["signed_on"] = today - timedelta(days=spec["signed_on_days_ago"])
            fields["valid_from"] = today - timedelta(days=spec["valid_from_days_ago"])
            fields["valid_until"] = today + timedelta(days=spec["valid_until_in_days"])
        if spec.get("faculty"):
            fields["faculty"] = institution(spec["faculty"])
        if spec.get("owner"):
            fields["owner"] = users.filter(username=spec["owner"]).first()
        save_agreement(Agreement(title=spec["title"], **fields), by=None, reason=DEMO_REASON,
                       parties=[institution(name) for name, _role in spec["parties"]],
                       write_children=_children(spec, people))
    return {"agreements": Agreement.objects.count()}

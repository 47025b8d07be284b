"""/api/v1/people/: mobility.Person. Contact data (email, phone) only for roles that may see it
(accounts.roles "people.contacts"), as on the web pages; others get null and may not set it."""

from ninja import Schema

from accord.accounts.roles import can
from accord.api.crud import Resource
from accord.api.types import CountryCode, Id, Text, choice, text
from accord.mobility.filters import PersonFilter
from accord.mobility.models import Person

CONTACT_FIELDS = ("email", "phone")  # as accord.mobility.forms hides them (importing it here would be circular)


def _shows_contacts(context) -> bool:
    request = (context or {}).get("request")
    return request is not None and can(request.user, "people.contacts")


class PersonIn(Schema):
    name: text(200)
    local_name: text(200) = ""
    title: text(200) = ""
    kind: choice(Person.Kind) = Person.Kind.OFFICIAL.value
    institution: Id | None = None
    nationality: CountryCode | None = None
    faculty: Id | None = None
    email: text(254) = ""
    phone: text(40) = ""
    notes: Text = ""


class PersonOut(Schema):
    id: int
    name: str
    local_name: str
    title: str
    kind: str
    institution: int | None
    institution_name: str | None
    nationality: str | None
    faculty: int | None
    email: str | None
    phone: str | None
    version: int

    @staticmethod
    def resolve_institution(obj):
        return obj.institution_id

    @staticmethod
    def resolve_institution_name(obj):
        return obj.institution.name if obj.institution_id else None

    @staticmethod
    def resolve_nationality(obj):
        return obj.nationality_id

    @staticmethod
    def resolve_faculty(obj):
        return obj.faculty_id

    @staticmethod
    def resolve_email(obj, context):
        return obj.email if _shows_contacts(context) else None

    @staticmethod
    def resolve_phone(obj, context):
        return obj.phone if _shows_contacts(context) else None


def check_contacts(user, data: dict) -> list:
    """Those who may not see contact data may not write it either (the web form hides the fields)."""
    if can(user, "people.contacts"):
        return []
    given = {name: data.pop(name) for name in CONTACT_FIELDS if name in data}  # a PUT leaves them as they are
    return [([name], "Your role may not see or change contact data.") for name, value in given.items() if value]


PEOPLE = Resource(
    name="people", model=Person, filterset=PersonFilter,
    queryset=lambda: Person.objects.select_related("institution").order_by("name", "pk"),
    check=check_contacts,
)

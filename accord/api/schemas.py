"""Request and response bodies. Writes name fields by record id; reads add a few names for convenience."""

from datetime import date, datetime
from typing import Annotated, Literal

from ninja import Schema
from pydantic import BaseModel, ConfigDict, Field

from accord.activities.models import Activity
from accord.activities.models import DatePrecision as ActivityPrecision
from accord.agreements.models import AgreementParty
from accord.agreements.models.agreements import DatePrecision, SigningMode
from accord.agreements.models.agreements import Kind as AgreementKind
from accord.api.types import Count, CountryCode, Id, Text, Year, choice, text
from accord.mobility.models import Level, Mobility, Program
from accord.registry.models import Kind, Status

Latitude = Field(None, ge=-90, le=90, allow_inf_nan=False)
Longitude = Field(None, ge=-180, le=180, allow_inf_nan=False)


# -- institutions ------------------------------------------------------------------------------

class InstitutionIn(Schema):
    name: text(300)
    local_name: text(300) = ""
    local_language: text(12) = ""
    kind: choice(Kind) = Kind.UNIVERSITY.value
    country: CountryCode | None = None
    city: text(120) = ""
    region: text(120) = ""
    latitude: float | None = Latitude
    longitude: float | None = Longitude
    website: text(300) = ""
    domains: list[text(253)] = Field(default_factory=list, max_length=100)
    ror_id: text(9) | None = None
    schac: text(120) | None = None
    erasmus_code: text(30) | None = None
    established: Year | None = None
    parent: Id | None = None
    successor: Id | None = None
    status: choice(Status) = Status.ACTIVE.value
    is_public: bool = False
    notes: Text = ""


class InstitutionOut(BaseModel):
    """Plain pydantic reading attributes (no ninja resolvers): the most-read list validates ~6x faster."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    local_name: str
    local_language: str
    kind: str
    country: str | None = Field(validation_alias="country_id")
    city: str
    region: str
    latitude: float | None
    longitude: float | None
    website: str
    domains: list[str]
    ror_id: str | None
    schac: str | None
    erasmus_code: str | None
    established: int | None
    parent: int | None = Field(validation_alias="parent_id")
    successor: int | None = Field(validation_alias="successor_id")
    is_home: bool
    status: str
    is_public: bool
    notes: str
    version: int
    created_at: datetime
    updated_at: datetime


# -- agreements --------------------------------------------------------------------------------

class PartyIn(Schema):
    institution: Id
    role: choice(AgreementParty.Role) = AgreementParty.Role.PARTNER.value


class PartyOut(Schema):
    institution: int
    name: str
    role: str

    @staticmethod
    def resolve_institution(obj):
        return obj.institution_id

    @staticmethod
    def resolve_name(obj):
        return obj.institution.name


class AgreementIn(Schema):
    title: text(300)
    kind: choice(AgreementKind) = AgreementKind.FRAMEWORK.value
    faculty: Id | None = None
    owner: Id | None = None
    signed_on: date | None = None
    signed_precision: choice(DatePrecision) = DatePrecision.DAY.value
    signing_mode: choice(SigningMode) | Literal[""] = ""
    valid_from: date | None = None
    valid_until: date | None = None
    auto_renew: bool = False
    renewal_notice_days: Annotated[int, Field(ge=0, le=32767)] = 90
    subject_areas: list[text(4)] = Field(default_factory=list, max_length=50)
    is_public: bool = False
    notes: Text = ""
    parties: list[PartyIn] | None = Field(None, max_length=100, description="Replaces every party when given.")


class AgreementOut(Schema):
    id: int
    title: str
    kind: str
    status: str
    faculty: int | None
    owner: int | None
    signed_on: date | None
    signed_precision: str
    signing_mode: str
    valid_from: date | None
    valid_until: date | None
    auto_renew: bool
    renewal_notice_days: int
    renews: int | None
    subject_areas: list[str]
    is_public: bool
    notes: str
    version: int
    parties: list[PartyOut]
    created: datetime
    updated: datetime

    @staticmethod
    def resolve_faculty(obj):
        return obj.faculty_id

    @staticmethod
    def resolve_owner(obj):
        return obj.owner_id

    @staticmethod
    def resolve_renews(obj):
        return obj.renews_id

    @staticmethod
    def resolve_parties(obj):
        return list(obj.parties.all())


# -- activities --------------------------------------------------------------------------------

class ActivityIn(Schema):
    kind: choice(Activity.Kind) = Activity.Kind.OTHER.value
    title: text(300)
    description: Text = ""
    start_date: date
    end_date: date | None = None
    date_precision: choice(ActivityPrecision) = ActivityPrecision.DAY.value
    city: text(120) = ""
    country: CountryCode | None = None
    faculty: Id | None = None
    participant_count: Count | None = None
    university_count: Count | None = None
    country_count: Count | None = None
    submission_count: Count | None = None
    source_url: text(500) = ""
    is_public: bool = False


class ActivityPartyOut(Schema):
    institution: int
    name: str
    role: str

    @staticmethod
    def resolve_institution(obj):
        return obj.institution_id

    @staticmethod
    def resolve_name(obj):
        return obj.institution.name


class ActivityOut(Schema):
    id: int
    kind: str
    title: str
    description: str
    start_date: date
    end_date: date | None
    date_precision: str
    city: str
    country: str | None
    faculty: int | None
    participant_count: int | None
    university_count: int | None
    country_count: int | None
    submission_count: int | None
    source_url: str
    is_public: bool
    version: int
    parties: list[ActivityPartyOut]

    @staticmethod
    def resolve_country(obj):
        return obj.country_id

    @staticmethod
    def resolve_faculty(obj):
        return obj.faculty_id

    @staticmethod
    def resolve_parties(obj):
        return list(obj.parties.all())


# -- mobility ----------------------------------------------------------------------------------

class MobilityIn(Schema):
    direction: choice(Mobility.Direction)
    kind: choice(Mobility.Kind)
    person: Id
    home_institution: Id | None = None
    host_institution: Id | None = None
    program: Id | None = None
    start_date: date | None = None
    end_date: date | None = None
    academic_year: Year | None = None
    level: choice(Level) | Literal[""] = ""
    scholarship: text(200) = ""
    faculty: Id | None = None
    notes: Text = ""


class MobilityOut(Schema):
    id: int
    direction: str
    kind: str
    person: int
    person_name: str
    home_institution: int | None
    host_institution: int | None
    program: int | None
    start_date: date | None
    end_date: date | None
    academic_year: int | None
    level: str
    scholarship: str
    faculty: int | None
    notes: str
    version: int

    @staticmethod
    def resolve_person(obj):
        return obj.person_id

    @staticmethod
    def resolve_person_name(obj):
        return obj.person.name

    @staticmethod
    def resolve_home_institution(obj):
        return obj.home_institution_id

    @staticmethod
    def resolve_host_institution(obj):
        return obj.host_institution_id

    @staticmethod
    def resolve_program(obj):
        return obj.program_id

    @staticmethod
    def resolve_faculty(obj):
        return obj.faculty_id


# -- programs ----------------------------------------------------------------------------------

class ProgramIn(Schema):
    kind: choice(Program.Kind) = Program.Kind.OTHER.value
    name: text(300)
    level: choice(Level) | Literal[""] = ""
    start_date: date | None = None
    end_date: date | None = None
    established: Year | None = None
    intake: Count | None = None
    city: text(120) = ""
    country: CountryCode | None = None
    faculty: Id | None = None
    description: Text = ""
    website: text(300) = ""


class ProgramPartnerOut(Schema):
    institution: int
    name: str
    role: str

    @staticmethod
    def resolve_institution(obj):
        return obj.institution_id

    @staticmethod
    def resolve_name(obj):
        return obj.institution.name


class ProgramOut(Schema):
    id: int
    kind: str
    name: str
    level: str
    start_date: date | None
    end_date: date | None
    established: int | None
    intake: int | None
    city: str
    country: str | None
    faculty: int | None
    description: str
    website: str
    version: int
    partners: list[ProgramPartnerOut]

    @staticmethod
    def resolve_country(obj):
        return obj.country_id

    @staticmethod
    def resolve_faculty(obj):
        return obj.faculty_id

    @staticmethod
    def resolve_partners(obj):
        return list(obj.partnerships.all())

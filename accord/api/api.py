"""Accord's REST API, /api/v1/: the records, the lookup service, the figures and the public partner map."""

from ninja import Query, Router, Schema
from pydantic import Field

from accord.api import errors, guidance, people, schemas
from accord.api.auth import AUTH
from accord.api.crud import require, router_for
from accord.api.rendering import Api, JSONRenderer
from accord.api.resources import ACTIVITIES, AGREEMENTS, INSTITUTIONS, MOBILITY, PROGRAMS
from accord.api.types import CountryCode, text
from accord.insights.filters import home_units
from accord.insights.services.scope import Scope
from accord.insights.services.stats import all_figures
from accord.registry.models import CountryGroup, Institution, Kind, Status
from accord.registry.services.lookup import lookup

api = Api(
    title="Accord API",
    version="1",
    description="The records of Accord for other systems. Authenticate with `Authorization: Bearer <token>`; "
    "create a token on your profile page. Roles are those of the web interface.",
    urls_namespace="api:api-v1",  # the "api-v1" namespace inside the app's "api" (accord/api/urls.py)
    auth=AUTH,
    parser=errors.JsonParser(),
    renderer=JSONRenderer(),
)
errors.install(api)

for resource, In, Out in [
    (INSTITUTIONS, schemas.InstitutionIn, schemas.InstitutionOut),
    (AGREEMENTS, schemas.AgreementIn, schemas.AgreementOut),
    (ACTIVITIES, schemas.ActivityIn, schemas.ActivityOut),
    (MOBILITY, schemas.MobilityIn, schemas.MobilityOut),
    (PROGRAMS, schemas.ProgramIn, schemas.ProgramOut),
    (people.PEOPLE, people.PersonIn, people.PersonOut),
    (guidance.CALLS, guidance.CallIn, guidance.CallOut),
]:
    api.add_router(f"/{resource.name}/", router_for(resource, In, Out))
api.add_router("/applications/", guidance.applications)


# -- lookup and figures ------------------------------------------------------------------------

class MatchOut(Schema):
    id: int
    name: str
    country: str
    score: int
    matched_name: str
    how: str


class LookupQuery(Schema):
    q: text(300) = Field(..., min_length=1, description="A name, alias or acronym in any spelling")
    country: CountryCode | None = Field(None, description="Prefer institutions in this country")
    limit: int = Field(10, ge=1, le=50)


services = Router(tags=["services"])


@services.get("/lookup", response={200: list[MatchOut], **errors.ERRORS}, operation_id="lookup")
def lookup_institutions(request, query: Query[LookupQuery]):
    """The institutions a free-text name may mean, best first (the registry's lookup service)."""
    require(request.user, "registry.view")
    return [m.as_dict() for m in lookup(query.q, country=query.country, limit=query.limit)]


class StatsQuery(Schema):
    year: int | None = Field(None, ge=1900, le=2200)
    group: text(120) | None = Field(None, description="Slug of a country group, e.g. belt-and-road")
    faculty: int | None = Field(None, description="Id of a faculty of the home university")
    kind: Kind | None = Field(None, description="Kind of the partner institutions")


@services.get("/stats", response={200: dict, **errors.ERRORS}, operation_id="stats")
def figures(request, query: Query[StatsQuery]):
    """The dashboard's figures for a year (default: all years), as `accord stats --json` prints them."""
    require(request.user, "registry.view")
    group = faculty = None
    if query.group:
        group = CountryGroup.objects.filter(slug=query.group).first()
        if group is None:
            raise errors.invalid([(["group"], f"No country group {query.group!r}.")], where="query")
    if query.faculty is not None:
        faculty = home_units().filter(pk=query.faculty).first()
        if faculty is None:
            raise errors.invalid([(["faculty"], f"No faculty {query.faculty} of the home university.")], where="query")
    return all_figures(Scope.for_year(query.year, group=group, faculty=faculty, kind=query.kind or ""))


# -- public partner map ------------------------------------------------------------------------

class PublicPartner(Schema):
    id: int
    name: str
    local_name: str
    country: str | None
    country_name: str | None
    city: str
    latitude: float | None
    longitude: float | None
    website: str

    @staticmethod
    def resolve_country(obj):
        return obj.country_id

    @staticmethod
    def resolve_country_name(obj):
        return obj.country.name if obj.country_id else None


public = Router(tags=["public"], auth=None)


@public.get("/partners", response=list[PublicPartner], auth=None, operation_id="public_partners")
def public_partners(request):
    """Partners marked public (for the partner map on the university's website); no token needed."""
    return (
        Institution.objects.filter(is_public=True).exclude(status=Status.MERGED).exclude(is_home=True)
        .select_related("country").order_by("name", "pk")
    )


api.add_router("/", services)
api.add_router("/public/", public)

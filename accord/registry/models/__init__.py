from accord.registry.models.countries import CONTINENTS, Country, CountryGroup
from accord.registry.models.imports import ImportRun
from accord.registry.models.institutions import (
    ExternalId, Institution, InstitutionName, Kind, NameKind, Status, home_unit_q,
)
from accord.registry.models.networks import Network, NetworkMembership

__all__ = [
    "CONTINENTS",
    "Country",
    "CountryGroup",
    "ExternalId",
    "ImportRun",
    "Institution",
    "InstitutionName",
    "Kind",
    "NameKind",
    "Network",
    "NetworkMembership",
    "Status",
    "home_unit_q",
]

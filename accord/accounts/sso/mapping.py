"""What a provider says about a person, turned into an Accord user: names, e-mail, role, teacher flag, faculty.

The mapping is the JSON object in ACCORD_SSO_MAPPING (settings.ACCORD_SSO_MAPPING), for example

    {"roles": {"staff": ["ieo-staff"], "coordinator": ["affiliation=coordinator"], "viewer": ["leaders"]},
     "teacher": ["teachers", "affiliation=faculty"],
     "faculty": {"attribute": "department", "values": {"AERO": "School of Aerospace Engineering"}}}

A rule is either a group name (found in the attribute named by "groups", default "groups") or
"attribute=value" (the attribute equals that value or, when it holds several, contains it). A user
gets the highest role whose rules match (or "default_role"), the teacher group when a teacher rule
matches, and the faculty named by the faculty attribute's value (through "values" when given).
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.db import transaction

from accord.accounts.models import Profile
from accord.accounts.roles import ROLES, TEACHER

# the attribute (claim) names read by default: OpenID Connect's standard claims
DEFAULT_ATTRIBUTES = {
    "username": "preferred_username",
    "email": "email",
    "first_name": "given_name",
    "last_name": "family_name",
    "groups": "groups",
}
UPDATES = ("every-sign-in", "first-sign-in")
KEYS = {*DEFAULT_ATTRIBUTES, "roles", "teacher", "faculty", "default_role", "update"}


class MappingError(ValueError):
    """ACCORD_SSO_MAPPING cannot be used; the message names the key at fault."""


@dataclass(frozen=True)
class Mapping:
    attributes: dict = field(default_factory=lambda: dict(DEFAULT_ATTRIBUTES))
    roles: dict = field(default_factory=dict)  # role -> rules
    teacher: tuple = ()
    faculty_attribute: str = ""
    faculty_values: dict = field(default_factory=dict)
    default_role: str | None = None
    update: str = "every-sign-in"

    @classmethod
    def parse(cls, raw: dict) -> "Mapping":
        if not isinstance(raw, dict):
            raise MappingError("ACCORD_SSO_MAPPING must be a JSON object")
        unknown = set(raw) - KEYS
        if unknown:
            raise MappingError(f"ACCORD_SSO_MAPPING has unknown keys {sorted(unknown)}; known: {sorted(KEYS)}")
        attributes = dict(DEFAULT_ATTRIBUTES)
        for key in DEFAULT_ATTRIBUTES:
            if key in raw:
                attributes[key] = _text(raw[key], key)
        roles = raw.get("roles", {})
        if not isinstance(roles, dict):
            raise MappingError('ACCORD_SSO_MAPPING "roles" must map a role to a list of rules')
        for role, rules in roles.items():
            if role not in ROLES:
                raise MappingError(f'ACCORD_SSO_MAPPING "roles" names {role!r}, which is not one of {list(ROLES)}')
            _rules(rules, f"roles.{role}")
        default_role = raw.get("default_role")
        if default_role is not None and default_role not in ROLES:
            raise MappingError(f'ACCORD_SSO_MAPPING "default_role" must be one of {list(ROLES)} or null')
        faculty = raw.get("faculty", {})
        if not isinstance(faculty, dict) or set(faculty) - {"attribute", "values"}:
            raise MappingError('ACCORD_SSO_MAPPING "faculty" must be {"attribute": ..., "values": {...}}')
        values = faculty.get("values", {})
        if not isinstance(values, dict) or not all(isinstance(v, str) for v in values.values()):
            raise MappingError('ACCORD_SSO_MAPPING "faculty.values" must map a value to a faculty name')
        update = raw.get("update", "every-sign-in")
        if update not in UPDATES:
            raise MappingError(f'ACCORD_SSO_MAPPING "update" must be one of {list(UPDATES)}')
        return cls(
            attributes=attributes,
            roles={role: tuple(_rules(rules, role)) for role, rules in roles.items()},
            teacher=tuple(_rules(raw.get("teacher", []), "teacher")),
            faculty_attribute=_text(faculty["attribute"], "faculty.attribute") if "attribute" in faculty else "",
            faculty_values=dict(values),
            default_role=default_role,
            update=update,
        )

    def value(self, attributes: dict, key: str) -> str:
        """The first value of the attribute that `key` (username, email, ...) is read from, or ""."""
        values = _values(attributes.get(self.attributes[key]))
        return values[0] if values else ""

    def matches(self, attributes: dict, rule: str) -> bool:
        name, sep, expected = rule.partition("=")
        if not sep:
            name, expected = self.attributes["groups"], rule
        return expected in _values(attributes.get(name))

    def role(self, attributes: dict) -> str | None:
        for role in reversed(ROLES):
            if any(self.matches(attributes, rule) for rule in self.roles.get(role, ())):
                return role
        return self.default_role

    def is_teacher(self, attributes: dict) -> bool:
        return any(self.matches(attributes, rule) for rule in self.teacher)

    def faculty_name(self, attributes: dict) -> str:
        if not self.faculty_attribute:
            return ""
        for value in _values(attributes.get(self.faculty_attribute)):
            if not self.faculty_values:
                return value
            if value in self.faculty_values:
                return self.faculty_values[value]
        return ""


def _text(value, key) -> str:
    if not isinstance(value, str) or not value.strip():
        raise MappingError(f'ACCORD_SSO_MAPPING "{key}" must be a non-empty string')
    return value.strip()


def _rules(rules, key) -> list[str]:
    if not isinstance(rules, list) or not all(isinstance(rule, str) and rule.strip() for rule in rules):
        raise MappingError(f'ACCORD_SSO_MAPPING "{key}" must be a list of rules ("group" or "attribute=value")')
    return [rule.strip() for rule in rules]


def _values(value) -> list[str]:
    """An attribute's values as strings: providers send one value or a list."""
    if value is None:
        return []
    if isinstance(value, (list, tuple, set)):
        return [str(item) for item in value if item is not None]
    return [str(value)]


def current_mapping() -> Mapping:
    from django.conf import settings

    return Mapping.parse(getattr(settings, "ACCORD_SSO_MAPPING", {}) or {})


@transaction.atomic
def apply(user, attributes: dict, *, created: bool, mapping: Mapping | None = None):
    """Bring a user signed in through a provider in line with the provider's attributes: a new user
    always, a known one on every sign-in unless the mapping says "first-sign-in". Never touches
    is_superuser or is_active (a deactivated user stays out), nor a local password."""
    mapping = mapping or current_mapping()
    if created and user.has_usable_password():
        user.set_unusable_password()  # signs in through the provider only
    if not created and mapping.update == "first-sign-in":
        return user
    for key in ("email", "first_name", "last_name"):
        value = mapping.value(attributes, key)
        if value:
            setattr(user, key, value[: user._meta.get_field(key).max_length])
    user.save()
    managed = Group.objects.filter(name__in=[*ROLES, TEACHER])
    user.groups.remove(*managed)
    wanted = [name for name in (mapping.role(attributes), TEACHER if mapping.is_teacher(attributes) else None) if name]
    user.groups.add(*Group.objects.filter(name__in=wanted))
    user.__dict__.pop("_accord_group_names", None)
    profile, _ = Profile.objects.get_or_create(user=user)
    faculty = _faculty(mapping.faculty_name(attributes))
    if faculty is not None and profile.faculty_id != faculty.pk:
        profile.faculty = faculty
        profile.save(update_fields=["faculty"])
    return user


def _faculty(name: str):
    """The faculty (a unit of the home university) of that name; registry.Institution is reached
    through Profile's foreign key, as accounts sits below the registry."""
    if not name:
        return None
    institutions = Profile._meta.get_field("faculty").related_model.objects
    return institutions.filter(name__iexact=name, kind="faculty").order_by("pk").first()

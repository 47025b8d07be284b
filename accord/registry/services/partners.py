"""Add a partner the registry lacks, after a duplicate check (the institution picker's "Add …").

The duplicate check is the lookup service itself: what a user would have found by typing the name
(any spelling, local name, acronym, typo) is what they are shown before a new record is made.
"""

from __future__ import annotations

from accord.lib.limits import fit
from accord.registry.models import Institution
from accord.registry.models.institutions import Kind
from accord.registry.services.lookup import Match, lookup

SIMILAR_SCORE = 80  # a lookup match this good names a partner the user probably meant
SIMILAR_LIMIT = 5
NAME_LENGTH = Institution._meta.get_field("name").max_length  # the picker refuses longer names


def similar_partners(name: str, *, country: str | None = None) -> list[Match]:
    """Registry institutions probably named by `name`, best first (empty: nothing like it)."""
    name = " ".join(name.split())
    if not name:
        return []
    return lookup(name, country=country, limit=SIMILAR_LIMIT, min_score=SIMILAR_SCORE, fuzzy=True)


def add_partner(name: str, *, by, country=None, kind: str = Kind.UNIVERSITY) -> Institution:
    """A new institution named `name` (the caller has run the duplicate check), with its history entry."""
    name = " ".join(name.split())
    if not name:
        raise ValueError("a partner needs a name")
    institution = Institution(name=fit(Institution, "name", name), country=country, kind=kind)
    institution._history_user = by
    institution._change_reason = "added from an institution picker"
    institution.save()
    return institution

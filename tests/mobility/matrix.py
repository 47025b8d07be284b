"""The permission matrix every cooperation record follows, as (persona, action) -> HTTP status.

Personas: victor (viewer), cora-own / cora-other (the coordinator, on a record of her faculty or of
another one), sam (staff), ada (admin), oscar (no role). Actions are GET requests on the pages.
"""

PERSONAS = ["victor", "cora-own", "cora-other", "sam", "ada", "oscar"]
ACTIONS = ["list", "detail", "create", "edit", "delete"]

ALLOWED = {
    "list": {"victor", "cora-own", "cora-other", "sam", "ada"},
    "detail": {"victor", "cora-own", "cora-other", "sam", "ada"},
    "create": {"cora-own", "cora-other", "sam", "ada"},
    "edit": {"cora-own", "sam", "ada"},
    "delete": {"ada"},
}

CASES = [(persona, action, 200 if persona in ALLOWED[action] else 403) for persona in PERSONAS for action in ACTIONS]


def user_for(persona, request):
    """The persona's user, from the pytest fixture of the same name."""
    return request.getfixturevalue(persona.split("-")[0])


def url_for(action, urls, record):
    """urls: a dict of action -> callable(record) -> url."""
    return urls[action](record)

"""A lost update is refused for every editable record, in the web and in the API: whoever saves
second from an older version is told what changed meanwhile, and nothing is overwritten."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from accord.activities.forms import ActivityForm
from accord.activities.models import Activity
from accord.activities.views import FORMSETS as ACTIVITY_FORMSETS
from accord.agreements.forms import AgreementForm, PartyFormSet, QuotaFormSet, SignatoryFormSet
from accord.agreements.models import Agreement
from accord.accounts.apitokens import ApiToken
from accord.guidance.forms import ApplicationForm, CallForm, StepFormSet
from accord.guidance.models import Call
from accord.guidance.services import start_application
from accord.mobility.forms import MobilityForm, PartnerFormSet, PersonForm, ProgramForm
from accord.mobility.models import Mobility, Person, Program
from accord.registry.forms import InstitutionForm, NameFormSet
from accord.registry.models import Country, Institution
from tests.api.conftest import ApiClient


def _call():
    today = date.today()
    return Call.objects.create(title="Sino-Russian aerospace program", funder="MOST", open_date=today - timedelta(days=5),
                               external_deadline=today + timedelta(days=30))


# kind -> (make(user), the web edit url name, form(instance, user), formsets(instance, data), API path, text field)
RECORDS = {
    "institution": (
        lambda user: Institution.objects.create(name="Universidad de Chile", country=Country.objects.get(code="CL")),
        "registry:institution-update", lambda obj, user, data=None: InstitutionForm(data, instance=obj),
        lambda obj, data=None: [NameFormSet(data, instance=obj, prefix="names")], "institutions", "notes",
    ),
    "agreement": (
        lambda user: Agreement.objects.create(title="Exchange with Chile"),
        "agreements:agreement-update", lambda obj, user, data=None: AgreementForm(data, instance=obj),
        lambda obj, data=None: [PartyFormSet(data, instance=obj, prefix="parties"),
                                SignatoryFormSet(data, instance=obj, prefix="signatories"),
                                QuotaFormSet(data, instance=obj, prefix="quotas")], "agreements", "notes",
    ),
    "activity": (
        lambda user: Activity.objects.create(title="Delegation from Chile", kind="inbound_delegation",
                                             start_date=date(2024, 5, 20)),
        "activities:activity-update", lambda obj, user, data=None: ActivityForm(data, instance=obj, user=user),
        lambda obj, data=None: [cls(data, instance=obj, prefix=prefix) for prefix, cls, _ in ACTIVITY_FORMSETS],
        "activities", "description",
    ),
    "person": (
        lambda user: Person.objects.create(name="Rosa Devés", kind="official"),
        "mobility:person-update", lambda obj, user, data=None: PersonForm(data, instance=obj, user=user),
        lambda obj, data=None: [], "people", "notes",
    ),
    "mobility": (
        lambda user: Mobility.objects.create(direction="incoming", kind="exchange_student",
                                             person=Person.objects.create(name="Ana Pérez", kind="student"),
                                             start_date=date(2024, 9, 1)),
        "mobility:mobility-update", lambda obj, user, data=None: MobilityForm(data, instance=obj, user=user),
        lambda obj, data=None: [], "mobility", "notes",
    ),
    "program": (
        lambda user: Program.objects.create(kind="summer_school", name="Andes summer school"),
        "mobility:program-update", lambda obj, user, data=None: ProgramForm(data, instance=obj, user=user),
        lambda obj, data=None: [PartnerFormSet(data, instance=obj, prefix="partners")], "programs", "description",
    ),
    "call": (
        lambda user: _call(),
        "guidance:call-update", lambda obj, user, data=None: CallForm(data, instance=obj),
        lambda obj, data=None: [StepFormSet(data, instance=obj, prefix="steps")], "calls", "requirements",
    ),
    "application": (
        lambda user: start_application(applicant=user, call=_call(), title="Reusable nozzle materials"),
        "guidance:application-update", lambda obj, user, data=None: ApplicationForm(data, instance=obj),
        lambda obj, data=None: [], "applications", "research_direction",
    ),
}


def _value(bound):
    value = bound.value()
    if value is None or value is False:
        return None
    if value is True:
        return "on"
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return str(value)


def opened_form(kind, obj, user) -> dict:
    """What the edit page posts back when nothing is changed: the form as it was opened."""
    _make, _url, form, formsets, _api, _field = RECORDS[kind]
    data = {}
    for bound in form(obj, user):
        if (value := _value(bound)) is not None:
            data[bound.html_name] = value
    for formset in formsets(obj):
        for bound in formset.management_form:
            data[bound.html_name] = str(bound.value())
        for sub in formset.forms:
            for bound in sub:
                if (value := _value(bound)) is not None:
                    data[bound.html_name] = value
    return data


def _model_type(kind):
    return type(RECORDS[kind][0])


@pytest.fixture
def api(ada):
    _token, raw = ApiToken.issue(ada, "tests")
    return ApiClient(raw)


@pytest.mark.parametrize("kind", RECORDS)
def test_a_web_edit_opened_before_an_api_change_is_refused_and_keeps_what_was_typed(kind, ada, client_for, api):
    make, url_name, _form, _formsets, path, field = RECORDS[kind]
    obj = make(ada)
    data = opened_form(kind, obj, ada)  # the editor opens the page at version 1 …
    assert data["version"] == "1"
    theirs = api.patch(f"/api/v1/{path}/{obj.pk}", {field: "Changed through the API", "version": 1})  # … someone saves
    assert theirs.status_code == 200, theirs.content
    response = client_for(ada).post(reverse(url_name, args=[obj.pk]), {**data, field: "Typed in the web form"})
    assert response.status_code == 409
    page = response.content.decode()
    assert "your changes were not saved" in page
    assert "Typed in the web form" in page  # nothing typed is lost
    label = str(type(obj)._meta.get_field(field).verbose_name)
    assert f"Changed meanwhile: {label}" in page
    obj.refresh_from_db()
    assert getattr(obj, field) == "Changed through the API" and obj.version == 2


@pytest.mark.parametrize("kind", RECORDS)
def test_an_api_change_from_an_older_version_is_refused_with_what_changed(kind, ada, client_for, api):
    make, url_name, _form, _formsets, path, field = RECORDS[kind]
    obj = make(ada)
    data = opened_form(kind, obj, ada)
    saved = client_for(ada).post(reverse(url_name, args=[obj.pk]), {**data, field: "Saved in the web form"})
    assert saved.status_code == 302, saved.content.decode()[:2000]
    stale = api.patch(f"/api/v1/{path}/{obj.pk}", {field: "Sent from version 1", "version": 1})
    assert stale.status_code == 409
    body = stale.json()
    assert body["current_version"] == 2 and field in body["changed"]
    obj.refresh_from_db()
    assert getattr(obj, field) == "Saved in the web form"


@pytest.mark.parametrize("kind", RECORDS)
def test_an_edit_at_the_current_version_is_saved(kind, ada, client_for, api):
    make, url_name, _form, _formsets, path, field = RECORDS[kind]
    obj = make(ada)
    first = api.patch(f"/api/v1/{path}/{obj.pk}", {field: "First", "version": 1})
    assert first.status_code == 200 and first.json()["version"] == 2
    data = opened_form(kind, type(obj).objects.get(pk=obj.pk), ada)
    assert client_for(ada).post(reverse(url_name, args=[obj.pk]), {**data, field: "Second"}).status_code == 302
    obj.refresh_from_db()
    assert (getattr(obj, field), obj.version) == ("Second", 3)

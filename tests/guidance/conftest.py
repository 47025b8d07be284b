"""Guidance personas on top of the shared ones: Tina and Tom, teachers; Mona, a teacher who mentors."""

from datetime import date, timedelta

import pytest

from accord.guidance.models import Call, CallStep
from accord.guidance.services import start_application
from accord.registry.models import Country, Institution
from tests.conftest import make_user


@pytest.fixture
def tina(faculty):
    return make_user("tina", "teacher", faculty=faculty)


@pytest.fixture
def tom(db):
    return make_user("tom", "teacher")


@pytest.fixture
def mona(db):
    return make_user("mona", "teacher")


@pytest.fixture
def make_call(db):
    def make(title="Sino-Russian aerospace program", *, opens=-10, internal=10, external=30, countries=(),
             steps=("Consult the center", "Draft", "Submit"), **fields):
        today = date.today()
        call = Call.objects.create(
            title=title, funder=fields.pop("funder", "Ministry of Science and Technology"),
            open_date=today + timedelta(days=opens),
            internal_deadline=today + timedelta(days=internal) if internal is not None else None,
            external_deadline=today + timedelta(days=external) if external is not None else None,
            **fields,
        )
        call.countries.set(Country.objects.filter(code__in=countries))
        for order, step in enumerate(steps, start=1):
            CallStep.objects.create(call=call, order=order, title=step)
        return call

    return make


@pytest.fixture
def make_application(make_call):
    def make(applicant, *, call=None, title="Reusable nozzle materials", mentor=None, stage=None, **fields):
        application = start_application(applicant=applicant, call=call or make_call(), title=title, mentor=mentor,
                                         **fields)
        if stage is not None:
            application.stage = stage
            application.save()
        return application

    return make


@pytest.fixture
def bauman(db):
    return Institution.objects.create(name="Bauman Moscow State Technical University",
                                      country=Country.objects.get(code="RU"), city="Moscow")

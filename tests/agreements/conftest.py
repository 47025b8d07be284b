"""Agreements tests: partners with and without SCHAC codes, and a factory for agreements."""

from datetime import date

import pytest

from accord.agreements.models import Agreement, AgreementParty
from accord.registry.models import Country, Institution


@pytest.fixture
def milan(db):
    return Institution.objects.create(
        name="Polytechnic University of Milan", country=Country.objects.get(code="IT"), schac="polimi.it"
    )


@pytest.fixture
def bauman(db):
    return Institution.objects.create(name="Bauman Moscow State Technical University", country=Country.objects.get(code="RU"))


@pytest.fixture
def other_faculty(home):
    return Institution.objects.create(name="School of Law", kind="faculty", parent=home, country=home.country)


@pytest.fixture
def make_agreement(home, milan):
    def make(title="Student exchange with Milan", *, partner=None, status="draft", **fields):
        agreement = Agreement.objects.create(title=title, status=status, **fields)
        AgreementParty.objects.create(agreement=agreement, institution=home, role="home")
        AgreementParty.objects.create(agreement=agreement, institution=partner or milan, role="partner")
        return agreement

    return make


@pytest.fixture
def today():
    return date(2026, 3, 1)


def form_data(**fields):
    """A complete POST for the agreement form with empty formsets; `fields` overrides or adds."""
    data = {
        "title": "Student exchange with Milan",
        "kind": "student_exchange",
        "signed_precision": "day",
        "renewal_notice_days": "90",
        "version": "",
    }
    for prefix in ("parties", "signatories", "quotas"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0",
                     f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"})
    data.update(fields)
    return data

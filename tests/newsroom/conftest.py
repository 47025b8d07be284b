"""Newsroom fixtures: a small registry the hand-written test articles refer to."""

import pytest

from accord.registry.models import Country, Institution, InstitutionName, NameKind


def make_institution(name, country, *, acronym=None, domains=(), kind="university", **fields):
    institution = Institution.objects.create(
        name=name, country=Country.objects.get(code=country), domains=list(domains), kind=kind, **fields
    )
    if acronym:
        InstitutionName.objects.create(institution=institution, name=acronym, kind=NameKind.ACRONYM)
    return institution


@pytest.fixture(autouse=True)
def reference_data(request):
    """Countries and role groups, put back if a transactional (browser) test flushed them earlier."""
    if request.node.get_closest_marker("django_db") or "db" in request.fixturenames:
        from tests.conftest import ensure_reference_data

        request.getfixturevalue("db")
        ensure_reference_data()


@pytest.fixture
def registry(home):
    """The home university (BIT) and a few partners, with acronyms and web domains."""
    InstitutionName.objects.create(institution=home, name="BIT", kind=NameKind.ACRONYM)
    return {
        "home": home,
        "northbridge": make_institution("Northbridge University", "GB", domains=["northbridge.ac.uk"]),
        "lakeside": make_institution("Lakeside Institute of Technology", "CN", acronym="LIT",
                                     domains=["lit.edu.cn"]),
        "valmont": make_institution("Université de Valmont", "FR"),
        "oranje": make_institution("Oranje University of Applied Sciences", "NL"),
    }


@pytest.fixture
def article_text():
    """A short signing story written for these tests."""
    return (
        "Lakeside Institute of Technology signs agreement with Northbridge University\n\n"
        "March 12, 2024\n\n"
        "Lakeside Institute of Technology (LIT) signed a memorandum of understanding with Northbridge "
        "University via video link on March 8.\n"
        "LIT President Zhou Ming and Northbridge Vice-Chancellor Alice Carter signed the agreement.\n"
        "The two universities will launch a joint summer school next year.\n"
    )


@pytest.fixture(autouse=True)
def checked_pipeline(monkeypatch):
    """Every pipeline run in these tests holds each step to its declared needs and adds."""
    monkeypatch.setattr("accord.newsroom.pipeline.CHECK_DECLARATIONS", True)

from datetime import date, timedelta

from accord.accounts.demo import load as load_accounts
from accord.agreements.demo import load
from accord.agreements.models import Agreement, AgreementParty, Signatory
from accord.agreements.services import SIGNED_OR_LATER, expiring
from accord.mobility.demo import load as load_people
from accord.mobility.models import Person
from accord.registry.demo import load as load_registry
from accord.registry.models import Institution


def test_the_demo_loads_once_and_a_second_run_changes_nothing(db):
    load_registry()
    load_accounts()
    load_people()
    first = load()
    counts = (Agreement.objects.count(), AgreementParty.objects.count(), Signatory.objects.count(),
              Person.objects.count())
    assert load() == first
    assert counts == (Agreement.objects.count(), AgreementParty.objects.count(), Signatory.objects.count(),
                      Person.objects.count())
    nifc = Agreement.objects.get(title__contains="Nouvel Institut Franco-Chinois")
    assert nifc.signed_on == date(2024, 1, 1) and nifc.signed_precision == "year"
    assert list(nifc.signatories.values_list("person__name", flat=True)) == ["Wei Yiming"]
    assert Agreement.objects.filter(kind="fund", parties__institution__name__contains="Belarus").exists()


def test_every_signed_demo_agreement_has_the_home_university_and_a_signing_date(db):
    """The demo writes through the agreements service, so it keeps its rules: XJTU and ParisTech's
    memorandum, which the home university did not sign, is not one of its agreements."""
    load_registry()
    load_accounts()
    load_people()
    load()
    signed = Agreement.objects.filter(status__in=SIGNED_OR_LATER)
    assert signed.count() == Agreement.objects.count() == 6
    home = Institution.objects.get(is_home=True)
    assert all(a.signed_on and a.parties.filter(institution=home).exists() for a in signed)
    assert not Agreement.objects.filter(title__startswith="XJTU").exists()
    assert expiring(60).filter(valid_until__lte=date.today() + timedelta(days=60)).exists()

from datetime import date, timedelta

from accord.accounts.demo import load as load_accounts
from accord.agreements.demo import load
from accord.agreements.models import Agreement, AgreementParty, Signatory
from accord.agreements.services import expiring
from accord.mobility.models import Person
from accord.registry.demo import load as load_registry


def test_the_demo_loads_once_and_a_second_run_changes_nothing(db):
    load_registry()
    load_accounts()
    first = load()
    counts = (Agreement.objects.count(), AgreementParty.objects.count(), Signatory.objects.count(),
              Person.objects.count())
    assert load() == first
    assert counts == (Agreement.objects.count(), AgreementParty.objects.count(), Signatory.objects.count(),
                      Person.objects.count())
    memo = Agreement.objects.get(title__startswith="XJTU")
    assert memo.signed_on == date(2021, 8, 30) and memo.signing_mode == "online"
    assert set(memo.parties.values_list("role", flat=True)) == {"partner"}
    assert sorted(memo.signatories.values_list("person__name", flat=True)) == ["Christian Lerminiaux", "Wang Shuguo"]
    assert Agreement.objects.filter(kind="fund", parties__institution__name__contains="Belarus").exists()
    assert expiring(60).filter(valid_until__lte=date.today() + timedelta(days=60)).exists()

from datetime import date

from accord.registry.timeline import PROVIDERS, timeline


def test_agreements_appear_on_the_partners_timeline(make_agreement, milan):
    assert "agreements" in PROVIDERS
    make_agreement("Signed one", status="active", signed_on=date(2023, 6, 1), valid_until=date(2028, 8, 31))
    make_agreement("Old one", status="expired", valid_from=date(2015, 1, 1), valid_until=date(2020, 1, 1))
    entries = [e for e in timeline(milan) if e.kind == "agreement"]
    assert [(e.title, e.when, e.alive_until, e.detail) for e in entries] == [
        ("Signed one", date(2023, 6, 1), date(2028, 8, 31), "Active"),
        ("Old one", date(2015, 1, 1), None, "Expired"),
    ]


def test_an_open_ended_active_agreement_is_alive_today(make_agreement, milan):
    make_agreement(status="active", signed_on=date(2020, 1, 1))
    [entry] = [e for e in timeline(milan) if e.kind == "agreement"]
    assert entry.alive_until == date.today()

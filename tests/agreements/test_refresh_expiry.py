from datetime import date

from accord.agreements.models import Agreement
from accord.agreements.services import refresh_expiry

TODAY = date(2026, 3, 1)


def status_of(agreement):
    return Agreement.objects.get(pk=agreement.pk).status


def test_an_active_agreement_within_its_notice_period_becomes_expiring(make_agreement):
    soon = make_agreement("soon", status="active", valid_until=date(2026, 4, 15), renewal_notice_days=60)
    later = make_agreement("later", status="active", valid_until=date(2026, 6, 1), renewal_notice_days=60)
    refresh_expiry(TODAY)
    assert status_of(soon) == "expiring"
    assert status_of(later) == "active"


def test_an_expiring_agreement_past_its_end_becomes_expired(make_agreement):
    ended = make_agreement(status="expiring", valid_until=date(2026, 2, 28))
    last_day = make_agreement("last day", status="expiring", valid_until=TODAY)
    counts = refresh_expiry(TODAY)
    assert status_of(ended) == "expired"
    assert status_of(last_day) == "expiring"
    assert counts["expired"] == 1


def test_an_auto_renewing_agreement_past_its_end_is_extended_by_one_term(make_agreement):
    agreement = make_agreement(status="expiring", auto_renew=True, valid_from=date(2021, 3, 1),
                               valid_until=date(2026, 2, 28))
    counts = refresh_expiry(TODAY)
    agreement.refresh_from_db()
    assert agreement.status == "active"
    assert agreement.valid_until == date(2031, 2, 28)
    assert counts["extended"] == 1
    assert "renewed automatically" in agreement.history.order_by("-history_date", "-history_id").first().history_change_reason


def test_a_signed_agreement_becomes_active_when_it_starts(make_agreement):
    started = make_agreement(status="signed", valid_from=date(2026, 2, 1))
    not_yet = make_agreement("not yet", status="signed", valid_from=date(2026, 9, 1))
    refresh_expiry(TODAY)
    assert status_of(started) == "active"
    assert status_of(not_yet) == "signed"


def test_open_ended_agreements_are_left_alone(make_agreement):
    agreement = make_agreement(status="active")
    refresh_expiry(TODAY)
    assert status_of(agreement) == "active"


def test_running_it_twice_changes_nothing_more(make_agreement):
    make_agreement(status="active", valid_until=date(2026, 3, 20))
    refresh_expiry(TODAY)
    assert refresh_expiry(TODAY) == {"activated": 0, "expiring": 0, "expired": 0, "extended": 0}


def test_an_active_agreement_found_past_its_end_passes_through_expiring_to_expired(make_agreement):
    agreement = make_agreement(status="active", valid_until=date(2026, 1, 31))
    refresh_expiry(TODAY)
    reasons = list(agreement.history.order_by("history_date", "history_id").values_list("history_change_reason", flat=True))
    assert status_of(agreement) == "expired"
    assert reasons[-2:] == ["status: active → expiring — past its end date", "status: expiring → expired — past its end date"]

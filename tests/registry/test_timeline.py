from datetime import date

from accord.registry.timeline import TimelineEntry, partner_status

TODAY = date(2026, 11, 26)


def test_a_partner_with_nothing_recorded_is_a_prospect():
    assert partner_status([], today=TODAY) == "prospect"


def test_a_partner_with_a_recent_activity_is_active():
    entries = [TimelineEntry(date(2025, 5, 1), "activity", "Delegation visit")]
    assert partner_status(entries, today=TODAY) == "active"


def test_a_partner_whose_agreement_is_still_valid_is_active_even_if_it_was_signed_long_ago():
    entries = [TimelineEntry(date(2015, 1, 1), "agreement", "MoU", alive_until=date(2027, 1, 1))]
    assert partner_status(entries, today=TODAY) == "active"


def test_a_partner_with_nothing_for_more_than_three_years_is_dormant():
    entries = [
        TimelineEntry(date(2018, 3, 1), "activity", "Visit"),
        TimelineEntry(date(2016, 1, 1), "agreement", "MoU", alive_until=date(2021, 1, 1)),
    ]
    assert partner_status(entries, today=TODAY) == "dormant"
    assert partner_status(entries, today=TODAY, years=10) == "active"

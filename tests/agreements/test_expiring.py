from datetime import date, timedelta

from accord.agreements.services import expiring


def test_expiring_lists_agreements_in_force_ending_within_the_window_soonest_first(make_agreement):
    today = date(2026, 3, 1)
    later = make_agreement("later", status="active", valid_until=date(2026, 5, 1))
    sooner = make_agreement("sooner", status="expiring", valid_until=date(2026, 3, 10))
    make_agreement("beyond", status="active", valid_until=date(2026, 9, 1))
    make_agreement("ended", status="active", valid_until=date(2026, 2, 1))
    make_agreement("draft", status="draft", valid_until=date(2026, 3, 5))
    make_agreement("open-ended", status="active")
    assert list(expiring(90, today=today)) == [sooner, later]
    assert list(expiring(30, today=today)) == [sooner]


def test_the_expiring_page_defaults_to_90_days_and_reads_n_from_the_query(client_for, victor, make_agreement):
    make_agreement("Ends in 45 days", status="active", valid_until=date.today() + timedelta(days=45))
    make_agreement("Ends in 120 days", status="active", valid_until=date.today() + timedelta(days=120))
    client = client_for(victor)
    page = client.get("/agreements/expiring/").content.decode()
    assert "Ends in 45 days" in page and "Ends in 120 days" not in page
    page = client.get("/agreements/expiring/?days=180").content.decode()
    assert "Ends in 120 days" in page and "within 180 days" in page


def test_a_bad_number_of_days_falls_back_to_90(client_for, victor):
    response = client_for(victor).get("/agreements/expiring/?days=lots")
    assert response.status_code == 200 and "within 90 days" in response.content.decode()


def test_the_expiring_page_shows_the_users_calendar_feed(client_for, victor):
    page = client_for(victor).get("/agreements/expiring/").content.decode()
    assert "http://testserver/agreements/calendar/" in page and ".ics" in page

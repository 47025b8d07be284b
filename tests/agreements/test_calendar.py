from datetime import date

from accord.agreements.ical import token_for


def test_the_feed_lists_the_end_dates_of_the_users_agreements_without_a_session(client, make_agreement, sam):
    mine = make_agreement("Exchange with Milan; phase 2", status="active", owner=sam, valid_until=date(2026, 8, 31))
    make_agreement("Someone else's", status="active", valid_until=date(2026, 9, 30))
    make_agreement("Abandoned", status="abandoned", owner=sam, valid_until=date(2026, 10, 1))
    response = client.get(f"/agreements/calendar/{token_for(sam)}.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    assert body.count("BEGIN:VEVENT") == 1
    assert "DTSTART;VALUE=DATE:20260831" in body and "DTEND;VALUE=DATE:20260901" in body
    assert f"UID:agreement-{mine.pk}-ends@testserver" in body
    assert "SUMMARY:Agreement ends: Exchange with Milan\\; phase 2" in body


def test_a_coordinator_sees_their_faculty_agreements(client, make_agreement, cora, faculty):
    make_agreement("Aerospace exchange", status="expiring", faculty=faculty, valid_until=date(2026, 5, 1))
    body = client.get(f"/agreements/calendar/{token_for(cora)}.ics").content.decode()
    assert "Aerospace exchange" in body


def test_a_wrong_token_is_not_found(client, sam):
    token = token_for(sam)
    assert client.get(f"/agreements/calendar/{token[:-2]}xx.ics").status_code == 404
    assert client.get(f"/agreements/calendar/{sam.pk}.ics").status_code == 404


def test_a_user_without_a_role_gets_no_feed(client, oscar):
    assert client.get(f"/agreements/calendar/{token_for(oscar)}.ics").status_code == 404


def test_long_lines_are_folded(client, make_agreement, sam):
    make_agreement("A" * 120, status="active", owner=sam, valid_until=date(2026, 8, 31))
    body = client.get(f"/agreements/calendar/{token_for(sam)}.ics").content
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))

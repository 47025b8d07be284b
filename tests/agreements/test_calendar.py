from datetime import date

import pytest

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


@pytest.mark.parametrize("text", ["Ends\rDTSTART:19700101", "Ends\nBEGIN:VEVENT", "Ends\r\nX-EVIL:1", "Ends\x0bX",
                                  "Ends\x00\x1b[31m", "Ends\u2028X", "Ends\x85X"])
def test_no_control_character_in_a_title_reaches_the_feed_unescaped(text):
    from accord.agreements.ical import _escape

    escaped = _escape(text)
    assert not [c for c in escaped if (ord(c) < 32 and c != "\t") or 0x7f <= ord(c) <= 0x9f or c in "\u2028\u2029"]
    assert escaped.startswith("Ends")


def test_a_title_with_a_lone_carriage_return_stays_one_summary_line(client, make_agreement, sam):
    make_agreement("Exchange\rDTSTART:19700101T000000Z", status="active", owner=sam, valid_until=date(2026, 8, 31))
    body = client.get(f"/agreements/calendar/{token_for(sam)}.ics").content.decode()
    lines = body.split("\r\n")
    assert not [line for line in lines if "\r" in line or "\n" in line]
    assert not [line for line in lines if line.startswith("DTSTART:1970")]
    assert any(line.startswith("SUMMARY:") and "Exchange\\nDTSTART" in line for line in lines)

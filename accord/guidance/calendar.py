"""A per-user iCalendar feed of guidance deadlines, fetched by calendar apps without a session.

Like the agreements feed (and with its escaping and line-folding helpers), the address carries a
signed token naming the user; the salt differs, so one feed's token does not open the other.
"""

from datetime import datetime, timedelta
from datetime import timezone as dt_timezone

from accord.agreements import ical
from accord.agreements.ical import _escape, _fold
from accord.guidance.deadlines import deadlines_for

SALT = "accord.guidance.calendar"


def token_for(user) -> str:
    return ical.token_for(user, salt=SALT)


def user_for(token: str):
    """The active user a token names, if they may still use the guidance center; None otherwise."""
    return ical.user_for(token, salt=SALT, action="guidance.browse")


def feed(user, *, base_url: str = "", host: str = "accord", today=None) -> str:
    stamp = datetime.now(dt_timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Accord//Guidance deadlines//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape('Accord: guidance deadlines')}",
    ]
    for item in deadlines_for(user, today):
        url = f"{base_url}{item.url}"
        if item.at is not None:
            start = item.at.astimezone(dt_timezone.utc)
            when = [f"DTSTART:{start:%Y%m%dT%H%M%SZ}", f"DTEND:{start + timedelta(hours=1):%Y%m%dT%H%M%SZ}"]
        else:
            when = [f"DTSTART;VALUE=DATE:{item.day:%Y%m%d}", f"DTEND;VALUE=DATE:{item.day + timedelta(days=1):%Y%m%d}"]
        lines += [
            "BEGIN:VEVENT",
            f"UID:guidance-{item.uid}@{host}",
            f"DTSTAMP:{stamp}",
            *when,
            f"SUMMARY:{_escape(f'{item.kind}: {item.title}')}",
            f"DESCRIPTION:{_escape(url)}",
            f"URL:{url}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"

"""A per-user iCalendar feed of agreement end dates, fetched by calendar apps without a session.

The feed address carries a signed token naming the user, so it can be shared with a calendar app
but not guessed; changing ACCORD_SECRET_KEY invalidates every token.
"""

import re
from datetime import date, datetime, timedelta
from datetime import timezone as dt_timezone

from django.contrib.auth import get_user_model
from django.core import signing
from django.db.models import Q

from accord.accounts.roles import can, faculty_of
from accord.agreements.models import Agreement
from accord.agreements.models.agreements import ALIVE

SALT = "accord.agreements.calendar"


def token_for(user, *, salt: str = SALT) -> str:
    """A feed address token naming the user; each feed has its own salt, so tokens don't cross feeds."""
    return signing.Signer(salt=salt).sign(str(user.pk))


def user_for(token: str, *, salt: str = SALT, action: str = "records.view"):
    """The active user a token names and who may still do `action`, or None."""
    try:
        pk = signing.Signer(salt=salt).unsign(token)
    except signing.BadSignature:
        return None
    user = get_user_model().objects.filter(pk=pk, is_active=True).first()
    return user if user is not None and can(user, action) else None


def agreements_for(user):
    """What a user's calendar shows: agreements they own, and their faculty's."""
    scope = Q(owner=user)
    faculty = faculty_of(user)
    if faculty is not None:
        scope |= Q(faculty=faculty)
    return (
        Agreement.objects.filter(scope, status__in=ALIVE, valid_until__isnull=False)
        .prefetch_related("parties__institution")
        .order_by("valid_until", "pk")
    )


_LINE_BREAK = re.compile(r"\r\n|\r|\n|\x0b|\x0c|\x1c|\x1d|\x1e|\x85|\u2028|\u2029")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # RFC 5545 TEXT allows none but tab


def _escape(text: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon and comma escaped, every line break (a lone CR too) as \\n,
    other control characters dropped, so no value can start a property line of its own."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return _CONTROL.sub("", _LINE_BREAK.sub("\\\\n", text))


def _fold(line: str) -> str:
    """RFC 5545: lines longer than 75 octets continue on the next line after a space."""
    encoded = line.encode()
    if len(encoded) <= 75:
        return line
    parts, start = [], 0
    while start < len(encoded):
        end = min(start + (75 if not parts else 74), len(encoded))
        while end < len(encoded) and (encoded[end] & 0xC0) == 0x80:  # do not split a UTF-8 character
            end -= 1
        parts.append(encoded[start:end].decode())
        start = end
    return "\r\n ".join(parts)


def feed(user, *, base_url: str = "", host: str = "accord") -> str:
    stamp = datetime.now(dt_timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Accord//Agreement expiry dates//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape('Accord: agreements ending')}",
    ]
    for agreement in agreements_for(user):
        end: date = agreement.valid_until
        partners = ", ".join(p.institution.name for p in agreement.parties.all())
        url = f"{base_url}{agreement.get_absolute_url()}"
        lines += [
            "BEGIN:VEVENT",
            f"UID:agreement-{agreement.pk}-ends@{host}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{end:%Y%m%d}",
            f"DTEND;VALUE=DATE:{end + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape('Agreement ends: ' + agreement.title)}",
            f"DESCRIPTION:{_escape(f'{agreement.get_status_display()}. Partners: {partners or chr(8212)}. {url}')}",
            f"URL:{url}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"

"""The activities an institution took part in, for its partner timeline."""

from accord.registry.timeline import TimelineEntry


def activity_entries(institution):
    parties = (
        institution.activity_parties.select_related("activity")
        .order_by("-activity__start_date", "activity__title", "role")
    )
    seen = set()
    for party in parties:
        activity = party.activity
        if activity.pk in seen:  # an institution may be both host and organizer
            continue
        seen.add(activity.pk)
        yield TimelineEntry(
            when=activity.start_date,
            kind="activity",
            title=activity.title,
            url=activity.get_absolute_url(),
            detail=f"{activity.get_kind_display()} · {party.get_role_display()}",
            alive_until=activity.last_day,
        )

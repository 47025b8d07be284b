def unread(request):
    """The header bell's count: a lazy callable, so pages that do not show the header pay nothing."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    def count():
        from accord.notifications.services import unread as unread_rows

        return unread_rows(user).count()

    return {"notifications_unread": count}

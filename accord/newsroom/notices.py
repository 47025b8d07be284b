"""The newsroom tells the office when an article brings proposed records to review."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accord.accounts.roles import STAFF
from accord.notifications.services import notify, users_with_role


def proposals_ready(article, *, by=None) -> None:
    count = article.proposals.count()
    if not count:
        return
    reviewers = [u for u in users_with_role(STAFF) if u.pk != getattr(by, "pk", None)]
    notify(reviewers, key=f"article:{article.pk}:proposals", kind="newsroom.proposals",
           title=lambda: ngettext("%(count)d proposed record to review: %(title)s",
                                  "%(count)d proposed records to review: %(title)s", count)
           % {"count": count, "title": str(article)[:200]},
           body=lambda: _("The newsroom found them in an article; accept, edit, merge or reject each."),
           url=article.get_absolute_url())

"""Insights work on the queue: the yearly report from the dashboard, and the daily rollup check."""

from django.conf import settings
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from huey import crontab

from accord.insights.forms import ScopeForm
from accord.insights.reports import build_report, report_file_name
from accord.insights.services import rollup
from accord.jobs.queue import JobError, Outcome, job_task, scheduled, start
from accord.lib.limits import LISTED_IN_MESSAGE


@job_task("insights.report")
def write_report(job):
    fmt, query = job.params["format"], job.params.get("query", "")
    with translation.override(job.params.get("language") or settings.LANGUAGE_CODE):  # the language of who asked
        scope = ScopeForm(QueryDict(query)).scope()
        body = build_report(fmt, scope)
        summary = _("Report written (%(size)s KB).") % {"size": max(1, len(body) // 1024)}
    return Outcome(summary=summary, file=(report_file_name(scope, fmt), body))


@job_task("insights.rollup-check", retries=0)
def check_rollup(job):
    if rollup.coverage() is None:
        raise JobError(_("The partners-per-year table has never been built: run `accord rollup`."))
    differences = rollup.differences()
    stale = rollup.stale_attributes()
    if differences or stale:
        lines = [f"{year}, {faculty or '-'}: missing {len(d['missing'])}, extra {len(d['extra'])}"
                 for (year, faculty), d in sorted(differences.items())[:LISTED_IN_MESSAGE]]
        if stale:
            lines.append(f"{len(stale)} institutions with out-of-date country, kind or coordinates")
        raise JobError(_("The partners-per-year table differs from the records: run `accord rollup`.") + "\n"
                       + "\n".join(lines))
    return Outcome(summary=_("The partners-per-year table matches the records."),
                   url=reverse("insights:dashboard"))


@scheduled(crontab(hour="3", minute="30"), name="insights.daily-rollup-check")
def daily_rollup_check():
    today = timezone.localdate().isoformat()
    start("insights.rollup-check", key=f"daily:{today}", label=_("Daily rollup check, %(day)s") % {"day": today})

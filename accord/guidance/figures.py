"""The guidance center's figures: applications per call, stage and faculty, success rate and the
partners' countries. Shown on the center page and in `accord stats --json` (section "guidance")."""

from django.db.models import Count
from django.utils import timezone

from accord.guidance.models import Application, Call, Stage
from accord.registry.models import Country


def figures(year: int | None = None, group=None) -> dict:
    """`year`: applications created that calendar year; `group`: partners' countries within that group."""
    applications = Application.objects.all()
    if year is not None:
        applications = applications.filter(created__year=year)
    by_call = {
        row["call__title"]: row["n"]
        for row in applications.values("call__title").annotate(n=Count("id")).order_by("call__title")
    }
    counted = dict(applications.values_list("stage").annotate(n=Count("id")).order_by())
    by_stage = {stage: counted.get(stage, 0) for stage in Stage.values}
    by_faculty = {
        (row["faculty__name"] or "—"): row["n"]
        for row in applications.values("faculty__name").annotate(n=Count("id")).order_by("faculty__name")
    }
    awarded, rejected = by_stage[Stage.AWARDED], by_stage[Stage.REJECTED]
    decided = awarded + rejected
    countries = Country.objects.filter(institutions__guidance_applications__in=applications)
    if group is not None:
        countries = countries.filter(groups=group)
    partner_countries = {
        row["name"]: row["n"]
        for row in countries.values("name").annotate(n=Count("institutions__guidance_applications", distinct=True))
        .order_by("name")
    }
    return {
        "applications": applications.count(),
        "open_calls": Call.objects.filter(Call.open_q(timezone.localdate())).count(),
        "by_call": by_call,
        "by_stage": by_stage,
        "by_faculty": by_faculty,
        "decided": decided,
        "awarded": awarded,
        "success_rate": round(awarded / decided, 3) if decided else None,
        "partner_countries": partner_countries,
    }

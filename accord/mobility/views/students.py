from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import path

from accord.accounts.roles import can
from accord.mobility.models import academic_year_label
from accord.mobility.services import international_students, years_on_record


def international_students_page(request):
    """Counts by nationality, continent and UN region, for one academic year or all of them."""
    if not can(request.user, "records.view"):
        raise PermissionDenied("Your role may not view cooperation records.")
    years = years_on_record()
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = None
    if year not in years:
        year = None
    return render(
        request,
        "mobility/international_students.html",
        {
            "figures": international_students(year),
            "year": year,
            "years": [(y, academic_year_label(y)) for y in years],
        },
    )


urlpatterns = [path("international-students/", international_students_page, name="international-students")]

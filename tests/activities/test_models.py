from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from accord.activities.models import Activity, DatePrecision


@pytest.mark.django_db
def test_an_activity_that_ends_before_it_starts_is_refused_by_validation_and_by_the_database():
    activity = Activity(title="Forum", kind="forum", start_date=date(2022, 7, 29), end_date=date(2022, 7, 28))
    with pytest.raises(ValidationError) as error:
        activity.full_clean()
    assert "end_date" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        activity.save()


@pytest.mark.django_db
def test_a_one_day_activity_needs_no_end_date_and_lives_until_its_start():
    activity = Activity.objects.create(title="Forum", kind="forum", start_date=date(2022, 7, 29))
    activity.full_clean()
    assert activity.last_day == date(2022, 7, 29)


@pytest.mark.django_db
def test_every_edit_through_the_activity_service_raises_the_version_for_optimistic_locking():
    from accord.activities.services import save_activity

    activity = Activity.objects.create(title="Forum", kind="forum", start_date=date(2022, 7, 29))
    assert activity.version == 1
    activity.city = "Beijing"
    save_activity(activity, by=None, expected_version=1, fields=["city"])
    activity.refresh_from_db()
    assert (activity.version, activity.city) == (2, "Beijing")


@pytest.mark.parametrize(
    "precision, start, end, shown",
    [
        (DatePrecision.DAY, date(2022, 7, 29), None, "2022-07-29"),
        (DatePrecision.MONTH, date(2024, 6, 1), None, "June 2024"),
        (DatePrecision.YEAR, date(2024, 1, 1), date(2024, 12, 31), "2024"),
        (DatePrecision.DAY, date(2024, 6, 1), date(2024, 6, 3), "2024-06-01 – 2024-06-03"),
    ],
)
def test_the_period_is_shown_only_as_precisely_as_it_is_known(precision, start, end, shown):
    activity = Activity(title="x", start_date=start, end_date=end, date_precision=precision)
    assert activity.period == shown


def test_only_recorded_counts_are_listed():
    activity = Activity(title="Award", start_date=date(2021, 9, 1), university_count=159, submission_count=1609)
    assert [(str(label), value) for label, value in activity.counts] == [("Universities", 159), ("Submissions", 1609)]

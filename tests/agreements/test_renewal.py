from datetime import date

import pytest

from accord.agreements.models import Quota
from accord.agreements.services import TransitionNotAllowed, renew


def test_renewing_creates_a_linked_successor_with_the_same_parties_quotas_and_subjects(make_agreement, sam, faculty):
    old = make_agreement(status="expiring", valid_from=date(2021, 9, 1), valid_until=date(2026, 8, 31),
                         subject_areas=["071"], faculty=faculty, owner=sam)
    Quota.objects.create(agreement=old, academic_year="2025/26", direction="outgoing",
                         mobility_type="student_studies", count=3, duration=5, isced_code="071")
    new = renew(old, by=sam, until=date(2031, 8, 31))
    old.refresh_from_db()
    assert old.status == "renewed"
    assert new.renews == old
    assert list(old.renewed_by.all()) == [new]
    assert new.valid_from == date(2026, 9, 1) and new.valid_until == date(2031, 8, 31)
    assert new.subject_areas == ["071"] and new.faculty == faculty and new.owner == sam
    assert sorted(new.parties.values_list("institution__name", "role")) == sorted(
        old.parties.values_list("institution__name", "role")
    )
    assert list(new.quotas.values_list("academic_year", "count", "isced_code")) == [("2025/26", 3, "071")]
    assert old.quotas.count() == 1
    assert old.history.order_by("-history_date", "-history_id").first().history_user == sam


def test_a_draft_cannot_be_renewed(make_agreement, sam):
    with pytest.raises(TransitionNotAllowed):
        renew(make_agreement(status="draft"), by=sam, until=date(2030, 1, 1))


def test_a_renewal_that_ends_before_it_starts_is_refused(make_agreement, sam):
    old = make_agreement(status="active", valid_until=date(2026, 8, 31))
    with pytest.raises(TransitionNotAllowed, match="must end after it starts"):
        renew(old, by=sam, until=date(2026, 1, 1))
    old.refresh_from_db()
    assert old.status == "active"


def test_the_detail_page_shows_the_renewal_chain(client_for, victor, make_agreement, sam):
    old = make_agreement("Exchange 2021", status="active", valid_until=date(2026, 8, 31))
    new = renew(old, by=sam, until=date(2031, 8, 31))
    page = client_for(victor).get(f"/agreements/{new.pk}/").content.decode()
    assert "Renewal chain" in page and f"/agreements/{old.pk}/" in page


def test_the_renew_form_redirects_to_the_successor(client_for, sam, make_agreement):
    old = make_agreement(status="active", valid_until=date(2026, 8, 31))
    response = client_for(sam).post(f"/agreements/{old.pk}/renew/", {"until": "2031-08-31"})
    successor = old.renewed_by.get()
    assert response.status_code == 302 and response.url == f"/agreements/{successor.pk}/"

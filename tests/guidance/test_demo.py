import pytest
from io import StringIO

from django.core.management import call_command

from accord.guidance.models import Application, Call, Consultation

pytestmark = pytest.mark.django_db


def demo(*args):
    out = StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


def test_the_demo_loads_the_center_once(db):
    demo()
    counts = (Call.objects.count(), Application.objects.count(), Consultation.objects.count(),
              Application.history.count(), Call.history.count())
    demo()
    assert (Call.objects.count(), Application.objects.count(), Consultation.objects.count(),
            Application.history.count(), Call.history.count()) == counts
    assert Call.objects.filter(Call.open_q()).count() >= 3
    assert Consultation.objects.filter(place="Conference Room 233, Building 2", starts_at__month=4,
                                       starts_at__day=13).exists()
    assert set(Application.objects.values_list("stage", flat=True)) >= {"idea", "drafting", "submitted", "awarded"}


def test_the_demo_lists_the_teacher_login(db):
    assert "teacher" in demo("--list-users") and "mentor" in demo("--list-users")

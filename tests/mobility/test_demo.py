import pytest
from django.core.management import call_command

from accord.mobility.models import Mobility, Program, StudentCohort
from accord.mobility.services import international_students
from accord.registry.models import Institution
from accord.registry.timeline import timeline


@pytest.mark.django_db
def test_the_demo_loads_programs_mobility_and_cohorts_from_the_seed_facts(capsys):
    call_command("demo")
    msu_bit = Program.objects.get(name="Shenzhen MSU-BIT University")
    assert msu_bit.kind == "joint_institute" and str(msu_bit.start_date) == "2017-09-13"
    assert list(msu_bit.partners.values_list("name", flat=True)) == ["Lomonosov Moscow State University"]
    assert Program.objects.filter(kind="confucius_institute", partners__isnull=True).count() == 2
    assert StudentCohort.objects.get(kind="intake", program=msu_bit).count == 800
    zhang = Mobility.objects.filter(person__name="Zhang Wei").order_by("start_date")
    assert {m.direction for m in zhang} == {"outgoing"} and zhang.count() == 2
    esa = Institution.objects.get(name="European Space Agency")
    assert "mobility" in {e.kind for e in timeline(esa)}
    figures = international_students()
    assert {r.label for r in figures.by_region} >= {"South-eastern Asia", "Eastern Europe", "Eastern Africa"}

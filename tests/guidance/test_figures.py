import pytest
import json
from io import StringIO

from django.core.management import call_command

from accord.guidance.models import Stage

pytestmark = pytest.mark.django_db


def test_the_stats_command_has_a_guidance_section(make_application, make_call, tina, tom, bauman):
    call = make_call("Sino-Russian program")
    make_application(tina, call=call, stage=Stage.AWARDED, partners=[bauman])
    make_application(tom, call=call, title="Second", stage=Stage.REJECTED)
    make_application(tom, call=call, title="Third", stage=Stage.DRAFTING)
    out = StringIO()
    call_command("stats", "--json", stdout=out)
    section = json.loads(out.getvalue())["guidance"]
    assert section["by_call"] == {"Sino-Russian program": 3}
    assert section["by_stage"]["awarded"] == 1 and section["by_stage"]["drafting"] == 1
    assert section["by_faculty"] == {"School of Aerospace Engineering": 1, "—": 2}
    assert section["success_rate"] == 0.5
    assert section["partner_countries"] == {"Russia": 1}


def test_no_decision_means_no_success_rate(make_application, tina):
    make_application(tina)
    from accord.guidance.figures import figures

    assert figures()["success_rate"] is None


def test_the_center_page_shows_the_figures(client_for, make_application, tina, sam):
    make_application(tina, stage=Stage.AWARDED)
    body = client_for(sam).get("/guidance/center/").content.decode()
    assert "100%" in body and "School of Aerospace Engineering" in body

"""The dashboard's report buttons write the report in the language of the user who pressed them."""

import io
import re

from django.conf import settings
from django.urls import reverse
from openpyxl import load_workbook

from accord.jobs.models import Job

from .conftest import wait_until


def test_a_report_queued_from_the_chinese_dashboard_is_written_in_chinese(worker, client_for, victor):
    client = client_for(victor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    client.post(reverse("insights:report-job", args=["xlsx"]), {"query": "year=2024"})
    job = wait_until(lambda: Job.objects.filter(status__in=Job.FINISHED).first(), what="the report job")
    assert job.status == Job.Status.DONE and job.params["language"] == "zh-hans"
    body = b"".join(client.get(reverse("jobs:job-file", args=[job.pk])).streaming_content)
    names = load_workbook(io.BytesIO(body)).sheetnames
    assert names and all(re.search(r"[\u4e00-\u9fff]", name) for name in names), names
    assert re.search(r"[\u4e00-\u9fff]", job.summary), job.summary

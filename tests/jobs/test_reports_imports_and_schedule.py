"""Reports, web imports and the daily runs as jobs on a real queue and worker."""

import pytest
from django.urls import reverse

from accord.activities.models import Activity
from accord.agreements.models import Agreement
from accord.agreements.tasks import daily_remind
from accord.insights.services import rollup
from accord.insights.tasks import daily_rollup_check
from accord.jobs.models import Job
from accord.registry.models import Country, Institution

from .conftest import wait_until


def finished(pk):
    return wait_until(lambda: Job.objects.filter(pk=pk, status__in=Job.FINISHED).first(), what=f"job {pk}")


def test_the_dashboard_report_button_queues_a_report_and_its_page_offers_the_file(worker, client_for, victor):
    client = client_for(victor)
    response = client.post(reverse("insights:report-job", args=["xlsx"]), {"query": "year=2024"})
    job = Job.objects.get()
    assert response.status_code == 302 and response.url == job.get_absolute_url()
    job = finished(job.pk)
    assert job.status == Job.Status.DONE and job.started_by == victor and job.params["query"] == "year=2024"
    page = client.get(job.get_absolute_url()).content.decode()
    assert reverse("jobs:job-file", args=[job.pk]) in page
    download = client.get(reverse("jobs:job-file", args=[job.pk]))
    assert download.status_code == 200 and download["Content-Disposition"].endswith('filename="accord-report-2024.xlsx"')
    assert b"".join(download.streaming_content)[:2] == b"PK"  # an XLSX is a zip


def test_a_confirmed_table_import_runs_on_the_worker_once(queue, request, client_for, sam, tmp_path):
    home = Institution.objects.create(name="Beijing Institute of Technology", country=Country.objects.get(code="CN"),
                                      is_home=True)
    Institution.objects.create(name="Hanyang University", country=Country.objects.get(code="KR"))
    path = tmp_path / "agreements.csv"
    path.write_text("title,kind,partners\nMoU with Hanyang,framework,Hanyang University\n", encoding="utf-8")
    client = client_for(sam)
    from django.core.files.uploadedfile import SimpleUploadedFile

    location = client.post(reverse("agreements:import"),
                           {"file": SimpleUploadedFile("agreements.csv", path.read_bytes())})["Location"]
    response = client.post(location, {"confirm": "1"})
    job = Job.objects.get(kind="records.import")
    assert response.status_code == 302 and response.url == job.get_absolute_url()
    assert Agreement.objects.count() == 0  # nothing imported until a worker runs the job
    request.getfixturevalue("worker")  # (started after the request: the test database is in memory)
    job = finished(job.pk)
    assert job.status == Job.Status.DONE and "1 records imported from agreements.csv" in job.summary
    assert Agreement.objects.get().title == "MoU with Hanyang" and home.pk


def test_the_daily_reminder_run_is_one_job_a_day_however_many_schedulers_fire(worker):
    daily_remind.call_local()
    daily_remind.call_local()
    job = finished(Job.objects.get(kind="agreements.remind").pk)
    assert job.status == Job.Status.DONE and job.started_by is None and "reminders sent" in job.summary


def test_the_daily_rollup_check_reports_a_table_that_differs_from_the_records(worker, client_for, sam):
    home = Institution.objects.create(name="Home University", country=Country.objects.get(code="CN"), is_home=True)
    partner = Institution.objects.create(name="Partner University", country=Country.objects.get(code="FR"))
    activity = Activity.objects.create(title="Forum", kind="forum", start_date="2024-05-01")
    activity.parties.create(institution=home, role="host")
    activity.parties.create(institution=partner, role="guest")
    rollup.rebuild()
    from accord.insights.models import PartnerYear

    PartnerYear.objects.filter(institution=partner.pk).delete()  # written around Accord, as by SQL
    daily_rollup_check.call_local()
    job = finished(Job.objects.get(kind="insights.rollup-check").pk)
    assert job.status == Job.Status.FAILED and "differs from the records" in job.error
    assert "differs from the records" in client_for(sam).get(job.get_absolute_url()).content.decode()

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from accord.jobs.queue import wait
from accord.newsroom.services.ingest import InputError, article_sources, queue_articles


class Command(BaseCommand):
    help = "Add news articles (.txt, .html, .md, .jsonl files or folders) to the newsroom review queue."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files or folders")
        parser.add_argument("--no-wait", action="store_true",
                            help="queue the articles and return; `accord worker` reads them")

    def handle(self, *args, paths, no_wait=False, **options):
        sources = list(article_sources(paths))
        if not sources:
            raise CommandError("no articles found in " + ", ".join(paths))
        records, skipped = [], 0
        for label, record in sources:
            if isinstance(record, InputError):
                skipped += 1
                self.stderr.write(f"{label}: skipped: {record}")
            else:
                records.append(record)
        job, articles, created = queue_articles(records, label=f"accord ingest {' '.join(paths)}"[:300])
        duplicates = len(records) - created
        self.stdout.write(f"{created} articles added to the review queue, {duplicates} already there, {skipped} skipped")
        if job is None or job.finished:
            self._report(job)
            return
        if no_wait:
            self.stdout.write(f"job {job.pk}: the worker (`accord worker`) reads them; progress at /jobs/{job.pk}/")
            return
        self.stderr.write(f"job {job.pk}: waiting for the worker to read them (`accord worker`; Ctrl-C stops "
                          "waiting, the job goes on)")
        with tqdm(total=job.total, unit="article", file=sys.stderr, desc="read") as bar:
            def progress(current):
                bar.update(current.done + current.failed - bar.n)

            self._report(wait(job, on_progress=progress))

    def _report(self, job):
        if job is None:
            return
        if job.failed:
            raise CommandError(f"{job.failed} of {job.total} articles could not be read:\n{job.error}")
        if job.finished:
            self.stdout.write(f"{job.done} articles read")



import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from accord.agreements import ewp
from accord.agreements.models import Agreement


class Command(BaseCommand):
    help = "Print an agreement as an Erasmus Without Paper IIA v7 get-response in JSON."

    def add_arguments(self, parser):
        parser.add_argument("pk", type=int, help="The agreement's id (as in /agreements/ID/).")
        parser.add_argument("--output", help="Write to this file instead of standard output.")

    def handle(self, *args, pk, output=None, **options):
        agreement = Agreement.objects.filter(pk=pk).first()
        if agreement is None:
            raise CommandError(f"No agreement with id {pk}")
        text = json.dumps(ewp.get_response(agreement), ensure_ascii=False, indent=2)
        if output:
            Path(output).write_text(text + "\n", encoding="utf-8")
            self.stderr.write(f"wrote {output}")
        else:
            self.stdout.write(text)

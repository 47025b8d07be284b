"""Django's makemessages, also extracting the strings the project marks with `_lazy(...)`
(`from django.utils.translation import gettext_lazy as _lazy`), which xgettext does not know."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=_lazy"]

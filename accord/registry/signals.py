"""Signals the registry sends where Django's own model signals do not fire."""

from django.dispatch import Signal

# Sent by the bulk importers after they UPDATE institutions without save(): kwargs `ids` (the
# institutions written) and `fields` (the field names that may have changed).
institutions_updated = Signal()

"""Signals the records core sends where Django's own model signals do not fire."""

from django.dispatch import Signal

# Sent once by records.services.create_records() after it wrote new records in bulk (no post_save
# per row): sender is the model, `instances` the records written, with their primary keys.
records_created = Signal()

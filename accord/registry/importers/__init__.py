"""Registry importers: `accord import <name> FILE` runs `IMPORTERS[name]` (see base.py)."""

from accord.registry.importers.base import IMPORTERS, ImportCommand, ImportFailed, Importer, RowError, get_importer
from accord.registry.importers import csvio, hipo, ror  # noqa: F401,E402  (register themselves)

__all__ = ["IMPORTERS", "ImportCommand", "ImportFailed", "Importer", "RowError", "get_importer"]

"""Helpers shared by the importer tests."""

import json
from pathlib import Path

from accord.registry.models import ExternalId, ImportRun, Institution, InstitutionName

FIXTURES = Path(__file__).parent / "fixtures"


def write_json(path: Path, data) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def snapshot() -> dict[str, int]:
    """Row counts of everything an import writes, to prove a failed one wrote nothing."""
    return {
        "institutions": Institution.objects.count(),
        "names": InstitutionName.objects.count(),
        "external ids": ExternalId.objects.count(),
        "import runs": ImportRun.objects.count(),
        "institution history": Institution.history.count(),
        "name history": InstitutionName.history.count(),
        "external id history": ExternalId.history.count(),
    }

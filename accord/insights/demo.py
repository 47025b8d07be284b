"""The last step of the demo: the partners-per-year table brought up to date with the demo's records
(the larger demo steps write parties in bulk, without a signal per row)."""

from accord.insights.services import rollup


def load() -> dict:
    return {"partner-year rows": rollup.rebuild()}

"""The dashboard's charts as plain data for plotly (drawn by static/insights/dashboard.js): each
mark carries the URL of the list behind it, labels are HTML-escaped (plotly renders them as HTML),
and every series has its own pattern, symbol or dash besides its colour."""

from django.utils.translation import gettext as _

from accord.lib.plottext import plot_text

# Marks that differ by more than colour: a pattern per bar series, a symbol and a dash per line.
PATTERNS = ("", "/", ".", "x")
SYMBOLS = ("circle", "square", "diamond", "triangle-up")
DASHES = ("solid", "dash", "dot", "dashdot")
MAX_BARS = 12  # categories drawn in a chart (the largest); its table lists them all


def _series(name: str, figures, index: int = 0, labels=None) -> dict:
    """A bar series over `labels` (default: the figures' own) from rows of Figure."""
    by_label = {f.label: f for f in figures}
    if labels is None:
        labels = [f.label for f in sorted(figures, key=lambda f: -f.value)[:MAX_BARS]]
        labels.sort(key=[f.label for f in figures].index)
    return {
        "name": plot_text(str(name)),
        "labels": [plot_text(label) for label in labels],
        "values": [by_label[label].value if label in by_label else 0 for label in labels],
        "urls": [by_label[label].url if label in by_label else "" for label in labels],
        "pattern": PATTERNS[index % len(PATTERNS)],
    }


def _bars(key: str, title: str, unit: str, *series) -> dict:
    return {"id": key, "type": "bar", "title": str(title), "unit": plot_text(str(unit)), "series": list(series)}


def dashboard_charts(board: dict) -> list[dict]:
    """Bar charts of the dashboard rows built by services.dashboard.dashboard()."""
    totals = {}
    for f in [*board["incoming"], *board["outgoing"]]:
        totals[f.label] = totals.get(f.label, 0) + f.value
    regions = sorted(totals, key=lambda label: -totals[label])[:MAX_BARS]
    return [
        _bars("continents", _("Partners by continent"), _("Partners"), _series(_("Partners"), board["continents"])),
        _bars("agreement-kinds", _("Agreements by kind"), _("Agreements"),
              _series(_("Agreements"), board["agreement_kinds"])),
        _bars("agreement-statuses", _("Agreements by status"), _("Agreements"),
              _series(_("Agreements"), board["agreement_statuses"])),
        _bars("mobility", _("Mobility by region"), _("Stays"),
              _series(_("Incoming"), board["incoming"], 0, regions),
              _series(_("Outgoing"), board["outgoing"], 1, regions)),
    ]


def trend_chart(rows: list[dict]) -> dict:
    """The trend by year as lines (partners, new agreements, activities), from trend_rows()."""
    lines = [("partners", _("Partners")), ("new_agreements", _("New agreements")), ("activities", _("Activities"))]
    return {
        "id": "trend",
        "type": "line",
        "title": _("Trend by year"),
        "years": [row["year"] for row in rows],
        "series": [
            {
                "name": plot_text(str(name)),
                "values": [row[key] for row in rows],
                "urls": [row[f"{key}_url"] for row in rows],
                "symbol": SYMBOLS[i],
                "dash": DASHES[i],
            }
            for i, (key, name) in enumerate(lines)
        ],
    }

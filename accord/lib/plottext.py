"""Text for plotly: it renders hover labels, tick labels and annotations as (a subset of) HTML, so
names from the records are escaped before they reach it. Quotes are left alone: plotly shows them
as they are, while it would show their entities literally."""

from html import escape


def plot_text(text: str | None) -> str:
    return escape(str(text or ""), quote=False)

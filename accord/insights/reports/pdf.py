"""The PDF report: an HTML template rendered by WeasyPrint, Chinese text in WenQuanYi Micro Hei."""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from accord.insights.reports.svgmap import bar_chart_svg, choropleth_svg


def build(data: dict) -> bytes:
    from weasyprint import HTML

    # Both SVGs are generated here from numbers and escaped labels, never from user HTML.
    context = {
        **data,
        "map_svg": mark_safe(choropleth_svg(data["map_counts"], title=str(data["title"]),
                                                 legend_title=_("Partners"))),  # noqa: S308
        "continent_svg": mark_safe(bar_chart_svg(data["continents"])),  # noqa: S308
    }
    html = render_to_string("insights/report.html", context)
    return HTML(string=html).write_pdf()

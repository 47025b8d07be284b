"""Sections of `accord stats --json`: other apps add their figures through the STATS_SECTIONS hook in
their AppConfig.ready(): `hooks.STATS_SECTIONS.register("guidance", fn)`, where fn(year=None, group=None)
returns a JSON-serialisable dict. The headline figures themselves are insights'
(accord.insights.services.stats): one definition of a partner for the command, the dashboard, the
reports and the API.
"""

from accord.lib import hooks

SECTIONS = hooks.STATS_SECTIONS

"""The dashboard's faculty, country group and partner kind open at "All", like every list's filters;
its year opens at the current year (the dashboard is the figures of a year)."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone


def first_options(html):
    return {name: re.findall(r'<option value="([^"]*)"([^>]*)>([^<]*)</option>', body)
            for name, body in re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', html, re.S)}


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "all_label"), [("en", "All"), ("zh-hans", "全部")])
def test_the_dashboard_filters_open_at_all_in_either_language(client_for, victor, faculty, language, all_label):
    client = client_for(victor)
    client.cookies["django_language"] = language
    options = first_options(client.get(reverse("insights:dashboard")).content.decode())
    for name in ("faculty", "group", "kind"):
        value, _attrs, label = options[name][0]
        assert (value, label) == ("", all_label), name
    chosen = [value for value, attrs, _ in options["year"] if "selected" in attrs]
    assert chosen == [str(timezone.localdate().year)]

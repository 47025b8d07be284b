"""The Simplified Chinese catalog: complete, compiled, and used by the pages."""

import re
from pathlib import Path

from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.urls import reverse
from django.utils import translation

MESSAGES = Path(__file__).resolve().parents[1] / "accord" / "locale" / "zh_Hans" / "LC_MESSAGES"


def strings(catalog):
    """msgid -> translation for every message but the header; plural forms as a tuple."""
    return {
        (tuple(m.id) if isinstance(m.id, (list, tuple)) else m.id, m.context): (
            tuple(m.string) if isinstance(m.string, (list, tuple)) else m.string
        )
        for m in catalog
        if m.id
    }


def test_catalog_is_complete_and_compiled():
    with (MESSAGES / "django.po").open("rb") as f:
        po = read_po(f)
    assert po.num_plurals == 1, "Chinese has one plural form: Plural-Forms: nplurals=1; plural=0;"
    untranslated = [m.id for m in po if m.id and not all(m.string if isinstance(m.string, tuple) else [m.string])]
    fuzzy = [m.id for m in po if m.id and m.fuzzy]
    assert not untranslated, f"{len(untranslated)} messages have no Chinese translation, e.g. {untranslated[:5]}"
    assert not fuzzy, f"fuzzy translations are not used by Django: {fuzzy[:5]}"

    with (MESSAGES / "django.mo").open("rb") as f:
        mo = read_mo(f)
    assert strings(mo) == strings(po), "django.mo is stale: run msgfmt (or compilemessages) on django.po"


def test_pages_speak_chinese(client_for, victor):
    client = client_for(victor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    with translation.override("zh-hans"):
        response = client.get(reverse("registry:institution-list"))
    assert response.status_code == 200
    html = response.content.decode()
    nav = re.search(r'<nav class="mainnav"[^>]*>(.*?)</nav>', html, re.S)
    assert nav, "the page has no main navigation"
    assert "合作伙伴" in nav.group(1)
    assert "Partners" not in nav.group(1)
    assert "<h1>合作伙伴</h1>" in html

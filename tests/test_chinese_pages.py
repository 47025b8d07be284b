"""Every page of the navigation speaks Chinese: crawled in zh-Hans as each role, with every gettext
lookup recorded; a message id missing from the zh_Hans catalog fails the test. Countries, regions,
continents and ISCED-F subjects show their Chinese names, and the forms have Chinese labels."""

import re
from collections import defaultdict
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import trans_real

from accord.agreements import isced
from accord.registry.models import Country, Institution
from accord.registry.models.countries import region_label
from tests.conftest import make_user

ROLES = ("admin", "staff", "coordinator", "viewer", "teacher", "mentor")
CHINESE = "zh-hans"
# Links followed from each page of the navigation besides the navigation itself: records and forms.
FOLLOW_PER_PAGE = 3
SKIP = re.compile(r"/(logout|static|media|api)/|\.(pdf|xlsx|csv|ics|json|xml|svg|png|zip)(\?|$)|/export|/download")


class Links(HTMLParser):
    """The hrefs of a page, the navigation's apart from those in <main>."""

    def __init__(self):
        super().__init__()
        self.nav, self.main, self._in = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("nav", "main", "header"):
            self._in.append(tag)
        if tag == "a" and attrs.get("href"):
            (self.main if "main" in self._in else self.nav if "header" in self._in else []).append(attrs["href"])

    def handle_endtag(self, tag):
        if tag in ("nav", "main", "header") and tag in self._in:
            self._in.remove(tag)


def links_of(html):
    parser = Links()
    parser.feed(html)
    keep = [h for h in (*parser.nav, *parser.main) if h.startswith("/") and not SKIP.search(h)]
    return list(dict.fromkeys(parser.nav)), list(dict.fromkeys(h for h in parser.main if h in keep))


@pytest.fixture
def lookups(monkeypatch):
    """Every message id looked up while Chinese is active: {id: set of pages}."""
    seen = defaultdict(set)
    current = {"page": ""}
    cls = trans_real.DjangoTranslation
    original_gettext, original_ngettext = cls.gettext, cls.ngettext

    def gettext(self, message):
        if self.language() == CHINESE:
            seen[message].add(current["page"])
        return original_gettext(self, message)

    def ngettext(self, msgid1, msgid2, n):
        if self.language() == CHINESE:
            seen[(msgid1, 0)].add(current["page"])
        return original_ngettext(self, msgid1, msgid2, n)

    monkeypatch.setattr(cls, "gettext", gettext)
    monkeypatch.setattr(cls, "ngettext", ngettext)
    return seen, current


def missing_from_catalog(seen):
    """Ids the Chinese catalog lacks; an id without a Latin letter (a language's own name such as
    简体中文, a separator) needs none."""
    catalog = trans_real.translation(CHINESE)._catalog
    return {
        key: pages for key, pages in seen.items()
        if key and key not in catalog and re.search("[A-Za-z]", key if isinstance(key, str) else key[0])
    }


def crawl(client, current):
    """The home page, every page of the navigation, and a few records and forms from each of them."""
    visited, statuses = [], {}

    def get(url):
        current["page"] = url
        response = client.get(url, follow=True)
        statuses[url] = response.status_code
        visited.append(url)
        ctype = response.get("Content-Type", "")
        return response.content.decode() if "html" in ctype else ""

    nav, _main = links_of(get("/"))
    pages = [h for h in nav if h.startswith("/") and not SKIP.search(h)]
    for url in pages:
        if url in statuses:
            continue
        _nav, main = links_of(get(url))
        followed = 0
        for link in main:
            path = urlsplit(link).path
            if followed >= FOLLOW_PER_PAGE or link in statuses or path == urlsplit(url).path:
                continue
            get(link)
            followed += 1
    return pages, statuses


@pytest.fixture
def demo(db):
    call_command("demo", stdout=open("/dev/null", "w"))


def test_every_page_of_the_navigation_has_a_chinese_translation_for_each_role(demo, client, lookups):
    seen, current = lookups
    Group.objects.get_or_create(name="mentor")
    faculty = Institution.objects.filter(parent__is_home=True).order_by("pk").first()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = CHINESE
    crawled = {}
    for role in ROLES:
        user = make_user(f"crawl-{role}", role, faculty=faculty if role == "coordinator" else None)
        client.force_login(user)
        pages, statuses = crawl(client, current)
        crawled[role] = (pages, statuses)
        client.logout()
    for role, (pages, statuses) in crawled.items():
        assert pages, f"{role} sees no navigation"
        broken = {url: code for url, code in statuses.items() if code >= 500}
        assert not broken, f"{role}: pages fail: {broken}"
    assert len(crawled["admin"][1]) > 15, "the crawl reached too few pages to say anything"
    missing = missing_from_catalog(seen)
    report = "\n".join(f"  {key!r} on {sorted(pages)[:2]}" for key, pages in sorted(missing.items(), key=str)[:40])
    assert not missing, f"{len(missing)} message ids have no zh_Hans translation:\n{report}"


def test_the_recorder_notices_a_message_id_missing_from_the_catalog(lookups):
    seen, current = lookups
    current["page"] = "/nowhere/"
    untranslated = " ".join(["A sentence", "nobody has translated", "(8f3a)"])  # not a literal: not extracted
    with translation.override(CHINESE):
        translation.gettext("Partners")
        translation.gettext(untranslated)
    assert untranslated in missing_from_catalog(seen)
    assert "Partners" not in missing_from_catalog(seen)


def test_the_partner_and_person_forms_have_chinese_labels(client_for, ada):
    from django.urls import reverse

    client = client_for(ada)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = CHINESE
    for name in ("registry:institution-create", "mobility:person-create"):
        html = client.get(reverse(name)).content.decode()
        labels = [re.sub(r"<[^>]+>", "", text).strip() for text in re.findall(r"<label[^>]*>(.*?)</label>", html, re.S)]
        labels = [text for text in labels if text]
        assert len(labels) >= 3, f"{name}: the form has too few labels: {labels}"
        english = [text for text in labels if not re.search(r"[\u4e00-\u9fff]", text)]
        assert not english, f"{name}: labels not in Chinese: {english}"


def test_countries_regions_and_subjects_show_in_chinese_when_chinese_is_active(db):
    china, kenya = Country.objects.get(code="CN"), Country.objects.get(code="KE")
    with translation.override("en"):
        assert str(china) == china.display_name == china.name == "China"
        assert kenya.subregion_name == kenya.subregion == "Sub-Saharan Africa"
        assert isced.label("071") == "071 Engineering and engineering trades"
    with translation.override(CHINESE):
        assert str(china) == china.display_name == "中国"
        assert re.search(r"[\u4e00-\u9fff]", kenya.continent_name)
        assert re.search(r"[\u4e00-\u9fff]", kenya.subregion_name)
        assert re.search(r"[\u4e00-\u9fff]", region_label("Eastern Asia"))
        assert re.search(r"[\u4e00-\u9fff]", isced.label("071"))
        assert isced.label("071").startswith("071 ")
    missing = [c.code for c in Country.objects.all() if not c.name_zh]
    assert not missing, f"countries without a Chinese name: {missing}"


def test_the_report_command_writes_the_xlsx_report_in_the_language_asked_for(db, tmp_path):
    from openpyxl import load_workbook

    sheets = {}
    for language in ("en", CHINESE):
        path = tmp_path / f"report-{language}.xlsx"
        call_command("report", year=2024, fmt="xlsx", output=str(path), language=language, stdout=open("/dev/null", "w"))
        book = load_workbook(path)
        sheets[language] = (book.sheetnames, [c.value for c in book.worksheets[0][1]])
    english_names, english_header = sheets["en"]
    chinese_names, chinese_header = sheets[CHINESE]
    assert "Figures" in english_names and "Figure" in english_header
    assert len(chinese_names) == len(english_names)
    assert all(re.search(r"[\u4e00-\u9fff]", name) for name in chinese_names), chinese_names
    assert all(re.search(r"[\u4e00-\u9fff]", str(h)) for h in chinese_header), chinese_header

"""The demo gives its country groups and networks their established Chinese names (and its own
platforms and alliances theirs); one without an established Chinese name keeps it empty."""

from accord.registry import demo, demo_office
from accord.registry.models import CountryGroup, Network


def test_the_demo_gives_established_chinese_names_and_leaves_the_others_empty(db):
    demo.load()
    assert CountryGroup.objects.get(name="Belt and Road").name_zh == "一带一路"
    assert CountryGroup.objects.get(name="ASEAN").name_zh == "东盟"
    assert Network.objects.get(name="ParisTech").name_zh == "巴黎高科"
    assert Network.objects.get(name="BIT-BMSTU Joint School founders").name_zh == ""


def test_the_demo_office_names_its_platforms_and_alliances_in_chinese(db):
    demo.load()
    demo_office.load()
    platforms = Network.objects.filter(kind=Network.Kind.PLATFORM)
    assert platforms.count() == 9 and all(p.name_zh.startswith("区域合作平台：") for p in platforms)
    assert set(demo_office.NAMES_ZH) <= set(Network.objects.values_list("name", flat=True))

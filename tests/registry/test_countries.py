import pytest

from accord.registry.models import Country


@pytest.mark.django_db
@pytest.mark.parametrize(
    "code, name, continent, subregion",
    [
        ("CN", "China", "AS", "Eastern Asia"),
        ("FR", "France", "EU", "Western Europe"),
        ("BY", "Belarus", "EU", "Eastern Europe"),
        ("MA", "Morocco", "AF", "Northern Africa"),
        ("BR", "Brazil", "SA", "Latin America and the Caribbean"),
        ("AU", "Australia", "OC", "Australia and New Zealand"),
        ("XK", "Kosovo", "EU", "Southern Europe"),
    ],
)
def test_every_country_knows_its_continent_and_un_region(code, name, continent, subregion):
    country = Country.objects.get(code=code)
    assert (country.name, country.continent, country.subregion) == (name, continent, subregion)


@pytest.mark.django_db
def test_countries_come_from_iso_3166_with_chinese_names_and_common_aliases():
    assert Country.objects.count() >= 249
    assert Country.objects.get(code="FR").name_zh == "法国"
    assert Country.objects.get(code="RU").name == "Russia"
    assert "Russian Federation" in Country.objects.get(code="RU").alt_names
    assert "Côte d'Ivoire" in Country.objects.get(code="CI").alt_names

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from accord.registry.models import Country, CountryGroup, ExternalId, Institution, InstitutionName, Network


class NameInline(admin.TabularInline):
    model = InstitutionName
    extra = 0


class ExternalIdInline(admin.TabularInline):
    model = ExternalId
    extra = 0


@admin.register(Institution)
class InstitutionAdmin(SimpleHistoryAdmin):
    list_display = ("name", "country", "kind", "status", "is_home")
    list_filter = ("kind", "status", "country__continent")
    search_fields = ("name", "names__name", "ror_id")
    raw_id_fields = ("parent", "successor", "country")
    inlines = [NameInline, ExternalIdInline]


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "continent", "subregion")
    search_fields = ("name", "code")


@admin.register(CountryGroup)
class CountryGroupAdmin(SimpleHistoryAdmin):
    list_display = ("name", "name_zh", "kind")
    search_fields = ("name", "name_zh")
    filter_horizontal = ("countries",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Network)
class NetworkAdmin(SimpleHistoryAdmin):
    list_display = ("name", "name_zh", "acronym", "kind")
    search_fields = ("name", "name_zh", "acronym")

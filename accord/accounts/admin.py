from django.contrib import admin

from accord.accounts.models import Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "faculty", "title")
    raw_id_fields = ("faculty",)

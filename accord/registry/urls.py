from accord.registry.views import groups, institutions

app_name = "registry"
urlpatterns = institutions.urlpatterns + groups.urlpatterns

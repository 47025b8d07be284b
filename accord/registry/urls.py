from accord.registry.views import groups, institutions, lookup, merge

app_name = "registry"
urlpatterns = lookup.urlpatterns + merge.urlpatterns + institutions.urlpatterns + groups.urlpatterns

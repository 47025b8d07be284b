from accord.records.tableimport_views import import_urls
from accord.mobility.views import urlpatterns as _urlpatterns

app_name = "mobility"
urlpatterns = _urlpatterns + import_urls("mobility", prefix="mobility/import/")

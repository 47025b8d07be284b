from accord.mobility.views import urlpatterns as _urlpatterns

app_name = "mobility"
urlpatterns = _urlpatterns

from accord.records.tableimport_views import import_urls
from accord.activities import views

app_name = "activities"
urlpatterns = views.urlpatterns + import_urls("activities")

from accord.records.tableimport_views import import_urls
from accord.agreements.views import agreements, documents, expiry, export, workflow

app_name = "agreements"
urlpatterns = (
    expiry.urlpatterns + agreements.urlpatterns + workflow.urlpatterns + documents.urlpatterns + export.urlpatterns
    + import_urls("agreements")
)

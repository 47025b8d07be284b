from django.urls import path

from accord.insights import views

app_name = "insights"
urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("trend/", views.TrendView.as_view(), name="trend"),
    path("map/", views.MapView.as_view(), name="map"),
    path("map/data.json", views.map_json, name="map-data"),
    path("network/", views.NetworkView.as_view(), name="network"),
    path("network/data.json", views.network_json, name="network-data"),
    path("report.<str:fmt>", views.report_download, name="report"),
    path("report.<str:fmt>/job", views.report_job, name="report-job"),
]

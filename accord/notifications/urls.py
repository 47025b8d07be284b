from django.urls import path

from accord.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("<int:pk>/open/", views.notification_open, name="open"),
    path("read/", views.notification_read_all, name="read-all"),
    path("preference/", views.preference_update, name="preference"),
]

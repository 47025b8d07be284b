from django.urls import path

from accord.accounts import views

app_name = "accounts"
urlpatterns = [path("profile/", views.ProfileView.as_view(), name="profile")]

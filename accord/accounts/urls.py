from django.urls import path

from accord.accounts import tokens, users_views, views

app_name = "accounts"
urlpatterns = [
    path("profile/", views.ProfileView.as_view(), name="profile"),
    path("profile/language/", views.language_update, name="language"),
    path("tokens/", tokens.token_create, name="token-create"),
    path("tokens/<int:pk>/revoke/", tokens.token_revoke, name="token-revoke"),
    path("users/", users_views.user_list, name="user-list"),
    path("users/new/", users_views.user_create, name="user-create"),
    path("users/<int:pk>/", users_views.user_detail, name="user-detail"),
    path("users/<int:pk>/active/", users_views.user_active, name="user-active"),
    path("users/<int:pk>/password-link/", users_views.user_password_link, name="user-password-link"),
]

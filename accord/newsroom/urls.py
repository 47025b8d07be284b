from django.urls import path

from accord.newsroom import views

app_name = "newsroom"
urlpatterns = [
    path("", views.ArticleListView.as_view(), name="article-list"),
    path("paste/", views.PasteView.as_view(), name="paste"),
    path("upload/", views.UploadView.as_view(), name="upload"),
    path("articles/<int:pk>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path("proposals/<int:pk>/accept/", views.AcceptView.as_view(), name="proposal-accept"),
    path("proposals/<int:pk>/reject/", views.RejectView.as_view(), name="proposal-reject"),
    path("proposals/<int:pk>/undo-reject/", views.UndoRejectView.as_view(), name="proposal-undo-reject"),
    path("proposals/<int:pk>/edit/", views.EditView.as_view(), name="proposal-edit"),
    path("proposals/<int:pk>/merge/", views.MergeView.as_view(), name="proposal-merge"),
]

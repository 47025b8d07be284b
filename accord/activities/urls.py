from accord.activities import views

app_name = "activities"
urlpatterns = views.urlpatterns

from accord.guidance.views import applications, calls, consultations, personal

app_name = "guidance"
urlpatterns = calls.urlpatterns + applications.urlpatterns + consultations.urlpatterns + personal.urlpatterns

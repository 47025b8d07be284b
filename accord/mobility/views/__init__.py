from accord.mobility.views import mobilities, people, programs, students

urlpatterns = students.urlpatterns + mobilities.urlpatterns + programs.urlpatterns + people.urlpatterns

from django.urls import path

from councils import views

# The council list and the council and region pages gather every app's records: the project
# adds them to this namespace (sli/urls.py, sli/pages/).
app_name = "councils"
urlpatterns = [
    path("councils/<slug:slug>/people/", views.people, name="people"),
    path("councils/<slug:slug>/people/<int:pk>/remove/", views.remove_person, name="remove_person"),
]

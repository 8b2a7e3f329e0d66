from django.urls import path

from councils import views

app_name = "councils"
urlpatterns = [
    path("councils/", views.council_list, name="list"),
    path("councils/<slug:slug>/", views.council_detail, name="detail"),
    path("councils/<slug:slug>/people/", views.people, name="people"),
    path("councils/<slug:slug>/people/<int:pk>/remove/", views.remove_person, name="remove_person"),
    path("regions/<slug:slug>/", views.region_detail, name="region"),
]

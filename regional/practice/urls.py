from django.urls import path

from regional.practice import views

urlpatterns = [
    path("regions/<slug:slug>/practice/", views.directory_page, name="directory"),
    path("practice/new/", views.new_practice, name="new_practice"),
    path("practice/<int:pk>/", views.practice_detail, name="practice"),
    path("councils/<slug:slug>/matches/", views.matches, name="matches"),
    path("regions/<slug:slug>/reciprocity/", views.reciprocity_page, name="reciprocity"),
]

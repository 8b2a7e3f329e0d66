from django.urls import path

from regional.thematic import views

urlpatterns = [
    path("regions/<slug:slug>/themes/", views.themes, name="themes"),
    path("regions/<slug:slug>/themes/new/", views.new_theme, name="new_theme"),
    path("themes/<int:pk>/", views.theme, name="theme"),
    path(
        "themes/<int:pk>/councils/<slug:slug>/",
        views.council_self_assessment,
        name="council_self_assessment",
    ),
    path("self-assessments/<int:pk>/", views.self_assessment, name="self_assessment"),
]

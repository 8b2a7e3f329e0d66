from django.urls import path

from improvement_plans.self_assessment import views

app_name = "self_assessment"
urlpatterns = [
    path(
        "councils/<slug:slug>/cqc-self-assessments/",
        views.self_assessments,
        name="list",
    ),
    path(
        "councils/<slug:slug>/cqc-self-assessments/new/",
        views.new_self_assessment,
        name="new",
    ),
    path("cqc-self-assessments/<int:pk>/", views.self_assessment, name="detail"),
    path(
        "cqc-self-assessments/<int:pk>/statements/<int:number>/",
        views.edit_statement,
        name="statement",
    ),
    path("cqc-self-assessments/<int:pk>/submit/", views.submit_self_assessment, name="submit"),
    path(
        "cqc-self-assessments/ratings/<int:pk>/challenge/",
        views.challenge_rating,
        name="challenge",
    ),
    path("cqc-self-assessments/challenges/<int:pk>/answer/", views.answer, name="answer"),
]

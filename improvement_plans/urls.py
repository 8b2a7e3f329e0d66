from django.urls import path

from improvement_plans import views

app_name = "improvement_plans"
urlpatterns = [
    path("plans/<int:pk>/", views.plan_detail, name="plan"),
    path("plans/<int:pk>/publish/", views.publish_plan, name="publish_plan"),
    path("actions/<int:pk>/", views.action_detail, name="action"),
    path("evidence/<int:pk>/", views.download_evidence, name="evidence"),
]

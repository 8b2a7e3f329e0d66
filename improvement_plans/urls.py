from django.urls import path

from improvement_plans import views

app_name = "improvement_plans"
urlpatterns = [
    path("plans/<int:pk>/", views.plan_detail, name="plan"),
    path("actions/<int:pk>/", views.action_detail, name="action"),
]

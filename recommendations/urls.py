from django.urls import path

from recommendations import views

app_name = "recommendations"
urlpatterns = [
    path("<int:pk>/", views.recommendation_detail, name="detail"),
    path("<int:pk>/amend/", views.amend, name="amend"),
]

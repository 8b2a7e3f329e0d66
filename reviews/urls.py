from django.urls import path

from reviews import views

app_name = "reviews"
urlpatterns = [
    path("<int:pk>/", views.review_detail, name="detail"),
    path("<int:pk>/publish/", views.publish_letter, name="publish"),
]

from django.urls import path

from improvement_plans.prepared import views

urlpatterns = [
    path("files/<int:pk>/", views.prepared_file, name="prepared_file"),
    path("files/<int:pk>/download/", views.download_prepared_file, name="download_prepared_file"),
    path("files/<int:pk>/retry/", views.retry_prepared_file, name="retry_prepared_file"),
]

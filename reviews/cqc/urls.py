from django.urls import path

from reviews.cqc import views

app_name = "cqc"
urlpatterns = [
    path("new/", views.new_assessment, name="new"),
    path("<int:pk>/", views.assessment, name="assessment"),
    path("<int:pk>/scores/", views.edit_assessment, name="edit"),
    path("<int:pk>/statements/<int:number>/", views.edit_areas, name="areas"),
    path("<int:pk>/paste/", views.paste_report, name="paste"),
    path("<int:pk>/factual-accuracy/", views.corrections, name="corrections"),
    path("<int:pk>/factual-accuracy.xlsx", views.corrections_xlsx, name="corrections_xlsx"),
]

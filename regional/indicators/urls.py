from django.urls import path

from regional.indicators import views

urlpatterns = [
    path("regions/<slug:slug>/indicators/", views.indicators, name="indicators"),
    path("regions/<slug:slug>/indicators/new-measure/", views.new_measure, name="new_measure"),
    path("regions/<slug:slug>/indicators/import/", views.import_readings, name="import_readings"),
    path("measures/<int:pk>/", views.measure, name="measure"),
    path("measures/<int:pk>/readings/new/", views.new_reading, name="new_reading"),
]

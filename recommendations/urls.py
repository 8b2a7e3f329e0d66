from django.urls import path

from recommendations import views

# A recommendation's page and the list are added by the project (sli/urls.py): they show the
# actions answering each recommendation.
app_name = "recommendations"
urlpatterns = [
    path("<int:pk>/edit/", views.edit_recommendation, name="edit"),
    path("<int:pk>/delete/", views.delete, name="delete"),
    path("<int:pk>/move/", views.move, name="move"),
    path("<int:pk>/amend/", views.amend, name="amend"),
    path("<int:pk>/respond/", views.respond, name="respond"),
    path("responses/<int:review_pk>/", views.respond_all, name="respond_all"),
    path("<int:pk>/assess/", views.assess, name="assess"),
    path("new/<int:review_pk>/", views.new_recommendation, name="new"),
    path("paste/<int:review_pk>/", views.paste, name="paste"),
    path("from-cqc-areas/<int:review_pk>/", views.from_cqc_areas, name="from_cqc_areas"),
]

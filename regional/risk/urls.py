from django.urls import path

from regional.risk import views

urlpatterns = [
    path("regions/<slug:slug>/triggers/", views.triggers, name="triggers"),
    path("regions/<slug:slug>/triggers/new/", views.new_trigger, name="new_trigger"),
    path("triggers/<int:pk>/edit/", views.edit_trigger, name="edit_trigger"),
    path("triggers/<int:pk>/retire/", views.retire_trigger, name="retire_trigger"),
    path("regions/<slug:slug>/support/", views.support_menu, name="support_menu"),
    path("regions/<slug:slug>/support/new/", views.new_support_type, name="new_support_type"),
    path("support/<int:pk>/edit/", views.edit_support_type, name="edit_support_type"),
    path("regions/<slug:slug>/risk/<int:year>/", views.risk_year, name="risk_year"),
    path("risk/<int:pk>/", views.assessment_detail, name="assessment"),
    path("risk/<int:pk>/assessment.xlsx", views.assessment_xlsx, name="assessment_xlsx"),
    path("risk/<int:pk>/ratings/", views.assessment_ratings, name="assessment_ratings"),
    path("risk/<int:pk>/concern/", views.assessment_concern, name="assessment_concern"),
    path("risk/<int:pk>/discussion/", views.assessment_discussion, name="assessment_discussion"),
    path("risk/<int:pk>/finalise/", views.finalise_assessment, name="finalise_assessment"),
    path("risk/<int:pk>/comment/", views.add_comment, name="assessment_comment"),
    path("risk/<int:pk>/offers/new/", views.new_offer, name="new_offer"),
    path("risk/offers/<int:pk>/", views.offer, name="offer"),
    path("councils/<slug:slug>/risk/", views.council_risk, name="council_risk"),
]

from django.urls import include, path

from reviews import views

# The review's own page is added by the project (sli/urls.py): it shows how far the plans
# have put its recommendations into effect.
app_name = "reviews"
urlpatterns = [
    path("new/", views.new_review, name="new"),
    path("<int:pk>/edit/", views.edit_review, name="edit"),
    path("<int:pk>/team/", views.edit_team, name="team"),
    path("<int:pk>/scope/", views.edit_scope, name="scope"),
    path("<int:pk>/judgements/", views.edit_judgements, name="judgements"),
    path("<int:pk>/stage/", views.change_status, name="status"),
    path("<int:pk>/findings/", views.findings, name="findings"),
    path("<int:pk>/findings/paste/", views.paste_findings, name="paste_findings"),
    path("findings/<int:pk>/edit/", views.edit_finding, name="edit_finding"),
    path("findings/<int:pk>/delete/", views.delete_finding, name="delete_finding"),
    path("<int:pk>/comments/new/", views.add_comment, name="add_comment"),
    path("comments/<int:pk>/answer/", views.answer_comment, name="answer_comment"),
    path("<int:pk>/letter/", views.letter_preview, name="letter"),
    path("<int:pk>/letter/edit/", views.edit_letter, name="edit_letter"),
    path("<int:pk>/letter.pdf", views.letter_pdf, name="letter_pdf"),
    path("<int:pk>/publish/", views.publish_letter, name="publish"),
    path("cqc/", include("reviews.cqc.urls")),
]

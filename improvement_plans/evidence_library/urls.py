from django.urls import path

from improvement_plans.evidence_library import views

app_name = "library"
urlpatterns = [
    path("councils/<slug:slug>/evidence/", views.library, name="index"),
    path("councils/<slug:slug>/evidence/new/", views.new_item, name="new"),
    path("councils/<slug:slug>/evidence/index.xlsx", views.index_xlsx, name="index_xlsx"),
    path("councils/<slug:slug>/evidence/index.pdf", views.index_pdf_view, name="index_pdf"),
    path("evidence-items/<int:pk>/edit/", views.edit_item, name="edit"),
    path("evidence-items/<int:pk>/remove/", views.remove_item, name="remove"),
    path("evidence-items/<int:pk>/file/", views.item_file, name="file"),
    path("evidence/<int:pk>/categories/", views.categorise, name="categorise"),
]

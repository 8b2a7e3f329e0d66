from django.urls import include, path

from improvement_plans import views

app_name = "improvement_plans"
urlpatterns = [
    path("councils/<slug:slug>/plans/new/", views.new_plan, name="new_plan"),
    path("plans/<int:pk>/", views.plan_detail, name="plan"),
    path("plans/<int:pk>/edit/", views.edit_plan, name="edit_plan"),
    path("plans/<int:pk>/areas/start/", views.start_plan_areas, name="start_areas"),
    path("plans/<int:pk>/actions/new/", views.new_action, name="new_action"),
    path("plans/<int:pk>/update/", views.quick_update, name="quick_update"),
    path("plans/<int:pk>/publish/", views.publish_plan, name="publish_plan"),
    path("actions/<int:pk>/", views.action_detail, name="action"),
    path("actions/<int:pk>/edit/", views.edit_action, name="edit_action"),
    path("actions/<int:pk>/milestones/", views.edit_milestones, name="milestones"),
    path("actions/<int:pk>/update/", views.update_action, name="update"),
    path("actions/<int:pk>/challenge/", views.challenge_rating, name="challenge"),
    path("actions/<int:pk>/verify/", views.verify, name="verify"),
    path("challenges/<int:pk>/answer/", views.answer_challenge, name="answer_challenge"),
    path("evidence/<int:pk>/", views.download_evidence, name="evidence"),
    path("actions/", views.action_list, name="actions"),
    path("plans/<int:pk>/export.xlsx", views.export_plan, name="export"),
    path("plans/<int:pk>/import/", views.import_plan, name="import"),
    path("plans/<int:pk>/import/result/", views.import_result, name="import_result"),
    path(
        "plans/<int:pk>/import/rows-not-imported.xlsx",
        views.import_rejected_rows,
        name="import_rejected_rows",
    ),
    path("plans/<int:pk>/report.pdf", views.report_pdf, name="report_pdf"),
    path("plans/<int:pk>/report.xlsx", views.report_xlsx, name="report_xlsx"),
    path("", include("improvement_plans.evidence_library.urls")),
    path("", include("improvement_plans.self_assessment.urls")),
    path("", include("improvement_plans.prepared.urls")),
]

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path

from councils import urls as council_urls
from improvement_plans import views as plan_views
from recommendations import urls as recommendation_urls
from reviews import urls as review_urls
from reviews import views as review_views
from sli import views
from sli.api import account
from sli.forms import ResetPasswordForm, SignInForm
from sli.opendata import views as open_data
from sli.pages import audit as audit_pages
from sli.pages import councils as council_pages
from sli.pages import recommendations as recommendation_pages
from sli.pages import reviews as review_pages
from sli.sso import views as sso_views

# An app's namespace may hold pages that gather records of apps above it: those are made at
# the project level (sli/pages/) and added to the app's own routes here.
councils_namespace = [
    path("councils/", council_pages.council_list, name="list"),
    path("councils/<slug:slug>/", council_pages.council_detail, name="detail"),
    path("regions/<slug:slug>/", council_pages.region_detail, name="region"),
    *council_urls.urlpatterns,
]
reviews_namespace = [
    path("<int:pk>/", review_pages.review_detail, name="detail"),
    *review_urls.urlpatterns,
]
recommendations_namespace = [
    path("<int:pk>/", recommendation_pages.recommendation_detail, name="detail"),
    path("", recommendation_pages.recommendation_list, name="list"),
    path("duplicates/", recommendation_pages.duplicates, name="duplicates"),
    path("<int:pk>/link-action/", recommendation_pages.link_action, name="link_action"),
    *recommendation_urls.urlpatterns,
]

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "sign-in/",
        auth_views.LoginView.as_view(
            authentication_form=SignInForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    # Single sign-on (answers "not found" unless set up): the start sends the browser to the
    # council's identity provider, which sends it back to the callback.
    path("sign-in/council-account/", sso_views.StartSignIn.as_view(), name="sso_start"),
    path(
        "sign-in/council-account/callback/",
        sso_views.FinishSignIn.as_view(),
        name="sso_callback",
    ),
    path("audit/sign-ins/", audit_pages.sign_ins, name="audit_sign_ins"),
    path("audit/roles/", audit_pages.role_changes, name="audit_roles"),
    path("", include("sli.two_factor.urls")),
    path("password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password/changed/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "password/reset/",
        auth_views.PasswordResetView.as_view(form_class=ResetPasswordForm),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("account/", account.account, name="account"),
    path("account/tokens/new/", account.new_token, name="new_api_token"),
    path("account/tokens/<int:pk>/revoke/", account.revoke_token, name="revoke_api_token"),
    path("api/", include("sli.api.urls")),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("public/", views.public_index, name="public_index"),
    path("public/letters/<int:pk>/", review_pages.public_letter, name="public_letter"),
    path("public/letters/<int:pk>.pdf", review_views.public_letter_pdf, name="public_letter_pdf"),
    path("public/plans/<int:pk>/", plan_views.public_plan, name="public_plan"),
    path("open-data/", open_data.dictionary, name="open_data"),
    re_path(
        r"^open-data/(?P<council>[-\w]+)/letters/(?P<pk>[0-9]+)\.(?P<file_format>csv|json)$",
        open_data.letter_data,
        name="open_data_letter",
    ),
    re_path(
        r"^open-data/(?P<council>[-\w]+)/plans/(?P<pk>[0-9]+)\.(?P<file_format>csv|json|ods)$",
        open_data.plan_data,
        name="open_data_plan",
    ),
    path("", include((councils_namespace, council_urls.app_name))),
    path("reviews/", include((reviews_namespace, review_urls.app_name))),
    path("recommendations/", include((recommendations_namespace, recommendation_urls.app_name))),
    path("", include("improvement_plans.urls")),
    path("", include("regional.urls")),
    path("admin/", admin.site.urls),
]

# A refusal looks like the rest of the site and says why; see templates/403.html.
handler403 = views.permission_denied

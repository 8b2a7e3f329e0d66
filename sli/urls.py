from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from improvement_plans import views as plan_views
from reviews import views as review_views
from sli import views
from sli.forms import ResetPasswordForm, SignInForm

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
    path("accessibility/", views.accessibility, name="accessibility"),
    path("public/", views.public_index, name="public_index"),
    path("public/letters/<int:pk>/", review_views.public_letter, name="public_letter"),
    path("public/letters/<int:pk>.pdf", review_views.public_letter_pdf, name="public_letter_pdf"),
    path("public/plans/<int:pk>/", plan_views.public_plan, name="public_plan"),
    path("", include("councils.urls")),
    path("reviews/", include("reviews.urls")),
    path("recommendations/", include("recommendations.urls")),
    path("", include("improvement_plans.urls")),
    path("", include("regional.urls")),
    path("admin/", admin.site.urls),
]

# A refusal looks like the rest of the site and says why; see templates/403.html.
handler403 = views.permission_denied

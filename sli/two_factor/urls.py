from django.urls import path

from sli.two_factor import views

urlpatterns = [
    path("sign-in/code/", views.code, name="two_factor_code"),
    path("account/two-factor/", views.overview, name="two_factor"),
    path("account/two-factor/set-up/", views.set_up, name="two_factor_setup"),
    path(
        "account/two-factor/recovery-codes/",
        views.recovery_codes,
        name="two_factor_recovery_codes",
    ),
    path("account/two-factor/turn-off/", views.turn_off, name="two_factor_turn_off"),
]

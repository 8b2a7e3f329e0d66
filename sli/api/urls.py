from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from sli.api import views

app_name = "api"

router = SimpleRouter()
for prefix, viewset, basename, _ in views.ENDPOINTS:
    router.register(prefix, viewset, basename=basename)

urlpatterns = [
    # The schema holds no data: anyone (and any tool) may read it.
    path(
        "v1/schema/",
        login_not_required(
            SpectacularAPIView.as_view(authentication_classes=[], permission_classes=[])
        ),
        name="schema",
    ),
    path("v1/", views.documentation, name="documentation"),
    path("v1/", include(router.urls)),
]

from django.contrib import admin
from django.db import models


class ScopedModelAdmin(admin.ModelAdmin):
    """Admin lists go through the same scoping as every page (site admins see everything)."""

    # A link typed without a scheme is taken as https (Django 6's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if hasattr(queryset, "visible_to"):
            queryset = queryset.visible_to(request.user)
        return queryset

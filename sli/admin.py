from django.contrib import admin


class ScopedModelAdmin(admin.ModelAdmin):
    """Admin lists go through the same scoping as every page (site admins see everything)."""

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if hasattr(queryset, "visible_to"):
            queryset = queryset.visible_to(request.user)
        return queryset

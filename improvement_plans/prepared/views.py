from django.core.files.storage import default_storage
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from councils.access import require, visible_or_404
from improvement_plans.prepared.files import retry, settle
from improvement_plans.prepared.models import PreparedFile

# How often the page looks again while the file is being prepared.
REFRESH_SECONDS = 3


def prepared_file(request, pk):
    """Preparing your file: refreshes itself until the file is ready or could not be made."""
    prepared = visible_or_404(PreparedFile.objects.select_related("plan"), request.user, pk=pk)
    settle(prepared)
    response = render(request, "improvement_plans/prepared_file.html", {"prepared": prepared})
    if prepared.status == PreparedFile.Status.PREPARING:
        # The browser loads the page again by itself (no script needed); its status region
        # then tells a screen reader's user what changed.
        response["Refresh"] = str(REFRESH_SECONDS)
    return response


def download_prepared_file(request, pk):
    prepared = visible_or_404(PreparedFile.objects, request.user, pk=pk)
    if prepared.status != PreparedFile.Status.READY:
        return redirect(prepared)
    return FileResponse(
        default_storage.open(prepared.stored_name, "rb"),
        as_attachment=True,
        filename=prepared.download_name,
        content_type=prepared.content_type,
    )


@require_POST
def retry_prepared_file(request, pk):
    prepared = visible_or_404(PreparedFile.objects, request.user, pk=pk)
    require(PreparedFile.objects.editable_by(request.user), prepared)
    if prepared.status == PreparedFile.Status.FAILED:
        retry(prepared)
    return redirect(prepared)

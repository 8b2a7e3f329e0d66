from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify

from councils.access import require, visible_or_404
from councils.models import Council
from improvement_plans.evidence_library.exports import index_pdf, index_workbook
from improvement_plans.evidence_library.forms import (
    CategoriesForm,
    EvidenceItemForm,
    LibraryFilterForm,
)
from improvement_plans.evidence_library.library import Library
from improvement_plans.evidence_library.models import EvidenceItem, ProgressEvidenceCategories
from improvement_plans.evidence_library.services import add_evidence_item, categorise_evidence
from improvement_plans.models import Evidence
from sli.lib.exports import XLSX_TYPE
from sli.lib.history import history_entries

READERS = "A council's evidence is read by its own people and its region's lead."
EDITORS = "A council's editors keep its evidence library."


def library_council(request, slug, *, editing=False):
    """The council if the user sees it (else 404) and may read (or keep) its evidence (else
    403)."""
    user = request.user
    council = visible_or_404(Council.objects.select_related("region"), user, slug=slug)
    require(Council.objects.for_people_or_lead(user), council, READERS)
    if editing:
        require(Council.objects.for_editor(user), council, EDITORS)
    return council


def filtered_library(request, council):
    library = Library.of(council, request.user)
    form = LibraryFilterForm(request.GET or None, library=library)
    statement, category, older_than = form.chosen()
    if older_than:
        library.older_than = older_than
    return library, form, statement, category


def library(request, slug):
    council = library_council(request, slug)
    library, form, statement, category = filtered_library(request, council)
    grid = library.grid()
    context = {
        "council": council,
        "library": library,
        "form": form,
        "grid": grid,
        "grid_warnings": library.warnings(grid),
        "filter_words": library.filter_words(statement=statement, category=category),
        "sections": library.by_statement(statement=statement, category=category),
        "is_filtered": bool(statement or category),
        "can_edit": Council.objects.for_editor(request.user).filter(pk=council.pk).exists(),
        "history": history_entries(
            (
                EvidenceItem.history.filter(council_id=council.pk),
                lambda record: f"evidence E{record.number}: {record.title}",
            ),
            (
                ProgressEvidenceCategories.history.filter(
                    evidence__update__action__plan__council=council
                ),
                "the categories of a progress update's evidence",
            ),
            limit=20,
        ),
    }
    return render(request, "improvement_plans/evidence_library/library.html", context)


def new_item(request, slug):
    council = library_council(request, slug, editing=True)
    library = Library.of(council, request.user, with_entries=False)
    form = EvidenceItemForm(request.POST or None, request.FILES or None, library=library)
    if request.method == "POST" and form.is_valid():
        item = add_evidence_item(form=form, council=council, by=request.user)
        messages.success(request, f"Evidence {item.reference} was added to the library.")
        return redirect("improvement_plans:library:index", slug=council.slug)
    context = {"council": council, "form": form, "item": None}
    return render(request, "improvement_plans/evidence_library/item_form.html", context)


def editable_item(request, pk):
    item = visible_or_404(
        EvidenceItem.objects.select_related("council__region"), request.user, pk=pk
    )
    require(EvidenceItem.objects.editable_by(request.user), item, EDITORS)
    return item


def edit_item(request, pk):
    item = editable_item(request, pk)
    library = Library.of(item.council, request.user, with_entries=False)
    form = EvidenceItemForm(
        request.POST or None, request.FILES or None, instance=item, library=library
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Evidence {item.reference} was saved.")
        return redirect("improvement_plans:library:index", slug=item.council.slug)
    context = {"council": item.council, "form": form, "item": item}
    return render(request, "improvement_plans/evidence_library/item_form.html", context)


def remove_item(request, pk):
    item = editable_item(request, pk)
    if request.method == "POST":
        item.delete()
        messages.success(request, f"Evidence {item.reference} was removed from the library.")
        return redirect("improvement_plans:library:index", slug=item.council.slug)
    return render(
        request,
        "improvement_plans/evidence_library/remove.html",
        {"council": item.council, "item": item},
    )


def item_file(request, pk):
    item = visible_or_404(EvidenceItem.objects, request.user, pk=pk)
    if not item.file:
        raise Http404("This evidence is a link, not a file.")
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.file_name)


def categorise(request, pk):
    evidence = visible_or_404(
        Evidence.objects.select_related("update__action__plan__council__region"),
        request.user,
        pk=pk,
    )
    require(Evidence.objects.editable_by(request.user), evidence, EDITORS)
    council = evidence.update.action.plan.council
    record = ProgressEvidenceCategories.objects.filter(evidence=evidence).first()
    library = Library.of(council, request.user, with_entries=False)
    # An empty POST is a choice too (no category), so the form is bound on every POST.
    data = request.POST if request.method == "POST" else None
    form = CategoriesForm(data, instance=record, library=library)
    if request.method == "POST" and form.is_valid():
        categorise_evidence(evidence=evidence, categories=form.cleaned_data["categories"])
        messages.success(request, f"The categories of “{evidence.description}” were saved.")
        return redirect("improvement_plans:library:index", slug=council.slug)
    context = {"council": council, "evidence": evidence, "form": form}
    return render(request, "improvement_plans/evidence_library/categorise.html", context)


def download_name(council, extension):
    return f'attachment; filename="{slugify(f"{council.name} evidence index")}.{extension}"'


def index_xlsx(request, slug):
    council = library_council(request, slug)
    library, _, statement, category = filtered_library(request, council)
    content = index_workbook(library, library.index(statement=statement, category=category))
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = download_name(council, "xlsx")
    return response


def index_pdf_view(request, slug):
    council = library_council(request, slug)
    library, form, statement, category = filtered_library(request, council)
    entries = library.index(statement=statement, category=category)
    chosen = library.filter_words(statement=statement, category=category)
    response = HttpResponse(
        index_pdf(library, entries, chosen=chosen), content_type="application/pdf"
    )
    response["Content-Disposition"] = download_name(council, "pdf")
    return response

import re
import secrets
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from councils.access import can_edit, require, require_editable, visible_or_404
from councils.models import Council
from improvement_plans.action_list import (
    DOWNLOADS,
    action_filters,
    action_list_download,
    is_large,
    recommendation_labels,
)
from improvement_plans.councils_seen import council_ids_seen_by
from improvement_plans.exports import plan_to_workbook, workbook_bytes
from improvement_plans.forms import (
    ActionForm,
    ChallengeAnswerForm,
    ChallengeForm,
    ImportForm,
    MilestoneFormSet,
    PlanForm,
    ProgressUpdateForm,
    QuickUpdateForm,
)
from improvement_plans.implementation import by_source, gaps
from improvement_plans.imports import ImportRefused, apply_import, read_plan_workbook
from improvement_plans.models import (
    Action,
    DueDateChange,
    Evidence,
    ImprovementArea,
    ImprovementPlan,
    Milestone,
    ProgressUpdate,
    RatingChallenge,
)
from improvement_plans.prepared.files import prepare_action_list, prepare_report_pdf
from improvement_plans.rejected_rows import rejected_rows_workbook
from improvement_plans.report import (
    default_since,
    is_long,
    render_report_pdf,
    report_filename,
    report_workbook,
)
from improvement_plans.services import record_update, save_action, start_areas, verify_completion
from improvement_plans.tables import ActionTable
from recommendations.models import Recommendation
from reviews.models import QualityStatement
from sli.lib.concurrency import Conflict, EditConflict
from sli.lib.exports import XLSX_TYPE, download_response
from sli.lib.history import history_entries
from sli.lib.page_cache import render_with_part
from sli.lib.tables import lazily_configured


def plan_detail(request, pk):
    user = request.user
    plan = visible_or_404(
        ImprovementPlan.objects.select_related("council__region").prefetch_related("reviews"),
        user,
        pk=pk,
    )
    return render_with_part(
        request,
        "improvement_plans/plan_detail.html",
        {"plan": plan},
        "improvement_plans/includes/plan_content.html",
        lambda: _plan_context(request, plan),
        councils=plan.council_ids_concerned(),
    )


def _plan_context(request, plan):
    user = request.user
    visible_recommendations = Recommendation.objects.visible_to(user)
    actions = (
        Action.objects.visible_to(user)
        .filter(plan=plan)
        .with_flags()
        .prefetch_related(recommendation_labels(visible_recommendations))
    )
    reading = request.GET.get("by")
    if reading == "source":
        sources, unsourced = by_source(actions)
        sections = {"by_source": True, "sources": sources, "unsourced_actions": unsourced}
    elif reading == "statement":
        statements, untagged = actions.prefetch_related(
            "recommendations__quality_statements"
        ).by_statement()
        sections = {
            "by_statement": True,
            "statements": statements,
            "untagged_actions": untagged,
        }
    else:
        sections = {
            "areas": ImprovementArea.objects.filter(plan=plan).prefetch_related(
                recommendation_labels(visible_recommendations),
                Prefetch("actions", queryset=actions),
            ),
            "unassigned_actions": actions.filter(area__isnull=True),
        }
    return {
        "plan": plan,
        **sections,
        "gaps": gaps(visible_recommendations.filter(review__in=plan.reviews.all())).select_related(
            "parent", "review"
        ),
        "can_edit": can_edit(ImprovementPlan.objects, user, plan),
        "quick_update_form": QuickUpdateForm(plan=plan),
        "update_form": ProgressUpdateForm(action=None),
        "history": history_entries(
            (ImprovementPlan.history.filter(id=plan.pk), "the plan"),
            (
                ImprovementArea.history.filter(plan_id=plan.pk),
                lambda record: f"Improvement Area {record.number}",
            ),
        ),
    }


def action_detail(request, pk):
    user = request.user
    # What the breadcrumbs need; the rest is read only when the page's part is not cached.
    action = visible_or_404(
        Action.objects.select_related("plan__council__region").prefetch_related(
            recommendation_labels(Recommendation.objects.visible_to(user))
        ),
        user,
        pk=pk,
    )
    return render_with_part(
        request,
        "improvement_plans/action_detail.html",
        {"action": action},
        "improvement_plans/includes/action_content.html",
        lambda: _action_context(request, action),
        # Its plan's council, and those of the recommendations it answers (prefetched above).
        councils={action.plan.council_id}
        | {
            recommendation.review.host_council_id for recommendation in action.recommendations.all()
        },
    )


def _action_context(request, shown):
    user = request.user
    action = (
        Action.objects.select_related("plan__council__region", "area", "owner_user", "verified_by")
        .with_flags()
        .with_permissions(user)
        .prefetch_related(
            Prefetch(
                "due_date_changes",
                queryset=DueDateChange.objects.select_related("changed_by"),
            ),
            Prefetch(
                "challenges",
                queryset=RatingChallenge.objects.select_related("raised_by", "answered_by"),
            ),
            recommendation_labels(Recommendation.objects.visible_to(user)),
            Prefetch("milestones", queryset=Milestone.objects.with_missed_flag()),
            Prefetch(
                "quality_statements",
                queryset=QualityStatement.objects.select_related("theme").order_by("number"),
            ),
        )
        .get(pk=shown.pk)
    )
    updates = list(
        ProgressUpdate.objects.filter(action=action)
        .select_related("author")
        .prefetch_related(Prefetch("evidence", queryset=Evidence.objects.visible_to(user)))
    )
    return {
        "action": action,
        "updates": updates,
        "readings": [update for update in updates if update.measure_reading],
        "due_date_changes": action.due_date_changes.all(),
        "challenges": action.challenges.all(),
        "can_edit": action.can_edit,
        "can_check": action.can_check,
        "history": history_entries(
            (Action.history.filter(id=action.pk), f"action {action.number}"),
            (
                Milestone.history.filter(action_id=action.pk),
                lambda record: f"the milestone “{record.text}”",
            ),
        ),
    }


@require_POST
def publish_plan(request, pk):
    plan = visible_or_404(ImprovementPlan.objects, request.user, pk=pk)
    require_editable(ImprovementPlan.objects, request.user, plan)
    publish = request.POST.get("publish") == "yes"
    plan.published_at = timezone.now() if publish else None
    plan.save(update_fields=["published_at", "updated_at"])
    if publish:
        messages.success(request, "The plan is published: anyone can read it now.")
    else:
        messages.success(request, "The plan is no longer published.")
    return redirect(plan)


def download_evidence(request, pk):
    evidence = visible_or_404(Evidence.objects, request.user, pk=pk)
    if not evidence.file:
        raise Http404("This evidence is a link, not a file.")
    return FileResponse(evidence.file.open("rb"), as_attachment=True)


@login_not_required
def public_plan(request, pk):
    plan = get_object_or_404(ImprovementPlan.objects.published().select_related("council"), pk=pk)
    public_recommendations = Recommendation.objects.public()
    actions = (
        Action.objects.public()
        .filter(plan=plan)
        .with_flags()
        .prefetch_related(recommendation_labels(public_recommendations))
    )
    areas = (
        ImprovementArea.objects.filter(plan=plan)
        .with_public_references()
        .prefetch_related(
            recommendation_labels(public_recommendations), Prefetch("actions", queryset=actions)
        )
    )
    return render(
        request,
        "public/plan.html",
        {"plan": plan, "areas": areas, "unassigned_actions": actions.filter(area__isnull=True)},
    )


def editable_plan(request, pk):
    plan = visible_or_404(
        ImprovementPlan.objects.select_related("council__region"), request.user, pk=pk
    )
    require_editable(ImprovementPlan.objects, request.user, plan)
    return plan


def editable_action(request, pk):
    action = visible_or_404(
        Action.objects.select_related("plan__council__region", "area"), request.user, pk=pk
    )
    require_editable(Action.objects, request.user, action)
    return action


@transaction.atomic  # the plan (or milestones) and its links: all or nothing
def new_plan(request, slug):
    council = visible_or_404(Council.objects.select_related("region"), request.user, slug=slug)
    require(Council.objects.for_editor(request.user), council)
    form = PlanForm(request.POST or None, council=council, user=request.user)
    if request.method == "POST" and form.is_valid():
        plan = form.save(commit=False)
        plan.council = council
        plan.save()
        form.save_m2m()
        messages.success(request, f"“{plan.title}” was created.")
        return redirect(plan)
    return render(request, "improvement_plans/plan_form.html", {"form": form, "council": council})


@transaction.atomic  # the plan (or milestones) and its links: all or nothing
def edit_plan(request, pk):
    plan = editable_plan(request, pk)
    form = PlanForm(request.POST or None, instance=plan, council=plan.council, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "The plan was saved.")
        return redirect(plan)
    return render(
        request,
        "improvement_plans/plan_form.html",
        {"form": form, "council": plan.council, "plan": plan},
    )


@require_POST
def start_plan_areas(request, pk):
    plan = editable_plan(request, pk)
    added = start_areas(plan=plan)
    if added:
        messages.success(
            request,
            f"{added} improvement area{pluralize(added)} added, one per accepted recommendation.",
        )
    else:
        messages.info(request, "Every accepted recommendation already has an improvement area.")
    return redirect(plan)


def new_action(request, pk):
    plan = editable_plan(request, pk)
    return _action_form(request, plan, Action(plan=plan, start_date=timezone.localdate()))


def edit_action(request, pk):
    action = editable_action(request, pk)
    return _action_form(request, action.plan, action)


def _action_form(request, plan, action):
    form = ActionForm(request.POST or None, instance=action, plan=plan)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            action = save_action(form=form, by=request.user)
        except EditConflict:
            conflict = Conflict(form)
            form = conflict.form_again(ActionForm, plan=plan)
        else:
            messages.success(request, f"Action {action.number} was saved.")
            return redirect(action)
    return render(
        request,
        "improvement_plans/action_form.html",
        {"form": form, "plan": plan, "action": action, "conflict": conflict},
    )


@transaction.atomic  # the plan (or milestones) and its links: all or nothing
def edit_milestones(request, pk):
    action = editable_action(request, pk)
    formset = MilestoneFormSet(request.POST or None, instance=action, prefix="milestones")
    if request.method == "POST" and formset.is_valid():
        formset.save()
        messages.success(request, "The milestones were saved.")
        return redirect(action)
    return render(
        request, "improvement_plans/milestones_form.html", {"formset": formset, "action": action}
    )


def update_action(request, pk):
    action = editable_action(request, pk)
    form = ProgressUpdateForm(request.POST or None, request.FILES or None, action=action)
    if request.method == "POST" and form.is_valid():
        record_update(action=action, form=form, by=request.user)
        messages.success(request, f"Action {action.number} was updated.")
        return redirect(action.plan if request.POST.get("next") == "plan" else action)
    return render(request, "improvement_plans/update_form.html", {"form": form, "action": action})


@require_POST
def quick_update(request, pk):
    plan = editable_plan(request, pk)
    chooser = QuickUpdateForm(request.POST, plan=plan)
    if not chooser.is_valid():
        messages.error(request, "Choose the action to update")
        return redirect(plan)
    action = chooser.cleaned_data["action"]
    form = ProgressUpdateForm(request.POST, request.FILES or None, action=action)
    if form.is_valid():
        record_update(action=action, form=form, by=request.user)
        messages.success(request, f"Action {action.number} was updated.")
        return redirect(plan.get_absolute_url() + f"#action-{action.number}")
    return render(
        request,
        "improvement_plans/update_form.html",
        {"form": form, "action": action, "back_to_plan": True},
    )


def challenge_rating(request, pk):
    action = visible_or_404(
        Action.objects.select_related("plan__council__region"), request.user, pk=pk
    )
    require(Action.objects.checkable_by(request.user), action)
    form = ChallengeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        challenge = form.save(commit=False)
        challenge.action, challenge.raised_by, challenge.rag_challenged = (
            action,
            request.user,
            action.rag,
        )
        challenge.save()
        messages.success(request, "Your challenge was recorded. The council will answer it.")
        return redirect(challenge)
    return render(
        request, "improvement_plans/challenge_form.html", {"form": form, "action": action}
    )


def answer_challenge(request, pk):
    challenge = visible_or_404(
        RatingChallenge.objects.select_related("action__plan__council__region"), request.user, pk=pk
    )
    require_editable(RatingChallenge.objects, request.user, challenge)
    form = ChallengeAnswerForm(request.POST or None, instance=challenge)
    if request.method == "POST" and form.is_valid():
        challenge = form.save(commit=False)
        challenge.answered_by, challenge.answered_at = request.user, timezone.now()
        challenge.save()
        messages.success(request, "The council's answer was recorded.")
        return redirect(challenge)
    return render(
        request,
        "improvement_plans/challenge_answer_form.html",
        {"form": form, "challenge": challenge, "action": challenge.action},
    )


@require_POST
def verify(request, pk):
    action = visible_or_404(Action.objects, request.user, pk=pk)
    require(Action.objects.checkable_by(request.user).completed(), action)
    verify_completion(action=action, by=request.user)
    messages.success(request, f"The completion of action {action.number} is marked verified.")
    return redirect(action)


def action_list(request):
    # Built on first use: not at all for a page whose cached parts are fresh.
    filters = SimpleLazyObject(lambda: action_filters(request))
    export_format = request.GET.get("export")
    if export_format in DOWNLOADS and filters.is_valid():
        if is_large(filters.qs):
            prepared = prepare_action_list(by=request.user, query=request.GET.urlencode())
            return redirect(prepared)
        content, content_type, filename = action_list_download(
            filters.qs, request.GET, user=request.user
        )
        return download_response(content, content_type, filename)

    def make_table():
        return ActionTable(filters.qs if filters.is_valid() else filters.queryset.none())

    return render(
        request,
        "improvement_plans/action_list.html",
        {
            "filter": filters,
            "table": lazily_configured(make_table, request, "action"),
            "councils_seen": council_ids_seen_by(request.user),
        },
    )


def _report_options(request):
    """The date of the previous report from ``?since=YYYY-MM-DD`` (six months back when not
    given; None when it is not a date or in the future) and whether ``?copy=public``."""
    today = timezone.localdate()
    since = default_since(today)
    if raw := request.GET.get("since", "").strip():
        try:
            since = date.fromisoformat(raw)
        except ValueError:
            since = None
        if since is not None and since > today:
            since = None
    return since, request.GET.get("copy") == "public"


def _report_response(request, pk, extension, render):
    plan = visible_or_404(ImprovementPlan.objects.select_related("council"), request.user, pk=pk)
    since, public = _report_options(request)
    if since is None:
        return HttpResponseBadRequest(
            "Give the date of the previous report as YYYY-MM-DD, not in the future.",
            content_type="text/plain; charset=utf-8",
        )
    content, content_type, disposition = render(plan, since, public)
    return download_response(
        content, content_type, report_filename(plan, extension), disposition=disposition
    )


def report_pdf(request, pk):
    """The progress report for scrutiny as a PDF; ``?copy=public`` leaves exempt items out. A
    long one is prepared in the background."""
    plan = visible_or_404(ImprovementPlan.objects, request.user, pk=pk)
    since, public = _report_options(request)
    if since is not None and is_long(plan):
        prepared = prepare_report_pdf(by=request.user, plan=plan, since=since, public=public)
        return redirect(prepared)

    def render(plan, since, public):
        pdf = render_report_pdf(plan, user=request.user, since=since, public=public)
        return pdf, "application/pdf", "inline"

    return _report_response(request, pk, "pdf", render)


def report_xlsx(request, pk):
    """The progress report as an Excel workbook, with the same figures as the PDF."""

    def render(plan, since, public):
        workbook = report_workbook(plan, user=request.user, since=since, public=public)
        return workbook_bytes(workbook), XLSX_TYPE, "attachment"

    return _report_response(request, pk, "xlsx", render)


def export_plan(request, pk):
    plan = visible_or_404(ImprovementPlan.objects.select_related("council"), request.user, pk=pk)
    workbook = plan_to_workbook(
        plan,
        actions=Action.objects.visible_to(request.user).filter(plan=plan),
        recommendations=Recommendation.objects.visible_to(request.user),
    )
    name = f"{slugify(plan.title)[:80]}-{timezone.localdate():%Y-%m-%d}.xlsx"
    return download_response(workbook_bytes(workbook), XLSX_TYPE, name)


def import_plan(request, pk):
    """Upload a spreadsheet, see what each row would do, then confirm. The upload is kept in
    storage between the two steps (a preview cannot live in the session) and read again."""
    plan = editable_plan(request, pk)
    if request.POST.get("step") == "apply":
        return _apply_import(request, plan)
    form = ImportForm(request.POST or None, request.FILES or None)
    preview = upload_name = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        preview = read_plan_workbook(upload, plan=plan)
        if preview.is_valid or preview.can_import_valid_rows:
            upload.seek(0)
            upload_name = default_storage.save(f"imports/plan-{plan.pk}/{upload.name}", upload)
    valid_rows_only = form.is_bound and form.is_valid() and form.valid_rows_only()
    return _import_page(request, plan, form, preview, upload_name, valid_rows_only)


def _import_page(request, plan, form, preview, upload_name, valid_rows_only):
    context = {
        "plan": plan,
        "form": form,
        "preview": preview,
        "upload_name": upload_name,
        "valid_rows_only": valid_rows_only,
        "choices": {"all": ImportForm.ALL_OR_NOTHING, "valid": ImportForm.VALID_ROWS},
    }
    return render(request, "improvement_plans/import.html", context)


def _apply_import(request, plan):
    """Import the checked upload: all of it, or its valid rows with the others kept to give
    back. Nothing is saved if the import is refused."""
    upload_name = request.POST.get("upload", "")
    if not _is_import_upload(upload_name, plan):
        messages.error(request, "Upload the spreadsheet again: the one checked has expired")
        return redirect("improvement_plans:import", pk=plan.pk)
    valid_rows_only = request.POST.get("if_problems") == ImportForm.VALID_ROWS
    with default_storage.open(upload_name, "rb") as upload:
        preview = read_plan_workbook(upload, plan=plan)
    rejected = rejected_rows_workbook(preview) if valid_rows_only else None
    try:
        result = apply_import(preview, plan=plan, by=request.user, valid_rows_only=valid_rows_only)
    except ImportRefused as refusal:
        messages.error(request, str(refusal))
        form = ImportForm(initial={"if_problems": request.POST.get("if_problems")})
        return _import_page(request, plan, form, preview, upload_name, valid_rows_only)
    default_storage.delete(upload_name)
    messages.success(request, f"The spreadsheet was imported: {result}")
    if not rejected:
        return redirect(plan)
    token = secrets.token_hex(16)
    default_storage.save(_rejected_rows_name(plan, token), ContentFile(rejected))
    request.session[f"import-rejected-{token}"] = result.rejected
    return redirect(f"{reverse('improvement_plans:import_result', args=[plan.pk])}?rows={token}")


def import_result(request, pk):
    """After importing the valid rows: how many were left out, and the file of them."""
    plan = editable_plan(request, pk)
    token = request.GET.get("rows", "")
    if not _rejected_rows_exist(plan, token):
        return _rejected_rows_gone(request, plan)
    rejected = request.session.get(f"import-rejected-{token}")
    return render(
        request,
        "improvement_plans/import_result.html",
        {"plan": plan, "token": token, "rejected": rejected},
    )


def import_rejected_rows(request, pk):
    plan = editable_plan(request, pk)
    token = request.GET.get("rows", "")
    if not _rejected_rows_exist(plan, token):
        return _rejected_rows_gone(request, plan)
    return FileResponse(
        default_storage.open(_rejected_rows_name(plan, token), "rb"),
        as_attachment=True,
        filename=f"{slugify(plan.title)[:60]}-rows-not-imported.xlsx",
        content_type=XLSX_TYPE,
    )


def _rejected_rows_name(plan, token):
    return f"imports/plan-{plan.pk}/rejected-{token}.xlsx"


def _rejected_rows_exist(plan, token):
    """Only a file this plan's import wrote, named by the token it was given."""
    return bool(re.fullmatch(r"[0-9a-f]{32}", token)) and default_storage.exists(
        _rejected_rows_name(plan, token)
    )


def _rejected_rows_gone(request, plan):
    messages.error(
        request,
        "The rows that were not imported are no longer kept: correct them in your spreadsheet "
        "and import it again",
    )
    return redirect("improvement_plans:import", pk=plan.pk)


def _is_import_upload(name, plan):
    """Only a file this plan's import saved may be read back (not any path a form sends)."""
    return (
        name.startswith(f"imports/plan-{plan.pk}/")
        and ".." not in name
        and default_storage.exists(name)
    )

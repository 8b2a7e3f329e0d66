"""Daily reminders: each owner of actions gets one email about what needs their attention.

``send_reminders`` is run once a day: ``manage.py send_reminders`` (from cron) queues the task
``send_reminders_in_background`` for the worker (``manage.py db_worker``), or, with ``--now``,
sends them itself. A user
gets at most one reminder a day, however often it runs: each one sent is recorded in
``ReminderSent``, whose unique (user, day) also stops two overlapping runs sending twice.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.timesince import timesince
from django_tasks import task

from councils.models import Membership
from improvement_plans.models import Action, ImprovementPlan, Milestone, ReminderSent
from sli.lib import mail

DAYS_AHEAD = 14


@dataclass
class Digest:
    """What one owner is reminded of on one day."""

    user: AbstractBaseUser
    today: date
    overdue_actions: list[Action] = field(default_factory=list)
    milestones_due: list[Milestone] = field(default_factory=list)

    @property
    def subject(self):
        parts = []
        if self.overdue_actions:
            parts.append(_count(len(self.overdue_actions), "overdue action", "overdue actions"))
        if self.milestones_due:
            parts.append(_count(len(self.milestones_due), "milestone", "milestones") + " due soon")
        return "Sector-led improvement: " + ", ".join(parts)

    def digest(self, base_url):
        """The owner's overdue actions and milestones due soon, each with its link."""
        base_url = base_url.rstrip("/")
        paragraphs = []
        if self.overdue_actions:
            paragraphs.append("Overdue actions")
            for action in self.overdue_actions:
                late = timesince(action.due_date, self.today, depth=1).replace("\xa0", " ")
                paragraphs.append(
                    f"{_label(action)} — due {_day(action.due_date)}, {late} overdue\n"
                    f"{base_url}{action.get_absolute_url()}"
                )
        if self.milestones_due:
            paragraphs.append(f"Milestones due in the next {DAYS_AHEAD} days")
            for milestone in self.milestones_due:
                when = _days_until(milestone.due_date, self.today)
                paragraphs.append(
                    f"{milestone.text} — due {_day(milestone.due_date)} ({when})\n"
                    f"On {_label(milestone.action)}\n"
                    f"{base_url}{milestone.get_absolute_url()}"
                )
        return "\n\n".join(paragraphs)

    def personalisation(self, base_url):
        """The fields of the "reminder" e-mail (templates/email/reminder.txt, or the Notify
        template of the same fields): plain text, links written out, no attachment."""
        return {
            "name": self.user.first_name or self.user.get_username(),
            "subject": self.subject,
            "digest": self.digest(base_url),
        }


def reminders_due(today):
    """One digest per owner with something to be reminded of on ``today``: their open actions
    past due, and milestones not yet done on their open actions due within DAYS_AHEAD days
    (today included). Only owners who are active users with an email address.

    Two queries, however many actions; grouped by owner here.
    """
    # Only owners who still hold a role for the plan's council, on plans still running.
    still_on_the_council = Exists(
        Membership.objects.filter(user=OuterRef("owner_user"), council=OuterRef("plan__council"))
    )
    reachable_owner = (
        Q(owner_user__is_active=True)
        & ~Q(owner_user__email="")
        & ~Q(plan__status=ImprovementPlan.Status.CLOSED)
        & Q(still_on_the_council)
    )
    actions = (
        Action.objects.overdue(today)
        .filter(reachable_owner)
        .select_related("plan", "owner_user")
        .order_by("due_date", "plan__title", "number")
    )
    milestones = (
        Milestone.objects.filter(
            done_on__isnull=True,
            due_date__gte=today,
            due_date__lte=today + timedelta(days=DAYS_AHEAD),
            action__in=Action.objects.open().filter(reachable_owner),
        )
        .select_related("action__plan", "action__owner_user")
        .order_by("due_date", "action__plan__title", "action__number", "pk")
    )
    digests = {}

    def digest_for(user):
        return digests.setdefault(user.pk, Digest(user=user, today=today))

    for action in actions:
        digest_for(action.owner_user).overdue_actions.append(action)
    for milestone in milestones:
        digest_for(milestone.action.owner_user).milestones_due.append(milestone)
    return sorted(digests.values(), key=lambda digest: digest.user.pk)


def send_reminders(*, today=None, base_url):
    """Email each owner their digest for ``today``, unless they already had it; links start
    with ``base_url`` (e.g. "https://sli.example.gov.uk"). Returns how many were sent.

    Each reminder is claimed before it is sent by its ReminderSent record, which then keeps
    the outcome: sent (with Notify's reference), or failed after the retries (with why). A
    failed one is sent again by the next run that day; one that failed stays on record.
    """
    today = today or timezone.localdate()
    # Read before the digests, so that a run overlapping this one and sending in between is
    # caught by the claim below rather than here.
    done = set(
        ReminderSent.objects.filter(sent_on=today)
        .exclude(status=ReminderSent.Status.FAILED)
        .values_list("user_id", flat=True)
    )
    sent = 0
    for digest in reminders_due(today):
        if digest.user.pk in done:
            continue
        record = _claim(digest.user, today)
        if record is None:
            continue
        try:
            outcome = mail.send("reminder", digest.user.email, digest.personalisation(base_url))
        except mail.MailNotSent as failure:
            record.finish(ReminderSent.Status.FAILED, failure.attempts, error=failure.reason)
        else:
            record.finish(ReminderSent.Status.SENT, outcome.attempts, reference=outcome.reference)
            sent += 1
    return sent


@task()
def send_reminders_in_background(*, day, base_url):
    """``send_reminders`` for the day (YYYY-MM-DD), in the task worker."""
    return send_reminders(today=date.fromisoformat(day), base_url=base_url)


def _claim(user, today):
    """This run's record of the reminder to ``user`` on ``today``, or None when another run
    has sent it or is sending it (the unique (user, day) decides between overlapping runs)."""
    try:
        with transaction.atomic():
            return ReminderSent.objects.create(
                user=user, sent_on=today, status=ReminderSent.Status.SENDING
            )
    except IntegrityError:
        pass
    # It failed before: one run takes it up again, by one conditional update.
    retried = ReminderSent.objects.filter(
        user=user, sent_on=today, status=ReminderSent.Status.FAILED
    ).update(status=ReminderSent.Status.SENDING)
    return ReminderSent.objects.get(user=user, sent_on=today) if retried else None


def _count(n, singular, plural):
    return f"{n} {singular if n == 1 else plural}"


def _day(day):
    return format_date(day, "j F Y")


def _days_until(day, today):
    days = (day - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    return f"in {days} days"


def _label(action):
    return f"Action {action.number} ({action.plan.title}): {action.title}"

"""Every e-mail the product sends goes through ``send(template_name, to, personalisation)``.

With NOTIFY_API_KEY set (and a Notify template id for each e-mail, see settings), it goes
through GOV.UK Notify: one recipient a call, the text kept in Notify's template, filled with
the personalisation. Otherwise Django's e-mail backend sends it (SMTP, or the console when
trying the product out), rendered from ``templates/email/<name>.txt`` and
``<name>_subject.txt`` with the same personalisation, so both ways read alike.

A failed send is tried again, MAIL_SEND_ATTEMPTS times in all, waiting MAIL_RETRY_SECONDS,
then twice as long, between tries; each failure is logged, and the last raises MailNotSent
for the caller to record. A refusal that another try cannot mend (Notify's 4xx: a bad key,
template id or address) is not tried again.
"""

import logging
import smtplib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from notifications_python_client.errors import HTTPError
from notifications_python_client.notifications import NotificationsAPIClient

logger = logging.getLogger(__name__)

# The e-mails the product sends, by the name every sender uses.
TEMPLATE_NAMES = ("invitation", "password_reset", "reminder")
# Notify's answers that a later try may get past: rate limits and its own failures.
RETRYABLE_NOTIFY_STATUSES = {429} | set(range(500, 600))


@dataclass(frozen=True)
class Sent:
    attempts: int
    # Notify's id for the notification ("" when sent by SMTP), to trace it in Notify.
    reference: str


class MailNotSent(Exception):
    def __init__(self, template_name, attempts, reason):
        super().__init__(
            f"The {template_name} e-mail was not sent after {attempts} tries: {reason}"
        )
        self.attempts = attempts
        self.reason = reason


def uses_notify():
    return bool(settings.NOTIFY_API_KEY)


def send(template_name, to, personalisation):
    """Send one e-mail to the one address ``to``; returns Sent, or raises MailNotSent."""
    if template_name not in TEMPLATE_NAMES:
        raise ValueError(f"No e-mail called {template_name!r}: add it to TEMPLATE_NAMES")
    transport = send_by_notify if uses_notify() else send_by_django
    attempts = max(1, settings.MAIL_SEND_ATTEMPTS)
    for attempt in range(1, attempts + 1):
        try:
            reference = transport(template_name, to, personalisation)
        except (HTTPError, smtplib.SMTPException, OSError) as error:
            reason = describe(error)
            final = attempt == attempts or not is_retryable(error)
            (logger.error if final else logger.warning)(
                "The %s e-mail to %s failed (try %d of %d): %s",
                template_name,
                masked(to),
                attempt,
                attempts,
                reason,
            )
            if final:
                raise MailNotSent(template_name, attempt, reason) from error
            time.sleep(settings.MAIL_RETRY_SECONDS * 2 ** (attempt - 1))
        else:
            return Sent(attempts=attempt, reference=reference)
    raise AssertionError("unreachable: the last try returns or raises")


def send_by_notify(template_name, to, personalisation):
    client = NotificationsAPIClient(
        settings.NOTIFY_API_KEY, base_url=settings.NOTIFY_BASE_URL, timeout=10
    )
    response = client.send_email_notification(
        email_address=to,
        template_id=settings.NOTIFY_TEMPLATES[template_name],
        personalisation=personalisation,
    )
    return response.get("id", "")


def send_by_django(template_name, to, personalisation):
    subject = render_to_string(f"email/{template_name}_subject.txt", personalisation)
    body = render_to_string(f"email/{template_name}.txt", personalisation)
    EmailMessage(subject=" ".join(subject.split()), body=body, to=[to]).send()
    return ""


def is_retryable(error):
    if isinstance(error, HTTPError):
        return error.status_code in RETRYABLE_NOTIFY_STATUSES
    # SMTP: a server down or busy now may answer later.
    return True


def describe(error):
    if isinstance(error, HTTPError):
        return f"Notify answered {error.status_code}: {error.message}"
    return f"{type(error).__name__}: {error}"


def masked(address):
    """Enough of an address to tell messages apart in a log without writing it out."""
    local, _, domain = address.partition("@")
    return f"{local[:1]}…@{domain}"

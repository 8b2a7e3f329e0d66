"""A stand-in for GOV.UK Notify's API on 127.0.0.1, checking each request as Notify documents
it (https://docs.notifications.service.gov.uk/rest-api.html):

- ``POST /v2/notifications/email`` with ``Content-Type: application/json``;
- ``Authorization: Bearer <JWT>``, the JWT's header ``{"typ": "JWT", "alg": "HS256"}``, signed
  with the API key's secret, its claims ``iss`` = the service id and ``iat`` within 30 seconds
  of now (Notify refuses older or future tokens);
- a JSON body with ``email_address``, ``template_id`` and ``personalisation`` (an object of
  text), and nothing but the optional ``reference`` and ``email_reply_to_id`` beside them.

It answers as Notify does: 201 with the notification, or Notify's error body with 400 or 403
(and records what it refused, for the test to read). Told to, it fails with 500 first.
"""

import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt

ALLOWED_FIELDS = {"email_address", "template_id", "personalisation", "reference"}
ALLOWED_FIELDS |= {"email_reply_to_id"}
REQUIRED_FIELDS = {"email_address", "template_id"}
CLOCK_SKEW_SECONDS = 30


class NotifyServer:
    def __init__(self, *, service_id, secret, template_ids):
        self.service_id = service_id
        self.secret = secret
        self.template_ids = set(template_ids)
        self.received = []  # every request that passed the checks, as its JSON body
        self.refused = []  # (status, why) for every request that did not
        self.times = []  # when each request arrived (monotonic), passed or not
        self.failures_to_come = []  # statuses to answer with before succeeding
        self.lock = threading.Lock()
        handler = type("Handler", (NotifyHandler,), {"notify": self})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self):
        host, port = self.httpd.server_address
        return f"http://{host}:{port}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)

    def fail_next(self, *statuses):
        with self.lock:
            self.failures_to_come.extend(statuses)

    def check(self, handler):
        """Notify's own checks; returns (status, error, message) or None when all pass."""
        if handler.command != "POST" or handler.path != "/v2/notifications/email":
            return 404, "ResourceNotFound", f"No {handler.command} {handler.path}"
        authorisation = handler.headers.get("Authorization", "")
        if not authorisation.startswith("Bearer "):
            return 401, "AuthError", "Unauthorized: authentication token must be provided"
        token = authorisation.removeprefix("Bearer ")
        try:
            header = jwt.get_unverified_header(token)
            claims = jwt.decode(
                token,
                self.secret,
                algorithms=["HS256"],
                options={"require": ["iss", "iat"], "verify_iat": False},
            )
        except jwt.InvalidTokenError as error:
            return 403, "AuthError", f"Invalid token: {error}"
        if header.get("typ") != "JWT" or header.get("alg") != "HS256":
            return 403, "AuthError", f"Invalid token: header {header}"
        if claims["iss"] != self.service_id:
            return 403, "AuthError", "Invalid token: service not found"
        if abs(time.time() - claims["iat"]) > CLOCK_SKEW_SECONDS:
            return (
                403,
                "AuthError",
                "Error: Your system clock must be accurate to within 30 seconds",
            )
        if handler.headers.get("Content-Type", "").split(";")[0] != "application/json":
            return 400, "BadRequestError", "Content-Type must be application/json"
        try:
            body = json.loads(handler.body)
        except ValueError:
            return 400, "BadRequestError", "Invalid JSON supplied in POST data"
        if not isinstance(body, dict) or REQUIRED_FIELDS - body.keys():
            return 400, "ValidationError", f"Missing fields: {REQUIRED_FIELDS - set(body)}"
        if body.keys() - ALLOWED_FIELDS:
            return 400, "ValidationError", f"Additional properties: {body.keys() - ALLOWED_FIELDS}"
        if not isinstance(body["email_address"], str) or "@" not in body["email_address"]:
            return 400, "ValidationError", "email_address Not a valid email address"
        if body["template_id"] not in self.template_ids:
            return 400, "BadRequestError", "Template not found"
        personalisation = body.get("personalisation", {})
        if not isinstance(personalisation, dict) or not all(
            isinstance(value, str | int | float | list) for value in personalisation.values()
        ):
            return 400, "ValidationError", "personalisation must be an object of text values"
        handler.parsed = body
        return None


class NotifyHandler(BaseHTTPRequestHandler):
    notify: NotifyServer

    def do_POST(self):  # noqa: N802 (http.server's naming)
        length = int(self.headers.get("Content-Length") or 0)
        self.body = self.rfile.read(length)
        notify = self.notify
        with notify.lock:
            notify.times.append(time.monotonic())
        problem = notify.check(self)
        if problem:
            status, error, message = problem
            with notify.lock:
                notify.refused.append((status, message))
            return self.answer(status, {"errors": [{"error": error, "message": message}]})
        with notify.lock:
            failure = notify.failures_to_come.pop(0) if notify.failures_to_come else None
        if failure:
            error = {"error": "Exception", "message": "Internal server error"}
            return self.answer(failure, {"errors": [error], "status_code": failure})
        body = self.parsed
        with notify.lock:
            notify.received.append(body)
        notification_id = str(uuid.uuid4())
        self.answer(
            201,
            {
                "id": notification_id,
                "reference": body.get("reference"),
                "content": {"subject": "…", "body": "…", "from_email": "sli@notifications"},
                "uri": f"{notify.base_url}/v2/notifications/{notification_id}",
                "template": {"id": body["template_id"], "version": 1, "uri": ""},
            },
        )

    do_GET = do_POST  # noqa: N815 (refused by the path check, as Notify would)

    def answer(self, status, payload):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass

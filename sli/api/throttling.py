"""How often one person's tokens may call the API."""

from django.conf import settings
from rest_framework.throttling import UserRateThrottle


class RequestsPerHour(UserRateThrottle):
    """At most API_REQUESTS_PER_HOUR requests an hour for each person, counted in the default
    cache (with Redis, once for every process and host); beyond, 429 and Retry-After."""

    def get_rate(self):
        return f"{settings.API_REQUESTS_PER_HOUR}/hour"

"""The read API (Django REST framework, OpenAPI schema by drf-spectacular) and the API tokens
that sign its callers in. It reads every app, so it sits at the project level."""

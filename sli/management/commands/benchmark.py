# The benchmark is tooling (sli/tooling/benchmark/); this makes it `manage.py benchmark`.
from sli.tooling.benchmark import Command  # noqa: F401

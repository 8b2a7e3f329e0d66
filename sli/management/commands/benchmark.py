# The benchmark is tooling (sli/tooling/benchmark.py); this makes it `manage.py benchmark`.
from sli.tooling.benchmark import Command  # noqa: F401

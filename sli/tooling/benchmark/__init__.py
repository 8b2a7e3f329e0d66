"""python manage.py benchmark: the application on the national data set, measured.

On a separate PostgreSQL database (``sli_bench`` by default, created if missing) it migrates,
generates the national data set (once; ``--regenerate`` to do it again), collects the static
files and starts gunicorn on 127.0.0.1 with production settings. Then, every run bounded in
time and in requests, on loopback only:

* each main page in process with the Django test client, timing every SQL statement
  (``connection.execute_wrapper``): the page's own time beside the time of its SQL alone and
  its query count;
* each page through gunicorn with wrk (Debian's ``wrk``), 1 user and 10 users, no think time;
* a realistic mix (25 users, 2–8 s think time) and an excess mix (50 users), during each of
  which a council editor saves a progress update through the site every ``--write-every``
  seconds (10; 0 for reads only), its figures kept apart from the pages';
* the feedback letter PDF, the scrutiny report PDF, a 10,000-row .xlsx export and a 1,000-row
  .xlsx import, each in a fresh process: time and peak memory.

It writes ``benchmarks/RESULTS.md``. A section between ``<!-- analysis -->`` and
``<!-- /analysis -->`` in an existing RESULTS.md is kept (the people's reading of the figures).

Internally the command runs itself again with ``--phase`` in child processes whose
environment points at the benchmark database.

The package: ``command`` (the options), ``run`` (the orchestrator), ``database`` and ``server``
(PostgreSQL and gunicorn), ``pages`` (the pages and their user), ``measure`` (a page in
process), ``load`` (wrk and the mixes), ``writes`` (the editor saving progress updates during
the mixes), ``documents``, and ``report`` with ``machine`` (RESULTS.md).
"""

from sli.tooling.benchmark.command import Command
from sli.tooling.benchmark.load import summarise
from sli.tooling.benchmark.measure import percentile, time_page
from sli.tooling.benchmark.report import report_lines, write_report
from sli.tooling.benchmark.run import Bench

__all__ = [
    "Bench",
    "Command",
    "percentile",
    "report_lines",
    "summarise",
    "time_page",
    "write_report",
]

"""The report: benchmarks/RESULTS.md, each figure beside its goal, and the goals missed with
what the figures say about them. A section between ``<!-- analysis -->`` and
``<!-- /analysis -->`` in an existing RESULTS.md (the people's reading of the figures) is kept."""

import re
from pathlib import Path

from sli.tooling.benchmark.machine import machine_lines
from sli.tooling.benchmark.pages import FLOOR, MIX_WEIGHTS, PAGE_ORDER

ANALYSIS = re.compile(r"<!-- analysis -->.*?<!-- /analysis -->", re.S)
DEFAULT_ANALYSIS = (
    "<!-- analysis -->\n_No reading of these figures has been written yet._\n<!-- /analysis -->"
)
GOALS = {
    "mix_p95_ms": 250,
    "excess_p95_ms": 500,
    "page_floor_ms": 50,
    "page_sql_factor": 2,
    "last_page_factor": 2,
    "letter_s": 2.5,
    # Or, when longer, made by the task worker while the page shows its progress.
    "report_s": 2.5,
    "export_s": 2.5,
    "export_mb": 100,
    "import_s": 1.5,
}


def write_report(path, info, results, options):
    path = Path(path)
    kept = ""
    if path.exists():
        found = ANALYSIS.search(path.read_text())
        kept = found[0] if found else ""
    lines = report_lines(info, results, options)
    text = "\n".join(lines) + "\n"
    text = text.replace("<!-- analysis --><!-- /analysis -->", kept or DEFAULT_ANALYSIS)
    path.write_text(text)


def report_lines(info, results, options):
    # Goals added since the results were written are read from the code.
    goals = {**GOALS, **results["goals"]}
    sql = results.get("sql", {})
    single = results.get("single", {})
    mixes = results.get("mix", {})
    missed = []  # (kind, key, label, figures, value), added to by the sections in turn
    return [
        *_run_section(info, results, options),
        *_data_section(info, results.get("generation", {})),
        *_pages_section(info, sql, single, goals, options, missed),
        *_lists_section(sql, single, goals, missed),
        *_slowest_section(sql),
        *_mixes_section(mixes, goals, options, missed, info.get("writer")),
        *_documents_section(results.get("documents", {}), goals, options, missed),
        *_missed_section(missed),
        *["", "## Reading the figures", "", "<!-- analysis --><!-- /analysis -->"],
    ]


def _ms(value):
    return "–" if value is None else f"{value:,.0f}" if value >= 100 else f"{value:,.1f}"


def _mark(met):
    return "met" if met else "**missed**"


def _run_section(info, results, options):
    return [
        "# Benchmark results",
        "",
        "Written by `python manage.py benchmark` (see `make bench`); the raw figures are in "
        "`benchmarks/results.json`. Everything runs on this one machine, over loopback "
        "(127.0.0.1): PostgreSQL, gunicorn and the load generator (wrk) share its cores.",
        "",
        "## Machine and run",
        "",
        *machine_lines(),
        f"- PostgreSQL {info['postgres']} (shared_buffers {info['shared_buffers']}), "
        f"database size {info['database_bytes'] / 1e9:.2f} GB",
        f"- Run started {results['started']}, took {results.get('elapsed_s', 0) / 60:.1f} "
        f"minutes. Load average at start {results.get('load_average_start')}, at end "
        f"{results.get('load_average_end')}"
        + (
            ". **Other work was running on the machine at the same time** "
            "(load average above 1 before the benchmark started), so figures are somewhat "
            "pessimistic."
            if float(str(results.get("load_average_start", "0")).split()[0]) >= 1
            else "."
        ),
        f"- gunicorn: `sli.wsgi`, {options['workers']} sync workers, `--no-control-socket`, "
        "production settings (DEBUG off, manifest static files, a random SECRET_KEY; only "
        "HTTPS redirect, secure cookies and HSTS turned off, since loopback has no TLS).",
        f"- Every page is requested as `{info['lead']}`, the regional lead of {info['region']} "
        f"({info['region_councils']} councils, the largest region: "
        f"{info['visible_actions']:,} actions visible, {info['visible_overdue']:,} of them "
        "overdue), signed in through sessions in the database.",
    ]


def _data_section(info, generation):
    lines = ["", "## Data set", ""]
    if generation:
        when = "in this run" if generation.get("this_run") else f"on {generation.get('when')}"
        lines.append(
            f"`generate_national_data --councils {generation.get('councils')} --years "
            f"{generation.get('years')} --seed {generation.get('seed')}` took "
            f"**{generation.get('generation_s')} s** ({when}; load average then "
            f"{generation.get('load_average')})."
        )
    lines += [
        f"{info['regions']} regions, {info['generated_councils']} generated councils, "
        f"{info['generated_reviews']:,} generated reviews "
        "(the demo councils, if loaded, are counted below too).",
        "Generated rows are written with `bulk_create`, so django-simple-history has no rows "
        "for them: History sections start empty.",
        "",
        "| table | rows |",
        "|---|---:|",
    ]
    for table, count in sorted(info["rows"].items(), key=lambda item: -item[1]):
        if count:
            lines.append(f"| {table} | {count:,} |")
    return lines


def _pages_section(info, sql, single, goals, options, missed):
    lines = [
        "",
        "## Pages",
        "",
        f"Through gunicorn with wrk: each page alone, {options['duration']} s per run "
        f"(at most {options['max_requests']:,} requests), no think time. In process: the "
        f"Django test client on the same database, median of {options['repeats']} requests "
        "after a warm-up, every SQL statement timed by an execute wrapper (SQL ms is the time "
        "spent waiting for PostgreSQL, including transfer). Goal: the page (1 user, p50) "
        f"within {goals['page_sql_factor']}× its SQL time or under {goals['page_floor_ms']} ms, "
        "without errors (so a page can meet it while being slow: its time is then its SQL's). "
        "× floor: the page's 1-user p50 over the floor page's, in the same run. Pages are "
        "cached (Redis) until the data changes: built is the first request in process, which "
        "makes the page's cached parts (its queries / SQL ms / total ms); the other columns "
        "read them, as people do until something changes.",
        "",
        "| page | built: queries / SQL ms / ms | queries | SQL ms | in process ms "
        "| 1 user p50 / p95 ms | × floor "
        "| 1 user req/s | 10 users p50 / p95 ms | 10 users req/s | errors | goal |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    floor_ms = single.get(FLOOR, {}).get("one", {}).get("p50_ms")
    for key, label in PAGE_ORDER:
        lines.append(_page_row(key, label, info, sql, single, goals, missed, floor_ms))
    return lines


def times_floor(p50, floor_ms):
    """The page's time as a multiple of the floor page's ("12.3×"), or "–" without both."""
    if not p50 or not floor_ms:
        return "–"
    return f"{p50 / floor_ms:.1f}×"


def _page_row(key, label, info, sql, single, goals, missed, floor_ms=None):
    page = sql.get(key, {})
    one = single.get(key, {}).get("one", {})
    ten = single.get(key, {}).get("ten", {})
    p50 = one.get("p50_ms")
    limit = max(goals["page_floor_ms"], goals["page_sql_factor"] * page.get("sql_ms", 0))
    met = (
        p50 is not None and p50 <= limit and page.get("status") == 200 and one.get("errors", 0) == 0
    )
    errors = one.get("errors", 0) + ten.get("errors", 0)
    if one and not met:
        missed.append(("page", key, label, page, p50))
    note = info.get("notes", {}).get(key, "")
    in_process = _ms(page.get("wall_ms"))
    if page.get("status") != 200:
        in_process += f" (answered {page.get('status')}: statement timeout)"
    if "skipped" in ten:
        ten_cells = f"skipped: {ten['skipped']} | –"
    else:
        ten_cells = f"{_ms(ten.get('p50_ms'))} / {_ms(ten.get('p95_ms'))} | {ten.get('rps', '–')}"
    one_cells = (
        f"{_ms(p50)} / {_ms(one.get('p95_ms'))} | {times_floor(p50, floor_ms)} | "
        f"{one.get('rps', '–')}"
    )
    if one and p50 is None:
        one_cells = "no answer within the run | – | 0"
    return (
        f"| {label}: {note} (`{page.get('path', '')}`) | "
        f"{page.get('built_queries', '–')} / {_ms(page.get('built_sql_ms'))} / "
        f"{_ms(page.get('built_ms'))} | {page.get('queries', '–')} | "
        f"{_ms(page.get('sql_ms'))} | {in_process} | {one_cells} | {ten_cells} | "
        f"{errors} | {_mark(met) if one else '–'} |"
    )


def _lists_section(sql, single, goals, missed):
    lines = ["", "### First and last page of the lists", ""]
    lines += [
        f"Goal: the last page no slower than {goals['last_page_factor']}× the first (1 user, p50).",
        "",
        "| list | first page ms | last page ms | ratio | goal |",
        "|---|---:|---:|---:|---|",
    ]
    for first, last, label in (
        ("actions_first", "actions_last", "Actions, unfiltered"),
        ("overdue_first", "overdue_last", "Actions, overdue"),
    ):
        a = single.get(first, {}).get("one", {}).get("p50_ms")
        b = single.get(last, {}).get("one", {}).get("p50_ms")
        if a and b:
            ratio = b / a
            met = ratio <= goals["last_page_factor"]
            if not met:
                missed.append(("last", first, label, sql.get(last, {}), b))
            lines.append(f"| {label} | {_ms(a)} | {_ms(b)} | {ratio:.2f} | {_mark(met)} |")
    return lines


def _slowest_section(sql):
    lines = [
        "",
        "### Slowest statements of each page (in process)",
        "",
    ]
    for key, label in PAGE_ORDER:
        page = sql.get(key, {})
        if not page:
            continue
        lines.append(
            f"- **{label}**: "
            + "; ".join(
                f"{query['ms']} ms `{query['sql'][:160]}…`" for query in page.get("slowest", [])[:2]
            )
        )
    return lines


def _mixes_section(mixes, goals, options, missed, writer=None):
    lines = [
        "",
        "## Mixes",
        "",
        "All pages above, several objects of each kind (5 councils, 5 reviews and plans, 20 "
        "actions), weighted "
        + ", ".join(f"{key} {weight}" for key, weight in MIX_WEIGHTS.items())
        + f"; each user waits 2–8 s between requests and the users arrive over the first 8 s; "
        f"{options['mix_duration']} s per mix (and the requests still open then). The mixes "
        "are sent by the benchmark's own client (a thread a user, a new connection a request, "
        "as nginx makes them towards gunicorn): wrk keeps each connection open while its "
        "user thinks, and an idle open connection holds a gunicorn sync worker until the "
        "next request, which measures the missing proxy rather than the application.",
        *_writes_lines(options.get("write_every"), writer),
        "",
        "| mix | users | requests | req/s | p50 ms | p95 ms | max ms | errors "
        "| writes | write errors | write p95 ms | goal |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    mix_goals = {"realistic": goals["mix_p95_ms"], "excess": goals["excess_p95_ms"]}
    for name, mix in mixes.items():
        goal = mix_goals.get(name)
        write_errors = mix.get("write_errors") or 0
        if goal is None:
            goal_text = "for comparison: without " + ", ".join(mix.get("without", []))
        else:
            met = (
                mix["p95_ms"] is not None
                and mix["p95_ms"] <= goal
                and mix["errors"] == 0
                and write_errors == 0
            )
            if not met:
                missed.append(("mix", name, name, mix, mix["p95_ms"]))
            goal_text = f"p95 ≤ {goal} ms, no errors: {_mark(met)}"
        lines.append(
            f"| {name} | {mix['users']} | {mix['requests']:,} | {mix['rps']} | "
            f"{_ms(mix['p50_ms'])} | {_ms(mix['p95_ms'])} | {_ms(mix['max_ms'])} | "
            f"{mix['errors']} | {mix.get('writes', '–')} | {mix.get('write_errors', '–')} | "
            f"{_ms(mix.get('write_p95_ms'))} | {goal_text} |"
        )
    if mixes:
        lines += _mix_kinds(mixes)
    return lines


def _writes_lines(every, writer):
    """What the mixes wrote: nothing said for results from before they wrote."""
    if every is None:
        return []
    if not every:
        return [
            "",
            "The mixes only read (`--write-every 0`): nobody saved anything while they ran, so "
            "the cached pages were built once and then only read.",
        ]
    who = f"`{writer['user']}`, an editor of {writer['council']}" if writer else "an editor"
    return [
        "",
        f"During each mix a council editor ({who}) saved a progress update every {every} s, "
        "through the same gunicorn and as a person does: the update form fetched, its CSRF "
        "token and fields read, the status and RAG kept, a narrative written, and the form "
        f"posted, a save being answered by a redirect (302). The editor takes turns on "
        f"{len(writer['paths']) if writer else 'a few'} of the council's open actions on the "
        "mixes' plans. Every save moves the change stamp, so the pages cached before it are "
        "built again when next asked for, as on a working day. The read figures (requests, "
        "p50, p95, max, errors) are the pages' only; the writes are counted apart: writes, "
        "write errors (any answer but 302) and the p95 of the POSTs (the form's GET not "
        "counted). A write error misses the mix's goal as a read error does.",
    ]


def _mix_kinds(mixes):
    lines = [
        "",
        "Per kind of page in the mixes (p95 ms; the worst object of the kind):",
        "",
        "| page | " + " | ".join(mixes) + " |",
        "|---|" + "---:|" * len(mixes),
    ]
    for key, label in [(key, label) for key, label in PAGE_ORDER if key in MIX_WEIGHTS]:
        cells = [_ms(mix.get("by_kind", {}).get(key, {}).get("p95_ms")) for mix in mixes.values()]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return lines


def _documents_section(documents, goals, options, missed):
    lines = [
        "",
        "## Documents",
        "",
        "Each in a fresh process on the same database: the first run (fonts and templates "
        f"loaded), then the median of {options['repeats_documents']} more; peak memory as "
        "tracemalloc's peak of Python allocations in a further run, and the growth of the "
        "process's peak resident size (VmHWM) over its size before the first run.",
        "",
        "| document | what | size | first s | warm s | Python peak MB | RSS growth MB | goal |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    document_goals = {
        "letter": (goals["letter_s"], None, "Feedback letter PDF"),
        "report": (goals["report_s"], None, "Scrutiny report PDF"),
        "export": (goals["export_s"], goals["export_mb"], ".xlsx export"),
        "import": (goals["import_s"], None, ".xlsx import with validation"),
    }
    for job, (seconds, megabytes, label) in document_goals.items():
        doc = documents.get(job)
        if not doc:
            continue
        if "error" in doc:
            lines.append(f"| {label} | failed: {doc['error'][-300:]!r} | | | | | | |")
        else:
            lines.append(_document_row(job, doc, seconds, megabytes, label, missed))
    return lines


def _document_row(job, doc, seconds, megabytes, label, missed):
    size = f"{doc['bytes'] / 1e6:.2f} MB"
    if doc.get("pages"):
        size += f", {doc['pages']} pages"
    goal_text = "–"
    if seconds is not None:
        met = doc["warm_s"] <= seconds
        goal_text = f"≤ {seconds} s"
        if job == "report":
            goal_text += " or in the background"
            if doc.get("in_background"):
                goal_text += " (it is: the page shows its progress, then links it)"
                met = True
        if megabytes is not None:
            peak = max(doc["python_peak_mb"] or 0, doc["rss_growth_mb"])
            met = met and peak < megabytes
            goal_text += f" in < {megabytes} MB"
        goal_text += f": {_mark(met)}"
        if not met:
            missed.append(("document", job, label, doc, doc["warm_s"]))
    what = doc["what"]
    if job == "import":
        what += (
            f"; first run: read and checked {doc.get('first_read_s')} s, saved "
            f"{doc.get('first_save_s')} s, {doc.get('first_created')} actions created"
        )
    return (
        f"| {label} | {what} | {size} | {doc['first_s']} | {doc['warm_s']} | "
        f"{doc['python_peak_mb'] if doc['python_peak_mb'] is not None else 'not traced'} | "
        f"{doc['rss_growth_mb']} | {goal_text} |"
    )


def _missed_section(missed):
    lines = ["", "## Goals missed", ""]
    if not missed:
        lines.append("None: every goal above was met in this run.")
    lines += [_missed_line(*entry) for entry in missed]
    return lines


def _missed_line(kind, _key, label, data, value):
    if kind == "page" and value is None:
        return (
            f"- **{label}**: no answer within the run; in process "
            f"{_ms(data.get('wall_ms'))} ms, SQL {_ms(data.get('sql_ms'))} ms, slowest "
            f"statement {data.get('slowest', [{}])[0].get('ms')} ms."
        )
    if kind == "page":
        outside = data.get("wall_ms", 0) - data.get("sql_ms", 0)
        slow = data.get("slowest", [{}])[0]
        return (
            f"- **{label}**: {_ms(value)} ms against SQL {_ms(data.get('sql_ms'))} ms in "
            f"{data.get('queries')} queries; in process {_ms(outside)} ms are spent outside "
            f"the database (Python: view, forms, template). Slowest statement "
            f"{slow.get('ms')} ms."
        )
    if kind == "last":
        return (
            f"- **{label}, last page**: {_ms(value)} ms; its slowest statement "
            f"{data.get('slowest', [{}])[0].get('ms')} ms: "
            f"`{data.get('slowest', [{}])[0].get('sql', '')[:200]}…`"
        )
    if kind == "mix":
        worst = sorted(data.get("by_kind", {}).items(), key=lambda item: -item[1]["p95_ms"])[:3]
        writes = (
            f", {data['write_errors']} of {data['writes']} progress updates not saved"
            if data.get("write_errors")
            else ""
        )
        return (
            f"- **{label} mix**: p95 {_ms(value)} ms, {data['errors']} errors{writes}; the "
            "slowest kinds of page: "
            + ", ".join(f"{kind_} p95 {_ms(v['p95_ms'])} ms" for kind_, v in worst)
        )
    return f"- **{label}**: {value} s warm, {data.get('first_s')} s first."

"""The shared library: code every app uses that knows nothing of any app.

Charts, spreadsheet cells, PDF rendering with its locked URL fetcher, concurrency, history,
numbering, form fields, tables, query helpers and exports. Nothing here imports an app or the
project's own modules outside ``sli.lib`` (tests/test_architecture.py checks it), so any app may
import it without a cycle.
"""

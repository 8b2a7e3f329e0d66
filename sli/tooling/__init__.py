"""Tooling apart from the product: the demo data and its loader, the national data generator
and the benchmark. It imports the product; the product never imports it
(tests/test_architecture.py checks both ways), so the product reads as what it is."""

"""Open data: each published letter and plan as CSV, JSON (and a plan as .ods) under the Open
Government Licence, without exempt items, with the data dictionary page that describes them."""

"""A council's evidence library by CQC quality statement: items of evidence the council adds
(a file or a link to a public document), the evidence already attached to progress updates,
the coverage grid of quality statements by evidence category, and the evidence index a
council sends with its information return."""

"""From a sheet's rows to planned actions: one reader for each group of columns (number, what
the action is, area, recommendations, status and RAG, dates, milestones, progress update),
composed by ``reader.RowReader``."""

"""Pages that gather records of several apps (a council's page, a region's, the dashboards):
the project composes them, so that no app imports an app above it."""

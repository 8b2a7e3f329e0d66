"""Files prepared in the background: a large export or a long report is asked for on a page,
made by the task worker (``manage.py db_worker``), kept in the default storage and downloaded
by the person who asked, through the app, until it expires."""

"""Documents as tagged PDFs (PDF/UA-1), rendered by WeasyPrint from Django templates, with a
URL fetcher locked to ``data:`` URLs and the files beside the document's stylesheet."""

from pathlib import Path
from urllib.request import url2pathname

import weasyprint
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint.urls import URLFetcher


class LockedURLFetcher(URLFetcher):
    """Fetches ``data:`` URLs and files under the document's own static folder, nothing else.

    User text is escaped by the template, so no URL in it should reach WeasyPrint; this is
    the second lock: no network access and no other local file, whatever the document says.
    """

    def __init__(self, *, root, **kwargs):
        super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False, **kwargs)
        self._root = Path(root).resolve()

    def fetch(self, url, headers=None):
        if url.lower().startswith("file:"):
            path = Path(url2pathname(url.split("?")[0].split("#")[0][len("file:") :])).resolve()
            if not path.is_relative_to(self._root):
                raise ValueError(f"The document may not read files outside {self._root}: {url}")
        return super().fetch(url, headers)


def render_pdf(template_name, context, *, stylesheet) -> bytes:
    """A template rendered to a tagged PDF (PDF/UA-1) with a stylesheet from the static
    files; the document may read only ``data:`` URLs and files beside that stylesheet."""
    stylesheet = Path(finders.find(stylesheet))
    fetcher = LockedURLFetcher(root=stylesheet.parent)
    html = render_to_string(template_name, context)
    document = weasyprint.HTML(
        string=html, base_url=stylesheet.parent.as_uri() + "/", url_fetcher=fetcher
    )
    css = weasyprint.CSS(filename=stylesheet, url_fetcher=fetcher)
    return document.write_pdf(stylesheets=[css], pdf_variant="pdf/ua-1")

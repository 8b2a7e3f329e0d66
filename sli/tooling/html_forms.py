"""A page's forms as a browser would send them untouched: the value of every input, text area
and selected option, and the choices radio buttons offer. For the tests and the benchmark, which
fill in a form or two and post the rest as shown."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

UNSENT_INPUTS = {"submit", "button", "file", "image", "reset"}


@dataclass
class Form:
    action: str = ""
    method: str = "get"
    enctype: str = "application/x-www-form-urlencoded"
    fields: list = field(default_factory=list)  # (name, value), in the page's order
    choices: dict = field(default_factory=dict)  # radio name → the values offered

    def value(self, name):
        return next((value for key, value in self.fields if key == name), None)

    def filled(self, **values):
        """The fields with ``values`` in place of what the page showed."""
        kept = [(key, value) for key, value in self.fields if key not in values]
        return kept + list(values.items())


def forms_of(html):
    """Every form of the page, in its order."""
    reader = _FormReader()
    reader.feed(html if isinstance(html, str) else html.decode())
    return reader.forms


class _FormReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._form = self._select = self._textarea = None
        self._text = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = Form(
                action=attrs.get("action") or "",
                method=(attrs.get("method") or "get").lower(),
                enctype=attrs.get("enctype") or Form.enctype,
            )
            self.forms.append(self._form)
            return
        if self._form is None:
            return
        name = attrs.get("name")
        if tag == "option" and self._select and "selected" in attrs:
            self._form.fields.append((self._select, attrs.get("value", "")))
        elif tag == "input" and name:
            self._input(name, attrs)
        elif tag == "select" and name:
            self._select = name
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []

    def _input(self, name, attrs):
        kind = (attrs.get("type") or "text").lower()
        if kind == "radio":
            self._form.choices.setdefault(name, []).append(attrs.get("value", "on"))
        if kind in {"radio", "checkbox"}:
            if "checked" in attrs:
                self._form.fields.append((name, attrs.get("value", "on")))
        elif kind not in UNSENT_INPUTS:
            self._form.fields.append((name, attrs.get("value") or ""))

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea and self._form is not None:
            # A browser drops the one newline that follows <textarea>.
            text = "".join(self._text)
            self._form.fields.append((self._textarea, text.removeprefix("\n")))
            self._textarea = None

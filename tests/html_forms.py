"""Read a page's form as a browser would send it (sli/tooling/html_forms.py), so a test can
change a field or two and post the rest as shown."""

from sli.tooling.html_forms import forms_of


def form_data(html, having="version"):
    """The fields of the page's form that has a field named ``having``, as a dict (a field
    given more than once keeps a list)."""
    for form in forms_of(html):
        if any(name == having for name, _ in form.fields):
            data = {}
            for name, value in form.fields:
                if name in data:
                    data[name] = [*([data[name]] if isinstance(data[name], str) else data[name])]
                    data[name].append(value)
                else:
                    data[name] = value
            return data
    raise AssertionError(f"No form with a field named {having!r} on the page")

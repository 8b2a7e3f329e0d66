"""Form fields in the shape GOV.UK Design System patterns expect."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import dateformat


class MonthOnlyDate(datetime.date):
    """The first of a month standing for the whole month: a date that a report gives only as
    a month ("March 2015"), entered with the day left empty."""

    def __new__(cls, year, month, day=1):
        return super().__new__(cls, year, month, 1)


def shown_date(value, *, month_only=False):
    """The date as people read it: "4 March 2015", or "March 2015" for a date known only to
    the month; "" for none."""
    if value is None:
        return ""
    return dateformat.format(value, "F Y" if month_only else "j F Y")


class DateInputsWidget(forms.MultiWidget):
    """Day, month and year boxes (the GOV.UK date input pattern)."""

    template_name = "django/forms/widgets/govuk_date.html"

    def __init__(self, attrs=None):
        box = {"inputmode": "numeric", "autocomplete": "off"}
        super().__init__(
            [
                forms.TextInput({**box, "class": "govuk-date-input__input govuk-input--width-2"}),
                forms.TextInput({**box, "class": "govuk-date-input__input govuk-input--width-2"}),
                forms.TextInput({**box, "class": "govuk-date-input__input govuk-input--width-4"}),
            ],
            attrs,
        )

    def decompress(self, value):
        if isinstance(value, MonthOnlyDate):
            return [None, value.month, value.year]
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class DateInputsField(forms.MultiValueField):
    """A date entered as day, month and year, with messages that say what to do."""

    widget = DateInputsWidget

    def __init__(self, *, label, month_only_allowed=False, **kwargs):
        """With ``month_only_allowed``, a month and year without a day give a MonthOnlyDate."""
        self.what = label[0].lower() + label[1:]
        self.month_only_allowed = month_only_allowed
        super().__init__(
            # The boxes are checked together in compress(), to say which part is missing.
            fields=[forms.CharField(required=False) for _ in range(3)],
            require_all_fields=False,
            label=label,
            **kwargs,
        )
        if self.required:
            self.error_messages["required"] = f"Enter the {self.what}"
        self.help_text = self.help_text or (
            "For example, 17 11 2015, or 11 2015 when the report gives only the month"
            if month_only_allowed
            else "For example, 17 11 2015"
        )

    def compress(self, data_list):
        if not data_list or not any(data_list):
            return None
        day, month, year = (part.strip() if part else "" for part in data_list)
        month_only = self.month_only_allowed and not day and month and year
        missing = [
            name
            for name, part in zip(("day", "month", "year"), (day, month, year), strict=True)
            if not part and not (name == "day" and self.month_only_allowed)
        ]
        if missing:
            raise ValidationError(f"The {self.what} must include a {' and '.join(missing)}")
        try:
            year_number = int(year)
            if year_number < 1000:
                raise ValidationError(f"The year of the {self.what} must include 4 numbers")
            if month_only:
                return MonthOnlyDate(year_number, int(month))
            return datetime.date(year_number, int(month), int(day))
        except ValueError:
            raise ValidationError(f"The {self.what} must be a real date") from None


class HintedRadioSelect(forms.RadioSelect):
    """Radios with a GOV.UK hint under each option that has one (``hints`` maps a value to
    its hint), linked to its input by ``aria-describedby``."""

    def __init__(self, *args, hints=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.hints = hints or {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        hint = self.hints.get(str(value), "")
        if hint and option["attrs"].get("id"):
            option["hint"] = hint
            option["attrs"]["aria-describedby"] = f"{option['attrs']['id']}-hint"
        return option

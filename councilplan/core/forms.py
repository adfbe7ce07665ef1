"""The GOV.UK date inputs every system's forms use: a date as day, month and year (`GovukDateField`), and a
date with a time as day, month, year and time (`GovukDateTimeField`, in the local time zone).

`includes/field.html` renders both (through `includes/date_input.html` and `includes/datetime_input.html`), so a
form's template includes its date fields like any other. What was typed comes back as typed when there is a
problem, and the error messages follow the Design System's date input wording.
"""

from __future__ import annotations

import datetime as dt
import re

from django import forms
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundField
from django.utils import timezone


class DateInput(forms.Widget):
    """A GOV.UK date input: three boxes named `<name>-day`, `<name>-month` and `<name>-year`.

    Rendered by the template `includes/date_input.html` from the bound field's `parts`.
    """

    PARTS = ("day", "month", "year")

    def value_from_datadict(self, data, files, name):
        return [data.get(f"{name}-{part}", "") for part in self.PARTS]

    def value_omitted_from_data(self, data, files, name):
        return not any(f"{name}-{part}" in data for part in self.PARTS)

    def id_for_label(self, id_):
        # The error summary links to the first box, as the Design System asks.
        return f"{id_}-day" if id_ else ""


class DateBoundField(BoundField):
    @property
    def parts(self) -> list[dict]:
        """The three boxes with what the person typed (or the saved date), for the template."""
        value = self.value()
        if isinstance(value, list | tuple):
            values = [str(part) for part in value]
        elif isinstance(value, dt.date):
            values = [str(value.day), str(value.month), str(value.year)]
        else:
            values = ["", "", ""]
        widths = {"day": 2, "month": 2, "year": 4}
        return [
            {
                "name": f"{self.html_name}-{part}",
                "id": f"{self.auto_id}-{part}",
                "label": part.capitalize(),
                "value": typed,
                "width": widths[part],
            }
            for part, typed in zip(DateInput.PARTS, values, strict=True)
        ]


class GovukDateField(forms.Field):
    """A date typed as day, month and year, with the Design System's error messages.

    `name_in_errors` is how the messages name the date ("The end date must be a real date")."""

    widget = DateInput

    def __init__(self, *, name_in_errors: str, **kwargs):
        self.name_in_errors = name_in_errors
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def get_bound_field(self, form, field_name):
        return DateBoundField(form, self, field_name)

    def to_python(self, value):
        if value in (None, "") or isinstance(value, dt.date):
            return value or None
        day, month, year = (str(part).strip() for part in value)
        if not (day or month or year):
            return None
        missing = [name for name, part in zip(DateInput.PARTS, (day, month, year), strict=True) if not part]
        if missing:
            raise ValidationError(f"{self.name_in_errors} must include a {' and a '.join(missing)}")
        if not (day.isdigit() and month.isdigit() and year.isdigit()):
            raise ValidationError(f"{self.name_in_errors} must be a real date")
        if len(year) != 4:
            raise ValidationError(f"{self.name_in_errors}: the year must include 4 numbers")
        try:
            return dt.date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(f"{self.name_in_errors} must be a real date") from None


_TIME = re.compile(r"^\s*(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?\s*$", re.IGNORECASE)
DATETIME_PARTS = ("day", "month", "year", "time")


def parse_time(text: str) -> dt.time | None:
    """ "9", "9am", "09:00", "5.30pm", "17:30", "midday", "midnight" → a time; None if not a time."""
    text = text.strip().lower()
    if text in ("midday", "noon", "12 noon"):
        return dt.time(12)
    if text == "midnight":
        return dt.time(0)
    match = _TIME.match(text)
    if not match:
        return None
    hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3)
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return dt.time(hour, minute)


class DateTimeParts(forms.MultiWidget):
    """Day, month, year and time text inputs; `includes/datetime_input.html` lays them out as a GOV.UK date
    input with a time box."""

    def __init__(self):
        super().__init__(
            [
                forms.TextInput(attrs={"inputmode": "numeric"}),
                forms.TextInput(attrs={"inputmode": "numeric"}),
                forms.TextInput(attrs={"inputmode": "numeric"}),
                forms.TextInput(),
            ]
        )

    # Which input the error summary's link goes to: the first part with a problem (GOV.UK), else the day.
    focus = 0

    def id_for_label(self, id_):
        return f"{id_}_{self.focus}" if id_ else ""

    def decompress(self, value):
        if not value:
            return [None, None, None, None]
        local = timezone.localtime(value)
        return [local.day, local.month, local.year, local.strftime("%H:%M")]


class GovukDateTimeField(forms.MultiValueField):
    """A date and time in the local time zone (Europe/London), entered as day, month, year and time ("9am",
    "17:30"): the GOV.UK style guide writes times that way, so people may type them that way.

    `what` is how the messages name it ("The date the window opens must be a real date"). `error_parts` is set to
    the parts to highlight when the value is wrong (GOV.UK: only the parts with the problem, or all of them);
    call `fail_all()` when a form's own check (closes after it opens) is about the whole value."""

    widget = DateTimeParts

    def __init__(self, *, what: str, required: bool = True, **kwargs):
        self.what = what
        self.error_parts: tuple[str, ...] = ()
        self.must_answer = required
        fields = [forms.CharField(required=False) for _ in DATETIME_PARTS]
        # Not Django's `required`: it would answer an empty date with its own "This field is required";
        # compress() says "Enter the date the window opens" instead, as GOV.UK does.
        super().__init__(fields=fields, require_all_fields=False, required=False, **kwargs)

    def clean(self, value):
        self.error_parts = ()  # each form has its own copy of the field: this is this form's answer only
        self.widget.focus = 0
        return super().clean(value)

    def validate(self, value):
        pass  # compress() does it all, naming the missing or wrong parts

    def fail_all(self):
        """Highlight every part (for a form's error about the whole value)."""
        self.error_parts = DATETIME_PARTS
        self.widget.focus = 0

    def _fail(self, message: str, parts: tuple[str, ...]):
        self.error_parts = parts
        self.widget.focus = DATETIME_PARTS.index(parts[0])
        raise forms.ValidationError(message)

    def compress(self, data_list):
        values = [str(v or "").strip() for v in (data_list or ["", "", "", ""])]
        day, month, year, time = values
        missing = tuple(part for part, text in zip(DATETIME_PARTS, values, strict=True) if not text)
        if len(missing) == len(DATETIME_PARTS):
            if not self.must_answer:
                return None
            self._fail(f"Enter {self.what[0].lower()}{self.what[1:]}", DATETIME_PARTS)
        if missing:
            words = missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " and " + missing[-1]
            self._fail(f"{self.what} must include a {words}", missing)
        if not (day.isdigit() and month.isdigit() and year.isdigit()):
            wrong = tuple(p for p, text in zip(DATETIME_PARTS[:3], values[:3], strict=True) if not text.isdigit())
            self._fail(f"{self.what} must be a real date", wrong)
        if len(year) != 4:
            self._fail("Year must include 4 numbers", ("year",))
        try:
            date = dt.date(int(year), int(month), int(day))
        except ValueError:
            self._fail(f"{self.what} must be a real date", ("day", "month", "year"))
        clock = parse_time(time)
        if clock is None:
            self._fail(f"{self.what} must include a real time, like 9am or 17:30", ("time",))
        return timezone.make_aware(dt.datetime.combine(date, clock))

from django import forms

from councilplan.core.forms import GovukDateField


class TokenForm(forms.Form):
    name = forms.CharField(
        label="Name of the token",
        max_length=100,
        help_text="What it is for, so that you recognise it later. For example, Power BI performance dashboard",
        error_messages={"required": "Enter a name for the token"},
    )
    expires_on = GovukDateField(
        label="Expiry date",
        name_in_errors="Expiry date",
        required=True,
        help_text="A year from today at most. For example, 31 3 2027",
        error_messages={"required": "Enter the expiry date"},
    )

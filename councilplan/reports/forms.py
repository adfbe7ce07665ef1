from django import forms

from .models import Commentary

MAX_LENGTH = 20_000  # about eight pages of text: more than any section of KCC's Q2 report

HINTS = {
    "introduction": "Replaces the standard introduction. Leave empty to use it (it gives this round's numbers).",
    "contact": "One line each, for example: Report Authors: … / Director: …",
    "issues": "The report's paragraph 4.3, 'Key emerging issues'. Left empty, the report lists the issues as Lead "
    "Officers described them.",
    "mitigations": "The report's paragraph 5.2, 'Key themes from mitigating actions or escalations'. Left empty, the "
    "report lists the mitigating actions as Lead Officers described them.",
    "oversight": "Corporate Risk and Assurance, Internal Audit and other assurance on the plan's activities.",
}
MARKUP_HINT = "A new line starts a new paragraph; start a line with '- ' for a bullet; **two asterisks** make bold."


class CommentaryForm(forms.Form):
    """One textarea per report section, in report order, and when the page was filled (to catch two people
    saving over each other)."""

    opened_at = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in Commentary.Section.choices:
            hint = HINTS.get(key, "Shown after the section's figures and tables.")
            field = self.fields[key] = forms.CharField(
                label=label,
                required=False,
                max_length=MAX_LENGTH,
                strip=False,
                widget=forms.Textarea(attrs={"rows": 5}),
                help_text=f"{hint} {MARKUP_HINT}",
                error_messages={
                    "max_length": f"{label} must be {MAX_LENGTH:,} characters or fewer (it has %(show_value)s)"
                },
            )
            # No maxlength attribute: a browser would silently cut pasted text short (the Design System's
            # advice); the error message says how much to cut instead.
            field.widget.attrs.pop("maxlength", None)

    def texts(self) -> dict[str, str]:
        return {key: self.cleaned_data.get(key, "") for key, _ in Commentary.Section.choices}

"""The shape every app's form and confirmation pages share: show the form, run the service, say what happened,
go on. Views stay thin: they name the form, the service call, the message and where to go next.

    form = RiskForm(request.POST or None, initial=...)
    return edit_page(
        request, form, lambda: services.update_risk(risk, user=request.user, **form.cleaned_data),
        done=("Risk updated.", reverse("risks:risk", args=[risk.code])),
        title="Change the risk", caption=risk.code, back=reverse("risks:risk", args=[risk.code]),
    )

A service refuses a change by raising ValidationError; `apply` puts its messages on the form, so they show
in the GOV.UK error summary with everything that was typed kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render


def apply(form, change: Callable[[], object]) -> bool:
    """Run `change()`; a service's ValidationError goes onto the form (as its fields' errors)."""
    try:
        change()
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error)
        return False
    return True


def done(request, message: str, to: str, *args):
    """Say what happened (a success banner on the next page) and go there (a URL name and its arguments, or
    a path)."""
    messages.success(request, message)
    return redirect(to, *args)


def submitted(request, form, change: Callable[[], object]) -> bool:
    """A POST whose form is valid and whose change the service accepted."""
    return request.method == "POST" and form.is_valid() and apply(form, change)


def edit_page(request, form, change: Callable[[], object], *, done: tuple, **page):
    """The whole cycle of a form on a page of its own: show it; on a valid POST run the service; then say what
    happened and go on, or show the form again with the service's errors. `done`: (message, URL), either of
    them a callable taking what `change` returned (the message can say what the change did)."""
    result = []
    if submitted(request, form, lambda: result.append(change())):
        message, to = (part(result[0]) if callable(part) else part for part in done)
        messages.success(request, message)
        return redirect(to)
    return form_page(request, form, **page)


def form_page(
    request,
    form,
    *,
    title: str = "",
    caption: str = "",
    back: str = "",
    button: str = "Save",
    intro: str = "",
    inline: Iterable[str] = (),
    template: str = "core/form.html",
    context: dict | None = None,
    status: int = 200,
):
    """A form on a page of its own: the error summary, the caption and title, the fields, the button.
    `template` and `context`: a page that lays the form out itself (a table of scores, say)."""
    context = {
        **(context or {}),
        "form": form,
        "title": title,
        "caption": caption,
        "back": back,
        "button": button,
        "intro": intro,
        "inline": set(inline),
    }
    return render(request, template, context, status=status)


def confirm_page(
    request,
    *,
    title: str,
    caption: str = "",
    back: str,
    button: str,
    warning: bool = False,
    lines: Iterable[str] = (),
    inset: str = "",
    error: str = "",
    form=None,
):
    """Are you sure? A page that says what will happen and asks for a POST to do it (for anything that cannot
    be undone, or that others will see). `form`: any fields the confirmation needs (a reason)."""
    context = {
        "title": title,
        "caption": caption,
        "back": back,
        "button": button,
        "warning": warning,
        "lines": list(lines),
        "inset": inset,
        "error": error,
        "form": form,
    }
    return render(request, "core/confirm.html", context, status=400 if error else 200)

"""Money as the reports print it: £m to 3 or 1 places, from whole pence (councilplan.analysis.finance)."""

from django import template

from councilplan.analysis import finance as f

register = template.Library()


@register.filter
def m3(pence):
    return "" if pence is None else f.money(pence, 3)


@register.filter
def m1(pence):
    return "" if pence is None else f.money(pence, 1)


@register.filter
def variance_words(pence):
    return "" if pence is None else f.variance_words(pence)
